/*
 * yaml_load.c -- one YAML file into the form model (see yaml_load.h).
 *
 * libyaml loads the file into a document tree; we walk the tree with one
 * key table per kind of mapping (form, section, field, option, rule, list,
 * condition), so an unknown key, a duplicate key (libyaml accepts those
 * silently) or a value of the wrong kind is reported at its line and
 * column.  libyaml counts lines and columns from 0 and columns in
 * characters; we report both from 1.  A node reached twice (a YAML alias)
 * is refused, which also stops alias bombs and self-referencing anchors.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "forms/yaml_load.h"
#include "util/xalloc.h"

#define YL_COND_DEPTH 16	/* deepest condition nesting accepted */

/* Loader state for one file. */
struct yl {
	struct form_set	*set;
	const char	*file;		/* interned in set */
	yaml_document_t	 doc;
	unsigned char	*seen;		/* per node: already walked */
	size_t		 nnodes;
	struct forms_diags *diags;
	size_t		 nproblems;
	int		 in_group;	/* reading a group's child fields */
};

typedef void (*yl_fn)(struct yl *yl, yaml_node_t *val, void *target, const char *key);

/* One row of a key table: a YAML key and what reads its value. */
struct yl_key {
	const char	*name;
	yl_fn		 fn;
};

/* Where node starts, 1-based. */
static struct form_pos
yl_pos(const struct yl *yl, const yaml_node_t *node)
{
	struct form_pos p;

	p.file = yl->file;
	p.line = (int)node->start_mark.line + 1;
	p.col = (int)node->start_mark.column + 1;
	return p;
}

/* Report a problem at node. */
static void yl_err(struct yl *yl, const yaml_node_t *node, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Report a problem at node (formatted). */
static void
yl_err(struct yl *yl, const yaml_node_t *node, const char *fmt, ...)
{
	va_list ap;
	char msg[1024];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	forms_diags_at(yl->diags, yl_pos(yl, node), "%s", msg);
	yl->nproblems++;
}

/* The node with 1-based index i, marked as walked; NULL (reported) if it was walked before. */
static yaml_node_t *
yl_node(struct yl *yl, int i)
{
	yaml_node_t *n = yaml_document_get_node(&yl->doc, i);

	if (n == NULL)
		return NULL;
	if (yl->seen[i - 1]) {
		yl_err(yl, n, "不支持 YAML 别名（*名称）：这里的内容被再次引用，请直接写出");
		return NULL;
	}
	yl->seen[i - 1] = 1;
	return n;
}

/* The text of a scalar node (borrowed), or NULL after reporting that key wanted text. */
static const char *
yl_text(struct yl *yl, const yaml_node_t *val, const char *key)
{
	if (val->type != YAML_SCALAR_NODE) {
		yl_err(yl, val, "“%s”的值应为文本，不能是%s", key,
		    val->type == YAML_MAPPING_NODE ? "映射" : "列表");
		return NULL;
	}
	return (const char *)val->data.scalar.value;
}

/* Store a copy of a scalar's text in *dst (replacing nothing: keys are unique). */
static void
yl_set_str(struct yl *yl, yaml_node_t *val, char **dst, const char *key)
{
	const char *s = yl_text(yl, val, key);

	if (s == NULL)
		return;
	free(*dst);
	*dst = xstrdup(s);
}

/* Read true/false (also yes/no); *dst unchanged on error. */
static void
yl_set_bool(struct yl *yl, yaml_node_t *val, int *dst, const char *key)
{
	static const struct { const char *s; int v; } words[] = {
		{ "true", 1 }, { "false", 0 }, { "yes", 1 }, { "no", 0 },
		{ "True", 1 }, { "False", 0 }, { "TRUE", 1 }, { "FALSE", 0 },
	};
	const char *s = yl_text(yl, val, key);
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(s, words[i].s) == 0) {
			*dst = words[i].v;
			return;
		}
	yl_err(yl, val, "“%s”的值应为 true 或 false，实际为“%s”", key, s);
}

/* Read a non-negative integer below 10000; *dst unchanged on error. */
static void
yl_set_int(struct yl *yl, yaml_node_t *val, int *dst, const char *key)
{
	const char *s = yl_text(yl, val, key);
	size_t i, n;

	if (s == NULL)
		return;
	n = strlen(s);
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			break;
	if (n == 0 || i < n || n > 4) {
		yl_err(yl, val, "“%s”的值应为 0–9999 的整数，实际为“%s”", key, s);
		return;
	}
	*dst = atoi(s);
}

