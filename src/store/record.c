/*
 * record.c -- generic rows: name/value fields in memory, loaded with
 * SELECT * and saved with INSERT or a version-checked UPDATE whose column
 * list comes from the table's real columns (validated here), with every
 * value bound.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store/db.h"
#include "store/db_private.h"
#include "store/record.h"
#include "util/json.h"
#include "util/strbuf.h"
#include "util/hash.h"
#include "util/xalloc.h"

#define REC_EXTRA	"extra."

/* Empty record of table. */
void
rec_init(struct rec *r, const char *table)
{
	memset(r, 0, sizeof *r);
	snprintf(r->table, sizeof r->table, "%s", table);
}

/* Free the fields; the record stays usable for the same table. */
void
rec_clear(struct rec *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->f[i].name);
		free(r->f[i].value);
	}
	free(r->f);
	r->f = NULL;
	r->n = r->cap = 0;
	r->id = r->version = 0;
}

/* Index of field name, or -1. */
static long
rec_find(const struct rec *r, const char *name)
{
	uint32_t h = hash_str(name);
	size_t i;

	for (i = 0; i < r->n; i++)
		if (r->f[i].hash == h && strcmp(r->f[i].name, name) == 0)
			return (long)i;
	return -1;
}

/* Set name to a copy of value (NULL: SQL NULL). */
void
rec_set(struct rec *r, const char *name, const char *value)
{
	long i = rec_find(r, name);

	if (i < 0) {
		if (r->n == r->cap) {
			r->cap = r->cap ? r->cap * 2 : 16;
			r->f = xreallocarray(r->f, r->cap, sizeof *r->f);
		}
		i = (long)r->n++;
		r->f[i].name = xstrdup(name);
		r->f[i].hash = hash_str(name);
	} else {
		free(r->f[i].value);
	}
	r->f[i].value = value != NULL ? xstrdup(value) : NULL;
}

/* Remove name from the record. */
void
rec_unset(struct rec *r, const char *name)
{
	long i = rec_find(r, name);

	if (i < 0)
		return;
	free(r->f[i].name);
	free(r->f[i].value);
	r->f[i] = r->f[--r->n];
}

/* The value of name, NULL if absent or NULL. */
const char *
rec_get(const struct rec *r, const char *name)
{
	long i = rec_find(r, name);

	return i < 0 ? NULL : r->f[i].value;
}

/* 1 if the record has a field called name (even NULL). */
int
rec_has(const struct rec *r, const char *name)
{
	return rec_find(r, name) >= 0;
}

/* 1 if table has column (db_has_column: cached). */
int
rec_has_column(struct db *db, const char *table, const char *column)
{
	return db_has_column(db, table, column);
}

/* Rows of table under parent_id; see record.h. */
int
rec_count_children(struct db *db, const char *table, const char *column, int64_t parent_id,
    long *n, bf_error *err)
{
	sqlite3_stmt *st;
	char *sql;
	int rc;

	*n = 0;
	if (!rec_has_column(db, table, "id") || !rec_has_column(db, table, column))
		return err_set(err, BF_EINVAL, "表 %s 没有字段 %s", table, column);
	sql = xasprintf("SELECT count(*) FROM \"%s\" WHERE \"%s\" = ?", table, column);
	st = db_stmt_text(db, sql, err);
	free(sql);
	if (st == NULL)
		return err->code;
	sqlite3_bind_int64(st, 1, parent_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? BF_OK : db_fail(db, err, "统计记录");
}

/* An extra key may only be a plain identifier (it becomes a JSON path). */
static int
rec_key_ok(const char *k)
{
	if (*k == '\0')
		return 0;
	for (; *k != '\0'; k++)
		if (!((*k >= 'a' && *k <= 'z') || (*k >= 'A' && *k <= 'Z') ||
		    (*k >= '0' && *k <= '9') || *k == '_'))
			return 0;
	return 1;
}

/* Columns the store maintains itself: never taken from a record. */
static int
rec_managed(const char *name)
{
	static const char *const managed[] = {
		"id", "version", "extra", "created_at", "updated_at", NULL
	};
	int i;

	for (i = 0; managed[i] != NULL; i++)
		if (strcmp(name, managed[i]) == 0)
			return 1;
	return 0;
}

/* Check every field names a real column or a valid extra key. */
static int
rec_check_names(struct db *db, const struct rec *r, bf_error *err)
{
	size_t i;
	const char *n;

	if (!rec_has_column(db, r->table, "id"))
		return err_set(err, BF_EINVAL, "没有这张表：%s", r->table);
	for (i = 0; i < r->n; i++) {
		n = r->f[i].name;
		if (strncmp(n, REC_EXTRA, strlen(REC_EXTRA)) == 0) {
			if (!rec_key_ok(n + strlen(REC_EXTRA)) || !rec_has_column(db, r->table, "extra"))
				return err_set(err, BF_EINVAL, "表 %s 不能保存扩展字段 %s", r->table, n);
		} else if (!rec_managed(n) && !rec_has_column(db, r->table, n)) {
			return err_set(err, BF_EINVAL, "表 %s 没有字段 %s", r->table, n);
		}
	}
	return BF_OK;
}

/* The community of person id, for scope checks; "" if no such person. */
static int
rec_person_community(struct db *db, const char *person_id, char out[13], bf_error *err)
{
	static const char sql[] = "SELECT community_code FROM person WHERE id = ?";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int rc;

	out[0] = '\0';
	if (st == NULL)
		return err->code;
	sqlite3_bind_int64(st, 1, strtoll(person_id, NULL, 10));
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(out, 13, "%s", st_text(st, 0));
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, "读取人员");
	return BF_OK;
}

