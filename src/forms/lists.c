/*
 * lists.c -- options of select fields and code lookups (see lists.h).
 */
#include "config.h"

#include <string.h>

#include "forms/lists.h"
#include "util/strbuf.h"

/* Inline options if any, else the resolved list's. */
const struct form_option *
form_field_options(const struct form_field *f, size_t *n)
{
	if (f->noptions > 0) {
		*n = f->noptions;
		return f->options;
	}
	if (f->list != NULL) {
		*n = f->list->noptions;
		return f->list->options;
	}
	*n = 0;
	return NULL;
}

/* The option with this code, retired ones included. */
const struct form_option *
form_option_find(const struct form_field *f, const char *code)
{
	const struct form_option *o;
	size_t i, n;

	o = form_field_options(f, &n);
	for (i = 0; i < n; i++)
		if (strcmp(o[i].code, code) == 0)
			return &o[i];
	return NULL;
}

/* The option with this label (what people type or import), or NULL. */
const struct form_option *
form_option_by_label(const struct form_field *f, const char *label)
{
	const struct form_option *o;
	size_t i, n;

	o = form_field_options(f, &n);
	for (i = 0; i < n; i++)
		if (strcmp(o[i].label, label) == 0)
			return &o[i];
	return NULL;
}

/* The label for code, or code itself when no option has it. */
const char *
form_option_label(const struct form_field *f, const char *code)
{
	const struct form_option *o = form_option_find(f, code);

	return o != NULL ? o->label : code;
}

/* "01,04" -> "登记失业的“4050”人员、零就业家庭人员". */
char *
form_option_labels(const struct form_field *f, const char *codes)
{
	strbuf sb, code;
	const char *p;

	sb_init(&sb);
	sb_init(&code);
	for (p = codes; ; p++) {
		if (*p == ',' || *p == '\0') {
			if (code.len > 0) {
				if (sb.len > 0)
					sb_add(&sb, "、");
				sb_add(&sb, form_option_label(f, sb_str(&code)));
			}
			sb_reset(&code);
			if (*p == '\0')
				break;
		} else
			sb_addc(&code, *p);
	}
	sb_free(&code);
	return sb_detach(&sb);
}
