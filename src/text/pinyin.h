/*
 * pinyin.h -- Han characters to pinyin, for 拼音码 search (张三 <- "zs").
 *
 * The table (pinyin_table.c) is generated from ICU's Han-Latin
 * transliterator by tools/gen-pinyin.sh and gives each character of
 * U+3400..U+9FFF and U+F900..U+FAD9 its most common reading, toneless,
 * with ü written v (吕 "lv").  Surnames have their own readings (单 Shàn,
 * 曾 Zēng, 仇 Qiú, 解 Xiè, 区 Ōu, 查 Zhā, 朴 Piáo ...) and some are two
 * characters (欧阳, 司马 ...), so the first character(s) of a name are
 * read as a surname; a compound surname only when more Han characters
 * follow (a two-character name 单于 is Shàn Yú).  Text uses a few
 * whole-word readings instead (重庆 chongqing).
 *
 * All functions append to out.  ASCII letters are kept, lower-cased;
 * names skip everything else (digits, ·, spaces), text keeps ASCII digits.
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
/* Initials of ordinary text (no surname rule): "重庆市2号" -> "cqs2h". */
void	pinyin_text_initials(const char *text, strbuf *out);

#endif
