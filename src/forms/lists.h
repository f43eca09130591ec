/*
 * lists.h -- a select field's options, whether written inline or taken
 * from a code list (options: list:NAME), and looking codes up in them.
 * Retired codes (disabled: true) are still found, so old records display.
 */
#ifndef BF_FORMS_LISTS_H
#define BF_FORMS_LISTS_H

#include <stddef.h>

#include "forms/model.h"

/* The field's options (borrowed; inline or its list's), *n set; NULL/0 if none or the list is unresolved. */
const struct form_option *form_field_options(const struct form_field *f, size_t *n);
/* The option with code (borrowed), or NULL. */
const struct form_option *form_option_find(const struct form_field *f, const char *code);
/* The option whose label is label (borrowed), or NULL. */
const struct form_option *form_option_by_label(const struct form_field *f, const char *label);
/* The label shown for code: the option's label, or code itself if unknown (borrowed). */
const char *form_option_label(const struct form_field *f, const char *code);
/* Labels of a select_many value "01,04" joined by "、"; caller frees. */
char	*form_option_labels(const struct form_field *f, const char *codes);

#endif
