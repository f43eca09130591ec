/*
 * indicators_run.c -- running a report's statements (indicators_compute,
 * indicators_report) as jobs on two connections at once: db and a
 * second, read-only connection to the same file in a thread, both in a
 * read transaction on the same snapshot (ind_second).  For the whole city
 * that is about 1.4 s of work in 0.75 s on two cores, for the largest
 * district 0.9 s in 0.5 s.  It is a file of its own because it is the
 * only part of the indicators with threads: indicators.c says what each
 * number is and how one is computed, this file only when and where.
 */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store/db.h"
#include "store/indicators.h"
#include "store/indicators_private.h"

/*
 * A report's statements as jobs that one or two connections take in turn
 * (ind_run_jobs): each job writes only its own part of the run, so the
 * two threads share nothing but the index of the next job.
 */
struct ind_run;

struct ind_job {
	int		(*fn)(struct ind_run *r, struct db *db, const void *arg, bf_error *err);
	const void	*arg;
};

/* At most: every definition, every group, the plan passes, categories, two for the caseworkers. */
#define IND_MAXJOBS (IND_NDEFS + IND_NGROUPS + 6)

struct ind_run {
	const struct ind_period	*p;
	struct ind_job		 jobs[IND_MAXJOBS];
	size_t			 njobs;
	size_t			 next;		/* the next job to take (under mu) */
	int			 failed;	/* a job failed: take no more (under mu) */
	pthread_mutex_t		 mu;
	long			 vals[IND_NDEFS];	/* by ind_defs index */
	struct ind_plans	 plans;		/* the whole city's plan passes */
	int			 plans_on;
	struct ind_row		*cats;		/* category rows */
	int			 ncats, capcats;
	int			 want_workers;
	struct ind_worker	*workers;
	int			 nworkers;
	int64_t			*oids;		/* the whole city's overdue per caseworker */
	long			*ocounts;
	int			 on;
};

/* Job: group arg. */
static int
ind_job_group(struct ind_run *r, struct db *db, const void *arg, bf_error *err)
{
	return ind_group_run(db, arg, r->p, r->vals, err);
}

/* Job: definition arg, not computed by a group. */
static int
ind_job_def(struct ind_run *r, struct db *db, const void *arg, bf_error *err)
{
	const struct ind_def *d = arg;

	return ind_eval(db, d, r->p, NULL, &r->vals[d - ind_defs], err);
}

/* Job: the category rows. */
static int
ind_job_categories(struct ind_run *r, struct db *db, const void *arg, bf_error *err)
{
	(void)arg;
	return ind_categories(db, r->p, &r->cats, &r->ncats, &r->capcats, err);
}

/* Job: the whole city's services per measure (plan pass 1). */
static int
ind_job_served(struct ind_run *r, struct db *db, const void *arg, bf_error *err)
{
	(void)arg;
	return ind_plans_served(db, r->p, &r->plans, err);
}

/* Job: the whole city's measures of active plans (plan pass 2). */
static int
ind_job_measures(struct ind_run *r, struct db *db, const void *arg, bf_error *err)
{
	(void)arg;
	return ind_plans_measures(db, r->p, &r->plans, err);
}

/* Job: the whole city's 1-3-1-1 plans (plan pass 3). */
static int
ind_job_1311(struct ind_run *r, struct db *db, const void *arg, bf_error *err)
{
	(void)arg;
	return ind_plans_1311(db, r->p, &r->plans, err);
}

/* Job: open cases per caseworker. */
static int
ind_job_workers(struct ind_run *r, struct db *db, const void *arg, bf_error *err)
{
	(void)arg;
	return ind_workers_open(db, r->p, &r->workers, &r->nworkers, err);
}

/* Job: the whole city's overdue follow-ups per caseworker. */
static int
ind_job_overdue(struct ind_run *r, struct db *db, const void *arg, bf_error *err)
{
	(void)arg;
	return ind_overdue_by_worker(db, r->p, &r->oids, &r->ocounts, &r->on, err);
}

/* Add a job. */
static void
ind_run_add(struct ind_run *r, int (*fn)(struct ind_run *, struct db *, const void *, bf_error *),
    const void *arg)
{
	r->jobs[r->njobs].fn = fn;
	r->jobs[r->njobs++].arg = arg;
}

/*
 * The jobs of p, the longest first (measured at 1,000,000 persons) so
 * that two connections end close together: the plan passes and
 * no-contact (the whole city's joins in C), the caseworkers, the groups,
 * the indicators of their own, the categories.
 */
