#!/bin/sh
# run.sh -- crash-safety harness.  Runs a writer on one database and kills
# it with SIGKILL at a random moment, CRASH_KILLS times (default 30 under
# `make check`, 500 with `make crash-test`).  Writers take turns: the form
# writer (tests/crash/crash_writer: person, plan with its measures in one
# transaction, version-checked edit -- as the terminal interface saves),
# `bangfu import` of a 2000-row ledger in batches of 100, and `bangfu
# demo-data` (bulk batches).  After every kill:
#   - PRAGMA integrity_check is ok and foreign_key_check is empty;
#   - every transaction the writer reported as committed is there (lost);
#   - every plan has exactly the measures saved with it (torn);
#   - demo persons come in whole batches, each with its audit row;
#   - an import leaves whole batches, at least those it reported committed;
# and every few kills, and at the end, `bangfu check` (audit log against
# the data) passes.  CRASH_SEED makes a run repeatable.
. "${top_srcdir:-.}/tests/lib.sh"
[ -n "$SQLITE3_BIN" ] || skip_all "sqlite3 shell not installed"
: "${top_builddir:=.}"
WRITER="$top_builddir/tests/crash/crash_writer"
[ -x "$WRITER" ] || skip_all "crash_writer not built"
FORMS=${BANGFU_FORMS:-$top_srcdir/forms}
KILLS=${CRASH_KILLS:-30}
SEED=${CRASH_SEED:-$$}
DB="$T/crash.db"
DEMO="$T/demo.db"	# demo-data gets its own: its synthetic IDs may repeat across seeds
LOG="$T/committed.log"
: > "$LOG"

"$BANGFU" --db "$DB" init >/dev/null 2>&1
ok $? "a fresh database"
echo "# kills=$KILLS seed=$SEED"

# delay K: a pseudo-random delay in seconds for kill K (10-400 ms, or
# up to 1.5 s for demo-data, whose batches take longer).
delay() {
	awk -v s="$SEED" -v k="$1" -v max="$2" 'BEGIN { srand(s * 1000 + k); printf "%.3f", 0.01 + rand() * max }'
}

# verify DB LOG: the invariants (LOG: the writer's committed lines), as counts that must all be 0.
verify() {
	{
		echo "CREATE TEMP TABLE c (kind TEXT, id INTEGER, n INTEGER);"
		awk '{ printf "INSERT INTO c VALUES (%c%s%c, %s, %s);\n", 39, $1, 39, $2, ($3 == "" ? "NULL" : $3) }' "$2"
		cat <<'SQL'
SELECT 'integrity', (SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok');
SELECT 'foreign_keys', (SELECT count(*) FROM pragma_foreign_key_check);
SELECT 'lost_persons', count(*) FROM c WHERE kind = 'P' AND id NOT IN (SELECT id FROM person);
SELECT 'lost_plans', count(*) FROM c WHERE kind = 'L' AND id NOT IN (SELECT id FROM plan);
SELECT 'lost_edits', count(*) FROM c JOIN person p ON p.id = c.id WHERE kind = 'U' AND p.version < c.n;
SELECT 'torn_plans', count(*) FROM plan l WHERE goal LIKE 'K=%'
  AND (SELECT count(*) FROM plan_measure m WHERE m.plan_id = l.id) <> CAST(substr(goal, 3) AS INTEGER);
SELECT 'torn_batches', count(*) FROM audit_log WHERE action = 'bulk' AND json_extract(after, '$.first') IS NOT NULL
  AND (SELECT count(*) FROM person WHERE id BETWEEN json_extract(after, '$.first') AND json_extract(after, '$.last'))
      <> json_extract(after, '$.count');
SELECT 'unlogged_persons', count(*) FROM person p WHERE NOT EXISTS
  (SELECT 1 FROM audit_log a WHERE a.person_id = p.id AND a.action = 'insert' AND a.tbl = 'person')
  AND NOT EXISTS (SELECT 1 FROM audit_log b WHERE b.action = 'bulk'
    AND p.id BETWEEN json_extract(b.after, '$.first') AND json_extract(b.after, '$.last'));
SQL
	} | "$SQLITE3_BIN" -batch -noheader -separator ' ' "$1" 2>&1
}

# ledger K: 2000 valid rows whose IDs and names belong to kill K alone
# (birth dates numbered 2K and 2K+1 from 1990-01-01, 1000 IDs each).
ledger() {
	awk -v k="$1" 'BEGIN {
		split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " ")
		chk = "10X98765432"
		printf "公民身份号码,姓名,手机号码,文化程度,常住地社区（村）,常住地址,原法定退休年龄\r\n"
		for (i = 0; i < 2000; i++) {
			m = 2 * k + int(i / 1000)
			body = sprintf("500103%04d%02d%02d%03d", 1990 + int(m / 336), 1 + int(m / 28) % 12, 1 + m % 28, i % 1000)
			s = 0
			for (j = 1; j <= 17; j++) s += substr(body, j, 1) * w[j]
			printf "%s%s,导入%d-%d,138%08d,初中,500103001003,华一坡%d号,50\r\n", body, substr(chk, s % 11 + 1, 1), k, i, i, i
		}
	}'
}

