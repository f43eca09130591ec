/*
 * formedit_group.c -- group fields (household members, work history) in
 * the form editor: the rows as stored in the parent record (keys
 * "GROUP[i].CHILD", row count under "GROUP"; see formedit.h), the list of
 * rows opened by Enter on the group's line (n adds, Enter edits, d
 * deletes), and the nested editor for one row, which writes the row back
 * into the parent record when "saved" (the parent saves it to disk).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forms/eval.h"
#include "forms/value.h"
#include "text/width.h"
#include "tui/draw.h"
#include "tui/formedit_int.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* Key of child field child in row i: "members[2].name"; caller frees. */
static char *
fe_row_key(const struct form_field *group, int i, const char *child)
{
	return xasprintf("%s[%d].%s", group->id, i, child);
}

/* The number of rows of group in rec; see formedit.h. */
int
formedit_rows_count(const struct form_record *rec, const struct form_field *group)
{
	const char *v = form_record_get(rec, group->id);
	long n = v != NULL ? strtol(v, NULL, 10) : 0;

	return n > 0 && n < 100000 ? (int)n : 0;
}

/* Set the row count (0 removes the key). */
static void
fe_rows_set_count(struct form_record *rec, const struct form_field *group, int n)
{
	char buf[16];

	snprintf(buf, sizeof buf, "%d", n);
	form_record_set(rec, group->id, n > 0 ? buf : NULL);
}

/* Row i as a record of its own; see formedit.h. */
struct form_record *
formedit_row_get(const struct form_record *rec, const struct form_field *group, int i)
{
	struct form_record *row = form_record_new();
	size_t c;
	char *key;
	const char *v;

	for (c = 0; c < group->nfields; c++) {
		key = fe_row_key(group, i, group->fields[c]->id);
		if ((v = form_record_get(rec, key)) != NULL)
			form_record_set(row, group->fields[c]->id, v);
		free(key);
	}
	return row;
}

/* Store row as row i (i == count appends); see formedit.h. */
void
formedit_row_put(struct form_record *rec, const struct form_field *group, int i,
    const struct form_record *row)
{
	size_t c;
	char *key;
	int n = formedit_rows_count(rec, group);

	if (i < 0 || i > n)
		return;
	for (c = 0; c < group->nfields; c++) {
		key = fe_row_key(group, i, group->fields[c]->id);
		form_record_set(rec, key, form_record_get(row, group->fields[c]->id));
		free(key);
	}
	if (i == n)
		fe_rows_set_count(rec, group, n + 1);
}

/* Delete row i, moving later rows up; see formedit.h. */
void
formedit_row_delete(struct form_record *rec, const struct form_field *group, int i)
{
	struct form_record *next, *empty;
	int n = formedit_rows_count(rec, group), j;

	if (i < 0 || i >= n)
		return;
	for (j = i; j + 1 < n; j++) {
		next = formedit_row_get(rec, group, j + 1);
		formedit_row_put(rec, group, j, next);
		form_record_free(next);
	}
	empty = form_record_new();
	formedit_row_put(rec, group, n - 1, empty);
	form_record_free(empty);
	fe_rows_set_count(rec, group, n - 1);
}

/* The list of rows of one group. */
struct fe_rows {
	struct screen		 base;
	struct formedit		*parent;	/* below on the stack: outlives the list */
	const struct form_field	*group;
	int			 cur, top;
};

/* What a row editor writes back to. */
struct fe_row_ctx {
	struct formedit		*parent;
	const struct form_field	*group;
	int			 row;		/* index, or the count for a new row */
};

static const struct keybind fe_rows_keys[] = {
	{ 0, 'n', ACT_NEW, "n", "新增" },
	{ KEY_ENTER, 0, ACT_EDIT, "Enter", "修改" },
	{ 0, 'd', ACT_DELETE, "d", "删除" },
	{ 0, KEY_ESC_CHAR, ACT_BACK, "Esc", "返回" },
	{ KEY_UP, 0, ACT_UP, "Up", NULL },
	{ KEY_DOWN, 0, ACT_DOWN, "Down", NULL },
	{ KEY_HOME, 0, ACT_FIRST, "Home", NULL },
	{ KEY_END, 0, ACT_LAST, "End", NULL },
	{ KEY_F(1), 0, ACT_HELP, "F1", "帮助" },
	{ 0, 0, ACT_NONE, NULL, NULL }
};

