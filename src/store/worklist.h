/*
 * worklist.h -- today's work for the acting user (the home screen):
 * follow-ups past due, plan measures coming due, and recent
 * registrations, each a short list of persons with what is due.
 */
#ifndef BF_STORE_WORKLIST_H
#define BF_STORE_WORKLIST_H

#include <stdint.h>

#include "util/error.h"

struct db;

enum worklist_kind { WORK_OVERDUE, WORK_MEASURE_DUE, WORK_RECENT, WORK_NKINDS };

/*
 * Totals stop here and are shown as "99+": counting the overdue and
 * due-soon lists visits a person (and a plan and the measure's services)
 * per item, scattered over the file.  A count of 9999 cost 50-80 ms at
 * 100,000 persons; of 999, 20 ms at 1,000,000 (the pages no longer fit
 * the page cache); of 99, about 1 ms.  The screen shows 5 items a list.
 */
#define WORK_COUNT_CAP 99

struct work_item {
	int64_t	person_id;
	char	name[64];
	char	community[96];
	char	date[11];		/* due date, or registration date */
	char	what[64];		/* follow-up kind or measure type code */
};

/*
 * Up to max items of kind for the actor (a caseworker: their own
 * persons; others: everyone in scope), most urgent first; *total gets how
 * many there are in all (capped at WORK_COUNT_CAP so counting stays cheap).
 */
int	worklist_items(struct db *db, enum worklist_kind kind, struct work_item *out, int max,
	    int *n, int *total, bf_error *err);

#endif
