/*
 * check.c -- the soundness checks behind `bangfu check`, each a row of
 * check_table: SQLite's integrity_check and foreign_key_check, and spot
 * checks of the audit log against the data.  They only read.
 *
 * The audit checks rely on what the triggers (audit.c) write: an insert,
 * update or delete row with the whole row after the change as JSON, and
 * on bulk loads (bulk.c) writing one 'bulk' row per committed batch with
 * the batch's person ids.  So after any crash: every person is covered by
 * an insert row or a batch, the last audit entry of every row carries the
 * row's current version, and no row the log says exists is missing.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "store/check.h"
#include "store/db.h"
#include "store/db_private.h"

/* Audited tables with a version column (see audit.c and schema.sql). */
static const char *const check_versioned[] = {
	"app_user", "person", "household", "household_member", "household_flag",
	"person_category", "registration", "plan", "plan_measure", "service",
	"followup", "employment",
};

/* Append text to r->detail ("；" between items), keeping it bounded. */
static void
check_add(struct check_result *r, const char *text)
{
	size_t len = strlen(r->detail);

	if (len > sizeof r->detail - 128)
		return;
	snprintf(r->detail + len, sizeof r->detail - len, "%s%s", len ? "；" : "", text);
}

/* Append fmt (one %s for a, one %lld for n) to r->detail. */
static void
check_note(struct check_result *r, const char *fmt, const char *a, long long n)
{
	char buf[256];

	snprintf(buf, sizeof buf, fmt, a, n);
	check_add(r, buf);
}

/* PRAGMA integrity_check: every line that is not "ok". */
static int
check_integrity(struct db *db, struct check_result *r, bf_error *err)
{
	sqlite3_stmt *st = db_stmt(db, "PRAGMA integrity_check(20)", err);
	int rc;

	if (st == NULL)
		return err->code;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (strcmp(st_text(st, 0), "ok") == 0)
			continue;
		r->problems++;
		check_add(r, st_text(st, 0));
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? BF_OK : db_fail(db, err, "完整性检查");
}

/* PRAGMA foreign_key_check: rows pointing at rows that do not exist. */
static int
check_foreign_keys(struct db *db, struct check_result *r, bf_error *err)
{
	sqlite3_stmt *st = db_stmt(db, "PRAGMA foreign_key_check", err);
	char what[128];
	int rc;

	if (st == NULL)
		return err->code;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r->problems++;
		snprintf(what, sizeof what, "表 %s 引用了不存在的 %s", st_text(st, 0), st_text(st, 2));
		check_note(r, "%s（第 %lld 行）", what, (long long)sqlite3_column_int64(st, 1));
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? BF_OK : db_fail(db, err, "外键检查");
}

/* Every person's creation is in the audit log (its own row or a bulk batch). */
static int
check_person_logged(struct db *db, struct check_result *r, bf_error *err)
{
	static const char sql[] =
	    "WITH batch AS MATERIALIZED ("
	    "  SELECT json_extract(after, '$.first') AS lo, json_extract(after, '$.last') AS hi,"
	    "         after IS NULL AS legacy, at FROM audit_log"
	    "  WHERE action = 'bulk' AND tbl = 'person')"
	    " SELECT count(*), min(p.id) FROM person p"
	    " WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.person_id = p.id"
	    "                   AND a.tbl = 'person' AND a.action = 'insert')"
	    "   AND NOT EXISTS (SELECT 1 FROM batch b WHERE p.id BETWEEN b.lo AND b.hi"
	    "                   OR (b.legacy AND p.created_at <= b.at))";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int rc;

	if (st == NULL)
		return err->code;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW && sqlite3_column_int64(st, 0) > 0) {
		r->problems = sqlite3_column_int64(st, 0);
		check_note(r, "%s%lld 等人员没有建档的审计记录", "编号 ",
		    (long long)sqlite3_column_int64(st, 1));
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? BF_OK : db_fail(db, err, "核对审计日志");
}

