#!/bin/sh
# concurrent.sh -- several programs write one database at once: two form
# writers (tests/crash/crash_writer, saving as the terminal interface
# does), demo-data loading batches, an import of 1000 rows, the terminal
# interface in tmux saving an edit, a backup and a search in between.
# A terminal saves an edit in the middle of it all.
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

"$BANGFU" --db "$DB" demo-data --persons 50 --seed 77 >/dev/null 2>&1
ok $? "a database with 50 persons"

# A ledger of 1000 valid rows (born 1995) for the import.
awk 'BEGIN {
	split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " ")
	chk = "10X98765432"
	printf "公民身份号码,姓名,手机号码,文化程度,常住地社区（村）,常住地址,原法定退休年龄\r\n"
	for (i = 0; i < 1000; i++) {
		body = sprintf("5001031995%02d%02d%03d", 1 + int(i / 100), 1 + int(i / 100), i)
		s = 0
		for (j = 1; j <= 17; j++) s += substr(body, j, 1) * w[j]
		printf "%s%s,导入%d,138%08d,初中,500103001003,华一坡%d号,50\r\n", body, substr(chk, s % 11 + 1, 1), i, i, i
	}
}' > "$T/ledger.csv"

# A terminal with a person's form open, saved while the others write.
tui=""
if [ -n "$TMUX_BIN" ]; then
	tui_start 80 24 "'$BANGFU' --db '$DB'"
	if tui_wait "今日工作" 10; then
		tui_keys c
		tui_wait "个案列表" 10
		tui_keys Enter
		tui_wait "一人一档：" 10
		name=$(tui_screen | sed -n 's/.*一人一档：\([^ ]*\).*/\1/p' | head -1)
		tui_keys e
		tui_wait "基本情况：" 10 && tui=1
	fi
fi

"$WRITER" "$DB" "$FORMS" 1 $ROUNDS >"$T/w1.out" 2>"$T/w1.err" & w1=$!
"$WRITER" "$DB" "$FORMS" 2 $ROUNDS >"$T/w2.out" 2>"$T/w2.err" & w2=$!
"$BANGFU" --db "$DB" demo-data --persons 4000 --seed 9 >/dev/null 2>"$T/demo.err" & d=$!
"$BANGFU" --db "$DB" import --batch 100 "$T/ledger.csv" >"$T/import.out" 2>"$T/import.log" & im=$!
sleep 0.5
if [ -n "$tui" ]; then
	tui_keys Tab
	tui_type "乙"
	tui_keys F2
	# Demo data may leave a required phone empty: fill it in if asked.
	if tui_wait "已保存|先改“[^”]*电话”" 20 && tui_screen | grep -q "先改“"; then
		tui_type "13800138000"
		tui_keys Tab F2
	fi
	tui_expect "已保存" "a terminal saves an edit while three programs write"
	unlike "$(tui_screen)" "占用|locked" "without a 'database is locked' message"
fi
"$BANGFU" --db "$DB" backup "$T/during.db" >/dev/null 2>"$T/backup.err"
is "$?" 0 "a backup taken while three programs write"
"$BANGFU" --db "$DB" search 压测 --limit 1 >/dev/null 2>"$T/search.log"
ok $? "a search while they write"
wait $w1; is "$?" 0 "form writer 1 finished without an error"
wait $w2; is "$?" 0 "form writer 2 finished without an error"
wait $d; is "$?" 0 "demo-data finished without an error"
wait $im; is "$?" 0 "the import finished without an error"
like "$(cat "$T/import.out")" "导入 1000，" "and imported all 1000 rows"
errs=$(cat "$T"/*.err)
is "$errs" "" "no program reported an error"
unlike "$errs" "locked|占用" "in particular no 'database is locked'"

is "$(grep -c '^P' "$T/w1.out") $(grep -c '^P' "$T/w2.out")" "$ROUNDS $ROUNDS" "each writer saved all its persons"
is "$(sql "$DB" 'SELECT count(*) FROM person')" "$((2 * ROUNDS + 4050 + 1000))" "all persons are in the database"
[ -n "$tui" ] && is "$(sql "$DB" "SELECT count(*) FROM person WHERE name = '${name}乙'")" 1 "the terminal's edit is stored"
is "$(sql "$DB" "SELECT count(*) FROM plan l WHERE goal LIKE 'K=%' AND (SELECT count(*) FROM plan_measure m WHERE m.plan_id = l.id) <> CAST(substr(goal, 3) AS INTEGER)")" 0 \
	"every plan has exactly its measures"
"$BANGFU" --db "$DB" check >"$T/check.out" 2>&1
ok $? "bangfu check passes (audit log matches the data)"
"$BANGFU" --db "$T/during.db" check >/dev/null 2>&1
ok $? "and on the backup taken meanwhile"
done_testing
