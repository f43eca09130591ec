/*
 * indicators_join.c -- the whole city's plan and no-contact numbers
 * (grad_1311, grad_1311_done, measures_planned, measures_done,
 * no_contact_6m), computed from sequential scans joined in C instead of
 * by the `all` statements of indicators.c.  It is a file of its own
 * because it is a different way of computing: arrays and bitmaps over
 * row ids rather than SQL, used by indicators.c (ind_groups) and by the
 * report runner (indicators_run.c, which runs the plan passes as jobs).
 *
 * SQLite joins by nested loops only: the
 * `all` statements these replace probed service once per measure of every
 * active plan (about 875,000 probes, 0.55 s at 1,000,000 persons), once
 * per measure of every 1-3-1-1 plan (0.2 s) and once per person on file
 * for six months (about 260,000, 0.45 s).  Here each side is read once in
 * index order and the two are matched in memory: arrays over the ids
 * (which are row ids, nearly dense), an idmap (util/idmap.h) for ids far
 * from the others.  At 1,000,000 persons that holds about 45 MiB for the
 * length of a report (services per measure 18 MiB, the active plans'
 * measures 14 MiB, the 1-3-1-1 rows 13 MiB, the persons 128 KiB of bits):
 * fine for a report computed on request, which is why only the whole city
 * does this (a range stays with its statements, which read its persons,
 * and the caseload list with `cond`).  The 1-3-1-1 rows are sorted here:
 * an ORDER BY would sort them in SQLite at twice the cost.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store/db.h"
#include "store/indicators.h"
#include "store/indicators_private.h"
#include "util/idmap.h"
#include "util/xalloc.h"

#define IND_SERVED_SQL \
	"SELECT measure_id, count(*) FROM service WHERE measure_id IS NOT NULL AND served_on <= :me" \
	" GROUP BY measure_id"
#define IND_MEASURES_SQL \
	"SELECT m.id, m.target_count FROM plan pl JOIN plan_measure m ON m.plan_id = pl.id" IND_MEASURE_WHERE
#define IND_1311_SQL \
	"SELECT pl.person_id, pl.id, m.id, m.target_count FROM plan pl" \
	" LEFT JOIN plan_measure m ON m.plan_id = pl.id WHERE " IND_1311_PLAN
/* Open persons on file for six months, and the persons served in the six months to :asof. */
#define IND_NC_PERSONS_SQL \
	"SELECT p.id FROM person p WHERE p.status <> 'closed'" \
	" AND p.created_at < date(:asof, '-6 months', '+1 day')"
/* service_month holds no person_id: +served_on keeps the planner on service_person, read whole. */
#define IND_NC_SERVED_SQL \
	"SELECT DISTINCT s.person_id FROM service s" \
	" WHERE +s.served_on > date(:asof, '-6 months') AND +s.served_on <= :asof"

/* Prepare sql bound to p, or NULL (err set). */
static sqlite3_stmt *
ind_prepare_bound(struct db *db, const char *sql, const struct ind_period *p, bf_error *err)
{
	sqlite3_stmt *st = ind_prepare(db, sql, err);

	if (st != NULL)
		ind_bind_period(st, p, NULL);
	return st;
}

/* Finish a statement stepped to step: BF_OK at SQLITE_DONE, else the error. */
static int
ind_finish(struct db *db, sqlite3_stmt *st, int step, bf_error *err)
{
	int rc = step == SQLITE_DONE ? BF_OK : db_fail(db, err, "计算指标");

	sqlite3_finalize(st);
	return rc;
}

/* At most 8M measures counted in the array (64 MiB), the rest in the idmap. */
#define IND_SERVED_DENSE ((size_t)1 << 23)

/* A measure of an active plan (measures_planned, measures_done). */
struct ind_measure {
	int64_t	id;
	long	target;
};

/* A row of a 1-3-1-1 plan: its person, itself, a measure (0 if none) and its target. */
struct ind_grad {
	int64_t	person, plan, measure;
	int	has_measure;
	long	target;
};

/* The count of measure id in s, added as 0 if new. */
static long *
ind_served_slot(struct ind_served *s, int64_t id)
{
	if (id >= s->lo && (uint64_t)id - (uint64_t)s->lo < s->n)
		return &s->dense[(uint64_t)id - (uint64_t)s->lo];
	return idmap_put(&s->sparse, id);
}

/* The count of measure id in s (0 if it has no services). */
static long
ind_served_get(const struct ind_served *s, int64_t id)
{
	const long *v;

	if (id >= s->lo && (uint64_t)id - (uint64_t)s->lo < s->n)
		return s->dense[(uint64_t)id - (uint64_t)s->lo];
	v = idmap_get(&s->sparse, id);
	return v != NULL ? *v : 0;
}

/* Free what the plan passes collected (pl may be reused after memset 0). */
void
ind_plans_free(struct ind_plans *pl)
{
	free(pl->served.dense);
	idmap_free(&pl->served.sparse);
	free(pl->m);
	free(pl->g);
	memset(pl, 0, sizeof *pl);
}