/* Append a copy of every scalar of a sequence (or the one scalar) to *v. */
static void
yl_set_strlist(struct yl *yl, yaml_node_t *val, char ***v, size_t *n, const char *key)
{
	yaml_node_item_t *it;
	yaml_node_t *item;

	if (val->type == YAML_SCALAR_NODE) {
		*v = xreallocarray(*v, *n + 1, sizeof **v);
		(*v)[(*n)++] = xstrdup((const char *)val->data.scalar.value);
		return;
	}
	if (val->type != YAML_SEQUENCE_NODE) {
		yl_err(yl, val, "“%s”的值应为列表", key);
		return;
	}
	for (it = val->data.sequence.items.start; it < val->data.sequence.items.top; it++) {
		if ((item = yl_node(yl, *it)) == NULL)
			continue;
		if (yl_text(yl, item, key) == NULL)
			continue;
		*v = xreallocarray(*v, *n + 1, sizeof **v);
		(*v)[(*n)++] = xstrdup((const char *)item->data.scalar.value);
	}
}

/*
 * Walk a mapping with a key table: each key once, known, a scalar; each
 * value handed to its row's function.  what names the mapping in messages.
 * Returns 0 (reported) if node is not a mapping.
 */
static int
yl_map(struct yl *yl, yaml_node_t *node, const struct yl_key *table, void *target,
    const char *what)
{
	yaml_node_pair_t *p, *q;
	const struct yl_key *k;

	if (node->type != YAML_MAPPING_NODE) {
		yl_err(yl, node, "%s应为映射（键: 值）", what);
		return 0;
	}
	for (p = node->data.mapping.pairs.start; p < node->data.mapping.pairs.top; p++) {
		yaml_node_t *key = yl_node(yl, p->key);
		yaml_node_t *val;
		const char *name;
		int dup = 0;

		if (key == NULL)
			continue;
		if (key->type != YAML_SCALAR_NODE) {
			yl_err(yl, key, "%s的键应为文本", what);
			continue;
		}
		name = (const char *)key->data.scalar.value;
		for (q = node->data.mapping.pairs.start; q < p && !dup; q++) {
			yaml_node_t *other = yaml_document_get_node(&yl->doc, q->key);

			dup = other != NULL && other->type == YAML_SCALAR_NODE &&
			    strcmp((const char *)other->data.scalar.value, name) == 0;
		}
		if (dup) {
			yl_err(yl, key, "%s中的键“%s”重复", what, name);
			continue;
		}
		for (k = table; k->name != NULL; k++)
			if (strcmp(k->name, name) == 0)
				break;
		if (k->name == NULL) {
			yl_err(yl, key, "%s中有未知的键“%s”", what, name);
			continue;
		}
		if ((val = yl_node(yl, p->value)) == NULL)
			continue;
		k->fn(yl, val, target, name);
	}
	return 1;
}

/* Does mapping node have key name? (after yl_map has walked it) */
static int
yl_has(struct yl *yl, const yaml_node_t *node, const char *name)
{
	yaml_node_pair_t *p;

	if (node->type != YAML_MAPPING_NODE)
		return 0;
	for (p = node->data.mapping.pairs.start; p < node->data.mapping.pairs.top; p++) {
		yaml_node_t *key = yaml_document_get_node(&yl->doc, p->key);

		if (key != NULL && key->type == YAML_SCALAR_NODE &&
		    strcmp((const char *)key->data.scalar.value, name) == 0)
			return 1;
	}
	return 0;
}

/* Report each of the required keys missing from mapping node. */
static void
yl_require(struct yl *yl, const yaml_node_t *node, const char *what, const char *const *keys)
{
	for (; *keys != NULL; keys++)
		if (!yl_has(yl, node, *keys))
			yl_err(yl, node, "%s缺少“%s”", what, *keys);
}

/* ---- conditions -------------------------------------------------------- */

struct yl_cond {
	struct form_cond *c;
	int		 depth;
	int		 nops;		/* operators seen */
	const yaml_node_t *node;
};

static struct form_cond *yl_cond(struct yl *yl, yaml_node_t *node, int depth);

/* Condition operator names, in enum cond_op order. */
static const char *const cond_names[] = {
	"eq", "ne", "in", "gt", "ge", "lt", "le", "set", "and", "or", "not"
};

/* Which operator key is called name (-1 if none). */
static int
yl_cond_op(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof cond_names / sizeof cond_names[0]; i++)
		if (strcmp(cond_names[i], name) == 0)
			return (int)i;
	return -1;
}

/* Add a literal to a comparison. */
static void
yl_cond_value(struct yl *yl, struct form_cond *c, yaml_node_t *val)
{
	c->values = xreallocarray(c->values, c->nvalues + 1, sizeof *c->values);
	c->value_pos = xreallocarray(c->value_pos, c->nvalues + 1, sizeof *c->value_pos);
	c->values[c->nvalues] = xstrdup((const char *)val->data.scalar.value);
	c->value_pos[c->nvalues] = yl_pos(yl, val);
	c->nvalues++;
}

/* cond key "field": the field compared. */
static void
yl_cond_field(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	yl_set_str(yl, val, &((struct yl_cond *)t)->c->field, key);
}

