/*
 * transfer.c -- moving a person between communities and caseworkers, in
 * one transaction: check, update person, insert transfer, move the open
 * follow-ups.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "store/db.h"
#include "store/db_private.h"
#include "store/orgunit.h"
#include "store/transfer.h"

/* The person's community and caseworker, within the actor's scope. */
static int
transfer_load(struct db *db, int64_t person_id, struct transfer_result *r, bf_error *err)
{
	static const char sql[] =
	    "SELECT community_code, coalesce(caseworker_id, 0) FROM person WHERE id = ?";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int rc;

	if (st == NULL)
		return err->code;
	sqlite3_bind_int64(st, 1, person_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(r->from_community, sizeof r->from_community, "%s", st_text(st, 0));
		r->from_worker = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW || !db_in_scope(db, r->from_community))
		return err_set(err, BF_ENOTFOUND, "没有编号为 %lld 的人员（或不在您的管辖范围内）",
		    (long long)person_id);
	return BF_OK;
}

/* The caseworker to_login of community code: their id, or an error. */
static int
transfer_worker(struct db *db, const char *login, const char *code, int64_t *id, bf_error *err)
{
	static const char sql[] =
	    "SELECT id, role, org_code, disabled FROM app_user WHERE login = ?";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	char role[16] = "", org[13] = "";
	int rc, disabled = 0;

	if (st == NULL)
		return err->code;
	st_bind(st, 1, login);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		snprintf(role, sizeof role, "%s", st_text(st, 1));
		snprintf(org, sizeof org, "%s", st_text(st, 2));
		disabled = sqlite3_column_int(st, 3);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return err_set(err, BF_ENOTFOUND, "没有用户 %s", login);
	if (disabled)
		return err_set(err, BF_EINVAL, "用户 %s 已停用，不能接收个案", login);
	if (strcmp(role, "caseworker") != 0 || strcmp(org, code) != 0)
		return err_set(err, BF_EINVAL, "用户 %s 不是社区 %s 的社区工作人员", login, code);
	return BF_OK;
}

/* Is the current caseworker still right for community code? */
static int
transfer_keep_worker(struct db *db, int64_t worker, const char *code)
{
	static const char sql[] = "SELECT 1 FROM app_user WHERE id = ? AND org_code = ? AND disabled = 0";
	sqlite3_stmt *st = db_stmt(db, sql, NULL);
	int keep;

	if (st == NULL || worker == 0)
		return 0;
	sqlite3_bind_int64(st, 1, worker);
	st_bind(st, 2, code);
	keep = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return keep;
}

/* Run one write statement with its bindings already made. */
static int
transfer_step(struct db *db, sqlite3_stmt *st, const char *what, bf_error *err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? BF_OK : db_fail(db, err, what);
}

/* The writes, inside the caller's transaction. */
static int
transfer_write(struct db *db, int64_t person_id, const char *reason, struct transfer_result *r,
    bf_error *err)
{
	static const char sql_person[] =
	    "UPDATE person SET community_code = ?1, caseworker_id = ?2, updated_at = ?3,"
	    " version = version + 1 WHERE id = ?4";
	static const char sql_row[] =
	    "INSERT INTO transfer (person_id, at, from_community, to_community, from_worker, to_worker,"
	    " reason, user_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	static const char sql_fu[] =
	    "UPDATE followup SET worker_id = ?1, version = version + 1"
	    " WHERE person_id = ?2 AND done_on IS NULL";
	sqlite3_stmt *st;
	char now[20];
	int rc;

	db_now(db, now);
	if ((st = db_stmt(db, sql_person, err)) == NULL)
		return err->code;
	st_bind(st, 1, r->to_community);
	if (r->to_worker)
		sqlite3_bind_int64(st, 2, r->to_worker);
	st_bind(st, 3, now);
	sqlite3_bind_int64(st, 4, person_id);
	if ((rc = transfer_step(db, st, "修改人员归属", err)) != BF_OK)
		return rc;
	if ((st = db_stmt(db, sql_row, err)) == NULL)
		return err->code;
	sqlite3_bind_int64(st, 1, person_id);
	st_bind(st, 2, now);
	st_bind(st, 3, r->from_community);
	st_bind(st, 4, r->to_community);
	if (r->from_worker)
		sqlite3_bind_int64(st, 5, r->from_worker);
	if (r->to_worker)
		sqlite3_bind_int64(st, 6, r->to_worker);
	st_bind(st, 7, reason);
	sqlite3_bind_int64(st, 8, db_actor(db)->id);
	if ((rc = transfer_step(db, st, "写转移记录", err)) != BF_OK)
		return rc;
	if ((st = db_stmt(db, sql_fu, err)) == NULL)
		return err->code;
	if (r->to_worker)
		sqlite3_bind_int64(st, 1, r->to_worker);
	sqlite3_bind_int64(st, 2, person_id);
	if ((rc = transfer_step(db, st, "移交回访", err)) != BF_OK)
		return rc;
	r->followups_moved = db_changes(db);
	return BF_OK;
}

/* Transfer a person (see transfer.h). */
int
transfer_person(struct db *db, int64_t person_id, const char *to_org, const char *to_login,
    const char *reason, struct transfer_result *res, bf_error *err)
{
	const struct db_actor *a = db_actor(db);
	struct transfer_result r;
	struct org_unit u;
	int rc;

	memset(&r, 0, sizeof r);
	if (a->id == 0)
		return err_set(err, BF_EPERM, "尚未登录，不能转移个案");
	if (strcmp(a->role, "supervisor") != 0 && strcmp(a->role, "admin") != 0)
		return err_set(err, BF_EPERM, "只有管理人员和系统管理员可以转移个案");
	if (reason == NULL || reason[strspn(reason, " \t")] == '\0')
		return err_set(err, BF_EINVAL, "请填写转移原因");
	if ((rc = transfer_load(db, person_id, &r, err)) != BF_OK)
		return rc;
	if ((rc = orgunit_get(db, to_org, &u, err)) != BF_OK)
		return rc;
	if (strcmp(u.level, "community") != 0)
		return err_set(err, BF_EINVAL, "个案只能转到社区（村），%s 是%s级单位", u.name, u.level);
	snprintf(r.to_community, sizeof r.to_community, "%s", u.code);
	if (to_login != NULL && to_login[0] != '\0') {
		if ((rc = transfer_worker(db, to_login, u.code, &r.to_worker, err)) != BF_OK)
			return rc;
	} else if (transfer_keep_worker(db, r.from_worker, u.code)) {
		r.to_worker = r.from_worker;
	}
	if (strcmp(r.to_community, r.from_community) == 0 && r.to_worker == r.from_worker)
		return err_set(err, BF_EINVAL, "转入的社区和社区工作人员与现在相同");
	if ((rc = db_begin(db, err)) != BF_OK)
		return rc;
	if ((rc = transfer_write(db, person_id, reason, &r, err)) != BF_OK) {
		db_rollback(db);
		return rc;
	}
	if ((rc = db_commit(db, err)) != BF_OK)
		return rc;
	if (res != NULL)
		*res = r;
	return BF_OK;
}
