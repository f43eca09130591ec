/*
 * check_text_pinyin.c -- unit tests for src/text/pinyin.c: the generated
 * table, surname readings (single and compound), name initials and full
 * pinyin, and text initials.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "runner.h"
#include "text/pinyin.h"
#include "text/utf8.h"
#include "util/strbuf.h"

/* f(in) appended to an empty strbuf must give want. */
static void
expect(void (*f)(const char *, strbuf *), const char *in, const char *want)
{
	strbuf sb;

	sb_init(&sb);
	f(in, &sb);
	ck_assert_msg(strcmp(sb_str(&sb), want) == 0, "\"%s\" gave \"%s\", want \"%s\"",
	    in, sb_str(&sb), want);
	sb_free(&sb);
}

/* pinyin_of(cp) must be want (NULL for none). */
static void
expect_of(uint32_t cp, const char *want)
{
	const char *got = pinyin_of(cp);

	if (want == NULL)
		ck_assert_msg(got == NULL, "U+%04X read \"%s\"", cp, got);
	else {
		ck_assert_msg(got != NULL, "U+%04X has no reading", cp);
		ck_assert_str_eq(got, want);
	}
}

START_TEST(test_of)
{
	expect_of(0x5F20, "zhang");	/* 张 */
	expect_of(0x4E09, "san");	/* 三 */
	expect_of(0x91CD, "zhong");	/* 重: the common reading */
	expect_of(0x5E86, "qing");	/* 庆 */
	expect_of(0x5355, "dan");	/* 单: not the surname reading */
	expect_of(0x5415, "lv");	/* 吕 */
	expect_of(0x5973, "nv");	/* 女 */
	expect_of(0x7565, "lve");	/* 略 */
	expect_of(0x535C, "bu");	/* 卜: corrected from ICU's "bo" */
	expect_of(0x5730, "di");	/* 地: corrected from ICU's "de" */
	expect_of(0x7684, "de");	/* 的 */
	expect_of(0x55EF, "n");		/* 嗯 */
	expect_of(0x4E00, "yi");	/* first of the block */
	expect_of(0x9FA5, "yu");	/* 龥, last of GB-era Unicode */
	expect_of(0x3400, "qiu");	/* extension A */
	expect_of(0xF900, "qi");	/* 豈 compatibility ideograph */
	expect_of(0x3007, "ling");	/* 〇 */
	expect_of('a', NULL);
	expect_of(0x3001, NULL);	/* 、 */
	expect_of(0x30A2, NULL);	/* ア */
	expect_of(0x20000, NULL);	/* extension B: not in the table */
	expect_of(0xFA6E, NULL);	/* unassigned */
	expect_of(0x110000, NULL);
}
END_TEST

/*
 * The table covers the whole CJK Unified Ideographs block but for a few
 * rare characters, and every reading is a plausible syllable.
 */
START_TEST(test_table_shape)
{
	const char *r;
	uint32_t cp;
	size_t i;
	long readings = 0, bad = 0;

	for (cp = 0x3400; cp <= 0xFAFF; cp++) {
		if ((r = pinyin_of(cp)) == NULL)
			continue;
		if (cp >= 0x4E00 && cp <= 0x9FFF)
			readings++;
		bad += !utf8_is_han(cp);
		bad += strlen(r) < 1 || strlen(r) > 6;
		for (i = 0; r[i] != '\0'; i++)
			bad += r[i] < 'a' || r[i] > 'z';
	}
	ck_assert_int_eq(bad, 0);
	ck_assert_int_ge(readings, 20900);
	ck_assert_int_le(readings, 0x9FFF - 0x4E00 + 1);
}
END_TEST

