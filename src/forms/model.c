/*
 * model.c -- the field-type table, and building, finding and freeing the
 * parts of a form set (see model.h).
 */
#include "config.h"

#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "forms/model.h"
#include "util/xalloc.h"

/* Every field type: its YAML name, how it compares, whether it has options. */
static const struct form_type_info form_types[FT_COUNT] = {
	{ "text",        FT_TEXT,        FCMP_TEXT,   0, "文本" },
	{ "long_text",   FT_LONG_TEXT,   FCMP_TEXT,   0, "长文本" },
	{ "integer",     FT_INTEGER,     FCMP_NUMBER, 0, "整数" },
	{ "decimal",     FT_DECIMAL,     FCMP_NUMBER, 0, "小数" },
	{ "money",       FT_MONEY,       FCMP_NUMBER, 0, "金额" },
	{ "date",        FT_DATE,        FCMP_DATE,   0, "日期" },
	{ "boolean",     FT_BOOLEAN,     FCMP_TEXT,   0, "是否" },
	{ "select_one",  FT_SELECT_ONE,  FCMP_TEXT,   1, "单选" },
	{ "select_many", FT_SELECT_MANY, FCMP_TEXT,   1, "多选" },
	{ "id_card",     FT_ID_CARD,     FCMP_TEXT,   0, "公民身份号码" },
	{ "phone",       FT_PHONE,       FCMP_TEXT,   0, "电话号码" },
	{ "org_unit",    FT_ORG_UNIT,    FCMP_TEXT,   0, "行政区划/机构" },
	{ "user",        FT_USER,        FCMP_TEXT,   0, "工作人员" },
	{ "group",       FT_GROUP,       FCMP_TEXT,   0, "可重复子表" },
};

/* The table row for a YAML type name, or NULL. */
const struct form_type_info *
form_type_by_name(const char *name)
{
	size_t i;

	for (i = 0; i < FT_COUNT; i++)
		if (strcmp(form_types[i].name, name) == 0)
			return &form_types[i];
	return NULL;
}

/* The table row for a type. */
const struct form_type_info *
form_type_info(enum form_type t)
{
	return &form_types[t < FT_COUNT ? t : FT_TEXT];
}

/* An empty set. */
struct form_set *
form_set_new(void)
{
	return xcalloc(1, sizeof(struct form_set));
}

/* Keep a copy of a file name for positions to point into; returns it. */
const char *
form_set_intern_file(struct form_set *set, const char *file)
{
	size_t i;

	for (i = 0; i < set->nfiles; i++)
		if (strcmp(set->files[i], file) == 0)
			return set->files[i];
	set->files = xreallocarray(set->files, set->nfiles + 1, sizeof *set->files);
	set->files[set->nfiles] = xstrdup(file);
	return set->files[set->nfiles++];
}

/* Free a condition tree. */
void
form_cond_free(struct form_cond *c)
{
	size_t i;

	if (c == NULL)
		return;
	free(c->field);
	for (i = 0; i < c->nvalues; i++)
		free(c->values[i]);
	free(c->values);
	free(c->value_pos);
	free(c->other);
	for (i = 0; i < c->nkids; i++)
		form_cond_free(c->kids[i]);
	free(c->kids);
	free(c);
}

/* Free an array of n options. */
void
form_options_free(struct form_option *o, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(o[i].code);
		free(o[i].label);
	}
	free(o);
}

/* Free a field, its rules, options and (for a group) its child fields. */
void
form_field_free(struct form_field *fld)
{
	size_t i;

	if (fld == NULL)
		return;
	free(fld->id);
	free(fld->label);
	form_cond_free(fld->required_if);
	form_cond_free(fld->show_if);
	for (i = 0; i < fld->nrules; i++) {
		form_cond_free(fld->rules[i].assert);
		free(fld->rules[i].pattern);
		if (fld->rules[i].compiled != NULL) {
			regfree(fld->rules[i].compiled);
			free(fld->rules[i].compiled);
		}
		free(fld->rules[i].message);
	}
	free(fld->rules);
	free(fld->def);
	free(fld->min);
	free(fld->max);
	form_options_free(fld->options, fld->noptions);
	free(fld->list_name);
	free(fld->help);
	free(fld->mask);
	free(fld->column);
	free(fld->derive);
	for (i = 0; i < fld->naliases; i++)
		free(fld->aliases[i]);
	free(fld->aliases);
	free(fld->table);
	for (i = 0; i < fld->nfields; i++)
		form_field_free(fld->fields[i]);
	free(fld->fields);
	for (i = 0; i < fld->nsummary; i++)
		free(fld->summary[i]);
	free(fld->summary);
	free(fld);
}

/* Free a form with its sections and fields. */
void
form_free(struct form *f)
{
	size_t i;

	if (f == NULL)
		return;
	free(f->name);
	free(f->label);
	free(f->record);
	for (i = 0; i < f->nsections; i++) {
		free(f->sections[i]->id);
		free(f->sections[i]->label);
		form_cond_free(f->sections[i]->show_if);
		free(f->sections[i]);
	}
	free(f->sections);
	for (i = 0; i < f->nfields; i++)
		form_field_free(f->fields[i]);
	free(f->fields);
	free(f);
}

/* Free a code list. */
void
form_list_free(struct form_list *l)
{
	if (l == NULL)
		return;
	free(l->name);
	free(l->label);
	free(l->source);
	form_options_free(l->options, l->noptions);
	free(l);
}

/* Free a whole set. */
void
form_set_free(struct form_set *set)
{
	size_t i;

	if (set == NULL)
		return;
	for (i = 0; i < set->nforms; i++)
		form_free(set->forms[i]);
	free(set->forms);
	for (i = 0; i < set->nlists; i++)
		form_list_free(set->lists[i]);
	free(set->lists);
	for (i = 0; i < set->nfiles; i++)
		free(set->files[i]);
	free(set->files);
	free(set->dir);
	free(set);
}

/* The form called name, or NULL. */
const struct form *
form_set_find(const struct form_set *set, const char *name)
{
	size_t i;

	for (i = 0; i < set->nforms; i++)
		if (set->forms[i]->name != NULL && strcmp(set->forms[i]->name, name) == 0)
			return set->forms[i];
	return NULL;
}

/* The code list called name, or NULL. */
const struct form_list *
form_set_list(const struct form_set *set, const char *name)
{
	size_t i;

	for (i = 0; i < set->nlists; i++)
		if (set->lists[i]->name != NULL && strcmp(set->lists[i]->name, name) == 0)
			return set->lists[i];
	return NULL;
}

/* The field called id in the array v[0..n), or NULL. */
const struct form_field *
form_fields_find(struct form_field *const *v, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i]->id != NULL && strcmp(v[i]->id, id) == 0)
			return v[i];
	return NULL;
}

/* The top-level field called id in form f, or NULL. */
const struct form_field *
form_find_field(const struct form *f, const char *id)
{
	return form_fields_find(f->fields, f->nfields, id);
}

/* Does field f answer to the CSV header h (id, label or alias)? */
static int
form_field_is_header(const struct form_field *f, const char *h)
{
	size_t i;

	if ((f->id != NULL && strcmp(f->id, h) == 0) ||
	    (f->label != NULL && strcmp(f->label, h) == 0))
		return 1;
	for (i = 0; i < f->naliases; i++)
		if (strcmp(f->aliases[i], h) == 0)
			return 1;
	return 0;
}

/* The field of v[0..n) a CSV column header means, or NULL. */
const struct form_field *
form_fields_by_header(struct form_field *const *v, size_t n, const char *header)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (form_field_is_header(v[i], header))
			return v[i];
	return NULL;
}
