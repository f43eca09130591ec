/*
 * yaml_load.h -- reading one YAML file (a form or a code list) into a
 * form set with libyaml, reporting every problem it can see in that file
 * alone: syntax errors, unknown or duplicate keys, values of the wrong
 * kind.  Problems across files (references, duplicates between files,
 * cycles) are forms_check's (check.h).
 */
#ifndef BF_FORMS_YAML_LOAD_H
#define BF_FORMS_YAML_LOAD_H

#include <stddef.h>

#include "forms/diag.h"
#include "forms/model.h"

/*
 * Parse buf[0..len) as the YAML file called file and add the form or list
 * it defines to set (which owns it).  Problems go to diags.  Returns the
 * number of problems found (0 = clean).  Never fails on any input bytes.
 */
size_t	forms_load_yaml(struct form_set *set, const char *file,
	    const char *buf, size_t len, struct forms_diags *diags);

/* Read the file at path and load it as above; unreadable is a problem too. */
size_t	forms_load_file(struct form_set *set, const char *path, const char *shown,
	    struct forms_diags *diags);

#endif
