/*
 * condition.c -- evaluating condition trees with typed comparisons (see
 * condition.h).
 */
#include "config.h"

#include <string.h>

#include "forms/condition.h"
#include "forms/value.h"

static const char *const cond_names[] = {
	[COND_EQ] = "eq", [COND_NE] = "ne", [COND_IN] = "in", [COND_GT] = "gt",
	[COND_GE] = "ge", [COND_LT] = "lt", [COND_LE] = "le", [COND_SET] = "set",
	[COND_AND] = "and", [COND_OR] = "or", [COND_NOT] = "not",
};

/* The operator's YAML name. */
const char *
cond_op_name(enum cond_op op)
{
	return cond_names[op];
}

/* A boolean literal as stored ("true", "是" -> "1"); other text unchanged. */
static const char *
cond_bool_literal(const char *s)
{
	static const char *const yes[] = { "true", "yes", "是", "1", NULL };
	static const char *const no[] = { "false", "no", "否", "0", NULL };
	size_t i;

	for (i = 0; yes[i] != NULL; i++)
		if (strcmp(s, yes[i]) == 0)
			return "1";
	for (i = 0; no[i] != NULL; i++)
		if (strcmp(s, no[i]) == 0)
			return "0";
	return s;
}

/* Does the comma-separated list have code as an item? */
static int
cond_has_item(const char *list, const char *code)
{
	size_t n = strlen(code);
	const char *p = list;

	while (*p != '\0') {
		const char *end = strchr(p, ',');
		size_t len = end != NULL ? (size_t)(end - p) : strlen(p);

		if (len == n && strncmp(p, code, n) == 0)
			return 1;
		if (end == NULL)
			break;
		p = end + 1;
	}
	return 0;
}

/*
 * Compare left (non-empty) with right by the field's type: <0, 0, >0, or
 * 2 when they cannot be ordered (not numbers or dates).
 */
static int
cond_compare(const struct form_field *f, const char *left, const char *right, bf_date today)
{
	enum form_cmp kind = f != NULL ? form_type_info(f->type)->cmp : FCMP_TEXT;
	double a, b;
	bf_date x, y;
	int c;

	switch (kind) {
	case FCMP_NUMBER:
		if (!form_value_number(left, &a) || !form_value_number(right, &b))
			return 2;
		return a < b ? -1 : a > b;
	case FCMP_DATE:
		if (!form_value_date(left, today, &x) || !form_value_date(right, today, &y))
			return 2;
		c = date_cmp(x, y);
		return c < 0 ? -1 : c > 0;
	default:
		c = strcmp(left, right);
		return c < 0 ? -1 : c > 0;
	}
}

/* Is left equal to right for field f (select_many: contains)? */
static int
cond_equal(const struct form_field *f, const char *left, const char *right, bf_date today)
{
	if (f != NULL && f->type == FT_BOOLEAN)
		return strcmp(cond_bool_literal(left), cond_bool_literal(right)) == 0;
	if (f != NULL && f->type == FT_SELECT_MANY)
		return cond_has_item(left, right);
	if (left[0] == '\0' || right[0] == '\0')
		return strcmp(left, right) == 0;
	return cond_compare(f, left, right, today) == 0;
}

/* A comparison node. */
static int
cond_eval_cmp(const struct form_cond *c, cond_value_fn value, void *ctx, bf_date today)
{
	const char *left = value(ctx, c->ref, c->field);
	const char *right;
	size_t i;
	int r;

	if (left == NULL)
		left = "";
	if (c->op == COND_SET)
		return (left[0] != '\0') == (c->set_want != 0);
	if (c->op == COND_IN) {
		for (i = 0; i < c->nvalues; i++)
			if (cond_equal(c->ref, left, c->values[i], today))
				return 1;
		return 0;
	}
	if (c->other != NULL)
		right = value(ctx, c->other_ref, c->other);
	else
		right = c->nvalues > 0 ? c->values[0] : "";
	if (right == NULL)
		right = "";
	if (c->op == COND_EQ)
		return cond_equal(c->ref, left, right, today);
	if (c->op == COND_NE)
		return !cond_equal(c->ref, left, right, today);
	if (left[0] == '\0' || right[0] == '\0')
		return 0;
	r = cond_compare(c->ref, left, right, today);
	if (r == 2)
		return 0;
	switch (c->op) {
	case COND_GT:
		return r > 0;
	case COND_GE:
		return r >= 0;
	case COND_LT:
		return r < 0;
	default:
		return r <= 0;
	}
}

/* 1 if c holds; see condition.h. */
int
cond_eval(const struct form_cond *c, cond_value_fn value, void *ctx, bf_date today)
{
	size_t i;

	if (c == NULL)
		return 1;
	switch (c->op) {
	case COND_AND:
		for (i = 0; i < c->nkids; i++)
			if (!cond_eval(c->kids[i], value, ctx, today))
				return 0;
		return 1;
	case COND_OR:
		for (i = 0; i < c->nkids; i++)
			if (cond_eval(c->kids[i], value, ctx, today))
				return 1;
		return 0;
	case COND_NOT:
		return c->nkids == 0 || !cond_eval(c->kids[0], value, ctx, today);
	default:
		return cond_eval_cmp(c, value, ctx, today);
	}
}
