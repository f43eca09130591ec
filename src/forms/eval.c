/*
 * eval.c -- visibility, requiredness, validation and derived values for
 * a record (see eval.h).
 */
#include "config.h"

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/idcard.h"
#include "forms/condition.h"
#include "forms/eval.h"
#include "forms/lists.h"
#include "forms/value.h"
#include "util/xalloc.h"

#define EVAL_DEPTH 64	/* guards against cycles in unchecked definitions */

struct eval_ctx {
	const struct form_record *rec;
	bf_date		 today;
	int		 depth;
};

static int eval_visible(const struct form_field *f, struct eval_ctx *ctx);

/* cond_value_fn: the record's value, or "" if the field is hidden. */
static const char *
eval_value(void *vctx, const struct form_field *f, const char *id)
{
	struct eval_ctx *ctx = vctx;

	if (f != NULL && !eval_visible(f, ctx))
		return "";
	return form_record_get(ctx->rec, id);
}

/* Is f shown: its section's show_if and its own hold. */
static int
eval_visible(const struct form_field *f, struct eval_ctx *ctx)
{
	int shown;

	if (ctx->depth > EVAL_DEPTH)
		return 1;
	ctx->depth++;
	shown = (f->section == NULL ||
	    cond_eval(f->section->show_if, eval_value, ctx, ctx->today)) &&
	    cond_eval(f->show_if, eval_value, ctx, ctx->today);
	ctx->depth--;
	return shown;
}

/* Is field f shown for record rec? */
int
form_is_visible(const struct form_field *f, const struct form_record *rec, bf_date today)
{
	struct eval_ctx ctx = { rec, today, 0 };

	return eval_visible(f, &ctx);
}

/* Is field f required for record rec (shown, and required or required_if holds)? */
int
form_is_required(const struct form_field *f, const struct form_record *rec, bf_date today)
{
	struct eval_ctx ctx = { rec, today, 0 };

	if (!eval_visible(f, &ctx))
		return 0;
	if (f->required)
		return 1;
	return f->required_if != NULL && cond_eval(f->required_if, eval_value, &ctx, today);
}

/* Add a problem "LABEL：msg" (msg alone if it already starts with the label). */
static void
eval_problem(struct form_problems *out, const struct form_field *f,
    enum form_severity sev, const char *msg)
{
	char buf[BF_ERROR_MSG_MAX + 256];

	if (strncmp(msg, f->label, strlen(f->label)) == 0)
		snprintf(buf, sizeof buf, "%s", msg);
	else
		snprintf(buf, sizeof buf, "%s：%s", f->label, msg);
	form_problems_add(out, f->id, sev, buf);
}

/*
 * Does value match the whole of the rule's pattern?  The pattern compiled
 * by forms_check is used when there is one.
 */
static int
eval_pattern(const struct form_rule *r, const char *value)
{
	const char *pattern = r->pattern;
	char *anchored;
	regex_t re;
	int ok;

	if (r->compiled != NULL)
		return regexec(r->compiled, value, 0, NULL, 0) == 0;
	anchored = xasprintf("^(%s)$", pattern);
	if (regcomp(&re, anchored, REG_EXTENDED | REG_NOSUB) != 0) {
		free(anchored);
		return 1;	/* forms_check reports bad patterns */
	}
	ok = regexec(&re, value, 0, NULL, 0) == 0;
	regfree(&re);
	free(anchored);
	return ok;
}

/* Warn about retired codes in a select value. */
static void
eval_disabled(const struct form_field *f, const char *value, struct form_problems *out)
{
	const struct form_option *o;
	char *copy, *p, *code, msg[512];

	copy = xstrdup(value);
	for (p = copy; (code = strsep(&p, ",")) != NULL; ) {
		if ((o = form_option_find(f, code)) != NULL && o->disabled) {
			snprintf(msg, sizeof msg, "选项“%s %s”已停用，请改选其他选项", o->code, o->label);
			eval_problem(out, f, FSEV_WARNING, msg);
		}
	}
	free(copy);
}

