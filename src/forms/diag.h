/*
 * diag.h -- the two kinds of problem lists the form engine produces.
 *
 * forms_diags: problems in form definitions, each at FILE:LINE:COLUMN,
 * reported by the loader and by forms_check (`bangfu forms check`).
 * form_problems: problems in a record's values, each naming a field, with
 * a severity (an error blocks saving, a warning asks), from the evaluator.
 * Both own their strings; *_free() releases them and accepts NULL.
 */
#ifndef BF_FORMS_DIAG_H
#define BF_FORMS_DIAG_H

#include <stdio.h>
#include <stddef.h>

#include "forms/model.h"

struct forms_diag {
	char	*file;
	int	 line, col;	/* 1-based; columns count characters */
	char	*msg;		/* Chinese */
};

struct forms_diags {
	struct forms_diag *v;
	size_t	 n, cap;
};

void	forms_diags_init(struct forms_diags *d);
void	forms_diags_free(struct forms_diags *d);     /* frees the entries, re-inits */
void	forms_diags_add(struct forms_diags *d, const char *file, int line, int col,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void	forms_diags_at(struct forms_diags *d, struct form_pos pos,
	    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void	forms_diags_sort(struct forms_diags *d);     /* by file, line, column, keeping order of ties */
void	forms_diags_print(const struct forms_diags *d, FILE *fp); /* FILE:LINE:COLUMN: message */

struct form_problem {
	char	*field;		/* field id */
	enum form_severity severity;
	char	*msg;		/* Chinese, names the field */
};

struct form_problems {
	struct form_problem *v;
	size_t	 n, cap;
};

void	form_problems_init(struct form_problems *p);
void	form_problems_free(struct form_problems *p); /* frees the entries, re-inits */
void	form_problems_add(struct form_problems *p, const char *field,
	    enum form_severity sev, const char *msg);
size_t	form_problems_errors(const struct form_problems *p); /* how many are errors */

#endif
