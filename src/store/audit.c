/*
 * audit.c -- the audit triggers: for every table people edit, an AFTER
 * INSERT, UPDATE and DELETE trigger that appends who, when, which row and
 * the row before and after (as JSON objects) to audit_log.
 *
 * The triggers are generated from the tables' own column lists when the
 * schema is created or upgraded, so a column added by a migration can
 * never be left out of the history.  They call bf_actor(), bf_now() and
 * bf_audit_on(), which only bangfu registers: another program can read
 * the database but cannot write to these tables behind the log's back.
 */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "store/db.h"
#include "store/db_private.h"
#include "util/strbuf.h"

/* Audited tables and how a row names its person (NULL: none). */
static const struct audited {
	const char	*table;
	const char	*person;	/* column holding the person's id */
} audit_tables[] = {
	{ "app_user", NULL },
	{ "person", "id" },
	{ "household", NULL },
	{ "household_member", "person_id" },
	{ "household_flag", NULL },
	{ "person_category", "person_id" },
	{ "registration", "person_id" },
	{ "plan", "person_id" },
	{ "plan_measure", NULL },
	{ "service", "person_id" },
	{ "followup", "person_id" },
	{ "employment", "person_id" },
	{ "case_event", "person_id" },
	{ "transfer", "person_id" },
};

/* json_object('c1', R.c1, ...) for every column of table into sb. */
static int
audit_json(struct db *db, const char *table, const char *row, strbuf *sb, bf_error *err)
{
	static const char sql[] = "SELECT name FROM pragma_table_info(?)";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int n = 0, rc;

	if (st == NULL)
		return err->code;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sb_add(sb, "json_object(");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *col = st_text(st, 0);

		sb_addf(sb, "%s'%s', %s.\"%s\"", n++ ? ", " : "", col, row, col);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "读取表结构");
	sb_addc(sb, ')');
	return BF_OK;
}

/* The three triggers of one table. */
static int
audit_table(struct db *db, const struct audited *a, bf_error *err)
{
	static const struct {
		const char	*event;		/* INSERT, UPDATE, DELETE */
		const char	*action;	/* audit_log.action */
		const char	*row;		/* new or old: the row's id and person */
		int		 before, after;
	} kinds[] = {
		{ "INSERT", "insert", "new", 0, 1 },
		{ "UPDATE", "update", "new", 1, 1 },
		{ "DELETE", "delete", "old", 1, 0 },
	};
	strbuf sb;
	size_t k;
	int rc = BF_OK;

	sb_init(&sb);
	for (k = 0; k < sizeof kinds / sizeof kinds[0] && rc == BF_OK; k++) {
		sb_reset(&sb);
		sb_addf(&sb, "DROP TRIGGER IF EXISTS audit_%s_%s;\n"
		    "CREATE TRIGGER audit_%s_%s AFTER %s ON %s WHEN bf_audit_on() BEGIN\n"
		    "INSERT INTO audit_log (at, user_id, action, tbl, row_id, person_id, before, after)"
		    " VALUES (bf_now(), bf_actor(), '%s', '%s', %s.rowid, ",
		    a->table, kinds[k].action, a->table, kinds[k].action,
		    kinds[k].event, a->table, kinds[k].action, a->table, kinds[k].row);
		if (a->person != NULL)
			sb_addf(&sb, "%s.\"%s\", ", kinds[k].row, a->person);
		else
			sb_add(&sb, "NULL, ");
		if (kinds[k].before)
			rc = audit_json(db, a->table, "old", &sb, err);
		else
			sb_add(&sb, "NULL");
		sb_add(&sb, ", ");
		if (rc == BF_OK && kinds[k].after)
			rc = audit_json(db, a->table, "new", &sb, err);
		else
			sb_add(&sb, "NULL");
		sb_add(&sb, ");\nEND;");
		if (rc == BF_OK)
			rc = db_exec(db, sb_str(&sb), err);
	}
	sb_free(&sb);
	return rc;
}

/* Create (or recreate) the audit triggers of every audited table. */
int
audit_install(struct db *db, bf_error *err)
{
	size_t i;
	int rc;

	for (i = 0; i < sizeof audit_tables / sizeof audit_tables[0]; i++)
		if ((rc = audit_table(db, &audit_tables[i], err)) != BF_OK)
			return rc;
	return BF_OK;
}
