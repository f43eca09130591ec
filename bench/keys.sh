#!/bin/sh
# keys.sh -- keypress-to-screen times of the real program on a large
# database, in tmux: home, the caseload paged down 200 pages and to the
# end, incremental search, a person file and its tabs, the form editor.
# The program logs each key's time from arrival to finished screen
# ($BANGFU_KEYTIME); this prints the median and worst per screen.
#
# usage: bench/keys.sh DB
set -eu
DB=$1
BANGFU=${BANGFU:-./src/bangfu}
LOG=$(mktemp)
SOCK=bangfu-bench-$$
trap 'tmux -L $SOCK kill-server 2>/dev/null; rm -f "$LOG"' EXIT
tmux -L $SOCK -f /dev/null new-session -d -x 100 -y 30 \
	"LC_ALL=C.UTF-8 TERM=xterm-256color BANGFU_KEYTIME='$LOG' '$BANGFU' --db '$DB'; sleep 60"
wait_for() {	# wait_for PATTERN
	i=0
	while [ $i -lt 600 ] && ! tmux -L $SOCK capture-pane -p | grep -qE -- "$1"; do
		sleep 0.05; i=$((i + 1))
	done
}
k() { tmux -L $SOCK send-keys "$@"; sleep 0.05; }
wait_for "今日工作"
k c; wait_for "个案列表"
i=0; while [ $i -lt 200 ]; do k NPage; i=$((i + 1)); done
k End; k Home
k /; for c in z h a n g; do k -l $c; done
k Enter; wait_for "一人一档"
for tab in 2 3 4 5 6 7 8 1; do k $tab; done
k e; wait_for "基本情况"
i=0; while [ $i -lt 20 ]; do k Tab; i=$((i + 1)); done
k Escape; k Escape; k Escape; k Escape
sleep 0.5
k q; sleep 0.5
awk '{ key = $1; t[key] = t[key] " " $3; n[key]++ }
END {
	printf "%-10s %6s %10s %10s\n", "屏幕", "按键数", "中位 ms", "最慢 ms";
	for (key in t) {
		m = split(substr(t[key], 2), v, " ");
		for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] + 0 < v[i] + 0) { x = v[i]; v[i] = v[j]; v[j] = x }
		printf "%-10s %6d %10.2f %10.2f\n", key, m, v[int((m + 1) / 2)], v[m]
	}
}' "$LOG"
