/*
 * plan.c -- plans from templates, their status, revisions and progress
 * (see plan.h).  Rows are written with rec_save, so every change is
 * scoped, version-checked and audited like a form save.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/plan.h"
#include "app/session.h"
#include "core/date.h"
#include "store/casework.h"
#include "store/children.h"
#include "store/db.h"
#include "store/record.h"

#define PLAN_MAX_MEASURES 100

/* Plan statuses, their labels, and the one move out of each. */
static const struct {
	const char	*code;
	const char	*label;
	const char	*next;		/* the status the caseworker may move it to, or NULL */
} plan_statuses[] = {
	{ "draft", "草稿", "active" },
	{ "active", "执行中", "completed" },
	{ "completed", "已完成", NULL },
	{ "revised", "已修订", NULL },
};

/* The label of a plan status. */
const char *
app_plan_status_label(const char *code)
{
	size_t i;

	for (i = 0; code != NULL && i < sizeof plan_statuses / sizeof plan_statuses[0]; i++)
		if (strcmp(plan_statuses[i].code, code) == 0)
			return plan_statuses[i].label;
	return code != NULL ? code : "";
}

/* Today from the database clock. */
static bf_date
plan_today(struct app_session *s)
{
	char today[11];
	bf_date d;
	bf_error err;

	db_today(s->db, today);
	if (date_parse(today, &d, &err) != BF_OK)
		memset(&d, 0, sizeof d);
	return d;
}

/* Set column to an id in decimal. */
static void
plan_set_id(struct rec *r, const char *column, int64_t id)
{
	char buf[24];

	snprintf(buf, sizeof buf, "%lld", (long long)id);
	rec_set(r, column, buf);
}

/* Set column to a date, or NULL when months is 0. */
static void
plan_set_date(struct rec *r, const char *column, bf_date base, int months)
{
	char buf[DATE_ISO_LEN];

	if (months <= 0) {
		rec_set(r, column, NULL);
		return;
	}
	date_format(date_add_months(base, months), buf);
	rec_set(r, column, buf);
}

/* Plan and measures from a template, in one transaction. */
int
app_plan_from_template(struct app_session *s, int64_t person_id, const struct plantpl *tpl,
    int64_t *plan_id, bf_error *err)
{
	bf_date today = plan_today(s);
	char buf[DATE_ISO_LEN];
	struct rec p, m;
	int64_t open;
	int i, rc;

	*plan_id = 0;
	if ((rc = db_begin(s->db, err)) != BF_OK)
		return rc;
	rec_init(&p, "plan");
	rec_init(&m, "plan_measure");
	if ((rc = casework_open_plan(s->db, person_id, &open, err)) != BF_OK)
		goto fail;
	if (open != 0) {
		rc = err_set(err, BF_EINVAL, "已有草稿或执行中的帮扶计划，请修订该计划（R）");
		goto fail;
	}
	plan_set_id(&p, "person_id", person_id);
	rec_set(&p, "template", tpl->id);
	rec_set(&p, "status", "draft");
	rec_set(&p, "goal", tpl->goal[0] != '\0' ? tpl->goal : tpl->label);
	date_format(today, buf);
	rec_set(&p, "made_on", buf);
	plan_set_date(&p, "target_on", today, tpl->months);
	rec_set(&p, "responsible", db_actor(s->db)->name);
	if ((rc = rec_save(s->db, &p, err)) != BF_OK)
		goto fail;
	for (i = 0; i < tpl->nm; i++) {
		rec_clear(&m);
		plan_set_id(&m, "plan_id", p.id);
		rec_set(&m, "type", tpl->m[i].type);
		snprintf(buf, sizeof buf, "%d", tpl->m[i].count);
		rec_set(&m, "target_count", buf);
		plan_set_date(&m, "due_on", today, tpl->m[i].due_months);
		plan_set_id(&m, "worker_id", db_actor(s->db)->id);
		if ((rc = rec_save(s->db, &m, err)) != BF_OK)
			goto fail;
	}
	*plan_id = p.id;
	rec_clear(&p);
	rec_clear(&m);
	return db_commit(s->db, err);
fail:
	rec_clear(&p);
	rec_clear(&m);
	db_rollback(s->db);
	return rc;
}

/* Move a plan along draft -> active -> completed. */
int
app_plan_set_status(struct app_session *s, int64_t plan_id, const char *to, bf_error *err)
{
	const char *from;
	struct rec p;
	size_t i;
	int rc;

	rec_init(&p, "plan");
	if ((rc = rec_load(s->db, "plan", plan_id, &p, err)) != BF_OK)
		goto out;
	from = rec_get(&p, "status");
	for (i = 0; i < sizeof plan_statuses / sizeof plan_statuses[0]; i++)
		if (from != NULL && strcmp(plan_statuses[i].code, from) == 0)
			break;
	if (i == sizeof plan_statuses / sizeof plan_statuses[0] || plan_statuses[i].next == NULL ||
	    strcmp(plan_statuses[i].next, to) != 0) {
		rc = err_set(err, BF_EINVAL, "计划状态不能从“%s”变为“%s”",
		    app_plan_status_label(from), app_plan_status_label(to));
		goto out;
	}
	rec_set(&p, "status", to);
	rc = rec_save(s->db, &p, err);
out:
	rec_clear(&p);
	return rc;
}

