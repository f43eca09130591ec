/*
 * utf8.h -- decoding and encoding UTF-8 without the C library's locale
 * state, so results do not depend on LC_CTYPE.
 */
#ifndef BF_TEXT_UTF8_H
#define BF_TEXT_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Decode one code point from s (at most n bytes).  Returns the number of
 * bytes used (1-4), or 0 at end of input, or -1 for an invalid sequence
 * (*cp is then U+FFFD and one byte should be skipped).
 */
int	utf8_decode(const char *s, size_t n, uint32_t *cp);
int	utf8_encode(uint32_t cp, char out[4]);            /* bytes written, 0 if invalid */
int	utf8_valid(const char *s, size_t n, size_t *bad_offset); /* 1 valid; else 0 and the offset */
size_t	utf8_count(const char *s);                       /* code points */
int	utf8_is_han(uint32_t cp);                          /* CJK unified ideograph */

#endif
