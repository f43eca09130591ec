/*
 * formsave.c -- one form, one transaction: the main row (person, a child
 * row of the person, or the household), then the rows of its groups.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/formrec.h"
#include "app/formsave.h"
#include "app/lifecycle.h"
#include "app/session.h"
#include "forms/model.h"
#include "forms/record.h"
#include "forms/value.h"
#include "store/db.h"
#include "store/casework.h"
#include "store/person.h"
#include "store/record.h"
#include "util/xalloc.h"

/* The value of child in row i of group g. */
static const char *
fs_row_value(const struct form_record *fr, const struct form_field *g, int i, const char *child)
{
	char *key = xasprintf("%s[%d].%s", g->id, i, child);
	const char *v = form_record_get(fr, key);

	free(key);
	return v;
}

/* Insert the rows of group g, each pointing at parent_col = parent_id. */
static int
fs_group(struct app_session *s, const struct form_field *g, const struct form_record *fr,
    const char *parent_col, int64_t parent_id, bf_error *err)
{
	const char *count = form_record_get(fr, g->id);
	char idbuf[32];
	int n = count != NULL ? atoi(count) : 0, i, rc;
	size_t k;
	struct rec r;

	snprintf(idbuf, sizeof idbuf, "%lld", (long long)parent_id);
	for (i = 0; i < n; i++) {
		rec_init(&r, g->table);
		rec_set(&r, parent_col, idbuf);
		for (k = 0; k < g->nfields; k++) {
			const struct form_field *c = g->fields[k];
			const char *v = fs_row_value(fr, g, i, c->id);
			char *name;

			if (c->type == FT_GROUP || (c->column == NULL && c->derive != NULL))
				continue;
			name = c->column != NULL ? xstrdup(c->column) : xasprintf("extra.%s", c->id);
			rec_set(&r, name, form_value_blank(v) ? NULL : v);
			free(name);
		}
		rc = rec_save(s->db, &r, err);
		rec_clear(&r);
		if (rc != BF_OK)
			return err_prefix(err, "%s第 %d 行：", g->label, i + 1);
	}
	return BF_OK;
}

/*
 * The column a group's rows point at their parent by ("plan_id") and the
 * parent's id: the row itself, but the person for the person's own
 * groups (categories).
 */
static int64_t
fs_group_parent(const char *table, int64_t id, int64_t person_id, char col[64])
{
	snprintf(col, 64, "%s_id", table);
	return strcmp(table, "person") == 0 ? person_id : id;
}

/* Every group of f, children of the row (table.id = id). */
static int
fs_groups(struct app_session *s, const struct form *f, const struct form_record *fr,
    const char *table, int64_t id, int64_t person_id, bf_error *err)
{
	char col[64];
	int64_t parent = fs_group_parent(table, id, person_id, col);
	size_t i;
	int rc;

	for (i = 0; i < f->nfields; i++) {
		const struct form_field *g = f->fields[i];

		if (g->type != FT_GROUP || g->table == NULL)
			continue;
		if (!rec_has_column(s->db, g->table, col))
			return err_set(err, BF_EINVAL, "表 %s 没有指向 %s 的列 %s", g->table, table, col);
		if ((rc = fs_group(s, g, fr, col, parent, err)) != BF_OK)
			return rc;
	}
	return BF_OK;
}

/* Rows each group of f already has; see formsave.h. */
int
app_form_group_counts(struct app_session *s, const struct form *f, int64_t record_id,
    int64_t person_id, struct form_record *fr, bf_error *err)
{
	char col[64], num[24], *key;
	int64_t parent = fs_group_parent(f->record, record_id, person_id, col);
	size_t i;
	long n;
	int rc;

	for (i = 0; i < f->nfields; i++) {
		const struct form_field *g = f->fields[i];

		if (g->type != FT_GROUP || g->table == NULL)
			continue;
		if ((rc = rec_count_children(s->db, g->table, col, parent, &n, err)) != BF_OK)
			return rc;
		snprintf(num, sizeof num, "%ld", n);
		key = xasprintf("%s" FORM_GROUP_STORED, g->id);
		form_record_set(fr, key, n > 0 ? num : NULL);
		free(key);
	}
	return BF_OK;
}

/* A form whose record is the person row itself. */
static int
fs_person(struct app_session *s, const struct form *f, const struct form_record *fr,
    struct formsave *fs, bf_error *err)
{
	struct rec r;
	int rc;

