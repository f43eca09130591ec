/*
 * formedit.c -- the form editor screen: its state, the per-type editing
 * table, moving between fields, checking a field on leaving it, and
 * saving.  Layout and drawing are in formedit_draw.c, group rows in
 * formedit_group.c.
 *
 * The record is the single source of truth: every key that changes a
 * field writes the raw text into the record at once, so conditions
 * (show_if) and derived fields (citizen_id.sex ...) follow the typing
 * live.  Normalising (date shapes to ISO, full-width digits ...) happens
 * on leaving the field and on saving; a value that does not normalise is
 * kept as typed and its message shown beside it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "forms/eval.h"
#include "forms/lists.h"
#include "forms/value.h"
#include "text/utf8.h"
#include "tui/field.h"
#include "tui/formedit_int.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* How each field type is edited and how wide its box is by default. */
static const struct fe_type fe_types[FT_COUNT] = {
	[FT_TEXT]        = { FE_LINE, 20, NULL },
	[FT_LONG_TEXT]   = { FE_LINE, 40, NULL },
	[FT_INTEGER]     = { FE_LINE, 8, "整数" },
	[FT_DECIMAL]     = { FE_LINE, 10, "数字" },
	[FT_MONEY]       = { FE_LINE, 12, "金额（元）" },
	[FT_DATE]        = { FE_LINE, 12,
	    "日期：可输入 2024-05-06、2024/5/6、2024年5月6日 或 20240506" },
	[FT_BOOLEAN]     = { FE_BOOL, 4, "空格切换；y 或“是”为是，n 或“否”为否" },
	[FT_SELECT_ONE]  = { FE_SELECT, 24,
	    "Enter 或空格打开列表；直接输入代码、汉字或拼音首字母筛选" },
	[FT_SELECT_MANY] = { FE_MULTI, 36, "Enter 或空格打开列表，空格选中或取消，Enter 确定" },
	[FT_ID_CARD]     = { FE_LINE, 20, "18 位公民身份号码；性别、出生日期、年龄自动填写" },
	[FT_PHONE]       = { FE_LINE, 14, "手机号码或固定电话" },
	[FT_ORG_UNIT]    = { FE_SELECT, 24, "Enter 或空格打开列表选择单位" },
	[FT_USER]        = { FE_SELECT, 16, "Enter 或空格打开列表选择人员" },
	[FT_GROUP]       = { FE_GROUP, 30, "Enter 打开子表：n 新增，Enter 修改，d 删除" },
};

/* The editor's keys.  Typing (characters) goes to the field itself. */
static const struct keybind fe_keys[] = {
	{ KEY_F(2), 0, ACT_SAVE, "F2", "保存" },
	{ 0, KEY_CTRL_S, ACT_SAVE, "Ctrl-S", NULL },
	{ 0, KEY_TAB_CHAR, ACT_NEXT_FIELD, "Tab", "下一项" },
	{ KEY_BTAB, 0, ACT_PREV_FIELD, "Shift-Tab", NULL },
	{ KEY_DOWN, 0, ACT_NEXT_FIELD, "Down", NULL },
	{ KEY_UP, 0, ACT_PREV_FIELD, "Up", NULL },
	{ KEY_NPAGE, 0, ACT_PAGE_DOWN, "PgDn", NULL },
	{ KEY_PPAGE, 0, ACT_PAGE_UP, "PgUp", NULL },
	{ KEY_ENTER, 0, ACT_FIELD_ENTER, "Enter", "选择" },
	{ 0, KEY_ESC_CHAR, ACT_BACK, "Esc", "返回" },
	{ KEY_F(1), 0, ACT_HELP, "F1", "帮助" },
	{ KEY_LEFT, 0, ACT_LEFT, "Left", NULL },
	{ KEY_RIGHT, 0, ACT_RIGHT, "Right", NULL },
	{ KEY_HOME, 0, ACT_LINE_START, "Home", NULL },
	{ 0, KEY_CTRL_A, ACT_LINE_START, "Ctrl-A", NULL },
	{ KEY_END, 0, ACT_LINE_END, "End", NULL },
	{ 0, KEY_CTRL_E, ACT_LINE_END, "Ctrl-E", NULL },
	{ 0, KEY_CTRL_K, ACT_KILL_TO_END, "Ctrl-K", NULL },
	{ 0, KEY_CTRL_U, ACT_KILL_TO_START, "Ctrl-U", NULL },
	{ 0, KEY_CTRL_W, ACT_KILL_WORD, "Ctrl-W", NULL },
	{ 0, KEY_CTRL_Y, ACT_YANK, "Ctrl-Y", NULL },
	{ KEY_BACKSPACE, 0, ACT_DELETE_BACK, "Backspace", NULL },
	{ KEY_DC, 0, ACT_DELETE_CHAR, "Delete", NULL },
	{ 0, 0, ACT_NONE, NULL, NULL }
};

