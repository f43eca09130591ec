#!/bin/sh
# commands.sh -- the command line as a script or a person uses it: init,
# demo-data, search by every kind of query, users and scopes, exit codes
# and Chinese error messages.
. "${top_srcdir:-.}/tests/lib.sh"

DB="$T/cli.db"
export BANGFU_NOW="2024-06-01 10:00:00"

out=$("$BANGFU" --db "$DB" search 张 2>&1); rc=$?
is "$rc" 1 "search on a missing database fails with status 1"
like "$out" "数据库文件不存在：.*（请先运行 bangfu init）" "and says to run init"

out=$("$BANGFU" --db "$DB" init 2>&1); rc=$?
is "$rc" 0 "init creates the database"
like "$out" "数据库已就绪" "init reports the database is ready"
is "$(stat -c %a "$DB")" 600 "the database file is private (0600)"
is "$(sql "$DB" 'PRAGMA user_version')" 1 "schema version 1"
is "$(sql "$DB" "SELECT count(*) FROM org_unit WHERE level = 'district'")" 38 "38 districts seeded"
is "$(sql "$DB" "SELECT name FROM org_unit WHERE code = '500103001003'")" "华一坡社区" "community names shortened"
is "$(sql "$DB" "SELECT role FROM app_user")" admin "the first user is the administrator"
"$BANGFU" --db "$DB" init >/dev/null 2>&1
is "$?" 0 "init again is harmless"

out=$("$BANGFU" --db "$DB" demo-data --persons 500 --seed 7 2>&1); rc=$?
is "$rc" 0 "demo-data succeeds"
like "$out" "人员 500，" "demo-data reports 500 persons"
is "$(sql "$DB" 'SELECT count(*) FROM person')" 500 "500 persons written"
is "$(sql "$DB" "SELECT count(*) FROM audit_log WHERE action = 'bulk'")" 2 "bulk audit rows: one per batch, one summary"
is "$(sql "$DB" 'PRAGMA foreign_key_check' | wc -l)" 0 "no foreign key violations"

name=$(sql "$DB" "SELECT name FROM person WHERE id = 42")
py=$(sql "$DB" "SELECT name_py FROM person WHERE id = 42")
cid=$(sql "$DB" "SELECT citizen_id FROM person WHERE id = 42")
phone=$(sql "$DB" "SELECT phone FROM person WHERE phone IS NOT NULL LIMIT 1")
surname=$(printf '%s' "$name" | cut -c1-3)

out=$("$BANGFU" --db "$DB" search "$surname"); rc=$?
is "$rc" 0 "search by surname"
like "$out" "	$name	" "finds $name by the surname $surname"
n=$(printf '%s\n' "$out" | grep -vc "	$surname")
is "$n" 0 "every hit by surname has it"
out=$("$BANGFU" --db "$DB" search "$py")
like "$out" "	$name	" "finds $name by pinyin initials $py"
out=$("$BANGFU" --db "$DB" search "$(printf '%s' "$py" | tr a-z A-Z)")
like "$out" "	$name	" "initials are case-insensitive"
tail6=$(printf '%s' "$cid" | cut -c13-18)
out=$("$BANGFU" --db "$DB" search "$tail6")
like "$out" "^42	" "finds person 42 by the last six of the ID"
out=$("$BANGFU" --db "$DB" search "$cid")
like "$out" "^42	$name	" "finds person 42 by the whole ID"
like "$out" "[*]{8}" "IDs are masked by default"
out=$("$BANGFU" --db "$DB" search --full "$cid")
like "$out" "	$cid	" "--full shows the whole ID"
out=$("$BANGFU" --db "$DB" search "$phone")
like "$out" "^[0-9]+	" "finds by mobile number"
out=$("$BANGFU" --db "$DB" search 'zz"; DROP TABLE person; --' 2>&1)
is "$(sql "$DB" 'SELECT count(*) FROM person')" 500 "a hostile query changes nothing"
out=$("$BANGFU" --db "$DB" search "$surname" --time 2>&1 >/dev/null)
like "$out" "用时 [0-9.]+ 毫秒" "--time reports the time"

out=$("$BANGFU" --db "$DB" search 2>&1); rc=$?
is "$rc" 2 "search without a query is a usage error"
like "$out" "用法：bangfu search" "and shows the usage"
out=$("$BANGFU" --db "$DB" search --limit 0 x 2>&1); rc=$?
is "$rc" 2 "--limit 0 is a usage error"
out=$("$BANGFU" --db "$DB" nosuch 2>&1); rc=$?
is "$rc" 2 "unknown command: status 2"
like "$out" "未知命令“nosuch”" "unknown command message"
out=$("$BANGFU" --db "$DB" demo-data 2>&1); rc=$?
is "$rc" 2 "demo-data without --persons is a usage error"

# Users (scoping itself is tested in check_store_person).
comm=$(sql "$DB" "SELECT community_code FROM person WHERE id = 42")
out=$("$BANGFU" --db "$DB" user add cwtest --role caseworker --org "$comm" --name 王五 2>&1); rc=$?
is "$rc" 0 "admin adds a caseworker"
out=$("$BANGFU" --db "$DB" user add bad --role caseworker --org 500103 2>&1); rc=$?
is "$rc" 1 "a caseworker must belong to a community"
like "$out" "社区工作人员应属于一个社区" "with a clear message"
out=$("$BANGFU" --db "$DB" user list)
like "$out" "^cwtest	王五	社区工作人员	$comm" "user list shows the caseworker"
"$BANGFU" --db "$DB" user disable cwtest >/dev/null
like "$("$BANGFU" --db "$DB" user list)" "cwtest.*已停用" "disable shows in the list"

# A database from a newer program is refused, and not modified.
cp "$DB" "$T/newer.db"
"$SQLITE3_BIN" "$T/newer.db" 'PRAGMA user_version = 9'
out=$("$BANGFU" --db "$T/newer.db" search 张 2>&1); rc=$?
is "$rc" 1 "a newer database is refused"
like "$out" "更新版本的 bangfu" "saying it comes from a newer version"
out=$(printf 'not a database at all, just text padding padding padding padding padding padding padding\n' > "$T/junk.db"; "$BANGFU" --db "$T/junk.db" init 2>&1); rc=$?
is "$rc" 1 "a non-database file is refused"
like "$out" "已损坏或不是 bangfu 数据库" "with a clear message"

out=$("$BANGFU" --help)
like "$out" "demo-data" "help lists demo-data"
like "$out" "退出状态" "help explains exit status"

done_testing
