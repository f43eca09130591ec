/*
 * history.c -- a person's change history from audit_log: the list of
 * entries (keyset-paged on audit_log.id through the audit_log_person
 * index) and the field-level differences of one entry, worked out in SQL
 * with json_each over the before/after row images the audit triggers
 * write (and over the `extra` object inside them, so site-added fields
 * show as "extra.KEY").
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store/db.h"
#include "store/db_private.h"
#include "store/history.h"
#include "util/xalloc.h"

#define HISTORY_COLS \
	"SELECT a.id, a.at, coalesce(nullif(u.name, ''), u.login, '未知用户'), a.action, a.tbl," \
	" coalesce(a.row_id, 0), coalesce(a.note, '') FROM audit_log a" \
	" LEFT JOIN app_user u ON u.id = a.user_id "

static const char sql_older[] = HISTORY_COLS
    "WHERE a.person_id = ?1 AND a.id < ?2 ORDER BY a.id DESC LIMIT ?3";
static const char sql_newer[] = HISTORY_COLS
    "WHERE a.person_id = ?1 AND a.id > ?2 ORDER BY a.id ASC LIMIT ?3";

/*
 * Keys of the before and after images (top level, then inside extra),
 * in column order, with both values; the row id (the entry has it),
 * book-keeping and derived columns left out, and for updates only the
 * keys whose value differs.
 */
static const char sql_changes[] =
    "WITH a AS (SELECT action, coalesce(before, '{}') AS b, coalesce(after, '{}') AS f"
    "  FROM audit_log WHERE id = ?1 AND person_id = ?2),"
    " e AS (SELECT action, coalesce(json_extract(b, '$.extra'), '{}') AS b,"
    "  coalesce(json_extract(f, '$.extra'), '{}') AS f FROM a),"
    " top(ord, name) AS (SELECT min(ord), key FROM ("
    "   SELECT j.id AS ord, j.key FROM a, json_each(a.f) j"
    "   UNION ALL SELECT j.id + 1000000, j.key FROM a, json_each(a.b) j) GROUP BY key),"
    " ext(ord, name) AS (SELECT min(ord), key FROM ("
    "   SELECT j.id + 2000000 AS ord, j.key FROM e, json_each(e.f) j"
    "   UNION ALL SELECT j.id + 3000000, j.key FROM e, json_each(e.b) j) GROUP BY key),"
    " d(ord, name, bv, fv) AS ("
    "   SELECT t.ord, t.name, json_extract(a.b, '$.\"' || t.name || '\"'),"
    "    json_extract(a.f, '$.\"' || t.name || '\"') FROM top t, a"
    "   UNION ALL SELECT x.ord, 'extra.' || x.name, json_extract(e.b, '$.\"' || x.name || '\"'),"
    "    json_extract(e.f, '$.\"' || x.name || '\"') FROM ext x, e)"
    " SELECT d.name, d.bv, d.fv FROM d, a"
    " WHERE d.name NOT IN ('id', 'extra', 'version', 'updated_at', 'created_at',"
    "  'id_rev', 'name_py', 'name_pinyin', 'name_chars')"
    " AND NOT (d.bv IS NULL AND d.fv IS NULL)"
    " AND (a.action <> 'update' OR d.bv IS NOT d.fv)"
    " ORDER BY d.ord";

/* Refuse a person who does not exist or is outside the actor's scope. */
int
history_check_scope(struct db *db, int64_t person_id, bf_error *err)
{
	static const char sql[] = "SELECT community_code FROM person WHERE id = ?";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	char cc[13] = "";
	int rc;

	if (st == NULL)
		return err->code;
	sqlite3_bind_int64(st, 1, person_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(cc, sizeof cc, "%s", st_text(st, 0));
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, "读取人员");
	if (rc == SQLITE_DONE)
		return err_set(err, BF_ENOTFOUND, "没有编号为 %lld 的人员", (long long)person_id);
	if (!db_in_scope(db, cc))
		return err_set(err, BF_EPERM, "该人员不在您的管辖范围内");
	return BF_OK;
}

/* A page of entries in either direction (see history.h). */
int
history_list(struct db *db, int64_t person_id, int64_t from_id, int older,
    struct history_entry *out, int max, int *n, bf_error *err)
{
	sqlite3_stmt *st;
	int rc;

	*n = 0;
	if ((rc = history_check_scope(db, person_id, err)) != BF_OK)
		return rc;
	if ((st = db_stmt(db, older ? sql_older : sql_newer, err)) == NULL)
		return err->code;
	sqlite3_bind_int64(st, 1, person_id);
	sqlite3_bind_int64(st, 2, older && from_id == 0 ? INT64_MAX : from_id);
	sqlite3_bind_int(st, 3, max);
	while (*n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct history_entry *h = &out[(*n)++];

		h->id = sqlite3_column_int64(st, 0);
		snprintf(h->at, sizeof h->at, "%s", st_text(st, 1));
		snprintf(h->user, sizeof h->user, "%s", st_text(st, 2));
		snprintf(h->action, sizeof h->action, "%s", st_text(st, 3));
		snprintf(h->table, sizeof h->table, "%s", st_text(st, 4));
		h->row_id = sqlite3_column_int64(st, 5);
		snprintf(h->note, sizeof h->note, "%s", st_text(st, 6));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, "读取变更记录");
	return BF_OK;
}