/* Editing actions and the key field_key() knows them by. */
static const struct {
	enum action	act;
	int		special;
	uint32_t	ch;
} fe_edit_acts[] = {
	{ ACT_LEFT, KEY_LEFT, 0 },
	{ ACT_RIGHT, KEY_RIGHT, 0 },
	{ ACT_LINE_START, KEY_HOME, 0 },
	{ ACT_LINE_END, KEY_END, 0 },
	{ ACT_KILL_TO_END, 0, KEY_CTRL_K },
	{ ACT_KILL_TO_START, 0, KEY_CTRL_U },
	{ ACT_KILL_WORD, 0, KEY_CTRL_W },
	{ ACT_YANK, 0, KEY_CTRL_Y },
	{ ACT_DELETE_BACK, KEY_BACKSPACE, 0 },
	{ ACT_DELETE_CHAR, KEY_DC, 0 },
};

static const struct screen_ops fe_screen_ops;

/* The row of the type table for f. */
const struct fe_type *
fe_type_of(const struct form_field *f)
{
	return &fe_types[(int)f->type >= 0 && f->type < FT_COUNT ? f->type : FT_TEXT];
}

/* Is field i shown (its show_if and its section's hold)? */
int
fe_visible(const struct formedit *fe, int i)
{
	return form_is_visible(fe->fields[i].f, fe->rec, fe->today);
}

/* Can field i take the focus: shown and editable? */
int
fe_focusable(const struct formedit *fe, int i)
{
	return fe->fields[i].editable && fe_visible(fe, i);
}

/* Box width of field i in columns: the form's width, or the type's default. */
int
fe_box_width(const struct formedit *fe, int i)
{
	const struct form_field *f = fe->fields[i].f;

	return f->width > 0 ? f->width : fe_type_of(f)->width;
}

/* "code label" of one option of a select, org_unit or user field; caller frees. */
static char *
fe_option_text(const struct formedit *fe, const struct form_field *f, const char *code)
{
	const struct select_item *items;
	int n, k;

	if ((f->type == FT_ORG_UNIT || f->type == FT_USER) && fe->ops.options != NULL &&
	    fe->ops.options(fe->options_ctx, f, &items, &n) == BF_OK) {
		for (k = 0; k < n; k++)
			if (strcmp(items[k].code, code) == 0)
				return xasprintf("%s %s", code, items[k].label);
		return xstrdup(code);
	}
	if (form_option_find(f, code) == NULL)
		return xstrdup(code);
	return xasprintf("%s %s", code, form_option_label(f, code));
}

/* How many rows group g of a stored row has on file ("3"), or NULL. */
static const char *
fe_group_stored(const struct formedit *fe, const struct form_field *g)
{
	char *key = xasprintf("%s" FORM_GROUP_STORED, g->id);
	const char *v = form_record_get(fe->rec, key);

	free(key);
	return v;
}

/*
 * What field i shows when it is not being typed into: "code label" for a
 * code, labels joined by 、 for several, 是/否, the row count of a group.
 * Caller frees.
 */
char *
fe_display(const struct formedit *fe, int i)
{
	const struct form_field *f = fe->fields[i].f;
	const char *v = form_record_get(fe->rec, f->id), *stored;
	int rows;

	switch (fe_type_of(f)->kind) {
	case FE_GROUP:
		rows = formedit_rows_count(fe->rec, f);
		stored = fe_group_stored(fe, f);
		if (stored != NULL)	/* a stored row: what is typed here is added */
			return rows > 0 ? xasprintf("已有 %s 条，另新增 %d 条", stored, rows)
			    : xasprintf("已有 %s 条，按 Enter 新增", stored);
		return rows > 0 ? xasprintf("%d 条，按 Enter 编辑", rows)
		    : xstrdup("（无），按 Enter 添加");
	case FE_BOOL:
		if (v == NULL)
			return xstrdup("");
		return xstrdup(strcmp(v, "1") == 0 ? "是" : strcmp(v, "0") == 0 ? "否" : v);
	case FE_SELECT:
		return form_value_blank(v) ? xstrdup("") : fe_option_text(fe, f, v);
	case FE_MULTI:
		return form_value_blank(v) ? xstrdup("") : form_option_labels(f, v);
	case FE_LINE:
		break;
	}
	return xstrdup(v != NULL ? v : "");
}

