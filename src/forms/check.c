/*
 * check.c -- whole-set checks of form definitions (see check.h).
 *
 * The loader has already reported what one file shows on its own; here
 * every form is walked scope by scope (a form's top-level fields, then
 * each group's child fields), references are resolved against the scope
 * and the set's code lists, and what cannot work is reported at the line
 * and column it was written.
 */
#include "config.h"

#include <ctype.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forms/check.h"
#include "forms/condition.h"
#include "forms/lists.h"
#include "forms/value.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define CHECK_DEPTH 32

struct chk {
	struct form_set	*set;
	forms_has_column_fn has_column;
	void		*ctx;
	struct forms_diags *diags;
	size_t		 n;		/* problems added */
	const struct form *form;
	struct form_field **scope;	/* fields references resolve in */
	size_t		 nscope;
};

/* Report a problem at pos. */
static void chk_err(struct chk *c, struct form_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Report a problem at pos (formatted). */
static void
chk_err(struct chk *c, struct form_pos pos, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	forms_diags_at(c->diags, pos, "%s", msg);
	c->n++;
}

/* Report duplicate option codes in o[0..n). */
static void
chk_codes(struct chk *c, const struct form_option *o, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < i; j++)
			if (strcmp(o[i].code, o[j].code) == 0) {
				chk_err(c, o[i].pos, "代码“%s”重复（第 %d 行已有）", o[i].code, o[j].pos.line);
				break;
			}
}

/* Is s a well-formed id: a lower-case letter, then letters, digits, '_'? */
static int
chk_id_ok(const char *s)
{
	if (!islower((unsigned char)s[0]))
		return 0;
	for (s++; *s != '\0'; s++)
		if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s) && *s != '_')
			return 0;
	return 1;
}

/* Is literal v acceptable for comparing with field f?  Reports if not. */
static void
chk_literal(struct chk *c, const struct form_field *f, const char *v, struct form_pos pos)
{
	double d;
	bf_date dt, today = { 2000, 1, 1 };

	if (v[0] == '\0')
		return;
	switch (f->type) {
	case FT_INTEGER:
	case FT_DECIMAL:
	case FT_MONEY:
		if (!form_value_number(v, &d))
			chk_err(c, pos, "“%s”不是数字，不能与%s字段“%s”比较", v,
			    form_type_info(f->type)->label, f->id);
		break;
	case FT_DATE:
		if (!form_value_date(v, today, &dt))
			chk_err(c, pos, "“%s”不是日期（应为 2024-05-06 或 today）", v);
		break;
	case FT_BOOLEAN:
		if (strcmp(v, "true") && strcmp(v, "false") && strcmp(v, "1") && strcmp(v, "0"))
			chk_err(c, pos, "“%s”不是 true 或 false", v);
		break;
	case FT_SELECT_ONE:
	case FT_SELECT_MANY:
		if ((f->noptions > 0 || f->list != NULL) && form_option_find(f, v) == NULL)
			chk_err(c, pos, "“%s”不是字段“%s”的选项代码", v, f->id);
		break;
	default:
		break;
	}
}

/* Resolve and check a condition tree in the current scope. */
static void
chk_cond(struct chk *c, struct form_cond *cond)
{
	size_t i;

	if (cond == NULL)
		return;
	for (i = 0; i < cond->nkids; i++)
		chk_cond(c, cond->kids[i]);
	if (cond->field == NULL)
		return;
	cond->ref = form_fields_find(c->scope, c->nscope, cond->field);
	if (cond->ref == NULL) {
		chk_err(c, cond->pos, "条件引用了不存在的字段“%s”", cond->field);
		return;
	}
	if (cond->ref->type == FT_GROUP) {
		chk_err(c, cond->pos, "条件不能引用子表“%s”", cond->field);
		return;
	}
	if (cond->other != NULL) {
		cond->other_ref = form_fields_find(c->scope, c->nscope, cond->other);
		if (cond->other_ref == NULL)
			chk_err(c, cond->pos, "条件引用了不存在的字段“%s”", cond->other);
		return;
	}
	for (i = 0; i < cond->nvalues; i++)
		chk_literal(c, cond->ref, cond->values[i], cond->value_pos[i]);
	if (cond->op >= COND_GT && cond->op <= COND_LE &&
	    form_type_info(cond->ref->type)->cmp == FCMP_TEXT)
		chk_err(c, cond->pos, "“%s”只能用于数字或日期字段，“%s”是%s字段",
		    cond_op_name(cond->op), cond->field, form_type_info(cond->ref->type)->label);
}

