#!/bin/sh
# household.sh -- a registered unemployed woman in her forties: 认定 offers
# 4050 with its reason, accepted and ended from the keyboard; then a
# zero-employment household flagged and cleared: the 家庭 tab's form with two working-age members out of work
# (the person herself, linked by citizen ID, and her husband) raises the
# 疑似零就业 flag with the day it appeared; c confirms it; a job recorded
# for her clears it with the day, all kept in household_flag.
. "${top_srcdir:-.}/tests/lib.sh"
. "${top_srcdir:-.}/tests/tui/tui_common.sh"
[ -n "$SQLITE3_BIN" ] || skip_all "sqlite3 not installed"

e2e_db 200
pid=$(sql "$DB" "SELECT id FROM person p WHERE status IN ('registered', 'recognised', 'assisting')
    AND household_id IS NULL AND sex = '2' AND birth_date BETWEEN '1977-01-01' AND '1985-12-31'
    AND EXISTS (SELECT 1 FROM registration WHERE person_id = p.id AND cancelled_on IS NULL)
    AND NOT EXISTS (SELECT 1 FROM person_category WHERE person_id = p.id AND code = '01')
    AND NOT EXISTS (SELECT 1 FROM employment WHERE person_id = p.id) ORDER BY id LIMIT 1")
name=$(sql "$DB" "SELECT name FROM person WHERE id = $pid")
cid=$(sql "$DB" "SELECT citizen_id FROM person WHERE id = $pid")
comm=$(sql "$DB" "SELECT community_code FROM person WHERE id = $pid")
spouse=$(e2e_id 50010119760101001)
child=$(e2e_id 50010120160301002)
e2e_start 80 24

tui_keys c
tui_wait "个案列表" 5
tui_keys /
tui_type "$cid"
tui_wait "$name" 5
tui_keys Enter
tui_expect "一人一档：$name" "the file of $name opens"
[ -n "$pid" ] || { echo "Bail out! no registered woman in her forties in the demo data"; exit 1; }
age=$(sql "$DB" "SELECT (strftime('%Y', '2026-06-01') - strftime('%Y', birth_date)) -
    (strftime('%m-%d', '2026-06-01') < strftime('%m-%d', birth_date)) FROM person WHERE id = $pid")

# 认定: the rule proposes 4050, with its reason.
tui_keys 3
tui_wait "认定日期" 5
tui_keys a
tui_expect "按规则建议认定" "a proposes the derived categories"
tui_expect "女，$age 岁，已登记失业 → 登记失业的“4050”人员" "4050, explained"
tui_keys Enter
# Another category of hers may already read 有效（按规则认定）: wait for this save's own message.
tui_wait "已认定：" 5
tui_expect "有效（按规则认定）" "accepted: recognised today by rule"
is "$(sql "$DB" "SELECT recognised_on || ' ' || derived || ' ' || evidence FROM person_category
    WHERE person_id = $pid AND code = '01'")" "2026-06-01 1 女，$age 岁，已登记失业 → 登记失业的“4050”人员" \
    "stored with the day, derived, the reason as evidence"
tui_keys x
tui_expect "结束认定：选择原因" "x asks why the category ends"
tui_type "06"
tui_keys Enter
tui_expect "已结束 2026-06-01" "ended today"
is "$(sql "$DB" "SELECT ended_on || ' ' || end_reason FROM person_category WHERE person_id = $pid AND code = '01'")" \
    "2026-06-01 06" "ended_on and end_reason stored"

tui_keys 2
tui_expect "尚未登记家庭情况" "no household yet"
tui_keys e
tui_expect "新增家庭情况" "e opens the household form"
tui_keys Tab
tui_type "$name"
tui_keys Tab
tui_type "$comm"
tui_keys Enter
i=0
while [ $i -lt 14 ]; do
	tui_screen | tail -3 | grep -q "家庭成员：" && break
	tui_keys Tab
	sleep 0.1
	i=$((i + 1))
done
tui_keys Enter
tui_expect "还没有记录，按 n 新增" "the members list"

# member MEMBER_NAME CITIZEN_ID RELATION EMPLOYMENT_STATE
member() {
	tui_keys n
	tui_wait "家庭成员 > 新增" 5 || return 1
	tui_type "$1"
	tui_keys Tab
	tui_type "$2"
	tui_keys Tab
	tui_type "$3"
	tui_keys Enter Tab
	tui_type "1"
	tui_keys Tab Tab Tab
	tui_type "$4"
	tui_keys Enter F2
	tui_wait "已记入家庭成员" 5
}
member "$name" "$cid" "02" "2"
ok $? "the person herself as head, unemployed"
member "李强" "$spouse" "10" "3"
ok $? "her husband, out of work"
tui_keys Escape
tui_wait "家庭成员 +2 行|家庭成员  2" 5
tui_keys F2
tui_expect "疑似零就业家庭" "saved: the rule finds a suspected zero-employment household"
tui_expect "疑似，待确认（按 c 确认）（2026-06-01 出现）" "flagged with the day it appeared"
hh=$(sql "$DB" "SELECT household_id FROM person WHERE id = $pid")
is "$(sql "$DB" "SELECT flag || ' ' || appeared_on || ' ' || ifnull(cleared_on, '-') FROM household_flag
    WHERE household_id = $hh")" "zero_employment 2026-06-01 -" "household_flag row with appeared_on"
is "$(sql "$DB" "SELECT person_id FROM household_member WHERE household_id = $hh AND citizen_id = '$cid'")" \
    "$pid" "the member with a file is linked to it"

tui_keys c
tui_expect "确认此家庭为零就业家庭" "c asks to confirm"
tui_keys y
tui_expect "已确认（2026-06-01 出现）" "confirmed"
tui_expect "确认日期： +2026-06-01" "with the day"
is "$(sql "$DB" "SELECT confirmed_on FROM household_flag WHERE household_id = $hh")" "2026-06-01" \
    "confirmed_on stored"

# m adds a member on its own: a schoolchild does not change the assessment.
tui_keys m
tui_expect "修改家庭成员（或新增一名）" "m lists the members to edit, or adds one"
tui_type "+"
tui_keys Enter
tui_expect "新增家庭成员" "the member form"
tui_type "李小小"
tui_keys Tab
tui_type "$child"
tui_keys Tab
tui_type "20"
tui_keys Enter Tab
tui_type "0"
tui_keys Tab
tui_type "5"
tui_keys Enter F2
tui_expect "家庭成员（3 人）|疑似" "saved"
is "$(sql "$DB" "SELECT count(*) FROM household_member WHERE household_id = $hh")" 3 "three members now"
is "$(sql "$DB" "SELECT count(*) FROM household_flag WHERE household_id = $hh AND cleared_on IS NULL")" 1 \
    "still flagged"

# Editing the household again: its form says the members are on file, not an empty list to retype.
tui_keys e
tui_expect "修改家庭情况" "e edits the stored household"
tui_expect "家庭成员 +已有 3 条，按 Enter 新增" "the members group says three are on file"
tui_keys Escape
tui_expect "一人一档：$name" "nothing changed, back in the file"
is "$(sql "$DB" "SELECT count(*) FROM household_member WHERE household_id = $hh")" 3 "still three members"

# She finds a job: the flag clears.
tui_keys 7
tui_wait "就业日期" 5
tui_keys n
tui_wait "新增就业情况" 5
tui_type "21"
tui_keys Enter Tab Tab Tab
tui_type "2026-06-01"
tui_keys Tab F2
tui_expect "已就业" "her job is recorded"
tui_keys 2
tui_expect "已就业 → 不是零就业家庭" "the rule now says the household has work"
tui_expect "已消除（2026-06-01 出现）" "the flag is cleared"
tui_expect "消除日期： +2026-06-01" "with the day it was cleared"
is "$(sql "$DB" "SELECT appeared_on || ' ' || confirmed_on || ' ' || cleared_on FROM household_flag
    WHERE household_id = $hh")" "2026-06-01 2026-06-01 2026-06-01" "appeared, confirmed and cleared days kept"
tui_keys Escape Escape q
tui_expect "\[exit 0\]" "quit"
done_testing
