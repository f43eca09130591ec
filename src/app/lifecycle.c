/*
 * lifecycle.c -- what follows a save, status changes and category
 * proposals (see lifecycle.h).  Which rule runs after which table is a
 * table; the rules themselves live in followup.c, household_flags.c and
 * src/core.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/followup.h"
#include "app/household_flags.h"
#include "app/lifecycle.h"
#include "app/session.h"
#include "core/casestate.h"
#include "core/date.h"
#include "store/casework.h"
#include "store/children.h"
#include "store/db.h"
#include "store/person.h"
#include "store/record.h"

#define LC_MAX_CATEGORIES 64
#define LC_LAST_STABILITY_CHECK "stable_6m"	/* followup.kind that allows "stable" */

/* Today from the database clock. */
static bf_date
lc_today(struct app_session *s)
{
	char today[11];
	bf_date d;
	bf_error err;

	db_today(s->db, today);
	if (date_parse(today, &d, &err) != BF_OK)
		memset(&d, 0, sizeof d);
	return d;
}

/* The person's case status into *cs. */
static int
lc_status(struct app_session *s, int64_t person_id, enum case_status *cs, bf_error *err)
{
	struct rec p;
	int rc;

	rec_init(&p, "person");
	if ((rc = rec_load(s->db, "person", person_id, &p, err)) == BF_OK &&
	    case_status_from_code(rec_get(&p, "status"), cs) != BF_OK)
		rc = err_set(err, BF_EINVAL, "档案中的个案状态无效");
	rec_clear(&p);
	return rc;
}

/* Move the case to `to` if the table allows it from where it is (no-op otherwise). */
static int
lc_move_if_allowed(struct app_session *s, int64_t person_id, enum case_status to,
    const char *reason, bf_error *err)
{
	enum case_status from;
	int rc;

	if ((rc = lc_status(s, person_id, &from, err)) != BF_OK)
		return rc;
	if (from == to || case_transition_label(from, to) == NULL)
		return BF_OK;
	return person_set_status(s->db, person_id, case_status_code(to), reason, err);
}

/* After an employment row: a job starts or ends. */
int
app_employment_after_save(struct app_session *s, int64_t emp_id, bf_error *err)
{
	char started[11], ended[11], reason[256], next[11];
	struct rec e;
	enum case_status cs;
	int64_t pid;
	int rc;

	rec_init(&e, "employment");
	if ((rc = rec_load(s->db, "employment", emp_id, &e, err)) != BF_OK) {
		rec_clear(&e);
		return rc;
	}
	pid = atoll(rec_get(&e, "person_id"));
	snprintf(started, sizeof started, "%s", rec_get(&e, "started_on") != NULL ?
	    rec_get(&e, "started_on") : "");
	snprintf(ended, sizeof ended, "%s", rec_get(&e, "ended_on") != NULL ?
	    rec_get(&e, "ended_on") : "");
	snprintf(reason, sizeof reason, "工作结束（%s）：%s", ended,
	    rec_get(&e, "end_reason") != NULL ? rec_get(&e, "end_reason") : "未说明原因");
	rec_clear(&e);
	if ((rc = lc_status(s, pid, &cs, err)) != BF_OK)
		return rc;
	if (ended[0] == '\0') {
		/* A job: employed, monthly follow-ups end, stability checks begin. */
		if ((rc = lc_move_if_allowed(s, pid, CASE_EMPLOYED, NULL, err)) != BF_OK ||
		    (rc = app_followup_schedule_stability(s, pid, started, err)) != BF_OK)
			return rc;
	} else if (cs == CASE_EMPLOYED || cs == CASE_STABLE) {
		/* The job ended: the case reopens and monthly follow-ups start again. */
		if ((rc = person_set_status(s->db, pid, "assisting", reason, err)) != BF_OK ||
		    (rc = app_followup_close_open(s, pid, "stable%", ended, err)) != BF_OK ||
		    (rc = app_followup_schedule_monthly(s, pid, ended, next, err)) != BF_OK)
			return rc;
	}
	return app_household_flags_person(s, pid, err);
}

/* after service */
static int
lc_after_service(struct app_session *s, int64_t id, int64_t person_id, bf_error *err)
{
	(void)person_id;
	return app_followup_after_service(s, id, NULL, err);
}

/* after follow-up */
static int
lc_after_followup(struct app_session *s, int64_t id, int64_t person_id, bf_error *err)
{
	(void)person_id;
	return app_followup_after_save(s, id, err);
}

/* after employment */
static int
lc_after_employment(struct app_session *s, int64_t id, int64_t person_id, bf_error *err)
{
	(void)person_id;
	return app_employment_after_save(s, id, err);
}

/* after household */
static int
lc_after_household(struct app_session *s, int64_t id, int64_t person_id, bf_error *err)
{
	(void)person_id;
	return app_household_flags_update(s, id, NULL, err);
}