/* Is the select field's list known?  Resolves f->list. */
static void
chk_options(struct chk *c, struct form_field *f)
{
	const struct form_type_info *ti = form_type_info(f->type);

	if (f->list_name != NULL) {
		f->list = form_set_list(c->set, f->list_name);
		if (f->list == NULL)
			chk_err(c, f->list_pos, "未知的代码表“%s”（lists/ 目录中没有）", f->list_name);
	}
	if (ti->has_options && f->list_name == NULL && f->noptions == 0)
		chk_err(c, f->type_pos, "%s字段“%s”缺少“options”", ti->label, f->id);
	if (!ti->has_options && (f->list_name != NULL || f->noptions > 0))
		chk_err(c, f->options_pos, "只有单选、多选字段可以有“options”");
	chk_codes(c, f->options, f->noptions);
}

/* Are default, min and max of the right kind for the field's type? */
static void
chk_limits(struct chk *c, const struct form_field *f)
{
	const char *v[2] = { f->min, f->max };
	struct form_pos pos[2] = { f->min_pos, f->max_pos };
	double d;
	bf_date dt, today = { 9999, 12, 31 };	/* so "max: today" accepts any default */
	size_t i;
	int isdate = f->type == FT_DATE;

	for (i = 0; i < 2; i++) {
		if (v[i] == NULL)
			continue;
		if (isdate ? !form_value_date(v[i], today, &dt) : !form_value_number(v[i], &d))
			chk_err(c, pos[i], "“%s”的值“%s”应为%s", i == 0 ? "min" : "max", v[i],
			    isdate ? "日期或 today" : "数字");
	}
	if (f->def != NULL) {
		char *norm = NULL;
		bf_error err;

		err_clear(&err);
		if (isdate && strcmp(f->def, "today") == 0)
			return;
		if (f->type == FT_ID_CARD || f->type == FT_GROUP) {
			chk_err(c, f->def_pos, "此类型的字段不能有默认值");
			return;
		}
		if (form_value_normalise(f, f->def, today, &norm, &err) != BF_OK)
			chk_err(c, f->def_pos, "默认值“%s”无效：%s", f->def, err.msg);
		free(norm);
	}
}

/* Is f->derive "SRC.sex|birth_date|age" with SRC an id_card field of the scope? */
static void
chk_derive(struct chk *c, const struct form_field *f)
{
	static const char *const parts[] = { "sex", "birth_date", "age", NULL };
	const char *dot = strrchr(f->derive, '.');
	const struct form_field *src;
	char *id;
	size_t i;

	if (dot == NULL) {
		chk_err(c, f->derive_pos, "“derive”应写成“身份证字段.sex”、“.birth_date”或“.age”");
		return;
	}
	for (i = 0; parts[i] != NULL; i++)
		if (strcmp(parts[i], dot + 1) == 0)
			break;
	if (parts[i] == NULL)
		chk_err(c, f->derive_pos, "无法推导“%s”（可用 sex、birth_date、age）", dot + 1);
	id = xstrndup(f->derive, (size_t)(dot - f->derive));
	src = form_fields_find(c->scope, c->nscope, id);
	if (src == NULL)
		chk_err(c, f->derive_pos, "“derive”引用了不存在的字段“%s”", id);
	else if (src->type != FT_ID_CARD)
		chk_err(c, f->derive_pos, "“derive”引用的字段“%s”不是公民身份号码字段", id);
	free(id);
}

