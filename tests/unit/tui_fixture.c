/*
 * tui_fixture.c -- shared helpers for the headless curses tests: curses
 * runs on /dev/null, tests draw into stdscr and read the cells back.
 */
#include "config.h"

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <check.h>

#include "tui/theme.h"
#include "tui_fixture.h"

static SCREEN *fixture_scr;
static FILE *fixture_out, *fixture_in;

/* Start curses on /dev/null at 80x24 (monochrome: attributes are exact). */
void
tui_fixture_setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("TERM", "xterm-256color", 1);
	fixture_out = fopen("/dev/null", "w");
	fixture_in = fopen("/dev/null", "r");
	fixture_scr = newterm("xterm-256color", fixture_out, fixture_in);
	ck_assert_ptr_nonnull(fixture_scr);
	set_term(fixture_scr);
	resizeterm(24, 80);
}

/* Stop curses and close the files. */
void
tui_fixture_teardown(void)
{
	endwin();
	delscreen(fixture_scr);
	fclose(fixture_out);
	fclose(fixture_in);
}

/* Read row y, columns x..x+n-1, skipping the right halves of wide characters. */
void
tui_fixture_row(int y, int x, int n, char *buf, size_t len)
{
	cchar_t cc;
	wchar_t wch[CCHARW_MAX + 1];
	attr_t attrs;
	short pair;
	mbstate_t st;
	size_t used = 0, k;
	int col;
	char mb[MB_LEN_MAX];

	for (col = x; col < x + n; col++) {
		if (mvin_wch(y, col, &cc) == ERR)
			break;
		if (getcchar(&cc, wch, &attrs, &pair, NULL) == ERR)
			break;
		if (wcwidth(wch[0]) == 2)
			col++;
		memset(&st, 0, sizeof st);
		k = wcrtomb(mb, wch[0], &st);
		if (k == (size_t)-1 || used + k >= len)
			break;
		memcpy(buf + used, mb, k);
		used += k;
	}
	buf[used] = '\0';
}

/* Attributes of one cell. */
attr_t
tui_fixture_attr(int y, int x)
{
	cchar_t cc;
	wchar_t wch[CCHARW_MAX + 1];
	attr_t attrs = 0;
	short pair;

	if (mvin_wch(y, x, &cc) == ERR || getcchar(&cc, wch, &attrs, &pair, NULL) == ERR)
		return 0;
	return attrs & ~A_COLOR;
}

/*
 * Is (y, x) the second column of a double-width character?  Scans the row
 * from the left, so it does not depend on how curses marks the half.
 */
int
tui_fixture_is_wide_right_half(int y, int x)
{
	cchar_t cc;
	wchar_t wch[CCHARW_MAX + 1];
	attr_t attrs;
	short pair;
	int col;

	for (col = 0; col <= x; col++) {
		if (mvin_wch(y, col, &cc) == ERR || getcchar(&cc, wch, &attrs, &pair, NULL) == ERR)
			return 0;
		if (wcwidth(wch[0]) == 2) {
			if (col + 1 == x)
				return 1;
			col++;
		}
	}
	return 0;
}
