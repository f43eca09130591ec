#!/bin/sh
# import.sh -- `bangfu import` on a messy ledger as a station brings it:
# saved by Excel on Chinese Windows (GB18030), CRLF, quoted fields with
# commas, quotes and line breaks, mixed date shapes, full-width digits, a
# +86 phone, a bad check digit, a missing required value, an ID repeated
# in the file, an ID already on file, a ragged row; then --dry-run,
# --update, a missing required column, a UTF-8 file with BOM, and the
# audit rows.
. "${top_srcdir:-.}/tests/lib.sh"

[ -n "$SQLITE3_BIN" ] || skip_all "sqlite3 not installed"
command -v iconv >/dev/null || skip_all "iconv not installed"

FIX="$top_srcdir/tests/fixtures/import"
DB="$T/imp.db"
export BANGFU_NOW="2024-06-01 10:00:00"
"$BANGFU" --db "$DB" init >/dev/null 2>&1

# One person already on file (a UTF-8 file without BOM, aliases as headers).
out=$("$BANGFU" --db "$DB" import "$FIX/existing.csv" 2>&1); rc=$?
is "$rc" 0 "a clean file imports with status 0"
like "$out" "读取 1 行，导入 1，更新 0，拒绝 0，文件内重复 0，已存在 0；编码 UTF-8；" "summary of the clean file"

iconv -f UTF-8 -t GB18030 "$FIX/ledger.csv" > "$T/ledger.csv"
if iconv -f UTF-8 -t UTF-8 "$T/ledger.csv" >/dev/null 2>&1; then v=0; else v=1; fi
is "$v" 1 "the GB18030 fixture is not valid UTF-8"

# Dry run first: everything checked, nothing written.
before=$(sql "$DB" "SELECT count(*) FROM person; SELECT count(*) FROM audit_log")
out=$("$BANGFU" --db "$DB" import --dry-run --report "$T/dry.csv" "$T/ledger.csv" 2>&1); rc=$?
is "$rc" 1 "dry run: status 1 (rows would be rejected)"
like "$out" "试运行（未写入数据库）：读取 8 行，导入 3，更新 0，拒绝 4，文件内重复 1，已存在 1；编码 GB18030/GBK；" "dry run reports the same counts"
is "$(sql "$DB" "SELECT count(*) FROM person; SELECT count(*) FROM audit_log")" "$before" "dry run writes nothing"
unlike "$out" "已提交" "dry run commits no batch"
is "$(wc -l < "$T/dry.csv")" 6 "dry run writes the report"

out=$("$BANGFU" --db "$DB" import "$T/ledger.csv" 2>&1); rc=$?
is "$rc" 1 "rejected rows: status 1"
like "$out" "未识别的列（已忽略）：序号、备注" "unknown columns named once"
like "$out" "读取 8 行，导入 3，更新 0，拒绝 4，文件内重复 1，已存在 1；编码 GB18030/GBK；用时 [0-9.]+ 秒" "summary counts and encoding"
like "$out" "已提交到第 10 行" "the committed batch is reported"
rep="$T/ledger.rejected.csv"
like "$out" "有问题的行已写入 $rep（5 条）" "the report path is given"
[ -f "$rep" ]; ok $? "report written beside the file"
is "$(head -c 3 "$rep" | od -An -tx1 | tr -d ' ')" efbbbf "report starts with a UTF-8 BOM"
r=$(tr -d '\r' < "$rep" | sed '1s/^\xEF\xBB\xBF//')
is "$(printf '%s\n' "$r" | sed -n 1p)" "行号,列,值,原因" "report header"
is "$(printf '%s\n' "$r" | sed -n 2p)" "5,身份证号,500103198808081351,公民身份号码校验码错误：第 18 位应为 X，实际为 1" "bad check digit reported with the line and reason"
is "$(printf '%s\n' "$r" | sed -n 3p)" "6,联系电话,,请填写“手机号码”" "missing required value"
is "$(printf '%s\n' "$r" | sed -n 4p)" "7,身份证号,500103199001051234,公民身份号码与第 2 行重复，本行未导入" "duplicate inside the file (full-width digits on line 2)"
is "$(printf '%s\n' "$r" | sed -n 5p)" "8,身份证号,500103197911200519,已登记（档案号 1），未指定 --update，未更新" "ID already on file"
is "$(printf '%s\n' "$r" | sed -n 6p)" "10,,,本行有 14 列，表头有 13 列（可能是引号或逗号不配对），整行未导入" "ragged row reported, not guessed"

is "$(sql "$DB" "SELECT count(*) FROM person")" 4 "three new persons plus the one on file"
is "$(sql "$DB" "SELECT phone || '|' || birth_date || '|' || sex FROM person WHERE name = '张三'")" \
	"13800000001|1990-01-05|1" "+86 phone and full-width ID normalised"
