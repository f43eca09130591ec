/*
 * children.c -- reading the child rows of a person's file.  Each table
 * has one constant query for the ids in order (table below); the rows
 * themselves are read with rec_load, so the tabs get every column and
 * every extra field without a second list of columns here.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store/children.h"
#include "store/db.h"
#include "store/db_private.h"
#include "store/history.h"
#include "util/xalloc.h"

/* The child tables of a person and the query giving their ids in order. */
static const struct {
	const char	*table;
	const char	*sql;		/* ?1 person id, ?2 limit */
} children_tables[] = {
	{ "registration", "SELECT id FROM registration WHERE person_id = ?1"
	    " ORDER BY registered_on DESC, id DESC LIMIT ?2" },
	{ "person_category", "SELECT id FROM person_category WHERE person_id = ?1"
	    " ORDER BY recognised_on DESC, id DESC LIMIT ?2" },
	{ "plan", "SELECT id FROM plan WHERE person_id = ?1"
	    " ORDER BY made_on DESC, id DESC LIMIT ?2" },
	{ "service", "SELECT id FROM service WHERE person_id = ?1"
	    " ORDER BY served_on DESC, id DESC LIMIT ?2" },
	{ "followup", "SELECT id FROM followup WHERE person_id = ?1"
	    " ORDER BY due_on DESC, id DESC LIMIT ?2" },
	{ "employment", "SELECT id FROM employment WHERE person_id = ?1"
	    " ORDER BY started_on DESC, id DESC LIMIT ?2" },
};

/* No rows. */
void
children_init(struct children *c)
{
	c->rows = NULL;
	c->n = 0;
}

/* Free the rows. */
void
children_free(struct children *c)
{
	int i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++)
		rec_clear(&c->rows[i]);
	free(c->rows);
	children_init(c);
}

/*
 * Run st (bound, ids in column 0, a count in column 1 when counted is
 * set) and load each row of table into out.
 */
static int
children_fill(struct db *db, sqlite3_stmt *st, const char *table, int max, int counted,
    struct children *out, bf_error *err)
{
	int64_t *ids;
	int64_t *counts;
	int n = 0, i, rc;

	ids = xcalloc((size_t)(max > 0 ? max : 1), sizeof *ids);
	counts = xcalloc((size_t)(max > 0 ? max : 1), sizeof *counts);
	while (n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		ids[n] = sqlite3_column_int64(st, 0);
		counts[n++] = counted ? sqlite3_column_int64(st, 1) : 0;
	}
	if (n < max && rc != SQLITE_DONE) {
		sqlite3_reset(st);
		free(ids);
		free(counts);
		return db_fail(db, err, "读取记录");
	}
	sqlite3_reset(st);
	out->rows = xcalloc((size_t)(n > 0 ? n : 1), sizeof *out->rows);
	rc = BF_OK;
	/* A row naming another person outside the scope (a household member) is left out. */
	for (i = 0; i < n && rc == BF_OK; i++) {
		struct rec *r = &out->rows[out->n];

		rec_init(r, table);
		rc = rec_load(db, table, ids[i], r, err);
		if (rc == BF_EPERM) {
			rc = BF_OK;
			continue;
		}
		if (rc != BF_OK)
			break;
		out->n++;
		if (counted) {
			char num[24];

			snprintf(num, sizeof num, "%lld", (long long)counts[i]);
			rec_set(r, "delivered", num);
		}
	}
	free(ids);
	free(counts);
	if (rc != BF_OK)
		children_free(out);
	return rc;
}

/* A person's rows of one child table (see children.h). */
int
children_load(struct db *db, int64_t person_id, const char *table, int max,
    struct children *out, bf_error *err)
{
	sqlite3_stmt *st;
	size_t i;
	int rc;

	children_free(out);
	for (i = 0; i < sizeof children_tables / sizeof children_tables[0]; i++)
		if (strcmp(children_tables[i].table, table) == 0)
			break;
	if (i == sizeof children_tables / sizeof children_tables[0])
		return err_set(err, BF_EINVAL, "%s 不是人员的子表", table);
	if ((rc = history_check_scope(db, person_id, err)) != BF_OK)
		return rc;
	if ((st = db_stmt(db, children_tables[i].sql, err)) == NULL)
		return err->code;
	sqlite3_bind_int64(st, 1, person_id);
	sqlite3_bind_int(st, 2, max);
	return children_fill(db, st, table, max, 0, out, err);
}

/* A plan's measures with their delivered counts (see children.h). */
int
children_measures(struct db *db, int64_t person_id, int64_t plan_id, int max,
    struct children *out, bf_error *err)
{
	static const char sql[] =
	    "SELECT m.id, (SELECT count(*) FROM service s WHERE s.measure_id = m.id)"
	    " FROM plan_measure m JOIN plan p ON p.id = m.plan_id"
	    " WHERE m.plan_id = ?1 AND p.person_id = ?2"
	    " ORDER BY m.due_on IS NULL, m.due_on, m.id LIMIT ?3";
	sqlite3_stmt *st;
	int rc;

	children_free(out);
	if ((rc = history_check_scope(db, person_id, err)) != BF_OK)
		return rc;
	if ((st = db_stmt(db, sql, err)) == NULL)
		return err->code;
	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int64(st, 2, person_id);
	sqlite3_bind_int(st, 3, max);
	return children_fill(db, st, "plan_measure", max, 1, out, err);
}

/* The household and its members (see children.h). */
int
children_household(struct db *db, int64_t person_id, int max, struct rec *hh,
    struct children *members, bf_error *err)
{
	static const char sql_hh[] = "SELECT coalesce(household_id, 0) FROM person WHERE id = ?";
	static const char sql_members[] =
	    "SELECT id FROM household_member WHERE household_id = ?1 ORDER BY id LIMIT ?2";
	sqlite3_stmt *st;
	int64_t hid = 0;
	int rc;

	children_free(members);
	rec_clear(hh);
	rec_init(hh, "household");
	if ((rc = history_check_scope(db, person_id, err)) != BF_OK)
		return rc;
	if ((st = db_stmt(db, sql_hh, err)) == NULL)
		return err->code;
	sqlite3_bind_int64(st, 1, person_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		hid = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, "读取人员");
	if (hid == 0)
		return BF_OK;
	if ((rc = rec_load(db, "household", hid, hh, err)) != BF_OK)
		return rc;
	if ((st = db_stmt(db, sql_members, err)) == NULL)
		return err->code;
	sqlite3_bind_int64(st, 1, hid);
	sqlite3_bind_int(st, 2, max);
	return children_fill(db, st, "household_member", max, 0, members, err);
}