/* Copy the measures of from into to, moving their services over. */
static int
plan_copy_measures(struct app_session *s, int64_t person_id, int64_t from, int64_t to,
    bf_error *err)
{
	static const char *const cols[] = { "type", "target_count", "due_on", "worker_id", "note" };
	struct children ms;
	struct rec m;
	size_t c;
	int i, rc = BF_OK;

	children_init(&ms);
	if ((rc = children_measures(s->db, person_id, from, PLAN_MAX_MEASURES, &ms, err)) != BF_OK)
		return rc;
	rec_init(&m, "plan_measure");
	for (i = 0; i < ms.n && rc == BF_OK; i++) {
		rec_clear(&m);
		plan_set_id(&m, "plan_id", to);
		for (c = 0; c < sizeof cols / sizeof cols[0]; c++)
			rec_set(&m, cols[c], rec_get(&ms.rows[i], cols[c]));
		if ((rc = rec_save(s->db, &m, err)) == BF_OK)
			rc = casework_move_services(s->db, ms.rows[i].id, m.id, err);
	}
	rec_clear(&m);
	children_free(&ms);
	return rc;
}

/* A new version of a plan. */
int
app_plan_revise(struct app_session *s, int64_t plan_id, int64_t *new_id, bf_error *err)
{
	static const char *const cols[] = { "person_id", "template", "status", "goal", "target_on",
	    "responsible", "approved_by", "approved_on", "extra" };
	struct rec old, nw;
	char buf[DATE_ISO_LEN];
	const char *st;
	int64_t pid;
	size_t c;
	int rc;

	*new_id = 0;
	if ((rc = db_begin(s->db, err)) != BF_OK)
		return rc;
	rec_init(&old, "plan");
	rec_init(&nw, "plan");
	if ((rc = rec_load(s->db, "plan", plan_id, &old, err)) != BF_OK)
		goto fail;
	st = rec_get(&old, "status");
	if (st == NULL || (strcmp(st, "draft") != 0 && strcmp(st, "active") != 0)) {
		rc = err_set(err, BF_EINVAL, "只能修订草稿或执行中的计划（此计划%s）",
		    app_plan_status_label(st));
		goto fail;
	}
	for (c = 0; c < sizeof cols / sizeof cols[0]; c++)
		if (rec_has(&old, cols[c]))
			rec_set(&nw, cols[c], rec_get(&old, cols[c]));
	plan_set_id(&nw, "version_no",
	    atoll(rec_get(&old, "version_no") != NULL ? rec_get(&old, "version_no") : "1") + 1);
	plan_set_id(&nw, "supersedes", plan_id);
	db_today(s->db, buf);
	rec_set(&nw, "made_on", buf);
	pid = atoll(rec_get(&old, "person_id"));
	rec_set(&old, "status", "revised");
	if ((rc = rec_save(s->db, &old, err)) != BF_OK || (rc = rec_save(s->db, &nw, err)) != BF_OK ||
	    (rc = plan_copy_measures(s, pid, plan_id, nw.id, err)) != BF_OK)
		goto fail;
	*new_id = nw.id;
	rec_clear(&old);
	rec_clear(&nw);
	return db_commit(s->db, err);
fail:
	rec_clear(&old);
	rec_clear(&nw);
	db_rollback(s->db);
	return rc;
}

/* Progress of a plan from its measures' delivered counts. */
int
app_plan_progress(struct app_session *s, int64_t person_id, int64_t plan_id,
    struct progress *out, bf_error *err)
{
	struct progress_measure pm[PLAN_MAX_MEASURES];
	struct children ms;
	const char *v;
	bf_error e2;
	int i, rc;

	children_init(&ms);
	if ((rc = children_measures(s->db, person_id, plan_id, PLAN_MAX_MEASURES, &ms, err)) != BF_OK)
		return rc;
	for (i = 0; i < ms.n; i++) {
		memset(&pm[i], 0, sizeof pm[i]);
		pm[i].target = (v = rec_get(&ms.rows[i], "target_count")) != NULL ? atoi(v) : 1;
		pm[i].delivered = (v = rec_get(&ms.rows[i], "delivered")) != NULL ? atoi(v) : 0;
		if ((v = rec_get(&ms.rows[i], "due_on")) != NULL && date_parse(v, &pm[i].due, &e2) == BF_OK)
			pm[i].has_due = 1;
	}
	progress_compute(pm, (size_t)ms.n, plan_today(s), out);
	children_free(&ms);
	return BF_OK;
}
