#!/bin/sh
# import-kill.sh -- an import killed with SIGKILL part-way leaves the
# database as after the whole batches it reported committed ("已提交到第 N
# 行"), never with part of a batch: every person that is in has its insert
# audit row, and importing the file again adds exactly the rest.
. "${top_srcdir:-.}/tests/lib.sh"

[ -n "$SQLITE3_BIN" ] || skip_all "sqlite3 not installed"

DB="$T/kill.db"
export BANGFU_NOW="2024-06-01 10:00:00"
"$BANGFU" --db "$DB" init >/dev/null 2>&1

# 6000 valid rows: IDs with computed check digits (the women with their
# original retirement age, which the form requires).
awk 'BEGIN {
	split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " ")
	chk = "10X98765432"
	printf "公民身份号码,姓名,手机号码,文化程度,常住地社区（村）,常住地址,原法定退休年龄\r\n"
	for (i = 0; i < 6000; i++) {
		body = sprintf("5001031990%02d%02d%03d", 1 + int(i / 1000) % 12, 1 + int(i / 1000), i % 1000)
		s = 0
		for (k = 1; k <= 17; k++) s += substr(body, k, 1) * w[k]
		printf "%s%s,测试%d,138%08d,初中,500103001003,华一坡%d号,50\r\n", body, substr(chk, s % 11 + 1, 1), i, i, i
	}
}' > "$T/big.csv"

"$BANGFU" --db "$DB" import --batch 200 "$T/big.csv" >"$T/out" 2>"$T/err" &
pid=$!
i=0
while [ $i -lt 400 ] && ! grep -q "已提交到第 1[0-9][0-9][0-9] 行" "$T/err" 2>/dev/null; do
	sleep 0.05
	i=$((i + 1))
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
last=$(grep -o "已提交到第 [0-9]* 行" "$T/err" | tail -1 | tr -dc 0-9)
n=$(sql "$DB" "SELECT count(*) FROM person")
echo "# killed after line ${last:-none}; $n persons in"
is "$((n % 200))" 0 "whole batches only ($n persons)"
[ -n "$last" ] && [ "$n" -ge $((last - 1)) ]; ok $? "every reported batch is in"
is "$(sql "$DB" "SELECT count(*) FROM audit_log WHERE action = 'insert' AND tbl = 'person'")" "$n" \
	"each person in has its audit row"
is "$(sql "$DB" 'PRAGMA integrity_check')" ok "the database is intact"

out=$("$BANGFU" --db "$DB" import "$T/big.csv" 2>&1)
like "$out" "导入 $((6000 - n))，更新 0，拒绝 0，文件内重复 0，已存在 $n；" "importing again adds exactly the rest"
is "$(sql "$DB" "SELECT count(*) FROM person")" 6000 "all 6000 in"

done_testing
