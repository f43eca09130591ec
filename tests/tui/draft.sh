#!/bin/sh
# draft.sh -- a form being typed survives a dropped connection: SIGHUP to
# the program, or its tmux pane killed (the terminal closed), keeps the
# values as a draft and exits cleanly; the next start offers the draft
# ("发现未保存的草稿（时间），恢复？") and restores every value; saving
# or declining removes it.  A kill -9 loses at most the typing since the
# last periodic draft ($BANGFU_DRAFT_SECONDS, 1 s here).
. "${top_srcdir:-.}/tests/lib.sh"
. "${top_srcdir:-.}/tests/tui/tui_common.sh"
[ -n "$SQLITE3_BIN" ] || skip_all "sqlite3 not installed"

e2e_db 20

# fresh: end the previous tmux server of this test before a new one.
fresh() { [ -n "$TUI_SOCK" ] && "$TMUX_BIN" -L "$TUI_SOCK" kill-server 2>/dev/null; TUI_SOCK=""; }
before=$(sql "$DB" 'SELECT count(*) FROM person')
# the program may be writing: wait for its lock instead of failing
dsql() { "$SQLITE3_BIN" -batch -noheader -cmd '.timeout 5000' "$DB" "$1"; }
drafts() { dsql 'SELECT count(*) FROM draft'; }

# the pid of the program running in the pane
prog_pid() {
	shell=$("$TMUX_BIN" -L "$TUI_SOCK" list-panes -F '#{pane_pid}' | head -1)
	ps -o pid= --ppid "$shell" | tr -d ' ' | head -1
}

# wait_drafts N: poll until the draft table holds N rows (5 s at most).
wait_drafts() {
	i=0
	while [ $i -lt 100 ] && [ "$(drafts)" != "$1" ]; do sleep 0.05; i=$((i + 1)); done
	is "$(drafts)" "$1" "$2"
}

id=$(e2e_id 50011219900101003)
fresh; e2e_start 80 24
tui_keys n
tui_expect "新登记：基本情况" "a new registration"
tui_type "$id"
tui_keys Tab
tui_type "王小明"
tui_expect "姓名  王小明" "name typed"
is "$(drafts)" 0 "no draft yet (typing is quicker than the draft interval)"
kill -HUP "$(prog_pid)"
tui_expect "\[exit 0\]" "SIGHUP: the program exits cleanly"
wait_drafts 1 "and kept the form as a draft"
like "$(dsql 'SELECT data FROM draft')" "\"name\":\"王小明\"" "with the typed name"

fresh; e2e_start 80 24
tui_keys n
tui_expect "发现未保存的草稿（20[0-9-]+ [0-9:]+），恢复？" "the next new registration offers the draft, with its time"
tui_keys y
tui_expect "姓名  王小明" "yes restores the name"
tui_expect "公民身份号码  $id" "and the citizen ID"
tui_expect "性别  1 男" "and what is derived from it"
tui_keys Tab
tui_type "光"
tui_expect "姓名  王小明光" "typing goes on"

# The terminal closed: tmux kills the pane (SIGHUP to the program).
"$TMUX_BIN" -L "$TUI_SOCK" kill-server
wait_drafts 1 "closing the terminal keeps the draft"
like "$(dsql 'SELECT data FROM draft')" "\"name\":\"王小明光\"" "with what was typed since"

fresh; e2e_start 80 24
tui_keys n
tui_expect "发现未保存的草稿" "offered again"
tui_keys y
tui_expect "姓名  王小明光" "restored"
tui_keys Escape
tui_expect "放弃" "Esc asks about the restored, unsaved form"
tui_keys d
tui_expect "今日工作" "discarded"
wait_drafts 0 "discarding the form removes its draft"
is "$(sql "$DB" 'SELECT count(*) FROM person')" "$before" "and nothing was saved"

# Editing someone on file: the draft belongs to that person and is saved over it.
tui_keys c
tui_expect "个案列表" "the caseload"
tui_keys Enter
tui_expect "一人一档：" "a file opens"
name=$(tui_screen | sed -n 's/.*一人一档：\([^ ]*\).*/\1/p' | head -1)
pid=$(sql "$DB" "SELECT id FROM person WHERE name = '$name' LIMIT 1")
tui_keys e
tui_expect "基本情况：$name" "e edits $name"
tui_keys Tab
tui_type "光"
tui_expect "姓名  ${name}光" "a character added to the name"
kill -TERM "$(prog_pid)"
tui_expect "\[exit 0\]" "SIGTERM: the program exits cleanly"
wait_drafts 1 "and kept the edit as a draft"
is "$(dsql 'SELECT person_id FROM draft')" "$pid" "the draft is of that person"

fresh; e2e_start 80 24
tui_keys c
tui_expect "个案列表" "the caseload again"
tui_keys Enter
tui_expect "一人一档：$name" "the same file"
tui_keys e
tui_expect "发现未保存的草稿" "editing the person offers the draft"
tui_keys y
tui_expect "姓名  ${name}光" "restored"
tui_keys F2
# Demo data may leave a required phone empty: fill it in if asked.
if tui_wait "已保存|先改“[^”]*电话”" 5 && tui_screen | grep -q "先改“"; then
	tui_type "13800138000"
	tui_keys Tab F2
fi
tui_expect "已保存" "saved"
wait_drafts 0 "saving removes the draft"
is "$(sql "$DB" "SELECT name FROM person WHERE id = $pid")" "${name}光" "the restored value is stored"
tui_keys C-c
tui_wait "\[exit" 5 || true

# kill -9 loses at most the typing since the last periodic draft.
fresh; tui_start 80 24 "BANGFU_DRAFT_SECONDS=1 BANGFU_NOW='$BANGFU_NOW' '$BANGFU' --db '$DB'"
tui_wait "今日工作" 10
tui_keys n
tui_expect "新登记：基本情况" "a new registration (drafts every second)"
tui_type "$(e2e_id 50011219900101011)"
tui_keys Tab
tui_type "赵"
sleep 1.2
tui_type "六"
tui_expect "姓名  赵六" "typed, with a pause"
wait_drafts 1 "a periodic draft was written while typing"
kill -KILL "$(prog_pid)"
tui_expect "\[exit 137\]" "kill -9"
like "$(dsql 'SELECT data FROM draft')" "\"name\":\"赵六\"" "the periodic draft holds what was typed"

fresh; e2e_start 80 24
tui_keys n
tui_expect "发现未保存的草稿" "offered after kill -9"
tui_keys n
tui_expect "新登记：基本情况" "declining opens an empty form"
unlike "$(tui_screen)" "赵六" "without the draft's values"
wait_drafts 0 "and the declined draft is gone"
tui_keys Escape
tui_keys C-c
done_testing