/* Validate one field; see eval.h. */
size_t
form_validate_field(const struct form_field *f, const struct form_record *rec,
    bf_date today, struct form_problems *out)
{
	struct eval_ctx ctx = { rec, today, 0 };
	const char *raw;
	char *norm = NULL, *derived;
	size_t i, before = form_problems_errors(out);
	bf_error err;

	if (f->type == FT_GROUP || !eval_visible(f, &ctx))
		return 0;
	raw = form_record_get(rec, f->id);
	if (form_value_blank(raw)) {
		if (form_is_required(f, rec, today)) {
			char msg[512];

			snprintf(msg, sizeof msg, "请填写“%s”", f->label);
			form_problems_add(out, f->id, FSEV_ERROR, msg);
		}
		return form_problems_errors(out) - before;
	}
	err_clear(&err);
	if (form_value_normalise(f, raw, today, &norm, &err) != BF_OK) {
		eval_problem(out, f, FSEV_ERROR, err.msg);
		return form_problems_errors(out) - before;
	}
	if (f->type == FT_SELECT_ONE || f->type == FT_SELECT_MANY)
		eval_disabled(f, norm, out);
	/* a stored age goes stale; sex and birth date must agree with the number */
	if (f->derive != NULL && strstr(f->derive, ".age") == NULL &&
	    (derived = form_derive_value(f, rec, today)) != NULL) {
		if (strcmp(derived, norm) != 0) {
			char msg[512], *shown = form_value_display(f, derived),
			    *typed = form_value_display(f, norm);

			snprintf(msg, sizeof msg, "与公民身份号码不符：号码中为%s，填写的是%s",
			    shown, typed);
			eval_problem(out, f, FSEV_ERROR, msg);
			free(shown);
			free(typed);
		}
		free(derived);
	}
	for (i = 0; i < f->nrules; i++) {
		const struct form_rule *r = &f->rules[i];
		int ok = r->assert != NULL ? cond_eval(r->assert, eval_value, &ctx, today)
		    : eval_pattern(r, norm);

		if (!ok)
			form_problems_add(out, f->id, r->severity, r->message);
	}
	free(norm);
	return form_problems_errors(out) - before;
}

/* Validate each field of a scope. */
static size_t
eval_scope(struct form_field *const *v, size_t n, const struct form_record *rec,
    bf_date today, struct form_problems *out)
{
	size_t i, errors = 0;

	for (i = 0; i < n; i++)
		errors += form_validate_field(v[i], rec, today, out);
	return errors;
}

/* Validate a whole record; see eval.h. */
size_t
form_validate_record(const struct form *form, const struct form_record *rec,
    bf_date today, struct form_problems *out)
{
	return eval_scope(form->fields, form->nfields, rec, today, out);
}

/* Validate one group row; see eval.h. */
size_t
form_validate_row(const struct form_field *group, const struct form_record *row,
    bf_date today, struct form_problems *out)
{
	return eval_scope(group->fields, group->nfields, row, today, out);
}

/* The derived value; see eval.h. */
char *
form_derive_value(const struct form_field *f, const struct form_record *rec, bf_date today)
{
	const char *dot, *src;
	char *id, iso[DATE_ISO_LEN];
	struct idcard card;

	if (f->derive == NULL || (dot = strrchr(f->derive, '.')) == NULL)
		return NULL;
	id = xstrndup(f->derive, (size_t)(dot - f->derive));
	src = form_record_get(rec, id);
	free(id);
	if (form_value_blank(src) || idcard_parse(src, today, &card, NULL) != BF_OK)
		return NULL;
	dot++;
	if (strcmp(dot, "sex") == 0)
		return xasprintf("%d", card.sex);
	if (strcmp(dot, "birth_date") == 0) {
		date_format(card.birth, iso);
		return xstrdup(iso);
	}
	if (strcmp(dot, "age") == 0)
		return xasprintf("%d", date_age(card.birth, today));
	return NULL;
}

/* Normalise every value and fill derived fields; see eval.h. */
void
form_record_normalise(struct form_field *const *scope, size_t n,
    struct form_record *rec, bf_date today)
{
	size_t i;
	char *norm, *derived;
	const char *raw;

	for (i = 0; i < n; i++) {
		if (scope[i]->type == FT_GROUP || (raw = form_record_get(rec, scope[i]->id)) == NULL)
			continue;
		if (form_value_normalise(scope[i], raw, today, &norm, NULL) == BF_OK) {
			form_record_set(rec, scope[i]->id, norm);
			free(norm);
		}
	}
	for (i = 0; i < n; i++) {
		if (scope[i]->derive == NULL)
			continue;
		if ((derived = form_derive_value(scope[i], rec, today)) != NULL &&
		    form_value_blank(form_record_get(rec, scope[i]->id)))
			form_record_set(rec, scope[i]->id, derived);
		free(derived);
	}
}

/* Fill defaults for fields without a value; see eval.h. */
void
form_record_defaults(struct form_field *const *scope, size_t n,
    struct form_record *rec, bf_date today)
{
	size_t i;
	char *def;

	for (i = 0; i < n; i++) {
		if (form_record_get(rec, scope[i]->id) != NULL)
			continue;
		if ((def = form_value_default(scope[i], today)) != NULL) {
			form_record_set(rec, scope[i]->id, def);
			free(def);
		}
	}
}
