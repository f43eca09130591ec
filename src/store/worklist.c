/*
 * worklist.c -- the home screen's lists.  Each list is two statements:
 * the first few rows, walking an index in list order (followup_state,
 * plan_measure_due, person id order) and stopping after them, and a
 * count that stops at WORK_COUNT_CAP and reads only index columns where
 * it can.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "store/db.h"
#include "store/db_private.h"
#include "store/worklist.h"

/*
 * Person filters shared by all three lists, one per way of reaching the
 * persons: a caseworker's own caseload (few: driven by
 * person_caseworker), a street or community scope (a few thousand at
 * most: driven by person_scope_name), or a district or the city (most of
 * the table: the scope is written +p.community_code so it is checked per
 * row while the list walks its own index in due-date order).
 */
#define WP_MINE \
	" p.caseworker_id = ?3 AND p.community_code BETWEEN ?1 AND ?2 AND p.status <> 'closed'"
#define WP_NARROW \
	" p.community_code BETWEEN ?1 AND ?2 AND p.status <> 'closed'"
#define WP_WIDE \
	" +p.community_code BETWEEN ?1 AND ?2 AND p.status <> 'closed'"

enum work_variant { WV_MINE, WV_NARROW, WV_WIDE, WV_N };

#define OVERDUE_ITEMS \
	"SELECT p.id, p.name, coalesce(o.name, ''), f.due_on, f.kind FROM followup f" \
	" JOIN person p ON p.id = f.person_id LEFT JOIN org_unit o ON o.code = p.community_code" \
	" WHERE f.done_on IS NULL AND f.due_on < ?4 AND"
#define OVERDUE_ORDER " ORDER BY f.due_on LIMIT ?5"
#define OVERDUE_COUNT \
	"SELECT count(*) FROM (SELECT 1 FROM followup f JOIN person p ON p.id = f.person_id" \
	" WHERE f.done_on IS NULL AND f.due_on < ?4 AND"
#define MEASURE_ITEMS \
	"SELECT p.id, p.name, coalesce(o.name, ''), m.due_on, m.type FROM plan_measure m" \
	" JOIN plan pl ON pl.id = m.plan_id AND pl.status = 'active'" \
	" JOIN person p ON p.id = pl.person_id LEFT JOIN org_unit o ON o.code = p.community_code" \
	" WHERE m.due_on BETWEEN ?4 AND date(?4, '+14 days')" \
	" AND (SELECT count(*) FROM service s WHERE s.measure_id = m.id) < m.target_count AND"
#define MEASURE_ORDER " ORDER BY m.due_on LIMIT ?5"
#define MEASURE_COUNT \
	"SELECT count(*) FROM (SELECT 1 FROM plan_measure m" \
	" JOIN plan pl ON pl.id = m.plan_id AND pl.status = 'active'" \
	" JOIN person p ON p.id = pl.person_id" \
	" WHERE m.due_on BETWEEN ?4 AND date(?4, '+14 days')" \
	" AND (SELECT count(*) FROM service s WHERE s.measure_id = m.id) < m.target_count AND"
/* Newest first by id: walked backwards on the rowid (+created_at keeps
 * person_recent, which does not give id order, out of it). */
#define RECENT_ITEMS \
	"SELECT p.id, p.name, coalesce(o.name, ''), substr(p.created_at, 1, 10), p.status" \
	" FROM person p LEFT JOIN org_unit o ON o.code = p.community_code" \
	" WHERE +p.created_at >= date(?4, '-30 days') AND"
#define RECENT_ORDER " ORDER BY p.id DESC LIMIT ?5"
/* Wide: counted within person_recent alone (it holds every column the
 * filter reads); a caseworker's or a street's few persons are reached
 * through their own index instead of the month's registrations. */
#define RECENT_COUNT \
	"SELECT count(*) FROM (SELECT 1 FROM person p" \
	" WHERE p.created_at >= date(?4, '-30 days') AND"
#define RECENT_COUNT_WIDE \
	"SELECT count(*) FROM (SELECT 1 FROM person p INDEXED BY person_recent" \
	" WHERE p.created_at >= date(?4, '-30 days') AND"
#define COUNT_END " LIMIT ?5)"

/* The first rows of each list, most urgent first. */
static const char *const work_sql[WORK_NKINDS][WV_N] = {
	[WORK_OVERDUE] = {
		OVERDUE_ITEMS WP_MINE OVERDUE_ORDER,
		OVERDUE_ITEMS WP_NARROW OVERDUE_ORDER,
		OVERDUE_ITEMS WP_WIDE OVERDUE_ORDER },
	[WORK_MEASURE_DUE] = {
		MEASURE_ITEMS WP_MINE MEASURE_ORDER,
		MEASURE_ITEMS WP_NARROW MEASURE_ORDER,
		MEASURE_ITEMS WP_WIDE MEASURE_ORDER },
	[WORK_RECENT] = {
		RECENT_ITEMS WP_MINE RECENT_ORDER,
		RECENT_ITEMS WP_NARROW RECENT_ORDER,
		RECENT_ITEMS WP_WIDE RECENT_ORDER },
};

/* How many rows each list has, up to WORK_COUNT_CAP, reading no display columns. */
static const char *const work_count_sql[WORK_NKINDS][WV_N] = {
	[WORK_OVERDUE] = {
		OVERDUE_COUNT WP_MINE COUNT_END,
		OVERDUE_COUNT WP_NARROW COUNT_END,
		OVERDUE_COUNT WP_WIDE COUNT_END },
	[WORK_MEASURE_DUE] = {
		MEASURE_COUNT WP_MINE COUNT_END,
		MEASURE_COUNT WP_NARROW COUNT_END,
		MEASURE_COUNT WP_WIDE COUNT_END },
	[WORK_RECENT] = {
		RECENT_COUNT WP_MINE COUNT_END,
		RECENT_COUNT WP_NARROW COUNT_END,
		RECENT_COUNT_WIDE WP_WIDE COUNT_END },
};

/* Which person filter fits the actor. */
static enum work_variant
work_variant(struct db *db)
{
	if (strcmp(db_actor(db)->role, "caseworker") == 0)
		return WV_MINE;
	return db_scope_prefix(db) >= 9 ? WV_NARROW : WV_WIDE;
}

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
	enum work_variant v;
	sqlite3_stmt *st;
	int rc = SQLITE_DONE;

	*n = *total = 0;
	if (kind >= WORK_NKINDS)
		return err_set(err, BF_EINVAL, "未知的工作清单");
	v = work_variant(db);
	if ((st = db_stmt(db, work_sql[kind][v], err)) == NULL)
		return err->code;
	work_bind(db, st, max);
	while (*n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct work_item *w = &out[(*n)++];

		w->person_id = sqlite3_column_int64(st, 0);
		snprintf(w->name, sizeof w->name, "%s", st_text(st, 1));
		snprintf(w->community, sizeof w->community, "%s", st_text(st, 2));
		snprintf(w->date, sizeof w->date, "%s", st_text(st, 3));
		snprintf(w->what, sizeof w->what, "%s", st_text(st, 4));
	}
	sqlite3_reset(st);
	if (*n < max && rc != SQLITE_DONE)
		return db_fail(db, err, "读取工作清单");
	/* The total: a separate count that stops at the cap. */
	if ((st = db_stmt(db, work_count_sql[kind][v], err)) == NULL)
		return err->code;
	work_bind(db, st, WORK_COUNT_CAP);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*total = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? BF_OK : db_fail(db, err, "统计工作清单");
}
