/*
 * formset.c -- the form set checked against the schema embedded in the
 * program, so a form naming a column that does not exist is refused with
 * its file and line before anyone types into it.
 */
#include "config.h"

#include <stdio.h>

#include "app/formset.h"
#include "forms/diag.h"
#include "forms/path.h"
#include "store/schema.h"

/* forms_has_column_fn over a loaded schema_info. */
static int
app_has_column(void *ctx, const char *table, const char *column)
{
	return schema_has_column(ctx, table, column);
}

/* Load dir (or the search path) with schema checks. */
static size_t
app_forms_load_with(const char *dir, int exact, struct form_set **out, struct forms_diags *diags)
{
	struct schema_info *si;
	bf_error err;
	size_t n;

	*out = NULL;
	if ((si = schema_info_load(&err)) == NULL) {
		forms_diags_add(diags, "schema.sql", 1, 1, "%s", err.msg);
		return 1;
	}
	n = exact ? forms_load_dir(dir, app_has_column, si, out, diags)
	    : forms_load_default(dir, app_has_column, si, out, diags);
	schema_info_free(si);
	return n;
}

/* The program's form set. */
size_t
app_forms_load(const char *dir, struct form_set **out, struct forms_diags *diags)
{
	return app_forms_load_with(dir, 0, out, diags);
}

/* Exactly dir. */
size_t
app_forms_check_dir(const char *dir, struct form_set **out, struct forms_diags *diags)
{
	return app_forms_load_with(dir, 1, out, diags);
}
