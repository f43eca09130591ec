/*
 * textview.c -- read-only text and fields, wrapped by display width and
 * scrolled by line.  The wrapped lines are offsets into the items' text,
 * recomputed only when the width changes.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/utf8.h"
#include "text/width.h"
#include "tui/draw.h"
#include "tui/textview.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

const struct keybind textview_keys[] = {
	{ KEY_UP, 0, ACT_UP, "Up", NULL },
	{ KEY_DOWN, 0, ACT_DOWN, "Down", NULL },
	{ KEY_PPAGE, 0, ACT_PAGE_UP, "PgUp", NULL },
	{ KEY_NPAGE, 0, ACT_PAGE_DOWN, "PgDn", NULL },
	{ 0, ' ', ACT_PAGE_DOWN, "空格", NULL },
	{ KEY_HOME, 0, ACT_FIRST, "Home", NULL },
	{ KEY_END, 0, ACT_LAST, "End", NULL },
	{ 0, 0, ACT_NONE, NULL, NULL }
};

/* An empty view. */
void
textview_init(struct textview *tv)
{
	memset(tv, 0, sizeof *tv);
	tv->page = 1;
}

/* Drop all text. */
void
textview_clear(struct textview *tv)
{
	int i;

	for (i = 0; i < tv->nitems; i++) {
		free(tv->items[i].label);
		free(tv->items[i].text);
	}
	tv->nitems = 0;
	tv->nlines = 0;
	tv->wrap_cols = 0;
	tv->top = 0;
}

/* Free everything. */
void
textview_free(struct textview *tv)
{
	if (tv == NULL)
		return;
	textview_clear(tv);
	free(tv->items);
	free(tv->lines);
	textview_init(tv);
}

/* Append one item (copies label and text). */
static void
textview_add(struct textview *tv, const char *label, const char *text, int role)
{
	struct textview_item *it;

	if (tv->nitems == tv->items_cap) {
		tv->items_cap = tv->items_cap ? 2 * tv->items_cap : 16;
		tv->items = xreallocarray(tv->items, (size_t)tv->items_cap, sizeof *tv->items);
	}
	it = &tv->items[tv->nitems++];
	it->label = label != NULL ? xstrdup(label) : NULL;
	it->text = xstrdup(text != NULL ? text : "");
	it->role = role;
	tv->wrap_cols = 0;
}

/* A paragraph. */
void
textview_add_text(struct textview *tv, const char *text)
{
	textview_add(tv, NULL, text, ROLE_NORMAL);
}

/* A paragraph in a theme role. */
void
textview_add_styled(struct textview *tv, const char *text, int role)
{
	textview_add(tv, NULL, text, role);
}

/* A "label：value" line. */
void
textview_add_field(struct textview *tv, const char *label, const char *value)
{
	textview_add(tv, label != NULL ? label : "", value, ROLE_NORMAL);
}

/* Append a wrapped line. */
static void
textview_push_line(struct textview *tv, int item, size_t off, size_t len, int first)
{
	struct textview_line *l;

	if (tv->nlines == tv->lines_cap) {
		tv->lines_cap = tv->lines_cap ? 2 * tv->lines_cap : 64;
		tv->lines = xreallocarray(tv->lines, (size_t)tv->lines_cap, sizeof *tv->lines);
	}
	l = &tv->lines[tv->nlines++];
	l->item = item;
	l->off = off;
	l->len = len;
	l->first = first;
}

/* A letter or digit of Latin text (wrapped by word, not by character). */
static int
textview_wordch(uint32_t cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	    (cp >= '0' && cp <= '9') || cp == '.' || cp == '-' || cp == '_';
}

/*
 * Wrap item i's text to cols columns: break at '\n', before a character
 * that would not fit, and (in Latin text) after the last space rather
 * than inside a word.
 */
static void
textview_wrap_item(struct textview *tv, int i, int cols)
{
	const char *s = tv->items[i].text;
	size_t n = strlen(s), start = 0, p = 0, brk = 0;
	uint32_t cp, prev = 0;
	int used = 0, first = 1, k, cw;

	if (cols < 2)
		cols = 2;
	while (p < n) {
		k = utf8_decode(s + p, n - p, &cp);
		if (k <= 0)
			k = 1;
		if (cp == '\n') {
			textview_push_line(tv, i, start, p - start, first);
			first = 0;
			p += (size_t)k;
			start = p;
			used = 0;
			brk = 0;
			prev = 0;
			continue;
		}
		cw = width_cp(cp);
		if (used + cw > cols && p > start) {
			size_t end = p;

			if (textview_wordch(cp) && textview_wordch(prev) && brk > start)
				end = brk;	/* after the last space */
			textview_push_line(tv, i, start, end - start, first);
			first = 0;
			start = end;
			while (start < n && s[start] == ' ')
				start++;	/* no line starts with the space it broke at */
			p = start;
			used = 0;
			brk = 0;
			prev = 0;
			continue;
		}
		used += cw;
		p += (size_t)k;
		if (cp == ' ')
			brk = p;
		prev = cp;
	}
	if (p > start || first)
		textview_push_line(tv, i, start, p - start, first);
}

