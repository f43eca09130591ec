/*
 * person_fields.c -- labels and display values for the person file:
 * finding the form field that describes a stored column, and laying a
 * record out field by field for the read-only tabs and detail views.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/privacy.h"
#include "core/date.h"
#include "forms/value.h"
#include "store/db.h"
#include "store/orgunit.h"
#include "tui/person_fields.h"
#include "tui/theme.h"
#include "util/xalloc.h"

#define PF_EXTRA "extra."

/* Columns never shown: book-keeping, keys and derived search columns. */
static const char *const pfield_hidden[] = {
	"id", "version", "created_at", "updated_at", "person_id", "household_id", "plan_id",
	"id_rev", "name_py", "name_pinyin", "name_chars", "extra", NULL
};

/* The Chinese names of the tables a person's file is made of. */
static const struct {
	const char	*table;
	const char	*label;
} pfield_tables[] = {
	{ "person", "基本信息" },
	{ "household", "家庭" },
	{ "household_member", "家庭成员" },
	{ "person_category", "就业困难认定" },
	{ "registration", "失业登记" },
	{ "plan", "帮扶计划" },
	{ "plan_measure", "帮扶措施" },
	{ "service", "服务记录" },
	{ "followup", "回访" },
	{ "employment", "就业情况" },
	{ "case_event", "个案状态" },
	{ "transfer", "转移" },
};

/* The Chinese name of a table. */
const char *
pfield_table_label(const char *table)
{
	size_t i;

	for (i = 0; i < sizeof pfield_tables / sizeof pfield_tables[0]; i++)
		if (strcmp(pfield_tables[i].table, table) == 0)
			return pfield_tables[i].label;
	return table;
}

/* 1 if column is one of the hidden ones. */
static int
pfield_is_hidden(const char *column)
{
	int i;

	for (i = 0; pfield_hidden[i] != NULL; i++)
		if (strcmp(pfield_hidden[i], column) == 0)
			return 1;
	return 0;
}

/* Does field fld store column ("extra.KEY": a field without a column, id KEY)? */
static int
pfield_matches(const struct form_field *fld, const char *column)
{
	if (fld->type == FT_GROUP)
		return 0;
	if (strncmp(column, PF_EXTRA, strlen(PF_EXTRA)) == 0)
		return fld->column == NULL && strcmp(fld->id, column + strlen(PF_EXTRA)) == 0;
	return fld->column != NULL && strcmp(fld->column, column) == 0;
}

/* The field of v storing column, or NULL. */
static const struct form_field *
pfield_scan(struct form_field *const *v, size_t n, const char *column)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (pfield_matches(v[i], column))
			return v[i];
	return NULL;
}

/* The group field of f whose child table is table, or NULL. */
static const struct form_field *
pfield_group(const struct form *f, const char *table)
{
	size_t i;

	for (i = 0; i < f->nfields; i++)
		if (f->fields[i]->type == FT_GROUP && f->fields[i]->table != NULL &&
		    strcmp(f->fields[i]->table, table) == 0)
			return f->fields[i];
	return NULL;
}

/*
 * The fields that describe rows of table, in display order: form's own
 * fields when it saves to table, its group of that table, or the first
 * form saving to table, or the first group of table.  *is_form says
 * whether they are a form's top level (with sections).
 */
static struct form_field *const *
pfield_fieldset(const struct form_set *set, const char *form, const char *table, size_t *n,
    int *is_form)
{
	const struct form *f = set != NULL && form != NULL ? form_set_find(set, form) : NULL;
	const struct form_field *g;
	size_t i;

	*n = 0;
	*is_form = 0;
	if (set == NULL)
		return NULL;
	if (f != NULL && f->record != NULL && strcmp(f->record, table) == 0) {
		*n = f->nfields;
		*is_form = 1;
		return f->fields;
	}
	if (f != NULL && (g = pfield_group(f, table)) != NULL) {
		*n = g->nfields;
		return g->fields;
	}
	for (i = 0; i < set->nforms; i++)
		if (set->forms[i]->record != NULL && strcmp(set->forms[i]->record, table) == 0) {
			*n = set->forms[i]->nfields;
			*is_form = 1;
			return set->forms[i]->fields;
		}
	for (i = 0; i < set->nforms; i++)
		if ((g = pfield_group(set->forms[i], table)) != NULL) {
			*n = g->nfields;
			return g->fields;
		}
	return NULL;
}

/* The field describing column of table (see person_fields.h). */
const struct form_field *
pfield_find(const struct form_set *set, const char *form, const char *table, const char *column)
{
	const struct form *f;
	const struct form_field *fld, *g;
	size_t i;

	if (set == NULL)
		return NULL;
	f = form != NULL ? form_set_find(set, form) : NULL;
	if (f != NULL && f->record != NULL && strcmp(f->record, table) == 0 &&
	    (fld = pfield_scan(f->fields, f->nfields, column)) != NULL)
		return fld;
	if (f != NULL && (g = pfield_group(f, table)) != NULL &&
	    (fld = pfield_scan(g->fields, g->nfields, column)) != NULL)
		return fld;
	for (i = 0; i < set->nforms; i++) {
		f = set->forms[i];
		if (f->record != NULL && strcmp(f->record, table) == 0 &&
		    (fld = pfield_scan(f->fields, f->nfields, column)) != NULL)
			return fld;
	}
	for (i = 0; i < set->nforms; i++)
		if ((g = pfield_group(set->forms[i], table)) != NULL &&
		    (fld = pfield_scan(g->fields, g->nfields, column)) != NULL)
			return fld;
	return NULL;
}