/* Recompute derived fields (citizen_id.sex ...) from the record as it is now. */
static void
fe_derive(struct formedit *fe)
{
	size_t i;
	char *v;
	const char *old;

	for (i = 0; i < fe->n; i++) {
		const struct form_field *f = fe->fields[i].f;

		if (f->derive == NULL)
			continue;
		v = form_derive_value(f, fe->rec, fe->today);
		old = form_record_get(fe->rec, f->id);
		if (v != NULL && (old == NULL || strcmp(old, v) != 0))
			form_record_set(fe->rec, f->id, v);
		else if (v == NULL && !fe->fields[i].editable && old != NULL)
			form_record_set(fe->rec, f->id, NULL);	/* the source is no longer valid */
		if (v != NULL && fe->fields[i].editable && fe_type_of(f)->kind == FE_LINE)
			lineedit_set(&fe->fields[i].le, v);
		free(v);
	}
}

/* Set field i to value (NULL or blank clears it); derived fields follow. */
void
fe_set_value(struct formedit *fe, int i, const char *value)
{
	struct fe_field *ff = &fe->fields[i];

	form_record_set(fe->rec, ff->f->id, form_value_blank(value) ? NULL : value);
	if (fe_type_of(ff->f)->kind == FE_LINE)
		lineedit_set(&ff->le, value != NULL ? value : "");
	fe->dirty = 1;
	fe_derive(fe);
}

/* Copy the line editor's text of field i into the record if it changed. */
static void
fe_sync_line(struct formedit *fe, int i)
{
	struct fe_field *ff = &fe->fields[i];
	char *text = lineedit_text(&ff->le);
	const char *old = form_record_get(fe->rec, ff->f->id);

	if (strcmp(old != NULL ? old : "", text) != 0) {
		form_record_set(fe->rec, ff->f->id, text[0] != '\0' ? text : NULL);
		fe->dirty = 1;
		fe_derive(fe);
	}
	free(text);
}

/* Replace field i's message (NULL clears). */
static void
fe_set_msg(struct fe_field *ff, const char *msg, int warn)
{
	const char *label = ff->f->label;
	size_t ll = strlen(label);

	free(ff->msg);
	ff->msg = NULL;
	ff->warn = warn;
	if (msg == NULL)
		return;
	/* "姓名：请填写" beside 姓名 says the label twice */
	if (strncmp(msg, label, ll) == 0 && strncmp(msg + ll, "：", strlen("：")) == 0)
		msg += ll + strlen("：");
	ff->msg = xstrdup(msg);
}

/* The index of the field with id, or -1. */
static int
fe_index(const struct formedit *fe, const char *id)
{
	size_t i;

	for (i = 0; i < fe->n; i++)
		if (strcmp(fe->fields[i].f->id, id) == 0)
			return (int)i;
	return -1;
}

/* Attach problems to their fields: the first error, else the first warning. */
static void
fe_attach(struct formedit *fe, const struct form_problems *p)
{
	size_t k;
	int i;

	for (k = 0; k < p->n; k++) {
		if ((i = fe_index(fe, p->v[k].field)) < 0)
			continue;
		if (fe->fields[i].msg != NULL &&
		    !(fe->fields[i].warn && p->v[k].severity == FSEV_ERROR))
			continue;
		fe_set_msg(&fe->fields[i], p->v[k].msg, p->v[k].severity == FSEV_WARNING);
	}
}

/*
 * Check field i as on leaving it: its problems beside it.  A blank
 * required field is not scolded here (tabbing through is normal); saving
 * says so.
 */
static void
fe_check_field(struct formedit *fe, int i)
{
	struct form_problems p;

	fe_set_msg(&fe->fields[i], NULL, 0);
	if (form_value_blank(form_record_get(fe->rec, fe->fields[i].f->id)))
		return;
	form_problems_init(&p);
	form_validate_field(fe->fields[i].f, fe->rec, fe->today, &p);
	fe_attach(fe, &p);
	form_problems_free(&p);
}

/* Normalise field i's value in place; on failure the raw text stays. */
static void
fe_normalise_field(struct formedit *fe, int i)
{
	struct fe_field *ff = &fe->fields[i];
	const char *raw = form_record_get(fe->rec, ff->f->id);
	char *norm = NULL;

	if (form_value_blank(raw) || ff->f->type == FT_GROUP)
		return;
	if (form_value_normalise(ff->f, raw, fe->today, &norm, NULL) == BF_OK) {
		if (strcmp(norm, raw) != 0) {
			form_record_set(fe->rec, ff->f->id, norm[0] != '\0' ? norm : NULL);
			if (fe_type_of(ff->f)->kind == FE_LINE)
				lineedit_set(&ff->le, norm);
		}
		free(norm);
	}
	fe_derive(fe);
}

/*
 * Is the id_card value of field i already on file?  Asks to open that
 * record instead; returns 1 if the user agreed (the editor is then closed
 * and must not be touched).
 */
