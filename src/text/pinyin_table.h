/*
 * pinyin_table.h -- private to src/text: the generated reading table
 * (pinyin_table.c, from tools/gen-pinyin.sh) behind pinyin_of().
 */
#ifndef BF_TEXT_PINYIN_TABLE_H
#define BF_TEXT_PINYIN_TABLE_H

#include <stddef.h>
#include <stdint.h>

/* A range of code points and where its entries start in pinyin_index. */
struct pinyin_segment {
	uint32_t lo;
	uint32_t hi;
	uint32_t start;
};

extern const char pinyin_syllable_text[];	/* "a\0ai\0an\0..." */
extern const uint16_t pinyin_syllable_off[];	/* syllable i + 1 at [i] */
extern const size_t pinyin_syllable_count;
extern const uint16_t pinyin_index[];		/* 1-based syllable, 0 none */
extern const struct pinyin_segment pinyin_segments[];
extern const size_t pinyin_segment_count;

#endif
