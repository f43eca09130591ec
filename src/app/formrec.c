/*
 * formrec.c -- form values to stored rows and back, and saving the person
 * form through store/person.c.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/formrec.h"
#include "app/session.h"
#include "forms/model.h"
#include "forms/record.h"
#include "forms/value.h"
#include "store/person.h"
#include "store/record.h"
#include "util/xalloc.h"

/* The rec field name for form field f ("column" or "extra.ID"); caller frees; NULL if not stored. */
static char *
app_rec_name(const struct form_field *f)
{
	if (f->type == FT_GROUP)
		return NULL;
	if (f->column != NULL)
		return xstrdup(f->column);
	if (f->derive != NULL)
		return NULL;
	return xasprintf("extra.%s", f->id);
}

/* Form values into a row. */
void
app_rec_from_form(const struct form *f, const struct form_record *fr, struct rec *r)
{
	const char *v;
	char *name;
	size_t i;

	for (i = 0; i < f->nfields; i++) {
		if ((name = app_rec_name(f->fields[i])) == NULL)
			continue;
		v = form_record_get(fr, f->fields[i]->id);
		rec_set(r, name, form_value_blank(v) ? NULL : v);
		free(name);
	}
}

/* Row values into the form. */
void
app_form_from_rec(const struct form *f, const struct rec *r, struct form_record *fr)
{
	const char *v;
	char *name;
	size_t i;

	for (i = 0; i < f->nfields; i++) {
		if ((name = app_rec_name(f->fields[i])) == NULL)
			continue;
		v = rec_get(r, name);
		if (v != NULL)
			form_record_set(fr, f->fields[i]->id, v);
		free(name);
	}
}

/* The person form of the session, or an error. */
static const struct form *
app_person_form(struct app_session *s, bf_error *err)
{
	const struct form *f = s->forms != NULL ? form_set_find(s->forms, "person") : NULL;

	if (f == NULL)
		err_set(err, BF_EINVAL, "表单定义中没有人员表单（person.yaml）");
	return f;
}

/* Save the person form. */
int
app_person_save(struct app_session *s, const struct form_record *fr, int64_t *id,
    int64_t *version, int64_t *existing, bf_error *err)
{
	const struct form *f = app_person_form(s, err);
	struct rec r;
	int rc;

	*existing = 0;
	if (f == NULL)
		return err->code;
	rec_init(&r, "person");
	if (*id != 0 && (rc = rec_load(s->db, "person", *id, &r, err)) != BF_OK) {
		rec_clear(&r);
		return rc;
	}
	if (*id != 0)
		r.version = *version;
	app_rec_from_form(f, fr, &r);
	rc = person_save(s->db, &r, existing, err);
	if (rc == BF_OK) {
		*id = r.id;
		*version = r.version;
	}
	rec_clear(&r);
	return rc;
}

/* Load a person into the person form's fields. */
int
app_person_load(struct app_session *s, int64_t id, struct form_record **out,
    int64_t *version, bf_error *err)
{
	const struct form *f = app_person_form(s, err);
	struct rec r;
	int rc;

	*out = NULL;
	if (f == NULL)
		return err->code;
	rec_init(&r, "person");
	if ((rc = rec_load(s->db, "person", id, &r, err)) != BF_OK) {
		rec_clear(&r);
		return rc;
	}
	*out = form_record_new();
	app_form_from_rec(f, &r, *out);
	*version = r.version;
	rec_clear(&r);
	return BF_OK;
}
