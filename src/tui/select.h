/*
 * select.h -- a modal popup for picking from a code list (民族, 学历,
 * 就业困难人员类别 ...): type to filter, arrows to move, Enter to pick.
 *
 * The filter matches an item when the text typed is a prefix of its code,
 * a substring of its label, or a prefix of the pinyin initials of its
 * label ("hz" finds 汉族).  Typing goes through the line editor, so text
 * from an input method arrives as characters like any other.  Retired
 * (disabled) codes are listed dimmed so old records still make sense, but
 * cannot be picked.  In multi mode Space toggles items and Enter accepts
 * the set.
 *
 * select_key / select_draw are the whole widget and run without a loop
 * (tests drive them directly); select_run is the modal loop for screens.
 */
#ifndef BF_TUI_SELECT_H
#define BF_TUI_SELECT_H

#include <curses.h>

#include "text/lineedit.h"
#include "tui/keymap.h"
#include "tui/tui.h"

struct select_item {
	const char	*code;		/* "01" (borrowed) */
	const char	*label;		/* "汉族" (borrowed) */
	int		 disabled;	/* retired: shown, not pickable */
};

enum select_status { SELECT_OPEN, SELECT_PICKED, SELECT_CANCELLED };

struct select {
	const char		 *title;	/* borrowed */
	const struct select_item *items;	/* borrowed; n items */
	int			  n;
	int			  multi;
	char			**initials;	/* pinyin initials of each label */
	unsigned char		 *chosen;	/* multi: chosen flags per item */
	int			 *match;	/* items passing the filter, in order */
	int			  nmatch;
	int			  cur;		/* index into match */
	int			  top;		/* first match shown */
	int			  page;		/* matches shown (from the last draw) */
	int			  picked;	/* single: the item picked, -1 none */
	struct lineedit		  filter;
	const char		 *note;		/* static message under the list, or NULL */
	int			  list_y, list_x, list_w; /* geometry of the last draw */
};

/* The popup's key rows; end with ACT_NONE. */
extern const struct keybind select_keys[];

void	select_init(struct select *s, const char *title, const struct select_item *items,
	    int n, int multi);                     /* items borrowed */
void	select_free(struct select *s);             /* NULL is fine */
enum select_status select_key(struct select *s, const struct key *k);
int	select_click(struct select *s, int y, int x);  /* make the item hit current; 1 if one was */
/* Draw the popup centred in rows x cols; *cy, *cx get the filter's cursor. */
void	select_draw(struct select *s, WINDOW *w, int rows, int cols, int *cy, int *cx);
void	select_set_filter(struct select *s, const char *text);
int	select_picked(const struct select *s);         /* single: item index, or -1 */
int	select_is_chosen(const struct select *s, int i);   /* multi */
void	select_set_chosen(struct select *s, int i, int on); /* multi: preselect */
int	select_current(const struct select *s);        /* item under the cursor, or -1 */
void	select_set_current(struct select *s, int i);   /* cursor on item i, if it matches */
/* Modal: draw over the current screen until picked or cancelled. */
enum select_status select_run(struct tui *t, struct select *s);

#endif
