#!/bin/sh
# concurrent.sh -- several programs write one database at once: two form
# writers (tests/crash/crash_writer, saving as the terminal interface
# does), demo-data loading batches, a backup and a check in between.
# Every program must finish without an error -- in particular no
# "database is locked" (the busy timeout makes writers wait their turn)
# -- and every record written must be there, whole, and in the audit log.
. "${top_srcdir:-.}/tests/lib.sh"
[ -n "$SQLITE3_BIN" ] || skip_all "sqlite3 shell not installed"
: "${top_builddir:=.}"
WRITER="$top_builddir/tests/crash/crash_writer"
[ -x "$WRITER" ] || skip_all "crash_writer not built"
FORMS=${BANGFU_FORMS:-$top_srcdir/forms}
DB="$T/shared.db"
ROUNDS=300

"$BANGFU" --db "$DB" init >/dev/null 2>&1
ok $? "a fresh database"

"$WRITER" "$DB" "$FORMS" 1 $ROUNDS >"$T/w1.out" 2>"$T/w1.err" & w1=$!
"$WRITER" "$DB" "$FORMS" 2 $ROUNDS >"$T/w2.out" 2>"$T/w2.err" & w2=$!
"$BANGFU" --db "$DB" demo-data --persons 4000 --seed 9 >/dev/null 2>"$T/demo.err" & d=$!
sleep 0.5
"$BANGFU" --db "$DB" backup "$T/during.db" >/dev/null 2>"$T/backup.err"
is "$?" 0 "a backup taken while three programs write"
"$BANGFU" --db "$DB" search 压测 --limit 1 >/dev/null 2>"$T/search.log"
ok $? "a search while they write"
wait $w1; is "$?" 0 "form writer 1 finished without an error"
wait $w2; is "$?" 0 "form writer 2 finished without an error"
wait $d; is "$?" 0 "demo-data finished without an error"
errs=$(cat "$T"/*.err)
is "$errs" "" "no program reported an error"
unlike "$errs" "locked|占用" "in particular no 'database is locked'"

is "$(grep -c '^P' "$T/w1.out") $(grep -c '^P' "$T/w2.out")" "$ROUNDS $ROUNDS" "each writer saved all its persons"
is "$(sql "$DB" 'SELECT count(*) FROM person')" "$((2 * ROUNDS + 4000))" "all persons are in the database"
is "$(sql "$DB" "SELECT count(*) FROM plan l WHERE goal LIKE 'K=%' AND (SELECT count(*) FROM plan_measure m WHERE m.plan_id = l.id) <> CAST(substr(goal, 3) AS INTEGER)")" 0 \
	"every plan has exactly its measures"
"$BANGFU" --db "$DB" check >"$T/check.out" 2>&1
ok $? "bangfu check passes (audit log matches the data)"
"$BANGFU" --db "$T/during.db" check >/dev/null 2>&1
ok $? "and on the backup taken meanwhile"
done_testing
