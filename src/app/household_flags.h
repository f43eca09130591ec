/*
 * household_flags.h -- the derived 零就业 flag of a household: assessed
 * with core/household.h over its members (linked persons' case status
 * says who is in work), written to household_flag with the day it
 * appeared and the day it cleared, and confirmed by a caseworker.
 */
#ifndef BF_APP_HOUSEHOLD_FLAGS_H
#define BF_APP_HOUSEHOLD_FLAGS_H

#include <stdint.h>

#include "core/household.h"
#include "util/error.h"

#define HOUSEHOLD_FLAG_ZERO "zero_employment"

struct app_session;

/* Assess household hh today into *out. */
int	app_household_assess(struct app_session *s, int64_t hh, struct household_result *out,
	    bf_error *err);
/*
 * Assess hh and keep its flag in step: a suspected zero-employment
 * household without an open flag gets one (appeared_on today); an open
 * flag of a household that no longer qualifies is cleared (cleared_on
 * today).  *changed (may be NULL): +1 appeared, -1 cleared, 0 neither.
 */
int	app_household_flags_update(struct app_session *s, int64_t hh, int *changed, bf_error *err);
/* Every household of person_id (see casework_households_of), updated. */
int	app_household_flags_person(struct app_session *s, int64_t person_id, bf_error *err);
/* The caseworker confirms hh's open flag (confirmed_by, confirmed_on today). */
int	app_household_confirm(struct app_session *s, int64_t hh, bf_error *err);

#endif