/* Refuse a row whose community (or whose person's community) is outside scope. */
static int
rec_check_scope(struct db *db, const struct rec *r, bf_error *err)
{
	const char *cc = rec_get(r, "community_code"), *pid = rec_get(r, "person_id");
	char pc[13];
	int rc;

	if (cc != NULL && !db_in_scope(db, cc))
		return err_set(err, BF_EPERM, "社区 %s 不在您的管辖范围内", cc);
	if (pid != NULL) {
		if ((rc = rec_person_community(db, pid, pc, err)) != BF_OK)
			return rc;
		if (pc[0] == '\0')
			return err_set(err, BF_ENOTFOUND, "没有编号为 %s 的人员", pid);
		if (!db_in_scope(db, pc))
			return err_set(err, BF_EPERM, "该人员不在您的管辖范围内");
	}
	return BF_OK;
}

/* Who last wrote table row id, from the audit log. */
void
rec_last_change(struct db *db, const char *table, int64_t id, char *out, size_t outlen)
{
	static const char sql[] =
	    "SELECT coalesce(u.name, u.login, '未知用户'), substr(a.at, 1, 16) FROM audit_log a"
	    " LEFT JOIN app_user u ON u.id = a.user_id"
	    " WHERE a.tbl = ? AND a.row_id = ? ORDER BY a.id DESC LIMIT 1";
	bf_error err;
	sqlite3_stmt *st = db_stmt(db, sql, &err);

	out[0] = '\0';
	if (st == NULL)
		return;
	st_bind(st, 1, table);
	sqlite3_bind_int64(st, 2, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(out, outlen, "%s 于 %s", st_text(st, 0), st_text(st, 1));
	sqlite3_reset(st);
}

/* Bind every non-extra, non-managed field in order from index *pos. */
static void
rec_bind_columns(sqlite3_stmt *st, const struct rec *r, int *pos)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		if (rec_managed(r->f[i].name) ||
		    strncmp(r->f[i].name, REC_EXTRA, strlen(REC_EXTRA)) == 0)
			continue;
		if (r->f[i].value == NULL)
			sqlite3_bind_null(st, (*pos)++);
		else
			sqlite3_bind_text(st, (*pos)++, r->f[i].value, -1, SQLITE_STATIC);
	}
}

/* The extra fields as one JSON object. */
static void
rec_extra_json(const struct rec *r, strbuf *sb)
{
	size_t i;
	int first = 1;

	sb_addc(sb, '{');
	for (i = 0; i < r->n; i++)
		if (strncmp(r->f[i].name, REC_EXTRA, strlen(REC_EXTRA)) == 0) {
			json_add_key(sb, &first, r->f[i].name + strlen(REC_EXTRA));
			json_add_string(sb, r->f[i].value);
		}
	sb_addc(sb, '}');
}

/* Number of extra fields. */
static int
rec_nextra(const struct rec *r)
{
	size_t i;
	int n = 0;

	for (i = 0; i < r->n; i++)
		n += strncmp(r->f[i].name, REC_EXTRA, strlen(REC_EXTRA)) == 0;
	return n;
}