/* Check the validate rules: conditions resolved, patterns compile. */
static void
chk_rules(struct chk *c, struct form_field *f)
{
	size_t i;
	regex_t *re;

	for (i = 0; i < f->nrules; i++) {
		chk_cond(c, f->rules[i].assert);
		if (f->rules[i].pattern != NULL && f->rules[i].compiled == NULL) {
			char *anchored = xasprintf("^(%s)$", f->rules[i].pattern);

			/* Compiled once here and kept: validating a row must not recompile. */
			re = xmalloc(sizeof *re);
			if (regcomp(re, anchored, REG_EXTENDED | REG_NOSUB) != 0) {
				chk_err(c, f->rules[i].pos, "正则表达式“%s”无效", f->rules[i].pattern);
				free(re);
			} else {
				f->rules[i].compiled = re;
			}
			free(anchored);
		}
	}
}

/* The column check for field f saved to table. */
static void
chk_column(struct chk *c, const struct form_field *f, const char *table)
{
	if (f->column == NULL || c->has_column == NULL || table == NULL)
		return;
	if (!c->has_column(c->ctx, table, f->column))
		chk_err(c, f->column_pos, "数据库表“%s”中没有列“%s”（不在表中的字段请去掉 column，存入 extra）",
		    table, f->column);
}

static void chk_scope(struct chk *c, struct form_field **v, size_t n, const char *table);

/* A group field: child table, child fields, summary columns. */
static void
chk_group(struct chk *c, struct form_field *f)
{
	struct form_field **scope = c->scope;
	size_t nscope = c->nscope, i;

	if (f->table == NULL)
		chk_err(c, f->pos, "子表“%s”缺少“table”", f->id);
	else if (c->has_column != NULL && !c->has_column(c->ctx, f->table, "id"))
		chk_err(c, f->pos, "子表“%s”的“table”不是数据库中的表：“%s”", f->id, f->table);
	if (f->nfields == 0)
		chk_err(c, f->pos, "子表“%s”缺少“fields”", f->id);
	c->scope = f->fields;
	c->nscope = f->nfields;
	chk_scope(c, f->fields, f->nfields, f->table);
	for (i = 0; i < f->nsummary; i++)
		if (form_fields_find(f->fields, f->nfields, f->summary[i]) == NULL)
			chk_err(c, f->summary_pos, "摘要列“%s”不是子表“%s”中的字段", f->summary[i], f->id);
	c->scope = scope;
	c->nscope = nscope;
}

/* Depth-first search for show_if cycles from f; path holds the ids on the way. */
static int
chk_cycle_from(struct chk *c, const struct form_field *f, unsigned char *state,
    const struct form_field **path, size_t depth);

/* Visit the fields a condition refers to. */
static int
chk_cycle_cond(struct chk *c, const struct form_cond *cond, unsigned char *state,
    const struct form_field **path, size_t depth)
{
	size_t i;

	if (cond == NULL)
		return 0;
	for (i = 0; i < cond->nkids; i++)
		if (chk_cycle_cond(c, cond->kids[i], state, path, depth))
			return 1;
	if (cond->ref != NULL && chk_cycle_from(c, cond->ref, state, path, depth))
		return 1;
	if (cond->other_ref != NULL && chk_cycle_from(c, cond->other_ref, state, path, depth))
		return 1;
	return 0;
}

/* Index of f in the current scope. */
static size_t
chk_index(const struct chk *c, const struct form_field *f)
{
	size_t i;

	for (i = 0; i < c->nscope; i++)
		if (c->scope[i] == f)
			return i;
	return 0;
}

static int
chk_cycle_from(struct chk *c, const struct form_field *f, unsigned char *state,
    const struct form_field **path, size_t depth)
{
	size_t i = chk_index(c, f), k;

	if (state[i] == 2)
		return 0;
	if (state[i] == 1) {
		strbuf sb;

		sb_init(&sb);
		for (k = 0; k < depth && path[k] != f; k++)
			;
		for (; k < depth; k++)
			sb_addf(&sb, "%s → ", path[k]->id);
		sb_add(&sb, f->id);
		chk_err(c, f->show_if != NULL ? f->show_if->pos : f->pos,
		    "显示条件循环引用：%s", sb_str(&sb));
		sb_free(&sb);
		return 1;
	}
	if (depth >= c->nscope)
		return 0;
	state[i] = 1;
	path[depth] = f;
	if (chk_cycle_cond(c, f->show_if, state, path, depth + 1) ||
	    (f->section != NULL && chk_cycle_cond(c, f->section->show_if, state, path, depth + 1))) {
		state[i] = 2;
		return 1;
	}
	state[i] = 2;
	return 0;
}

