# tui_common.sh -- set-up shared by the end-to-end terminal tests: a
# database with a small synthetic caseload at a fixed date, and helpers to
# start the real program on it in tmux.  Sourced after tests/lib.sh.

export BANGFU_NOW="2026-06-01 10:00:00"
DB="$T/e2e.db"

# e2e_db N: a database with N synthetic persons.
e2e_db() {
	"$BANGFU" --db "$DB" demo-data --persons "${1:-200}" --seed 3 >/dev/null 2>&1 ||
		{ echo "Bail out! demo-data failed"; exit 1; }
}

# e2e_start [COLS ROWS]: the program on $DB in tmux, waiting for the home screen.
e2e_start() {
	tui_start "${1:-80}" "${2:-24}" "BANGFU_NOW='$BANGFU_NOW' '$BANGFU' --db '$DB'"
	tui_wait "今日工作" 10 || { echo "Bail out! the program did not start"; tui_screen; exit 1; }
}

# e2e_id BODY17: a valid citizen ID from 17 digits.
e2e_id() {
	awk -v b="$1" 'BEGIN {
		split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " ");
		s = 0; for (i = 1; i <= 17; i++) s += substr(b, i, 1) * w[i];
		printf "%s%s\n", b, substr("10X98765432", s % 11 + 1, 1) }'
}