static void
ind_run_plan(struct ind_run *r)
{
	size_t i;
	int col;

	if (r->p->all) {
		r->plans_on = 1;
		ind_run_add(r, ind_job_served, NULL);
		ind_run_add(r, ind_job_measures, NULL);
	}
	for (i = 0; i < IND_NGROUPS; i++)
		if (ind_groups[i].join != NULL && ind_groups[i].join != ind_join_plans &&
		    ind_group_applies(&ind_groups[i], r->p))
			ind_run_add(r, ind_job_group, &ind_groups[i]);
	if (r->p->all)
		ind_run_add(r, ind_job_1311, NULL);
	if (r->want_workers) {
		if (r->p->all)
			ind_run_add(r, ind_job_overdue, NULL);
		ind_run_add(r, ind_job_workers, NULL);
	}
	for (i = 0; i < IND_NGROUPS; i++)
		if (ind_groups[i].join == NULL && ind_group_applies(&ind_groups[i], r->p))
			ind_run_add(r, ind_job_group, &ind_groups[i]);
	for (i = 0; i < IND_NDEFS; i++) {
		if (strcmp(ind_defs[i].id, "difficult_cat") == 0)
			continue;
		if (ind_group_of(ind_defs[i].id, r->p, &col) == NULL)
			ind_run_add(r, ind_job_def, &ind_defs[i]);
	}
	ind_run_add(r, ind_job_categories, NULL);
}

/* Take and run jobs on db until none are left or one has failed. */
static int
ind_run_jobs(struct ind_run *r, struct db *db, bf_error *err)
{
	const struct ind_job *j;
	bf_error ignored;
	int rc;

	/* Large ranges read much of the file: map it rather than copy pages. */
	db_exec(db, "PRAGMA mmap_size = 2147483648", &ignored);
	for (;;) {
		pthread_mutex_lock(&r->mu);
		j = !r->failed && r->next < r->njobs ? &r->jobs[r->next++] : NULL;
		pthread_mutex_unlock(&r->mu);
		if (j == NULL)
			return BF_OK;
		if ((rc = j->fn(r, db, j->arg, err)) != BF_OK) {
			pthread_mutex_lock(&r->mu);
			r->failed = 1;
			pthread_mutex_unlock(&r->mu);
			return rc;
		}
	}
}

/* The second connection's thread. */
struct ind_helper {
	struct ind_run	*r;
	struct db	*db;
	bf_error	 err;
	int		 rc;
};

/* Thread body: take jobs on the second connection, then end its transaction and close it. */
static void *
ind_helper_main(void *arg)
{
	struct ind_helper *h = arg;

	h->rc = ind_run_jobs(h->r, h->db, &h->err);
	db_rollback(h->db);
	db_close(h->db);
	return NULL;
}