static int
fe_check_duplicate(struct formedit *fe, struct tui *t, int i)
{
	const struct form_field *f = fe->fields[i].f;
	const char *v = form_record_get(fe->rec, f->id);
	struct formedit_ops ops;
	char desc[256], q[512];
	int64_t id = 0;

	if (f->type != FT_ID_CARD || fe->ops.find_duplicate == NULL || form_value_blank(v) ||
	    fe->fields[i].msg != NULL ||
	    (fe->dup_checked != NULL && strcmp(fe->dup_checked, v) == 0))
		return 0;
	free(fe->dup_checked);
	fe->dup_checked = xstrdup(v);
	desc[0] = '\0';
	if (fe->ops.find_duplicate(fe->ops.ctx, f, v, &id, desc, sizeof desc) != 1)
		return 0;
	snprintf(q, sizeof q, "该身份证号已有档案（%s），打开该档案？", desc);
	if (!tui_confirm(t, q)) {
		tui_message(t, MSG_INFO, "该身份证号已有档案（%s），保存时会被拒绝", desc);
		return 0;
	}
	ops = fe->ops;
	fe->ops.release = NULL;	/* ctx outlives the screen until open_existing is done */
	tui_pop(t);	/* frees fe */
	if (ops.open_existing != NULL)
		ops.open_existing(ops.ctx, t, id);
	if (ops.release != NULL)
		ops.release(ops.ctx);
	return 1;
}

/* Leave the focused field: normalise, check, look for duplicates.  1 if the editor closed. */
static int
fe_leave(struct formedit *fe, struct tui *t)
{
	int i = fe->cur;

	if (i < 0 || (size_t)i >= fe->n)
		return 0;
	if (fe_type_of(fe->fields[i].f)->kind == FE_LINE)
		fe_sync_line(fe, i);
	fe_normalise_field(fe, i);
	fe_check_field(fe, i);
	return t != NULL && fe_check_duplicate(fe, t, i);
}

/* Focus field i (already left the old one). */
static void
fe_focus(struct formedit *fe, int i)
{
	fe->cur = i;
	if (i >= 0 && fe_type_of(fe->fields[i].f)->kind == FE_LINE)
		lineedit_end(&fe->fields[i].le);
	fe_scroll_to(fe, i);
}

/* The next focusable field from i in direction dir (wrapping not), or -1. */
static int
fe_next(const struct formedit *fe, int i, int dir)
{
	for (i += dir; i >= 0 && (size_t)i < fe->n; i += dir)
		if (fe_focusable(fe, i))
			return i;
	return -1;
}

/* Move the focus by dir fields; 1 if the editor closed. */
static int
fe_move(struct formedit *fe, struct tui *t, int dir)
{
	int j;

	if (fe_leave(fe, t))
		return 1;
	j = fe_next(fe, fe->cur, dir);
	if (j >= 0)
		fe_focus(fe, j);
	else if (fe->cur >= 0 && !fe_focusable(fe, fe->cur))
		fe_focus(fe, fe_next(fe, dir > 0 ? (int)fe->n : -1, -dir));
	return 0;
}

/* Move the focus about a page of lines; 1 if the editor closed. */
static int
fe_page(struct formedit *fe, struct tui *t, int dir)
{
	int from, j, best;

	if (fe_leave(fe, t))
		return 1;
	from = fe_line_of(fe, fe->cur);
	best = fe->cur;
	for (j = fe_next(fe, fe->cur, dir); j >= 0; j = fe_next(fe, j, dir)) {
		best = j;
		if (abs(fe_line_of(fe, j) - from) >= fe->body_h - 2)
			break;
	}
	if (best >= 0)
		fe_focus(fe, best);
	return 0;
}

/* Items for the popup of field f; *owned gets an array to free (or NULL). */
static int
fe_items(const struct formedit *fe, const struct form_field *f,
    const struct select_item **items, struct select_item **owned)
{
	const struct form_option *o;
	size_t n, k;
	int m;

	*owned = NULL;
	if (f->type == FT_ORG_UNIT || f->type == FT_USER) {
		if (fe->ops.options == NULL || fe->ops.options(fe->options_ctx, f, items, &m) != BF_OK)
			return 0;
		return m;
	}
	o = form_field_options(f, &n);
	*owned = xcalloc(n > 0 ? n : 1, sizeof **owned);
	for (k = 0; k < n; k++) {
		(*owned)[k].code = o[k].code;
		(*owned)[k].label = o[k].label;
		(*owned)[k].disabled = o[k].disabled;
	}
	*items = *owned;
	return (int)n;
}

/* Is code one of the codes in the comma-separated list? */
static int
fe_has_code(const char *list, const char *code)
{
	size_t n = strlen(code);
	const char *p = list;

	while (p != NULL && *p != '\0') {
		if (strncmp(p, code, n) == 0 && (p[n] == ',' || p[n] == '\0'))
			return 1;
		p = strchr(p, ',');
		if (p != NULL)
			p++;
	}
	return 0;
}

