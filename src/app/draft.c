/*
 * draft.c -- form records to and from the draft table (store/draft.c):
 * every key of the record, group rows included, as it was typed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/draft.h"
#include "app/session.h"
#include "forms/record.h"
#include "store/draft.h"
#include "store/record.h"

/* Key of the version in the stored draft (field ids never start with '_'). */
#define DRAFT_VERSION_KEY "_version"

/* Keep fr as a draft. */
int
app_draft_save(struct app_session *s, const char *form, int64_t person_id, int64_t record_id,
    int64_t version, const struct form_record *fr, bf_error *err)
{
	struct rec r;
	char buf[32];
	size_t i;
	int rc;

	rec_init(&r, "draft");
	snprintf(buf, sizeof buf, "%lld", (long long)version);
	rec_set(&r, DRAFT_VERSION_KEY, buf);
	for (i = 0; i < fr->n; i++)
		rec_set(&r, fr->v[i].id, fr->v[i].value);
	rc = draft_save(s->db, person_id, form, record_id, &r, err);
	rec_clear(&r);
	return rc;
}

/* Read a draft back as a form record. */
int
app_draft_find(struct app_session *s, const char *form, int64_t person_id, int64_t record_id,
    struct form_record **out, int64_t *version, char saved_at[20], bf_error *err)
{
	struct rec r;
	size_t i;
	int rc;

	*out = NULL;
	*version = 0;
	rec_init(&r, "draft");
	if ((rc = draft_load(s->db, person_id, form, record_id, &r, saved_at, err)) == BF_OK) {
		*out = form_record_new();
		for (i = 0; i < r.n; i++)
			if (strcmp(r.f[i].name, DRAFT_VERSION_KEY) == 0)
				*version = r.f[i].value != NULL ? strtoll(r.f[i].value, NULL, 10) : 0;
			else
				form_record_set(*out, r.f[i].name, r.f[i].value);
	}
	rec_clear(&r);
	return rc;
}

/* Forget a draft. */
int
app_draft_discard(struct app_session *s, const char *form, int64_t person_id, int64_t record_id,
    bf_error *err)
{
	return draft_delete(s->db, person_id, form, record_id, err);
}