/* The child fields the list shows: the group's summary, else the first few. */
static const struct form_field *
fe_rows_column(const struct form_field *group, size_t c)
{
	if (group->nsummary > 0)
		return c < group->nsummary ? form_fields_find(group->fields, group->nfields,
		    group->summary[c]) : NULL;
	return c < group->nfields && c < 4 ? group->fields[c] : NULL;
}

/* Draw the header and the rows. */
static void
fe_rows_draw(struct screen *s, struct tui *t)
{
	struct fe_rows *rl = (struct fe_rows *)s;
	struct formedit *p = rl->parent;
	const struct form_field *col;
	struct form_record *row;
	int n = formedit_rows_count(p->rec, rl->group), ncol = 0, cw, x, r, h;
	size_t c;
	const char *v;
	char *shown, num[16];

	while (fe_rows_column(rl->group, (size_t)ncol) != NULL)
		ncol++;
	cw = ncol > 0 ? (t->cols - 6) / ncol : t->cols - 6;
	if (cw > 20)
		cw = 20;
	h = tui_body_rows(t) - 2;
	if (rl->cur >= n)
		rl->cur = n - 1;
	if (rl->cur < 0)
		rl->cur = 0;
	if (rl->cur < rl->top)
		rl->top = rl->cur;
	if (rl->cur >= rl->top + h)
		rl->top = rl->cur - h + 1;
	draw_text(stdscr, 1, 0, 5, "序号", theme_attr(ROLE_HEADER));
	for (c = 0, x = 6; (col = fe_rows_column(rl->group, c)) != NULL; c++, x += cw)
		draw_text(stdscr, 1, x, cw - 1, col->label, theme_attr(ROLE_HEADER));
	for (r = 0; r < h && rl->top + r < n; r++) {
		int i = rl->top + r;
		attr_t a = i == rl->cur ? theme_attr(ROLE_SELECTED) : A_NORMAL;

		row = formedit_row_get(p->rec, rl->group, i);
		draw_fill(stdscr, 2 + r, 0, t->cols, a);
		snprintf(num, sizeof num, "%4d", i + 1);
		draw_text(stdscr, 2 + r, 0, 5, num, a);
		for (c = 0, x = 6; (col = fe_rows_column(rl->group, c)) != NULL; c++, x += cw) {
			v = form_record_get(row, col->id);
			shown = form_value_display(col, v != NULL ? v : "");
			draw_text_cut(stdscr, 2 + r, x, cw - 1, shown, a);
			free(shown);
		}
		form_record_free(row);
	}
	if (n == 0)
		draw_text(stdscr, 2, 6, t->cols - 7, "（还没有记录，按 n 新增）", theme_attr(ROLE_DIM));
	draw_text(stdscr, 1 + tui_body_rows(t) - 1, 0, t->cols,
	    "n 新增一行，Enter 修改所选行，d 删除所选行；修改在保存整张表时写入",
	    theme_attr(ROLE_DIM));
}

/* Write a row editor's record back into the parent's. */
static int
fe_row_save(void *ctx, struct form_record *rec, bf_error *err)
{
	struct fe_row_ctx *rc = ctx;

	(void)err;
	formedit_row_put(rc->parent->rec, rc->group, rc->row, rec);
	rc->parent->dirty = 1;
	return BF_OK;
}

