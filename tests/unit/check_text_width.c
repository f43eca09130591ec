/*
 * check_text_width.c -- unit tests for src/text/width.c: per-character
 * widths (CJK, full-width forms and punctuation, marks, controls,
 * ambiguous, emoji), measuring, and cutting/padding without ever
 * splitting a double-width character.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "runner.h"
#include "text/utf8.h"
#include "text/width.h"
#include "util/strbuf.h"

struct cp_width {
	uint32_t cp;
	int	 width;
};

START_TEST(test_cp_widths)
{
	static const struct cp_width t[] = {
		{ 'A', 1 }, { ' ', 1 }, { '~', 1 },
		{ 0, 0 }, { '\t', 0 }, { '\n', 0 }, { 0x1B, 0 }, { 0x7F, 0 },
		{ 0x85, 0 }, { 0x9F, 0 },
		{ 0x00E9, 1 },		/* é precomposed */
		{ 0x00AD, 1 },		/* soft hyphen: terminals draw it */
		{ 0x4E2D, 2 },		/* 中 */
		{ 0x5F20, 2 },		/* 张 */
		{ 0x3400, 2 }, { 0x9FFF, 2 }, { 0x20000, 2 }, { 0x30000, 2 },
		{ 0xF900, 2 },		/* compatibility ideograph */
		{ 0x3000, 2 },		/* ideographic space */
		{ 0x3001, 2 },		/* 、 */
		{ 0x3002, 2 },		/* 。 */
		{ 0x300C, 2 },		/* 「 */
		{ 0x300D, 2 },		/* 」 */
		{ 0x3010, 2 },		/* 【 */
		{ 0x3007, 2 },		/* 〇 */
		{ 0xFF0C, 2 },		/* ， */
		{ 0xFF1A, 2 },		/* ： */
		{ 0xFF08, 2 },		/* （ */
		{ 0xFF21, 2 },		/* Ａ */
		{ 0xFF41, 2 },		/* ａ */
		{ 0xFF10, 2 },		/* ０ */
		{ 0xFF71, 1 },		/* ｱ halfwidth katakana */
		{ 0xFFE5, 2 },		/* ￥ */
		{ 0x30A2, 2 },		/* ア */
		{ 0x3042, 2 },		/* あ */
		{ 0xAC00, 2 }, { 0xD55C, 2 },	/* Hangul syllables */
		{ 0x1100, 2 },		/* Hangul leading jamo */
		{ 0x1160, 0 }, { 0x11A8, 0 },	/* medial vowel, final consonant */
		{ 0x0301, 0 },		/* combining acute */
		{ 0x20DD, 0 },		/* combining enclosing circle */
		{ 0x3099, 0 },		/* combining kana voiced mark */
		{ 0x200B, 0 },		/* zero width space */
		{ 0x200D, 0 },		/* zero width joiner */
		{ 0xFEFF, 0 },		/* BOM / zero width no-break space */
		{ 0xFE0F, 0 },		/* variation selector 16 */
		{ 0xE0100, 0 },		/* variation selector 17 */
		{ 0x2028, 0 },		/* line separator */
		{ 0x2026, 1 },		/* … ambiguous */
		{ 0x201C, 1 },		/* “ ambiguous */
		{ 0x25CB, 1 },		/* ○ ambiguous */
		{ 0x2460, 1 },		/* ① ambiguous */
		{ 0x2500, 1 },		/* ─ ambiguous */
		{ 0x2502, 1 },		/* │ ambiguous */
		{ 0x00B7, 1 },		/* · ambiguous, used in names */
		{ 0xFFFD, 1 },		/* replacement character */
		{ 0x1F600, 2 },		/* 😀 */
		{ 0x1F44D, 2 },		/* 👍 */
		{ 0x1F1E8, 2 },		/* regional indicator C */
		{ 0x231A, 2 },		/* ⌚ emoji presentation */
		{ 0x2764, 1 },		/* ❤ text presentation by default */
		{ 0x0410, 1 },		/* А Cyrillic (ambiguous: 1) */
		{ 0xE000, 1 },		/* private use */
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		ck_assert_msg(width_cp(t[i].cp) == t[i].width,
		    "width_cp(U+%04X) = %d, want %d", t[i].cp,
		    width_cp(t[i].cp), t[i].width);
}
END_TEST

