/*
 * width_table.h -- private to src/text: the generated code point ranges
 * (width_table.c, from tools/gen-width.sh) that width_cp() looks up.
 */
#ifndef BF_TEXT_WIDTH_TABLE_H
#define BF_TEXT_WIDTH_TABLE_H

#include <stddef.h>
#include <stdint.h>

/* An inclusive range of code points; each table is sorted and disjoint. */
struct width_range {
	uint32_t lo;
	uint32_t hi;
};

extern const struct width_range width_zero[];		/* zero columns */
extern const size_t width_zero_len;
extern const struct width_range width_wide[];		/* two columns */
extern const size_t width_wide_len;
extern const struct width_range width_ambiguous[];	/* East Asian Ambiguous */
extern const size_t width_ambiguous_len;

#endif