bad=0 forms=0 demos=0 imports=0 cut_imports=0 demo_seed=100
k=0
while [ $k -lt "$KILLS" ]; do
	k=$((k + 1))
	if [ $((k % 5)) -eq 0 ]; then
		demos=$((demos + 1)) demo_seed=$((demo_seed + 1))
		db=$DEMO
		"$BANGFU" --db "$DEMO" demo-data --persons 2500 --seed "$SEED$demo_seed" >/dev/null 2>"$T/w.err" &
		pid=$! d=$(delay $k 1.5)
	elif [ $((k % 5)) -eq 3 ]; then
		imports=$((imports + 1)) db=$DB
		ledger $k > "$T/ledger.csv"
		"$BANGFU" --db "$DB" import --batch 100 "$T/ledger.csv" >/dev/null 2>"$T/w.err" &
		pid=$! d=$(delay $k 0.4)
	else
		forms=$((forms + 1)) db=$DB
		"$WRITER" "$DB" "$FORMS" "$k" >"$T/w.out" 2>"$T/w.err" &
		pid=$! d=$(delay $k 0.4)
	fi
	sleep "$d"
	kill -KILL $pid 2>/dev/null
	wait $pid 2>/dev/null
	rc=$?
	[ -f "$T/w.out" ] && cat "$T/w.out" >> "$LOG" && rm -f "$T/w.out"
	# A writer that ended by itself must have ended well.
	if [ $rc -ne 137 ] && [ $rc -ne 0 ] && ! grep -q '请换一个 --seed' "$T/w.err"; then
		echo "# kill $k: writer exited $rc: $(head -3 "$T/w.err")"
		bad=$((bad + 1))
	fi
	if [ $((k % 5)) -eq 3 ]; then
		# The import: whole batches of 100, at least every one it reported.
		n=$(sql "$DB" "SELECT count(*) FROM person WHERE name LIKE '导入$k-%'")
		last=$(grep -o "已提交到第 [0-9]* 行" "$T/w.err" | tail -1 | tr -dc 0-9)
		if [ $((n % 100)) -ne 0 ] || [ "$n" -lt $(( ${last:-1} - 1 )) ]; then
			echo "# kill $k: import left $n rows (last reported line ${last:-none})"
			bad=$((bad + 1))
		elif [ "$n" -gt 0 ] && [ "$n" -lt 2000 ]; then
			cut_imports=$((cut_imports + 1))
		fi
	fi
	if [ "$db" = "$DEMO" ] && [ "$(sql "$DEMO" 'SELECT count(*) FROM sqlite_schema')" = 0 ]; then
		# Killed while creating the database: all or nothing, so empty.
		out="user_version $(sql "$DEMO" 'PRAGMA user_version')"
	elif [ "$db" = "$DB" ]; then
		out=$(verify "$DB" "$LOG")
	else
		out=$(verify "$DEMO" /dev/null)
	fi
	if printf '%s\n' "$out" | awk '$2 != 0 { f = 1 } END { exit !f }'; then
		echo "# kill $k (after ${d}s):"; printf '%s\n' "$out" | sed 's/^/#   /'
		bad=$((bad + 1))
	fi
	if [ $((k % 10)) -eq 0 ] && [ "${out#user_version}" = "$out" ] && ! "$BANGFU" --db "$db" check >"$T/check.out" 2>&1; then
		echo "# kill $k: bangfu check:"; sed 's/^/#   /' "$T/check.out"
		bad=$((bad + 1))
	fi
	# A finished or refused load: start the next on an empty database.
	[ "$db" = "$DEMO" ] && [ $rc -ne 137 ] && rm -f "$DEMO" "$DEMO-wal" "$DEMO-shm"
done

is "$bad" 0 "$KILLS kills ($forms form writers, $imports imports, $demos demo-data): no lost, torn or unlogged record"
echo "# imports killed part-way: $cut_imports of $imports"
# A load killed while creating the database leaves it empty: nothing to check.
if [ -f "$DEMO" ] && [ "$(sql "$DEMO" 'SELECT count(*) FROM sqlite_schema')" != 0 ]; then
	"$BANGFU" --db "$DEMO" check >"$T/check.out" 2>&1
	ok $? "bangfu check passes on the demo-data database at the end"
	sed 's/^/# /' "$T/check.out"
fi
out=$("$BANGFU" --db "$DB" check 2>&1)
ok $? "bangfu check passes at the end"
printf '%s\n' "$out" | sed 's/^/# /'
echo "# committed and verified: $(grep -c '^P' "$LOG") persons, $(grep -c '^L' "$LOG") plans," \
	"$(grep -c '^U' "$LOG") edits, $(sql "$DB" "SELECT count(*) FROM person WHERE name LIKE '导入%'") imported rows; database: $(sql "$DB" 'SELECT count(*) FROM person') persons," \
	"$(sql "$DB" 'SELECT count(*) FROM plan_measure') measures, $(sql "$DB" 'SELECT count(*) FROM audit_log') audit rows"
done_testing