/* Open the code popup for field i, filtered by first (UTF-8) if not NULL. */
static void
fe_choose(struct formedit *fe, struct tui *t, int i, const char *first)
{
	const struct form_field *f = fe->fields[i].f;
	const struct select_item *items;
	struct select_item *owned;
	struct select s;
	const char *v = form_record_get(fe->rec, f->id);
	int n, k, multi = fe_type_of(f)->kind == FE_MULTI;
	strbuf sb;

	n = fe_items(fe, f, &items, &owned);
	if (n <= 0) {
		free(owned);
		tui_message(t, MSG_ERROR, "“%s”没有可选的项目", f->label);
		return;
	}
	select_init(&s, f->label, items, n, multi);
	/*
	 * Start on the value held (the first chosen one, for a multiple
	 * choice); opened by typing, on the first match of what was typed.
	 */
	for (k = n - 1; v != NULL && k >= 0; k--)
		if (multi ? fe_has_code(v, items[k].code) : strcmp(v, items[k].code) == 0) {
			if (multi)
				select_set_chosen(&s, k, 1);
			if (first == NULL)
				select_set_current(&s, k);
		}
	if (first != NULL)
		select_set_filter(&s, first);
	if (select_run(t, &s) == SELECT_PICKED) {
		sb_init(&sb);
		if (multi) {
			for (k = 0; k < n; k++) {
				if (!select_is_chosen(&s, k))
					continue;
				if (sb_str(&sb)[0] != '\0')
					sb_addc(&sb, ',');
				sb_add(&sb, items[k].code);
			}
		} else if ((k = select_picked(&s)) >= 0) {
			sb_add(&sb, items[k].code);
		}
		fe_set_value(fe, i, sb_str(&sb));
		fe_check_field(fe, i);
		sb_free(&sb);
	}
	select_free(&s);
	free(owned);
}

/* Keys typed into a line field. */
static int
fe_key_line(struct formedit *fe, struct tui *t, int i, const struct key *k)
{
	struct fe_field *ff = &fe->fields[i];

	if (!field_key(&ff->le, k))
		return 0;
	if (ff->le.cut > 0) {
		tui_message(t, MSG_ERROR, "“%s”最多 %zu 个字", ff->f->label, ff->le.max_chars);
		ff->le.cut = 0;
	}
	fe_sync_line(fe, i);
	return 1;
}

/* Keys on a yes/no field: Space toggles, y/n/是/否 set, Backspace clears. */
static int
fe_key_bool(struct formedit *fe, struct tui *t, int i, const struct key *k)
{
	const char *v = form_record_get(fe->rec, fe->fields[i].f->id);
	const char *nv;

	(void)t;
	if (k->special == KEY_BACKSPACE || k->special == KEY_DC)
		nv = NULL;
	else if (k->special != 0)
		return 0;
	else if (k->ch == ' ')
		nv = v != NULL && strcmp(v, "1") == 0 ? "0" : "1";
	else if (k->ch == 'y' || k->ch == 'Y' || k->ch == 0x662f /* 是 */ || k->ch == '1')
		nv = "1";
	else if (k->ch == 'n' || k->ch == 'N' || k->ch == 0x5426 /* 否 */ || k->ch == '0')
		nv = "0";
	else
		return 0;
	fe_set_value(fe, i, nv);
	fe_check_field(fe, i);
	return 1;
}

/* Keys on a code field: Space opens the popup, a character opens it filtered, Backspace clears. */
static int
fe_key_select(struct formedit *fe, struct tui *t, int i, const struct key *k)
{
	char first[5];
	int n;

	if (k->special == KEY_BACKSPACE || k->special == KEY_DC) {
		fe_set_value(fe, i, NULL);
		fe_check_field(fe, i);
		return 1;
	}
	if (k->special != 0 || k->ch < 0x20 || k->ch == 0x7f)
		return 0;
	if (k->ch == ' ') {
		fe_choose(fe, t, i, NULL);
		return 1;
	}
	n = utf8_encode(k->ch, first);
	first[n] = '\0';
	fe_choose(fe, t, i, first);
	return 1;
}

/* Keys on a group's summary line: none but Enter (an action). */
static int
fe_key_group(struct formedit *fe, struct tui *t, int i, const struct key *k)
{
	(void)fe;
	(void)t;
	(void)i;
	(void)k;
	return 0;
}

typedef int (*fe_key_fn)(struct formedit *fe, struct tui *t, int i, const struct key *k);

/* Typing, per kind of field. */
static const fe_key_fn fe_key_fns[] = {
	[FE_LINE] = fe_key_line,
	[FE_BOOL] = fe_key_bool,
	[FE_SELECT] = fe_key_select,
	[FE_MULTI] = fe_key_select,
	[FE_GROUP] = fe_key_group,
};