/* PRAGMA data_version of db (-1 on error). */
static long
ind_data_version(struct db *db)
{
	sqlite3_stmt *st = NULL;
	long v = -1;

	if (sqlite3_prepare_v2(db_handle(db), "PRAGMA data_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Begin a read transaction on db and read, which fixes its snapshot. */
static int
ind_snapshot(struct db *db, bf_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_begin_read(db, err)) != BF_OK)
		return rc;
	if ((st = ind_prepare(db, "SELECT count(*) FROM (SELECT 1 FROM person LIMIT 1)", err)) == NULL) {
		db_rollback(db);
		return err->code;
	}
	rc = sqlite3_step(st) == SQLITE_ROW ? BF_OK : db_fail(db, err, "开始读事务");
	sqlite3_finalize(st);
	if (rc != BF_OK)
		db_rollback(db);
	return rc;
}

/*
 * A second, read-only connection to db's file for a report, in a read
 * transaction on the same snapshot as one begun here on
 * db; NULL (db alone then) if db is in a transaction of its own (its
 * uncommitted rows would be missing on the second) or the file cannot be
 * opened again.
 *
 * The same snapshot: SQLite here has no sqlite3_snapshot_open, so both
 * read transactions begin here one after the other, and a commit by
 * another process between the two would give the second a newer
 * snapshot.  PRAGMA data_version on the second connection tells: it is
 * read before db begins and again once the second has begun; if it did
 * not change, no commit came between the first read and the second, and
 * db's snapshot, begun between them, is the same.  Otherwise both end
 * and begin again (a few times; then db alone computes the report).
 */
static struct db *
ind_second(struct db *db, bf_error *err)
{
	struct db *db2;
	bf_error e;
	long v;
	int try;

	if (!sqlite3_get_autocommit(db_handle(db)) || db_open(db_path(db), DB_READONLY, &db2, &e) != BF_OK)
		return NULL;
	for (try = 0; try < 5; try++) {
		if ((v = ind_data_version(db2)) < 0 || ind_snapshot(db, err) != BF_OK)
			break;
		if (ind_snapshot(db2, &e) != BF_OK) {
			db_rollback(db);
			break;
		}
		if (ind_data_version(db2) == v)
			return db2;
		db_rollback(db2);
		db_rollback(db);
	}
	db_close(db2);
	return NULL;
}

/*
 * Run r's jobs on db and a second connection (ind_second) in a thread
 * as well, each taking the next job when done with one (on db alone if
 * there can be no second).  Two cores nearly halve the time; a street's
 * report, a tenth of a second, pays 2 ms for the second connection.
 */
static int
ind_run_all(struct ind_run *r, struct db *db, bf_error *err)
{
	struct ind_helper h;
	pthread_t t;
	int rc, began = 0;

	memset(&h, 0, sizeof h);
	h.r = r;
	if ((h.db = ind_second(db, err)) != NULL) {
		began = 1;
		if (pthread_create(&t, NULL, ind_helper_main, &h) != 0) {
			db_rollback(h.db);
			db_close(h.db);
			h.db = NULL;
		}
	}
	rc = ind_run_jobs(r, db, err);
	if (h.db != NULL) {
		pthread_join(t, NULL);
		if (rc == BF_OK && h.rc != BF_OK) {
			*err = h.err;
			rc = h.rc;
		}
	}
	if (began)
		db_rollback(db);
	return rc;
}

/* Free what a run holds. */
static void
ind_run_free(struct ind_run *r)
{
	ind_plans_free(&r->plans);
	free(r->cats);
	free(r->workers);
	free(r->oids);
	free(r->ocounts);
	pthread_mutex_destroy(&r->mu);
}

/*
 * The report of p: every indicator into *out (*n rows) and, with
 * workers, the open cases per caseworker into *workers (*nworkers); both
 * the caller's (free()).
 */
int
ind_report(struct db *db, const struct ind_period *p, struct ind_row **out, int *n,
    struct ind_worker **workers, int *nworkers, bf_error *err)
{
	struct ind_run r;
	struct ind_row *v = NULL, *row;
	long plan_cols[4] = { 0, 0, 0, 0 };
	static const char *plan_ids[] = { "grad_1311", "grad_1311_done", "measures_planned", "measures_done" };
	int cap = 0, rc, i;
	size_t k;

	*out = NULL;
	*n = 0;
	memset(&r, 0, sizeof r);
	r.p = p;
	r.want_workers = workers != NULL;
	pthread_mutex_init(&r.mu, NULL);
	ind_run_plan(&r);
	if ((rc = ind_run_all(&r, db, err)) != BF_OK) {
		ind_run_free(&r);
		return rc;
	}
	if (r.plans_on) {
		ind_plans_total(&r.plans, plan_cols);
		for (k = 0; k < 4; k++)
			r.vals[ind_find(plan_ids[k]) - ind_defs] = plan_cols[k];
	}
	for (k = 0; k < IND_NDEFS; k++) {
		const struct ind_def *d = &ind_defs[k];

		if (strcmp(d->id, "difficult_cat") == 0) {
			for (i = 0; i < r.ncats; i++)
				*ind_push(&v, n, &cap) = r.cats[i];
			continue;
		}
		row = ind_push(&v, n, &cap);
		snprintf(row->id, sizeof row->id, "%s", d->id);
		snprintf(row->label, sizeof row->label, "%s", d->label);
		row->unit = d->unit;
		row->indent = d->indent;
		row->drill = d->cond != NULL;
		row->value = r.vals[k];
	}
	*out = v;
	if (workers != NULL) {
		if (p->all)
			ind_workers_overdue(r.workers, r.nworkers, r.oids, r.ocounts, r.on);
		*workers = r.workers;
		*nworkers = r.nworkers;
		r.workers = NULL;
	}
	ind_run_free(&r);
	return BF_OK;
}

/* Every indicator and the caseloads for p (a report). */
int
indicators_report(struct db *db, const struct ind_period *p, struct ind_row **rows, int *nrows,
    struct ind_worker **workers, int *nworkers, bf_error *err)
{
	*workers = NULL;
	*nworkers = 0;
	return ind_report(db, p, rows, nrows, workers, nworkers, err);
}