/* after one household member: its household is assessed again */
static int
lc_after_member(struct app_session *s, int64_t id, int64_t person_id, bf_error *err)
{
	struct rec m;
	int64_t hh = 0;
	int rc;

	(void)person_id;
	if (id == 0)
		return BF_OK;	/* members saved with their household: see lc_after_household */
	rec_init(&m, "household_member");
	if ((rc = rec_load(s->db, "household_member", id, &m, err)) == BF_OK)
		hh = strtoll(rec_get(&m, "household_id"), NULL, 10);
	rec_clear(&m);
	return rc == BF_OK ? app_household_flags_update(s, hh, NULL, err) : rc;
}

/* After the category form: a derived 06 row gets its expiry if it has none. */
static int
lc_after_categories(struct app_session *s, int64_t id, int64_t person_id, bf_error *err)
{
	struct category_result p[CATEGORY_MAX_DERIVED];
	int held[CATEGORY_MAX_DERIVED];
	struct children rows;
	char buf[DATE_ISO_LEN];
	int i, j, n, rc = BF_OK;

	(void)id;
	if ((n = app_category_proposals(s, person_id, p, held, err)) < 0)
		return err->code;
	children_init(&rows);
	if ((rc = children_load(s->db, person_id, "person_category", LC_MAX_CATEGORIES, &rows,
	    err)) != BF_OK)
		return rc;
	for (i = 0; i < rows.n && rc == BF_OK; i++) {
		struct rec *r = &rows.rows[i];

		if (rec_get(r, "expires_on") != NULL || rec_get(r, "ended_on") != NULL)
			continue;
		for (j = 0; j < n; j++)
			if (p[j].has_expiry && strcmp(p[j].code, rec_get(r, "code")) == 0) {
				date_format(p[j].expires_on, buf);
				rec_set(r, "expires_on", buf);
				rc = rec_save(s->db, r, err);
			}
	}
	children_free(&rows);
	return rc;
}

/* Which rules follow a save of which table. */
static const struct {
	const char	*table;
	int		(*after)(struct app_session *, int64_t, int64_t, bf_error *);
} lc_after[] = {
	{ "service", lc_after_service },
	{ "followup", lc_after_followup },
	{ "employment", lc_after_employment },
	{ "household", lc_after_household },
	{ "household_member", lc_after_member },
	{ "person_category", lc_after_categories },
};

/* The rules after a save. */
int
app_after_save(struct app_session *s, const char *table, int64_t record_id, int64_t person_id,
    bf_error *err)
{
	size_t i;

	for (i = 0; i < sizeof lc_after / sizeof lc_after[0]; i++)
		if (strcmp(lc_after[i].table, table) == 0)
			return lc_after[i].after(s, record_id, person_id, err);
	return BF_OK;
}

/*
 * Follow-ups after a status change chosen by the caseworker: a reopened
 * case drops its stability checks and is followed monthly again from
 * today, a closed case has nothing left to follow up, a re-registered one
 * is followed monthly.
 */
static int
lc_followups_on_move(struct app_session *s, int64_t person_id, enum case_status from,
    const char *to, bf_error *err)
{
	enum case_status t;
	char today[11], next[11];
	int rc;

	if (case_status_from_code(to, &t) != BF_OK)
		return BF_OK;
	db_today(s->db, today);
	if (t == CASE_CLOSED)
		return app_followup_close_open(s, person_id, "%", today, err);
	if (t == CASE_ASSISTING && (from == CASE_EMPLOYED || from == CASE_STABLE)) {
		if ((rc = app_followup_close_open(s, person_id, "stable%", today, err)) != BF_OK)
			return rc;
		return app_followup_schedule_monthly(s, person_id, today, next, err);
	}
	if (t == CASE_REGISTERED && from == CASE_CLOSED)
		return app_followup_schedule_monthly(s, person_id, today, next, err);
	return BF_OK;
}

/* A status change chosen by the caseworker. */
int
app_case_set_status(struct app_session *s, int64_t person_id, const char *to,
    const char *reason, bf_error *err)
{
	enum case_status from;
	int rc, done;

	/* Stable employment is recorded once the last stability check has been done. */
	if (strcmp(to, case_status_code(CASE_STABLE)) == 0) {
		if ((rc = casework_followups_done(s->db, person_id, LC_LAST_STABILITY_CHECK, &done,
		    err)) != BF_OK)
			return rc;
		if (done == 0)
			return err_set(err, BF_EINVAL, "完成 6 个月稳定就业回访后才能标记为稳定就业");
	}
	if ((rc = lc_status(s, person_id, &from, err)) != BF_OK)
		return rc;
	if ((rc = db_begin(s->db, err)) != BF_OK)
		return rc;
	if ((rc = person_set_status(s->db, person_id, to, reason, err)) != BF_OK ||
	    (rc = lc_followups_on_move(s, person_id, from, to, err)) != BF_OK ||
	    (rc = app_household_flags_person(s, person_id, err)) != BF_OK) {
		db_rollback(s->db);
		return rc;
	}
	return db_commit(s->db, err);
}

