/*
 * followup.c -- follow-ups scheduled from the rules (see followup.h).
 * The dates come from core/followup_rules.c; this file only decides when
 * to ask and writes the rows with rec_save.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/followup.h"
#include "app/session.h"
#include "core/casestate.h"
#include "core/date.h"
#include "core/followup_rules.h"
#include "store/casework.h"
#include "store/db.h"
#include "store/record.h"

#define FU_MAX_OPEN 32
#define FU_CANCELLED "0"	/* list followup_result: closed by a change of the case, not done */

/* Set column to an id in decimal. */
static void
fu_set_id(struct rec *r, const char *column, int64_t id)
{
	char buf[24];

	snprintf(buf, sizeof buf, "%lld", (long long)id);
	rec_set(r, column, buf);
}

/* 1 if the person's case is open and they are not in work. */
static int
fu_unemployed(struct app_session *s, int64_t person_id)
{
	enum case_status cs;
	struct rec p;
	bf_error err;
	int yes = 0;

	rec_init(&p, "person");
	if (rec_load(s->db, "person", person_id, &p, &err) == BF_OK &&
	    case_status_from_code(rec_get(&p, "status"), &cs) == BF_OK)
		yes = cs == CASE_REGISTERED || cs == CASE_RECOGNISED || cs == CASE_ASSISTING;
	rec_clear(&p);
	return yes;
}

/* Mark follow-up id done on day on (by service service_id if not 0; result if not NULL). */
static int
fu_mark_done(struct app_session *s, int64_t id, const char *on, const char *method,
    int64_t service_id, const char *result, bf_error *err)
{
	struct rec f;
	int rc;

	rec_init(&f, "followup");
	if ((rc = rec_load(s->db, "followup", id, &f, err)) == BF_OK) {
		rec_set(&f, "done_on", on);
		if (method != NULL)
			rec_set(&f, "method", method);
		if (service_id != 0)
			fu_set_id(&f, "service_id", service_id);
		if (result != NULL)
			rec_set(&f, "result", result);
		rc = rec_save(s->db, &f, err);
	}
	rec_clear(&f);
	return rc;
}

/*
 * Insert a follow-up of kind due on due; with once set, not when one of
 * that kind and day exists already (done or not: saving a job again must
 * not bring back its checks).
 */
static int
fu_add(struct app_session *s, int64_t person_id, const char *kind, const char *due, int once,
    bf_error *err)
{
	struct rec f;
	int64_t id;
	int rc;

	if (once && ((rc = casework_followup_on(s->db, person_id, kind, due, &id, err)) != BF_OK ||
	    id != 0))
		return rc;
	rec_init(&f, "followup");
	fu_set_id(&f, "person_id", person_id);
	rec_set(&f, "kind", kind);
	rec_set(&f, "due_on", due);
	fu_set_id(&f, "worker_id", db_actor(s->db)->id);
	rc = rec_save(s->db, &f, err);
	rec_clear(&f);
	return rc;
}

/* Make the open monthly follow-up due on due (opening one if none is open). */
static int
fu_set_monthly(struct app_session *s, int64_t person_id, const char *due, bf_error *err)
{
	int64_t ids[FU_MAX_OPEN];
	struct rec f;
	int n, rc;

	if ((rc = casework_open_followups(s->db, person_id, "monthly", ids, FU_MAX_OPEN, &n,
	    err)) != BF_OK)
		return rc;
	if (n == 0)
		return fu_add(s, person_id, "monthly", due, 0, err);
	rec_init(&f, "followup");
	if ((rc = rec_load(s->db, "followup", ids[0], &f, err)) == BF_OK &&
	    (rec_get(&f, "due_on") == NULL || strcmp(rec_get(&f, "due_on"), due) != 0)) {
		rec_set(&f, "due_on", due);
		rc = rec_save(s->db, &f, err);
	}
	rec_clear(&f);
	return rc;
}

/* The next monthly follow-up counted from a day of contact. */
int
app_followup_schedule_monthly(struct app_session *s, int64_t person_id, const char *from,
    char next[11], bf_error *err)
{
	struct followup_params fp;
	char reg[11];
	bf_date base, contact;
	bf_error e2;
	int rc;

	next[0] = '\0';
	if ((rc = date_parse(from, &contact, err)) != BF_OK)
		return rc;
	if ((rc = casework_registered_on(s->db, person_id, reg, err)) != BF_OK)
		return rc;
	if (reg[0] == '\0' || date_parse(reg, &base, &e2) != BF_OK)
		base = contact;
	followup_params_default(&fp);
	date_format(followup_next_unemployed(&fp, base, &contact), next);
	return fu_set_monthly(s, person_id, next, err);
}

