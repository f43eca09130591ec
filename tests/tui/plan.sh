#!/bin/sh
# plan.sh -- a caseworker runs a graduate's case from the keyboard: a
# 1-3-1-1 plan from its template, activated, six services recorded and
# counted toward the measures until progress reads 6/6 (100%), then a job
# recorded: the case becomes employed and the 1-, 3- and 6-month
# stability follow-ups appear in 回访 (and in the database).
. "${top_srcdir:-.}/tests/lib.sh"
. "${top_srcdir:-.}/tests/tui/tui_common.sh"
[ -n "$SQLITE3_BIN" ] || skip_all "sqlite3 not installed"

e2e_db 200
pid=$(sql "$DB" "SELECT id FROM person p WHERE status IN ('registered', 'recognised', 'assisting')
    AND NOT EXISTS (SELECT 1 FROM plan WHERE person_id = p.id AND status IN ('draft', 'active'))
    AND NOT EXISTS (SELECT 1 FROM employment WHERE person_id = p.id) ORDER BY id LIMIT 1")
name=$(sql "$DB" "SELECT name FROM person WHERE id = $pid")
cid=$(sql "$DB" "SELECT citizen_id FROM person WHERE id = $pid")
e2e_start 80 24

tui_keys c
tui_wait "个案列表" 5
tui_keys /
tui_type "$cid"
tui_wait "$name" 5
tui_keys Enter
tui_expect "一人一档：$name" "the file of $name opens"

# 帮扶计划: n offers the templates of forms/plans.
tui_keys 4
tui_wait "制定日期" 5
tui_keys n
tui_expect "按模板新建帮扶计划" "n offers the plan templates"
tui_expect "困难毕业生“1-3-1-1”帮扶" "the 1-3-1-1 graduate package is one of them"
tui_type "grad"
tui_keys Enter
tui_expect "草稿 +0/6（0%）" "a draft plan with six services planned"
is "$(sql "$DB" "SELECT group_concat(type || 'x' || target_count, ',') FROM (SELECT m.type, m.target_count
    FROM plan_measure m JOIN plan p ON p.id = m.plan_id WHERE p.person_id = $pid AND p.status = 'draft'
    ORDER BY m.id)")" "02x1,03x3,04x1,06x1" "its measures: 1 guidance, 3 referrals, 1 training, 1 internship"
tui_keys a
tui_expect "将计划从“草稿”改为“执行中”" "a asks to activate it"
tui_keys y
tui_expect "执行中 +0/6（0%）" "the plan is active"
# m edits one measure in its own form: the training is due earlier.
tui_keys m
tui_expect "修改措施（或新增一项）" "m lists the measures to edit"
tui_type "04"
tui_keys Enter
tui_expect "修改帮扶措施" "the measure's form"
tui_keys Tab Tab C-u
tui_type "2026-09-30"
tui_keys Tab F2
tui_expect "已保存" "saved"
is "$(sql "$DB" "SELECT m.due_on FROM plan_measure m JOIN plan p ON p.id = m.plan_id
    WHERE p.person_id = $pid AND p.status = 'active' AND m.type = '04'")" "2026-09-30" "the new due date is stored"

# 服务记录: six services, each counted toward its measure.
service() {
	tui_keys n
	tui_wait "新增服务记录" 5 || return 1
	tui_keys Tab
	tui_type "$1"
	tui_keys Enter Tab
	tui_type "3"
	tui_keys Enter Tab
	tui_type "$2"
	tui_keys Tab F2
	if [ "$1" = "03" ]; then
		# A referral names the employer and the post: F2 goes to the first one missing.
		tui_wait "先改“推荐单位”" 5 || return 1
		tui_type "重庆某科技公司"
		tui_keys Tab
		tui_type "助理"
		tui_keys Tab F2
	fi
	tui_wait "已保存" 5 && tui_wait "服务日期 +服务类型" 5
}
tui_keys 5
tui_wait "服务日期" 5
n=0
for s in "02 职业指导" "03 岗位推荐一" "03 岗位推荐二" "03 岗位推荐三" "04 职业技能培训"; do
	service "${s%% *}" "${s#* }" && n=$((n + 1))
done
is "$n" 5 "five services saved from the keyboard, counted by their type"
tui_keys 4
tui_expect "执行中 +5/6（83%）" "progress 5/6"
# The sixth from the plan: s picks the measure it counts toward.
tui_keys s
tui_expect "登记服务：计入哪项措施" "s offers the plan's measures"
tui_expect "06 就业见习  已完成 0 / 计划 1 次" "with what each has delivered"
tui_type "06"
tui_keys Enter
tui_expect "服务类型  06 就业见习" "the service form opens with the measure's type"
tui_keys Tab Tab
tui_type "3"
tui_keys Enter Tab
tui_type "就业见习"
tui_keys Tab F2
tui_expect "已保存" "the sixth service is saved"
tui_expect "执行中 +6/6（100%）" "progress reaches 6/6 (100%)"
is "$(sql "$DB" "SELECT count(*) FROM service s JOIN plan_measure m ON m.id = s.measure_id
    JOIN plan p ON p.id = m.plan_id WHERE p.person_id = $pid AND p.status = 'active'")" 6 \
    "each service counted toward a measure of the active plan"
tui_keys Enter
tui_expect "总体进度： +6/6（100%）" "the plan's detail shows the overall progress"
tui_expect "已完成 3 / 计划 3 次" "and per measure: 3 of 3 referrals"
tui_keys Escape
is "$(sql "$DB" "SELECT count(*) FROM followup WHERE person_id = $pid AND kind = 'monthly' AND done_on IS NULL
    AND due_on = '2026-07-01'")" 1 "the services moved the next monthly follow-up to a month later"

# 就业情况: a job moves the case and schedules the stability checks.
tui_keys 7
tui_wait "就业日期" 5
tui_keys n
tui_wait "新增就业情况" 5
tui_type "21"
tui_keys Enter Tab Tab Tab
tui_type "2026-06-01"
tui_keys Tab F2
tui_expect "已就业" "recording a job moves the case to 已就业"
is "$(sql "$DB" "SELECT status FROM person WHERE id = $pid")" "employed" "employed in the database"
is "$(sql "$DB" "SELECT count(*) FROM case_event WHERE person_id = $pid AND to_status = 'employed'")" 1 \
    "with a case event"
tui_keys 6
tui_expect "稳定就业回访（1 个月）" "the 1-month stability follow-up appears in 回访"
tui_expect "稳定就业回访（3 个月）" "the 3-month one"
tui_expect "稳定就业回访（6 个月）" "the 6-month one"
is "$(sql "$DB" "SELECT group_concat(kind || '@' || due_on, ',') FROM (SELECT * FROM followup
    WHERE person_id = $pid AND done_on IS NULL ORDER BY due_on)")" \
    "stable_1m@2026-07-01,stable_3m@2026-09-01,stable_6m@2026-12-01" "due 1, 3 and 6 months after the start"

# 回访: d marks the 1-month check done.
tui_keys Down Down
tui_keys d
tui_expect "修改回访" "d opens the follow-up to record it"
tui_expect "回访方式：" "with the cursor on the first thing left to fill"
tui_type "1"
tui_keys Enter Tab
tui_type "1"
tui_keys Enter F2
tui_expect "已就业，稳定" "done with its result"
is "$(sql "$DB" "SELECT done_on || ' ' || method || ' ' || result FROM followup WHERE person_id = $pid
    AND kind = 'stable_1m'")" "2026-06-01 1 1" "stored with day, method and result"
is "$(sql "$DB" "SELECT count(*) FROM audit_log WHERE person_id = $pid AND tbl = 'followup'
    AND action = 'update' AND row_id = (SELECT id FROM followup WHERE person_id = $pid AND kind = 'stable_1m')")" 1 \
    "the change is in the audit log"
# 就业情况: x records the job ending; the case reopens with the reason.
tui_keys 7
tui_wait "就业日期" 5
tui_keys x
tui_expect "修改就业情况" "x opens the job to end it"
tui_expect "终止日期  2026-06-01" "ending today"
tui_keys F2
tui_expect "先改“终止原因”" "the reason is asked for"
tui_type "合同到期"
tui_keys Tab F2
tui_expect "帮扶中" "the case reopens: 帮扶中"
is "$(sql "$DB" "SELECT from_status || ' ' || to_status || ' ' || reason FROM case_event WHERE person_id = $pid
    ORDER BY id DESC LIMIT 1")" "employed assisting 工作结束（2026-06-01）：合同到期" "a case event with the reason"
is "$(sql "$DB" "SELECT group_concat(kind || ':' || ifnull(result, '-'), ',') FROM (SELECT * FROM followup
    WHERE person_id = $pid AND kind LIKE 'stable%' ORDER BY due_on)")" "stable_1m:1,stable_3m:0,stable_6m:0" \
    "the remaining stability checks are cancelled"
is "$(sql "$DB" "SELECT kind || '@' || due_on FROM followup WHERE person_id = $pid AND done_on IS NULL")" \
    "monthly@2026-07-01" "and monthly follow-ups start again"
tui_keys Escape Escape Escape q
tui_expect "\[exit 0\]" "quit"
done_testing
