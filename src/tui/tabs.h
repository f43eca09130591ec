/*
 * tabs.h -- a tab bar: one row of labels, the current one highlighted.
 *
 * The bar fits its width: it first tries " 1 基本信息 " style tabs, then
 * the tighter "1.基本信息" with single-space gaps, then scrolls so the
 * current tab is visible with '<' / '>' marking hidden tabs.  Keys:
 * Left/Right and Tab/Shift-Tab move, digits 1-9 jump; a mouse click
 * selects the tab under it (tabs_hit).  No data: the screen shows the
 * content of tabs_current().
 */
#ifndef BF_TUI_TABS_H
#define BF_TUI_TABS_H

#include <curses.h>

#include "tui/keymap.h"

#define TABS_MAX 16

struct tabs {
	const char *const *labels;	/* borrowed; n labels */
	int	 n;
	int	 cur;			/* current tab, 0..n-1 */
	/* Where each tab was drawn (by tabs_draw), for hit-testing. */
	int	 y, x0, cols;
	int	 pos[TABS_MAX];		/* start column, or -1 when not shown */
	int	 wid[TABS_MAX];		/* columns it takes */
};

/* The bar's key rows (Left/Right, Tab/Shift-Tab); end with ACT_NONE. */
extern const struct keybind tabs_keys[];

void	tabs_init(struct tabs *tb, const char *const *labels, int n); /* labels borrowed */
void	tabs_draw(struct tabs *tb, WINDOW *w, int y, int x, int cols);
int	tabs_action(struct tabs *tb, enum action a);       /* 1 if handled (tab may have changed) */
int	tabs_key(struct tabs *tb, const struct key *k);     /* tabs_keys rows and digits; 1 if handled */
int	tabs_hit(const struct tabs *tb, int y, int x);      /* tab index drawn at (y, x), or -1 */
int	tabs_click(struct tabs *tb, int y, int x);          /* select the tab hit; 1 if one was */
int	tabs_current(const struct tabs *tb);
void	tabs_set(struct tabs *tb, int i);                   /* clamped */

#endif
