#!/bin/sh
# run.sh -- `make bench`: build a synthetic database of BENCH_PERSONS
# persons (default 100000; 1000000 for the city-scale figures) once, then
# time the store's interactive operations (bench_store) and the same
# searches done by the sqlite3 shell on the same file.
set -eu
BANGFU=${BANGFU:-./src/bangfu}
N=${BENCH_PERSONS:-100000}
DB=${BENCH_DB:-bench/bench-$N.db}
if [ ! -f "$DB" ]; then
	echo "生成 $N 人的测试数据库 $DB ..."
	"$BANGFU" --db "$DB" demo-data --persons "$N" --seed 1
fi
echo
echo "== bangfu 存储层（$N 人）=="
./bench/bench_store "$DB" 15
echo
echo "== sqlite3 命令行执行同样的查询（仅作对照）=="
if command -v sqlite3 >/dev/null; then
	sq() {
		label=$1; shift
		t=$(sqlite3 "$DB" ".timer on" "$1" 2>&1 | sed -n 's/^Run Time: real \([0-9.]*\).*/\1/p' | tail -1)
		printf '%-34s %8.2f ms\n' "$label" "$(echo "$t * 1000" | bc -l 2>/dev/null || echo 0)"
	}
	sq "姓名子串（FTS5 短语）" "SELECT count(*) FROM (SELECT rowid FROM person_fts WHERE person_fts MATCH '\"张\"' LIMIT 50);"
	sq "姓名 LIKE '%张%'（无索引扫描）" "SELECT count(*) FROM (SELECT id FROM person WHERE name LIKE '%张%' LIMIT 50);"
	sq "拼音首字母前缀" "SELECT count(*) FROM (SELECT id FROM person WHERE name_py >= 'zs' AND name_py < 'zt' ORDER BY name_py, id LIMIT 50);"
	sq "身份证尾号（倒序索引前缀）" "SELECT count(*) FROM person WHERE id_rev >= '1234' AND id_rev < '1235';"
	sq "名单第 1 页" "SELECT id FROM person ORDER BY name_py, id LIMIT 20;"
	sq "全表计数" "SELECT count(*) FROM person;"
fi
