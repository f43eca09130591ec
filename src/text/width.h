/*
 * width.h -- display width of UTF-8 text in terminal columns, and cutting
 * text to a width without splitting a double-width character.
 *
 * Widths come from wcwidth() under the program's UTF-8 locale, with one
 * policy for the cases terminals disagree on: East Asian ambiguous
 * characters count as one column (we avoid drawing them), control
 * characters as zero.
 */
#ifndef BF_TEXT_WIDTH_H
#define BF_TEXT_WIDTH_H

#include <stddef.h>
#include <stdint.h>

#include "util/strbuf.h"

int	width_cp(uint32_t cp);                        /* 0, 1 or 2 */
int	width_str(const char *s);                     /* columns of a UTF-8 string */
int	width_strn(const char *s, size_t n);          /* of the first n bytes */
/*
 * Byte length of the longest prefix of s that fits in cols columns; a
 * double-width character that would straddle the edge is left out.
 * *used (may be NULL) gets the columns that prefix takes.
 */
size_t	width_fit(const char *s, int cols, int *used);
/* Append s to out cut to cols columns and padded with spaces to exactly cols. */
void	width_pad(strbuf *out, const char *s, int cols);
/* As width_pad, but a cut string ends in "~" so the cut is visible. */
void	width_pad_ellipsis(strbuf *out, const char *s, int cols);

#endif