/* Open the editor for row i (the count: a new row). */
static void
fe_rows_edit(struct fe_rows *rl, struct tui *t, int i)
{
	struct fe_row_ctx *ctx = xcalloc(1, sizeof *ctx);
	struct formedit_ops ops;
	struct form_record *row;
	struct screen *s;
	struct formedit *fe;
	int n = formedit_rows_count(rl->parent->rec, rl->group);
	char *title;

	ctx->parent = rl->parent;
	ctx->group = rl->group;
	ctx->row = i;
	memset(&ops, 0, sizeof ops);
	ops.ctx = ctx;
	ops.save = fe_row_save;
	ops.options = rl->parent->ops.options;	/* org_unit / user lists come from the caller */
	if (i >= n) {
		row = form_record_new();
		form_record_defaults(rl->group->fields, rl->group->nfields, row, rl->parent->today);
		title = xasprintf("%s > %s > 新增", rl->parent->base.title, rl->group->label);
	} else {
		row = formedit_row_get(rl->parent->rec, rl->group, i);
		title = xasprintf("%s > %s > 第 %d 行", rl->parent->base.title,
		    rl->group->label, i + 1);
	}
	s = fe_new(NULL, rl->group, row, &ops, title, rl->parent->today);
	free(title);
	fe = (struct formedit *)s;
	fe->options_ctx = rl->parent->options_ctx;	/* options() wants the caller's ctx */
	fe->owned_ctx = ctx;
	if (i >= n)
		fe->dirty = 1;	/* a new row is worth asking about */
	tui_push(t, s);
}

/* The list's actions. */
static int
fe_rows_action(struct screen *s, struct tui *t, enum action a)
{
	struct fe_rows *rl = (struct fe_rows *)s;
	struct formedit *p = rl->parent;
	int n = formedit_rows_count(p->rec, rl->group);
	char q[256];

	switch (a) {
	case ACT_UP:
		if (rl->cur > 0)
			rl->cur--;
		return 1;
	case ACT_DOWN:
		if (rl->cur + 1 < n)
			rl->cur++;
		return 1;
	case ACT_FIRST:
		rl->cur = 0;
		return 1;
	case ACT_LAST:
		rl->cur = n > 0 ? n - 1 : 0;
		return 1;
	case ACT_NEW:
		fe_rows_edit(rl, t, n);
		return 1;
	case ACT_EDIT:
		if (n > 0)
			fe_rows_edit(rl, t, rl->cur);
		else
			fe_rows_edit(rl, t, 0);
		return 1;
	case ACT_DELETE:
		if (n == 0)
			return 1;
		snprintf(q, sizeof q, "删除%s第 %d 行？", rl->group->label, rl->cur + 1);
		if (tui_confirm(t, q)) {
			formedit_row_delete(p->rec, rl->group, rl->cur);
			p->dirty = 1;
			tui_message(t, MSG_INFO, "已删除第 %d 行（保存整张表后生效）", rl->cur + 1);
		}
		return 1;
	case ACT_BACK:
		tui_pop(t);
		return 1;
	default:
		return 0;
	}
}

/* A click selects a row. */
static int
fe_rows_click(struct screen *s, struct tui *t, int y, int x)
{
	struct fe_rows *rl = (struct fe_rows *)s;
	int i = rl->top + y - 2;

	(void)t;
	(void)x;
	if (y < 2 || i >= formedit_rows_count(rl->parent->rec, rl->group))
		return 0;
	rl->cur = i;
	return 1;
}

/* Free the list (the rows live in the parent's record). */
static void
fe_rows_destroy(struct screen *s)
{
	free(s);
}

static const struct screen_ops fe_rows_ops = {
	"formedit_rows", fe_rows_draw, fe_rows_action, NULL, fe_rows_click, NULL, NULL,
	fe_rows_destroy
};

/* Enter on a group's line: open its list of rows. */
void
fe_group_open(struct formedit *fe, struct tui *t, int idx)
{
	struct fe_rows *rl = xcalloc(1, sizeof *rl);
	char *title = xasprintf("%s > %s", fe->base.title, fe->fields[idx].f->label);

	rl->base.ops = &fe_rows_ops;
	rl->base.keys = fe_rows_keys;
	rl->base.cursor_y = rl->base.cursor_x = -1;
	snprintf(rl->base.title, sizeof rl->base.title, "%s", title);
	free(title);
	rl->parent = fe;
	rl->group = fe->fields[idx].f;
	tui_push(t, &rl->base);
}
