#!/bin/sh
# register.sh -- a caseworker registers a person from the keyboard: a
# rejected citizen ID is fixed in place, the name typed in Chinese, sex,
# birth date and age appear from the ID, selects are filtered by typing,
# and the saved file opens; the database then holds exactly that person.
. "${top_srcdir:-.}/tests/lib.sh"
. "${top_srcdir:-.}/tests/tui/tui_common.sh"
[ -n "$SQLITE3_BIN" ] || skip_all "sqlite3 not installed"

e2e_db 50
before=$(sql "$DB" 'SELECT count(*) FROM person')
e2e_start 80 24
good=$(e2e_id 50010319850312002)
bad=$(printf '%s' "$good" | cut -c1-17)$(( ( $(printf '%s' "$good" | cut -c18 | tr X 0) + 1 ) % 10 ))

tui_keys n
tui_expect "新登记：基本情况" "n opens the registration form"
tui_type "$bad"
tui_keys Tab
tui_expect "校验码错误：第 18 位应为 $(printf '%s' "$good" | cut -c18)" "a wrong check digit is named precisely"
tui_expect "$bad" "the rejected ID stays as typed"
tui_keys BTab BSpace
tui_type "$(printf '%s' "$good" | cut -c18)"
tui_expect "1985-03-12" "the birth date appears from the ID as it is typed"
tui_expect "性别  2 女" "so does the sex"
tui_keys Tab
tui_wait_gone "校验码错误"
ok $? "the message goes once the ID is right"
tui_type "张小红"
tui_keys Tab
tui_expect "姓名  张小红" "Chinese typed into the name"

tui_keys F2
tui_expect "有 [0-9]+ 处需要修改" "saving with empty required fields is refused"
tui_expect "先改“原法定退休年龄”" "and the first one to fix is named"
tui_keys Enter
tui_expect "50 周岁（女职工）" "Enter opens the choices"
tui_keys Enter
tui_keys Tab
tui_type "大学"
tui_expect "筛选：大学" "typing on a select filters its choices"
tui_keys Enter
tui_expect "文化程度  21 大学本科" "picked from the filtered choices"
tui_expect "毕业院校" "the graduate fields appear for a university degree (show_if)"
tui_keys Tab
tui_type "重庆大学"
tui_keys Tab Tab
tui_type "2007年7月1日"
tui_keys Tab
tui_expect "2007-07-01" "a Chinese date is normalised when leaving the field"
i=0; while [ $i -lt 5 ]; do tui_keys Tab; i=$((i + 1)); done
tui_type "华一坡"
tui_expect "华一坡社区" "the community is found by name"
tui_keys Enter Tab
tui_type "渝中区华一坡 12 号"
tui_keys Tab
tui_type "+86 138-0013-8000"
tui_keys F2
tui_expect "一人一档：张小红" "saved, the new file opens"
tui_expect "已保存" "with a confirmation"

is "$(sql "$DB" 'SELECT count(*) FROM person')" "$((before + 1))" "one person added"
row=$(sql "$DB" "SELECT name, sex, birth_date, phone, community_code, retire_basis, education FROM person WHERE citizen_id = '$good'")
is "$row" "张小红|2|1985-03-12|13800138000|500103001003|50|21" "stored exactly as entered"
is "$(sql "$DB" "SELECT json_extract(extra, '\$.school') || ' ' || json_extract(extra, '\$.graduated_on') FROM person WHERE citizen_id = '$good'")" \
	"重庆大学 2007-07-01" "fields defined only in YAML are stored too"
is "$(sql "$DB" "SELECT count(*) FROM audit_log a JOIN person p ON p.id = a.row_id WHERE a.tbl = 'person' AND a.action = 'insert' AND p.citizen_id = '$good'")" 1 "the registration is in the audit log"

# The same ID again: the program offers the existing file instead of a duplicate.
tui_keys Escape
tui_keys n
tui_expect "新登记：基本情况" "a second registration"
tui_type "$good"
tui_keys Tab
tui_expect "该身份证号已有档案（张小红" "an ID already on file is recognised"
tui_keys y
tui_expect "一人一档：张小红" "and its file opens instead"
is "$(sql "$DB" "SELECT count(*) FROM person WHERE citizen_id = '$good'")" 1 "no duplicate was created"

tui_keys Escape Escape q
tui_expect "\[exit 0\]" "q quits with status 0"
done_testing
