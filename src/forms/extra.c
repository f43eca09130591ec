/*
 * extra.c -- writing the `extra` JSON object of a record (see extra.h).
 */
#include "config.h"

#include "forms/eval.h"
#include "forms/extra.h"
#include "forms/value.h"
#include "util/json.h"
#include "util/strbuf.h"

/* Is f saved in extra? */
int
form_field_in_extra(const struct form_field *f)
{
	return f->column == NULL && f->type != FT_GROUP && f->derive == NULL;
}

/* The extra JSON object of rec; see extra.h. */
char *
form_extra_json(struct form_field *const *scope, size_t n,
    const struct form_record *rec, bf_date today)
{
	strbuf sb;
	const char *v;
	size_t i;
	int first = 1;

	sb_init(&sb);
	sb_addc(&sb, '{');
	for (i = 0; i < n; i++) {
		if (!form_field_in_extra(scope[i]))
			continue;
		v = form_record_get(rec, scope[i]->id);
		if (form_value_blank(v) || !form_is_visible(scope[i], rec, today))
			continue;
		json_add_key(&sb, &first, scope[i]->id);
		json_add_string(&sb, v);
	}
	sb_addc(&sb, '}');
	return sb_detach(&sb);
}
