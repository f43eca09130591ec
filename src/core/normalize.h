/*
 * normalize.h -- the clean-up every typed or imported value gets before it
 * is validated: full-width ASCII (０-９, Ａ-Ｚ, ｘ, full-width space and
 * punctuation) to half-width, and surrounding white space trimmed.
 */
#ifndef BF_CORE_NORMALIZE_H
#define BF_CORE_NORMALIZE_H

#include <stddef.h>

/* Caller frees the result. */
char	*norm_halfwidth_trim(const char *s);
/* Keep only ASCII digits (after half-width folding); caller frees. */
char	*norm_digits_only(const char *s);

#endif
