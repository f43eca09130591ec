/*
 * user.c -- acting users: logging in by Unix login, creating the first
 * administrator, adding and disabling users, and each user's scope (the
 * range of community codes in their organisation unit's subtree).
 */
#include "config.h"

#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store/db.h"
#include "store/db_private.h"
#include "store/orgunit.h"
#include "store/user.h"

static const struct {
	const char	*role;
	const char	*label;
} user_roles[] = {
	{ "caseworker", "社区工作人员" },
	{ "supervisor", "街道/区县管理人员" },
	{ "admin", "系统管理员" },
};

/* The Chinese name of a role. */
const char *
user_role_label(const char *role)
{
	size_t i;

	for (i = 0; i < sizeof user_roles / sizeof user_roles[0]; i++)
		if (strcmp(role, user_roles[i].role) == 0)
			return user_roles[i].label;
	return "未知角色";
}

/* The login name of the real user of this process. */
int
user_unix_login(char *out, size_t outlen, bf_error *err)
{
	struct passwd *pw = getpwuid(getuid());

	if (pw == NULL || pw->pw_name == NULL || pw->pw_name[0] == '\0')
		return err_set(err, BF_EPERM, "无法确定当前系统用户（uid %ld）",
		    (long)getuid());
	snprintf(out, outlen, "%s", pw->pw_name);
	return BF_OK;
}

/* Scope of a's org unit: [prefix000…, prefix999…]. */
int
user_scope(struct db *db, struct db_actor *a, bf_error *err)
{
	struct org_unit u;
	int rc;

	if ((rc = orgunit_get(db, a->org, &u, err)) != BF_OK)
		return err_prefix(err, "用户 %s 的所属单位无效：", a->login);
	orgunit_range(&u, a->scope_lo, a->scope_hi);
	return BF_OK;
}

/* Read the user called login into a; BF_ENOTFOUND if none. */
static int
user_fetch(struct db *db, const char *login, struct db_actor *a, int *disabled, bf_error *err)
{
	static const char sql[] =
	    "SELECT id, login, name, role, org_code, disabled FROM app_user WHERE login = ?";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int rc;

	if (st == NULL)
		return err->code;
	st_bind(st, 1, login);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(a, 0, sizeof *a);
		a->id = sqlite3_column_int64(st, 0);
		snprintf(a->login, sizeof a->login, "%s", st_text(st, 1));
		snprintf(a->name, sizeof a->name, "%s", st_text(st, 2));
		snprintf(a->role, sizeof a->role, "%s", st_text(st, 3));
		snprintf(a->org, sizeof a->org, "%s", st_text(st, 4));
		*disabled = sqlite3_column_int(st, 5);
		sqlite3_reset(st);
		return BF_OK;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "读取用户");
	return BF_ENOTFOUND;
}

/* Number of users. */
static int
user_count(struct db *db, int *n, bf_error *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM app_user", err);

	if (st == NULL)
		return err->code;
	if (sqlite3_step(st) != SQLITE_ROW)
		return db_fail(db, err, "读取用户");
	*n = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return BF_OK;
}

/* Insert a user row (no permission check). */
static int
user_insert(struct db *db, const char *login, const char *name, const char *role,
    const char *org12, int64_t *id, bf_error *err)
{
	static const char sql[] =
	    "INSERT INTO app_user (login, name, role, org_code, created_at) VALUES (?, ?, ?, ?, ?)";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	char now[20];

	if (st == NULL)
		return err->code;
	db_now(db, now);
	st_bind(st, 1, login);
	st_bind(st, 2, name != NULL && *name ? name : login);
	st_bind(st, 3, role);
	st_bind(st, 4, org12);
	st_bind(st, 5, now);
	if (sqlite3_step(st) != SQLITE_DONE) {
		int rc = db_fail(db, err, "添加用户");

		if (rc == BF_EDUP)
			err_set(err, BF_EDUP, "用户 %s 已存在", login);
		return rc;
	}
	if (id != NULL)
		*id = db_last_id(db);
	return BF_OK;
}

/* Mark a just-inserted user as waiting for an administrator. */
static int
user_mark_pending(struct db *db, const char *login, bf_error *err)
{
	static const char sql[] = "UPDATE app_user SET disabled = 2 WHERE login = ?";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int rc;

	if (st == NULL)
		return err->code;
	st_bind(st, 1, login);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? BF_OK : db_fail(db, err, "登记用户");
}

