/*
 * password.c -- argon2id password hashes (libsodium) and the password
 * login check, written to the audit log either way.
 */
#include "config.h"

#include <string.h>

#ifdef HAVE_SODIUM
#include <sodium.h>
#endif

#include "app/password.h"
#include "store/db.h"
#include "store/password.h"

#define PASSWORD_NO_SODIUM "本程序编译时未找到 libsodium，不能使用密码登录"

/* Built with libsodium? */
int
app_password_available(void)
{
#ifdef HAVE_SODIUM
	return sodium_init() >= 0;
#else
	return 0;
#endif
}

/* Hash pw with argon2id. */
int
app_password_hash(const char *pw, char *out, size_t len, bf_error *err)
{
#ifdef HAVE_SODIUM
	char buf[crypto_pwhash_STRBYTES];

	if (sodium_init() < 0)
		return err_set(err, BF_EIO, "libsodium 初始化失败");
	if (strlen(pw) < 6)
		return err_set(err, BF_EINVAL, "密码至少 6 个字符");
	if (crypto_pwhash_str_alg(buf, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
		return err_set(err, BF_EIO, "计算密码散列时内存不足");
	if (strlen(buf) >= len)
		return err_set(err, BF_EINVAL, "密码散列过长");
	memcpy(out, buf, strlen(buf) + 1);
	return BF_OK;
#else
	(void)pw;
	(void)out;
	(void)len;
	return err_set(err, BF_EINVAL, PASSWORD_NO_SODIUM);
#endif
}

/* Does pw match hash? */
int
app_password_check(const char *hash, const char *pw)
{
#ifdef HAVE_SODIUM
	if (sodium_init() < 0 || hash == NULL || hash[0] == '\0')
		return 0;
	return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
#else
	(void)hash;
	(void)pw;
	return 0;
#endif
}

/* Set or clear login's password. */
int
app_password_set(struct db *db, const char *login, const char *pw, bf_error *err)
{
	char hash[APP_PASSWORD_HASH_MAX];
	int rc;

	if (pw == NULL || pw[0] == '\0')
		return password_set(db, login, NULL, err);
	if ((rc = app_password_hash(pw, hash, sizeof hash, err)) != BF_OK)
		return rc;
	return password_set(db, login, hash, err);
}

/* Does the actor have a password? */
int
app_password_needed(struct db *db, int *needed, bf_error *err)
{
	char hash[APP_PASSWORD_HASH_MAX];
	int rc;

	*needed = 0;
	if ((rc = password_get(db, db_actor(db)->login, hash, sizeof hash, err)) != BF_OK)
		return rc;
	*needed = hash[0] != '\0';
	return BF_OK;
}

/* Check the actor's password; log the attempt. */
int
app_password_login(struct db *db, const char *pw, bf_error *err)
{
	char hash[APP_PASSWORD_HASH_MAX];
	int rc, ok;

	if ((rc = password_get(db, db_actor(db)->login, hash, sizeof hash, err)) != BF_OK)
		return rc;
	if (hash[0] != '\0' && !app_password_available())
		return err_set(err, BF_EPERM, PASSWORD_NO_SODIUM "（该用户设置了密码）");
	ok = hash[0] == '\0' || app_password_check(hash, pw);
	if ((rc = password_log_login(db, ok, err)) != BF_OK)
		return rc;
	return ok ? BF_OK : err_set(err, BF_EPERM, "密码不正确");
}
