/*
 * bulk.c -- fast loading of generated rows.  Statements are prepared once
 * per (table, column list) and reused; rows go in batches, each its own
 * transaction, so an interrupted load leaves whole batches.
 *
 * Into an empty person table, the secondary indexes (all but the unique
 * ones, which check the rows as they come) and the trigger that feeds the
 * name index are dropped at the start and built once at the end.  Kept
 * during the load, every batch rewrote most leaf pages of each index
 * keyed by something random (citizen ID, name, pinyin, dates): 1,000,000
 * persons wrote 93 GB for a 2.4 GB file.  The statements that rebuild
 * them wait in setting 'bulk.pending_indexes' (written in the same
 * transaction as the drops), so a load that is killed half way gets its
 * indexes back at the next open (bulk_recover).  The importer uses the
 * same deferral for a ledger loaded into an empty database.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store/bulk.h"
#include "store/db.h"
#include "store/db_private.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define BULK_STMTS 16

struct bulk_stmt {
	const char *const *cols;	/* identity of the column list */
	const char	*table;
	sqlite3_stmt	*st;
	int		 ncols;
};

struct bulk {
	struct db	*db;
	char		*note;
	struct bulk_stmt stmts[BULK_STMTS];
	int		 nstmts;
	int		 open;		/* a batch transaction is open */
	int64_t		 first, last;	/* person ids written in the open batch */
	int64_t		 persons;	/* how many */
	int		 deferred;	/* indexes were dropped, to be rebuilt */
};

static const char bulk_pending_key[] = "bulk.pending_indexes";

/*
 * The person table's name index is filled by an AFTER INSERT trigger, one
 * FTS5 insert per row (more than half the cost of a load without its
 * other indexes).  Deferred, the trigger is dropped and, at the end,
 * created again and the index rebuilt from the table in one pass.
 */
static const char bulk_fts_trigger[] = "person_fts_ai";

/*
 * Drop the secondary indexes and the name-index trigger if person is
 * empty, saving what rebuilds them in setting (inside the caller's
 * transaction).  *deferred says whether anything was dropped.
 */
int
bulk_defer_indexes(struct db *db, int *deferred, bf_error *err)
{
	static const char sql_empty[] = "SELECT NOT EXISTS (SELECT 1 FROM person)";
	static const char sql_list[] =
	    "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND ("
	    " (type = 'index' AND sql NOT LIKE 'CREATE UNIQUE%'"
	    "  AND tbl_name NOT IN ('org_unit', 'app_user', 'setting'))"
	    " OR (type = 'trigger' AND name = ?))";
	static const char sql_save[] =
	    "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)";
	sqlite3_stmt *st;
	strbuf creates, drops;
	int rc, empty = 0, fts = 0;

	*deferred = 0;
	if ((st = db_stmt(db, sql_empty, err)) == NULL)
		return err->code;
	if (sqlite3_step(st) == SQLITE_ROW)
		empty = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (!empty)
		return BF_OK;
	if ((st = db_stmt(db, sql_list, err)) == NULL)
		return err->code;
	st_bind(st, 1, bulk_fts_trigger);
	sb_init(&creates);
	sb_init(&drops);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (strcmp(st_text(st, 0), "trigger") == 0) {
			fts = 1;
			sb_addf(&drops, "DROP TRIGGER \"%s\";\n", st_text(st, 1));
			continue;	/* created last, after the indexes */
		}
		/* IF NOT EXISTS: another connection may rebuild them first (bulk_recover at open). */
		if (strncmp(st_text(st, 2), "CREATE INDEX ", 13) == 0)
			sb_addf(&creates, "CREATE INDEX IF NOT EXISTS %s;\n", st_text(st, 2) + 13);
		else
			sb_addf(&creates, "%s;\n", st_text(st, 2));
		sb_addf(&drops, "DROP INDEX \"%s\";\n", st_text(st, 1));
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE && fts) {
		/* The trigger's own text, then every row indexed once. */
		if ((st = db_stmt(db, "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?",
		    err)) == NULL) {
			sb_free(&creates);
			sb_free(&drops);
			return err->code;
		}
		st_bind(st, 1, bulk_fts_trigger);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			sb_addf(&creates, "DROP TRIGGER IF EXISTS \"%s\";\n%s;\n"
			    "INSERT INTO person_fts(person_fts) VALUES ('rebuild');\n",
			    bulk_fts_trigger, st_text(st, 0));
		sqlite3_reset(st);
		rc = rc == SQLITE_ROW ? SQLITE_DONE : rc;
	}
	if (rc != SQLITE_DONE)
		rc = db_fail(db, err, "读取索引");
	else if (creates.len == 0)
		rc = BF_OK;
	else if ((st = db_stmt(db, sql_save, err)) == NULL)
		rc = err->code;
	else {
		st_bind(st, 1, bulk_pending_key);
		st_bind(st, 2, sb_str(&creates));
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		rc = rc == SQLITE_DONE ? db_exec(db, sb_str(&drops), err)
		    : db_fail(db, err, "保存索引定义");
		if (rc == BF_OK)
			*deferred = 1;
	}
	sb_free(&creates);
	sb_free(&drops);
	return rc;
}

