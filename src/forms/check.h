/*
 * check.h -- checking a loaded form set as a whole (`bangfu forms check`,
 * and at start-up): references to fields and code lists resolved (and
 * reported when they do not exist), duplicate ids and codes, cyclic
 * conditions, required fields that can never be shown, condition literals
 * of the wrong type, and columns that are not in the database schema.
 */
#ifndef BF_FORMS_CHECK_H
#define BF_FORMS_CHECK_H

#include <stddef.h>

#include "forms/diag.h"
#include "forms/model.h"

/* Does table have column?  Supplied by the caller (the store layer knows the schema). */
typedef int (*forms_has_column_fn)(void *ctx, const char *table, const char *column);

/*
 * Resolve the set's references and add every problem to diags; returns
 * the number added.  has_column NULL skips the schema check.  After a
 * clean check every condition's ref and every select field's options are
 * set, which the evaluator relies on.
 */
size_t	forms_check(struct form_set *set, forms_has_column_fn has_column, void *ctx,
	    struct forms_diags *diags);

#endif