/* The right-hand side {field: ID} of a comparison. */
static void
yl_cond_other(struct yl *yl, yaml_node_t *val, struct form_cond *c, const char *key)
{
	yaml_node_pair_t *p = val->data.mapping.pairs.start;
	yaml_node_t *k, *v;

	if (val->data.mapping.pairs.top - p != 1 ||
	    (k = yl_node(yl, p->key)) == NULL || k->type != YAML_SCALAR_NODE ||
	    strcmp((const char *)k->data.scalar.value, "field") != 0) {
		yl_err(yl, val, "“%s”右边的映射应为 {field: 字段标识}", key);
		return;
	}
	if ((v = yl_node(yl, p->value)) == NULL)
		return;
	yl_set_str(yl, v, &c->other, "field");
}

/* cond keys eq ne in gt ge lt le set and or not. */
static void
yl_cond_operator(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	struct yl_cond *yc = t;
	struct form_cond *c = yc->c;
	yaml_node_item_t *it;
	yaml_node_t *item;
	struct form_cond *kid;
	int op = yl_cond_op(key);

	if (yc->nops++ > 0) {
		yl_err(yl, val, "一个条件只能有一个运算符，“%s”多余（请用 and/or 组合）", key);
		return;
	}
	c->op = (enum cond_op)op;
	switch (c->op) {
	case COND_AND:
	case COND_OR:
		if (val->type != YAML_SEQUENCE_NODE) {
			yl_err(yl, val, "“%s”的值应为条件列表", key);
			return;
		}
		for (it = val->data.sequence.items.start; it < val->data.sequence.items.top; it++) {
			if ((item = yl_node(yl, *it)) == NULL)
				continue;
			if ((kid = yl_cond(yl, item, yc->depth + 1)) == NULL)
				continue;
			c->kids = xreallocarray(c->kids, c->nkids + 1, sizeof *c->kids);
			c->kids[c->nkids++] = kid;
		}
		if (c->nkids == 0 && val->data.sequence.items.top == val->data.sequence.items.start)
			yl_err(yl, val, "“%s”的条件列表为空", key);
		break;
	case COND_NOT:
		if ((kid = yl_cond(yl, val, yc->depth + 1)) != NULL) {
			c->kids = xmalloc(sizeof *c->kids);
			c->kids[0] = kid;
			c->nkids = 1;
		}
		break;
	case COND_SET:
		yl_set_bool(yl, val, &c->set_want, key);
		break;
	case COND_IN:
		if (val->type != YAML_SEQUENCE_NODE) {
			yl_err(yl, val, "“in”的值应为列表");
			return;
		}
		for (it = val->data.sequence.items.start; it < val->data.sequence.items.top; it++) {
			if ((item = yl_node(yl, *it)) == NULL)
				continue;
			if (yl_text(yl, item, key) != NULL)
				yl_cond_value(yl, c, item);
		}
		break;
	default:
		if (val->type == YAML_MAPPING_NODE)
			yl_cond_other(yl, val, c, key);
		else if (yl_text(yl, val, key) != NULL)
			yl_cond_value(yl, c, val);
		break;
	}
}

static const struct yl_key yl_cond_keys[] = {
	{ "field", yl_cond_field },
	{ "eq", yl_cond_operator }, { "ne", yl_cond_operator },
	{ "in", yl_cond_operator }, { "gt", yl_cond_operator },
	{ "ge", yl_cond_operator }, { "lt", yl_cond_operator },
	{ "le", yl_cond_operator }, { "set", yl_cond_operator },
	{ "and", yl_cond_operator }, { "or", yl_cond_operator },
	{ "not", yl_cond_operator },
	{ NULL, NULL }
};

/* A condition mapping, or NULL (reported) if it is unusable. */
static struct form_cond *
yl_cond(struct yl *yl, yaml_node_t *node, int depth)
{
	struct yl_cond yc;
	struct form_cond *c;
	size_t before = yl->nproblems;

	if (depth > YL_COND_DEPTH) {
		yl_err(yl, node, "条件嵌套超过 %d 层", YL_COND_DEPTH);
		return NULL;
	}
	c = xcalloc(1, sizeof *c);
	c->pos = yl_pos(yl, node);
	c->set_want = 1;
	yc.c = c;
	yc.depth = depth;
	yc.nops = 0;
	yc.node = node;
	if (!yl_map(yl, node, yl_cond_keys, &yc, "条件")) {
		form_cond_free(c);
		return NULL;
	}
	if (yc.nops == 0)
		yl_err(yl, node, "条件缺少运算符（eq、ne、in、gt、ge、lt、le、set、and、or、not 之一）");
	else if (c->op <= COND_SET && c->field == NULL)
		yl_err(yl, node, "条件“%s”缺少“field”", cond_names[c->op]);
	else if (c->op > COND_SET && c->field != NULL)
		yl_err(yl, node, "条件“%s”不能有“field”", cond_names[c->op]);
	if (yl->nproblems != before) {
		form_cond_free(c);
		return NULL;
	}
	return c;
}

