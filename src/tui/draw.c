/*
 * draw.c -- putting UTF-8 text on the screen by display width.
 */
#include "config.h"

#include <string.h>

#include "text/width.h"
#include "tui/draw.h"
#include "util/strbuf.h"

/* Put exactly the bytes of buf (already fitted to the width) at (y, x). */
static void
draw_put(WINDOW *w, int y, int x, const strbuf *buf, attr_t attr)
{
	wattrset(w, attr);
	mvwaddnstr(w, y, x, sb_str(buf), (int)buf->len);
	wattrset(w, A_NORMAL);
}

/* Draw text cut and padded to exactly cols columns. */
int
draw_text(WINDOW *w, int y, int x, int cols, const char *text, attr_t attr)
{
	strbuf sb;
	int used = 0;

	if (cols <= 0)
		return 0;
	if (text == NULL)
		text = "";
	width_fit(text, cols, &used);
	sb_init(&sb);
	width_pad(&sb, text, cols);
	draw_put(w, y, x, &sb, attr);
	sb_free(&sb);
	return used;
}

/* Draw text in cols columns, marking a cut with "~". */
int
draw_text_cut(WINDOW *w, int y, int x, int cols, const char *text, attr_t attr)
{
	strbuf sb;
	int used = 0;

	if (cols <= 0)
		return 0;
	if (text == NULL)
		text = "";
	width_fit(text, cols, &used);
	sb_init(&sb);
	width_pad_ellipsis(&sb, text, cols);
	draw_put(w, y, x, &sb, attr);
	sb_free(&sb);
	return used;
}

/* Draw text right-aligned in cols columns. */
void
draw_text_right(WINDOW *w, int y, int x, int cols, const char *text, attr_t attr)
{
	int tw = width_str(text != NULL ? text : "");

	if (tw >= cols) {
		draw_text(w, y, x, cols, text, attr);
		return;
	}
	draw_fill(w, y, x, cols - tw, attr);
	draw_text(w, y, x + cols - tw, tw, text, attr);
}

/* Blank cols columns at (y, x). */
void
draw_fill(WINDOW *w, int y, int x, int cols, attr_t attr)
{
	draw_text(w, y, x, cols, "", attr);
}

/* An ASCII rule. */
void
draw_rule(WINDOW *w, int y, int x, int cols, attr_t attr)
{
	int i;

	if (cols <= 0)
		return;
	wattrset(w, attr);
	wmove(w, y, x);
	for (i = 0; i < cols; i++)
		waddch(w, '-');
	wattrset(w, A_NORMAL);
}

/* An ASCII frame; the inside is blanked. */
void
draw_frame(WINDOW *w, int y, int x, int h, int wd, const char *title, attr_t attr)
{
	int i;

	if (h < 2 || wd < 2)
		return;
	wattrset(w, attr);
	mvwaddch(w, y, x, '+');
	mvwaddch(w, y, x + wd - 1, '+');
	mvwaddch(w, y + h - 1, x, '+');
	mvwaddch(w, y + h - 1, x + wd - 1, '+');
	for (i = 1; i < wd - 1; i++) {
		mvwaddch(w, y, x + i, '-');
		mvwaddch(w, y + h - 1, x + i, '-');
	}
	for (i = 1; i < h - 1; i++) {
		mvwaddch(w, y + i, x, '|');
		mvwaddch(w, y + i, x + wd - 1, '|');
		draw_fill(w, y + i, x + 1, wd - 2, attr);
	}
	wattrset(w, A_NORMAL);
	if (title != NULL && title[0] != '\0' && wd > 6) {
		int tw = width_str(title);

		if (tw > wd - 6)
			tw = wd - 6;
		draw_text(w, y, x + 2, 1, " ", attr);
		draw_text(w, y, x + 3, tw, title, attr | A_BOLD);
		draw_text(w, y, x + 3 + tw, 1, " ", attr);
	}
}
