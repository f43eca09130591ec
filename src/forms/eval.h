/*
 * eval.h -- the one evaluator that decides, for any record, which fields
 * are shown, which are required, and what is wrong with the values.  The
 * TUI calls it on leaving a field and on saving, the importer on every
 * row, the exporter to know what to write.  A hidden field is never
 * required and its value counts as empty in other fields' conditions.
 *
 * A scope is the array of fields values are looked up in: a form's
 * top-level fields (form->fields), or a group's child fields for one row.
 * today is a parameter: nothing here reads the clock.
 */
#ifndef BF_FORMS_EVAL_H
#define BF_FORMS_EVAL_H

#include <stddef.h>

#include "core/date.h"
#include "forms/diag.h"
#include "forms/model.h"
#include "forms/record.h"

int	form_is_visible(const struct form_field *f, const struct form_record *rec, bf_date today);
int	form_is_required(const struct form_field *f, const struct form_record *rec, bf_date today);

/* Validate one field ("on leaving a field"); problems appended to out; returns the number of errors added. */
size_t	form_validate_field(const struct form_field *f, const struct form_record *rec,
	    bf_date today, struct form_problems *out);
/* Validate every top-level field of form (not group rows); returns the number of errors. */
size_t	form_validate_record(const struct form *form, const struct form_record *rec,
	    bf_date today, struct form_problems *out);
/* Validate one row of a group field; returns the number of errors. */
size_t	form_validate_row(const struct form_field *group, const struct form_record *row,
	    bf_date today, struct form_problems *out);

/*
 * Replace every value in rec by its normalised form (form_value_normalise);
 * values that do not normalise are left as they are (validation reports
 * them).  Then fill derived fields (derive: citizen_id.sex ...).
 */
void	form_record_normalise(struct form_field *const *scope, size_t n,
	    struct form_record *rec, bf_date today);
/* The value derived for f (derive: SRC.sex|birth_date|age) from rec; caller frees; NULL if none. */
char	*form_derive_value(const struct form_field *f, const struct form_record *rec, bf_date today);
/* Set defaults of fields rec has no value for (a new record). */
void	form_record_defaults(struct form_field *const *scope, size_t n,
	    struct form_record *rec, bf_date today);

#endif