/* ---- options and code lists -------------------------------------------- */

/* option key code */
static void
yl_opt_code(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	yl_set_str(yl, val, &((struct form_option *)t)->code, key);
}

/* option key label */
static void
yl_opt_label(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	yl_set_str(yl, val, &((struct form_option *)t)->label, key);
}

/* option key disabled */
static void
yl_opt_disabled(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	yl_set_bool(yl, val, &((struct form_option *)t)->disabled, key);
}

static const struct yl_key yl_option_keys[] = {
	{ "code", yl_opt_code },
	{ "label", yl_opt_label },
	{ "disabled", yl_opt_disabled },
	{ NULL, NULL }
};

/* A sequence of option mappings appended to *v. */
static void
yl_options(struct yl *yl, yaml_node_t *val, struct form_option **v, size_t *n)
{
	static const char *const req[] = { "code", "label", NULL };
	yaml_node_item_t *it;
	yaml_node_t *item;

	if (val->type != YAML_SEQUENCE_NODE) {
		yl_err(yl, val, "“options”的值应为选项列表或“list:代码表名”");
		return;
	}
	for (it = val->data.sequence.items.start; it < val->data.sequence.items.top; it++) {
		struct form_option o;

		if ((item = yl_node(yl, *it)) == NULL)
			continue;
		memset(&o, 0, sizeof o);
		o.pos = yl_pos(yl, item);
		if (!yl_map(yl, item, yl_option_keys, &o, "选项"))
			continue;
		yl_require(yl, item, "选项", req);
		if (o.code == NULL || o.label == NULL) {
			free(o.code);
			free(o.label);
			continue;
		}
		*v = xreallocarray(*v, *n + 1, sizeof **v);
		(*v)[(*n)++] = o;
	}
}

/* list key list: the list's name */
static void
yl_list_name(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	yl_set_str(yl, val, &((struct form_list *)t)->name, key);
}

/* list key label */
static void
yl_list_label(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	yl_set_str(yl, val, &((struct form_list *)t)->label, key);
}

/* list key source */
static void
yl_list_source(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	yl_set_str(yl, val, &((struct form_list *)t)->source, key);
}

/* list key options */
static void
yl_list_options(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	struct form_list *l = t;

	(void)key;
	yl_options(yl, val, &l->options, &l->noptions);
}

static const struct yl_key yl_list_keys[] = {
	{ "list", yl_list_name },
	{ "label", yl_list_label },
	{ "source", yl_list_source },
	{ "options", yl_list_options },
	{ NULL, NULL }
};

/* ---- fields ------------------------------------------------------------ */

static struct form_field *yl_field(struct yl *yl, yaml_node_t *node);

/* The field a key handler's target points to. */
static struct form_field *
yl_f(void *t)
{
	return t;
}

/* field key id */
static void
yl_f_id(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	yl_f(t)->id_pos = yl_pos(yl, val);
	yl_set_str(yl, val, &yl_f(t)->id, key);
}

/* field key label */
static void
yl_f_label(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	yl_set_str(yl, val, &yl_f(t)->label, key);
}

/* field key type: a name from the field-type table */
static void
yl_f_type(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	const char *s = yl_text(yl, val, key);
	const struct form_type_info *ti;

	if (s == NULL)
		return;
	yl_f(t)->type_pos = yl_pos(yl, val);
	if ((ti = form_type_by_name(s)) == NULL) {
		yl_err(yl, val, "未知的字段类型“%s”", s);
		return;
	}
	yl_f(t)->type = ti->type;
}

/* field key required */
static void
yl_f_required(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	yl_set_bool(yl, val, &yl_f(t)->required, key);
}

/* field key required_if */
static void
yl_f_required_if(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	(void)key;
	yl_f(t)->required_if = yl_cond(yl, val, 0);
}

/* field key show_if */
static void
yl_f_show_if(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	(void)key;
	yl_f(t)->show_if = yl_cond(yl, val, 0);
}

/* rule key assert */
static void
yl_r_assert(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	(void)key;
	((struct form_rule *)t)->assert = yl_cond(yl, val, 0);
}

/* rule key pattern */
static void
yl_r_pattern(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	yl_set_str(yl, val, &((struct form_rule *)t)->pattern, key);
}

/* rule key message */
static void
yl_r_message(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	yl_set_str(yl, val, &((struct form_rule *)t)->message, key);
}

/* rule key severity: error or warning */
static void
yl_r_severity(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	const char *s = yl_text(yl, val, key);

	if (s == NULL)
		return;
	if (strcmp(s, "error") == 0)
		((struct form_rule *)t)->severity = FSEV_ERROR;
	else if (strcmp(s, "warning") == 0)
		((struct form_rule *)t)->severity = FSEV_WARNING;
	else
		yl_err(yl, val, "“severity”应为 error 或 warning，实际为“%s”", s);
}

