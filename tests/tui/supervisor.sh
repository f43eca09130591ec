#!/bin/sh
# supervisor.sh -- a street supervisor at the terminal: opens the
# indicators dashboard, sees the numbers the records give, picks one
# community, drills into its overdue follow-ups and opens a person; a
# caseworker of another street cannot find that person at all.
#
# Identity is the Unix login and the test runs as one Unix user, so no
# test hook is used: the user is the first (admin) user of the database,
# adds a second administrator, and then makes itself a supervisor of the
# street with `bangfu user set`.  The caseworker check runs on a copy of
# the database in which the same login was made a caseworker elsewhere.
. "${top_srcdir:-.}/tests/lib.sh"
. "${top_srcdir:-.}/tests/tui/tui_common.sh"
[ -n "$SQLITE3_BIN" ] || skip_all "sqlite3 not installed"

e2e_db 300
me=$(id -un)
# The community with the most persons overdue today, and its street.
comm=$(sql "$DB" "SELECT p.community_code FROM person p JOIN followup f ON f.person_id = p.id
  WHERE f.done_on IS NULL AND f.due_on < '2026-06-01'
  GROUP BY 1 ORDER BY count(DISTINCT p.id) DESC, 1 LIMIT 1")
street=$(printf '%s' "$comm" | cut -c1-9)000
comm_name=$(sql "$DB" "SELECT name FROM org_unit WHERE code = '$comm'")
street_name=$(sql "$DB" "SELECT name FROM org_unit WHERE code = '$street'")
overdue() {
	sql "$DB" "SELECT count(*) FROM person p WHERE p.community_code BETWEEN '$1' AND '$2'
	  AND EXISTS (SELECT 1 FROM followup f WHERE f.person_id = p.id AND f.due_on < '2026-06-01'
	  AND (f.done_on IS NULL OR f.done_on > '2026-06-01'))"
}
n_street=$(overdue "$street" "$(printf '%s' "$street" | cut -c1-9)999")
n_comm=$(overdue "$comm" "$comm")
pid=$(sql "$DB" "SELECT p.id FROM person p WHERE p.community_code = '$comm' AND EXISTS (SELECT 1
  FROM followup f WHERE f.person_id = p.id AND f.done_on IS NULL AND f.due_on < '2026-06-01')
  ORDER BY p.name_py, p.id LIMIT 1")
pname=$(sql "$DB" "SELECT name FROM person WHERE id = $pid")
other=$(sql "$DB" "SELECT code FROM org_unit WHERE level = 'community' AND code NOT LIKE '$(printf '%s' "$street" | cut -c1-9)%' LIMIT 1")

"$BANGFU" --db "$DB" user add admin2 --role admin --org 500000000000 >/dev/null 2>&1
cp "$DB" "$T/cw.db"
out=$("$BANGFU" --db "$DB" user set "$me" --role supervisor --org "$street" 2>&1)
is "$?" 0 "the user becomes a supervisor of $street_name"

# goto_overdue: move the dashboard's selection to 回访逾期 (the chart title follows it).
goto_overdue() {
	i=0
	while [ $i -lt 60 ] && ! tui_screen | grep -qE "人 +回访逾期 *$"; do
		tui_keys Down
		sleep 0.05
		i=$((i + 1))
	done
}

e2e_start 100 30
tui_keys d
tui_expect "指标看板" "d opens the dashboard"
tui_expect "$street_name（$street）  2026-06 月" "for the supervisor's street and this month"
tui_expect "登记失业人员（月末） +[0-9]+ 人" "registered unemployed"
tui_expect "本月帮助实现就业" "helped into employment"
tui_expect "近 12 个月" "a 12-month chart of the selected indicator"
goto_overdue
tui_expect "回访逾期 +$n_street 人" "overdue follow-ups of the street: $n_street"
tui_keys Left
tui_expect "  2026-05 月" "Left shows the month before"
tui_keys Right
tui_expect "  2026-06 月" "Right comes back"
tui_keys u
tui_expect "已是您所在的单位" "u does not go above the supervisor's unit"
tui_keys o
tui_expect "选择下级单位" "o lists the communities"
tui_type "$comm_name"
tui_wait "$comm_name" 5
tui_keys Enter
tui_expect "$comm_name（$comm）" "the dashboard of $comm_name"
goto_overdue
tui_expect "回访逾期 +$n_comm 人" "overdue follow-ups of the community: $n_comm"
tui_expect "近 12 个月，最高 [0-9]+ 人" "the chart follows the selected row"
tui_screen | grep -qE "[▁▂▃▄▅▆▇█]" ; ok $? "bars drawn with block characters"
tui_keys a
tui_wait "#" 5; ok $? "a switches the chart to ASCII"
tui_keys Enter
tui_expect "回访逾期：$comm_name 2026-06" "Enter lists the persons behind the number"
tui_expect "$pname" "$pname is among them"
tui_keys Enter
tui_expect "一人一档：$pname" "Enter opens the person's file"
tui_expect "\*{8}" "the supervisor sees the ID masked"
tui_keys r
tui_expect "$(sql "$DB" "SELECT citizen_id FROM person WHERE id = $pid")" "r reveals it"
tui_keys Escape
tui_expect "回访逾期：$comm_name" "Esc back to the list"
tui_keys Escape
tui_expect "指标看板" "and to the dashboard"
tui_keys Escape
tui_expect "今日工作" "Esc back home"

# The caseload browser across the org tree.
n_open=$(sql "$DB" "SELECT count(*) FROM person WHERE status <> 'closed' AND community_code LIKE '$(printf '%s' "$street" | cut -c1-9)%'")
tui_keys b
tui_expect "$street_name（$street）  筛选：在册（未结案）  共 $n_open 人" "b browses the street: $n_open open cases"
tui_keys f
tui_expect "筛选：回访逾期  共 $n_street 人" "f: overdue follow-ups only"
tui_expect "$comm_name +$n_comm\$" "counted per community"
rows=$(tui_screen | awk 'NR > 3' | grep -n "^ *$comm_name " | head -1 | cut -d: -f1)
i=1; while [ "$i" -lt "${rows:-1}" ]; do tui_keys Down; i=$((i + 1)); done
tui_keys Enter
tui_expect "$comm_name（$comm）  筛选：回访逾期" "Enter goes down to the community"
tui_expect "社区工作人员" "listing its caseworkers"
tui_keys l
tui_expect "$comm_name：回访逾期" "l lists its persons"
tui_expect "$pname" "with $pname"
tui_keys Escape
tui_keys u
tui_expect "$street_name（$street）" "u goes back up"
tui_keys Escape
tui_expect "今日工作" "home again"

# The audit log: the reveal is there, found by filters.
tui_keys L
tui_expect "审计日志" "L opens the audit log"
tui_expect "筛选： 无（全部记录）" "unfiltered at first"
tui_keys f
tui_expect "按什么筛选" "f asks which filter"
tui_type "操作类型"
tui_keys Enter
tui_expect "查看" "the actions are offered"
tui_type "查看"
tui_keys Enter
tui_expect "筛选： 操作=查看" "filtered by action"
tui_expect "$me +查看 +person +$pid" "the supervisor's view of $pname is logged"

# Transfer from the person file: the supervisor reads, and hands over.
to=$(sql "$DB" "SELECT code FROM org_unit WHERE parent = '$street' AND code <> '$comm' ORDER BY code LIMIT 1")
to_name=$(sql "$DB" "SELECT name FROM org_unit WHERE code = '$to'")
open_fu=$(sql "$DB" "SELECT count(*) FROM followup WHERE person_id = $pid AND done_on IS NULL")
tui_keys Enter
tui_expect "一人一档：$pname" "Enter on the row opens the file"
tui_keys e
tui_expect "管理人员只能查看档案" "a supervisor cannot edit the file"
tui_keys T
tui_expect "转到哪个社区" "T asks where to"
tui_type "$to_name"
tui_wait "$to_name" 5
tui_keys Enter
tui_expect "交给哪位社区工作人员" "then to whom"
tui_keys Enter
tui_expect "转移原因：" "then why"
tui_type "搬家到$to_name"
tui_keys Enter
tui_expect "已转到 $to，移交未完成回访 $open_fu 条" "the transfer is made"
is "$(sql "$DB" "SELECT community_code FROM person WHERE id = $pid")" "$to" "the person belongs to $to_name now"
is "$(sql "$DB" "SELECT reason FROM transfer WHERE person_id = $pid")" "搬家到$to_name" "with the reason kept"
tui_expect "$to_name" "the file shows the new community"
tui_keys Escape
tui_expect "审计日志" "back to the log"
tui_keys f
tui_type "人员编号"
tui_keys Enter
tui_type "999999"
tui_keys Enter
tui_expect "没有符合条件的记录" "another person: nothing"
tui_keys x
tui_expect "筛选： 无（全部记录）" "x clears the filters"
tui_keys q

# A caseworker of another street: the same login on the copy.
out=$("$BANGFU" --db "$T/cw.db" user set "$me" --role caseworker --org "$other" 2>&1)
is "$?" 0 "on a copy, the user is a caseworker of another street"
out=$("$BANGFU" --db "$T/cw.db" search "$pname" 2>&1)
unlike "$out" "^$pid	" "cannot find $pname by name"
tail6=$(sql "$DB" "SELECT substr(citizen_id, 13, 6) FROM person WHERE id = $pid")
out=$("$BANGFU" --db "$T/cw.db" search "$tail6" 2>&1)
unlike "$out" "^$pid	" "nor by the ID tail"
out=$("$BANGFU" --db "$T/cw.db" report --org "$street" 2>&1)
like "$out" "不在您的管辖范围内" "nor report on the street"

done_testing
