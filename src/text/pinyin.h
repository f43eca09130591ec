/*
 * pinyin.h -- Han characters to pinyin, for 拼音码 search (张三 <- "zs").
 *
 * The table (pinyin_table.c) is generated from ICU's Han-Latin
 * transliterator by tools/gen-pinyin.sh and gives each character its most
 * common reading.  Surnames have their own readings (单 Shàn, 曾 Zēng,
 * 仇 Qiú, 解 Xiè, 区 Ōu, 查 Zhā, 朴 Piáo ...) and some are two characters
 * (欧阳, 司马 ...), so the first character(s) of a name are read as a
 * surname.
 */
#ifndef BF_TEXT_PINYIN_H
#define BF_TEXT_PINYIN_H

#include <stdint.h>

#include "util/strbuf.h"

const char *pinyin_of(uint32_t cp);            /* "zhang", toneless; NULL if not Han or unknown */
/* Lower-case initials of a personal name: "王小红" -> "wxh", "单田芳" -> "stf". */
void	pinyin_name_initials(const char *name, strbuf *out);
/* Full toneless pinyin of a personal name, no separators: "zhangsan". */
void	pinyin_name_full(const char *name, strbuf *out);
/* Initials of ordinary text (no surname rule): "重庆" -> "cq". */
void	pinyin_text_initials(const char *text, strbuf *out);

#endif
