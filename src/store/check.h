/*
 * check.h -- `bangfu check`: is the database sound?  SQLite's own
 * integrity and foreign-key checks, then spot checks of the audit log
 * against the data (every person's creation is logged, every row's
 * current version is the one its last audit entry recorded, no row the
 * log says exists has vanished).
 */
#ifndef BF_STORE_CHECK_H
#define BF_STORE_CHECK_H

#include <stdint.h>

#include "util/error.h"

struct db;

/* One check's outcome, passed to the caller's report function. */
struct check_result {
	const char	*label;		/* Chinese, e.g. "完整性检查" */
	int64_t		 problems;	/* 0: passed */
	char		 detail[512];	/* the first problem(s), Chinese; "" when passed */
};

typedef void (*check_report_fn)(void *ctx, const struct check_result *r);

/*
 * Run every check on db, calling report once per check.  *problems gets
 * the total count.  Returns BF_OK when the checks ran (whatever they
 * found), or an error when one could not run.
 */
int	check_run(struct db *db, check_report_fn report, void *ctx, int64_t *problems, bf_error *err);

#endif