/*
 * Pass 1: the services per measure up to :me, in service_measure order,
 * into pl->served sized by the least and greatest measure id (two index
 * lookups).
 */
int
ind_plans_served(struct db *db, const struct ind_period *p, struct ind_plans *pl, bf_error *err)
{
	static const char span[] =
	    "SELECT (SELECT min(id) FROM plan_measure), (SELECT max(id) FROM plan_measure)";
	struct ind_served *s = &pl->served;
	sqlite3_stmt *st;
	int64_t lo, hi;
	int step;

	idmap_init(&s->sparse, 0);
	if ((st = ind_prepare(db, span, err)) == NULL)
		return err->code;
	if ((step = sqlite3_step(st)) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		lo = sqlite3_column_int64(st, 0);
		hi = sqlite3_column_int64(st, 1);
		s->lo = lo;
		s->n = (uint64_t)hi - (uint64_t)lo < IND_SERVED_DENSE ? (size_t)((uint64_t)hi - (uint64_t)lo) + 1
		    : IND_SERVED_DENSE;
		s->dense = xcalloc(s->n, sizeof *s->dense);
	}
	sqlite3_finalize(st);
	if (step != SQLITE_ROW)
		return db_fail(db, err, "计算指标");
	if ((st = ind_prepare_bound(db, IND_SERVED_SQL, p, err)) == NULL)
		return err->code;
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		*ind_served_slot(s, sqlite3_column_int64(st, 0)) = (long)sqlite3_column_int64(st, 1);
	return ind_finish(db, st, step, err);
}

/* Pass 2: the measures of the active plans, with their targets, into pl->m. */
int
ind_plans_measures(struct db *db, const struct ind_period *p, struct ind_plans *pl, bf_error *err)
{
	sqlite3_stmt *st = ind_prepare_bound(db, IND_MEASURES_SQL, p, err);
	int step;

	if (st == NULL)
		return err->code;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (pl->nm == pl->capm) {
			pl->capm = pl->capm ? pl->capm * 2 : 1 << 14;
			pl->m = xrealloc(pl->m, pl->capm * sizeof *pl->m);
		}
		pl->m[pl->nm].id = sqlite3_column_int64(st, 0);
		pl->m[pl->nm++].target = (long)sqlite3_column_int64(st, 1);
	}
	return ind_finish(db, st, step, err);
}

/* Pass 3: the 1-3-1-1 plans with their measures (a row without one for a plan without), into pl->g. */
int
ind_plans_1311(struct db *db, const struct ind_period *p, struct ind_plans *pl, bf_error *err)
{
	sqlite3_stmt *st = ind_prepare_bound(db, IND_1311_SQL, p, err);
	struct ind_grad *g;
	int step;

	if (st == NULL)
		return err->code;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (pl->ng == pl->capg) {
			pl->capg = pl->capg ? pl->capg * 2 : 1 << 12;
			pl->g = xrealloc(pl->g, pl->capg * sizeof *pl->g);
		}
		g = &pl->g[pl->ng++];
		g->person = sqlite3_column_int64(st, 0);
		g->plan = sqlite3_column_int64(st, 1);
		g->has_measure = sqlite3_column_type(st, 2) != SQLITE_NULL;
		g->measure = sqlite3_column_int64(st, 2);
		g->target = (long)sqlite3_column_int64(st, 3);
	}
	return ind_finish(db, st, step, err);
}

/* qsort order of 1-3-1-1 rows: by person, then plan. */
static int
ind_grad_cmp(const void *a, const void *b)
{
	const struct ind_grad *x = a, *y = b;

	if (x->person != y->person)
		return x->person < y->person ? -1 : 1;
	return x->plan < y->plan ? -1 : x->plan > y->plan;
}

/*
 * The plan indicators from the three passes: cols[0] grad_1311 (persons
 * with a 1-3-1-1 plan), cols[1] grad_1311_done (of them, those with one
 * whose measures, one at least, all had their target of services by :me:
 * IND_1311_DONE), cols[2] measures_planned (the targets of the active
 * plans' measures), cols[3] measures_done (min(target, services) of each).
 * Sorts pl->g.
 */
void
ind_plans_total(struct ind_plans *pl, long *cols)
{
	size_t i, j, k;
	long done;
	int person_done, met;

	for (i = 0; i < pl->nm; i++) {
		done = ind_served_get(&pl->served, pl->m[i].id);
		cols[2] += pl->m[i].target;
		cols[3] += done < pl->m[i].target ? done : pl->m[i].target;
	}
	if (pl->ng > 0)		/* pl->g is NULL then, which qsort may not be given */
		qsort(pl->g, pl->ng, sizeof *pl->g, ind_grad_cmp);
	for (i = 0; i < pl->ng; i = j) {
		person_done = 0;
		for (j = i; j < pl->ng && pl->g[j].person == pl->g[i].person; j = k) {
			met = pl->g[j].has_measure;
			for (k = j; k < pl->ng && pl->g[k].person == pl->g[j].person &&
			    pl->g[k].plan == pl->g[j].plan; k++)
				if (!pl->g[k].has_measure ||
				    pl->g[k].target > ind_served_get(&pl->served, pl->g[k].measure))
					met = 0;
			person_done |= met;
		}
		cols[0]++;
		cols[1] += person_done;
	}
}

