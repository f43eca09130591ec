/*
 * normalize.h -- the clean-up every typed or imported value gets before it
 * is validated: full-width ASCII (０-９, Ａ-Ｚ, ｘ, full-width space and
 * punctuation) to half-width, and surrounding white space trimmed.
 *
 * Folding decodes UTF-8 itself (no locale functions): U+FF01..U+FF5E become
 * '!'..'~'; U+3000 (ideographic space) and U+00A0 (no-break space) become
 * ' '.  Other characters, and bytes that are not valid UTF-8, are kept.
 */
#ifndef BF_CORE_NORMALIZE_H
#define BF_CORE_NORMALIZE_H

#include <stddef.h>

/* Fold and trim ASCII white space at both ends; NULL gives "".  Caller frees. */
char	*norm_halfwidth_trim(const char *s);
/* Keep only ASCII digits (after half-width folding); caller frees. */
char	*norm_digits_only(const char *s);
/* 1 if s is NULL, empty, or only (full-width) white space. */
int	 norm_is_blank(const char *s);
/* Bytes in the UTF-8 character at s: 1-4, 1 for an invalid byte, 0 at NUL. */
size_t	 norm_char_len(const char *s);
#define NORM_CHAR_SHOW_MAX 5
/* The character at s as a string for messages (invalid byte -> U+FFFD); bytes consumed. */
size_t	 norm_char_show(const char *s, char out[NORM_CHAR_SHOW_MAX]);
/* Characters (code points) in s; each invalid byte counts as one. */
size_t	 norm_char_count(const char *s);

#endif
