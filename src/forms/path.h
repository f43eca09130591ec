/*
 * path.h -- where the form set is read from, and loading all of it.
 *
 * The search path, first existing directory wins:
 *   1. --forms DIR (cli_env.forms_dir)
 *   2. $BANGFU_FORMS (the test suite and the TUI tests set it)
 *   3. $XDG_CONFIG_HOME/bangfu/forms (default ~/.config/bangfu/forms)
 *   4. BANGFU_SYSCONFDIR/bangfu/forms (site copy, e.g. /etc/bangfu/forms)
 *   5. BANGFU_PKGDATADIR/forms (installed with the program)
 *   6. BANGFU_SRCDIR/forms (running from the build tree)
 * A directory holds forms as NAME.yaml and code lists as lists/NAME.yaml.
 */
#ifndef BF_FORMS_PATH_H
#define BF_FORMS_PATH_H

#include <stddef.h>

#include "forms/check.h"
#include "forms/diag.h"
#include "forms/model.h"

/* The first existing directory of the search path; caller frees; NULL if none. */
char	*forms_find_dir(const char *explicit_dir);

/*
 * Load every form and list in dir and check the set (forms_check with
 * has_column).  *out gets the set (caller frees with form_set_free) even
 * when there are problems; all problems go to diags, sorted by file and
 * position, file names shown relative to dir's parent ("forms/person.yaml")
 * when shown_prefix is NULL, else prefixed by it.  Returns the number of
 * problems (0 = the set may be used).
 */
size_t	forms_load_dir(const char *dir, forms_has_column_fn has_column, void *ctx,
	    struct form_set **out, struct forms_diags *diags);

/* forms_find_dir then forms_load_dir; no directory is a problem too. */
size_t	forms_load_default(const char *explicit_dir, forms_has_column_fn has_column,
	    void *ctx, struct form_set **out, struct forms_diags *diags);

#endif
