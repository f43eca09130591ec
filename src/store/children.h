/*
 * children.h -- the rows that hang off one person's file, for the tabs
 * of the person screen: registrations, recognised categories, plans and
 * their measures (with how many services each measure has delivered),
 * services, follow-ups, employment, and the household with its members.
 * Rows come as generic records (store/record.h), newest first by their
 * date, and only for persons within the acting user's scope.
 */
#ifndef BF_STORE_CHILDREN_H
#define BF_STORE_CHILDREN_H

#include <stdint.h>

#include "store/record.h"
#include "util/error.h"

struct db;

/* Records of one table; owned (children_free). */
struct children {
	struct rec	*rows;
	int		 n;
};

void	children_init(struct children *c);
void	children_free(struct children *c);       /* frees the rows; c is re-inited; NULL is fine */

/*
 * Up to max rows of table for person_id, by date descending then id:
 * registration (registered_on), person_category (recognised_on), plan
 * (made_on), service (served_on), followup (due_on), employment
 * (started_on).  Another table is BF_EINVAL.  out is replaced.
 */
int	children_load(struct db *db, int64_t person_id, const char *table, int max,
	    struct children *out, bf_error *err);
/*
 * The measures of plan plan_id (which must be person_id's), by due date,
 * each with an extra field "delivered": the number of services linked to
 * it.  out is replaced.
 */
int	children_measures(struct db *db, int64_t person_id, int64_t plan_id, int max,
	    struct children *out, bf_error *err);
/*
 * The person's household (via person.household_id) into hh and its
 * members (by id) into members.  No household: BF_OK, hh->id == 0 and no
 * members.  hh is replaced (rec_init'ed by the caller or cleared here).
 */
int	children_household(struct db *db, int64_t person_id, int max, struct rec *hh,
	    struct children *members, bf_error *err);

#endif
