/*
 * textview.h -- a scrollable, read-only view of text and "label：value"
 * lines, wrapped by display width: for help pages and read-only tabs.
 *
 * Fields line their values up after the widest label (at most a third of
 * the width); a value too long for its line continues under itself, not
 * under the label.  Paragraphs take the whole width; '\n' starts a new
 * line.  Text wraps between any two Chinese characters and between words
 * of Latin text.  When the text is longer than the area, the last row
 * says which lines are shown.
 */
#ifndef BF_TUI_TEXTVIEW_H
#define BF_TUI_TEXTVIEW_H

#include <curses.h>
#include <stddef.h>

#include "tui/keymap.h"

struct textview_item {
	char	*label;		/* NULL for a paragraph */
	char	*text;
	int	 role;		/* enum theme_role of the text */
};

struct textview_line {		/* one screen line of the wrapped text */
	int	item;
	size_t	off, len;	/* bytes of the item's text */
	int	first;		/* the item's first line (draws the label) */
};

struct textview {
	struct textview_item	*items;
	int			 nitems, items_cap;
	struct textview_line	*lines;		/* wrapped for wrap_cols */
	int			 nlines, lines_cap;
	int			 wrap_cols;	/* width lines[] is for; 0 = stale */
	int			 label_w;	/* columns of the label column */
	int			 top;		/* first line shown */
	int			 page;		/* lines shown (from the last draw) */
};

/* The view's key rows (Up/Down, PgUp/PgDn, Home/End); end with ACT_NONE. */
extern const struct keybind textview_keys[];

void	textview_init(struct textview *tv);
void	textview_free(struct textview *tv);          /* NULL is fine; tv is re-inited */
void	textview_clear(struct textview *tv);         /* drop the text, back to the top */
void	textview_add_text(struct textview *tv, const char *text);                    /* copied */
void	textview_add_field(struct textview *tv, const char *label, const char *value); /* copied */
/* As textview_add_text, drawn with a theme role (ROLE_HEADER for a section title). */
void	textview_add_styled(struct textview *tv, const char *text, int role);
void	textview_draw(struct textview *tv, WINDOW *w, int y, int x, int h, int cols);
int	textview_action(struct textview *tv, enum action a);     /* 1 if handled */
int	textview_key(struct textview *tv, const struct key *k);  /* textview_keys; 1 if handled */
int	textview_line_count(struct textview *tv, int cols);      /* lines when wrapped to cols */

#endif