/* Keep a draft when there are changes and the last one is old enough. */
static void
fe_maybe_draft(struct formedit *fe)
{
	time_t now = time(NULL);

	if (fe->ops.draft == NULL || !fe->dirty || now - fe->draft_at < fe->draft_every)
		return;
	fe->draft_at = now;
	fe->ops.draft(fe->ops.ctx, fe->rec);
}

/* A key the table does not bind: typing into the focused field. */
static int
fe_key(struct screen *s, struct tui *t, const struct key *k)
{
	struct formedit *fe = (struct formedit *)s;
	int handled;

	if (fe->cur < 0)
		return 0;
	handled = fe_key_fns[fe_type_of(fe->fields[fe->cur].f)->kind](fe, t, fe->cur, k);
	if (handled)
		fe_maybe_draft(fe);
	return handled;
}

/* Enter on field i: popup for codes, the row list for groups, else the next field. */
static int
fe_enter(struct formedit *fe, struct tui *t)
{
	int i = fe->cur;

	if (i < 0)
		return 0;
	switch (fe_type_of(fe->fields[i].f)->kind) {
	case FE_SELECT:
	case FE_MULTI:
		fe_choose(fe, t, i, NULL);
		return 0;
	case FE_GROUP:
		fe_group_open(fe, t, i);
		return 0;
	case FE_LINE:
	case FE_BOOL:
		break;
	}
	return fe_move(fe, t, 1);
}

/* Validate the whole scope and show every problem beside its field. */
static size_t
fe_validate_all(struct formedit *fe, struct form_problems *p)
{
	size_t i;

	for (i = 0; i < fe->n; i++)
		fe_set_msg(&fe->fields[i], NULL, 0);
	if (fe->group != NULL)
		form_validate_row(fe->group, fe->rec, fe->today, p);
	else
		form_validate_record(fe->form, fe->rec, fe->today, p);
	fe_attach(fe, p);
	return form_problems_errors(p);
}

/* Ask about warnings before saving; 1 to go on. */
static int
fe_confirm_warnings(struct tui *t, const struct form_problems *p)
{
	strbuf sb;
	size_t k;
	int n = 0, ok;

	sb_init(&sb);
	sb_add(&sb, "请核对：");
	for (k = 0; k < p->n; k++) {
		if (p->v[k].severity != FSEV_WARNING)
			continue;
		if (n++ > 0)
			sb_add(&sb, "；");
		sb_add(&sb, p->v[k].msg);
	}
	sb_add(&sb, "。仍要保存吗？");
	ok = n == 0 || tui_confirm(t, sb_str(&sb));
	sb_free(&sb);
	return ok;
}

/*
 * After a failed check: say how many fields need changing and focus the
 * first.  Fields the user can change count; a derived field's complaint
 * (性别 missing because the number is wrong) is not counted on top of its
 * source's, unless nothing editable is wrong.
 */
static void
fe_report_errors(struct formedit *fe, struct tui *t, size_t problems)
{
	size_t i, count = 0, any = 0;
	int first = -1, first_any = -1;

	for (i = 0; i < fe->n; i++) {
		if (fe->fields[i].msg == NULL || fe->fields[i].warn || !fe_visible(fe, (int)i))
			continue;
		any++;
		if (first_any < 0)
			first_any = (int)i;
		if (!fe->fields[i].editable)
			continue;
		count++;
		if (first < 0)
			first = (int)i;
	}
	if (first >= 0) {
		fe_focus(fe, first);
	} else {
		first = first_any;
		count = any > 0 ? any : problems;
		if (first >= 0)
			fe_scroll_to(fe, first);
	}
	if (first < 0) {
		tui_message(t, MSG_ERROR, "有 %zu 处需要修改", count);
		return;
	}
	tui_message(t, MSG_ERROR, "有 %zu 处需要修改，先改“%s”：%s", count,
	    fe->fields[first].f->label, fe->fields[first].msg);
}

/*
 * Remove the values of fields hidden now (benefit dates typed before
 * 是否领取失业金 went back to 否), so what is saved is what was shown.
 */
static void
fe_drop_hidden(struct formedit *fe)
{
	size_t i;

	for (i = 0; i < fe->n; i++) {
		if (fe->fields[i].f->type == FT_GROUP || fe_visible(fe, (int)i) ||
		    form_record_get(fe->rec, fe->fields[i].f->id) == NULL)
			continue;
		form_record_set(fe->rec, fe->fields[i].f->id, NULL);
		lineedit_set(&fe->fields[i].le, "");
	}
}

/*
 * F2 / Ctrl-S: normalise everything, validate the shown fields, ask about
 * warnings, drop hidden values, then hand the record to the save callback.  On success the
 * editor closes (returns 1); on any failure everything typed stays.
 */