/* The facts category_derive needs, from the file. */
static int
lc_category_facts(struct app_session *s, int64_t person_id, struct category_facts *f,
    bf_error *err)
{
	struct rec p;
	char reg[11];
	const char *v;
	bf_error e2;
	int rc;

	memset(f, 0, sizeof *f);
	rec_init(&p, "person");
	if ((rc = rec_load(s->db, "person", person_id, &p, err)) != BF_OK)
		goto out;
	f->sex = atoi(rec_get(&p, "sex") != NULL ? rec_get(&p, "sex") : "0");
	if (rec_get(&p, "birth_date") != NULL)
		(void)date_parse(rec_get(&p, "birth_date"), &f->birth, &e2);
	if ((v = rec_get(&p, "retire_basis")) != NULL)
		f->basis = (enum retire_basis)atoi(v);
	if ((v = rec_get(&p, "extra.graduated_on")) != NULL &&
	    date_parse(v, &f->graduated_on, &e2) == BF_OK)
		f->graduated = 1;
	if ((rc = casework_registered_on(s->db, person_id, reg, err)) != BF_OK)
		goto out;
	if (reg[0] != '\0' && date_parse(reg, &f->registered_on, &e2) == BF_OK)
		f->registered = 1;
out:
	rec_clear(&p);
	return rc;
}

/* Proposals with what is already held. */
int
app_category_proposals(struct app_session *s, int64_t person_id,
    struct category_result out[CATEGORY_MAX_DERIVED], int held[CATEGORY_MAX_DERIVED],
    bf_error *err)
{
	struct category_facts f;
	struct children rows;
	char today[11];
	int i, j, n;

	if (lc_category_facts(s, person_id, &f, err) != BF_OK)
		return -1;
	category_derive(NULL, &f, lc_today(s), out);
	n = CATEGORY_MAX_DERIVED;
	children_init(&rows);
	if (children_load(s->db, person_id, "person_category", LC_MAX_CATEGORIES, &rows, err) != BF_OK)
		return -1;
	db_today(s->db, today);
	for (i = 0; i < n; i++) {
		held[i] = 0;
		for (j = 0; j < rows.n; j++)
			if (rec_get(&rows.rows[j], "code") != NULL &&
			    strcmp(rec_get(&rows.rows[j], "code"), out[i].code) == 0 &&
			    rec_get(&rows.rows[j], "ended_on") == NULL &&
			    !app_category_expired(rec_get(&rows.rows[j], "expires_on"), NULL, today))
				held[i] = 1;
	}
	children_free(&rows);
	return n;
}

/* A registered case whose category is recognised moves to recognised (认定). */
static int
lc_recognised(struct app_session *s, int64_t person_id, bf_error *err)
{
	enum case_status cs;
	int rc;

	if ((rc = lc_status(s, person_id, &cs, err)) != BF_OK || cs != CASE_REGISTERED)
		return rc;
	return person_set_status(s->db, person_id, case_status_code(CASE_RECOGNISED), NULL, err);
}

/* Recognise a proposed category. */
int
app_category_accept(struct app_session *s, int64_t person_id, const struct category_result *p,
    bf_error *err)
{
	char buf[DATE_ISO_LEN];
	struct rec r;
	int rc;

	if (!p->applies)
		return err_set(err, BF_EINVAL, "不符合认定条件：%s", p->why);
	rec_init(&r, "person_category");
	snprintf(buf, sizeof buf, "%lld", (long long)person_id);
	rec_set(&r, "person_id", buf);
	rec_set(&r, "code", p->code);
	db_today(s->db, buf);
	rec_set(&r, "recognised_on", buf);
	rec_set(&r, "evidence", p->why);
	rec_set(&r, "derived", "1");
	if (p->has_expiry) {
		date_format(p->expires_on, buf);
		rec_set(&r, "expires_on", buf);
	}
	if ((rc = db_begin(s->db, err)) != BF_OK) {
		rec_clear(&r);
		return rc;
	}
	if ((rc = rec_save(s->db, &r, err)) != BF_OK || (rc = lc_recognised(s, person_id, err)) != BF_OK) {
		db_rollback(s->db);
		rec_clear(&r);
		return rc;
	}
	rec_clear(&r);
	return db_commit(s->db, err);
}

/* Has a category run out? */
int
app_category_expired(const char *expires_on, const char *ended_on, const char *today)
{
	return ended_on == NULL && expires_on != NULL && expires_on[0] != '\0' &&
	    strcmp(expires_on, today) < 0;
}

/* End a category. */
int
app_category_end(struct app_session *s, int64_t cat_id, const char *on, const char *reason,
    bf_error *err)
{
	struct rec r;
	int rc;

	if (reason == NULL || reason[0] == '\0')
		return err_set(err, BF_EINVAL, "结束认定必须填写原因");
	rec_init(&r, "person_category");
	if ((rc = rec_load(s->db, "person_category", cat_id, &r, err)) == BF_OK) {
		if (rec_get(&r, "ended_on") != NULL)
			rc = err_set(err, BF_EINVAL, "该类别已于 %s 结束", rec_get(&r, "ended_on"));
		else {
			rec_set(&r, "ended_on", on);
			rec_set(&r, "end_reason", reason);
			rc = rec_save(s->db, &r, err);
		}
	}
	rec_clear(&r);
	return rc;
}
