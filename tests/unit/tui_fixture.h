/*
 * tui_fixture.h -- shared helpers for the headless curses tests: curses
 * on /dev/null at 80x24, and reading the virtual screen back.
 */
#ifndef BF_TEST_TUI_FIXTURE_H
#define BF_TEST_TUI_FIXTURE_H

#include <curses.h>
#include <stddef.h>

void	tui_fixture_setup(void);      /* newterm on /dev/null, 80x24, UTF-8 */
void	tui_fixture_teardown(void);
/* Text of row y, columns x..x+n-1 (wide characters once), into buf. */
void	tui_fixture_row(int y, int x, int n, char *buf, size_t len);
/* Attributes of the cell at (y, x). */
attr_t	tui_fixture_attr(int y, int x);
/* Is the cell at (y, x) the right half of a double-width character? */
int	tui_fixture_is_wide_right_half(int y, int x);

#endif