static int
fe_save(struct formedit *fe, struct tui *t)
{
	struct formedit_ops ops;
	struct form_problems p;
	bf_error err;
	size_t errors, i;
	int rc;

	if (fe->cur >= 0 && fe_type_of(fe->fields[fe->cur].f)->kind == FE_LINE)
		fe_sync_line(fe, fe->cur);
	form_record_normalise(fe->scope, fe->n, fe->rec, fe->today);
	fe_derive(fe);
	for (i = 0; i < fe->n; i++)
		if (fe_type_of(fe->fields[i].f)->kind == FE_LINE) {
			const char *v = form_record_get(fe->rec, fe->fields[i].f->id);

			lineedit_set(&fe->fields[i].le, v != NULL ? v : "");
		}
	form_problems_init(&p);
	errors = fe_validate_all(fe, &p);
	if (errors > 0) {
		fe_report_errors(fe, t, errors);
		form_problems_free(&p);
		return 0;
	}
	if (!fe_confirm_warnings(t, &p)) {
		form_problems_free(&p);
		tui_message(t, MSG_INFO, "未保存，请核对标出的内容");
		return 0;
	}
	form_problems_free(&p);
	fe_drop_hidden(fe);
	err_clear(&err);
	rc = fe->ops.save != NULL ? fe->ops.save(fe->ops.ctx, fe->rec, &err) : BF_OK;
	if (rc != BF_OK) {
		tui_message(t, MSG_ERROR, "未能保存：%s", err.msg[0] != '\0' ? err.msg :
		    err_status_name(rc));
		return 0;
	}
	fe->dirty = 0;
	if (fe->group != NULL)
		tui_message(t, MSG_INFO, "已记入%s（保存整张表时写入）", fe->group->label);
	else
		tui_message(t, MSG_INFO, "已保存");
	ops = fe->ops;
	fe->ops.release = NULL;	/* ctx outlives the screen until saved() is done */
	tui_pop(t);	/* frees fe */
	if (ops.saved != NULL)
		ops.saved(ops.ctx, t);
	if (ops.release != NULL)
		ops.release(ops.ctx);
	return 1;
}

/* Esc: close, asking first when something is unsaved. */
static void
fe_back(struct formedit *fe, struct tui *t)
{
	int answer;

	if (fe->cur >= 0 && fe_type_of(fe->fields[fe->cur].f)->kind == FE_LINE)
		fe_sync_line(fe, fe->cur);
	if (!fe->dirty) {
		tui_pop(t);
		return;
	}
	answer = tui_ask_unsaved(t, fe->base.title);
	if (answer == 's') {
		fe_save(fe, t);
	} else if (answer == 'd') {
		tui_pop(t);
	}
}

/* An action from the key table. */
static int
fe_action(struct screen *s, struct tui *t, enum action a)
{
	struct formedit *fe = (struct formedit *)s;
	struct key k;
	size_t i;

	for (i = 0; i < sizeof fe_edit_acts / sizeof fe_edit_acts[0]; i++) {
		if (fe_edit_acts[i].act != a)
			continue;
		k.special = fe_edit_acts[i].special;
		k.ch = fe_edit_acts[i].ch;
		fe_key(s, t, &k);
		return 1;
	}
	switch (a) {
	case ACT_SAVE:
		fe_save(fe, t);
		return 1;
	case ACT_BACK:
		fe_back(fe, t);
		return 1;
	case ACT_NEXT_FIELD:
	case ACT_DOWN:
		fe_move(fe, t, 1);
		return 1;
	case ACT_PREV_FIELD:
	case ACT_UP:
		fe_move(fe, t, -1);
		return 1;
	case ACT_PAGE_DOWN:
		fe_page(fe, t, 1);
		return 1;
	case ACT_PAGE_UP:
		fe_page(fe, t, -1);
		return 1;
	case ACT_FIELD_ENTER:
		fe_enter(fe, t);
		return 1;
	default:
		return 0;
	}
}

/* A click focuses the field on that row. */
static int
fe_click(struct screen *s, struct tui *t, int y, int x)
{
	struct formedit *fe = (struct formedit *)s;
	int i = fe_field_at(fe, y);

	(void)x;
	if (i < 0 || !fe_focusable(fe, i))
		return 0;
	if (i == fe->cur)
		return 1;
	if (fe_leave(fe, t))
		return 1;
	if (fe_focusable(fe, i))
		fe_focus(fe, i);
	return 1;
}

/* Unsaved changes? */
static int
fe_dirty(struct screen *s)
{
	return ((struct formedit *)s)->dirty;
}

/* Free the editor and the record it owns. */
static void
fe_destroy(struct screen *s)
{
	struct formedit *fe = (struct formedit *)s;
	size_t i;

	for (i = 0; i < fe->n; i++) {
		lineedit_free(&fe->fields[i].le);
		free(fe->fields[i].msg);
	}
	free(fe->fields);
	free(fe->lines);
	free(fe->dup_checked);
	free(fe->owned_ctx);
	/* Closed with changes the user chose to discard: forget their draft too. */
	if (fe->dirty && !fe->draft_kept && fe->ops.draft != NULL)
		fe->ops.draft(fe->ops.ctx, NULL);
	if (fe->ops.release != NULL)
		fe->ops.release(fe->ops.ctx);
	form_record_free(fe->rec);
	free(fe);
}

