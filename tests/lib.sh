# lib.sh -- shared helpers for the shell tests (sourced, not run).
#
# TAP output: ok/nok/is/like/plan.  Scratch space: $T (removed on exit).
# Terminal tests: tui_start/tui_keys/tui_type/tui_wait/tui_screen drive the
# built program in a private tmux server and poll its screen instead of
# sleeping for fixed times.
#
# Environment (set by `make check`): BANGFU, BANGFU_FORMS, top_srcdir,
# TMUX_BIN, SQLITE3_BIN.

set -u
: "${BANGFU:=$(pwd)/src/bangfu}"
: "${top_srcdir:=.}"
: "${TMUX_BIN:=$(command -v tmux || true)}"
: "${SQLITE3_BIN:=$(command -v sqlite3 || true)}"
export LC_ALL=C.UTF-8 LANG=C.UTF-8
unset BANGFU_DB

T=$(mktemp -d "${TMPDIR:-/tmp}/bangfu-test.XXXXXX")
export XDG_DATA_HOME="$T/xdg-data" XDG_CONFIG_HOME="$T/xdg-config"
TAP_N=0
TAP_FAILED=0
TUI_SOCK=""

tap_cleanup() {
	if [ -n "$TUI_SOCK" ] && [ -n "$TMUX_BIN" ]; then
		"$TMUX_BIN" -L "$TUI_SOCK" kill-server 2>/dev/null || true
	fi
	rm -rf "$T"
}
trap tap_cleanup EXIT INT TERM

# ok CONDITION-STATUS DESCRIPTION: report a test from an exit status.
ok() {
	TAP_N=$((TAP_N + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $TAP_N - $2"
	else
		echo "not ok $TAP_N - $2"
		TAP_FAILED=$((TAP_FAILED + 1))
	fi
}

# is GOT WANT DESCRIPTION
is() {
	if [ "$1" = "$2" ]; then ok 0 "$3"; else
		printf '#   got:  %s\n#   want: %s\n' "$1" "$2"
		ok 1 "$3"
	fi
}

# like TEXT PATTERN DESCRIPTION: grep -E PATTERN in TEXT.
like() {
	if printf '%s\n' "$1" | grep -qE -- "$2"; then ok 0 "$3"; else
		printf '%s\n' "$1" | sed 's/^/#   | /' | head -40
		printf '#   wanted: %s\n' "$2"
		ok 1 "$3"
	fi
}

# unlike TEXT PATTERN DESCRIPTION
unlike() {
	if printf '%s\n' "$1" | grep -qE -- "$2"; then
		printf '%s\n' "$1" | sed 's/^/#   | /' | head -40
		printf '#   unwanted: %s\n' "$2"
		ok 1 "$3"
	else ok 0 "$3"; fi
}

skip_all() {
	echo "1..0 # SKIP $1"
	exit 0
}

done_testing() {
	echo "1..$TAP_N"
	[ "$TAP_FAILED" -eq 0 ]
}

# sql DB QUERY: run a query with the sqlite3 shell (tests read, never write).
sql() {
	# The program may be writing at that moment (WAL checkpoints): wait, as it does.
	"$SQLITE3_BIN" -batch -noheader -cmd '.timeout 5000' "$1" "$2"
}

# ---- terminal tests --------------------------------------------------------

# tui_start COLS ROWS COMMAND...: run COMMAND in a fresh private tmux server.
tui_start() {
	[ -n "$TMUX_BIN" ] || skip_all "tmux not installed"
	cols=$1 rows=$2
	shift 2
	TUI_SOCK="bangfu-test-$$-$TAP_N"
	cat > "$T/tui-cmd.sh" <<EOF
export LC_ALL=C.UTF-8 LANG=C.UTF-8 TERM=xterm-256color ESCDELAY=25
export XDG_DATA_HOME='$XDG_DATA_HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME'
export BANGFU_FORMS='${BANGFU_FORMS:-}'
$*
echo "[exit \$?]"
sleep 600
EOF
	# A tmux server now and then dies while starting on a loaded machine
	# ("server exited unexpectedly"): try again rather than fail the test.
	_try=0
	while :; do
		"$TMUX_BIN" -L "$TUI_SOCK" -f /dev/null new-session -d -x "$cols" -y "$rows" \
			"sh '$T/tui-cmd.sh'" 2>/dev/null &&
			"$TMUX_BIN" -L "$TUI_SOCK" has-session 2>/dev/null && break
		_try=$((_try + 1))
		[ $_try -lt 5 ] || { echo "Bail out! tmux would not start"; exit 1; }
		"$TMUX_BIN" -L "$TUI_SOCK" kill-server 2>/dev/null
		sleep 0.5
	done
	"$TMUX_BIN" -L "$TUI_SOCK" set-option -g status off >/dev/null
	"$TMUX_BIN" -L "$TUI_SOCK" resize-window -x "$cols" -y "$rows" 2>/dev/null || true
}

# tui_keys KEY...: send named keys (Enter, Tab, Escape, F2, C-s, Down ...).
tui_keys() {
	"$TMUX_BIN" -L "$TUI_SOCK" send-keys "$@"
}

# tui_type TEXT: send literal text (Chinese included) as typed.
tui_type() {
	"$TMUX_BIN" -L "$TUI_SOCK" send-keys -l -- "$1"
}

# tui_screen: print the visible screen.
tui_screen() {
	"$TMUX_BIN" -L "$TUI_SOCK" capture-pane -p
}

# tui_resize COLS ROWS
tui_resize() {
	"$TMUX_BIN" -L "$TUI_SOCK" resize-window -x "$1" -y "$2"
}

# tui_wait PATTERN [SECONDS]: poll the screen until grep -E PATTERN matches.
# Returns 1 (and prints the screen as a TAP comment) on timeout.
tui_wait() {
	_pat=$1
	_limit=$(( ${2:-10} * 20 ))
	_n=0
	while [ $_n -lt $_limit ]; do
		if tui_screen | grep -qE -- "$_pat"; then
			return 0
		fi
		sleep 0.05
		_n=$((_n + 1))
	done
	pat=$_pat
	echo "# timed out waiting for: $pat"
	tui_screen | sed 's/^/#   | /'
	return 1
}

# tui_wait_gone PATTERN [SECONDS]: poll until PATTERN is no longer on screen.
tui_wait_gone() {
	_pat=$1
	_limit=$(( ${2:-10} * 20 ))
	_n=0
	while [ $_n -lt $_limit ]; do
		if ! tui_screen | grep -qE -- "$_pat"; then
			return 0
		fi
		sleep 0.05
		_n=$((_n + 1))
	done
	echo "# still on screen after waiting: $_pat"
	tui_screen | sed 's/^/#   | /'
	return 1
}

# tui_keys_settled KEY...: send keys, then wait until the screen stops
# changing (for loops that look at the screen after each key).
tui_keys_settled() {
	_before=$(tui_screen)
	tui_keys "$@"
	_n=0
	while [ $_n -lt 100 ] && [ "$(tui_screen)" = "$_before" ]; do
		sleep 0.02
		_n=$((_n + 1))
	done
	sleep 0.05
}

# tui_expect PATTERN DESCRIPTION [SECONDS]: tui_wait as a TAP test.
tui_expect() {
	tui_wait "$1" "${3:-10}"
	ok $? "$2"
}