is "$(sql "$DB" "SELECT address FROM person WHERE name = '张三'")" "渝中区华一坡1号,3单元" "quoted comma kept"
is "$(sql "$DB" "SELECT education || '|' || retire_basis || '|' || json_extract(extra, '\$.school') || '|' || json_extract(extra, '\$.graduated_on') FROM person WHERE name = '李四'")" \
	"21|50|重庆大学|2014-07-01" "option labels to codes, dotted date to ISO, extra fields"
is "$(sql "$DB" "SELECT instr(address, char(10)) > 0 FROM person WHERE name = '李四'")" 1 "line break inside a quoted field kept"
is "$(sql "$DB" "SELECT phone || '|' || retire_basis || '|' || json_extract(extra, '\$.graduated_on') FROM person WHERE name = '孙八'")" \
	"13900000008|50|2021-06-30" "full-width phone, label with full-width brackets, short date"
is "$(sql "$DB" "SELECT count(*) FROM person WHERE name IN ('王五', '赵六', '张三（重复）', '周九')")" 0 "no rejected row went in"
is "$(sql "$DB" "SELECT address FROM person WHERE name = '钱七'")" "华一坡6号旧址" "the existing person is untouched"
is "$(sql "$DB" "SELECT count(*) FROM audit_log WHERE action = 'import'")" 2 "one import audit row per import"
like "$(sql "$DB" "SELECT note FROM audit_log WHERE action = 'import' ORDER BY id DESC LIMIT 1")" \
	"ledger.csv（GB18030/GBK）：读取 8 行，导入 3，更新 0，拒绝 4，文件内重复 1，已存在 1" "the audit row names the file and counts"
is "$(sql "$DB" "SELECT count(*) FROM audit_log WHERE action = 'insert' AND tbl = 'person'")" 4 "per-row insert audit rows"

# Again with --update: the three imported and the one on file are updated.
out=$("$BANGFU" --db "$DB" import --update "$T/ledger.csv" 2>&1); rc=$?
like "$out" "读取 8 行，导入 0，更新 4，拒绝 4，文件内重复 1，已存在 0；" "--update updates persons on file"
is "$(sql "$DB" "SELECT address || '|' || phone FROM person WHERE name = '钱七'")" "华一坡6号|13800000006" "the existing person now has the ledger's values"
is "$(sql "$DB" "SELECT version FROM person WHERE name = '钱七'")" 2 "its version moved on"
is "$(sql "$DB" "SELECT count(*) FROM person")" 4 "no person added by --update"

# A UTF-8 file with a BOM and a required column missing.
printf '\357\273\277姓名,身份证号\r\n王二,500103199501010770\r\n' > "$T/nocol.csv"
out=$("$BANGFU" --db "$DB" import "$T/nocol.csv" 2>&1); rc=$?
is "$rc" 1 "missing required column: status 1"
like "$out" "缺少必填的列“文化程度”（表头可写字段名、标识 education 或别名 学历）" "and names the column"
is "$(sql "$DB" "SELECT count(*) FROM person")" 4 "nothing imported"

printf '\357\273\277身份证号,姓名,手机号码,文化程度,常住地社区(村),常住地址\r\n500103199501010770,周九,13800000009,初中,500103001003,"华一坡""9""号"\r\n' > "$T/bom.csv"
out=$("$BANGFU" --db "$DB" import "$T/bom.csv" 2>&1); rc=$?
is "$rc" 0 "UTF-8 with BOM, half-width brackets in a header"
like "$out" "导入 1，.*编码 UTF-8（带 BOM）" "BOM detected"
is "$(sql "$DB" "SELECT address FROM person WHERE name = '周九'")" '华一坡"9"号' "doubled quotes"

# Batches: with --batch 2, every two rows are committed and reported (the
# second row ends on line 4: a line break inside quotes).
"$BANGFU" --db "$T/b.db" init >/dev/null 2>&1
out=$("$BANGFU" --db "$T/b.db" import --batch 2 "$T/ledger.csv" 2>&1)
like "$out" "已提交到第 4 行" "a batch of two rows committed"
is "$(printf '%s\n' "$out" | grep -c 已提交到)" 4 "four batches of two"

out=$("$BANGFU" --db "$DB" import 2>&1); rc=$?
is "$rc" 2 "no file: usage error"
out=$("$BANGFU" --db "$DB" import "$T/none.csv" 2>&1); rc=$?
is "$rc" 1 "missing file: status 1"
like "$out" "不能打开" "and says so"
printf '\377\376\000\000' > "$T/bin.csv"
out=$("$BANGFU" --db "$DB" import "$T/bin.csv" 2>&1); rc=$?
like "$out" "既不是有效的 UTF-8，也不是 GB18030" "binary file refused"

done_testing