static const struct yl_key yl_rule_keys[] = {
	{ "assert", yl_r_assert },
	{ "pattern", yl_r_pattern },
	{ "message", yl_r_message },
	{ "severity", yl_r_severity },
	{ NULL, NULL }
};

/* field key validate: a list of rules */
static void
yl_f_validate(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	static const char *const req[] = { "message", NULL };
	struct form_field *f = t;
	yaml_node_item_t *it;
	yaml_node_t *item;

	if (val->type != YAML_SEQUENCE_NODE) {
		yl_err(yl, val, "“%s”的值应为校验规则列表", key);
		return;
	}
	for (it = val->data.sequence.items.start; it < val->data.sequence.items.top; it++) {
		struct form_rule r;
		size_t before = yl->nproblems;

		if ((item = yl_node(yl, *it)) == NULL)
			continue;
		memset(&r, 0, sizeof r);
		r.pos = yl_pos(yl, item);
		if (yl_map(yl, item, yl_rule_keys, &r, "校验规则")) {
			yl_require(yl, item, "校验规则", req);
			if ((r.assert == NULL) == (r.pattern == NULL) && yl->nproblems == before)
				yl_err(yl, item, "校验规则应有“assert”或“pattern”之一");
		}
		if (yl->nproblems != before) {
			form_cond_free(r.assert);
			free(r.pattern);
			free(r.message);
			continue;
		}
		f->rules = xreallocarray(f->rules, f->nrules + 1, sizeof *f->rules);
		f->rules[f->nrules++] = r;
	}
}

/* field key default */
static void
yl_f_default(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	yl_f(t)->def_pos = yl_pos(yl, val);
	yl_set_str(yl, val, &yl_f(t)->def, key);
}

/* field key min */
static void
yl_f_min(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	yl_f(t)->min_pos = yl_pos(yl, val);
	yl_set_str(yl, val, &yl_f(t)->min, key);
}

/* field key max */
static void
yl_f_max(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	yl_f(t)->max_pos = yl_pos(yl, val);
	yl_set_str(yl, val, &yl_f(t)->max, key);
}

/* field key options: inline list, or "list:NAME" */
static void
yl_f_options(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	struct form_field *f = t;

	(void)key;
	f->options_pos = yl_pos(yl, val);
	if (val->type == YAML_SCALAR_NODE) {
		const char *s = (const char *)val->data.scalar.value;

		if (strncmp(s, "list:", 5) != 0 || s[5] == '\0') {
			yl_err(yl, val, "“options”应为选项列表或“list:代码表名”，实际为“%s”", s);
			return;
		}
		f->list_name = xstrdup(s + 5);
		f->list_pos = yl_pos(yl, val);
		return;
	}
	yl_options(yl, val, &f->options, &f->noptions);
}

/* field key help */
static void
yl_f_help(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	yl_set_str(yl, val, &yl_f(t)->help, key);
}

/* field key width */
static void
yl_f_width(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	yl_set_int(yl, val, &yl_f(t)->width, key);
}

/* field key pii */
static void
yl_f_pii(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	yl_set_bool(yl, val, &yl_f(t)->pii, key);
}

/* field key mask: one of the mask names (value.c applies them) */
static void
yl_f_mask(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	static const char *const masks[] = {
		"idcard", "phone", "last4", "name", "all", "none", NULL
	};
	const char *s = yl_text(yl, val, key);
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; masks[i] != NULL; i++)
		if (strcmp(masks[i], s) == 0)
			break;
	if (masks[i] == NULL) {
		yl_err(yl, val, "未知的遮盖方式“%s”（可用 idcard、phone、last4、name、all、none）", s);
		return;
	}
	yl_f(t)->mask_pos = yl_pos(yl, val);
	yl_set_str(yl, val, &yl_f(t)->mask, key);
}

/* field key column */
static void
yl_f_column(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	yl_f(t)->column_pos = yl_pos(yl, val);
	yl_set_str(yl, val, &yl_f(t)->column, key);
}

/* field key derive: FIELD.sex, FIELD.birth_date or FIELD.age */
static void
yl_f_derive(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	yl_f(t)->derive_pos = yl_pos(yl, val);
	yl_set_str(yl, val, &yl_f(t)->derive, key);
}

/* field key aliases */
static void
yl_f_aliases(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	yl_set_strlist(yl, val, &yl_f(t)->aliases, &yl_f(t)->naliases, key);
}

/* field key readonly */
static void
yl_f_readonly(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	yl_set_bool(yl, val, &yl_f(t)->readonly, key);
}

/* field key table (groups) */
static void
yl_f_table(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	yl_set_str(yl, val, &yl_f(t)->table, key);
}