	rec_init(&r, "person");
	if (fs->person_id != 0 && (rc = rec_load(s->db, "person", fs->person_id, &r, err)) != BF_OK)
		goto out;
	/* A form edited from a copy read earlier must still be current. */
	if (fs->person_id != 0 && strcmp(f->name, "person") == 0 && fs->version > 0)
		r.version = fs->version;
	app_rec_from_form(f, fr, &r);
	if ((rc = person_save(s->db, &r, &fs->existing, err)) != BF_OK)
		goto out;
	fs->person_id = fs->record_id = r.id;
	fs->version = r.version;
	rc = fs_groups(s, f, fr, "person", r.id, r.id, err);
out:
	rec_clear(&r);
	return rc;
}

/* The household form: the household row, its members, and the person's link to it. */
static int
fs_household(struct app_session *s, const struct form *f, const struct form_record *fr,
    struct formsave *fs, bf_error *err)
{
	struct rec h, p;
	int64_t existing;
	char idbuf[32];
	int rc;

	rec_init(&h, "household");
	rec_init(&p, "person");
	if ((rc = rec_load(s->db, "person", fs->person_id, &p, err)) != BF_OK)
		goto out;
	if (fs->record_id != 0 && (rc = rec_load(s->db, "household", fs->record_id, &h, err)) != BF_OK)
		goto out;
	app_rec_from_form(f, fr, &h);
	if (rec_get(&h, "community_code") == NULL)
		rec_set(&h, "community_code", rec_get(&p, "community_code"));
	if ((rc = rec_save(s->db, &h, err)) != BF_OK ||
	    (rc = fs_groups(s, f, fr, "household", h.id, fs->person_id, err)) != BF_OK)
		goto out;
	snprintf(idbuf, sizeof idbuf, "%lld", (long long)h.id);
	if (rec_get(&p, "household_id") == NULL || strcmp(rec_get(&p, "household_id"), idbuf) != 0) {
		rec_set(&p, "household_id", idbuf);
		if ((rc = person_save(s->db, &p, &existing, err)) != BF_OK)
			goto out;
	}
	fs->record_id = h.id;
	fs->version = h.version;
out:
	rec_clear(&h);
	rec_clear(&p);
	return rc;
}

/* A child row of the person (registration, service, plan ...). */
static int
fs_child(struct app_session *s, const struct form *f, const struct form_record *fr,
    struct formsave *fs, bf_error *err)
{
	struct rec r;
	char idbuf[32];
	int rc;

	rec_init(&r, f->record);
	if (fs->record_id != 0) {
		if ((rc = rec_load(s->db, f->record, fs->record_id, &r, err)) != BF_OK)
			goto out;
		r.version = fs->version;
	}
	snprintf(idbuf, sizeof idbuf, "%lld", (long long)fs->person_id);
	rec_set(&r, "person_id", idbuf);
	app_rec_from_form(f, fr, &r);
	if (rec_has_column(s->db, f->record, "worker_id") && rec_get(&r, "worker_id") == NULL) {
		snprintf(idbuf, sizeof idbuf, "%lld", (long long)db_actor(s->db)->id);
		rec_set(&r, "worker_id", idbuf);
	}
	if ((rc = rec_save(s->db, &r, err)) != BF_OK ||
	    (rc = fs_groups(s, f, fr, f->record, r.id, fs->person_id, err)) != BF_OK)
		goto out;
	fs->record_id = r.id;
	fs->version = r.version;
out:
	rec_clear(&r);
	return rc;
}

/*
 * The plan_measure form: one measure of one of the person's plans, edited
 * or added on its own.  The plan must be the person's and still open
 * (draft or active); completed and revised versions stay as they were.
 */
static int
fs_measure(struct app_session *s, const struct form *f, const struct form_record *fr,
    struct formsave *fs, bf_error *err)
{
	struct rec m, p;
	const char *plan, *st;
	int rc;

