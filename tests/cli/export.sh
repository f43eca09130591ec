#!/bin/sh
# export.sh -- `bangfu export`: CSV that Excel/WPS open (BOM, CRLF, labels
# as headers, codes as labels), masked sensitive fields by default, --full
# for the administrator with an audit row, the list screen's filters,
# xlsx when built with libxlsxwriter, usage errors, and a round trip
# through `bangfu import`.
. "${top_srcdir:-.}/tests/lib.sh"

[ -n "$SQLITE3_BIN" ] || skip_all "sqlite3 not installed"

DB="$T/exp.db"
export BANGFU_NOW="2024-06-01 10:00:00"
"$BANGFU" --db "$DB" init >/dev/null 2>&1
"$BANGFU" --db "$DB" demo-data --persons 300 --seed 3 >/dev/null 2>&1
total=$(sql "$DB" "SELECT count(*) FROM person")

"$BANGFU" --db "$DB" export > "$T/masked.csv"; rc=$?
is "$rc" 0 "export to standard output"
is "$(head -c 3 "$T/masked.csv" | od -An -tx1 | tr -d ' ')" efbbbf "starts with a UTF-8 BOM"
is "$(grep -c "$(printf '\r')\$" "$T/masked.csv")" "$((total + 1))" "every line ends in CRLF"
head1=$(head -1 "$T/masked.csv" | sed 's/^\xEF\xBB\xBF//' | tr -d '\r')
like "$head1" "^公民身份号码,姓名,性别,出生日期,年龄,民族," "form labels as headers, in form order"
like "$head1" ",常住地社区（村）,常住地址,手机号码," "labels with full-width brackets"
is "$(($(wc -l < "$T/masked.csv") - 1))" "$total" "one line per person"
body=$(tail -n +2 "$T/masked.csv" | tr -d '\r')
n=$(printf '%s\n' "$body" | grep -cvE '^[0-9]{6}[*]{8}[0-9X]{4},')
is "$n" 0 "citizen IDs masked by default"
n=$(printf '%s\n' "$body" | grep -cE ',1[3-9][0-9]{9},')
is "$n" 0 "no whole mobile number in a masked export"
like "$body" ",(男|女),[0-9]{4}-[0-9]{2}-[0-9]{2},[0-9]+,汉族," "option codes written as labels"

out=$("$BANGFU" --db "$DB" export --full --out "$T/full.csv" 2>&1); rc=$?
is "$rc" 0 "--full for the administrator"
like "$out" "已导出 $total 人到 $T/full.csv（完整信息" "and says so"
cid=$(sql "$DB" "SELECT citizen_id FROM person ORDER BY id LIMIT 1")
grep -q "^	$cid," "$T/full.csv"; ok $? "whole IDs, tab-prefixed so Excel keeps them as text"
is "$(sql "$DB" "SELECT count(*) FROM audit_log WHERE action = 'export'")" 2 "one audit row per export"
like "$(sql "$DB" "SELECT note FROM audit_log WHERE action = 'export' ORDER BY id DESC LIMIT 1")" \
	"导出 csv 到 .*full.csv：$total 人，完整信息（未脱敏）" "the audit row says full, the file and the count"
like "$(sql "$DB" "SELECT note FROM audit_log WHERE action = 'export' ORDER BY id LIMIT 1")" \
	"标准输出：$total 人，敏感信息已脱敏" "and masked for the first"
is "$(sql "$DB" "SELECT user_id FROM audit_log WHERE action = 'export' LIMIT 1")" \
	"$(sql "$DB" "SELECT id FROM app_user WHERE role = 'admin' LIMIT 1")" "by the acting user"

