#!/bin/sh
# backup.sh -- `bangfu backup`, `restore` and `check`: a copy taken while
# demo data is being written is consistent and restores to an identical
# database; damaged, foreign, newer and dangling copies are refused with
# a Chinese message and change nothing; check finds an unlogged change.
. "${top_srcdir:-.}/tests/lib.sh"
[ -n "$SQLITE3_BIN" ] || skip_all "sqlite3 shell not installed"

DB="$T/live.db"
"$BANGFU" --db "$DB" demo-data --persons 300 --seed 3 >/dev/null 2>&1
is "$?" 0 "a database with 300 persons"

out=$("$BANGFU" --db "$DB" check 2>&1); rc=$?
is "$rc" 0 "check passes on a sound database"
like "$out" "检查完毕，未发现问题" "and says so in Chinese"

out=$("$BANGFU" --db "$DB" backup "$T/b1.db" 2>&1); rc=$?
is "$rc" 0 "backup succeeds"
like "$out" "已备份到 .*人员 300" "and reports what it copied"
is "$(stat -c %a "$T/b1.db")" 600 "the backup is private (0600)"
is "$(sql "$T/b1.db" 'PRAGMA journal_mode')" delete "the backup is one self-contained file"
is "$(sql "$T/b1.db" 'PRAGMA integrity_check')" ok "the backup passes integrity_check"
ls "$T" | grep -q 'tmp-' ; is "$?" 1 "no temporary file is left behind"

out=$("$BANGFU" --db "$DB" backup "$T/b1.db" 2>&1); rc=$?
is "$rc" 1 "an existing backup file is not overwritten"
like "$out" "文件已存在.*--force" "and the message names --force"
"$BANGFU" --db "$DB" backup --force "$T/b1.db" >/dev/null 2>&1
is "$?" 0 "--force overwrites it"
out=$("$BANGFU" --db "$DB" backup 2>&1); rc=$?
is "$rc" 2 "backup without a file name is a usage error"

# Backups while another process writes: each one whole batches only.
"$BANGFU" --db "$DB" demo-data --persons 6000 --seed 5 >/dev/null 2>&1 &
writer=$!
i=0 bad=0
while [ $i -lt 3 ]; do
	i=$((i + 1))
	"$BANGFU" --db "$DB" backup "$T/load$i.db" >/dev/null 2>"$T/load$i.err" || bad=$((bad + 1))
	n=$(sql "$T/load$i.db" 'SELECT count(*) FROM person' 2>/dev/null || echo x)
	case $(( (n - 300) % 2000 )) in 0) ;; *) bad=$((bad + 1)); echo "# backup $i has $n persons" ;; esac
done
wait $writer
is "$?" 0 "the writer finished while backups were taken"
is "$bad" 0 "every backup under load succeeded and holds whole batches"
cat "$T"/load*.err | sed 's/^/# /'
"$BANGFU" --db "$T/load3.db" check >/dev/null 2>&1
is "$?" 0 "a backup taken under load passes check"

"$BANGFU" --db "$T/new.db" restore "$T/load3.db" >/dev/null 2>&1
is "$?" 0 "restore into a new database"
sql "$T/load3.db" .dump > "$T/a.sql"
sql "$T/new.db" .dump > "$T/b.sql"
cmp -s "$T/a.sql" "$T/b.sql"
is "$?" 0 "the restored database is identical to the backup"
is "$(sql "$T/new.db" 'PRAGMA journal_mode')" wal "the restored database is in WAL mode"

before=$(sql "$DB" 'SELECT count(*) FROM person')
out=$("$BANGFU" --db "$DB" restore "$T/b1.db" 2>&1); rc=$?
is "$rc" 0 "restore over the live database"
like "$out" "原数据库已保留为 .*\.bak" "the old database is kept as .bak"
is "$(sql "$DB" 'SELECT count(*) FROM person')" 300 "the live database holds the backup again"
bak=$(ls "$T"/live.db.*.bak | head -1)
is "$(sql "$bak" 'SELECT count(*) FROM person')" "$before" "the .bak holds what was there"

# Copies that must be refused, leaving the database untouched.
echo "not a database" > "$T/junk.db"
head -c 20000 "$T/b1.db" > "$T/short.db"
cp "$T/b1.db" "$T/newer.db"; sql "$T/newer.db" 'PRAGMA user_version = 99'
cp "$T/b1.db" "$T/foreign.db"; sql "$T/foreign.db" 'PRAGMA application_id = 0'
cp "$T/b1.db" "$T/dangling.db"
sql "$T/dangling.db" "INSERT INTO draft (user_id, form, data, saved_at) VALUES (999, 'person', '{}', '2024-01-01')"
cp "$T/b1.db" "$T/corrupt.db"
# Overwrite the middle of a table's pages with garbage.
pages=$(sql "$T/corrupt.db" 'PRAGMA page_count')
dd if=/dev/urandom of="$T/corrupt.db" bs=4096 seek=$((pages / 2)) count=3 conv=notrunc 2>/dev/null
sum=$(cksum < "$DB")
for c in "junk.db:不是数据库" "short.db:损坏" "newer.db:更新版本的 bangfu" "foreign.db:不是 bangfu 的数据库" \
	"dangling.db:关联不一致" "corrupt.db:损坏" "missing.db:无法读取文件"; do
	f=${c%%:*} msg=${c#*:}
	out=$("$BANGFU" --db "$DB" restore "$T/$f" 2>&1); rc=$?
	is "$rc" 1 "restore refuses $f"
	like "$out" "$msg" "with a Chinese message ($msg)"
done
is "$(cksum < "$DB")" "$sum" "the refused copies left the database unchanged"

# check finds a change that bypassed the audit log.
cp "$DB" "$T/drift.db"
sql "$T/drift.db" "DROP TRIGGER audit_person_update; UPDATE person SET version = version + 1 WHERE id = 7"
out=$("$BANGFU" --db "$T/drift.db" check 2>&1); rc=$?
is "$rc" 1 "check fails on a change the audit log does not know"
like "$out" "问题  每条记录的当前版本与审计日志一致：1 处.*person 第 7 行" "and names the row"
out=$("$BANGFU" --db "$T/dangling.db" check 2>&1); rc=$?
is "$rc" 1 "check fails on a dangling reference"
like "$out" "问题  记录之间的关联.*draft" "and names the table"

done_testing