START_TEST(test_ambiguous_setting)
{
	ck_assert_int_eq(width_cp(0x2026), 1);
	width_set_ambiguous(2);
	ck_assert_int_eq(width_cp(0x2026), 2);	/* … */
	ck_assert_int_eq(width_cp(0x2500), 2);	/* ─ */
	ck_assert_int_eq(width_cp(0x4E2D), 2);	/* 中 unchanged */
	ck_assert_int_eq(width_cp('a'), 1);
	ck_assert_int_eq(width_cp(0x0301), 0);	/* marks stay zero */
	ck_assert_int_eq(width_str("“张三”"), 8);
	width_set_ambiguous(3);			/* ignored */
	ck_assert_int_eq(width_cp(0x2026), 2);
	width_set_ambiguous(1);
	ck_assert_int_eq(width_cp(0x2026), 1);
	ck_assert_int_eq(width_str("“张三”"), 6);
}
END_TEST

START_TEST(test_str_widths)
{
	ck_assert_int_eq(width_str(""), 0);
	ck_assert_int_eq(width_str("abc"), 3);
	ck_assert_int_eq(width_str("张三"), 4);
	ck_assert_int_eq(width_str("张三abc"), 7);
	ck_assert_int_eq(width_str("重庆市渝中区解放碑"), 18);
	ck_assert_int_eq(width_str("（１２３）"), 10);
	ck_assert_int_eq(width_str("e\xCC\x81"), 1);		/* e + U+0301 */
	ck_assert_int_eq(width_str("中\n文"), 4);
	ck_assert_int_eq(width_str("\xFF" "a"), 2);		/* bad byte = U+FFFD */
	ck_assert_int_eq(width_str("\xE5\xBC"), 2);		/* 2 bad bytes */
	ck_assert_int_eq(width_str("阿依古丽·买买提"), 15);
	ck_assert_int_eq(width_strn("张三", 3), 2);
	ck_assert_int_eq(width_strn("张三", 6), 4);
	ck_assert_int_eq(width_strn("张三", 0), 0);
	ck_assert_int_eq(width_strn("张三", 4), 3);	/* cut sequence: 1 bad byte */
	ck_assert_int_eq(width_strn("ab\0cd", 5), 2);	/* stops at NUL */
}
END_TEST

START_TEST(test_fit)
{
	int used = -1;

	ck_assert_uint_eq(width_fit("张三丰", 5, &used), 6);
	ck_assert_int_eq(used, 4);
	ck_assert_uint_eq(width_fit("张三丰", 6, &used), 9);
	ck_assert_int_eq(used, 6);
	ck_assert_uint_eq(width_fit("张三丰", 100, &used), 9);
	ck_assert_int_eq(used, 6);
	ck_assert_uint_eq(width_fit("张三丰", 1, &used), 0);
	ck_assert_int_eq(used, 0);
	ck_assert_uint_eq(width_fit("ab张", 3, &used), 2);
	ck_assert_int_eq(used, 2);
	ck_assert_uint_eq(width_fit("a张b", 3, &used), 4);
	ck_assert_int_eq(used, 3);
	/* A combining mark stays with its base. */
	ck_assert_uint_eq(width_fit("e\xCC\x81x", 1, &used), 3);
	ck_assert_int_eq(used, 1);
	ck_assert_uint_eq(width_fit("", 5, &used), 0);
	ck_assert_int_eq(used, 0);
	ck_assert_uint_eq(width_fit("abc", 0, NULL), 0);
	ck_assert_uint_eq(width_fit("abc", -3, NULL), 0);
}
END_TEST