/* Report show_if cycles in the current scope; returns 1 if there was one. */
static int
chk_cycles(struct chk *c)
{
	unsigned char *state = xcalloc(c->nscope + 1, 1);
	const struct form_field **path = xcalloc(c->nscope + 1, sizeof *path);
	size_t i;
	int found = 0;

	for (i = 0; i < c->nscope; i++)
		if (state[i] == 0 && chk_cycle_from(c, c->scope[i], state, path, 0))
			found = 1;
	free(state);
	free(path);
	return found;
}

static int chk_never_shown(const struct form_field *f, int depth);

/* 1 if cond can be seen to never hold (0 = might hold). */
static int
chk_unsat(const struct form_cond *cond, int depth)
{
	size_t i, j;

	if (cond == NULL || depth > CHECK_DEPTH)
		return 0;
	switch (cond->op) {
	case COND_AND:
		for (i = 0; i < cond->nkids; i++) {
			const struct form_cond *a = cond->kids[i];

			if (chk_unsat(a, depth + 1))
				return 1;
			for (j = 0; j < i; j++) {
				const struct form_cond *b = cond->kids[j];

				if (a->op == COND_EQ && b->op == COND_EQ && a->ref != NULL &&
				    a->ref == b->ref && a->ref->type != FT_SELECT_MANY &&
				    a->nvalues == 1 && b->nvalues == 1 &&
				    strcmp(a->values[0], b->values[0]) != 0)
					return 1;
			}
		}
		return 0;
	case COND_OR:
		for (i = 0; i < cond->nkids; i++)
			if (!chk_unsat(cond->kids[i], depth + 1))
				return 0;
		return cond->nkids > 0;
	case COND_NOT:
	case COND_NE:
		return 0;
	case COND_SET:
		return cond->set_want && cond->ref != NULL && chk_never_shown(cond->ref, depth + 1);
	case COND_EQ:
		if (cond->nvalues == 1 && cond->values[0][0] == '\0')
			return 0;
		/* fall through */
	default:
		if (cond->ref == NULL)
			return 0;
		if (chk_never_shown(cond->ref, depth + 1))
			return 1;	/* a hidden field is empty */
		if ((cond->op == COND_EQ || cond->op == COND_IN) && cond->other == NULL &&
		    (cond->ref->noptions > 0 || cond->ref->list != NULL)) {
			for (i = 0; i < cond->nvalues; i++) {
				const struct form_option *o = form_option_find(cond->ref, cond->values[i]);

				if (o != NULL)
					return 0;
			}
			return 1;
		}
		return 0;
	}
}

/* 1 if field f can be seen to be never shown. */
static int
chk_never_shown(const struct form_field *f, int depth)
{
	if (depth > CHECK_DEPTH)
		return 0;
	return chk_unsat(f->show_if, depth) ||
	    (f->section != NULL && chk_unsat(f->section->show_if, depth));
}

/*
 * Report a label or alias that names two fields of the scope (the importer
 * could not tell them apart): each field against the ones before it.
 */
static void
chk_headers(struct chk *c, struct form_field **v, size_t n)
{
	const struct form_field *other;
	size_t i, j;

	for (i = 0; i < n; i++) {
		other = form_fields_by_header(v, i, v[i]->label);
		if (other != NULL)
			chk_err(c, v[i]->pos, "字段“%s”的名称“%s”与字段“%s”重复，导入时无法区分",
			    v[i]->id, v[i]->label, other->id);
		for (j = 0; j < v[i]->naliases; j++) {
			other = form_fields_by_header(v, i, v[i]->aliases[j]);
			if (other != NULL)
				chk_err(c, v[i]->pos, "字段“%s”的别名“%s”与字段“%s”重复，导入时无法区分",
				    v[i]->id, v[i]->aliases[j], other->id);
		}
	}
}