/* field key summary (groups) */
static void
yl_f_summary(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	yl_f(t)->summary_pos = yl_pos(yl, val);
	yl_set_strlist(yl, val, &yl_f(t)->summary, &yl_f(t)->nsummary, key);
}

/* A sequence of field mappings appended to *v; parent is the group or NULL. */
static void
yl_fields(struct yl *yl, yaml_node_t *val, struct form_field ***v, size_t *n,
    const struct form_field *parent)
{
	yaml_node_item_t *it;
	yaml_node_t *item;

	if (val->type != YAML_SEQUENCE_NODE) {
		yl_err(yl, val, "“fields”的值应为字段列表");
		return;
	}
	for (it = val->data.sequence.items.start; it < val->data.sequence.items.top; it++) {
		struct form_field *f;

		if ((item = yl_node(yl, *it)) == NULL)
			continue;
		if ((f = yl_field(yl, item)) == NULL)
			continue;
		f->parent = parent;
		*v = xreallocarray(*v, *n + 1, sizeof **v);
		(*v)[(*n)++] = f;
	}
}

/* field key fields (groups: the child record's fields) */
static void
yl_f_fields(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	struct form_field *f = t;

	(void)key;
	f->fields_pos = yl_pos(yl, val);
	if (yl->in_group) {
		yl_err(yl, val, "可重复子表中不能再嵌套子表");
		return;
	}
	yl->in_group = 1;
	yl_fields(yl, val, &f->fields, &f->nfields, f);
	yl->in_group = 0;
}

static const struct yl_key yl_field_keys[] = {
	{ "id", yl_f_id },
	{ "label", yl_f_label },
	{ "type", yl_f_type },
	{ "required", yl_f_required },
	{ "required_if", yl_f_required_if },
	{ "show_if", yl_f_show_if },
	{ "validate", yl_f_validate },
	{ "default", yl_f_default },
	{ "min", yl_f_min },
	{ "max", yl_f_max },
	{ "options", yl_f_options },
	{ "help", yl_f_help },
	{ "width", yl_f_width },
	{ "pii", yl_f_pii },
	{ "mask", yl_f_mask },
	{ "column", yl_f_column },
	{ "derive", yl_f_derive },
	{ "aliases", yl_f_aliases },
	{ "readonly", yl_f_readonly },
	{ "table", yl_f_table },
	{ "summary", yl_f_summary },
	{ "fields", yl_f_fields },
	{ NULL, NULL }
};

/* A field mapping, or NULL (reported) if it lacks what makes a field. */
static struct form_field *
yl_field(struct yl *yl, yaml_node_t *node)
{
	static const char *const req[] = { "id", "label", "type", NULL };
	struct form_field *f = xcalloc(1, sizeof *f);

	f->pos = yl_pos(yl, node);
	f->id_pos = f->type_pos = f->pos;
	if (!yl_map(yl, node, yl_field_keys, f, "字段")) {
		form_field_free(f);
		return NULL;
	}
	yl_require(yl, node, "字段", req);
	if (f->id == NULL || f->label == NULL || !yl_has(yl, node, "type")) {
		form_field_free(f);
		return NULL;
	}
	return f;
}

/* ---- sections and forms ------------------------------------------------ */

struct yl_section {
	struct form	*form;
	struct form_section *s;
	size_t		 first;		/* index of its first field */
};

/* section key id */
static void
yl_s_id(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	yl_set_str(yl, val, &((struct yl_section *)t)->s->id, key);
}

/* section key label */
static void
yl_s_label(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	yl_set_str(yl, val, &((struct yl_section *)t)->s->label, key);
}

/* section key show_if */
static void
yl_s_show_if(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	(void)key;
	((struct yl_section *)t)->s->show_if = yl_cond(yl, val, 0);
}

/* section key fields: appended to the form's fields */
static void
yl_s_fields(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	struct yl_section *ys = t;

	(void)key;
	yl_fields(yl, val, &ys->form->fields, &ys->form->nfields, NULL);
}

static const struct yl_key yl_section_keys[] = {
	{ "id", yl_s_id },
	{ "label", yl_s_label },
	{ "show_if", yl_s_show_if },
	{ "fields", yl_s_fields },
	{ NULL, NULL }
};

/* form key form: its name */
static void
yl_form_name(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	yl_set_str(yl, val, &((struct form *)t)->name, key);
}

/* form key label */
static void
yl_form_label(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	yl_set_str(yl, val, &((struct form *)t)->label, key);
}

/* form key record: the record type (core table) */
static void
yl_form_record(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	((struct form *)t)->record_pos = yl_pos(yl, val);
	yl_set_str(yl, val, &((struct form *)t)->record, key);
}