/* INSERT r. */
static int
rec_insert(struct db *db, struct rec *r, const char *now, bf_error *err)
{
	strbuf sql, vals, extra;
	sqlite3_stmt *st;
	size_t i;
	int pos = 1, rc = BF_OK, has_created, has_updated, has_extra;

	sb_init(&sql);
	sb_init(&vals);
	sb_init(&extra);
	has_created = rec_has_column(db, r->table, "created_at");
	has_updated = rec_has_column(db, r->table, "updated_at");
	has_extra = rec_nextra(r) > 0;
	sb_addf(&sql, "INSERT INTO \"%s\" (", r->table);
	for (i = 0; i < r->n; i++) {
		if (rec_managed(r->f[i].name) ||
		    strncmp(r->f[i].name, REC_EXTRA, strlen(REC_EXTRA)) == 0)
			continue;
		sb_addf(&sql, "%s\"%s\"", vals.len ? ", " : "", r->f[i].name);
		sb_add(&vals, vals.len ? ", ?" : "?");
	}
	if (has_extra) {
		sb_addf(&sql, "%s\"extra\"", vals.len ? ", " : "");
		sb_add(&vals, vals.len ? ", ?" : "?");
	}
	if (has_created) {
		sb_addf(&sql, "%s\"created_at\"", vals.len ? ", " : "");
		sb_add(&vals, vals.len ? ", ?" : "?");
	}
	if (has_updated) {
		sb_addf(&sql, "%s\"updated_at\"", vals.len ? ", " : "");
		sb_add(&vals, vals.len ? ", ?" : "?");
	}
	sb_addf(&sql, ") VALUES (%s)", sb_str(&vals));
	if ((st = db_stmt_text(db, sb_str(&sql), err)) == NULL) {
		rc = err->code;
		goto out;
	}
	rec_bind_columns(st, r, &pos);
	if (has_extra) {
		rec_extra_json(r, &extra);
		sqlite3_bind_text(st, pos++, sb_str(&extra), -1, SQLITE_STATIC);
	}
	if (has_created)
		sqlite3_bind_text(st, pos++, now, -1, SQLITE_STATIC);
	if (has_updated)
		sqlite3_bind_text(st, pos++, now, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = db_fail(db, err, "保存");
	} else {
		r->id = db_last_id(db);
		r->version = 1;
	}
	sqlite3_reset(st);
out:
	sb_free(&sql);
	sb_free(&vals);
	sb_free(&extra);
	return rc;
}

/* Why an UPDATE changed nothing: gone, or changed by someone else. */
static int
rec_conflict(struct db *db, const struct rec *r, bf_error *err)
{
	char who[160];

	rec_last_change(db, r->table, r->id, who, sizeof who);
	if (who[0] == '\0')
		return err_set(err, BF_ENOTFOUND, "记录已不存在（可能已被删除）");
	return err_set(err, BF_ECONFLICT,
	    "保存被拒绝：这条记录已被 %s 修改。您输入的内容仍保留在屏幕上，请核对后重新打开再改",
	    who);
}

/* UPDATE r where its version still matches. */
static int
rec_update(struct db *db, struct rec *r, const char *now, bf_error *err)
{
	strbuf sql;
	sqlite3_stmt *st;
	size_t i;
	int pos = 1, rc = BF_OK, nextra = rec_nextra(r);
	int has_updated = rec_has_column(db, r->table, "updated_at");
	char **paths = NULL;
	int np = 0;

	sb_init(&sql);
	sb_addf(&sql, "UPDATE \"%s\" SET version = version + 1", r->table);
	for (i = 0; i < r->n; i++) {
		if (rec_managed(r->f[i].name) ||
		    strncmp(r->f[i].name, REC_EXTRA, strlen(REC_EXTRA)) == 0)
			continue;
		sb_addf(&sql, ", \"%s\" = ?", r->f[i].name);
	}
	if (nextra > 0) {
		sb_add(&sql, ", extra = json_set(extra");
		for (i = 0; i < (size_t)nextra; i++)
			sb_add(&sql, ", ?, ?");
		sb_addc(&sql, ')');
	}
	if (has_updated)
		sb_add(&sql, ", updated_at = ?");
	sb_add(&sql, " WHERE id = ? AND version = ?");
	if ((st = db_stmt_text(db, sb_str(&sql), err)) == NULL) {
		rc = err->code;
		goto out;
	}
	rec_bind_columns(st, r, &pos);
	if (nextra > 0) {
		paths = xcalloc((size_t)nextra, sizeof *paths);
		for (i = 0; i < r->n; i++) {
			if (strncmp(r->f[i].name, REC_EXTRA, strlen(REC_EXTRA)) != 0)
				continue;
			paths[np] = xasprintf("$.%s", r->f[i].name + strlen(REC_EXTRA));
			sqlite3_bind_text(st, pos++, paths[np++], -1, SQLITE_STATIC);
			if (r->f[i].value == NULL)
				sqlite3_bind_null(st, pos++);
			else
				sqlite3_bind_text(st, pos++, r->f[i].value, -1, SQLITE_STATIC);
		}
	}
	if (has_updated)
		sqlite3_bind_text(st, pos++, now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, pos++, r->id);
	sqlite3_bind_int64(st, pos++, r->version);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, err, "保存");
	else if (db_changes(db) == 0)
		rc = rec_conflict(db, r, err);
	else
		r->version++;
	sqlite3_reset(st);
