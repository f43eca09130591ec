/*
 * schema.c -- applying schema.sql (embedded at build time as
 * schema_sql[]) to a new database, checking the version of an existing
 * one, and listing the schema's columns for the form checker.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store/db.h"
#include "store/db_private.h"
#include "store/schema.h"
#include "util/xalloc.h"

extern const unsigned char schema_sql[];

/* PRAGMA user_version of db. */
int
schema_version(struct db *db, int *out, bf_error *err)
{
	sqlite3_stmt *st = db_stmt(db, "PRAGMA user_version", err);

	if (st == NULL)
		return err->code;
	if (sqlite3_step(st) != SQLITE_ROW)
		return db_fail(db, err, "读取数据库版本");
	*out = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return BF_OK;
}

/* Count of objects in sqlite_schema and the application id. */
static int
schema_probe(struct db *db, int *objects, int *appid, bf_error *err)
{
	sqlite3_stmt *st;

	if ((st = db_stmt(db, "SELECT count(*) FROM sqlite_schema", err)) == NULL)
		return err->code;
	if (sqlite3_step(st) != SQLITE_ROW)
		return db_fail(db, err, "读取数据库结构");
	*objects = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if ((st = db_stmt(db, "PRAGMA application_id", err)) == NULL)
		return err->code;
	if (sqlite3_step(st) != SQLITE_ROW)
		return db_fail(db, err, "读取数据库标识");
	*appid = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return BF_OK;
}

/* A new database: schema, audit triggers, organisation tree, version. */
static int
schema_create(struct db *db, bf_error *err)
{
	char pragma[96];
	int rc;

	if ((rc = db_begin(db, err)) != BF_OK)
		return rc;
	db_set_audit(db, 0);
	if ((rc = db_exec(db, (const char *)schema_sql, err)) != BF_OK ||
	    (rc = audit_install(db, err)) != BF_OK ||
	    (rc = orgunit_seed(db, err)) != BF_OK)
		goto fail;
	snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d; PRAGMA application_id = %d",
	    SCHEMA_VERSION, SCHEMA_APPLICATION_ID);
	if ((rc = db_exec(db, pragma, err)) != BF_OK)
		goto fail;
	db_set_audit(db, 1);
	return db_commit(db, err);
fail:
	db_set_audit(db, 1);
	db_rollback(db);
	return err_prefix(err, "建立数据库结构失败：");
}

/*
 * Make sure db has this program's schema: create it in an empty file or
 * upgrade an older one when create is set; refuse a newer one, a file of
 * another program, or (without create) one that needs work.
 */
int
schema_ensure(struct db *db, int create, bf_error *err)
{
	int version = 0, objects = 0, appid = 0, rc;

	if ((rc = schema_version(db, &version, err)) != BF_OK ||
	    (rc = schema_probe(db, &objects, &appid, err)) != BF_OK)
		return rc;
	if (objects > 0 && appid != SCHEMA_APPLICATION_ID)
		return err_set(err, BF_ESCHEMA, "这不是 bangfu 的数据库文件");
	if (version > SCHEMA_VERSION)
		return err_set(err, BF_ESCHEMA,
		    "数据库由更新版本的 bangfu 建立（结构版本 %d，本程序只支持到 %d），请升级程序",
		    version, SCHEMA_VERSION);
	if (version == SCHEMA_VERSION)
		return BF_OK;
	if (!create)
		return err_set(err, BF_ESCHEMA, version == 0
		    ? "数据库尚未初始化，请先运行 bangfu init"
		    : "数据库结构需要升级，请先运行 bangfu init");
	if (version == 0)
		return schema_create(db, err);
	return migrate_run(db, version, err);
}

struct schema_info {
	char	**cols;		/* "table.column", sorted */
	size_t	  n;
};

/* qsort/bsearch comparator for strings. */
static int
schema_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Load the embedded schema into an in-memory database and list every
 * table's columns, so a form can be checked against the real schema.
 */
struct schema_info *
schema_info_load(bf_error *err)
{
	static const char list_sql[] =
	    "SELECT m.name || '.' || c.name FROM sqlite_schema m, pragma_table_info(m.name) c"
	    " WHERE m.type = 'table' UNION SELECT name || '.' FROM sqlite_schema WHERE type = 'table'";
	struct schema_info *si;
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	size_t cap = 0;

	if (sqlite3_open(":memory:", &h) != SQLITE_OK ||
	    sqlite3_exec(h, (const char *)schema_sql, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(h, list_sql, -1, &st, NULL) != SQLITE_OK) {
		err_set(err, BF_EDB, "读取内置数据库结构失败：%s", sqlite3_errmsg(h));
		sqlite3_close(h);
		return NULL;
	}
	si = xcalloc(1, sizeof *si);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (si->n == cap) {
			cap = cap ? cap * 2 : 256;
			si->cols = xreallocarray(si->cols, cap, sizeof *si->cols);
		}
		si->cols[si->n++] = xstrdup((const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	sqlite3_close(h);
	qsort(si->cols, si->n, sizeof *si->cols, schema_cmp);
	return si;
}

/* Free what schema_info_load returned. */
void
schema_info_free(struct schema_info *si)
{
	size_t i;

	if (si == NULL)
		return;
	for (i = 0; i < si->n; i++)
		free(si->cols[i]);
	free(si->cols);
	free(si);
}

/* 1 if "table.column" (column may be "") is listed. */
static int
schema_lookup(const struct schema_info *si, const char *table, const char *column)
{
	char *key = xasprintf("%s.%s", table, column);
	int found = bsearch(&key, si->cols, si->n, sizeof *si->cols, schema_cmp) != NULL;

	free(key);
	return found;
}

/* 1 if the schema has this table. */
int
schema_has_table(const struct schema_info *si, const char *table)
{
	return schema_lookup(si, table, "");
}

/* 1 if the schema's table has this column. */
int
schema_has_column(const struct schema_info *si, const char *table, const char *column)
{
	return schema_lookup(si, table, column);
}