	rec_init(&m, "plan_measure");
	rec_init(&p, "plan");
	if (fs->record_id != 0) {
		if ((rc = rec_load(s->db, "plan_measure", fs->record_id, &m, err)) != BF_OK)
			goto out;
		m.version = fs->version;
	}
	app_rec_from_form(f, fr, &m);
	if ((plan = rec_get(&m, "plan_id")) == NULL) {
		rc = err_set(err, BF_EINVAL, "措施没有所属计划");
		goto out;
	}
	if ((rc = rec_load(s->db, "plan", strtoll(plan, NULL, 10), &p, err)) != BF_OK)
		goto out;
	st = rec_get(&p, "status");
	if (strtoll(rec_get(&p, "person_id"), NULL, 10) != fs->person_id) {
		rc = err_set(err, BF_EPERM, "该计划不属于此人");
		goto out;
	}
	if (st == NULL || (strcmp(st, "draft") != 0 && strcmp(st, "active") != 0)) {
		rc = err_set(err, BF_EINVAL, "已完成或已修订的计划不能再改措施");
		goto out;
	}
	if (rec_get(&m, "worker_id") == NULL) {
		char idbuf[24];

		snprintf(idbuf, sizeof idbuf, "%lld", (long long)db_actor(s->db)->id);
		rec_set(&m, "worker_id", idbuf);
	}
	if ((rc = rec_save(s->db, &m, err)) != BF_OK)
		goto out;
	fs->record_id = m.id;
	fs->version = m.version;
out:
	rec_clear(&m);
	rec_clear(&p);
	return rc;
}

/* Member columns that are NOT NULL with a default (有劳动能力, 有就业意愿). */
static const char *const fs_member_defaults[] = { "able", "willing", NULL };

/*
 * The household_member form: one member of the person's household,
 * edited or added on its own (the household must be one the person
 * belongs to).
 */
static int
fs_member(struct app_session *s, const struct form *f, const struct form_record *fr,
    struct formsave *fs, bf_error *err)
{
	int64_t ids[8], hh;
	struct rec m;
	int i, n, rc;

	rec_init(&m, "household_member");
	if (fs->record_id != 0) {
		if ((rc = rec_load(s->db, "household_member", fs->record_id, &m, err)) != BF_OK)
			goto out;
		m.version = fs->version;
	}
	app_rec_from_form(f, fr, &m);
	/* Hidden or blank flags keep the column's default (or the stored value). */
	for (i = 0; fs_member_defaults[i] != NULL; i++)
		if (rec_get(&m, fs_member_defaults[i]) == NULL)
			rec_unset(&m, fs_member_defaults[i]);
	hh = rec_get(&m, "household_id") != NULL ? strtoll(rec_get(&m, "household_id"), NULL, 10) : 0;
	if ((rc = casework_households_of(s->db, fs->person_id, ids, 8, &n, err)) != BF_OK)
		goto out;
	for (i = 0; i < n && ids[i] != hh; i++)
		;
	if (hh == 0 || i == n) {
		rc = err_set(err, BF_EPERM, "该成员不属于此人的家庭");
		goto out;
	}
	if ((rc = rec_save(s->db, &m, err)) != BF_OK)
		goto out;
	fs->record_id = m.id;
	fs->version = m.version;
out:
	rec_clear(&m);
	return rc;
}

/* The case-work rules after the save: for the form's table and its groups' tables. */
static int
fs_after(struct app_session *s, const struct form *f, const struct formsave *fs, bf_error *err)
{
	size_t i;
	int rc;

	if ((rc = app_after_save(s, f->record, fs->record_id, fs->person_id, err)) != BF_OK)
		return rc;
	for (i = 0; i < f->nfields && rc == BF_OK; i++)
		if (f->fields[i]->type == FT_GROUP && f->fields[i]->table != NULL)
			rc = app_after_save(s, f->fields[i]->table, 0, fs->person_id, err);
	return rc;
}

/* Save form f's values in one transaction. */
int
app_form_save(struct app_session *s, const struct form *f, const struct form_record *fr,
    struct formsave *fs, bf_error *err)
{
	int rc;

	fs->existing = 0;
	if ((rc = db_begin(s->db, err)) != BF_OK)
		return rc;
	if (strcmp(f->record, "person") == 0)
		rc = fs_person(s, f, fr, fs, err);
	else if (fs->person_id == 0)
		rc = err_set(err, BF_EINVAL, "请先保存人员基本情况");
	else if (strcmp(f->record, "household") == 0)
		rc = fs_household(s, f, fr, fs, err);
	else if (strcmp(f->record, "plan_measure") == 0)
		rc = fs_measure(s, f, fr, fs, err);
	else if (strcmp(f->record, "household_member") == 0)
		rc = fs_member(s, f, fr, fs, err);
	else if (rec_has_column(s->db, f->record, "person_id"))
		rc = fs_child(s, f, fr, fs, err);
	else
		rc = err_set(err, BF_EINVAL, "表单 %s 的记录类型 %s 不能单独保存", f->name, f->record);
	if (rc == BF_OK)
		rc = fs_after(s, f, fs, err);
	if (rc != BF_OK) {
		db_rollback(s->db);
		return rc;
	}
	return db_commit(s->db, err);
}
