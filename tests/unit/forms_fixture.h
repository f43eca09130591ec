/*
 * forms_fixture.h -- the unit tests' way to load a form set from the
 * source tree (the real forms/, or a fixture directory), failing the
 * test with the first problem found.
 */
#ifndef BF_TEST_FORMS_FIXTURE_H
#define BF_TEST_FORMS_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>

#include <check.h>

#include "forms/diag.h"
#include "forms/model.h"
#include "forms/path.h"

/* The forms in $top_srcdir/subdir (caller frees with form_set_free). */
static inline struct form_set *
forms_fixture_load(const char *subdir)
{
	struct form_set *set = NULL;
	struct forms_diags d;
	const char *top = getenv("top_srcdir");
	char dir[512];

	snprintf(dir, sizeof dir, "%s/%s", top != NULL ? top : BANGFU_SRCDIR, subdir);
	forms_diags_init(&d);
	if (forms_load_dir(dir, NULL, NULL, &set, &d) > 0)
		ck_abort_msg("%s: %s", dir, d.v[0].msg);
	forms_diags_free(&d);
	return set;
}

#endif