/* form key sections */
static void
yl_form_sections(struct yl *yl, yaml_node_t *val, void *t, const char *key)
{
	static const char *const req[] = { "id", "label", "fields", NULL };
	struct form *f = t;
	yaml_node_item_t *it;
	yaml_node_t *item;

	if (val->type != YAML_SEQUENCE_NODE) {
		yl_err(yl, val, "“%s”的值应为分区列表", key);
		return;
	}
	for (it = val->data.sequence.items.start; it < val->data.sequence.items.top; it++) {
		struct yl_section ys;
		size_t i;

		if ((item = yl_node(yl, *it)) == NULL)
			continue;
		ys.form = f;
		ys.s = xcalloc(1, sizeof *ys.s);
		ys.s->pos = yl_pos(yl, item);
		ys.first = f->nfields;
		f->sections = xreallocarray(f->sections, f->nsections + 1, sizeof *f->sections);
		f->sections[f->nsections++] = ys.s;
		if (yl_map(yl, item, yl_section_keys, &ys, "分区"))
			yl_require(yl, item, "分区", req);
		for (i = ys.first; i < f->nfields; i++)
			f->fields[i]->section = ys.s;
	}
}

static const struct yl_key yl_form_keys[] = {
	{ "form", yl_form_name },
	{ "label", yl_form_label },
	{ "record", yl_form_record },
	{ "sections", yl_form_sections },
	{ NULL, NULL }
};

/* ---- files -------------------------------------------------------------- */

/* libyaml's problem texts, in Chinese. */
static const struct { const char *en, *zh; } yl_problems[] = {
	{ "mapping values are not allowed in this context", "此处不能出现“键: 值”（缩进或冒号有误？）" },
	{ "did not find expected key", "没有找到预期的键（缩进有误？）" },
	{ "did not find expected '-' indicator", "没有找到预期的“-”（列表缩进有误？）" },
	{ "found character that cannot start any token", "出现了不能开始任何记号的字符（制表符请换成空格）" },
	{ "found unexpected end of stream", "文件意外结束（引号或括号没有闭合？）" },
	{ "could not find expected ':'", "没有找到预期的“:”" },
	{ "did not find expected node content", "没有找到预期的内容" },
	{ "did not find expected ',' or ']'", "没有找到预期的“,”或“]”" },
	{ "did not find expected ',' or '}'", "没有找到预期的“,”或“}”" },
	{ "found undefined alias", "引用了未定义的别名" },
	{ "found unknown escape character", "未知的转义字符" },
	{ "block sequence entries are not allowed in this context", "此处不能开始列表项“-”（缩进有误？）" },
	{ "found a tab character that violates indentation", "缩进中有制表符，请换成空格" },
	{ "found unexpected ':'", "出现了意外的“:”" },
	{ "invalid leading UTF-8 octet", "不是有效的 UTF-8 编码（请另存为 UTF-8）" },
	{ "invalid trailing UTF-8 octet", "不是有效的 UTF-8 编码（请另存为 UTF-8）" },
	{ "incomplete UTF-8 octet sequence", "不是有效的 UTF-8 编码（请另存为 UTF-8）" },
	{ "control characters are not allowed", "文件中有不允许的控制字符" },
	{ NULL, NULL }
};

/* Report the parser's error at its mark (or at a byte offset for reader errors). */
static void
yl_syntax_error(struct yl *yl, const yaml_parser_t *p, const char *buf, size_t len)
{
	const char *problem = p->problem != NULL ? p->problem : "unknown error";
	const char *zh = NULL;
	int line, col;
	size_t i;

	for (i = 0; yl_problems[i].en != NULL; i++)
		if (strcmp(yl_problems[i].en, problem) == 0)
			zh = yl_problems[i].zh;
	if (p->error == YAML_READER_ERROR) {
		size_t off = p->problem_offset < len ? p->problem_offset : len;

		line = col = 1;
		for (i = 0; i < off; i++) {
			if (buf[i] == '\n') {
				line++;
				col = 1;
			} else if (((unsigned char)buf[i] & 0xC0) != 0x80)
				col++;
		}
	} else if (p->error == YAML_MEMORY_ERROR) {
		line = col = 1;
		zh = "内存不足";
	} else {
		line = (int)p->problem_mark.line + 1;
		col = (int)p->problem_mark.column + 1;
	}
	if (zh != NULL)
		forms_diags_add(yl->diags, yl->file, line, col, "YAML 语法错误：%s", zh);
	else
		forms_diags_add(yl->diags, yl->file, line, col, "YAML 语法错误：%s", problem);
	yl->nproblems++;
}

/* The root mapping as a form, added to the set. */
static void
yl_load_form(struct yl *yl, yaml_node_t *root)
{
	static const char *const req[] = { "form", "label", "record", "sections", NULL };
	struct form *f = xcalloc(1, sizeof *f);

	f->pos = f->record_pos = yl_pos(yl, root);
	yl_map(yl, root, yl_form_keys, f, "表单");
	yl_require(yl, root, "表单", req);
	if (f->name == NULL) {
		form_free(f);
		return;
	}
	yl->set->forms = xreallocarray(yl->set->forms, yl->set->nforms + 1, sizeof *yl->set->forms);
	yl->set->forms[yl->set->nforms++] = f;
}

