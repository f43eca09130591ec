/*
 * auditlog.c -- filtered, keyset-paged reading of audit_log and the
 * export rows.  The statement is fixed; an unset filter binds NULL and its
 * condition "(? IS NULL OR col = ?)" is then true, so one prepared
 * statement serves every combination.  Paging walks the primary key
 * downwards ("id < ?"), so every page costs the same.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "store/auditlog.h"
#include "store/db.h"
#include "store/db_private.h"

/* One page of the audit log, newest first. */
int
auditlog_page(struct db *db, const struct auditlog_filter *f, int64_t before_id,
    struct auditlog_row *out, int max, int *n, bf_error *err)
{
	static const char sql[] =
	    "SELECT a.id, a.at, coalesce(u.login, ''), coalesce(u.name, ''), a.action, a.tbl,"
	    " coalesce(a.row_id, 0), coalesce(a.person_id, 0), coalesce(a.note, '')"
	    " FROM audit_log a LEFT JOIN app_user u ON u.id = a.user_id"
	    " WHERE a.id < ?1"
	    " AND (?2 IS NULL OR u.login = ?2)"
	    " AND (?3 IS NULL OR a.action = ?3)"
	    " AND (?4 IS NULL OR a.tbl = ?4)"
	    " AND (?5 IS NULL OR a.at >= ?5)"
	    " AND (?6 IS NULL OR a.at < date(?6, '+1 day'))"
	    " AND (?7 IS NULL OR a.person_id = ?7)"
	    " AND (?8 = 'admin'"
	    "   OR (a.person_id IS NOT NULL AND EXISTS (SELECT 1 FROM person p WHERE p.id = a.person_id"
	    "       AND p.community_code BETWEEN ?9 AND ?10))"
	    "   OR (a.person_id IS NULL AND u.org_code BETWEEN ?9 AND ?10))"
	    " ORDER BY a.id DESC LIMIT ?11";
	const struct db_actor *a = db_actor(db);
	sqlite3_stmt *st;
	struct auditlog_row *r;
	int step;

	*n = 0;
	if (a->id == 0)
		return err_set(err, BF_EPERM, "尚未登录，不能查看审计日志");
	if (strcmp(a->role, "admin") != 0 && strcmp(a->role, "supervisor") != 0)
		return err_set(err, BF_EPERM, "只有管理员和督导人员可以查看审计日志");
	if ((st = db_stmt(db, sql, err)) == NULL)
		return err->code;
	sqlite3_bind_int64(st, 1, before_id > 0 ? before_id : INT64_MAX);
	st_bind_opt(st, 2, f->login);
	st_bind_opt(st, 3, f->action);
	st_bind_opt(st, 4, f->tbl);
	st_bind_opt(st, 5, f->from);
	st_bind_opt(st, 6, f->to);
	if (f->person_id > 0)
		sqlite3_bind_int64(st, 7, f->person_id);
	st_bind(st, 8, a->role);
	st_bind(st, 9, a->scope_lo);
	st_bind(st, 10, a->scope_hi);
	sqlite3_bind_int(st, 11, max);
	while (*n < max && (step = sqlite3_step(st)) == SQLITE_ROW) {
		r = &out[(*n)++];
		memset(r, 0, sizeof *r);
		r->id = sqlite3_column_int64(st, 0);
		snprintf(r->at, sizeof r->at, "%s", st_text(st, 1));
		snprintf(r->login, sizeof r->login, "%s", st_text(st, 2));
		snprintf(r->user_name, sizeof r->user_name, "%s", st_text(st, 3));
		snprintf(r->action, sizeof r->action, "%s", st_text(st, 4));
		snprintf(r->tbl, sizeof r->tbl, "%s", st_text(st, 5));
		r->row_id = sqlite3_column_int64(st, 6);
		r->person_id = sqlite3_column_int64(st, 7);
		snprintf(r->note, sizeof r->note, "%s", st_text(st, 8));
	}
	if (*n < max && step != SQLITE_DONE) {
		step = db_fail(db, err, "读取审计日志");
		sqlite3_reset(st);
		return step;
	}
	sqlite3_reset(st);
	return BF_OK;
}

/* Record an export by the actor. */
int
auditlog_export(struct db *db, const char *tbl, int64_t person_id, const char *note, bf_error *err)
{
	static const char sql[] =
	    "INSERT INTO audit_log (at, user_id, action, tbl, person_id, note)"
	    " VALUES (?1, ?2, 'export', ?3, ?4, ?5)";
	sqlite3_stmt *st;
	char now[20];
	int rc;

	if (db_actor(db)->id == 0)
		return err_set(err, BF_EPERM, "尚未登录，不能导出");
	if ((st = db_stmt(db, sql, err)) == NULL)
		return err->code;
	db_now(db, now);
	st_bind(st, 1, now);
	sqlite3_bind_int64(st, 2, db_actor(db)->id);
	st_bind(st, 3, tbl);
	if (person_id > 0)
		sqlite3_bind_int64(st, 4, person_id);
	st_bind_opt(st, 5, note);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? BF_OK : db_fail(db, err, "写审计日志");
}
