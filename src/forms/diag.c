/*
 * diag.c -- growable lists of definition problems (FILE:LINE:COLUMN) and
 * record problems (field, severity, message); see diag.h.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "forms/diag.h"
#include "util/xalloc.h"

/* An empty list that owns nothing. */
void
forms_diags_init(struct forms_diags *d)
{
	d->v = NULL;
	d->n = d->cap = 0;
}

/* Free every entry and the array; d is empty afterwards. */
void
forms_diags_free(struct forms_diags *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	free(d->v);
	forms_diags_init(d);
}

/* Append a problem with a message formatted from fmt. */
static void
forms_diags_vadd(struct forms_diags *d, const char *file, int line, int col,
    const char *fmt, va_list ap)
{
	struct forms_diag *e;
	va_list cp;
	char *msg;
	int len;

	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 8;
		d->v = xreallocarray(d->v, d->cap, sizeof *d->v);
	}
	va_copy(cp, ap);
	len = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	msg = xmalloc(len > 0 ? (size_t)len + 1 : 1);
	msg[0] = '\0';
	if (len > 0)
		vsnprintf(msg, (size_t)len + 1, fmt, ap);
	e = &d->v[d->n++];
	e->file = xstrdup(file != NULL ? file : "");
	e->line = line;
	e->col = col;
	e->msg = msg;
}

/* Append a problem at file:line:col. */
void
forms_diags_add(struct forms_diags *d, const char *file, int line, int col,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	forms_diags_vadd(d, file, line, col, fmt, ap);
	va_end(ap);
}

/* Append a problem at a recorded position. */
void
forms_diags_at(struct forms_diags *d, struct form_pos pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	forms_diags_vadd(d, pos.file, pos.line, pos.col, fmt, ap);
	va_end(ap);
}

/* Position order for forms_diags_sort: file, line, column. */
static int
forms_diag_cmp(const struct forms_diag *x, const struct forms_diag *y)
{
	int c = strcmp(x->file, y->file);

	if (c != 0)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return 0;
}

/* Sort by position; insertion sort keeps ties stable (lists are short). */
void
forms_diags_sort(struct forms_diags *d)
{
	size_t i, j;
	struct forms_diag tmp;

	for (i = 1; i < d->n; i++) {
		tmp = d->v[i];
		for (j = i; j > 0 && forms_diag_cmp(&d->v[j - 1], &tmp) > 0; j--)
			d->v[j] = d->v[j - 1];
		d->v[j] = tmp;
	}
}

/* Print one line per problem: FILE:LINE:COLUMN: message. */
void
forms_diags_print(const struct forms_diags *d, FILE *fp)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		fprintf(fp, "%s:%d:%d: %s\n", d->v[i].file, d->v[i].line,
		    d->v[i].col, d->v[i].msg);
}

/* An empty list that owns nothing. */
void
form_problems_init(struct form_problems *p)
{
	p->v = NULL;
	p->n = p->cap = 0;
}

/* Free every entry and the array; p is empty afterwards. */
void
form_problems_free(struct form_problems *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->n; i++) {
		free(p->v[i].field);
		free(p->v[i].msg);
	}
	free(p->v);
	form_problems_init(p);
}

/* Append a problem about field (copied). */
void
form_problems_add(struct form_problems *p, const char *field,
    enum form_severity sev, const char *msg)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 8;
		p->v = xreallocarray(p->v, p->cap, sizeof *p->v);
	}
	p->v[p->n].field = xstrdup(field != NULL ? field : "");
	p->v[p->n].severity = sev;
	p->v[p->n].msg = xstrdup(msg);
	p->n++;
}

/* How many of the problems are errors (block saving). */
size_t
form_problems_errors(const struct form_problems *p)
{
	size_t i, n = 0;

	for (i = 0; i < p->n; i++)
		if (p->v[i].severity == FSEV_ERROR)
			n++;
	return n;
}
