/*
 * indicators.h -- the monthly indicators supervisors are judged on,
 * computed from the records (never typed in) for one month and one org
 * unit within the acting user's scope: registered unemployed, 就业困难人员
 * by category, newly recognised, helped into employment by form, 零就业家庭
 * appeared / cleared / open, 1-3-1-1 graduate packages delivered, plan
 * measures delivered vs planned, overdue follow-ups, persons without
 * contact for six months, caseload per caseworker.
 *
 * Every indicator is one row of a table in indicators.c (id, label, SQL).
 * Indicators that count persons also give the condition that selects
 * those persons, so the caseload list can show the persons behind a number
 * (struct caseload_filter.indicator).
 */
#ifndef BF_STORE_INDICATORS_H
#define BF_STORE_INDICATORS_H

#include <stdint.h>

#include "util/error.h"

struct db;
struct sqlite3_stmt;

struct ind_row {
	char	id[24];		/* indicator id, e.g. "registered", "employed_unit" */
	char	code[8];	/* argument (category code) or "" */
	char	label[96];	/* Chinese label; category rows: "类别 01" until relabelled */
	const char *unit;	/* "人", "户", "项" (static) */
	int	indent;		/* 0 = headline, 1 = detail of the row above */
	int	drill;		/* 1 if the persons behind it can be listed */
	long	value;
};

struct ind_worker {
	int64_t	id;		/* app_user.id; 0 = no caseworker */
	char	login[64];
	char	name[64];
	long	open;		/* open cases (not closed) */
	long	overdue;	/* of which with an overdue follow-up */
};

/* The month ("YYYY-MM") and org range an indicator is computed over. */
struct ind_period {
	char	month[8];
	char	ms[11], me[11];	/* first and last day */
	char	asof[11];	/* min(last day, today): "now" for states */
	char	lo[13], hi[13];	/* community codes in range, within scope */
	int	all;		/* the range holds every person on file: faster statements */
};

/*
 * Resolve month ("" = the current month) and org ("" = the actor's own
 * unit) to a period.  An org outside the actor's scope is BF_EPERM.
 */
int	indicators_period(struct db *db, const char *org, const char *month, struct ind_period *p,
	    bf_error *err);
/*
 * All indicators for p.  *out is owned by the caller (free()); category
 * rows follow the "difficult" row, one per category code held.
 */
int	indicators_compute(struct db *db, const struct ind_period *p, struct ind_row **out, int *n,
	    bf_error *err);
/*
 * All indicators and the open cases per caseworker for p, as a report
 * shows them: on two connections at once (a second, read-only one in a
 * thread), both on the same snapshot, as indicators_compute too.  *rows
 * and *workers are owned by the caller (free()).
 */
int	indicators_report(struct db *db, const struct ind_period *p, struct ind_row **rows, int *nrows,
	    struct ind_worker **workers, int *nworkers, bf_error *err);
/* One indicator's value (charts: one call per month). */
int	indicators_value(struct db *db, const struct ind_period *p, const char *id, const char *code,
	    long *value, bf_error *err);
/* Open cases per caseworker in p's range, most first; *out owned by caller (free()). */
int	indicators_workers(struct db *db, const struct ind_period *p, struct ind_worker **out, int *n,
	    bf_error *err);
/* Label of an indicator id (static), or NULL if unknown. */
const char *indicators_label(const char *id);

/*
 * For the caseload list (store only): the SQL condition on person p that
 * selects the persons behind indicator id (static, NULL if none), and the
 * binding of its parameters (:ms :me :asof :code) for month.
 */
const char *indicators_cond(const char *id);
int	indicators_bind(struct db *db, struct sqlite3_stmt *st, const char *month, const char *code,
	    bf_error *err);

#endif
