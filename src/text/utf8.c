/*
 * utf8.c -- a strict UTF-8 decoder and encoder that never consults the C
 * library's locale, so text handling is the same whatever LC_CTYPE says.
 *
 * "Strict" follows the Unicode standard (table 3-7, well-formed byte
 * sequences): overlong forms, UTF-16 surrogates (U+D800..U+DFFF) and
 * anything above U+10FFFF are invalid, as are truncated sequences and
 * stray continuation bytes.  An invalid sequence costs exactly one byte,
 * so a caller that substitutes U+FFFD and skips one byte always advances
 * and resynchronises at the next lead byte.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "text/utf8.h"

/* Inclusive code point ranges. */
struct utf8_range {
	uint32_t lo;
	uint32_t hi;
};

/*
 * Han ideographs as assigned in Unicode 15.1: the CJK Unified Ideographs
 * block, extensions A to I, and the two blocks of compatibility
 * ideographs (which normalise to unified ones).  Sorted.
 */
static const struct utf8_range utf8_han[] = {
	{ 0x3400, 0x4DBF },	/* extension A */
	{ 0x4E00, 0x9FFF },	/* CJK Unified Ideographs */
	{ 0xF900, 0xFA6D },	/* compatibility ideographs */
	{ 0xFA70, 0xFAD9 },
	{ 0x20000, 0x2A6DF },	/* extension B */
	{ 0x2A700, 0x2B739 },	/* extension C */
	{ 0x2B740, 0x2B81D },	/* extension D */
	{ 0x2B820, 0x2CEA1 },	/* extension E */
	{ 0x2CEB0, 0x2EBE0 },	/* extension F */
	{ 0x2EBF0, 0x2EE5D },	/* extension I */
	{ 0x2F800, 0x2FA1D },	/* compatibility ideographs supplement */
	{ 0x30000, 0x3134A },	/* extension G */
	{ 0x31350, 0x323AF },	/* extension H */
};

/*
 * Decode one sequence from s, which has n >= 1 bytes.  Returns its length
 * (1-4) with the code point in *cp, or -1 with U+FFFD in *cp.
 */
static int
utf8_decode_one(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t c = s[0];
	unsigned char lo = 0x80, hi = 0xBF;	/* bounds of the second byte */
	int len, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		c &= 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		c &= 0x0F;
		if (s[0] == 0xE0)
			lo = 0xA0;	/* overlong below U+0800 */
		else if (s[0] == 0xED)
			hi = 0x9F;	/* surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		c &= 0x07;
		if (s[0] == 0xF0)
			lo = 0x90;	/* overlong below U+10000 */
		else if (s[0] == 0xF4)
			hi = 0x8F;	/* above U+10FFFF */
	} else
		goto bad;	/* continuation byte, C0, C1, F5..FF */
	for (i = 1; i < len; i++) {
		if ((size_t)i >= n)
			goto bad;	/* truncated */
		if (s[i] < (i == 1 ? lo : 0x80) || s[i] > (i == 1 ? hi : 0xBF))
			goto bad;
		c = (c << 6) | (s[i] & 0x3F);
	}
	*cp = c;
	return len;
bad:
	*cp = 0xFFFD;
	return -1;
}

/*
 * Decode the code point at s.  A NUL byte or n == 0 is the end of input
 * (returns 0 with *cp = 0); an invalid or truncated sequence returns -1
 * with *cp = U+FFFD, and the caller skips one byte.
 */
int
utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	if (n == 0 || s[0] == '\0') {
		*cp = 0;
		return 0;
	}
	return utf8_decode_one((const unsigned char *)s, n, cp);
}

/*
 * Encode cp into out (not NUL-terminated).  Returns the number of bytes,
 * or 0 for a surrogate or a value above U+10FFFF, which have no UTF-8 form.
 */
int
utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp >= 0xD800 && cp <= 0xDFFF)
		return 0;
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	if (cp <= 0x10FFFF) {
		out[0] = (char)(0xF0 | (cp >> 18));
		out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[3] = (char)(0x80 | (cp & 0x3F));
		return 4;
	}
	return 0;
}

/*
 * Check that the n bytes at s are well-formed UTF-8.  NUL bytes are valid
 * UTF-8 and accepted here.  Returns 1, or 0 with the offset of the first
 * byte of the first bad sequence in *bad_offset (which may be NULL).
 */
int
utf8_valid(const char *s, size_t n, size_t *bad_offset)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t off = 0;
	uint32_t cp;
	int len;

	while (off < n) {
		if (p[off] < 0x80) {
			off++;
			continue;
		}
		len = utf8_decode_one(p + off, n - off, &cp);
		if (len < 0) {
			if (bad_offset != NULL)
				*bad_offset = off;
			return 0;
		}
		off += (size_t)len;
	}
	return 1;
}

/*
 * Number of code points in the NUL-terminated string s; each invalid byte
 * counts as one (it would be shown as U+FFFD).
 */
size_t
utf8_count(const char *s)
{
	size_t count = 0;
	uint32_t cp;
	int len;

	/* n = 4 is safe: decoding stops at the NUL, not a continuation byte. */
	while ((len = utf8_decode(s, 4, &cp)) != 0) {
		s += len < 0 ? 1 : len;
		count++;
	}
	return count;
}

/* Is cp a Han ideograph (CJK unified or compatibility ideograph)? */
int
utf8_is_han(uint32_t cp)
{
	size_t lo = 0, hi = sizeof utf8_han / sizeof utf8_han[0], mid;

	if (cp < utf8_han[0].lo)
		return 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cp < utf8_han[mid].lo)
			hi = mid;
		else if (cp > utf8_han[mid].hi)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}