/* Count a service toward its measure and move the monthly follow-up. */
int
app_followup_after_service(struct app_session *s, int64_t service_id, char next[11],
    bf_error *err)
{
	int64_t ids[FU_MAX_OPEN], plan_id, measure_id, pid;
	const char *due;
	struct rec sv, pl, f;
	char buf[11], served[11];
	int i, n, rc;

	if (next == NULL)
		next = buf;
	next[0] = '\0';
	rec_init(&sv, "service");
	rec_init(&pl, "plan");
	rec_init(&f, "followup");
	if ((rc = rec_load(s->db, "service", service_id, &sv, err)) != BF_OK)
		goto out;
	pid = atoll(rec_get(&sv, "person_id"));
	snprintf(served, sizeof served, "%s",
	    rec_get(&sv, "served_on") != NULL ? rec_get(&sv, "served_on") : "");
	/* Counted toward the active plan's measure of its type. */
	if (rec_get(&sv, "measure_id") == NULL) {
		if ((rc = casework_open_plan(s->db, pid, &plan_id, err)) != BF_OK)
			goto out;
		if (plan_id != 0 && (rc = rec_load(s->db, "plan", plan_id, &pl, err)) != BF_OK)
			goto out;
		if (plan_id != 0 && strcmp(rec_get(&pl, "status"), "active") == 0) {
			if ((rc = casework_match_measure(s->db, plan_id, rec_get(&sv, "type"),
			    &measure_id, err)) != BF_OK)
				goto out;
			if (measure_id != 0) {
				fu_set_id(&sv, "measure_id", measure_id);
				if ((rc = rec_save(s->db, &sv, err)) != BF_OK)
					goto out;
			}
		}
	}
	if (served[0] == '\0' || !fu_unemployed(s, pid))
		goto out;
	/* The contact does the monthly follow-ups due by its day. */
	if ((rc = casework_open_followups(s->db, pid, "monthly", ids, FU_MAX_OPEN, &n, err)) != BF_OK)
		goto out;
	for (i = 0; i < n; i++) {
		rec_clear(&f);
		if ((rc = rec_load(s->db, "followup", ids[i], &f, err)) != BF_OK)
			goto out;
		due = rec_get(&f, "due_on");
		if (due != NULL && strcmp(due, served) <= 0 &&
		    (rc = fu_mark_done(s, ids[i], served, rec_get(&sv, "method"), service_id,
		    NULL, err)) != BF_OK)
			goto out;
	}
	if (rec_get(&sv, "next_contact_on") != NULL) {
		snprintf(next, 11, "%s", rec_get(&sv, "next_contact_on"));
		rc = fu_set_monthly(s, pid, next, err);
	} else
		rc = app_followup_schedule_monthly(s, pid, served, next, err);
out:
	rec_clear(&sv);
	rec_clear(&pl);
	rec_clear(&f);
	return rc;
}

/* Close open follow-ups of a kind. */
int
app_followup_close_open(struct app_session *s, int64_t person_id, const char *kind,
    const char *on, bf_error *err)
{
	int64_t ids[FU_MAX_OPEN];
	int i, n, rc;

	if ((rc = casework_open_followups(s->db, person_id, kind, ids, FU_MAX_OPEN, &n, err)) != BF_OK)
		return rc;
	for (i = 0; i < n && rc == BF_OK; i++)
		rc = fu_mark_done(s, ids[i], on, NULL, 0, FU_CANCELLED, err);
	return rc;
}

/* Stability checks after a job starts. */
int
app_followup_schedule_stability(struct app_session *s, int64_t person_id,
    const char *started_on, bf_error *err)
{
	struct followup_due due[FOLLOWUP_MAX_STABILITY];
	struct followup_params fp;
	char today[11], buf[DATE_ISO_LEN];
	bf_date start;
	int i, n, rc;

	if ((rc = date_parse(started_on, &start, err)) != BF_OK)
		return rc;
	db_today(s->db, today);
	if ((rc = app_followup_close_open(s, person_id, "monthly", today, err)) != BF_OK)
		return rc;
	followup_params_default(&fp);
	n = followup_stability_schedule(&fp, start, due);
	for (i = 0; i < n && rc == BF_OK; i++) {
		date_format(due[i].due, buf);
		rc = fu_add(s, person_id, due[i].kind, buf, 1, err);
	}
	return rc;
}

/* A follow-up done while unemployed schedules the next monthly one. */
int
app_followup_after_save(struct app_session *s, int64_t followup_id, bf_error *err)
{
	struct rec f;
	char next[11];
	int64_t pid;
	int rc;

	rec_init(&f, "followup");
	if ((rc = rec_load(s->db, "followup", followup_id, &f, err)) == BF_OK &&
	    rec_get(&f, "done_on") != NULL) {
		pid = atoll(rec_get(&f, "person_id"));
		if (fu_unemployed(s, pid))
			rc = app_followup_schedule_monthly(s, pid, rec_get(&f, "done_on"), next, err);
	}
	rec_clear(&f);
	return rc;
}

/* The no-contact warning for the header. */
int
app_followup_warning(struct app_session *s, int64_t person_id, char *msg, size_t len)
{
	struct followup_params fp;
	char reg[11], last[11], today[11];
	bf_date r, l, t;
	bf_error err;

	msg[0] = '\0';
	if (casework_registered_on(s->db, person_id, reg, &err) != BF_OK || reg[0] == '\0' ||
	    date_parse(reg, &r, &err) != BF_OK ||
	    casework_last_contact(s->db, person_id, last, &err) != BF_OK)
		return 0;
	db_today(s->db, today);
	if (date_parse(today, &t, &err) != BF_OK)
		return 0;
	followup_params_default(&fp);
	return followup_no_contact(&fp, r,
	    last[0] != '\0' && date_parse(last, &l, &err) == BF_OK ? &l : NULL, t, msg, len);
}

/* The earliest open follow-up. */
int
app_followup_next(struct app_session *s, int64_t person_id, char due[11], char kind[16])
{
	int64_t id;
	struct rec f;
	bf_error err;
	int n, found = 0;

	due[0] = kind[0] = '\0';
	if (casework_open_followups(s->db, person_id, "%", &id, 1, &n, &err) != BF_OK || n == 0)
		return 0;
	rec_init(&f, "followup");
	if (rec_load(s->db, "followup", id, &f, &err) == BF_OK && rec_get(&f, "due_on") != NULL) {
		snprintf(due, 11, "%s", rec_get(&f, "due_on"));
		snprintf(kind, 16, "%s", rec_get(&f, "kind") != NULL ? rec_get(&f, "kind") : "");
		found = 1;
	}
	rec_clear(&f);
	return found;
}
