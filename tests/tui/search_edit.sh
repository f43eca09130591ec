#!/bin/sh
# search_edit.sh -- find a person in the caseload by pinyin initials and by
# ID tail, open the file, edit a field, save, and see the change in the
# database and in the file's 变更记录 (who, when, before and after).
. "${top_srcdir:-.}/tests/lib.sh"
. "${top_srcdir:-.}/tests/tui/tui_common.sh"
[ -n "$SQLITE3_BIN" ] || skip_all "sqlite3 not installed"

e2e_db 300
pid=$(sql "$DB" "SELECT id FROM person WHERE status <> 'closed' AND length(name) = 3 AND phone IS NOT NULL ORDER BY id LIMIT 1 OFFSET 7")
name=$(sql "$DB" "SELECT name FROM person WHERE id = $pid")
py=$(sql "$DB" "SELECT name_py FROM person WHERE id = $pid")
tail4=$(sql "$DB" "SELECT substr(citizen_id, 15, 4) FROM person WHERE id = $pid")
e2e_start 80 24

tui_keys c
tui_expect "个案列表" "c opens the caseload"
tui_expect "姓名 +性别 +年龄 +类别" "with its columns"
tui_keys /
tui_expect "查找：" "/ starts a search"
tui_type "$py"
tui_expect "按拼音查找：找到 [0-9]+ 人" "the list narrows as the initials are typed"
tui_expect "$name" "$name is found by $py"
n=$(tui_screen | grep -c "$name")
ok $([ "$n" -ge 1 ]; echo $?) "shown in the list"
tui_keys C-u
tui_type "$tail4"
tui_expect "按身份证号尾号查找" "four digits search the ID tail"
tui_expect "$name" "and find $name too"
# Move to the row of this person and open it.
tui_keys C-u
tui_type "$py"
tui_wait "按拼音查找：找到" 5
tui_wait "$name" 5
sleep 0.3
rows=$(tui_screen | awk 'NR > 3' | grep -n "^$name " | head -1 | cut -d: -f1)
i=1; while [ "$i" -lt "${rows:-1}" ]; do tui_keys Down; i=$((i + 1)); done
tui_keys Enter
tui_expect "一人一档：$name" "Enter opens the file"
tui_expect "1 基本信息|1\.基本信息" "on the 基本信息 tab"
tui_expect "\*{8}" "the citizen ID is masked"
tui_keys r
tui_expect "$(sql "$DB" "SELECT citizen_id FROM person WHERE id = $pid")" "r reveals the full ID"
is "$(sql "$DB" "SELECT count(*) FROM audit_log WHERE action = 'view' AND person_id = $pid")" 1 "and the viewing is audited"

tui_keys e
tui_expect "基本情况：$name" "e edits the basic form"
# Go to the phone field: it is in the 联系方式 section, found with Tab.
i=0
while [ $i -lt 40 ]; do
	tui_screen | grep -q "手机号码：" && break
	tui_keys_settled Tab
	i=$((i + 1))
done
tui_keys C-u
tui_type "13912345678"
tui_keys Tab F2
tui_expect "已保存" "the edit is saved"
tui_expect "一人一档：$name" "back in the file"
is "$(sql "$DB" "SELECT phone FROM person WHERE id = $pid")" "13912345678" "the new phone is stored"
is "$(sql "$DB" "SELECT version FROM person WHERE id = $pid")" 2 "the version went up"

tui_keys 8
tui_expect "修改" "变更记录 lists the edit"
tui_keys Enter
tui_expect "手机号码：.* → 139\*\*\*\*5678" "and its detail shows the change, masked"
unlike "$(tui_screen)" "原法定退休年龄" "nothing else changed"
tui_keys Escape Escape Escape Escape q
tui_expect "\[exit 0\]" "quit"
done_testing
