/*
 * demo.h -- filling a database with a synthetic caseload (bangfu
 * demo-data, bangfu --demo, the benchmarks): communities spread over the
 * city, a caseworker for each, and persons with their whole case history
 * from the generator in demo_gen.h, written through store/bulk.h.
 */
#ifndef BF_APP_DEMO_H
#define BF_APP_DEMO_H

#include <stdint.h>

#include "util/error.h"

struct app_session;

struct demo_totals {
	long	persons, categories, registrations, plans, measures;
	long	services, followups, employments, events, users;
};

/* Called every so often with the persons written so far; may be NULL. */
typedef void (*demo_progress_fn)(void *ctx, long done, long total);

/*
 * Add persons synthetic persons (seed chooses which) to the session's
 * database.  Runs in batches; on error the batches already committed stay
 * and the error says how far it got.
 */
int	demo_load(struct app_session *s, long persons, uint64_t seed, demo_progress_fn progress,
	    void *ctx, struct demo_totals *totals, bf_error *err);

#endif