/* Check one scope of fields saved to table. */
static void
chk_scope(struct chk *c, struct form_field **v, size_t n, const char *table)
{
	size_t i, j;
	int cyclic;

	for (i = 0; i < n; i++) {
		struct form_field *f = v[i];

		if (!chk_id_ok(f->id))
			chk_err(c, f->id_pos, "字段标识“%s”只能用小写字母、数字和下划线，并以字母开头", f->id);
		for (j = 0; j < i; j++)
			if (strcmp(v[j]->id, f->id) == 0) {
				chk_err(c, f->id_pos, "字段标识“%s”重复（第 %d 行已定义）", f->id, v[j]->id_pos.line);
				break;
			}
		chk_options(c, f);
	}
	chk_headers(c, v, n);
	for (i = 0; i < n; i++) {
		struct form_field *f = v[i];

		chk_cond(c, f->show_if);
		chk_cond(c, f->required_if);
		chk_rules(c, f);
		chk_limits(c, f);
		chk_column(c, f, table);
		if (f->derive != NULL)
			chk_derive(c, f);
		if (f->type == FT_GROUP)
			chk_group(c, f);
		else if (f->table != NULL || f->nfields > 0 || f->nsummary > 0)
			chk_err(c, f->pos, "只有 group 类型的字段可以有“table”、“fields”、“summary”");
	}
	cyclic = chk_cycles(c);
	for (i = 0; i < n && !cyclic; i++)
		if ((v[i]->required || v[i]->required_if != NULL) && chk_never_shown(v[i], 0))
			chk_err(c, v[i]->id_pos, "必填字段“%s”永远不会显示：它的显示条件不可能成立",
			    v[i]->id);
}

/* Check one form. */
static void
chk_form(struct chk *c, struct form *form)
{
	size_t i, j;

	c->form = form;
	c->scope = form->fields;
	c->nscope = form->nfields;
	if (form->record != NULL && c->has_column != NULL &&
	    !c->has_column(c->ctx, form->record, "id"))
		chk_err(c, form->record_pos, "记录类型“%s”不是数据库中的表", form->record);
	for (i = 0; i < form->nsections; i++) {
		struct form_section *s = form->sections[i];

		if (s->id == NULL)
			continue;
		for (j = 0; j < i; j++)
			if (form->sections[j]->id != NULL && strcmp(form->sections[j]->id, s->id) == 0) {
				chk_err(c, s->pos, "分区标识“%s”重复（第 %d 行已定义）", s->id,
				    form->sections[j]->pos.line);
				break;
			}
		chk_cond(c, s->show_if);
	}
	chk_scope(c, form->fields, form->nfields, form->record);
}

/* Check a whole set; see check.h. */
size_t
forms_check(struct form_set *set, forms_has_column_fn has_column, void *ctx,
    struct forms_diags *diags)
{
	struct chk c;
	size_t i, j;

	memset(&c, 0, sizeof c);
	c.set = set;
	c.has_column = has_column;
	c.ctx = ctx;
	c.diags = diags;
	for (i = 0; i < set->nlists; i++) {
		for (j = 0; j < i; j++)
			if (strcmp(set->lists[i]->name, set->lists[j]->name) == 0) {
				chk_err(&c, set->lists[i]->pos, "代码表“%s”重复定义（%s 第 %d 行已定义）",
				    set->lists[i]->name, set->lists[j]->pos.file, set->lists[j]->pos.line);
				break;
			}
		chk_codes(&c, set->lists[i]->options, set->lists[i]->noptions);
	}
	for (i = 0; i < set->nforms; i++) {
		for (j = 0; j < i; j++)
			if (strcmp(set->forms[i]->name, set->forms[j]->name) == 0) {
				chk_err(&c, set->forms[i]->pos, "表单“%s”重复定义（%s 第 %d 行已定义）",
				    set->forms[i]->name, set->forms[j]->pos.file, set->forms[j]->pos.line);
				break;
			}
		chk_form(&c, set->forms[i]);
	}
	return c.n;
}
