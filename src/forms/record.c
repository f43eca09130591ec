/*
 * record.c -- field id -> value maps (see record.h).  Forms have tens of
 * fields, so a linear search keeps the order values were set in; each
 * entry keeps a hash of its id, so the search compares integers (an
 * importer looks up every field of every row, most of them unset).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "forms/record.h"
#include "util/hash.h"
#include "util/xalloc.h"

/* An empty record. */
struct form_record *
form_record_new(void)
{
	return xcalloc(1, sizeof(struct form_record));
}

/* Free a record and its strings. */
void
form_record_free(struct form_record *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++) {
		free(r->v[i].id);
		free(r->v[i].value);
	}
	free(r->v);
	free(r);
}

/* The index of id in r, or r->n. */
static size_t
form_record_find(const struct form_record *r, const char *id, uint32_t h)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (r->v[i].hash == h && strcmp(r->v[i].id, id) == 0)
			break;
	return i;
}

/* Set (or with value NULL, remove) the value of id. */
void
form_record_set(struct form_record *r, const char *id, const char *value)
{
	uint32_t h = hash_str(id);
	size_t i = form_record_find(r, id, h);

	if (i < r->n) {
		free(r->v[i].value);
		if (value != NULL) {
			r->v[i].value = xstrdup(value);
			return;
		}
		free(r->v[i].id);
		memmove(&r->v[i], &r->v[i + 1], (r->n - i - 1) * sizeof *r->v);
		r->n--;
		return;
	}
	if (value == NULL)
		return;
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->v = xreallocarray(r->v, r->cap, sizeof *r->v);
	}
	r->v[r->n].id = xstrdup(id);
	r->v[r->n].value = xstrdup(value);
	r->v[r->n].hash = h;
	r->n++;
}

/* The value of id, or NULL. */
const char *
form_record_get(const struct form_record *r, const char *id)
{
	size_t i = form_record_find(r, id, hash_str(id));

	return i < r->n ? r->v[i].value : NULL;
}
