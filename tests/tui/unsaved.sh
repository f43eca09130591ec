#!/bin/sh
# unsaved.sh -- nothing typed is lost: the terminal is resized mid-form
# (smaller than 80x24 and back), the user tries to quit with unsaved
# changes and is asked, and only an explicit "yes" discards them.
. "${top_srcdir:-.}/tests/lib.sh"
. "${top_srcdir:-.}/tests/tui/tui_common.sh"
[ -n "$SQLITE3_BIN" ] || skip_all "sqlite3 not installed"

e2e_db 20
before=$(sql "$DB" 'SELECT count(*) FROM person')
e2e_start 80 24
id=$(e2e_id 50011219900101003)

tui_keys n
tui_expect "新登记：基本情况" "a new registration"
tui_type "$id"
tui_keys Tab
tui_type "李四"
tui_expect "姓名  李四" "name typed"

tui_resize 120 40
tui_expect "姓名  李四" "resized larger: the form keeps what was typed"
tui_expect "性别  1 男" "and the derived fields"
tui_resize 70 20
tui_expect "终端窗口太小：70×20" "too small: a clear message"
tui_expect "已输入的内容不会丢失" "that promises nothing is lost"
tui_resize 80 24
tui_expect "姓名  李四" "back to 80x24: still there"
tui_type "光"
tui_expect "姓名  李四光" "and typing goes on where it was"

tui_keys C-c
tui_expect "有未保存的修改" "quitting with unsaved changes asks first"
tui_keys n
tui_expect "姓名  李四光" "answering no keeps the form"
tui_keys Escape
tui_expect "保存|放弃" "Esc on a changed form asks whether to save"
tui_keys Escape
tui_expect "姓名  李四光" "and cancelling that keeps it too"
tui_keys C-c
tui_expect "有未保存的修改" "asked again"
tui_keys y
tui_expect "\[exit 0\]" "yes quits"
is "$(sql "$DB" 'SELECT count(*) FROM person')" "$before" "nothing was saved"
done_testing
