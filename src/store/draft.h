/*
 * draft.h -- unsaved form values kept across a dropped connection: one
 * draft per user, person, form and record (person 0: a new person;
 * record 0: a new row), its values as name/value pairs (struct rec).
 * Drafts are the user's own scratch copies: not audited, never shown to
 * anyone else, deleted once the form is saved or discarded.
 */
#ifndef BF_STORE_DRAFT_H
#define BF_STORE_DRAFT_H

#include <stdint.h>

#include "store/record.h"
#include "util/error.h"

struct db;

/* Replace the acting user's draft for (person_id, form, record_id) with vals. */
int	draft_save(struct db *db, int64_t person_id, const char *form, int64_t record_id,
	    const struct rec *vals, bf_error *err);
/*
 * The acting user's draft for (person_id, form, record_id): its values
 * into vals (caller-initialised, caller clears) and when it was saved;
 * BF_ENOTFOUND when there is none.
 */
int	draft_load(struct db *db, int64_t person_id, const char *form, int64_t record_id,
	    struct rec *vals, char saved_at[20], bf_error *err);
/* Delete that draft (none is fine). */
int	draft_delete(struct db *db, int64_t person_id, const char *form, int64_t record_id,
	    bf_error *err);

#endif