/* width_pad(s, cols) appended after a prefix must give want. */
static void
expect_pad(const char *s, int cols, const char *want, int ellipsis)
{
	strbuf sb;

	sb_init(&sb);
	sb_add(&sb, "|");
	if (ellipsis)
		width_pad_ellipsis(&sb, s, cols);
	else
		width_pad(&sb, s, cols);
	ck_assert_str_eq(sb_str(&sb) + 1, want);
	ck_assert_int_eq(sb.buf[0], '|');
	sb_free(&sb);
}

START_TEST(test_pad)
{
	expect_pad("张三丰", 6, "张三丰", 0);
	expect_pad("张三丰", 5, "张三 ", 0);
	expect_pad("张三丰", 7, "张三丰 ", 0);
	expect_pad("张", 1, " ", 0);
	expect_pad("ab", 5, "ab   ", 0);
	expect_pad("a张b", 2, "a ", 0);
	expect_pad("", 3, "   ", 0);
	expect_pad("abc", 0, "", 0);
	expect_pad("abc", -1, "", 0);
	expect_pad("a\tb\n", 4, "ab  ", 0);	/* controls left out */
	expect_pad("\xFF" "a", 3, "\xEF\xBF\xBD" "a ", 0);
	expect_pad("e\xCC\x81", 2, "e\xCC\x81 ", 0);
}
END_TEST

START_TEST(test_pad_ellipsis)
{
	expect_pad("张三丰", 6, "张三丰", 1);	/* fits: no mark */
	expect_pad("张三丰", 8, "张三丰  ", 1);
	expect_pad("张三丰", 5, "张三~", 1);
	expect_pad("张三丰", 4, "张~ ", 1);
	expect_pad("张三丰", 3, "张~", 1);
	expect_pad("张三丰", 2, "~ ", 1);
	expect_pad("张三丰", 1, "~", 1);
	expect_pad("abcdef", 4, "abc~", 1);
	expect_pad("重庆市渝中区", 7, "重庆市~", 1);
	expect_pad("abc", 0, "", 1);
}
END_TEST

/*
 * Whatever the text and width, the padded result is valid UTF-8 exactly
 * cols columns wide, and (for width_pad) a prefix of the cleaned input.
 */
START_TEST(test_pad_property)
{
	static const char *const texts[] = {
		"", "a", "张", "张三丰", "a张b三c", "重庆市渝中区解放碑步行街",
		"（１２３）、。「」", "e\xCC\x81" "张\xCC\x81", "😀👍ok",
		"\xFF张\xE5\xBC", "王小红 13800138000"
	};
	strbuf sb;
	size_t i, bad;
	int cols, ell;

	sb_init(&sb);
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++)
		for (cols = 0; cols <= 30; cols++)
			for (ell = 0; ell <= 1; ell++) {
				sb_reset(&sb);
				if (ell)
					width_pad_ellipsis(&sb, texts[i], cols);
				else
					width_pad(&sb, texts[i], cols);
				ck_assert_msg(utf8_valid(sb_str(&sb), sb.len, &bad),
				    "invalid output for %zu at %d", i, cols);
				ck_assert_msg(width_str(sb_str(&sb)) == cols,
				    "text %zu cols %d ell %d: \"%s\" is %d wide",
				    i, cols, ell, sb_str(&sb),
				    width_str(sb_str(&sb)));
			}
	sb_free(&sb);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("text_width");
	TCase *tc = tcase_create("width");

	tcase_add_test(tc, test_cp_widths);
	tcase_add_test(tc, test_ambiguous_setting);
	tcase_add_test(tc, test_str_widths);
	tcase_add_test(tc, test_fit);
	tcase_add_test(tc, test_pad);
	tcase_add_test(tc, test_pad_ellipsis);
	tcase_add_test(tc, test_pad_property);
	suite_add_tcase(s, tc);
	return s;
}