out:
	while (np > 0)
		free(paths[--np]);
	free(paths);
	sb_free(&sql);
	return rc;
}

/* Insert or update r in one (possibly nested) transaction. */
int
rec_save(struct db *db, struct rec *r, bf_error *err)
{
	char now[20];
	int rc;

	if (db_actor(db)->id == 0)
		return err_set(err, BF_EPERM, "尚未登录，不能保存");
	if ((rc = rec_check_names(db, r, err)) != BF_OK)
		return rc;
	if ((rc = db_begin(db, err)) != BF_OK)
		return rc;
	db_now(db, now);
	if ((rc = rec_check_scope(db, r, err)) == BF_OK) {
		/* An update must not move a row out of scope, nor edit one outside it. */
		if (r->id != 0 && strcmp(r->table, "person") == 0) {
			struct rec old;

			rec_init(&old, r->table);
			rc = rec_load(db, r->table, r->id, &old, err);
			rec_clear(&old);
		}
	}
	if (rc == BF_OK)
		rc = r->id == 0 ? rec_insert(db, r, now, err) : rec_update(db, r, now, err);
	if (rc != BF_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

/* Append every key of the JSON object text as "extra.KEY" fields. */
static int
rec_load_extra(struct db *db, const char *json, struct rec *r, bf_error *err)
{
	static const char sql[] = "SELECT key, CASE WHEN type = 'null' THEN NULL ELSE value END"
	    " FROM json_each(?)";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	char *name;
	int rc;

	if (st == NULL)
		return err->code;
	st_bind(st, 1, json);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		name = xasprintf(REC_EXTRA "%s", st_text(st, 0));
		rec_set(r, name, sqlite3_column_type(st, 1) == SQLITE_NULL ? NULL : st_text(st, 1));
		free(name);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? BF_OK : db_fail(db, err, "读取扩展字段");
}

/* Load row id of table, if in scope. */
int
rec_load(struct db *db, const char *table, int64_t id, struct rec *r, bf_error *err)
{
	sqlite3_stmt *st;
	char *sql, *extra = NULL;
	int i, ncol, rc;

	rec_clear(r);
	rec_init(r, table);
	if (!rec_has_column(db, table, "id"))
		return err_set(err, BF_EINVAL, "没有这张表：%s", table);
	sql = xasprintf("SELECT * FROM \"%s\" WHERE id = ?", table);
	st = db_stmt_text(db, sql, err);
	free(sql);
	if (st == NULL)
		return err->code;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? err_set(err, BF_ENOTFOUND, "没有编号为 %lld 的记录",
		    (long long)id) : db_fail(db, err, "读取记录");
	}
	ncol = sqlite3_column_count(st);
	for (i = 0; i < ncol; i++) {
		const char *name = sqlite3_column_name(st, i);

		if (strcmp(name, "extra") == 0) {
			extra = xstrdup(st_text(st, i));
			continue;
		}
		rec_set(r, name, sqlite3_column_type(st, i) == SQLITE_NULL ? NULL : st_text(st, i));
	}
	sqlite3_reset(st);
	r->id = id;
	r->version = rec_get(r, "version") ? strtoll(rec_get(r, "version"), NULL, 10) : 0;
	rc = extra != NULL ? rec_load_extra(db, extra, r, err) : BF_OK;
	free(extra);
	if (rc == BF_OK && (rc = rec_check_scope(db, r, err)) != BF_OK)
		rec_clear(r);
	return rc;
}
