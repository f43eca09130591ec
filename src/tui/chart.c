/*
 * chart.c -- bar charts of block characters, with an ASCII fallback.
 *
 * Each bar is measured in eighths of a row: full rows are "█", the top
 * row takes the partial block for the remainder.  In ASCII a bar is
 * rounded to whole rows of '#', keeping at least one row for a non-zero
 * value so that "some" never looks like "none".
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tui/chart.h"

/* The partial blocks, one eighth to eight eighths. */
static const char *const chart_blocks[9] = {
	" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"
};

/* Append s to row if it fits. */
static void
chart_put(char *row, int rowlen, const char *s)
{
	size_t len = strlen(row), add = strlen(s);

	if (len + add < (size_t)rowlen) {
		memcpy(row + len, s, add);
		row[len + add] = '\0';
	}
}

/* Bars as text rows (see chart.h). */
void
chart_bars(const long *values, int n, int height, int barw, int ascii, char rows[][256], int rowlen)
{
	long max = 0, eighths[CHART_MAX_BARS];
	int i, r, c;

	if (n > CHART_MAX_BARS)
		n = CHART_MAX_BARS;
	if (rowlen > 256)
		rowlen = 256;
	for (i = 0; i < n; i++)
		if (values[i] > max)
			max = values[i];
	for (i = 0; i < n; i++) {
		long v = values[i] > 0 ? values[i] : 0;

		eighths[i] = max > 0 ? (v * height * 8 + max / 2) / max : 0;
		if (ascii)
			eighths[i] = (eighths[i] + 4) / 8 * 8;
		if (v > 0 && eighths[i] == 0)
			eighths[i] = ascii ? 8 : 1;
	}
	for (r = 0; r < height; r++) {
		long base = (long)(height - 1 - r) * 8;	/* eighths below this row */

		rows[r][0] = '\0';
		for (i = 0; i < n; i++) {
			long in = eighths[i] - base;
			const char *cell;

			if (in <= 0)
				cell = " ";
			else if (ascii)
				cell = "#";
			else
				cell = chart_blocks[in >= 8 ? 8 : in];
			for (c = 0; c < barw; c++)
				chart_put(rows[r], rowlen, cell);
			if (i + 1 < n)
				chart_put(rows[r], rowlen, " ");
		}
	}
}

/* Whether to draw '#' instead of block characters. */
int
chart_want_ascii(void)
{
	const char *a = getenv("BANGFU_ASCII"), *term = getenv("TERM");

	if (a != NULL && a[0] != '\0' && strcmp(a, "0") != 0)
		return 1;
	return term != NULL && (strcmp(term, "linux") == 0 || strncmp(term, "vt", 2) == 0);
}