/*
 * For each versioned table: rows the log says exist but are gone (lost),
 * and rows whose version differs from the last logged one (changed
 * without a log entry, or a log entry without the change); a row never
 * logged one by one (bulk-loaded) must still be at version 1.
 */
static int
check_audit_rows(struct db *db, struct check_result *lost, struct check_result *drift,
    bf_error *err)
{
	char sql[2048];
	sqlite3_stmt *st;
	size_t i;
	int rc;

	for (i = 0; i < sizeof check_versioned / sizeof check_versioned[0]; i++) {
		/* Table names come from the constant list above, never from input. */
		snprintf(sql, sizeof sql,
		    "WITH last AS MATERIALIZED (SELECT row_id, max(id) AS id FROM audit_log"
		    "  WHERE tbl = '%s' AND action IN ('insert', 'update', 'delete') GROUP BY row_id),"
		    " gone AS (SELECT last.row_id FROM last JOIN audit_log l ON l.id = last.id"
		    "  WHERE l.action <> 'delete' AND NOT EXISTS (SELECT 1 FROM \"%s\" t WHERE t.rowid = last.row_id)),"
		    " drift AS (SELECT t.rowid AS id FROM \"%s\" t LEFT JOIN last ON last.row_id = t.rowid"
		    "  LEFT JOIN audit_log l ON l.id = last.id"
		    "  WHERE CASE WHEN l.id IS NULL THEN t.version <> 1 WHEN l.action = 'delete' THEN 1"
		    "   ELSE json_extract(l.after, '$.version') IS NOT t.version END)"
		    " SELECT (SELECT count(*) FROM gone), (SELECT min(row_id) FROM gone),"
		    "  (SELECT count(*) FROM drift), (SELECT min(id) FROM drift)",
		    check_versioned[i], check_versioned[i], check_versioned[i]);
		if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) != SQLITE_OK)
			return db_fail(db, err, "核对审计日志");
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW && sqlite3_column_int64(st, 0) > 0) {
			lost->problems += sqlite3_column_int64(st, 0);
			check_note(lost, "表 %s 第 %lld 行在审计日志中存在，数据中却没有",
			    check_versioned[i], (long long)sqlite3_column_int64(st, 1));
		}
		if (rc == SQLITE_ROW && sqlite3_column_int64(st, 2) > 0) {
			drift->problems += sqlite3_column_int64(st, 2);
			check_note(drift, "表 %s 第 %lld 行的当前版本与审计日志最后一次记录不符",
			    check_versioned[i], (long long)sqlite3_column_int64(st, 3));
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW)
			return db_fail(db, err, "核对审计日志");
	}
	return BF_OK;
}

/* Run the checks in order and report each. */
int
check_run(struct db *db, check_report_fn report, void *ctx, int64_t *problems, bf_error *err)
{
	static const struct {
		const char	*label;
		int		(*fn)(struct db *, struct check_result *, bf_error *);
	} single[] = {
		{ "数据库文件完整性（integrity_check）", check_integrity },
		{ "记录之间的关联（foreign_key_check）", check_foreign_keys },
		{ "每位人员的建档都有审计记录", check_person_logged },
	};
	struct check_result r, drift;
	size_t i;
	int rc;

	*problems = 0;
	for (i = 0; i < sizeof single / sizeof single[0]; i++) {
		memset(&r, 0, sizeof r);
		r.label = single[i].label;
		if ((rc = single[i].fn(db, &r, err)) != BF_OK)
			return rc;
		*problems += r.problems;
		report(ctx, &r);
	}
	memset(&r, 0, sizeof r);
	memset(&drift, 0, sizeof drift);
	r.label = "审计日志记载的记录都在数据中";
	drift.label = "每条记录的当前版本与审计日志一致";
	if ((rc = check_audit_rows(db, &r, &drift, err)) != BF_OK)
		return rc;
	*problems += r.problems + drift.problems;
	report(ctx, &r);
	report(ctx, &drift);
	return BF_OK;
}
