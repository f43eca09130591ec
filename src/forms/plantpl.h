/*
 * plantpl.h -- plan templates (帮扶计划模板): data, not code.  Each
 * template is a YAML file in the forms directory's plans/ folder
 * (forms/plans/NAME.yaml) naming a goal, how many months the plan runs
 * and its measures (type from list measure_type, planned count, due
 * months after the plan is made), e.g. the 1-3-1-1 graduate package.
 */
#ifndef BF_FORMS_PLANTPL_H
#define BF_FORMS_PLANTPL_H

#include <stddef.h>

#include "util/error.h"

#define PLANTPL_MAX_MEASURES	16
#define PLANTPL_MAX		32

struct plantpl_measure {
	char	type[8];	/* measure_type code, "03" */
	int	count;		/* target_count */
	int	due_months;	/* due this many months after made_on (0: no due date) */
};

struct plantpl {
	char	id[32];		/* the file's `template:`, stored in plan.template */
	char	label[96];	/* 困难毕业生“1-3-1-1”帮扶 */
	char	goal[256];	/* plan.goal */
	int	months;		/* target_on = made_on + months (0: none) */
	int	order;		/* menu order */
	struct plantpl_measure m[PLANTPL_MAX_MEASURES];
	int	nm;
};

/* Parse one template file into *out; BF_OK or BF_EINVAL with "FILE:LINE: why". */
int	plantpl_load_file(const char *path, struct plantpl *out, bf_error *err);
/*
 * Every NAME.yaml in the plans folder of forms_dir (NULL: the forms search path), sorted
 * by order then id, into out (up to max); *n gets how many.  A missing
 * folder is not an error (n = 0); a bad file is.
 */
int	plantpl_load_all(const char *forms_dir, struct plantpl *out, int max, int *n, bf_error *err);

#endif
