/*
 * extra.h -- the part of a record that has no database column: fields a
 * site added in YAML (no `column:`) are saved in the record's `extra`
 * JSON object, keyed by field id.  Reading it back is the store's (SQLite
 * JSON functions); this only writes it.
 */
#ifndef BF_FORMS_EXTRA_H
#define BF_FORMS_EXTRA_H

#include <stddef.h>

#include "core/date.h"
#include "forms/model.h"
#include "forms/record.h"

/* 1 if f is saved in extra: no column, not a group, not computed (derived without a column). */
int	form_field_in_extra(const struct form_field *f);

/*
 * The JSON object {"id": "value", ...} of the scope's extra fields that
 * are shown and filled in rec, in form order; "{}" if none.  Caller frees.
 */
char	*form_extra_json(struct form_field *const *scope, size_t n,
	    const struct form_record *rec, bf_date today);

#endif
