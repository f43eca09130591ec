#!/bin/sh
# conflict.sh -- two terminals edit the same person at once: the first
# save wins, the second is refused with a message naming who changed the
# record and when, and everything the second user typed is still on the
# screen (nothing silently overwritten, nothing to retype).
. "${top_srcdir:-.}/tests/lib.sh"
. "${top_srcdir:-.}/tests/tui/tui_common.sh"
[ -n "$SQLITE3_BIN" ] || skip_all "sqlite3 not installed"

e2e_db 20

# open_edit: caseload, first file, edit its basic form; sets $name.
open_edit() {
	tui_keys c
	tui_wait "个案列表" 10
	tui_keys Enter
	tui_wait "一人一档：" 10
	name=$(tui_screen | sed -n 's/.*一人一档：\([^ ]*\).*/\1/p' | head -1)
	tui_keys e
	tui_expect "基本情况：$name" "$1 edits $name"
}

# save_form: F2; demo data may leave a required phone empty, fill it if asked.
save_form() {
	tui_keys F2
	if tui_wait "已保存|先改“[^”]*电话”|保存被拒绝" 5 && tui_screen | grep -q "先改“"; then
		tui_type "13800138000"
		tui_keys Tab F2
	fi
}

e2e_start 80 24
A=$TUI_SOCK
open_edit "terminal A"
tui_keys Tab
tui_type "甲"
tui_expect "姓名  ${name}甲" "A types into the name"
pid=$(sql "$DB" "SELECT id FROM person WHERE name = '$name' LIMIT 1")
version=$(sql "$DB" "SELECT version FROM person WHERE id = $pid")

e2e_start 80 24
B=$TUI_SOCK
open_edit "terminal B"
tui_keys Tab
tui_type "乙"
save_form
tui_expect "已保存" "B saves first"
is "$(sql "$DB" "SELECT name FROM person WHERE id = $pid")" "${name}乙" "B's change is stored"

TUI_SOCK=$A
tui_keys F2
# A's form may ask for the same phone B filled in: fill it too.
if tui_wait "保存被拒绝|先改“[^”]*电话”" 5 && tui_screen | grep -q "先改“"; then
	tui_type "13800138000"
	tui_keys Tab F2
fi
tui_expect "保存被拒绝：这条记录已被 .* 2026-06-01 10:00 修改" "A's save is refused, naming who and when"
tui_keys PPage PPage PPage
tui_expect "姓名  ${name}甲" "A's typed value is still on the screen"
is "$(sql "$DB" "SELECT name FROM person WHERE id = $pid")" "${name}乙" "B's change was not overwritten"
is "$(sql "$DB" "SELECT version FROM person WHERE id = $pid")" "$((version + 1))" "one update, one new version"
"$BANGFU" --db "$DB" check >/dev/null 2>&1
ok $? "the audit log matches the data"

"$TMUX_BIN" -L "$A" kill-server 2>/dev/null
TUI_SOCK=$B
done_testing
