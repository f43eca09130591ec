/*
 * chart.h -- month-by-month bar charts as lines of text: vertical bars of
 * the block characters ▁▂▃▄▅▆▇█ (eighths of a row), or '#' when the
 * terminal cannot show them.  Pure text, no curses, so it is unit-tested;
 * the bars carry no colour, so they read the same on monochrome terminals.
 */
#ifndef BF_TUI_CHART_H
#define BF_TUI_CHART_H

#define CHART_MAX_BARS 24

/*
 * Render n values (n <= CHART_MAX_BARS) as height rows of bars, each bar
 * barw columns wide with one blank column between bars.  rows[i] (top row
 * first) receives a NUL-terminated UTF-8 line of at most rowlen bytes.
 * The tallest value fills the height; a non-zero value shows at least one
 * eighth (ASCII: one '#').
 */
void	chart_bars(const long *values, int n, int height, int barw, int ascii,
	    char rows[][256], int rowlen);
/* 1 if the terminal should get the ASCII fallback ($BANGFU_ASCII, TERM=linux/vt*). */
int	chart_want_ascii(void);

#endif
