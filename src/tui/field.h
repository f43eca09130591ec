/*
 * field.h -- a one-line text field on screen: the line editor from
 * text/lineedit.h drawn by width, plus the table of editing keys.
 */
#ifndef BF_TUI_FIELD_H
#define BF_TUI_FIELD_H

#include <curses.h>

#include "text/lineedit.h"
#include "tui/keymap.h"

/*
 * Apply an editing key (a character, Backspace, Delete, arrows, Home/End,
 * Ctrl-A/E/K/U/W/Y) to le.  Returns 1 if the key was an editing key.
 */
int	field_key(struct lineedit *le, const struct key *k);
/*
 * Draw le in cols columns at (y, x).  With focus, *cursor_x gets the
 * screen column of the cursor (for the real terminal cursor).  Hidden text
 * is marked with '<' / '>' in the columns just outside the field.
 */
void	field_draw(WINDOW *w, int y, int x, int cols, struct lineedit *le,
	    attr_t attr, int focus, int *cursor_x);

#endif
