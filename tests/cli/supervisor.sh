#!/bin/sh
# supervisor.sh -- the supervisor's commands: init --group, user set,
# report (text, csv, xlsx, scope, errors) and transfer, on a demo database.
. "${top_srcdir:-.}/tests/lib.sh"

DB="$T/sup.db"
export BANGFU_NOW="2024-06-01 10:00:00"
GROUP=$(id -gn)

out=$("$BANGFU" --db "$DB" init --group "$GROUP" 2>&1); rc=$?
is "$rc" 0 "init --group succeeds"
like "$out" "用户组 $GROUP（权限 0660）" "and says so"
is "$(stat -c %a "$DB")" 660 "the database is 0660"
is "$(stat -c %G "$DB")" "$GROUP" "owned by the group"
out=$("$BANGFU" --db "$DB" init --group no-such-group-xyz 2>&1); rc=$?
is "$rc" 1 "an unknown group is refused"
like "$out" "没有名为 no-such-group-xyz 的用户组" "with a clear message"

"$BANGFU" --db "$DB" demo-data --persons 500 --seed 7 >/dev/null 2>&1
is "$?" 0 "demo data"

out=$("$BANGFU" --db "$DB" report --month 2024-05 2>&1); rc=$?
is "$rc" 0 "report as text"
like "$out" "帮扶工作指标  重庆市（500000000000）  2024-05" "title with unit and month"
reg=$(sql "$DB" "SELECT count(*) FROM person p WHERE EXISTS (SELECT 1 FROM registration r
  WHERE r.person_id = p.id AND r.registered_on <= '2024-05-31'
  AND (r.cancelled_on IS NULL OR r.cancelled_on > '2024-05-31'))")
like "$out" "登记失业人员（月末） +$reg 人" "registered unemployed matches the records ($reg)"
like "$out" "回访逾期 +[0-9]+ 人" "overdue follow-ups"
like "$out" "单位就业" "employment by form"
like "$out" "各社区工作人员在册个案" "caseload per caseworker"

out=$("$BANGFU" --db "$DB" report --month 2024-05 --format csv 2>&1); rc=$?
is "$rc" 0 "report as csv"
like "$out" "^.?单位代码,单位,月份,指标代码" "csv header"
like "$out" "^500000000000,\"重庆市\",2024-05,registered,,\"登记失业人员（月末）\",$reg,人$" "csv row"
is "$(sql "$DB" "SELECT count(*) FROM audit_log WHERE action = 'export' AND tbl = 'report'")" 1 \
	"the csv export is in the audit log"

out=$("$BANGFU" --db "$DB" report --format xlsx --output "$T/r.xlsx" 2>&1); rc=$?
	if [ "$rc" -eq 0 ]; then
		ok "$([ -s "$T/r.xlsx" ] && echo 0 || echo 1)" "xlsx written"
	else
	like "$out" "libxlsxwriter" "without libxlsxwriter: a clear message"
fi
out=$("$BANGFU" --db "$DB" report --format pdf 2>&1); rc=$?
is "$rc" 2 "an unknown format is a usage error"
out=$("$BANGFU" --db "$DB" report --month 2024-13 2>&1); rc=$?
is "$rc" 1 "a bad month is refused"
like "$out" "格式应为 YYYY-MM" "saying how to write it"

# search --full shows the whole ID and logs who saw it.
cid=$(sql "$DB" "SELECT citizen_id FROM person WHERE id = 7")
out=$("$BANGFU" --db "$DB" search --full "$cid" 2>&1)
like "$out" "^7	.*	$cid	" "search --full shows the full ID"
is "$(sql "$DB" "SELECT count(*) FROM audit_log WHERE action = 'view' AND person_id = 7")" 1 \
	"and the view is in the audit log"

# A caseworker of another district cannot report on the street.
comm=$(sql "$DB" "SELECT community_code FROM person WHERE id = 42")
street=$(printf '%s' "$comm" | cut -c1-9)000
me=$(id -un)
"$BANGFU" --db "$DB" user add admin2 --role admin --org 500000000000 >/dev/null 2>&1
other=$(sql "$DB" "SELECT code FROM org_unit WHERE level = 'community' AND substr(code, 1, 6) <> substr('$comm', 1, 6) LIMIT 1")

# Transfer (as the administrator).
to=$(sql "$DB" "SELECT code FROM org_unit WHERE parent = '$street' AND code <> '$comm' LIMIT 1")
"$BANGFU" --db "$DB" user add cwto --role caseworker --org "$to" >/dev/null 2>&1
open=$(sql "$DB" "SELECT count(*) FROM followup WHERE person_id = 42 AND done_on IS NULL")
out=$("$BANGFU" --db "$DB" transfer 42 --to-org "$to" --to-worker cwto --reason 搬家 2>&1); rc=$?
is "$rc" 0 "transfer succeeds"
like "$out" "已将人员 42 从 $comm 转到 $to，移交未完成回访 $open 条" "and reports the follow-ups moved"
is "$(sql "$DB" "SELECT community_code FROM person WHERE id = 42")" "$to" "the person moved"
is "$(sql "$DB" "SELECT count(*) FROM followup WHERE person_id = 42 AND done_on IS NULL
  AND worker_id = (SELECT id FROM app_user WHERE login = 'cwto')")" "$open" "open follow-ups moved with them"
is "$(sql "$DB" "SELECT reason FROM transfer WHERE person_id = 42")" "搬家" "the transfer row keeps the reason"
out=$("$BANGFU" --db "$DB" transfer 42 --to-org "$to" 2>&1); rc=$?
is "$rc" 2 "transfer without a reason is a usage error"
out=$("$BANGFU" --db "$DB" transfer 42 --to-org "$to" --to-worker cwto --reason 再次 2>&1); rc=$?
is "$rc" 1 "the same place again is refused"

# The administrator becomes a caseworker of another district: scope shrinks.
out=$("$BANGFU" --db "$DB" user set "$me" --role caseworker --org "$other" 2>&1); rc=$?
is "$rc" 0 "user set changes role and unit"
out=$("$BANGFU" --db "$DB" report --org "$street" 2>&1); rc=$?
is "$rc" 1 "a caseworker of another district cannot report on the street"
like "$out" "不在您的管辖范围内" "out of scope"
out=$("$BANGFU" --db "$DB" transfer 42 --to-org "$comm" --reason 回迁 2>&1); rc=$?
is "$rc" 1 "nor transfer the person"
out=$("$BANGFU" --db "$DB" user set admin2 --role caseworker --org "$other" 2>&1); rc=$?
is "$rc" 1 "only an administrator changes users"

done_testing