/* Give a pending user their role and unit and let them in; BF_ENOTFOUND if not pending. */
static int
user_activate(struct db *db, const char *login, const char *name, const char *role,
    const char *org12, int64_t *id, bf_error *err)
{
	static const char sql[] =
	    "UPDATE app_user SET name = coalesce(?, name), role = ?, org_code = ?, disabled = 0,"
	    " version = version + 1 WHERE login = ? AND disabled = 2 RETURNING id";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int rc;

	if (st == NULL)
		return err->code;
	st_bind_opt(st, 1, name);
	st_bind(st, 2, role);
	st_bind(st, 3, org12);
	st_bind(st, 4, login);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && id != NULL)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return BF_OK;
	return rc == SQLITE_DONE ? BF_ENOTFOUND : db_fail(db, err, "开通用户");
}

/* Log login in as the acting user, creating the first administrator. */
int
user_login(struct db *db, const char *login, bf_error *err)
{
	struct db_actor a;
	int rc, disabled = 0, n = 0;

	rc = user_fetch(db, login, &a, &disabled, err);
	if (rc == BF_ENOTFOUND) {
		/* The first user administers; later ones are recorded, pending.
		 * Counted inside the write transaction: two first logins at once
		 * cannot both become administrators. */
		if ((rc = db_begin(db, err)) != BF_OK)
			return rc;
		if ((rc = user_count(db, &n, err)) != BF_OK) {
			db_rollback(db);
			return rc;
		}
		if ((rc = user_insert(db, login, login, n == 0 ? "admin" : "caseworker", ORG_CITY,
		    NULL, err)) != BF_OK ||
		    (n > 0 && (rc = user_mark_pending(db, login, err)) != BF_OK) ||
		    (rc = db_commit(db, err)) != BF_OK) {
			db_rollback(db);
			return rc;
		}
		rc = user_fetch(db, login, &a, &disabled, err);
	}
	if (rc != BF_OK)
		return rc;
	if (disabled == USER_PENDING)
		return err_set(err, BF_EPERM,
		    "已记录您的登录名 %s，等待开通。请系统管理员运行：bangfu user add %s --role caseworker --org 社区代码",
		    login, login);
	if (disabled)
		return err_set(err, BF_EPERM, "用户 %s 已停用，请联系系统管理员", login);
	if ((rc = user_scope(db, &a, err)) != BF_OK)
		return rc;
	db_set_actor(db, &a);
	return BF_OK;
}

/* Refuse unless the actor (if any) is an administrator. */
static int
user_need_admin(struct db *db, bf_error *err)
{
	const struct db_actor *a = db_actor(db);

	if (a->id != 0 && strcmp(a->role, "admin") != 0)
		return err_set(err, BF_EPERM, "只有系统管理员可以管理用户（当前用户 %s 是%s）",
		    a->login, user_role_label(a->role));
	return BF_OK;
}

/*
 * A role and unit that go together: a known role, an existing unit, and a
 * caseworker belongs to a community.  *u gets the unit.
 */
static int
user_check_role_org(struct db *db, const char *role, const char *org, struct org_unit *u,
    bf_error *err)
{
	int rc;

	if (strcmp(user_role_label(role), "未知角色") == 0)
		return err_set(err, BF_EINVAL,
		    "角色应为 caseworker（社区工作人员）、supervisor（管理人员）或 admin（系统管理员）：%s", role);
	if ((rc = orgunit_get(db, org, u, err)) != BF_OK)
		return rc;
	if (strcmp(role, "caseworker") == 0 && strcmp(u->level, "community") != 0)
		return err_set(err, BF_EINVAL, "社区工作人员应属于一个社区（村），%s 是%s级单位",
		    u->name, u->level);
	return BF_OK;
}

