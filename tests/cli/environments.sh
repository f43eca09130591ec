#!/bin/sh
# environments.sh -- bad surroundings get a clear Chinese message and the
# exit status of design.md (1: a problem, reported; 2: wrong use), never
# a crash or a half-written file: a missing, unreadable, read-only,
# damaged or newer database, a read-only directory, a full disk (a
# file-size limit stands in for it), no terminal, TERM=dumb, a non-UTF-8
# locale and a terminal smaller than 80x24.
. "${top_srcdir:-.}/tests/lib.sh"
[ -n "$SQLITE3_BIN" ] || skip_all "sqlite3 shell not installed"

DB="$T/env.db"
"$BANGFU" --db "$DB" demo-data --persons 50 --seed 4 >/dev/null 2>&1
is "$?" 0 "a database with 50 persons"

# expect STATUS PATTERN DESCRIPTION COMMAND...: status and message of a command.
expect() {
	want=$1 pat=$2 what=$3
	shift 3
	out=$("$@" 2>&1); rc=$?
	is "$rc" "$want" "$what: exit status $want"
	like "$out" "$pat" "$what: says so in Chinese"
}

expect 1 "数据库文件不存在：.*bangfu init" "missing database" "$BANGFU" --db "$T/none.db" search 张
printf 'SQLite format 3\000 but not really a database, just some text' > "$T/junk.db"
expect 1 "已损坏或不是 bangfu 数据库" "a file that is not a database" "$BANGFU" --db "$T/junk.db" search 张
cp "$DB" "$T/newer.db"; sql "$T/newer.db" 'PRAGMA user_version = 99'
expect 1 "更新版本的 bangfu 建立（结构版本 99" "a database from a newer version" "$BANGFU" --db "$T/newer.db" search 张
sum=$(cksum < "$T/newer.db")
"$BANGFU" --db "$T/newer.db" init >/dev/null 2>&1
is "$?" 1 "init refuses to touch a newer database"
is "$(cksum < "$T/newer.db")" "$sum" "and leaves it as it was"
cp "$DB" "$T/foreign.db"; sql "$T/foreign.db" 'PRAGMA application_id = 7'
expect 1 "不是 bangfu 的数据库" "another program's database" "$BANGFU" --db "$T/foreign.db" search 张

# A full disk: past a file-size limit every write fails; nothing is half-written.
before=$(sql "$DB" 'SELECT count(*) FROM person')
size=$(( $(stat -c %s "$DB") / 512 + 40 ))
expect 1 "磁盘已满或超出文件大小限制" "full disk during demo-data" \
	sh -c "ulimit -f $size; exec \"\$0\" --db \"\$1\" demo-data --persons 3000 --seed 8" "$BANGFU" "$DB"
is "$(sql "$DB" 'PRAGMA integrity_check')" ok "the database is intact after the failed load"
is "$(sql "$DB" 'SELECT count(*) FROM person')" "$before" "and holds what it held before"
expect 1 "磁盘已满或超出文件大小限制" "full disk during backup" \
	sh -c "ulimit -f 20; exec \"\$0\" --db \"\$1\" backup \"\$2\"" "$BANGFU" "$DB" "$T/full-backup.db"
ls "$T" | grep -q "full-backup"
is "$?" 1 "no backup file, whole or half, is left behind"
"$BANGFU" --db "$DB" check >/dev/null 2>&1
is "$?" 0 "check passes after both"

# Permissions: root ignores them, so those cases run as nobody.
as_user() { "$@"; }
if [ "$(id -u)" = 0 ]; then
	if command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
		as_user() {
			setpriv --reuid="$(id -u nobody)" --regid="$(id -g nobody)" --clear-groups \
				env HOME="$U" USER=nobody LOGNAME=nobody "$@"
		}
	else
		as_user=""
	fi
fi
U="$T/user"
mkdir -p "$U"
chmod 755 "$T"
[ "$(id -u)" = 0 ] && chown "$(id -u nobody 2>/dev/null || echo 0)" "$U"
UDB="$U/mine.db"
if as_user "$BANGFU" --db "$UDB" init >/dev/null 2>&1; then
	chmod 0400 "$UDB"
	sum=$(cksum < "$UDB")
	expect 1 "数据库文件只读，无法保存" "read-only database file" \
		as_user "$BANGFU" --db "$UDB" user add li4 --role caseworker --org 500103001003 --name 李四
	is "$(cksum < "$UDB")" "$sum" "the read-only file is unchanged"
	rm -f "$UDB-wal" "$UDB-shm"
	chmod 0000 "$UDB"
	expect 1 "没有读取数据库文件的权限" "unreadable database file" as_user "$BANGFU" --db "$UDB" search 张
	chmod 0600 "$UDB"
	chmod 0500 "$U"
	expect 1 "数据库所在目录不可写" "read-only directory" \
		as_user "$BANGFU" --db "$UDB" user add li4 --role caseworker --org 500103001003 --name 李四
	chmod 0700 "$U"
else
	echo "# skipped the permission cases: cannot run as an unprivileged user"
fi

# The terminal.
# fresh: end the previous tmux server of this test before a new one.
fresh() { [ -n "$TUI_SOCK" ] && "$TMUX_BIN" -L "$TUI_SOCK" kill-server 2>/dev/null; TUI_SOCK=""; }
expect 2 "标准输入输出不是终端" "not a terminal" "$BANGFU" --db "$DB"
if [ -n "$TMUX_BIN" ]; then
	fresh; tui_start 80 24 "env TERM=dumb '$BANGFU' --db '$DB'"
	tui_expect "TERM=dumb 不支持全屏界面" "TERM=dumb: a Chinese message"
	tui_expect "\[exit 2\]" "TERM=dumb: exit status 2"
	fresh; tui_start 80 24 "env LC_ALL=C LANG=C '$BANGFU' --db '$DB'"
	tui_expect "终端字符集不是 UTF-8" "LC_ALL=C: a Chinese message"
	tui_expect "\[exit 2\]" "LC_ALL=C: exit status 2"
	fresh; tui_start 70 20 "'$BANGFU' --db '$DB'"
	tui_expect "终端窗口太小：70×20" "a 70x20 terminal: told it is too small"
	tui_resize 80 24
	tui_expect "今日工作" "and the program works once it is 80x24"
	tui_keys q
	tui_expect "\[exit 0\]" "and quits normally"
fi
done_testing