/*
 * Build the indexes a bulk load deferred, if any are pending (after the
 * load, or at open after a load that did not finish), then refresh the
 * planner's statistics.
 */
int
bulk_recover(struct db *db, bf_error *err)
{
	static const char sql_get[] = "SELECT value FROM setting WHERE key = ?";
	static const char sql_del[] = "DELETE FROM setting WHERE key = ?";
	sqlite3_stmt *st;
	char *creates = NULL;
	int rc;

	if ((st = db_stmt(db, sql_get, err)) == NULL)
		return err->code;
	st_bind(st, 1, bulk_pending_key);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		creates = xstrdup(st_text(st, 0));
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? BF_OK : db_fail(db, err, "读取设置");
	if ((rc = db_begin(db, err)) != BF_OK)
		goto out;
	/* the sorter may use a second core for the larger indexes */
	db_exec(db, "PRAGMA threads = 2", err);
	if ((rc = db_exec(db, creates, err)) != BF_OK) {
		db_rollback(db);
		goto out;
	}
	if ((st = db_stmt(db, sql_del, err)) == NULL) {
		rc = err->code;
		db_rollback(db);
		goto out;
	}
	st_bind(st, 1, bulk_pending_key);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		rc = db_fail(db, err, "删除设置");
		db_rollback(db);
		goto out;
	}
	if ((rc = db_commit(db, err)) != BF_OK)
		goto out;
	/* Statistics for the planner (sqlite_stat1), from a sample of each index. */
	rc = db_exec(db, "PRAGMA analysis_limit = 1000; ANALYZE", err);
out:
	free(creates);
	return rc;
}

/* Begin: audit off, a large page cache, first batch open. */
int
bulk_begin(struct db *db, const char *note, struct bulk **out, bf_error *err)
{
	struct bulk *b;
	int rc;

	*out = NULL;
	if (db_actor(db)->id == 0)
		return err_set(err, BF_EPERM, "尚未登录，不能写入");
	b = xcalloc(1, sizeof *b);
	b->db = db;
	b->note = xstrdup(note);
	db_set_audit(db, 0);
	db_set_large_cache(db, 1);
	if ((rc = db_begin(db, err)) != BF_OK) {
		bulk_abort(b);
		return rc;
	}
	b->open = 1;
	if ((rc = bulk_defer_indexes(db, &b->deferred, err)) != BF_OK) {
		bulk_abort(b);
		return rc;
	}
	*out = b;
	return BF_OK;
}

/* The statement for (table, cols), prepared on first use. */
static struct bulk_stmt *
bulk_stmt(struct bulk *b, const char *table, const char *const *cols, bf_error *err)
{
	struct bulk_stmt *s;
	strbuf sql;
	int i;

	for (i = 0; i < b->nstmts; i++)
		if (b->stmts[i].cols == cols && strcmp(b->stmts[i].table, table) == 0)
			return &b->stmts[i];
	if (b->nstmts == BULK_STMTS) {
		err_set(err, BF_EDB, "批量写入的表太多");
		return NULL;
	}
	s = &b->stmts[b->nstmts];
	sb_init(&sql);
	sb_addf(&sql, "INSERT INTO \"%s\" (", table);
	for (i = 0; cols[i] != NULL; i++)
		sb_addf(&sql, "%s\"%s\"", i ? ", " : "", cols[i]);
	sb_add(&sql, ") VALUES (");
	for (i = 0; cols[i] != NULL; i++)
		sb_add(&sql, i ? ", ?" : "?");
	sb_addc(&sql, ')');
	if (sqlite3_prepare_v3(db_handle(b->db), sb_str(&sql), -1, SQLITE_PREPARE_PERSISTENT,
	    &s->st, NULL) != SQLITE_OK) {
		db_fail(b->db, err, "准备批量写入");
		sb_free(&sql);
		return NULL;
	}
	sb_free(&sql);
	s->cols = cols;
	s->table = table;
	s->ncols = i;
	b->nstmts++;
	return s;
}