static const struct screen_ops fe_screen_ops = {
	"formedit", fe_draw, fe_action, fe_key, fe_click, fe_dirty, NULL, fe_destroy
};

/* The length limit typing gets for f: max for text, 0 (none) otherwise. */
static size_t
fe_max_chars(const struct form_field *f)
{
	long m;

	if ((f->type != FT_TEXT && f->type != FT_LONG_TEXT) || f->max == NULL)
		return 0;
	m = strtol(f->max, NULL, 10);
	return m > 0 ? (size_t)m : 0;
}

/* An editor over scope form (top level) or group (one row); see formedit_new. */
struct screen *
fe_new(const struct form *form, const struct form_field *group, struct form_record *rec,
    const struct formedit_ops *ops, const char *title, bf_date today)
{
	struct formedit *fe = xcalloc(1, sizeof *fe);
	size_t i;
	const char *v;

	fe->base.ops = &fe_screen_ops;
	fe->base.keys = fe_keys;
	snprintf(fe->base.title, sizeof fe->base.title, "%s", title != NULL ? title : "");
	fe->base.cursor_y = fe->base.cursor_x = -1;
	fe->form = form;
	fe->group = group;
	fe->scope = group != NULL ? group->fields : form->fields;
	fe->n = group != NULL ? group->nfields : form->nfields;
	fe->rec = rec != NULL ? rec : form_record_new();
	if (ops != NULL)
		fe->ops = *ops;
	fe->options_ctx = fe->ops.ctx;
	fe->today = today;
	fe->fields = xcalloc(fe->n > 0 ? fe->n : 1, sizeof *fe->fields);
	for (i = 0; i < fe->n; i++) {
		struct fe_field *ff = &fe->fields[i];

		ff->f = fe->scope[i];
		ff->editable = !ff->f->readonly && ff->f->derive == NULL;
		lineedit_init(&ff->le, fe_max_chars(ff->f));
		v = form_record_get(fe->rec, ff->f->id);
		lineedit_set(&ff->le, v != NULL ? v : "");
		/* the number a record already has is its own, not a duplicate */
		if (ff->f->type == FT_ID_CARD && fe->dup_checked == NULL && !form_value_blank(v))
			fe->dup_checked = xstrdup(v);
	}
	fe_derive(fe);
	fe->cur = fe_next(fe, -1, 1);
	fe->draft_at = time(NULL);
	v = getenv("BANGFU_DRAFT_SECONDS");
	fe->draft_every = v != NULL && atoi(v) > 0 ? atoi(v) : 30;
	return &fe->base;
}

/* The form editor; see formedit.h. */
struct screen *
formedit_new(const struct form *form, struct form_record *rec,
    const struct formedit_ops *ops, const char *title, bf_date today)
{
	return fe_new(form, NULL, rec, ops, title, today);
}

/* The record being edited; see formedit.h. */
const struct form_record *
formedit_record(const struct screen *s)
{
	return ((const struct formedit *)s)->rec;
}

/* The focused field's id; see formedit.h. */
const char *
formedit_focus(const struct screen *s)
{
	const struct formedit *fe = (const struct formedit *)s;

	return fe->cur >= 0 ? fe->fields[fe->cur].f->id : NULL;
}

/* Focus a field by id (without checking the one left); see formedit.h. */
int
formedit_set_focus(struct screen *s, const char *id)
{
	struct formedit *fe = (struct formedit *)s;
	int i = fe_index(fe, id);

	if (i < 0 || !fe_focusable(fe, i))
		return 0;
	fe_focus(fe, i);
	return 1;
}

/* The message beside a field; see formedit.h. */
const char *
formedit_message(const struct screen *s, const char *id)
{
	const struct formedit *fe = (const struct formedit *)s;
	int i = fe_index(fe, id);

	return i >= 0 ? fe->fields[i].msg : NULL;
}

/* Unsaved changes to ops.draft now; see formedit.h. */
void
formedit_keep_draft(struct screen *s)
{
	struct formedit *fe = (struct formedit *)s;

	if (fe->cur >= 0 && fe_type_of(fe->fields[fe->cur].f)->kind == FE_LINE)
		fe_sync_line(fe, fe->cur);
	if (fe->ops.draft != NULL && fe->dirty) {
		fe->ops.draft(fe->ops.ctx, fe->rec);
		fe->draft_kept = 1;
	}
}

/* Count the record as unsaved; see formedit.h. */
void
formedit_mark_changed(struct screen *s)
{
	((struct formedit *)s)->dirty = 1;
}
