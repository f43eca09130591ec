/*
 * check_core_normalize.c -- unit tests for src/core/normalize.c: full-width
 * folding, trimming, digit extraction and character counting.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "runner.h"
#include "core/normalize.h"

/* norm_halfwidth_trim(in) must give want. */
static void
expect_fold(const char *in, const char *want)
{
	char *got = norm_halfwidth_trim(in);

	ck_assert_msg(strcmp(got, want) == 0, "fold(\"%s\") = \"%s\", want \"%s\"",
	    in ? in : "(null)", got, want);
	free(got);
}

/* norm_digits_only(in) must give want. */
static void
expect_digits(const char *in, const char *want)
{
	char *got = norm_digits_only(in);

	ck_assert_msg(strcmp(got, want) == 0, "digits(\"%s\") = \"%s\", want \"%s\"",
	    in, got, want);
	free(got);
}

START_TEST(test_fold_fullwidth_ascii)
{
	expect_fold("５００１０３１９８５０３１５１２３０", "500103198503151230");
	expect_fold("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X");
	expect_fold("ｘ", "x");
	expect_fold("ＡＺａｚ", "AZaz");
	/* both ends of U+FF01..U+FF5E */
	expect_fold("！～", "!~");
	expect_fold("０２３－６１２３４５６７", "023-61234567");
	expect_fold("（０２３）", "(023)");
	expect_fold("＋８６", "+86");
	/* characters outside the range are kept */
	expect_fold("张三，男", "张三,男");	/* U+FF0C is in the range */
	expect_fold("重庆市渝中区", "重庆市渝中区");
	expect_fold("、。", "、。");
	expect_fold("ｰ", "ｰ");			/* U+FF70 half-width katakana */
}
END_TEST

START_TEST(test_trim)
{
	expect_fold("  abc  ", "abc");
	expect_fold("\t\r\n abc \v\f", "abc");
	expect_fold("　张三　", "张三");	/* U+3000 both ends */
	expect_fold("　 \t　", "");
	expect_fold("a　b", "a b");		/* inner spaces folded, kept */
	expect_fold("\xC2\xA0" "123" "\xC2\xA0", "123");	/* no-break space */
	expect_fold("", "");
	expect_fold(NULL, "");
}
END_TEST

START_TEST(test_invalid_utf8_kept)
{
	/* a stray continuation byte, a truncated sequence, an overlong '/' */
	expect_fold("a\x80" "b", "a\x80" "b");
	expect_fold("\xEF\xBC", "\xEF\xBC");
	expect_fold("\xC0\xAF", "\xC0\xAF");
	/* a surrogate encoded in UTF-8 is not a character */
	expect_fold("\xED\xA0\x80", "\xED\xA0\x80");
}
END_TEST

START_TEST(test_digits_only)
{
	expect_digits("+86 138-0013-8000", "8613800138000");
	expect_digits("１３８　００１３　８０００", "13800138000");
	expect_digits("abc", "");
	expect_digits("", "");
	expect_digits("二〇二四", "");	/* Chinese numerals are not digits */
}
END_TEST

START_TEST(test_blank)
{
	ck_assert(norm_is_blank(NULL));
	ck_assert(norm_is_blank(""));
	ck_assert(norm_is_blank(" \t"));
	ck_assert(norm_is_blank("　　"));
	ck_assert(!norm_is_blank(" x "));
	ck_assert(!norm_is_blank("已就业"));
}
END_TEST

START_TEST(test_char_len_and_count)
{
	ck_assert_uint_eq(norm_char_len(""), 0);
	ck_assert_uint_eq(norm_char_len("a"), 1);
	ck_assert_uint_eq(norm_char_len("é"), 2);
	ck_assert_uint_eq(norm_char_len("张"), 3);
	ck_assert_uint_eq(norm_char_len("😀"), 4);
	ck_assert_uint_eq(norm_char_len("\x80"), 1);
	ck_assert_uint_eq(norm_char_len("\xE5\xBC"), 1);	/* truncated */
	ck_assert_uint_eq(norm_char_count("张三abc"), 5);
	ck_assert_uint_eq(norm_char_count("５００１"), 4);
	ck_assert_uint_eq(norm_char_count("a\x80" "b"), 3);
	ck_assert_uint_eq(norm_char_count(""), 0);
}
END_TEST

START_TEST(test_char_show)
{
	char ch[NORM_CHAR_SHOW_MAX];

	ck_assert_uint_eq(norm_char_show("a1", ch), 1);
	ck_assert_str_eq(ch, "a");
	ck_assert_uint_eq(norm_char_show("张三", ch), 3);
	ck_assert_str_eq(ch, "张");
	ck_assert_uint_eq(norm_char_show("😀", ch), 4);
	ck_assert_str_eq(ch, "😀");
	ck_assert_uint_eq(norm_char_show("\x80z", ch), 1);
	ck_assert_str_eq(ch, "\xEF\xBF\xBD");
	ck_assert_uint_eq(norm_char_show("", ch), 0);
	ck_assert_str_eq(ch, "");
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("core_normalize");
	TCase *tc = tcase_create("normalize");

	tcase_add_test(tc, test_fold_fullwidth_ascii);
	tcase_add_test(tc, test_trim);
	tcase_add_test(tc, test_invalid_utf8_kept);
	tcase_add_test(tc, test_digits_only);
	tcase_add_test(tc, test_blank);
	tcase_add_test(tc, test_char_len_and_count);
	tcase_add_test(tc, test_char_show);
	suite_add_tcase(s, tc);
	return s;
}