START_TEST(test_name_initials)
{
	static const char *const t[][2] = {
		{ "张三", "zs" },
		{ "王小红", "wxh" },
		{ "单田芳", "stf" },
		{ "曾国藩", "zgf" },
		{ "仇英", "qy" },
		{ "解缙", "xj" },
		{ "区庄", "oz" },
		{ "查良镛", "zly" },
		{ "朴槿惠", "pjh" },
		{ "欧阳修", "oyx" },
		{ "尉迟恭", "ycg" },
		{ "司马光", "smg" },
		{ "诸葛亮", "zgl" },
		{ "长孙无忌", "zswj" },
		{ "万俟丽", "mql" },
		{ "单于丽", "cyl" },
		{ "翟天临", "ztl" },
		{ "盖聂", "gn" },
		{ "重阳", "cy" },
		{ "吕布", "lb" },
		{ "尉缭", "wl" },
		/* A two-character name is a single surname and a given name. */
		{ "单于", "sy" },
		{ "万俟", "wq" },
		/* The surname rule is for the first character only. */
		{ "张单", "zd" },
		{ "王曾", "wc" },
		/* Letters kept, everything else skipped. */
		{ "阿依古丽·买买提", "ayglmmt" },
		{ "  张 三 ", "zs" },
		{ "\xE3\x80\x80单田芳", "stf" },	/* ideographic space */
		{ "Tom张", "tomz" },
		{ "张三2", "zs" },
		{ "张\xFF三", "zs" },
		{ "𠀀张", "z" },			/* no reading: skipped */
		{ "", "" },
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		expect(pinyin_name_initials, t[i][0], t[i][1]);
}
END_TEST

START_TEST(test_name_full)
{
	static const char *const t[][2] = {
		{ "张三", "zhangsan" },
		{ "单田芳", "shantianfang" },
		{ "曾国藩", "zengguofan" },
		{ "区庄", "ouzhuang" },
		{ "欧阳修", "ouyangxiu" },
		{ "尉迟恭", "yuchigong" },
		{ "澹台灭明", "tantaimieming" },
		{ "吕女士", "lvnvshi" },
		{ "Mary李", "maryli" },
		{ "", "" },
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		expect(pinyin_name_full, t[i][0], t[i][1]);
}
END_TEST

/*
 * Each surname override differs from the table's common reading (else it
 * would not be needed) and is used for a name's first character only.
 */
START_TEST(test_surname_overrides)
{
	static const struct {
		const char *c;
		const char *common, *surname;
	} t[] = {
		{ "单", "dan", "shan" }, { "曾", "ceng", "zeng" },
		{ "仇", "chou", "qiu" }, { "解", "jie", "xie" },
		{ "区", "qu", "ou" }, { "查", "cha", "zha" },
		{ "朴", "pu", "piao" }, { "盖", "gai", "ge" },
		{ "乐", "le", "yue" }, { "缪", "mou", "miao" },
		{ "翟", "di", "zhai" }, { "覃", "tan", "qin" },
		{ "员", "yuan", "yun" }, { "种", "zhong", "chong" },
		{ "秘", "mi", "bi" }, { "繁", "fan", "po" },
		{ "召", "zhao", "shao" }, { "能", "neng", "nai" },
		{ "黑", "hei", "he" }, { "隗", "kui", "wei" },
		{ "句", "ju", "gou" }, { "阚", "han", "kan" },
		{ "洗", "xi", "xian" }, { "蕃", "fan", "pi" },
		{ "折", "zhe", "she" }, { "薄", "bao", "bo" },
		{ "长", "zhang", "chang" }, { "都", "dou", "du" },
		{ "降", "jiang", "xiang" }, { "角", "jiao", "jue" },
		{ "藏", "cang", "zang" }, { "重", "zhong", "chong" },
		{ "乜", "mie", "nie" }, { "粘", "zhan", "nian" },
		{ "祭", "ji", "zhai" }, { "郇", "huan", "xun" },
		{ "宓", "mi", "fu" },
		/* No override needed: the common reading is the surname's. */
		{ "华", "hua", "hua" }, { "任", "ren", "ren" },
		{ "沈", "shen", "shen" }, { "褚", "chu", "chu" },
		{ "卜", "bu", "bu" }, { "万", "wan", "wan" },
		{ "尉", "wei", "wei" }, { "冼", "xian", "xian" },
		{ "贾", "jia", "jia" }, { "宿", "su", "su" },
	};
	strbuf sb, want;
	uint32_t cp;
	size_t i;
	char name[16];

	sb_init(&sb);
	sb_init(&want);
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		ck_assert_int_gt(utf8_decode(t[i].c, 4, &cp), 0);
		ck_assert_str_eq(pinyin_of(cp), t[i].common);
		snprintf(name, sizeof name, "%s一", t[i].c);
		sb_reset(&sb);
		pinyin_name_full(name, &sb);
		sb_reset(&want);
		sb_addf(&want, "%syi", t[i].surname);
		ck_assert_str_eq(sb_str(&sb), sb_str(&want));
		/* Second character: the common reading. */
		snprintf(name, sizeof name, "一%s", t[i].c);
		sb_reset(&sb);
		pinyin_name_full(name, &sb);
		sb_reset(&want);
		sb_addf(&want, "yi%s", t[i].common);
		ck_assert_str_eq(sb_str(&sb), sb_str(&want));
	}
	sb_free(&sb);
	sb_free(&want);
}
END_TEST

START_TEST(test_text_initials)
{
	static const char *const t[][2] = {
		{ "重庆", "cq" },			/* word list, not zhong */
		{ "重庆市渝中区", "cqsyzq" },
		{ "长寿区", "csq" },
		{ "长期失业", "cqsy" },
		{ "重量", "zl" },			/* 重 alone: zhong */
		{ "单位", "dw" },			/* no surname rule */
		{ "曾经", "cj" },
		{ "欧阳路", "oyl" },
		{ "渝中区2号", "yzq2h" },
		{ "解放碑 Mall", "jfbmall" },
		{ "（社区）", "sq" },
		{ "", "" },
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		expect(pinyin_text_initials, t[i][0], t[i][1]);
}
END_TEST

START_TEST(test_appends)
{
	strbuf sb;

	sb_init(&sb);
	sb_add(&sb, "zs|");
	pinyin_name_initials("王小红", &sb);
	sb_addc(&sb, '|');
	pinyin_name_full("王小红", &sb);
	sb_addc(&sb, '|');
	pinyin_text_initials("王小红", &sb);
	ck_assert_str_eq(sb_str(&sb), "zs|wxh|wangxiaohong|wxh");
	sb_free(&sb);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("text_pinyin");
	TCase *tc = tcase_create("pinyin");

	tcase_add_test(tc, test_of);
	tcase_add_test(tc, test_table_shape);
	tcase_add_test(tc, test_name_initials);
	tcase_add_test(tc, test_name_full);
	tcase_add_test(tc, test_surname_overrides);
	tcase_add_test(tc, test_text_initials);
	tcase_add_test(tc, test_appends);
	suite_add_tcase(s, tc);
	return s;
}
