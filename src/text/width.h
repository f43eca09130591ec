/*
 * width.h -- display width of UTF-8 text in terminal columns, and cutting
 * text to a width without splitting a double-width character.
 *
 * Widths follow wcwidth() but come from our own tables (width_table.c,
 * generated from Unicode 15.0 by tools/gen-width.sh), so they do not
 * depend on the process locale or the C library: East Asian Wide and
 * Fullwidth characters and emoji presentation take two columns; combining
 * marks, format and control characters zero; East Asian ambiguous
 * characters one (we avoid drawing them; width_set_ambiguous(2) for
 * terminals configured to draw them wide).  Each invalid UTF-8 byte
 * counts as the U+FFFD it is drawn as (one column).
 */
#ifndef BF_TEXT_WIDTH_H
#define BF_TEXT_WIDTH_H

#include <stddef.h>
#include <stdint.h>

#include "util/strbuf.h"

int	width_cp(uint32_t cp);                        /* 0, 1 or 2 */
void	width_set_ambiguous(int cols);                /* 1 (default) or 2; process-wide */
int	width_str(const char *s);                     /* columns of a UTF-8 string */
int	width_strn(const char *s, size_t n);          /* of the first n bytes */
/*
 * Byte length of the longest prefix of s that fits in cols columns; a
 * double-width character that would straddle the edge is left out.
 * *used (may be NULL) gets the columns that prefix takes.
 */
size_t	width_fit(const char *s, int cols, int *used);
/*
 * Append s to out cut to cols columns and padded with spaces to exactly
 * cols (a double-width character that does not fit becomes a space).
 * Control characters are left out and invalid bytes written as U+FFFD,
 * so what is appended is valid UTF-8 exactly cols wide.
 */
void	width_pad(strbuf *out, const char *s, int cols);
/* As width_pad, but a cut string ends in "~" right after the last character shown. */
void	width_pad_ellipsis(strbuf *out, const char *s, int cols);

#endif