# Filters as on the list screen.
comm=$(sql "$DB" "SELECT community_code FROM person GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
want=$(sql "$DB" "SELECT count(*) FROM person WHERE community_code = '$comm'")
got=$("$BANGFU" --db "$DB" export --org "$comm" | tail -n +2 | wc -l)
is "$got" "$want" "--org limits to a community"
[ "$got" -lt "$total" ]; ok $? "and reduces the rows"
want=$(sql "$DB" "SELECT count(*) FROM person WHERE status = 'closed'")
is "$("$BANGFU" --db "$DB" export --status closed | tail -n +2 | wc -l)" "$want" "--status closed"
want=$(sql "$DB" "SELECT count(*) FROM person WHERE status <> 'closed'")
is "$("$BANGFU" --db "$DB" export --status open | tail -n +2 | wc -l)" "$want" "--status open"
want=$(sql "$DB" "SELECT count(DISTINCT person_id) FROM person_category WHERE code = '01' AND ended_on IS NULL")
is "$("$BANGFU" --db "$DB" export --category 01 | tail -n +2 | wc -l)" "$want" "--category 01"
want=$(sql "$DB" "SELECT count(DISTINCT person_id) FROM followup WHERE done_on IS NULL AND due_on < '2024-06-01'")
is "$("$BANGFU" --db "$DB" export --overdue | tail -n +2 | wc -l)" "$want" "--overdue"
like "$(sql "$DB" "SELECT note FROM audit_log WHERE action = 'export' ORDER BY id DESC LIMIT 1")" "仅回访逾期" "filters in the audit row"

# xlsx
out=$("$BANGFU" --db "$DB" export --out "$T/list.xlsx" 2>&1); rc=$?
if printf '%s' "$out" | grep -q "libxlsxwriter"; then
	is "$rc" 1 "xlsx without libxlsxwriter: status 1"
	like "$out" "不能导出 .xlsx" "with a Chinese message"
else
	is "$rc" 0 "xlsx export"
	is "$(head -c 2 "$T/list.xlsx")" PK "an xlsx (zip) file"
fi

# Usage errors and nothing left behind.
out=$("$BANGFU" --db "$DB" export --format pdf 2>&1); rc=$?
is "$rc" 2 "unknown format: usage error"
out=$("$BANGFU" --db "$DB" export --status nosuch 2>&1); rc=$?
is "$rc" 2 "unknown status: usage error"
like "$out" "未知的个案状态" "named in Chinese"
out=$("$BANGFU" --db "$DB" export --org 123 --out "$T/bad.csv" 2>&1); rc=$?
is "$rc" 1 "an org that does not exist"
[ ! -e "$T/bad.csv" ] && [ -z "$(ls "$T" | grep 'bad.csv.tmp')" ]; ok $? "no file left behind by a failed export"

# Round trip: what is exported with --full imports into a fresh database.
"$BANGFU" --db "$T/rt.db" init >/dev/null 2>&1
"$BANGFU" --db "$DB" export --full --org "$comm" --out "$T/rt.csv" >/dev/null 2>&1
rows=$(($(wc -l < "$T/rt.csv") - 1))
out=$("$BANGFU" --db "$T/rt.db" import "$T/rt.csv" 2>&1)
like "$out" "读取 $rows 行" "the exported file reads back row for row"
like "$out" "编码 UTF-8（带 BOM）" "as UTF-8 with BOM"
unlike "$out" "未识别的列" "every exported column is known to the importer"
imported=$(sql "$T/rt.db" "SELECT count(*) FROM person")
first=$(sql "$T/rt.db" "SELECT citizen_id FROM person ORDER BY id LIMIT 1")
[ -z "$first" ] || is "$(sql "$DB" "SELECT count(*) FROM person WHERE citizen_id = '$first'")" 1 \
	"an imported ID matches the source ($imported of $rows rows valid under the person form)"

# A pipe (like /dev/stdout or /dev/null) is written in place, never replaced.
mkfifo "$T/pipe"
cat "$T/pipe" > "$T/from-pipe" &
"$BANGFU" --db "$DB" export --out "$T/pipe" >/dev/null 2>&1
wait
[ -p "$T/pipe" ]
ok $? "exporting to a pipe leaves the pipe a pipe"
like "$(head -c 200 "$T/from-pipe")" "姓名|公民身份号码" "and the rows went through it"

done_testing