/* The field's label, else the column name without "extra.". */
const char *
pfield_label(const struct form_set *set, const char *form, const char *table, const char *column)
{
	const struct form_field *f = pfield_find(set, form, table, column);

	if (f != NULL && f->label != NULL)
		return f->label;
	if (strncmp(column, PF_EXTRA, strlen(PF_EXTRA)) == 0)
		return column + strlen(PF_EXTRA);
	return column;
}

/* A value as shown (see person_fields.h). */
char *
pfield_display(struct db *db, const struct form_field *f, const char *value)
{
	struct org_unit ou;
	bf_error err;

	if (value == NULL)
		return xstrdup("");
	if (f == NULL)
		return xstrdup(value);
	if (f->type == FT_ORG_UNIT && !f->pii && value[0] != '\0' && db != NULL &&
	    orgunit_get(db, value, &ou, &err) == BF_OK)
		return xstrdup(ou.name);
	if (f->pii && db != NULL)
		return privacy_display(db_actor(db)->role, f, value, 0);
	return form_value_display(f, value);
}

/* Age in full years, or -1. */
int
pfield_age(const char *birth, const char *today)
{
	bf_date b, t;
	bf_error err;

	if (birth == NULL || today == NULL || date_parse(birth, &b, &err) != BF_OK ||
	    date_parse(today, &t, &err) != BF_OK || date_cmp(b, t) > 0)
		return -1;
	return date_age(b, t);
}

/* The stored value of fld in r: its column, or its extra key. */
static const char *
pfield_value(const struct form_field *fld, const struct rec *r)
{
	char name[128];

	if (fld->column != NULL)
		return rec_get(r, fld->column);
	snprintf(name, sizeof name, PF_EXTRA "%s", fld->id);
	return rec_get(r, name);
}

/* A derived age field (no column, derive "X.age") computed from r's birth date. */
static int
pfield_is_age(const struct form_field *fld)
{
	size_t n;

	if (fld->column != NULL || fld->derive == NULL)
		return 0;
	n = strlen(fld->derive);
	return n > 4 && strcmp(fld->derive + n - 4, ".age") == 0;
}

/* Add one "label：value" line for fld. */
static void
pfield_add(struct textview *tv, struct db *db, const struct form_field *fld, const char *value)
{
	char *shown = pfield_display(db, fld, value);

	textview_add_field(tv, fld->label != NULL ? fld->label : fld->id, shown);
	free(shown);
}

/* Lay r out field by field (see person_fields.h). */
void
pfield_rec_view(struct textview *tv, struct db *db, const struct form_set *set,
    const char *form, const struct rec *r, const char *today, int sections)
{
	struct form_field *const *v;
	const struct form_section *sec = NULL;
	const struct form_field *fld;
	const char *value;
	size_t n, i;
	int is_form, age, other = 0;
	char buf[16];
	char *shown;

	v = pfield_fieldset(set, form, r->table, &n, &is_form);
	for (i = 0; i < n; i++) {
		fld = v[i];
		if (fld->type == FT_GROUP)
			continue;
		if (pfield_is_age(fld)) {
			age = pfield_age(rec_get(r, "birth_date"), today);
			snprintf(buf, sizeof buf, "%d", age);
			value = age >= 0 ? buf : NULL;
		} else {
			value = pfield_value(fld, r);
		}
		if ((value == NULL || value[0] == '\0') && fld->show_if != NULL)
			continue;
		if (sections && is_form && fld->section != NULL && fld->section != sec) {
			sec = fld->section;
			if (sec->label != NULL)
				textview_add_styled(tv, sec->label, ROLE_HEADER);
		}
		pfield_add(tv, db, fld, value);
	}
	/* Whatever the form does not list: site fields of other forms, or every column. */
	for (i = 0; i < r->n; i++) {
		const char *name = r->f[i].name;
		int extra = strncmp(name, PF_EXTRA, strlen(PF_EXTRA)) == 0;

		if (pfield_is_hidden(name) || (v != NULL && !extra) ||
		    (v != NULL && pfield_scan(v, n, name) != NULL))
			continue;
		if (v != NULL && r->f[i].value == NULL)
			continue;
		if (sections && v != NULL && !other++)
			textview_add_styled(tv, "其他", ROLE_HEADER);
		fld = pfield_find(set, form, r->table, name);
		shown = pfield_display(db, fld, r->f[i].value);
		textview_add_field(tv, pfield_label(set, form, r->table, name), shown);
		free(shown);
	}
}
