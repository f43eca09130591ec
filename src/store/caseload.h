/*
 * caseload.h -- the caseload list: persons in the user's scope, filtered
 * and sorted, read a page at a time by keyset (the last row's sort key),
 * so the first and the thousandth page cost the same and nothing grows
 * with the size of the caseload.
 */
#ifndef BF_STORE_CASELOAD_H
#define BF_STORE_CASELOAD_H

#include <stdint.h>

#include "store/search.h"
#include "util/error.h"

struct db;

enum caseload_sort {
	CASELOAD_BY_NAME,	/* pinyin order of the name */
	CASELOAD_BY_NEWEST,	/* most recently registered first */
	CASELOAD_NSORT
};

struct caseload_filter {
	char		org[13];	/* community or street/district code, "" = all in scope */
	char		status[16];	/* status code, "open" = not closed, "" = any */
	char		category[8];	/* difficulty category code held now, "" = any */
	int64_t		caseworker_id;	/* 0 = any */
	int		overdue;	/* only persons with an overdue follow-up */
	enum caseload_sort sort;
	/* The persons behind a number of the dashboard (store/indicators.h). */
	char		indicator[24];	/* indicator id, "" = none */
	char		month[8];	/* its month "YYYY-MM", "" = this month */
	char		ind_code[8];	/* its argument (category code) */
};

/* Where a page starts: the sort key of the row before (or after) it. */
struct caseload_key {
	char	name_py[64];
	int64_t	id;
};

struct caseload_row {
	struct person_brief p;
	struct caseload_key key;
	char	categories[64];		/* codes held now, comma-separated */
	char	next_followup[11];	/* earliest open follow-up, "" if none */
	int	measures_done;		/* services counted toward the active plan */
	int	measures_planned;	/* target counts of the active plan; 0 = no plan */
	char	caseworker[64];
};

/*
 * One page of at most max rows.  from NULL: the first page (forward) or
 * the last page (backward); otherwise the rows strictly after (forward)
 * or before (backward) from.  Rows are always returned in list order.
 */
int	caseload_page(struct db *db, const struct caseload_filter *f, const struct caseload_key *from,
	    int forward, struct caseload_row *out, int max, int *n, bf_error *err);
/* How many persons match (a full count: for summaries, not per keypress). */
int	caseload_count(struct db *db, const struct caseload_filter *f, long *count, bf_error *err);
const char *caseload_sort_label(enum caseload_sort s); /* "按姓名", static */

/* One group of the org-tree browser: persons matching a filter under a key. */
struct caseload_group {
	char	key[13];	/* code prefix padded with zeros, or "" when by caseworker */
	int64_t	worker_id;	/* by caseworker: app_user.id, 0 = none */
	char	worker[64];	/* by caseworker: name (login if no name) */
	long	count;
};

/*
 * Persons matching f grouped by the first prefix_len digits of their
 * community (prefix_len 6/9/12), or by caseworker when prefix_len is 0;
 * at most max groups in key order.  Scoped like caseload_page.
 */
int	caseload_groups(struct db *db, const struct caseload_filter *f, int prefix_len,
	    struct caseload_group *out, int max, int *n, bf_error *err);

#endif
