/*
 * household_flags.c -- the 零就业 flag kept in step with the members (see
 * household_flags.h).  A member's sex and birth date come from the linked
 * person, else from the member's citizen ID; the member is in work when
 * the linked person's case is employed or stable, else when the member's
 * employment state says so.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/household_flags.h"
#include "app/session.h"
#include "core/date.h"
#include "core/idcard.h"
#include "store/casework.h"
#include "store/children.h"
#include "store/db.h"
#include "store/record.h"
#include "util/xalloc.h"

#define HF_MAX_HOUSEHOLDS 8
#define HF_EMPLOYED_STATE "1"	/* list employment_state: 就业 */

/* Case statuses that mean the person is in work. */
static const char *const hf_working[] = { "employed", "stable", NULL };

/* Today from the database clock. */
static bf_date
hf_today(struct app_session *s)
{
	char today[11];
	bf_date d;
	bf_error err;

	db_today(s->db, today);
	if (date_parse(today, &d, &err) != BF_OK)
		memset(&d, 0, sizeof d);
	return d;
}

/* 1 if v is "1". */
static int
hf_flag(const char *v, int dflt)
{
	return v == NULL ? dflt : strcmp(v, "1") == 0;
}

/* One member row as the rule sees it. */
static void
hf_member(const struct rec *r, bf_date today, struct household_member *m)
{
	const char *st = rec_get(r, "p_status"), *cid = rec_get(r, "citizen_id");
	struct idcard id;
	bf_error err;
	int i;

	memset(m, 0, sizeof *m);
	m->name = rec_get(r, "name");
	m->able = hf_flag(rec_get(r, "able"), 1);
	m->willing = hf_flag(rec_get(r, "willing"), 1);
	if (st != NULL) {
		m->sex = atoi(rec_get(r, "p_sex") != NULL ? rec_get(r, "p_sex") : "0");
		if (rec_get(r, "p_birth_date") == NULL ||
		    date_parse(rec_get(r, "p_birth_date"), &m->birth, &err) != BF_OK)
			memset(&m->birth, 0, sizeof m->birth);
		for (i = 0; hf_working[i] != NULL; i++)
			if (strcmp(st, hf_working[i]) == 0)
				m->employed = 1;
	} else {
		if (cid != NULL && idcard_parse(cid, today, &id, &err) == BF_OK) {
			m->sex = id.sex;
			m->birth = id.birth;
		}
		m->employed = rec_get(r, "employment") != NULL &&
		    strcmp(rec_get(r, "employment"), HF_EMPLOYED_STATE) == 0;
	}
}

/* Assess a household today. */
int
app_household_assess(struct app_session *s, int64_t hh, struct household_result *out,
    bf_error *err)
{
	struct household_member *m;
	struct children rows;
	bf_date today = hf_today(s);
	int i, rc;

	children_init(&rows);
	if ((rc = casework_members(s->db, hh, &rows, err)) != BF_OK)
		return rc;
	m = xcalloc((size_t)(rows.n > 0 ? rows.n : 1), sizeof *m);
	for (i = 0; i < rows.n; i++)
		hf_member(&rows.rows[i], today, &m[i]);
	household_assess(m, (size_t)rows.n, today, NULL, out);
	free(m);
	children_free(&rows);
	return BF_OK;
}

/* Open or clear the flag as the assessment says. */
int
app_household_flags_update(struct app_session *s, int64_t hh, int *changed, bf_error *err)
{
	struct household_result res;
	char today[11], buf[24];
	struct rec f;
	int64_t open;
	int rc;

	if (changed != NULL)
		*changed = 0;
	if ((rc = casework_link_members(s->db, hh, err)) != BF_OK ||
	    (rc = app_household_assess(s, hh, &res, err)) != BF_OK ||
	    (rc = casework_open_flag(s->db, hh, HOUSEHOLD_FLAG_ZERO, &open, err)) != BF_OK)
		return rc;
	if ((res.suspected_zero != 0) == (open != 0))
		return BF_OK;
	db_today(s->db, today);
	rec_init(&f, "household_flag");
	if (open == 0) {
		snprintf(buf, sizeof buf, "%lld", (long long)hh);
		rec_set(&f, "household_id", buf);
		rec_set(&f, "flag", HOUSEHOLD_FLAG_ZERO);
		rec_set(&f, "appeared_on", today);
	} else if ((rc = rec_load(s->db, "household_flag", open, &f, err)) == BF_OK)
		rec_set(&f, "cleared_on", today);
	if (rc == BF_OK && (rc = rec_save(s->db, &f, err)) == BF_OK && changed != NULL)
		*changed = open == 0 ? 1 : -1;
	rec_clear(&f);
	return rc;
}

/* Every household of a person. */
int
app_household_flags_person(struct app_session *s, int64_t person_id, bf_error *err)
{
	int64_t ids[HF_MAX_HOUSEHOLDS];
	int i, n, rc;

	if ((rc = casework_households_of(s->db, person_id, ids, HF_MAX_HOUSEHOLDS, &n, err)) != BF_OK)
		return rc;
	for (i = 0; i < n && rc == BF_OK; i++)
		rc = app_household_flags_update(s, ids[i], NULL, err);
	return rc;
}

/* Confirm the open flag. */
int
app_household_confirm(struct app_session *s, int64_t hh, bf_error *err)
{
	char today[11], buf[24];
	struct rec f;
	int64_t open;
	int rc;

	if ((rc = casework_open_flag(s->db, hh, HOUSEHOLD_FLAG_ZERO, &open, err)) != BF_OK)
		return rc;
	if (open == 0)
		return err_set(err, BF_ENOTFOUND, "此家庭没有待确认的零就业标记");
	rec_init(&f, "household_flag");
	if ((rc = rec_load(s->db, "household_flag", open, &f, err)) == BF_OK) {
		db_today(s->db, today);
		snprintf(buf, sizeof buf, "%lld", (long long)db_actor(s->db)->id);
		rec_set(&f, "confirmed_by", buf);
		rec_set(&f, "confirmed_on", today);
		rc = rec_save(s->db, &f, err);
	}
	rec_clear(&f);
	return rc;
}
