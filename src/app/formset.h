/*
 * formset.h -- loading the form set the program runs with, checked
 * against the real database schema (every `column` must exist).
 */
#ifndef BF_APP_FORMSET_H
#define BF_APP_FORMSET_H

#include <stddef.h>

struct form_set;
struct forms_diags;

/*
 * Load the forms from dir, or from the search path when dir is NULL
 * (forms/path.h).  Returns the number of problems (0: usable); *out is
 * set either way (caller frees with form_set_free).
 */
size_t	app_forms_load(const char *dir, struct form_set **out, struct forms_diags *diags);
/* The same, from exactly dir (for `bangfu forms check DIR`). */
size_t	app_forms_check_dir(const char *dir, struct form_set **out, struct forms_diags *diags);

#endif