/* The root mapping as a code list, added to the set. */
static void
yl_load_list(struct yl *yl, yaml_node_t *root)
{
	static const char *const req[] = { "list", "label", "options", NULL };
	struct form_list *l = xcalloc(1, sizeof *l);

	l->pos = yl_pos(yl, root);
	yl_map(yl, root, yl_list_keys, l, "代码表");
	yl_require(yl, root, "代码表", req);
	if (l->name == NULL) {
		form_list_free(l);
		return;
	}
	yl->set->lists = xreallocarray(yl->set->lists, yl->set->nlists + 1, sizeof *yl->set->lists);
	yl->set->lists[yl->set->nlists++] = l;
}

/* A file holds one document: report a second one (or a syntax error in it). */
static void
yl_more_documents(struct yl *yl, yaml_parser_t *parser, const char *buf, size_t len)
{
	yaml_document_t next;
	yaml_node_t *root;

	if (yaml_document_get_root_node(&yl->doc) == NULL)
		return;
	if (!yaml_parser_load(parser, &next)) {
		yl_syntax_error(yl, parser, buf, len);
		return;
	}
	if ((root = yaml_document_get_root_node(&next)) != NULL) {
		forms_diags_add(yl->diags, yl->file, (int)root->start_mark.line + 1,
		    (int)root->start_mark.column + 1,
		    "一个文件只能有一个 YAML 文档（“---”之后的内容请放到另一个文件）");
		yl->nproblems++;
	}
	yaml_document_delete(&next);
}

/* Parse one YAML file held in memory into the set; see yaml_load.h. */
size_t
forms_load_yaml(struct form_set *set, const char *file, const char *buf, size_t len,
    struct forms_diags *diags)
{
	yaml_parser_t parser;
	yaml_node_t *root;
	struct yl yl;

	memset(&yl, 0, sizeof yl);
	yl.set = set;
	yl.file = form_set_intern_file(set, file);
	yl.diags = diags;
	if (!yaml_parser_initialize(&parser)) {
		forms_diags_add(diags, yl.file, 1, 1, "无法初始化 YAML 解析器");
		return 1;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	if (!yaml_parser_load(&parser, &yl.doc)) {
		yl_syntax_error(&yl, &parser, buf, len);
		yaml_parser_delete(&parser);
		return yl.nproblems;
	}
	yl_more_documents(&yl, &parser, buf, len);
	yaml_parser_delete(&parser);
	yl.nnodes = (size_t)(yl.doc.nodes.top - yl.doc.nodes.start);
	yl.seen = xcalloc(yl.nnodes + 1, 1);
	root = yaml_document_get_root_node(&yl.doc);
	if (root == NULL) {
		forms_diags_add(diags, yl.file, 1, 1, "文件为空：应定义一个表单（form:）或代码表（list:）");
		yl.nproblems++;
	} else {
		yl.seen[0] = 1;
		if (yl_has(&yl, root, "form"))
			yl_load_form(&yl, root);
		else if (yl_has(&yl, root, "list"))
			yl_load_list(&yl, root);
		else
			yl_err(&yl, root, "文件应以“form:”（表单）或“list:”（代码表）开头");
	}
	free(yl.seen);
	yaml_document_delete(&yl.doc);
	return yl.nproblems;
}

/* errno in Chinese for the messages about files. */
static const char *
yl_errno_text(int e)
{
	switch (e) {
	case ENOENT:
		return "文件不存在";
	case EACCES:
	case EPERM:
		return "没有读取权限";
	case EISDIR:
		return "这是一个目录";
	default:
		return strerror(e);
	}
}

/* Read path into memory and load it, naming it shown in messages. */
size_t
forms_load_file(struct form_set *set, const char *path, const char *shown,
    struct forms_diags *diags)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0, n, problems;

	if (fp == NULL) {
		forms_diags_add(diags, shown, 1, 1, "无法读取文件：%s", yl_errno_text(errno));
		return 1;
	}
	for (;;) {
		if (cap - len < 4096) {
			cap = cap ? cap * 2 : 8192;
			buf = xrealloc(buf, cap);
		}
		n = fread(buf + len, 1, cap - len, fp);
		len += n;
		if (n == 0)
			break;
	}
	if (ferror(fp)) {
		forms_diags_add(diags, shown, 1, 1, "读取文件出错：%s", yl_errno_text(errno));
		fclose(fp);
		free(buf);
		return 1;
	}
	fclose(fp);
	problems = forms_load_yaml(set, shown, buf, len, diags);
	free(buf);
	return problems;
}
