/*
 * password.c -- reading and writing app_user.password_hash, and the
 * 'login' rows of the audit log.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "store/db.h"
#include "store/db_private.h"
#include "store/password.h"

/* The stored hash of login ("" if none). */
int
password_get(struct db *db, const char *login, char *out, size_t len, bf_error *err)
{
	static const char sql[] = "SELECT coalesce(password_hash, '') FROM app_user WHERE login = ?";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int rc;

	out[0] = '\0';
	if (st == NULL)
		return err->code;
	st_bind(st, 1, login);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(out, len, "%s", st_text(st, 0));
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return BF_OK;
	if (rc == SQLITE_DONE)
		return err_set(err, BF_ENOTFOUND, "没有用户 %s", login);
	return db_fail(db, err, "读取用户");
}

/* Set or clear login's password hash. */
int
password_set(struct db *db, const char *login, const char *hash, bf_error *err)
{
	static const char sql[] =
	    "UPDATE app_user SET password_hash = ?1, version = version + 1 WHERE login = ?2";
	const struct db_actor *a = db_actor(db);
	sqlite3_stmt *st;
	int rc;

	if (a->id == 0)
		return err_set(err, BF_EPERM, "尚未登录");
	if (strcmp(a->role, "admin") != 0 && strcmp(a->login, login) != 0)
		return err_set(err, BF_EPERM, "只能修改自己的密码（系统管理员可以修改任何人的）");
	if ((rc = db_begin(db, err)) != BF_OK)
		return rc;
	if ((st = db_stmt(db, sql, err)) == NULL) {
		db_rollback(db);
		return err->code;
	}
	st_bind_opt(st, 1, hash);
	st_bind(st, 2, login);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		rc = db_fail(db, err, "修改密码");
		db_rollback(db);
		return rc;
	}
	if (db_changes(db) == 0) {
		db_rollback(db);
		return err_set(err, BF_ENOTFOUND, "没有用户 %s", login);
	}
	return db_commit(db, err);
}

/* A 'login' audit row for the actor. */
int
password_log_login(struct db *db, int ok, bf_error *err)
{
	static const char sql[] =
	    "INSERT INTO audit_log (at, user_id, action, tbl, row_id, note)"
	    " VALUES (?1, ?2, 'login', 'app_user', ?2, ?3)";
	sqlite3_stmt *st;
	char now[20];
	int rc;

	if ((st = db_stmt(db, sql, err)) == NULL)
		return err->code;
	db_now(db, now);
	st_bind(st, 1, now);
	sqlite3_bind_int64(st, 2, db_actor(db)->id);
	st_bind(st, 3, ok ? "密码登录" : "密码错误");
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? BF_OK : db_fail(db, err, "写审计日志");
}