/*
 * The plans of the whole city (grad_1311, grad_1311_done,
 * measures_planned, measures_done): the three passes, then their totals.
 */
int
ind_join_plans(struct db *db, const struct ind_period *p, long *cols, bf_error *err)
{
	struct ind_plans pl;
	int rc;

	memset(&pl, 0, sizeof pl);
	if ((rc = ind_plans_served(db, p, &pl, err)) == BF_OK &&
	    (rc = ind_plans_measures(db, p, &pl, err)) == BF_OK &&
	    (rc = ind_plans_1311(db, p, &pl, err)) == BF_OK)
		ind_plans_total(&pl, cols);
	ind_plans_free(&pl);
	return rc;
}

/*
 * A set of person ids: person ids are row ids, nearly dense, so those in
 * [lo, lo + n) (lo the least person id, n at most IND_IDSET_DENSE) are
 * bits, 128 KiB for a million persons, which stay in the cache where an
 * idmap of them would not; any others are in an idmap.
 */
struct ind_idset {
	int64_t		 lo;
	size_t		 n;
	unsigned char	*bits;
	struct idmap	 sparse;
};

/* At most 128M persons as bits (16 MiB), the rest in the idmap. */
#define IND_IDSET_DENSE ((size_t)1 << 27)

/* An empty set sized by the least and greatest person id (two index lookups). */
static int
ind_idset_init(struct db *db, struct ind_idset *s, bf_error *err)
{
	static const char span[] = "SELECT (SELECT min(id) FROM person), (SELECT max(id) FROM person)";
	sqlite3_stmt *st;
	uint64_t width;
	int step;

	memset(s, 0, sizeof *s);
	idmap_init(&s->sparse, 0);
	if ((st = ind_prepare(db, span, err)) == NULL)
		return err->code;
	if ((step = sqlite3_step(st)) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		s->lo = sqlite3_column_int64(st, 0);
		width = (uint64_t)sqlite3_column_int64(st, 1) - (uint64_t)s->lo;
		s->n = width < IND_IDSET_DENSE ? (size_t)width + 1 : IND_IDSET_DENSE;
		s->bits = xcalloc(s->n / 8 + 1, 1);
	}
	sqlite3_finalize(st);
	return step == SQLITE_ROW ? BF_OK : db_fail(db, err, "计算指标");
}

/* Add id to s. */
static void
ind_idset_add(struct ind_idset *s, int64_t id)
{
	uint64_t k = (uint64_t)id - (uint64_t)s->lo;

	if (id >= s->lo && k < s->n)
		s->bits[k / 8] |= (unsigned char)(1u << (k % 8));
	else
		idmap_put(&s->sparse, id);
}

/* Does s hold id? */
static int
ind_idset_has(const struct ind_idset *s, int64_t id)
{
	uint64_t k = (uint64_t)id - (uint64_t)s->lo;

	if (id >= s->lo && k < s->n)
		return (s->bits[k / 8] >> (k % 8)) & 1;
	return idmap_get(&s->sparse, id) != NULL;
}

/* Free s. */
static void
ind_idset_free(struct ind_idset *s)
{
	free(s->bits);
	idmap_free(&s->sparse);
	memset(s, 0, sizeof *s);
}

/*
 * no_contact_6m for the whole city: the open persons on file for six
 * months (IND_NO_CONTACT without its NOT EXISTS) into a set, less those
 * of them among the persons served in the six months to :asof (one pass
 * over service_person in person order, each person once).
 */
int
ind_join_no_contact(struct db *db, const struct ind_period *p, long *cols, bf_error *err)
{
	struct ind_idset persons;
	sqlite3_stmt *st = NULL;
	int step, rc;

	if ((rc = ind_idset_init(db, &persons, err)) == BF_OK &&
	    (st = ind_prepare_bound(db, IND_NC_PERSONS_SQL, p, err)) == NULL)
		rc = err->code;
	if (rc == BF_OK) {
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			ind_idset_add(&persons, sqlite3_column_int64(st, 0));
			cols[0]++;
		}
		if ((rc = ind_finish(db, st, step, err)) == BF_OK &&
		    (st = ind_prepare_bound(db, IND_NC_SERVED_SQL, p, err)) == NULL)
			rc = err->code;
	}
	if (rc == BF_OK) {
		while ((step = sqlite3_step(st)) == SQLITE_ROW)
			cols[0] -= ind_idset_has(&persons, sqlite3_column_int64(st, 0));
		rc = ind_finish(db, st, step, err);
	}
	ind_idset_free(&persons);
	return rc;
}
