#!/bin/sh
# import.sh -- the import part of `make bench`: a ledger of every person in
# the bench database (exported once with `bangfu export --full`, so labels,
# dates and phones are written as a station's spreadsheet has them) is
# imported into an empty database, beside the sqlite3 shell loading the
# same rows two ways:
#   - `.import` of the ledger file into a new table: no index, no check,
#     text as it comes (the floor for reading the file at all);
#   - the same persons into bangfu's person table (`.import` into a
#     staging table, then one INSERT ... SELECT): the same indexes,
#     name index and constraints bangfu maintains, but no validation, no
#     derived columns and no audit rows (the audit trigger needs functions
#     only bangfu registers, so it is dropped for the shell).
# design.md's target is the second: within 2x.
set -eu
BANGFU=${BANGFU:-./src/bangfu}
N=${BENCH_PERSONS:-100000}
DB=${BENCH_DB:-bench/bench-$N.db}
LEDGER=${BENCH_LEDGER:-${DB%.db}-ledger.csv}

if [ ! -f "$LEDGER" ]; then
	echo "导出测试台账 $LEDGER ..."
	"$BANGFU" --db "$DB" export --full --out "$LEDGER" >/dev/null
fi
T=$(mktemp -d "${TMPDIR:-/tmp}/bangfu-bench-import.XXXXXX")
trap 'rm -rf "$T"' EXIT

# Seconds (to 0.01) that the command takes, its output discarded.
secs() {
	t0=$(date +%s.%N)
	"$@" >/dev/null 2>&1 || { echo "失败：$*" >&2; exit 1; }
	t1=$(date +%s.%N)
	awk "BEGIN { printf \"%.2f\", $t1 - $t0 }"
}

"$BANGFU" --db "$T/bangfu.db" init >/dev/null
ours=$(secs "$BANGFU" --db "$T/bangfu.db" import --report "$T/rejected.csv" "$LEDGER")
rows=$(sqlite3 "$T/bangfu.db" "SELECT count(*) FROM person")
[ -f "$T/rejected.csv" ] && echo "注意：有被拒绝的行，见 $T/rejected.csv" >&2

raw=$(secs sqlite3 "$T/raw.db" ".import --csv '$LEDGER' ledger")
rm -f "$T/raw.db"

# The same persons, as the shell would load them into a new bangfu database.
sqlite3 -csv "$T/bangfu.db" "SELECT * FROM person ORDER BY id" > "$T/person.csv"
"$BANGFU" --db "$T/shell.db" init >/dev/null
sqlite3 "$T/shell.db" "DROP TRIGGER audit_person_insert"
defs=$(sqlite3 "$T/shell.db" "SELECT group_concat('c' || cid, ', ') FROM pragma_table_info('person')")
vals=$(sqlite3 "$T/shell.db" \
    "SELECT group_concat('nullif(c' || cid || ', '''')', ', ') FROM pragma_table_info('person')")
printf 'CREATE TEMP TABLE staging (%s);\n.import --csv %s staging\nINSERT INTO person SELECT %s FROM staging;\n' \
    "$defs" "$T/person.csv" "$vals" > "$T/shell.sql"
shell=$(secs sqlite3 "$T/shell.db" ".read $T/shell.sql")
shell_rows=$(sqlite3 "$T/shell.db" "SELECT count(*) FROM person")

echo
echo "== 导入台账（$rows 行，文件 $(du -h "$LEDGER" | cut -f1)）=="
printf '%8s  %s\n' "秒" "操作"
printf '%8s  %s\n' "$raw" "sqlite3 .import 到新表（无索引、无校验）"
printf '%8s  %s\n' "$shell" "sqlite3 .import 后写入 person（$shell_rows 行；同样的索引和约束，无校验、无审计）"
printf '%8s  %s\n' "$ours" "bangfu import（逐行校验、派生字段、索引、逐行审计）"
awk "BEGIN { printf \"bangfu 用时是 sqlite3 写入 person 的 %.2f 倍（目标 ≤ 2），是 .import 到新表的 %.1f 倍\\n\", $ours / $shell, $ours / $raw }"