/* Add a user with a role and an org unit (6/9/12-digit code). */
int
user_add(struct db *db, const char *login, const char *name, const char *role,
    const char *org, int64_t *id, bf_error *err)
{
	struct org_unit u;
	int rc;

	if ((rc = user_need_admin(db, err)) != BF_OK)
		return rc;
	if (login == NULL || *login == '\0')
		return err_set(err, BF_EINVAL, "没有给出登录名");
	if ((rc = user_check_role_org(db, role, org, &u, err)) != BF_OK)
		return rc;
	if ((rc = db_begin(db, err)) != BF_OK)
		return rc;
	rc = user_activate(db, login, name, role, u.code, id, err);
	if (rc == BF_ENOTFOUND)
		rc = user_insert(db, login, name, role, u.code, id, err);
	if (rc != BF_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

/*
 * Refuse a change that would leave no active administrator: login is
 * about to lose the role or be disabled.  Run inside the caller's
 * transaction, so two such changes at once cannot both pass.
 */
static int
user_keep_an_admin(struct db *db, const char *login, bf_error *err)
{
	static const char sql[] =
	    "SELECT count(*) FROM app_user WHERE role = 'admin' AND disabled = 0 AND login <> ?";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int others;

	if (st == NULL)
		return err->code;
	st_bind(st, 1, login);
	others = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_reset(st);
	if (others == 0)
		return err_set(err, BF_EPERM, "%s 是唯一的系统管理员，请先添加另一位管理员", login);
	return BF_OK;
}

/*
 * Change a user's role and org unit (admin only).  Taking the role away
 * from the last enabled administrator is refused, so the database always
 * keeps someone who can manage users.
 */
int
user_set_role(struct db *db, const char *login, const char *role, const char *org, bf_error *err)
{
	static const char sql[] =
	    "UPDATE app_user SET role = ?1, org_code = ?2, version = version + 1 WHERE login = ?3";
	struct org_unit u;
	sqlite3_stmt *st;
	int rc;

	if ((rc = user_need_admin(db, err)) != BF_OK)
		return rc;
	if ((rc = user_check_role_org(db, role, org, &u, err)) != BF_OK)
		return rc;
	if ((rc = db_begin(db, err)) != BF_OK)
		return rc;
	if (strcmp(role, "admin") != 0 && (rc = user_keep_an_admin(db, login, err)) != BF_OK) {
		db_rollback(db);
		return rc;
	}
	if ((st = db_stmt(db, sql, err)) == NULL) {
		db_rollback(db);
		return err->code;
	}
	st_bind(st, 1, role);
	st_bind(st, 2, u.code);
	st_bind(st, 3, login);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = db_fail(db, err, "修改用户");
		db_rollback(db);
		return rc;
	}
	if (db_changes(db) == 0) {
		db_rollback(db);
		return err_set(err, BF_ENOTFOUND, "没有用户 %s", login);
	}
	return db_commit(db, err);
}

/* Disable (or re-enable) a user. */
int
user_set_disabled(struct db *db, const char *login, int disabled, bf_error *err)
{
	/* A pending user is let in by `user add`, which gives a role and unit. */
	static const char sql[] =
	    "UPDATE app_user SET disabled = ?, version = version + 1 WHERE login = ?"
	    " AND (disabled <> 2 OR ? = 1)";
	sqlite3_stmt *st;
	int rc;

	if ((rc = user_need_admin(db, err)) != BF_OK)
		return rc;
	if ((rc = db_begin(db, err)) != BF_OK)
		return rc;
	if (disabled && (rc = user_keep_an_admin(db, login, err)) != BF_OK) {
		db_rollback(db);
		return rc;
	}
	if ((st = db_stmt(db, sql, err)) == NULL) {
		db_rollback(db);
		return err->code;
	}
	sqlite3_bind_int(st, 1, disabled != 0);
	st_bind(st, 2, login);
	sqlite3_bind_int(st, 3, disabled != 0);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = db_fail(db, err, "修改用户");
		db_rollback(db);
		return rc;
	}
	if (db_changes(db) == 0) {
		db_rollback(db);
		if (!disabled && user_fetch(db, login, &(struct db_actor){ 0 }, &(int){ 0 }, err) == BF_OK)
			return err_set(err, BF_EINVAL,
			    "用户 %s 尚未开通，请用 bangfu user add %s --role 角色 --org 单位代码 指定角色和单位",
			    login, login);
		return err_set(err, BF_ENOTFOUND, "没有用户 %s", login);
	}
	return db_commit(db, err);
}

/* All users, login order. */
int
user_list(struct db *db, struct user_row *out, int max, int *n, bf_error *err)
{
	static const char sql[] =
	    "SELECT u.id, u.login, u.name, u.role, u.org_code, coalesce(o.name, ''), u.disabled"
	    " FROM app_user u LEFT JOIN org_unit o ON o.code = u.org_code ORDER BY u.login";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int rc = SQLITE_DONE;

	if (st == NULL)
		return err->code;
	*n = 0;
	while (*n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct user_row *u = &out[(*n)++];

		u->id = sqlite3_column_int64(st, 0);
		snprintf(u->login, sizeof u->login, "%s", st_text(st, 1));
		snprintf(u->name, sizeof u->name, "%s", st_text(st, 2));
		snprintf(u->role, sizeof u->role, "%s", st_text(st, 3));
		snprintf(u->org, sizeof u->org, "%s", st_text(st, 4));
		snprintf(u->org_name, sizeof u->org_name, "%s", st_text(st, 5));
		u->disabled = sqlite3_column_int(st, 6);
	}
	sqlite3_reset(st);
	if (*n < max && rc != SQLITE_DONE)
		return db_fail(db, err, "读取用户");
	return BF_OK;
}
