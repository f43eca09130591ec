/*
 * select.c -- the code-list popup: filter by code, Chinese or pinyin
 * initials, pick one or several, never a retired code.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/pinyin.h"
#include "text/width.h"
#include "tui/draw.h"
#include "tui/field.h"
#include "tui/select.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define SELECT_MAX_W 64		/* popup width at most */
#define SELECT_CODE_W 10	/* code column at most */

const struct keybind select_keys[] = {
	{ KEY_ENTER, 0, ACT_PICK, "Enter", "选定" },
	{ 0, KEY_ESC_CHAR, ACT_CANCEL, "Esc", "取消" },
	{ 0, ' ', ACT_TOGGLE, "空格", "选中" },
	{ KEY_UP, 0, ACT_UP, "Up", NULL },
	{ KEY_DOWN, 0, ACT_DOWN, "Down", NULL },
	{ KEY_PPAGE, 0, ACT_PAGE_UP, "PgUp", NULL },
	{ KEY_NPAGE, 0, ACT_PAGE_DOWN, "PgDn", NULL },
	{ 0, 0, ACT_NONE, NULL, NULL }
};

/* Lower-case ASCII letters of s in place. */
static void
select_lower(char *s)
{
	for (; *s != '\0'; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

/* Does text start with prefix, ignoring ASCII case? */
static int
select_prefix(const char *text, const char *prefix)
{
	size_t n = strlen(prefix);
	char *t;
	int ok;

	if (strlen(text) < n)
		return 0;
	t = xstrndup(text, n);
	select_lower(t);
	ok = strcmp(t, prefix) == 0;
	free(t);
	return ok;
}

/* Does item i pass the filter f (f already lower-cased)? */
static int
select_matches(const struct select *s, int i, const char *f, const char *raw)
{
	const struct select_item *it = &s->items[i];

	if (f[0] == '\0')
		return 1;
	if (it->code != NULL && select_prefix(it->code, f))
		return 1;
	if (it->label != NULL && strstr(it->label, raw) != NULL)
		return 1;
	return strncmp(s->initials[i], f, strlen(f)) == 0;
}

/* Recompute the matches; keep the current item if it still matches. */
static void
select_refilter(struct select *s)
{
	char *raw = lineedit_text(&s->filter), *f = xstrdup(raw);
	int was = select_current(s), i;

	select_lower(f);
	s->nmatch = 0;
	s->cur = 0;
	for (i = 0; i < s->n; i++) {
		if (!select_matches(s, i, f, raw))
			continue;
		if (i == was)
			s->cur = s->nmatch;
		s->match[s->nmatch++] = i;
	}
	/* A new filter lands on the first pickable match. */
	if (was < 0 || s->nmatch == 0 || s->match[s->cur] != was) {
		for (i = 0; i < s->nmatch; i++)
			if (!s->items[s->match[i]].disabled) {
				s->cur = i;
				break;
			}
	}
	s->top = 0;
	free(f);
	free(raw);
}

/* Set up over items (borrowed); everything matches at first. */
void
select_init(struct select *s, const char *title, const struct select_item *items,
    int n, int multi)
{
	strbuf sb;
	int i;

	memset(s, 0, sizeof *s);
	s->title = title;
	s->items = items;
	s->n = n < 0 ? 0 : n;
	s->multi = multi;
	s->picked = -1;
	s->page = 10;
	s->initials = xcalloc((size_t)s->n + 1, sizeof *s->initials);
	s->chosen = xcalloc((size_t)s->n + 1, 1);
	s->match = xcalloc((size_t)s->n + 1, sizeof *s->match);
	sb_init(&sb);
	for (i = 0; i < s->n; i++) {
		sb_reset(&sb);
		pinyin_text_initials(items[i].label != NULL ? items[i].label : "", &sb);
		s->initials[i] = xstrdup(sb_str(&sb));
	}
	sb_free(&sb);
	lineedit_init(&s->filter, 32);
	s->cur = -1;
	select_refilter(s);
}

/* Free what select_init allocated. */
void
select_free(struct select *s)
{
	int i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n && s->initials != NULL; i++)
		free(s->initials[i]);
	free(s->initials);
	free(s->chosen);
	free(s->match);
	lineedit_free(&s->filter);
	s->initials = NULL;
	s->chosen = NULL;
	s->match = NULL;
	s->n = s->nmatch = 0;
}

/* Replace the filter text (as if typed). */
void
select_set_filter(struct select *s, const char *text)
{
	lineedit_set(&s->filter, text);
	select_refilter(s);
}

/* The item under the cursor, or -1 when nothing matches. */
int
select_current(const struct select *s)
{
	if (s->match == NULL || s->nmatch == 0 || s->cur < 0 || s->cur >= s->nmatch)
		return -1;
	return s->match[s->cur];
}

/*
 * Put the cursor on item i if it matches the filter (opening the popup
 * of a field already filled starts on its value, as a caseworker
 * changing 初中 to 高中 expects, not at the top of the list).
 */
void
select_set_current(struct select *s, int i)
{
	int m;

	for (m = 0; m < s->nmatch; m++)
		if (s->match[m] == i) {
			s->cur = m;
			return;
		}
}

/* Single mode: the item picked, or -1. */
int
select_picked(const struct select *s)
{
	return s->picked;
}

/* Multi mode: is item i chosen? */
int
select_is_chosen(const struct select *s, int i)
{
	return i >= 0 && i < s->n && s->chosen[i];
}

/* Multi mode: choose or unchoose item i beforehand (a retired code may stay chosen). */
void
select_set_chosen(struct select *s, int i, int on)
{
	if (i >= 0 && i < s->n)
		s->chosen[i] = on != 0;
}

/* Move the cursor by delta matches, clamped. */
static void
select_move(struct select *s, int delta)
{
	if (s->nmatch == 0)
		return;
	s->cur += delta;
	if (s->cur >= s->nmatch)
		s->cur = s->nmatch - 1;
	if (s->cur < 0)
		s->cur = 0;
}

/* Enter: pick the current item (single) or accept the chosen set (multi). */
static enum select_status
select_pick(struct select *s)
{
	int i = select_current(s), any = 0, j;

	if (s->multi) {
		for (j = 0; j < s->n; j++)
			any |= s->chosen[j];
		if (any)
			return SELECT_PICKED;
	}
	if (i < 0) {
		s->note = "没有匹配的代码";
		return SELECT_OPEN;
	}
	if (s->items[i].disabled) {
		s->note = "该代码已停用，不能选择";
		return SELECT_OPEN;
	}
	if (s->multi)
		s->chosen[i] = 1;
	else
		s->picked = i;
	return SELECT_PICKED;
}

/* One key: a table action, else an editing key for the filter. */
enum select_status
select_key(struct select *s, const struct key *k)
{
	enum action a = keymap_lookup(select_keys, k);
	int i;

	s->note = NULL;
	if (a == ACT_TOGGLE && !s->multi)
		a = ACT_NONE;	/* single mode: a space is filter text */
	switch (a) {
	case ACT_PICK:
		return select_pick(s);
	case ACT_CANCEL:
		s->picked = -1;
		return SELECT_CANCELLED;
	case ACT_TOGGLE:
		i = select_current(s);
		if (i >= 0 && s->items[i].disabled && !s->chosen[i])
			s->note = "该代码已停用，不能选择";
		else if (i >= 0)
			s->chosen[i] = !s->chosen[i];
		return SELECT_OPEN;
	case ACT_UP:
		select_move(s, -1);
		return SELECT_OPEN;
	case ACT_DOWN:
		select_move(s, 1);
		return SELECT_OPEN;
	case ACT_PAGE_UP:
		select_move(s, -s->page);
		return SELECT_OPEN;
	case ACT_PAGE_DOWN:
		select_move(s, s->page);
		return SELECT_OPEN;
	default:
		break;
	}
	if (field_key(&s->filter, k))
		select_refilter(s);
	return SELECT_OPEN;
}

/* A click on a listed item makes it current. */
int
select_click(struct select *s, int y, int x)
{
	int r = y - s->list_y;

	if (x < s->list_x || x >= s->list_x + s->list_w || r < 0 || r >= s->page ||
	    s->top + r >= s->nmatch)
		return 0;
	s->cur = s->top + r;
	return 1;
}

/* One item line: mark (multi), code, label, "（已停用）". */
static void
select_draw_item(const struct select *s, WINDOW *w, int y, int x, int cols, int codew, int m)
{
	const struct select_item *it = &s->items[s->match[m]];
	attr_t attr = theme_attr(m == s->cur ? ROLE_SELECTED :
	    it->disabled ? ROLE_DIM : ROLE_NORMAL);
	strbuf sb;

	sb_init(&sb);
	if (s->multi)
		sb_add(&sb, s->chosen[s->match[m]] ? "[x] " : "[ ] ");
	width_pad(&sb, it->code != NULL ? it->code : "", codew);
	sb_add(&sb, " ");
	sb_add(&sb, it->label != NULL ? it->label : "");
	if (it->disabled)
		sb_add(&sb, "（已停用）");
	draw_text_cut(w, y, x, cols, sb_str(&sb), attr);
	sb_free(&sb);
}

/*
 * Draw the popup centred in a rows x cols area of w: frame with title,
 * the filter field, the matching items, and a line of keys or a note.
 */
void
select_draw(struct select *s, WINDOW *w, int rows, int cols, int *cy, int *cx)
{
	int bw = cols - 4 < SELECT_MAX_W ? cols - 4 : SELECT_MAX_W;
	int bh, by, bx, i, codew = 0, cw, fx;
	char count[64];

	for (i = 0; i < s->n; i++) {
		cw = width_str(s->items[i].code != NULL ? s->items[i].code : "");
		if (cw > codew)
			codew = cw;
	}
	if (codew > SELECT_CODE_W)
		codew = SELECT_CODE_W;
	bh = s->n + 5;
	if (bh > rows - 2)
		bh = rows - 2;
	if (bh < 6)
		bh = 6;
	if (bw < 20)
		bw = 20;
	by = (rows - bh) / 2;
	bx = (cols - bw) / 2;
	draw_frame(w, by, bx, bh, bw, s->title, theme_attr(ROLE_NORMAL));
	/* Filter line. */
	draw_text(w, by + 1, bx + 2, 6, "筛选：", theme_attr(ROLE_LABEL));
	fx = bx + 8;
	snprintf(count, sizeof count, "%d 项", s->nmatch);
	draw_text_right(w, by + 1, bx + bw - 10, 8, count, theme_attr(ROLE_DIM));
	field_draw(w, by + 1, fx, bw - 20, &s->filter, theme_attr(ROLE_FIELD_FOCUS), 1, cx);
	if (cy != NULL)
		*cy = by + 1;
	/* Items. */
	s->page = bh - 4;
	s->list_y = by + 2;
	s->list_x = bx + 1;
	s->list_w = bw - 2;
	if (s->cur < s->top)
		s->top = s->cur;
	if (s->cur >= s->top + s->page)
		s->top = s->cur - s->page + 1;
	if (s->top < 0)
		s->top = 0;
	for (i = 0; i < s->page; i++) {
		if (s->top + i < s->nmatch)
			select_draw_item(s, w, s->list_y + i, bx + 1, bw - 2, codew, s->top + i);
		else if (i == 0 && s->nmatch == 0)
			draw_text(w, s->list_y, bx + 2, bw - 4, "（没有匹配的代码）", theme_attr(ROLE_DIM));
	}
	/* Keys or a note. */
	if (s->note != NULL)
		draw_text_cut(w, by + bh - 2, bx + 2, bw - 4, s->note, theme_attr(ROLE_WARNING));
	else
		draw_text_cut(w, by + bh - 2, bx + 2, bw - 4, s->multi ?
		    "空格 选中/取消  Enter 确定  Esc 取消  可输入代码、汉字或拼音首字母" :
		    "Enter 选定  Esc 取消  可输入代码、汉字或拼音首字母",
		    theme_attr(ROLE_DIM));
}

/* Modal loop over the current screen; the screen redraws underneath. */
enum select_status
select_run(struct tui *t, struct select *s)
{
	enum select_status st = SELECT_OPEN;
	struct key k;
	int my = 0, mx = 0, cy = -1, cx = -1;

	while (st == SELECT_OPEN) {
		tui_redraw(t);
		if (t->rows < TUI_MIN_ROWS || t->cols < TUI_MIN_COLS) {
			curs_set(0);
		} else {
			select_draw(s, stdscr, t->rows, t->cols, &cy, &cx);
			curs_set(1);
			move(cy, cx);	/* input methods anchor their window here */
		}
		refresh();
		if (tui_read_key(t, &k, &my, &mx) < 0)
			return SELECT_CANCELLED;
		if (k.special == KEY_MOUSE)
			select_click(s, my, mx);
		else
			st = select_key(s, &k);
	}
	return st;
}
