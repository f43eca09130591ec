/*
 * draw.h -- putting UTF-8 text on the screen by display width.
 *
 * curses' own *nstr functions count characters, not columns, and a
 * double-width character cut at the edge shifts the rest of the line, so
 * every piece of text goes through here: cut to the columns available
 * without splitting a character, padded to exactly that width.
 */
#ifndef BF_TUI_DRAW_H
#define BF_TUI_DRAW_H

#include <curses.h>

#include "tui/theme.h"

/* Draw text in exactly cols columns at (y, x); returns the columns the text itself took. */
int	draw_text(WINDOW *w, int y, int x, int cols, const char *text, attr_t attr);
/* As draw_text, but a cut is marked with "~" in the last column. */
int	draw_text_cut(WINDOW *w, int y, int x, int cols, const char *text, attr_t attr);
/* Text right-aligned within cols. */
void	draw_text_right(WINDOW *w, int y, int x, int cols, const char *text, attr_t attr);
/* Blank cols columns. */
void	draw_fill(WINDOW *w, int y, int x, int cols, attr_t attr);
/* A horizontal rule of ASCII '-' (ambiguous-width box characters are avoided). */
void	draw_rule(WINDOW *w, int y, int x, int cols, attr_t attr);
/* A frame of ASCII characters around the rectangle, title in the top edge. */
void	draw_frame(WINDOW *w, int y, int x, int h, int wd, const char *title, attr_t attr);

#endif