/* Wrap everything for cols columns (cached per width). */
static void
textview_wrap(struct textview *tv, int cols)
{
	int i, lw;

	if (tv->wrap_cols == cols)
		return;
	tv->nlines = 0;
	tv->label_w = 0;
	for (i = 0; i < tv->nitems; i++) {
		if (tv->items[i].label == NULL)
			continue;
		lw = width_str(tv->items[i].label) + 2;	/* "：" */
		if (lw > tv->label_w)
			tv->label_w = lw;
	}
	if (tv->label_w > cols / 3)
		tv->label_w = cols / 3;
	for (i = 0; i < tv->nitems; i++)
		textview_wrap_item(tv, i, tv->items[i].label != NULL ? cols - tv->label_w : cols);
	tv->wrap_cols = cols;
}

/* How many lines the text takes at cols columns. */
int
textview_line_count(struct textview *tv, int cols)
{
	textview_wrap(tv, cols);
	return tv->nlines;
}

/* Keep top within the text. */
static void
textview_clamp(struct textview *tv)
{
	if (tv->top > tv->nlines - tv->page)
		tv->top = tv->nlines - tv->page;
	if (tv->top < 0)
		tv->top = 0;
}

/* Scroll by line, page, or to either end. */
int
textview_action(struct textview *tv, enum action a)
{
	switch (a) {
	case ACT_UP:
		tv->top--;
		break;
	case ACT_DOWN:
		tv->top++;
		break;
	case ACT_PAGE_UP:
		tv->top -= tv->page;
		break;
	case ACT_PAGE_DOWN:
		tv->top += tv->page;
		break;
	case ACT_FIRST:
		tv->top = 0;
		break;
	case ACT_LAST:
		tv->top = tv->nlines;
		break;
	default:
		return 0;
	}
	textview_clamp(tv);
	return 1;
}

/* A key from textview_keys. */
int
textview_key(struct textview *tv, const struct key *k)
{
	enum action a = keymap_lookup(textview_keys, k);

	return a != ACT_NONE && textview_action(tv, a);
}

/* Draw the lines from top in h rows; the last row says where we are when it all does not fit. */
void
textview_draw(struct textview *tv, WINDOW *w, int y, int x, int h, int cols)
{
	const struct textview_line *l;
	const struct textview_item *it;
	char hint[128];
	strbuf sb;
	int i, vx, vw;

	if (h < 1 || cols < 4)
		return;
	textview_wrap(tv, cols);
	tv->page = tv->nlines > h && h > 1 ? h - 1 : h;
	textview_clamp(tv);
	sb_init(&sb);
	for (i = 0; i < h; i++) {
		draw_fill(w, y + i, x, cols, A_NORMAL);
		if (i >= tv->page || tv->top + i >= tv->nlines)
			continue;
		l = &tv->lines[tv->top + i];
		it = &tv->items[l->item];
		vx = x;
		vw = cols;
		if (it->label != NULL) {
			if (l->first) {
				sb_reset(&sb);
				sb_add(&sb, it->label);
				sb_add(&sb, "：");
				draw_text_cut(w, y + i, x, tv->label_w, sb_str(&sb), theme_attr(ROLE_LABEL));
			}
			vx += tv->label_w;
			vw -= tv->label_w;
		}
		sb_reset(&sb);
		sb_addn(&sb, it->text + l->off, l->len);
		draw_text(w, y + i, vx, vw, sb_str(&sb), theme_attr((enum theme_role)it->role));
	}
	sb_free(&sb);
	if (tv->page < h) {
		snprintf(hint, sizeof hint, "第 %d-%d 行 / 共 %d 行  PgUp/PgDn 翻页",
		    tv->top + 1, tv->top + tv->page < tv->nlines ? tv->top + tv->page : tv->nlines,
		    tv->nlines);
		draw_text_right(w, y + h - 1, x, cols, hint, theme_attr(ROLE_DIM));
	}
}
