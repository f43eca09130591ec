#!/bin/sh
# run.sh -- `make bench`: build a synthetic database of BENCH_PERSONS
# persons (default 100000; 1000000 for the city-scale figures) once, then
# time the store's interactive operations (bench_store) and run the very
# statements they executed (bench_store writes them, bound values
# expanded) in the sqlite3 shell on the same file, side by side: a large
# gap between the two columns means time spent outside SQLite.
#
# Not so for the monthly report (marked †): it is computed on two
# connections at once, and some of the whole city's numbers join two
# sequential scans in C (store/indicators_join.c), so its sqlite3 column is the
# sum of its statements run one by one (both connections', read-only
# ones; no C) and may well exceed bangfu's time.  The city report's statements are listed
# below the table with each one's time in the shell.
set -eu
BANGFU=${BANGFU:-./src/bangfu}
N=${BENCH_PERSONS:-100000}
DB=${BENCH_DB:-bench/bench-$N.db}
if [ ! -f "$DB" ]; then
	echo "生成 $N 人的测试数据库 $DB ..."
	"$BANGFU" --db "$DB" demo-data --persons "$N" --seed 1
fi
SQLF=$(mktemp)
echo
echo "== bangfu 存储层（$N 人）=="
./bench/bench_store "$DB" 15 "$SQLF"
echo
echo "== 同样的语句在 sqlite3 命令行中执行（各执行两次取第二次，精度 1 ms；* 表示含写操作，只计其中的查询）=="
if ! command -v sqlite3 >/dev/null; then
	echo "（未安装 sqlite3，跳过）"
	exit 0
fi
# Milliseconds the sqlite3 shell takes for one SELECT, warm (second run),
# with the same page cache as the program; the indicator report maps the
# file (store/indicators_run.c), so its statements run mapped here too.
sq_ms() {
	printf '.timer on\n%s;\n%s;\n' "$1" "$1" |
	    sqlite3 -cmd "PRAGMA cache_size = -16384" -cmd "PRAGMA mmap_size = ${2:-0}" "$DB" 2>/dev/null |
	    sed -n 's/^Run Time: real \([0-9.]*\).*/\1/p' | tail -1
}
printf '%-34s %10s %10s\n' "操作" "bangfu ms" "sqlite3 ms"
tab=$(printf '\t')
prev='' ours='' total=0 mark=''
CITYF=$(mktemp)
trap 'rm -f "$SQLF" "$CITYF"' EXIT
flush() {
	[ -n "$prev" ] && printf '%-34s %10s %10s%s\n' "$prev" "$ours" "$total" "$mark"
	return 0
}
while IFS="$tab" read -r label ms sql; do
	if [ "$label" != "$prev" ]; then
		flush
		prev=$label ours=$ms total=0.00 mark=''
	fi
	case $sql in
	SELECT*|WITH*)
		case $label in
		月度指标报表*) t=$(sq_ms "$sql" 2147483648) mark=' †' ;;
		*) t=$(sq_ms "$sql") ;;
		esac
		total=$(awk "BEGIN { printf \"%.2f\", $total + ${t:-0} * 1000 }")
		case $label in
		月度指标报表\ 全市) printf '%8.1f  %.150s\n' "$(awk "BEGIN { print ${t:-0} * 1000 }")" "$sql" >> "$CITYF" ;;
		esac
		;;
	"BEGIN DEFERRED"*) ;;	# the report's read transactions
	INSERT*|UPDATE*|DELETE*|REPLACE*|BEGIN*|COMMIT*|SAVEPOINT*|RELEASE*) mark=' *' ;;
	esac
done < "$SQLF"
flush
if [ -s "$CITYF" ]; then
	echo
	echo "† 月度指标报表：在两个连接上同时计算，全市的部分指标在 C 中连接两次顺序扫描的结果；"
	echo "  sqlite3 列为各语句逐条执行的时间之和，不含 C 中的连接，不能与左列直接比较。"
	echo "  全市报表执行的语句（sqlite3 ms，最慢的在前）："
	sort -rn "$CITYF" | sed 's/^/  /'
fi

# the import of a ledger of every person, beside the sqlite3 shell
BANGFU="$BANGFU" BENCH_PERSONS="$N" BENCH_DB="$DB" sh "$(dirname "$0")/import.sh"
