/*
 * normalize.c -- the clean-up every typed or imported value gets before it
 * is validated.
 *
 * People type citizen IDs, phone numbers and dates through a Chinese input
 * method, which often leaves it in full-width mode (０-９, Ｘ, －, the
 * ideographic space U+3000), and spreadsheets add stray spaces.  Folding is
 * done on code points decoded here, never through the C library's locale
 * functions, so the result does not depend on LC_CTYPE.  Bytes that are not
 * valid UTF-8 are copied through unchanged; the validators then report them.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/normalize.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/*
 * Decode the UTF-8 sequence at s into *cp; return its length in bytes, or 0
 * when s does not start with a valid, shortest-form sequence (or at NUL).
 */
static size_t
norm_decode(const char *s, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t c, min;
	size_t n, i;

	if (p[0] == 0)
		return 0;
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if ((p[0] & 0xE0) == 0xC0) {
		n = 2, c = p[0] & 0x1F, min = 0x80;
	} else if ((p[0] & 0xF0) == 0xE0) {
		n = 3, c = p[0] & 0x0F, min = 0x800;
	} else if ((p[0] & 0xF8) == 0xF0) {
		n = 4, c = p[0] & 0x07, min = 0x10000;
	} else
		return 0;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (p[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

/* Length in bytes of the character at s: 1 for an invalid byte, 0 at NUL. */
size_t
norm_char_len(const char *s)
{
	uint32_t cp;
	size_t n;

	if (*s == '\0')
		return 0;
	n = norm_decode(s, &cp);
	return n ? n : 1;
}

/*
 * Copy the character at s into out as a C string for a message; an
 * invalid byte becomes U+FFFD so messages stay valid UTF-8.  Returns the
 * bytes consumed at s (0 at NUL, with out "").
 */
size_t
norm_char_show(const char *s, char out[NORM_CHAR_SHOW_MAX])
{
	uint32_t cp;
	size_t n = *s ? norm_decode(s, &cp) : 0;

	if (*s == '\0') {
		out[0] = '\0';
		return 0;
	}
	if (n == 0) {
		memcpy(out, "\xEF\xBF\xBD", 4);	/* U+FFFD and NUL */
		return 1;
	}
	memcpy(out, s, n);
	out[n] = '\0';
	return n;
}

/* Number of characters in s, counting each invalid byte as one. */
size_t
norm_char_count(const char *s)
{
	size_t count = 0, n;

	while ((n = norm_char_len(s)) != 0) {
		s += n;
		count++;
	}
	return count;
}

/*
 * The half-width ASCII character for code point cp, or -1 when cp is not
 * one we fold: U+FF01..U+FF5E map onto '!'..'~', and the ideographic space
 * U+3000 and the no-break space U+00A0 (common in spreadsheet exports) map
 * onto ' '.
 */
static int
norm_fold(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return (int)(cp - 0xFF01 + '!');
	if (cp == 0x3000 || cp == 0x00A0)
		return ' ';
	return -1;
}

/*
 * Fold s into sb.  Runs of characters that stay as they are (most of a
 * Chinese name or address) are copied in one piece: an importer folds
 * every value of every row.
 */
static void
norm_fold_into(strbuf *sb, const char *s)
{
	const char *run = s;
	uint32_t cp;
	size_t n;
	int c;

	while (*s != '\0') {
		if ((unsigned char)*s < 0x80) {
			s++;
			continue;
		}
		n = norm_decode(s, &cp);
		if (n == 0) {
			s++;	/* invalid byte: kept as is */
			continue;
		}
		if ((c = norm_fold(cp)) >= 0) {
			sb_addn(sb, run, (size_t)(s - run));
			sb_addc(sb, (char)c);
			run = s + n;
		}
		s += n;
	}
	sb_addn(sb, run, (size_t)(s - run));
}

/* ASCII white space (not the locale's idea of it). */
static int
norm_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\v' || c == '\f';
}

/*
 * Fold full-width ASCII and the ideographic space to half-width, then trim
 * white space from both ends.  A NULL s gives "".  Caller frees.
 */
char *
norm_halfwidth_trim(const char *s)
{
	strbuf sb;
	size_t start = 0, end;

	sb_init(&sb);
	if (s != NULL) {
		sb_grow(&sb, strlen(s));	/* folding never lengthens */
		norm_fold_into(&sb, s);
	}
	end = sb.len;
	while (start < end && norm_is_space(sb.buf[start]))
		start++;
	while (end > start && norm_is_space(sb.buf[end - 1]))
		end--;
	if (sb.buf == NULL)
		return xstrdup("");
	memmove(sb.buf, sb.buf + start, end - start);
	sb_truncate(&sb, end - start);
	return sb_detach(&sb);
}

/* Only the ASCII digits of s after folding, in order.  Caller frees. */
char *
norm_digits_only(const char *s)
{
	char *folded = norm_halfwidth_trim(s);
	char *p, *q;

	for (p = q = folded; *p != '\0'; p++)
		if (*p >= '0' && *p <= '9')
			*q++ = *p;
	*q = '\0';
	return folded;
}

/* 1 if s is empty or only white space, full-width spaces included. */
int
norm_is_blank(const char *s)
{
	uint32_t cp;
	size_t n;

	if (s == NULL)
		return 1;
	while (*s != '\0') {
		if (norm_is_space(*s)) {
			s++;
			continue;
		}
		/* what norm_halfwidth_trim would fold to a space */
		if ((n = norm_decode(s, &cp)) == 0 || norm_fold(cp) != ' ')
			return 0;
		s += n;
	}
	return 1;
}
