/*
 * worklist.c -- the home screen's lists.  Each query walks an index on
 * the due date (followup_open, plan_measure_due, person id order), so it
 * costs the same however large the caseload.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "store/db.h"
#include "store/db_private.h"
#include "store/worklist.h"

#define WORK_COUNT_CAP 9999

/* Person filter shared by all three: scope, and own caseload for caseworkers. */
#define WORK_PERSON \
	" p.community_code BETWEEN ?1 AND ?2 AND (?3 = 0 OR p.caseworker_id = ?3)" \
	" AND p.status <> 'closed'"

static const char *const work_sql[WORK_NKINDS] = {
	[WORK_OVERDUE] =
	    "SELECT p.id, p.name, coalesce(o.name, ''), f.due_on, f.kind FROM followup f"
	    " JOIN person p ON p.id = f.person_id LEFT JOIN org_unit o ON o.code = p.community_code"
	    " WHERE f.done_on IS NULL AND f.due_on < ?4 AND" WORK_PERSON
	    " ORDER BY f.due_on LIMIT ?5",
	[WORK_MEASURE_DUE] =
	    "SELECT p.id, p.name, coalesce(o.name, ''), m.due_on, m.type FROM plan_measure m"
	    " JOIN plan pl ON pl.id = m.plan_id AND pl.status = 'active'"
	    " JOIN person p ON p.id = pl.person_id LEFT JOIN org_unit o ON o.code = p.community_code"
	    " WHERE m.due_on BETWEEN ?4 AND date(?4, '+14 days')"
	    " AND (SELECT count(*) FROM service s WHERE s.measure_id = m.id) < m.target_count AND"
	    WORK_PERSON " ORDER BY m.due_on LIMIT ?5",
	[WORK_RECENT] =
	    "SELECT p.id, p.name, coalesce(o.name, ''), substr(p.created_at, 1, 10), p.status"
	    " FROM person p LEFT JOIN org_unit o ON o.code = p.community_code"
	    " WHERE p.created_at >= date(?4, '-30 days') AND" WORK_PERSON
	    " ORDER BY p.id DESC LIMIT ?5",
};

/* Bind the shared parameters. */
static void
work_bind(struct db *db, sqlite3_stmt *st, int limit)
{
	const struct db_actor *a = db_actor(db);
	char today[11];

	db_today(db, today);
	st_bind(st, 1, a->scope_lo);
	st_bind(st, 2, a->scope_hi);
	sqlite3_bind_int64(st, 3, strcmp(a->role, "caseworker") == 0 ? a->id : 0);
	st_bind(st, 4, today);
	sqlite3_bind_int(st, 5, limit);
}

/* One list of the home screen. */
int
worklist_items(struct db *db, enum worklist_kind kind, struct work_item *out, int max,
    int *n, int *total, bf_error *err)
{
	sqlite3_stmt *st;
	int rc;

	*n = *total = 0;
	if (kind >= WORK_NKINDS)
		return err_set(err, BF_EINVAL, "未知的工作清单");
	if ((st = db_stmt(db, work_sql[kind], err)) == NULL)
		return err->code;
	/* One pass up to the cap: the first max rows are kept, the rest counted. */
	work_bind(db, st, WORK_COUNT_CAP);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n < max) {
			struct work_item *w = &out[(*n)++];

			w->person_id = sqlite3_column_int64(st, 0);
			snprintf(w->name, sizeof w->name, "%s", st_text(st, 1));
			snprintf(w->community, sizeof w->community, "%s", st_text(st, 2));
			snprintf(w->date, sizeof w->date, "%s", st_text(st, 3));
			snprintf(w->what, sizeof w->what, "%s", st_text(st, 4));
		}
		(*total)++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? BF_OK : db_fail(db, err, "读取工作清单");
}
