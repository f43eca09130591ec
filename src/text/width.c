/*
 * width.c -- display width of UTF-8 text in terminal columns, and cutting
 * and padding text to an exact width without ever splitting a
 * double-width character (which would shift the rest of a curses line).
 *
 * width_cp() looks code points up in the generated range tables of
 * width_table.c (Unicode 15.0, policy in tools/gen-width.sh) instead of
 * calling wcwidth(), so widths are the same under every locale and libc.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "text/utf8.h"
#include "text/width.h"
#include "text/width_table.h"
#include "util/strbuf.h"

/* Columns of an East Asian ambiguous character: 1 or 2. */
static int width_ambiguous_cols = 1;

/* Is cp in the sorted range table t of n entries? */
static int
width_in(const struct width_range *t, size_t n, uint32_t cp)
{
	size_t lo = 0, hi = n, mid;

	if (n == 0 || cp < t[0].lo || cp > t[n - 1].hi)
		return 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cp < t[mid].lo)
			hi = mid;
		else if (cp > t[mid].hi)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

/*
 * Columns cp takes in a terminal: 0 (combining marks, zero-width and
 * control characters), 1 or 2 (East Asian Wide/Fullwidth, emoji).
 */
int
width_cp(uint32_t cp)
{
	if (cp < 0x7F)
		return cp >= 0x20 ? 1 : 0;
	if (width_in(width_zero, width_zero_len, cp))
		return 0;
	if (width_in(width_wide, width_wide_len, cp))
		return 2;
	if (width_in(width_ambiguous, width_ambiguous_len, cp))
		return width_ambiguous_cols;
	return 1;
}

/*
 * Set how wide East Asian ambiguous characters (… “ ” ○ ① ─ │ and
 * friends) are drawn: 1 (the default) or 2 for terminals configured for
 * CJK.  Other values are ignored.  Affects every width in the process.
 */
void
width_set_ambiguous(int cols)
{
	if (cols == 1 || cols == 2)
		width_ambiguous_cols = cols;
}

/*
 * Decode the next character of s (at most n bytes) into *cp and its
 * width into *w; returns the bytes it takes, 0 at the end.  An invalid
 * byte is one U+FFFD.
 */
static size_t
width_next(const char *s, size_t n, uint32_t *cp, int *w)
{
	int len = utf8_decode(s, n, cp);

	if (len == 0)
		return 0;
	*w = width_cp(*cp);
	return len < 0 ? 1 : (size_t)len;
}

/* Columns of the first n bytes of s (stopping early at a NUL). */
int
width_strn(const char *s, size_t n)
{
	size_t off = 0, len;
	uint32_t cp;
	int w, cols = 0;

	while ((len = width_next(s + off, n - off, &cp, &w)) != 0) {
		cols += w;
		off += len;
	}
	return cols;
}

/* Columns of the NUL-terminated string s. */
int
width_str(const char *s)
{
	return width_strn(s, strlen(s));
}

/*
 * Byte length of the longest prefix of s that fits in cols columns.
 * Zero-width characters right after the last one that fits (combining
 * marks) stay with it; a character that would cross the edge, such as a
 * double-width one with one column left, ends the prefix.
 */
size_t
width_fit(const char *s, int cols, int *used)
{
	size_t off = 0, n = strlen(s), len;
	uint32_t cp;
	int w, sum = 0;

	while ((len = width_next(s + off, n - off, &cp, &w)) != 0) {
		if (sum + w > cols)
			break;
		sum += w;
		off += len;
	}
	if (used != NULL)
		*used = sum;
	return off;
}

/*
 * Append the first n bytes of s to out as valid, drawable UTF-8: control
 * characters left out, invalid bytes as U+FFFD.
 */
static void
width_add_clean(strbuf *out, const char *s, size_t n)
{
	size_t off = 0;
	uint32_t cp;
	int len;

	while ((len = utf8_decode(s + off, n - off, &cp)) != 0) {
		if (len < 0)
			sb_add(out, "\xEF\xBF\xBD");
		else if (!(cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)))
			sb_addn(out, s + off, (size_t)len);
		off += len < 0 ? 1 : (size_t)len;
	}
}

/* Append n spaces to out. */
static void
width_spaces(strbuf *out, int n)
{
	for (; n > 0; n--)
		sb_addc(out, ' ');
}

/*
 * Append s cut to cols columns and padded with spaces to exactly cols.
 * A double-width character that does not fit in the last column is
 * replaced by the padding space, never split.
 */
void
width_pad(strbuf *out, const char *s, int cols)
{
	size_t n;
	int used;

	if (cols <= 0)
		return;
	n = width_fit(s, cols, &used);
	width_add_clean(out, s, n);
	width_spaces(out, cols - used);
}

/*
 * As width_pad, but when s is too wide it is cut to cols - 1 columns and
 * "~" follows the last character shown, then spaces up to cols.
 */
void
width_pad_ellipsis(strbuf *out, const char *s, int cols)
{
	size_t n;
	int used;

	if (cols <= 0)
		return;
	if (width_str(s) <= cols) {
		width_pad(out, s, cols);
		return;
	}
	n = width_fit(s, cols - 1, &used);
	width_add_clean(out, s, n);
	sb_addc(out, '~');
	width_spaces(out, cols - 1 - used);
}