/* Insert one row. */
int
bulk_row(struct bulk *b, const char *table, const char *const *cols,
    const char *const *vals, int64_t *rowid, bf_error *err)
{
	struct bulk_stmt *s = bulk_stmt(b, table, cols, err);
	int i, rc;

	if (s == NULL)
		return err->code;
	for (i = 0; i < s->ncols; i++)
		if (vals[i] == NULL)
			sqlite3_bind_null(s->st, i + 1);
		else
			sqlite3_bind_text(s->st, i + 1, vals[i], -1, SQLITE_STATIC);
	rc = sqlite3_step(s->st);
	sqlite3_reset(s->st);
	if (rc != SQLITE_DONE)
		return db_fail(b->db, err, table);
	if (strcmp(table, "person") == 0) {
		if (b->persons++ == 0)
			b->first = db_last_id(b->db);
		b->last = db_last_id(b->db);
	}
	if (rowid != NULL)
		*rowid = db_last_id(b->db);
	return BF_OK;
}

/*
 * Log the open batch's persons in audit_log, inside the batch's own
 * transaction: a load killed half-way leaves whole batches, each with
 * its audit row (first and last person id), which `bangfu check` uses.
 */
static int
bulk_log_batch(struct bulk *b, bf_error *err)
{
	static const char sql[] =
	    "INSERT INTO audit_log (at, user_id, action, tbl, row_id, after, note)"
	    " VALUES (?, ?, 'bulk', 'person', ?, json_object('first', ?3, 'last', ?4, 'count', ?5), ?6)";
	sqlite3_stmt *st;
	char now[20];
	int rc;

	if (b->persons == 0)
		return BF_OK;
	if ((st = db_stmt(b->db, sql, err)) == NULL)
		return err->code;
	db_now(b->db, now);
	st_bind(st, 1, now);
	sqlite3_bind_int64(st, 2, db_actor(b->db)->id);
	sqlite3_bind_int64(st, 3, b->first);
	sqlite3_bind_int64(st, 4, b->last);
	sqlite3_bind_int64(st, 5, b->persons);
	st_bind(st, 6, b->note);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(b->db, err, "写入审计日志");
	b->persons = 0;
	return BF_OK;
}

/* Commit the batch and open the next. */
int
bulk_commit(struct bulk *b, bf_error *err)
{
	int rc;

	if ((rc = bulk_log_batch(b, err)) != BF_OK)
		return rc;
	b->open = 0;
	if ((rc = db_commit(b->db, err)) != BF_OK)
		return rc;
	if ((rc = db_begin(b->db, err)) != BF_OK)
		return rc;
	b->open = 1;
	return BF_OK;
}

/* Free statements and state; audit back on. */
static void
bulk_free(struct bulk *b)
{
	int i;

	for (i = 0; i < b->nstmts; i++)
		sqlite3_finalize(b->stmts[i].st);
	db_set_audit(b->db, 1);
	db_set_large_cache(b->db, 0);
	free(b->note);
	free(b);
}

/* Commit and record the load in the audit log. */
int
bulk_finish(struct bulk *b, const char *summary, bf_error *err)
{
	static const char sql[] =
	    "INSERT INTO audit_log (at, user_id, action, tbl, after, note)"
	    " VALUES (?, ?, 'bulk', 'person', '{\"summary\":true}', ?)";
	sqlite3_stmt *st = db_stmt(b->db, sql, err);
	bf_error ignored;
	char now[20];
	int rc;

	if ((rc = bulk_log_batch(b, err)) != BF_OK || st == NULL) {
		bulk_abort(b);
		return err->code;
	}
	db_now(b->db, now);
	st_bind(st, 1, now);
	sqlite3_bind_int64(st, 2, db_actor(b->db)->id);
	st_bind(st, 3, summary != NULL ? summary : b->note);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		rc = db_fail(b->db, err, "写入审计日志");
		bulk_abort(b);
		return rc;
	}
	b->open = 0;
	rc = db_commit(b->db, err);
	if (rc == BF_OK && b->deferred)
		rc = bulk_recover(b->db, err);
	else if (rc == BF_OK)
		/* Fresh statistics help, but the load is done: a busy database is no failure. */
		db_exec(b->db, "PRAGMA optimize", &ignored);
	bulk_free(b);
	return rc;
}

/* Give up: roll back the open batch. */
void
bulk_abort(struct bulk *b)
{
	if (b == NULL)
		return;
	if (b->open)
		db_rollback(b->db);
	if (b->deferred) {	/* the batches committed so far keep their indexes */
		bf_error e;

		bulk_recover(b->db, &e);
	}
	bulk_free(b);
}
