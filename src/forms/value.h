/*
 * value.h -- one field's value: normalising what people type or import
 * (full-width digits, date shapes to ISO, +86 phone prefixes, option
 * labels to codes), checking it against the field's type, min and max,
 * and masking it for display.  One table row per field type (value.c).
 */
#ifndef BF_FORMS_VALUE_H
#define BF_FORMS_VALUE_H

#include "core/date.h"
#include "forms/model.h"
#include "util/error.h"

/*
 * Normalise in for field f.  BF_OK and *out (caller frees) holding the
 * stored form ("" for a blank value), or BF_EINVAL with a Chinese message
 * in err (not naming the field; the caller adds the label) and *out NULL.
 * Checks the type, the options, and min/max; today bounds dates.
 */
int	form_value_normalise(const struct form_field *f, const char *in, bf_date today,
	    char **out, bf_error *err);

/* The field's default for a new record ("today" resolved); caller frees; NULL if none. */
char	*form_value_default(const struct form_field *f, bf_date today);

/*
 * The value as displayed: option labels for selects, 是/否 for booleans,
 * and for pii fields masked by f->mask (idcard: first 6 + last 4, phone,
 * last4: only the last 4, name: first character, all).  Caller frees.
 */
char	*form_value_display(const struct form_field *f, const char *value);
/* The same without masking (exports by users allowed to see everything); caller frees. */
char	*form_value_label(const struct form_field *f, const char *value);
/* Mask value by mask name as above (NULL or "none": unchanged); caller frees. */
char	*form_value_mask(const char *mask, const char *value);

/* Parse a number as the engine does ("1,234.5", full-width digits); 1 if it is one. */
int	form_value_number(const char *s, double *out);
/* Parse a date or "today"; 1 if it is one. */
int	form_value_date(const char *s, bf_date today, bf_date *out);
/* 1 for blank (NULL, empty, white space only). */
int	form_value_blank(const char *s);

#endif
