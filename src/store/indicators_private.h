/*
 * indicators_private.h -- what the files of the indicators share, and
 * nothing else: the indicator table (indicators.c), the whole city's
 * joins in C (indicators_join.c) and the report runner (indicators_run.c).
 * Everything not here is static to its file.  Not for the rest of
 * src/store: that uses indicators.h.
 */
#ifndef BF_STORE_INDICATORS_PRIVATE_H
#define BF_STORE_INDICATORS_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "store/indicators.h"
#include "util/error.h"
#include "util/idmap.h"

/* The 1-3-1-1 template: forms/plans/grad_1311.yaml; demo data and older rows say graduate_1311. */
#define IND_1311_PLAN \
	"pl.template IN ('grad_1311', 'graduate_1311')" \
	" AND pl.status IN ('active', 'completed') AND pl.made_on <= :me"
/* The active plans as of :me (measures_planned, measures_done; plan pl). */
#define IND_MEASURE_WHERE " WHERE pl.status = 'active' AND pl.made_on <= :me"

/* One indicator: a row of ind_defs (indicators.c says what each field is for). */
struct ind_def {
	const char	*id;
	const char	*label;
	const char	*unit;
	int		 indent;
	const char	*cond;		/* persons behind the number (p) */
	const char	*count;		/* NULL: count persons matching cond */
	const char	*all;		/* the same number when the range holds every person, or NULL */
};

/*
 * Indicators computed together: the statement's columns are the values
 * of ids, in order.  `range` counts within :lo..:hi, `all` when the range
 * holds every person on file; without `all` the whole city takes each
 * indicator's own `all` instead (a GROUP BY person with the condition in
 * WHERE costs half of two max() per row there).  Per-person numbers group
 * the rows by person and sum max(condition) over the groups: the person
 * counts once however many of their rows match, as `cond`'s EXISTS does.
 */
struct ind_group {
	const char	*ids[6];
	const char	*range;		/* NULL: a range takes each indicator's own statement */
	const char	*all;
	/* the whole city by a join in C (instead of `all`): cols[k] gets ids[k] */
	int		(*join)(struct db *db, const struct ind_period *p, long *cols, bf_error *err);
};

/* The number of rows of ind_defs and ind_groups (checked where they are defined). */
#define IND_NDEFS ((size_t)21)
#define IND_NGROUPS ((size_t)7)

/* The indicators, in the order reports list them (indicators.c). */
extern const struct ind_def ind_defs[];
/* The indicators computed together (indicators.c). */
extern const struct ind_group ind_groups[];

/*
 * Services per measure up to :me.  Measure ids are row ids, nearly
 * dense: those in [lo, lo + n) (lo the least measure id, n at most
 * IND_SERVED_DENSE) are counted in an array, any others in an idmap.
 */
struct ind_served {
	int64_t		 lo;
	size_t		 n;
	long		*dense;
	struct idmap	 sparse;
};

struct ind_measure;
struct ind_grad;

/* What the whole city's plan indicators are computed from (ind_plans_total). */
struct ind_plans {
	struct ind_served	 served;
	struct ind_measure	*m;
	size_t			 nm, capm;
	struct ind_grad		*g;
	size_t			 ng, capg;
};

/* indicators.c */

/* The definition of id, or NULL. */
const struct ind_def *ind_find(const char *id);
/* Bind a period's parameters and the row argument. */
void	ind_bind_period(sqlite3_stmt *st, const struct ind_period *p, const char *code);
/* Prepare sql (not cached), or NULL (err set). */
sqlite3_stmt *ind_prepare(struct db *db, const char *sql, bf_error *err);
/* Does group g compute its indicators for p (a range, or the whole city)? */
int	ind_group_applies(const struct ind_group *g, const struct ind_period *p);
/* The group computing indicator id for p and its column there, or NULL. */
const struct ind_group *ind_group_of(const char *id, const struct ind_period *p, int *col);
/* Run group g for p; vals[i] gets the value of ind_defs[i] for each indicator of the group. */
int	ind_group_run(struct db *db, const struct ind_group *g, const struct ind_period *p, long *vals,
	    bf_error *err);
/* Value of one definition. */
int	ind_eval(struct db *db, const struct ind_def *d, const struct ind_period *p, const char *code,
	    long *value, bf_error *err);
/* Append one (zeroed) row to a growing array. */
struct ind_row *ind_push(struct ind_row **v, int *n, int *cap);
/* Category rows: one per code held at the end of the month. */
int	ind_categories(struct db *db, const struct ind_period *p, struct ind_row **v, int *n, int *cap,
	    bf_error *err);
/* The whole city's overdue persons per caseworker, ascending ids; both arrays the caller's. */
int	ind_overdue_by_worker(struct db *db, const struct ind_period *p, int64_t **ids, long **counts,
	    int *n, bf_error *err);
/* Open cases per caseworker, most first, into *out (the caller's). */
int	ind_workers_open(struct db *db, const struct ind_period *p, struct ind_worker **out, int *n,
	    bf_error *err);
/* The whole city: each caseworker's overdue number from ind_overdue_by_worker's ids[n]. */
void	ind_workers_overdue(struct ind_worker *w, int nw, const int64_t *ids, const long *counts, int n);

/* indicators_join.c */

/* The plans of the whole city: grad_1311, grad_1311_done, measures_planned, measures_done. */
int	ind_join_plans(struct db *db, const struct ind_period *p, long *cols, bf_error *err);
/* no_contact_6m for the whole city. */
int	ind_join_no_contact(struct db *db, const struct ind_period *p, long *cols, bf_error *err);
/* Plan pass 1: the services per measure up to :me, into pl->served. */
int	ind_plans_served(struct db *db, const struct ind_period *p, struct ind_plans *pl, bf_error *err);
/* Plan pass 2: the measures of the active plans, with their targets, into pl->m. */
int	ind_plans_measures(struct db *db, const struct ind_period *p, struct ind_plans *pl, bf_error *err);
/* Plan pass 3: the 1-3-1-1 plans with their measures, into pl->g. */
int	ind_plans_1311(struct db *db, const struct ind_period *p, struct ind_plans *pl, bf_error *err);
/* The plan indicators from the three passes into cols[0..3] (ind_join_plans's order); sorts pl->g. */
void	ind_plans_total(struct ind_plans *pl, long *cols);
/* Free what the plan passes collected (pl may be reused after memset 0). */
void	ind_plans_free(struct ind_plans *pl);

/* indicators_run.c */

/* The report of p (workers NULL: the indicators alone); *out and *workers the caller's. */
int	ind_report(struct db *db, const struct ind_period *p, struct ind_row **out, int *n,
	    struct ind_worker **workers, int *nworkers, bf_error *err);

#endif