/* How many entries the person's history has. */
int
history_count(struct db *db, int64_t person_id, long *n, bf_error *err)
{
	static const char sql[] = "SELECT count(*) FROM audit_log WHERE person_id = ?";
	sqlite3_stmt *st;
	int rc;

	*n = 0;
	if ((rc = history_check_scope(db, person_id, err)) != BF_OK)
		return rc;
	if ((st = db_stmt(db, sql, err)) == NULL)
		return err->code;
	sqlite3_bind_int64(st, 1, person_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? BF_OK : db_fail(db, err, "统计变更记录");
}

/* Column i as a new string, or NULL for SQL NULL. */
static char *
history_dup(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NULL : xstrdup(st_text(st, i));
}

/* The changed fields of one entry (see history.h). */
int
history_changes(struct db *db, int64_t person_id, int64_t audit_id,
    struct history_change **out, size_t *n, bf_error *err)
{
	struct history_change *v = NULL;
	size_t cap = 0;
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = history_check_scope(db, person_id, err)) != BF_OK)
		return rc;
	if ((st = db_stmt(db, sql_changes, err)) == NULL)
		return err->code;
	sqlite3_bind_int64(st, 1, audit_id);
	sqlite3_bind_int64(st, 2, person_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[*n].column = xstrdup(st_text(st, 0));
		v[*n].before = history_dup(st, 1);
		v[*n].after = history_dup(st, 2);
		(*n)++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		history_changes_free(v, *n);
		*n = 0;
		return db_fail(db, err, "读取变更内容");
	}
	*out = v;
	return BF_OK;
}

/* Free what history_changes returned. */
void
history_changes_free(struct history_change *c, size_t n)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(c[i].column);
		free(c[i].before);
		free(c[i].after);
	}
	free(c);
}

/* Record that the actor saw something masked about the person. */
int
history_log_view(struct db *db, int64_t person_id, const char *what, bf_error *err)
{
	static const char sql[] =
	    "INSERT INTO audit_log (at, user_id, action, tbl, row_id, person_id, note)"
	    " VALUES (?1, ?2, 'view', 'person', ?3, ?3, ?4)";
	sqlite3_stmt *st;
	char now[20];
	int rc;

	if (db_actor(db)->id == 0)
		return err_set(err, BF_EPERM, "尚未登录，不能查看");
	if ((rc = history_check_scope(db, person_id, err)) != BF_OK)
		return rc;
	if ((st = db_stmt(db, sql, err)) == NULL)
		return err->code;
	db_now(db, now);
	sqlite3_bind_text(st, 1, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, db_actor(db)->id);
	sqlite3_bind_int64(st, 3, person_id);
	st_bind_opt(st, 4, what);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? BF_OK : db_fail(db, err, "写审计日志");
}

/* Record an import or export in the audit log. */
int
history_log_event(struct db *db, const char *action, const char *tbl, const char *note,
    bf_error *err)
{
	static const char sql[] =
	    "INSERT INTO audit_log (at, user_id, action, tbl, note) VALUES (?1, ?2, ?3, ?4, ?5)";
	static const char *const allowed[] = { "import", "export" };
	sqlite3_stmt *st;
	char now[20];
	size_t i;
	int rc;

	for (i = 0; i < sizeof allowed / sizeof allowed[0]; i++)
		if (strcmp(action, allowed[i]) == 0)
			break;
	if (i == sizeof allowed / sizeof allowed[0])
		return err_set(err, BF_EINVAL, "审计日志不接受这种记录：%s", action);
	if (db_actor(db)->id == 0)
		return err_set(err, BF_EPERM, "尚未登录");
	if ((st = db_stmt(db, sql, err)) == NULL)
		return err->code;
	db_now(db, now);
	sqlite3_bind_text(st, 1, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, db_actor(db)->id);
	st_bind(st, 3, allowed[i]);
	st_bind(st, 4, tbl);
	st_bind_opt(st, 5, note);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? BF_OK : db_fail(db, err, "写审计日志");
}

/* Chinese words for the audit actions. */
static const struct {
	const char	*code;
	const char	*label;
} history_actions[] = {
	{ "insert", "新建" },
	{ "update", "修改" },
	{ "delete", "删除" },
	{ "view", "查看" },
	{ "export", "导出" },
	{ "import", "导入" },
	{ "login", "登录" },
	{ "bulk", "批量导入" },
};

/* The Chinese word for an audit action, or the code itself. */
const char *
history_action_label(const char *action)
{
	size_t i;

	for (i = 0; i < sizeof history_actions / sizeof history_actions[0]; i++)
		if (strcmp(history_actions[i].code, action) == 0)
			return history_actions[i].label;
	return action;
}
