/*
 * lifecycle.h -- the case as it moves: what follows a saved form (a
 * service counts and reschedules, a job moves the case to employed and
 * schedules the stability checks, a lost job reopens it, a household is
 * assessed), status changes chosen by the caseworker, and the derived
 * categories (认定) proposed with their reasons.  Everything runs inside
 * the caller's transaction when there is one.
 */
#ifndef BF_APP_LIFECYCLE_H
#define BF_APP_LIFECYCLE_H

#include <stdint.h>

#include "core/category.h"
#include "util/error.h"

struct app_session;

/*
 * The rules after a row of table was saved for person_id (service,
 * employment, followup, household, household_member, person_category;
 * other tables: nothing).
 */
int	app_after_save(struct app_session *s, const char *table, int64_t record_id,
	    int64_t person_id, bf_error *err);
/* After employment row emp_id was saved: employed / reopened, follow-ups, households. */
int	app_employment_after_save(struct app_session *s, int64_t emp_id, bf_error *err);
/*
 * The caseworker moves person_id's case to status to (core/casestate.h
 * code) with reason (required where the table says): case_event written,
 * households re-assessed.  "stable" is refused until the 6-month
 * stability follow-up has been done.
 */
int	app_case_set_status(struct app_session *s, int64_t person_id, const char *to,
	    const char *reason, bf_error *err);
/*
 * The derived categories for person_id today (core/category.h), as
 * category_derive gives them; held[i] is 1 when the person already holds
 * out[i].code (not ended).  Returns how many rows, or -1 with err set.
 */
int	app_category_proposals(struct app_session *s, int64_t person_id,
	    struct category_result out[CATEGORY_MAX_DERIVED], int held[CATEGORY_MAX_DERIVED],
	    bf_error *err);
/*
 * Recognise the proposal p for person_id: a person_category row, derived,
 * recognised today, evidence = p->why, expires_on = p->expires_on when
 * the category expires (06).  A case still registered becomes recognised.
 */
int	app_category_accept(struct app_session *s, int64_t person_id,
	    const struct category_result *p, bf_error *err);
/* End category row cat_id on day on ("YYYY-MM-DD") with reason (a code of list exit_reason). */
int	app_category_end(struct app_session *s, int64_t cat_id, const char *on, const char *reason,
	    bf_error *err);
/* 1 if a category row has expired by today (expires_on before today and not ended). */
int	app_category_expired(const char *expires_on, const char *ended_on, const char *today);

#endif
