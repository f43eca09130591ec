/*
 * followup.h -- follow-ups (回访) kept in step with the case by the rules
 * of core/followup_rules.h: a service counts toward the active plan's
 * measure of its type and moves the next monthly follow-up (while the
 * person is unemployed); a job schedules the 1-, 3- and 6-month stability
 * checks and ends the monthly ones; a lost job ends the stability checks
 * and starts monthly ones again.  Each runs inside the caller's
 * transaction (nested) so a save and its consequences commit together.
 */
#ifndef BF_APP_FOLLOWUP_H
#define BF_APP_FOLLOWUP_H

#include <stddef.h>
#include <stdint.h>

#include "util/error.h"

struct app_session;

/*
 * After service service_id was saved: link it to the measure it counts
 * toward (when it has none and the person has an active plan with a
 * measure of its type), then, while the person is unemployed, make the
 * open monthly follow-up due on the service's next_contact_on, else one
 * month after it (an open one due by the service day is marked done by
 * it).  *next (may be NULL) gets the date set, "" if none.
 */
int	app_followup_after_service(struct app_session *s, int64_t service_id, char next[11],
	    bf_error *err);
/* The next monthly follow-up for person_id counted from day from ("YYYY-MM-DD"); opens one if none is open. */
int	app_followup_schedule_monthly(struct app_session *s, int64_t person_id, const char *from,
	    char next[11], bf_error *err);
/* The stability checks for a job started on started_on; open monthly follow-ups are closed. */
int	app_followup_schedule_stability(struct app_session *s, int64_t person_id,
	    const char *started_on, bf_error *err);
/*
 * Close the open follow-ups of kind (a LIKE pattern) on day on, with
 * result "0" (已取消): the case changed and they are no longer due.
 */
int	app_followup_close_open(struct app_session *s, int64_t person_id, const char *kind,
	    const char *on, bf_error *err);
/*
 * After follow-up followup_id was saved: once it is done and the person
 * is still unemployed, the next monthly one is scheduled from its day.
 */
int	app_followup_after_save(struct app_session *s, int64_t followup_id, bf_error *err);
/* The earliest open follow-up of person_id: 1 with its due day in due (and kind), 0 if none. */
int	app_followup_next(struct app_session *s, int64_t person_id, char due[11], char kind[16]);
/*
 * The six-months-without-contact warning for the header: 1 and msg set
 * when it holds (see followup_no_contact), else 0 and msg "".  Only for
 * persons with an active registration.
 */
int	app_followup_warning(struct app_session *s, int64_t person_id, char *msg, size_t len);

#endif
