/*
 * tabs.c -- a tab bar that fits its width and answers "which tab is at
 * this column" for mouse clicks.
 */
#include "config.h"

#include <stdio.h>

#include "text/width.h"
#include "tui/draw.h"
#include "tui/tabs.h"

/* The bar's own keys; digits are handled by tabs_key. */
const struct keybind tabs_keys[] = {
	{ KEY_RIGHT, 0, ACT_NEXT_TAB, "Right", NULL },
	{ KEY_LEFT, 0, ACT_PREV_TAB, "Left", NULL },
	{ 0, KEY_TAB_CHAR, ACT_NEXT_TAB, "Tab", NULL },
	{ KEY_BTAB, 0, ACT_PREV_TAB, "Shift-Tab", NULL },
	{ 0, 0, ACT_NONE, NULL, NULL }
};

/* Ways to write one tab, widest first; the first that fits is used. */
static const struct tabs_style {
	const char	*pre, *mid, *post;	/* around the number and the label */
	int		 gap;			/* columns between tabs */
} tabs_styles[] = {
	{ " ", " ", " ", 0 },			/* " 1 基本信息 " */
	{ "", ".", "", 1 },			/* "1.基本信息" */
};

/* Start with the first tab current. */
void
tabs_init(struct tabs *tb, const char *const *labels, int n)
{
	int i;

	tb->labels = labels;
	tb->n = n < 0 ? 0 : n > TABS_MAX ? TABS_MAX : n;
	tb->cur = 0;
	tb->y = tb->x0 = -1;
	tb->cols = 0;
	for (i = 0; i < TABS_MAX; i++) {
		tb->pos[i] = -1;
		tb->wid[i] = 0;
	}
}

/* The text of tab i in style st. */
static void
tabs_text(const struct tabs *tb, const struct tabs_style *st, int i, char *buf, size_t len)
{
	if (i < 9)
		snprintf(buf, len, "%s%d%s%s%s", st->pre, i + 1, st->mid, tb->labels[i], st->post);
	else
		snprintf(buf, len, "%s%s%s", st->pre, tb->labels[i], st->post);
}

/* Columns all tabs take in style st. */
static int
tabs_total(const struct tabs *tb, const struct tabs_style *st)
{
	char buf[160];
	int i, total = 0;

	for (i = 0; i < tb->n; i++) {
		tabs_text(tb, st, i, buf, sizeof buf);
		total += width_str(buf) + (i > 0 ? st->gap : 0);
	}
	return total;
}

/*
 * Draw the bar in cols columns at (y, x).  If even the tight style does
 * not fit, tabs are scrolled so the current one shows, and '<' / '>' in
 * the first / last column say that more tabs are hidden that way.
 */
void
tabs_draw(struct tabs *tb, WINDOW *w, int y, int x, int cols)
{
	const size_t nstyles = sizeof tabs_styles / sizeof tabs_styles[0];
	const struct tabs_style *st = &tabs_styles[nstyles - 1];
	char buf[160];
	int i, first = 0, left, right, col, tw, wid[TABS_MAX];
	size_t s;

	tb->y = y;
	tb->x0 = x;
	tb->cols = cols;
	for (i = 0; i < TABS_MAX; i++)
		tb->pos[i] = -1;
	draw_fill(w, y, x, cols, theme_attr(ROLE_TAB));
	if (tb->n == 0 || cols <= 0)
		return;
	for (s = 0; s < nstyles; s++) {
		if (tabs_total(tb, &tabs_styles[s]) <= cols) {
			st = &tabs_styles[s];
			break;
		}
	}
	for (i = 0; i < tb->n; i++) {
		tabs_text(tb, st, i, buf, sizeof buf);
		wid[i] = width_str(buf);
	}
	/* Scroll: the smallest first tab that shows the current one whole. */
	left = 0;
	right = cols;
	if (tabs_total(tb, st) > cols) {
		left = 1;	/* room for the markers */
		right = cols - 1;
		for (first = 0; first < tb->cur; first++) {
			int need = 0;

			for (i = first; i <= tb->cur; i++)
				need += wid[i] + (i > first ? st->gap : 0);
			if (need <= right - left)
				break;
		}
		if (first > 0)
			draw_text(w, y, x, 1, "<", theme_attr(ROLE_DIM));
	}
	col = left;
	for (i = first; i < tb->n; i++) {
		if (i > first)
			col += st->gap;
		tw = wid[i];
		if (col + tw > right) {
			draw_text(w, y, x + cols - 1, 1, ">", theme_attr(ROLE_DIM));
			break;
		}
		tabs_text(tb, st, i, buf, sizeof buf);
		draw_text(w, y, x + col, tw, buf,
		    theme_attr(i == tb->cur ? ROLE_TAB_ACTIVE : ROLE_TAB));
		tb->pos[i] = x + col;
		tb->wid[i] = tw;
		col += tw;
	}
}

/* Move between tabs; wraps around at either end. */
int
tabs_action(struct tabs *tb, enum action a)
{
	if (tb->n == 0)
		return 0;
	switch (a) {
	case ACT_NEXT_TAB:
	case ACT_RIGHT:
		tb->cur = (tb->cur + 1) % tb->n;
		return 1;
	case ACT_PREV_TAB:
	case ACT_LEFT:
		tb->cur = (tb->cur + tb->n - 1) % tb->n;
		return 1;
	default:
		return 0;
	}
}

/* A key from tabs_keys, or a digit 1-9 naming a tab. */
int
tabs_key(struct tabs *tb, const struct key *k)
{
	enum action a = keymap_lookup(tabs_keys, k);

	if (a != ACT_NONE)
		return tabs_action(tb, a);
	if (k->special == 0 && k->ch >= '1' && k->ch <= '9' && (int)(k->ch - '1') < tb->n) {
		tb->cur = (int)(k->ch - '1');
		return 1;
	}
	return 0;
}

/* Which tab was drawn at (y, x)?  -1 for none (or a gap or marker). */
int
tabs_hit(const struct tabs *tb, int y, int x)
{
	int i;

	if (y != tb->y)
		return -1;
	for (i = 0; i < tb->n; i++)
		if (tb->pos[i] >= 0 && x >= tb->pos[i] && x < tb->pos[i] + tb->wid[i])
			return i;
	return -1;
}

/* Make the tab under a click current. */
int
tabs_click(struct tabs *tb, int y, int x)
{
	int i = tabs_hit(tb, y, x);

	if (i < 0)
		return 0;
	tb->cur = i;
	return 1;
}

/* The current tab. */
int
tabs_current(const struct tabs *tb)
{
	return tb->cur;
}

/* Make tab i current (clamped to the tabs there are). */
void
tabs_set(struct tabs *tb, int i)
{
	if (tb->n == 0)
		return;
	tb->cur = i < 0 ? 0 : i >= tb->n ? tb->n - 1 : i;
}
