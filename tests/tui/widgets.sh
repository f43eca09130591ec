#!/bin/sh
# widgets.sh -- the TUI widgets in a real terminal: the test-only driver
# tests/tui/widget_demo runs in a private tmux server; the test pages the
# million-row list, types Chinese and pinyin into the select popup's
# filter, picks, switches tabs and resizes the window, reading the screen
# back with capture-pane.
. "${top_srcdir:-.}/tests/lib.sh"

DEMO="${top_builddir:-.}/tests/tui/widget_demo"
[ -x "$DEMO" ] || skip_all "widget_demo not built"
{ [ -n "$TMUX_BIN" ] && [ -x "$TMUX_BIN" ]; } || skip_all "tmux not installed"

tui_start 80 24 "'$DEMO'"
tui_expect '第 1-18 行 / 共 1000000 行' "list shows the first page with the total"
s=$(tui_screen)
like "$s" '序号 +姓名 +性别 +人员类别 +户籍地址' "column headers"
like "$s" '1\.基本信息 2\.家庭 3\.认定 4\.帮扶计划 5\.服务记录 6\.回访 7\.就业情况 8\.变更记录' \
	"all eight tabs fit in 80 columns"
like "$s" ' 零就业家庭~ ' "long cells are cut with ~ at a character boundary"

tui_keys NPage
tui_expect '第 19-36 行 / 共 1000000 行' "PgDn shows the second page"
tui_keys End
tui_expect '第 999983-1000000 行 / 共 1000000 行' "End jumps to the last page"
tui_keys Home
tui_expect '第 1-18 行 / 共 1000000 行' "Home goes back to the first page"
tui_keys NPage

# The select popup: Chinese typed as an input method would send it.
tui_keys s
tui_expect '筛选：' "s opens the select popup"
like "$(tui_screen)" '外国血统中国籍人士（已停用）' "retired codes are listed as such"
tui_type '汉'
tui_expect '筛选：汉 +1 项' "typing 汉 filters to one code"
like "$(tui_screen)" '01 汉族' "the match is 汉族"
tui_keys Enter
tui_expect '已选择：01 汉族' "Enter picks it"

tui_keys s
tui_expect '筛选：' "the popup opens again"
tui_type 'hz'
tui_expect '筛选：hz +2 项' "pinyin initials hz match 汉族 and 回族"
tui_keys Down Enter
tui_expect '已选择：03 回族' "Down, Enter picks the second match"

tui_keys s
tui_expect '筛选：' "and again"
tui_type '98'
tui_expect '筛选：98 +1 项' "the retired code can be found"
tui_keys Enter
tui_expect '该代码已停用，不能选择' "but not picked"
tui_keys Escape
tui_expect '已取消选择' "Esc cancels"

tui_keys 3
tui_expect '标签页：认定' "digit 3 switches to the third tab"
tui_keys Tab
tui_expect '标签页：帮扶计划' "Tab moves to the next tab"

# Resize: the selection (row 19) stays selected.
tui_resize 100 30
tui_expect '第 19-42 行 / 共 1000000 行' "a taller window shows more rows from the same place"
tui_keys Enter
tui_expect '打开：张秀英18' "the selected row is still row 19"
tui_resize 60 20
tui_expect '终端窗口太小' "below 80x24 the program says so"
tui_resize 80 24
tui_expect '第 19-36 行 / 共 1000000 行' "back to 80x24"
tui_keys Down Enter
tui_expect '打开：王秀英19' "Down then Enter opens row 20"

tui_keys q
tui_expect '\[exit 0\]' "q quits cleanly"
"$TMUX_BIN" -L "$TUI_SOCK" kill-server 2>/dev/null || true

# Monochrome (NO_COLOR): the selected row is still marked, in reverse video.
esc=$(printf '\033')

# wait_sgr PATTERN DESCRIPTION: poll the screen with its attributes
# (capture-pane -e) until PATTERN matches; a TAP test.
wait_sgr() {
	i=0
	while [ $i -lt 200 ]; do
		s=$("$TMUX_BIN" -L "$TUI_SOCK" capture-pane -e -p)
		if printf '%s\n' "$s" | grep -qE -- "$1"; then break; fi
		sleep 0.05
		i=$((i + 1))
	done
	like "$s" "$1" "$2"
}

tui_start 80 24 "NO_COLOR=1 '$DEMO'"
tui_expect '第 1-18 行' "the list starts without colours"
wait_sgr "${esc}\\[[0-9;]*7m(${esc}\\[[0-9;]*m)* +1 张三0" "the selected row is in reverse video"
unlike "$s" "${esc}\\[[0-9;]*3[0-7]m|${esc}\\[[0-9;]*4[0-7]m" "no colours are used"
tui_keys Down
wait_sgr "${esc}\\[[0-9;]*7m(${esc}\\[[0-9;]*m)* +2 王三1" "Down moves the reverse-video bar"
tui_keys q
tui_expect '\[exit 0\]' "q quits cleanly"
done_testing
