/*
 * transfer.h -- case transfer: a person moves to another community or
 * caseworker (moved house, caseload rebalanced), with a reason.  The
 * person row changes, a transfer row keeps where from and where to, and
 * the open follow-ups move to the new caseworker; the audit triggers keep
 * the history of all three.
 *
 * Who may transfer: supervisors and administrators, for persons in their
 * scope.  The new community may lie outside the actor's scope (a person
 * moving to another street is handed over, not read).
 */
#ifndef BF_STORE_TRANSFER_H
#define BF_STORE_TRANSFER_H

#include <stdint.h>

#include "util/error.h"

struct db;

struct transfer_result {
	char	from_community[13];
	char	to_community[13];
	int64_t	from_worker;
	int64_t	to_worker;		/* 0 = no caseworker assigned */
	int	followups_moved;
};

/*
 * Move person_id to community to_org (6/9/12-digit code of a community)
 * and to caseworker to_login ("" or NULL: keep the current one if they
 * belong to the new community, else none).  reason must not be empty.
 */
int	transfer_person(struct db *db, int64_t person_id, const char *to_org, const char *to_login,
	    const char *reason, struct transfer_result *res, bf_error *err);

#endif
