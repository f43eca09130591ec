#!/bin/sh
# password.sh -- the optional password of a user on a shared terminal:
# `bangfu user passwd` stores an argon2id hash, the terminal interface asks
# for it before opening, a wrong one is refused, every attempt is audited,
# and --clear removes it.
. "${top_srcdir:-.}/tests/lib.sh"
. "${top_srcdir:-.}/tests/tui/tui_common.sh"
[ -n "$SQLITE3_BIN" ] || skip_all "sqlite3 not installed"

e2e_db 50
me=$(id -un)
out=$(printf 'ab\n' | "$BANGFU" --db "$DB" user passwd "$me" 2>&1); rc=$?
if [ "$rc" -ne 0 ] && printf '%s' "$out" | grep -q "libsodium"; then
	skip_all "built without libsodium"
fi
is "$rc" 1 "a password shorter than 6 characters is refused"
like "$out" "密码至少 6 个字符" "saying why"
out=$(printf 'secret-密码1\n' | "$BANGFU" --db "$DB" user passwd "$me" 2>&1); rc=$?
is "$rc" 0 "user passwd sets a password"
like "$(sql "$DB" "SELECT password_hash FROM app_user WHERE login = '$me'")" '^\$argon2id\$' \
	"stored as an argon2id hash"
out=$("$BANGFU" --db "$DB" user passwd nosuch </dev/null 2>&1); rc=$?
is "$rc" 1 "an unknown user is refused"

e2e_start_pw() {
	tui_start 80 24 "BANGFU_NOW='$BANGFU_NOW' '$BANGFU' --db '$DB'"
}
e2e_start_pw
tui_expect "密码：" "the interface asks for the password"
tui_type "wrong-one"
tui_keys Enter
tui_expect "密码不正确" "a wrong password is refused"
tui_type "secret-密码1"
tui_keys Enter
tui_expect "今日工作" "the right one opens the interface"
tui_keys q
tui_wait "\[exit 0\]" 5
is "$(sql "$DB" "SELECT group_concat(note, ',') FROM audit_log WHERE action = 'login'")" "密码错误,密码登录" \
	"both attempts are in the audit log"

out=$("$BANGFU" --db "$DB" user passwd "$me" --clear 2>&1); rc=$?
is "$rc" 0 "--clear removes the password"
is "$(sql "$DB" "SELECT coalesce(password_hash, 'none') FROM app_user WHERE login = '$me'")" none "no hash left"

done_testing
