/*
 * check_core_idcard.c -- unit tests for src/core/idcard.c: every worked
 * example of domain-data.md §1.3 and its counter-examples, each error
 * message, the 15-to-18 upgrade, full-width input, masking and reversal.
 */
#include "config.h"

#include <string.h>

#include "runner.h"
#include "core/idcard.h"

static const bf_date today = { 2024, 5, 6 };

/* The worked examples of domain-data.md §1.3: body, full number, birth, sex. */
static const struct example {
	const char *body;
	const char *number;
	int y, m, d;
	int sex;
} examples[] = {
	{ "11010519491231002", "11010519491231002X", 1949, 12, 31, 2 },
	{ "44052418800101001", "440524188001010014", 1880, 1, 1, 1 },
	{ "34052419800101001", "34052419800101001X", 1980, 1, 1, 1 },
	{ "50010319850315123", "500103198503151230", 1985, 3, 15, 1 },
	{ "50011219900101002", "500112199001010025", 1990, 1, 1, 2 },
	{ "50024319751109004", "500243197511090046", 1975, 11, 9, 2 },
	{ "50010119680720001", "50010119680720001X", 1968, 7, 20, 1 },
	{ "50023119721231008", "500231197212310082", 1972, 12, 31, 2 },
	{ "50010519990228003", "500105199902280037", 1999, 2, 28, 1 },
	{ "50011519800101456", "500115198001014565", 1980, 1, 1, 2 },
	{ "50011019650101001", "500110196501010017", 1965, 1, 1, 1 },
};

#define NEXAMPLES (sizeof examples / sizeof examples[0])

/* Parse s with today and return the error message ("" on success). */
static const char *
parse_msg(const char *s, struct idcard *id)
{
	static bf_error err;
	struct idcard tmp;

	err_clear(&err);
	if (idcard_parse(s, today, id ? id : &tmp, &err) != BF_OK)
		ck_assert_int_eq(err.code, BF_EINVAL);
	return err.msg;
}

START_TEST(test_check_char_examples)
{
	size_t i;

	for (i = 0; i < NEXAMPLES; i++)
		ck_assert_int_eq(idcard_check_char(examples[i].body),
		    examples[i].number[17]);
	/* the whole number may be passed: only 17 characters are read */
	ck_assert_int_eq(idcard_check_char("500103198503151230"), '0');
	ck_assert_int_eq(idcard_check_char("5001031985031512"), 0);
	ck_assert_int_eq(idcard_check_char("5001031985031512a"), 0);
	ck_assert_int_eq(idcard_check_char(NULL), 0);
}
END_TEST

START_TEST(test_parse_examples)
{
	struct idcard id;
	size_t i;

	for (i = 0; i < NEXAMPLES; i++) {
		const struct example *e = &examples[i];

		if (e->y < 1900)
			continue;	/* test_before_1900 */
		ck_assert_msg(strcmp(parse_msg(e->number, &id), "") == 0,
		    "%s: %s", e->number, parse_msg(e->number, &id));
		ck_assert_str_eq(id.number, e->number);
		ck_assert_int_eq(id.birth.y, e->y);
		ck_assert_int_eq(id.birth.m, e->m);
		ck_assert_int_eq(id.birth.d, e->d);
		ck_assert_int_eq(id.sex, e->sex);
		ck_assert_int_eq(id.from15, 0);
		ck_assert_int_eq(id.region_known, 1);
		ck_assert_int_eq(id.foreign, 0);
	}
}
END_TEST

START_TEST(test_before_1900)
{
	/* the standard's own example: correct check character, born 1880 */
	ck_assert_str_eq(parse_msg("440524188001010014", NULL),
	    "出生日期 1880-01-01 早于 1900 年");
	ck_assert_str_eq(parse_msg("500103189912310015", NULL),
	    "出生日期 1899-12-31 早于 1900 年");
}
END_TEST

START_TEST(test_lower_case_x_stored_upper)
{
	struct idcard id;

	ck_assert_str_eq(parse_msg("50010119680720001x", &id), "");
	ck_assert_str_eq(id.number, "50010119680720001X");
	ck_assert_str_eq(parse_msg("11010519491231002x", &id), "");
	ck_assert_str_eq(id.number, "11010519491231002X");
}
END_TEST

START_TEST(test_fullwidth_and_spaces)
{
	struct idcard id;

	ck_assert_str_eq(parse_msg("５００１０３１９８５０３１５１２３０", &id), "");
	ck_assert_str_eq(id.number, "500103198503151230");
	ck_assert_str_eq(parse_msg("５００１０１１９６８０７２０００１ｘ", &id), "");
	ck_assert_str_eq(id.number, "50010119680720001X");
	ck_assert_str_eq(parse_msg("５００１０１１９６８０７２０００１Ｘ", &id), "");
	ck_assert_str_eq(id.number, "50010119680720001X");
	ck_assert_str_eq(parse_msg("　500103198503151230　", &id), "");
	ck_assert_str_eq(id.number, "500103198503151230");
	ck_assert_str_eq(parse_msg(" \t500103198503151230\r\n", &id), "");
	ck_assert_str_eq(parse_msg("　５００１０３８５０３１５１２３ ", &id), "");
	ck_assert_str_eq(id.number, "500103198503151230");
	ck_assert_int_eq(id.from15, 1);
}
END_TEST

START_TEST(test_wrong_check_char)
{
	ck_assert_str_eq(parse_msg("500103198503151239", NULL),
	    "公民身份号码校验码错误：第 18 位应为 0，实际为 9");
	ck_assert_str_eq(parse_msg("500101196807200010", NULL),
	    "公民身份号码校验码错误：第 18 位应为 X，实际为 0");
	ck_assert_str_eq(parse_msg("50010319850315123x", NULL),
	    "公民身份号码校验码错误：第 18 位应为 0，实际为 X");
	/* a swapped pair of digits is caught */
	ck_assert_str_eq(parse_msg("500103198503152130", NULL),
	    "公民身份号码校验码错误：第 18 位应为 7，实际为 0");
}
END_TEST

START_TEST(test_length)
{
	ck_assert_str_eq(parse_msg("50010319850315123", NULL),
	    "公民身份号码应为 18 位（或 15 位旧号码），实际为 17 位");
	ck_assert_str_eq(parse_msg("5001031985031512300", NULL),
	    "公民身份号码应为 18 位（或 15 位旧号码），实际为 19 位");
	ck_assert_str_eq(parse_msg("50010385031512", NULL),
	    "公民身份号码应为 18 位（或 15 位旧号码），实际为 14 位");
	/* characters, not bytes: 17 digits and one Chinese character is 18 */
	ck_assert_str_eq(parse_msg("5001031985031512三", NULL),
	    "公民身份号码应为 18 位（或 15 位旧号码），实际为 17 位");
	ck_assert_str_eq(parse_msg("50010319850315123三", NULL),
	    "公民身份号码第 18 位“三”应为数字或 X");
	ck_assert_str_eq(parse_msg("", NULL), "公民身份号码为空");
	ck_assert_str_eq(parse_msg("　", NULL), "公民身份号码为空");
	ck_assert_str_eq(parse_msg(NULL, NULL), "公民身份号码为空");
}
END_TEST

START_TEST(test_non_digit)
{
	ck_assert_str_eq(parse_msg("5001a3198503151230", NULL),
	    "公民身份号码第 5 位“a”不是数字");
	ck_assert_str_eq(parse_msg("X00103198503151230", NULL),
	    "公民身份号码第 1 位“X”不是数字");
	ck_assert_str_eq(parse_msg("5001031985 3151230", NULL),
	    "公民身份号码第 11 位“ ”不是数字");
	ck_assert_str_eq(parse_msg("50010319850315一230", NULL),
	    "公民身份号码第 15 位“一”不是数字");
	ck_assert_str_eq(parse_msg("50010319850315123Y", NULL),
	    "公民身份号码第 18 位“Y”应为数字或 X");
	/* an invalid byte is shown as U+FFFD, keeping the message valid UTF-8 */
	ck_assert_str_eq(parse_msg("5001\xff" "3198503151230", NULL),
	    "公民身份号码第 5 位“\xEF\xBF\xBD”不是数字");
	/* the X of a 15-digit number is not a check character */
	ck_assert_str_eq(parse_msg("50010385031512X", NULL),
	    "公民身份号码第 15 位“X”不是数字");
}
END_TEST

START_TEST(test_impossible_dates)
{
	/* correct check character, but 1985 has no 29 February */
	ck_assert_str_eq(parse_msg("500103198502291231", NULL),
	    "出生日期 1985-02-29 不存在（1985 年不是闰年）");
	ck_assert_str_eq(parse_msg("500103199902301237", NULL),
	    "出生日期 1999-02-30 不存在（1999 年 2 月只有 28 天）");
	ck_assert_str_eq(parse_msg("500103198504310010", NULL),
	    "出生日期 1985-04-31 不存在（1985 年 4 月只有 30 天）");
	ck_assert_str_eq(parse_msg("50010319851301001X", NULL),
	    "出生日期 1985-13-01 不存在（月份 13 无效）");
	ck_assert_str_eq(parse_msg("500103198504000012", NULL),
	    "出生日期 1985-04-00 不存在（日 0 无效）");
	/* the date is checked before the check character */
	ck_assert_str_eq(parse_msg("500103198502291239", NULL),
	    "出生日期 1985-02-29 不存在（1985 年不是闰年）");
}
END_TEST

START_TEST(test_leap_day_birth)
{
	struct idcard id;

	ck_assert_str_eq(parse_msg("500103200002290021", &id), "");
	ck_assert_int_eq(id.birth.y, 2000);
	ck_assert_int_eq(id.birth.m, 2);
	ck_assert_int_eq(id.birth.d, 29);
	ck_assert_int_eq(id.sex, 2);
}
END_TEST

START_TEST(test_future_birth)
{
	struct idcard id;
	bf_error err;
	bf_date born_today = { 2024, 5, 6 };

	ck_assert_str_eq(parse_msg("50010320300101001X", NULL),
	    "出生日期 2030-01-01 晚于今天");
	/* born today is allowed; tomorrow is not */
	ck_assert_int_eq(idcard_parse("500103202405060019", born_today, &id, &err), BF_OK);
	ck_assert_int_eq(idcard_parse("500103202405070014", born_today, &id, &err),
	    BF_EINVAL);
	ck_assert_str_eq(err.msg, "出生日期 2024-05-07 晚于今天");
}
END_TEST

START_TEST(test_province_codes)
{
	struct idcard id;

	ck_assert_str_eq(parse_msg("000103198503151232", NULL),
	    "公民身份号码前两位“00”不是有效的省级行政区划代码");
	/* residence permits of Hong Kong, Macao and Taiwan residents */
	ck_assert_str_eq(parse_msg("810000198001010014", &id), "");
	ck_assert_int_eq(id.region_known, 1);
	ck_assert_int_eq(id.foreign, 0);
	/* foreigners' permanent residence: first digit 9 */
	ck_assert_str_eq(parse_msg("910500198001010015", &id), "");
	ck_assert_int_eq(id.region_known, 0);
	ck_assert_int_eq(id.foreign, 1);
	ck_assert_int_eq(id.sex, 1);
}
END_TEST

/* Build a valid number with province pp and check that it is (not) accepted. */
static void
expect_province(int pp, int ok)
{
	char num[IDCARD_LEN + 1];
	struct idcard id;
	bf_error err;

	num[0] = (char)('0' + pp / 10);
	num[1] = (char)('0' + pp % 10);
	memcpy(num + 2, "010319850315123", 15);
	num[17] = idcard_check_char(num);
	num[18] = '\0';
	ck_assert_msg((idcard_parse(num, today, &id, &err) == BF_OK) == ok,
	    "province %02d: %s", pp, err.msg);
}

START_TEST(test_province_ranges)
{
	static const int good[] = {
		11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
		41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65,
		81, 82, 83, 90, 91, 99,
	};
	static const int bad[] = {
		0, 10, 16, 20, 24, 30, 38, 40, 47, 49, 55, 60, 66, 71, 80, 84, 89,
	};
	size_t i;

	for (i = 0; i < sizeof good / sizeof good[0]; i++)
		expect_province(good[i], 1);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		expect_province(bad[i], 0);
}
END_TEST

START_TEST(test_upgrade15)
{
	char out[IDCARD_LEN + 1] = "unchanged";
	struct idcard id;

	ck_assert_int_eq(idcard_upgrade15("500103850315123", out), BF_OK);
	ck_assert_str_eq(out, "500103198503151230");
	ck_assert_int_eq(idcard_upgrade15("110105491231002", out), BF_OK);
	ck_assert_str_eq(out, "11010519491231002X");
	strcpy(out, "unchanged");
	ck_assert_int_eq(idcard_upgrade15("50010385031512", out), BF_EINVAL);
	ck_assert_int_eq(idcard_upgrade15("5001038503151234", out), BF_EINVAL);
	ck_assert_int_eq(idcard_upgrade15("50010385031512X", out), BF_EINVAL);
	ck_assert_int_eq(idcard_upgrade15(NULL, out), BF_EINVAL);
	ck_assert_str_eq(out, "unchanged");

	/* through idcard_parse: flagged, with birth and sex */
	ck_assert_str_eq(parse_msg("500103850315123", &id), "");
	ck_assert_str_eq(id.number, "500103198503151230");
	ck_assert_int_eq(id.from15, 1);
	ck_assert_int_eq(id.birth.y, 1985);
	ck_assert_int_eq(id.sex, 1);
	ck_assert_str_eq(parse_msg("500243751109004", &id), "");
	ck_assert_str_eq(id.number, "500243197511090046");
	ck_assert_int_eq(id.sex, 2);
	/* the upgraded date is still checked */
	ck_assert_str_eq(parse_msg("500103850229123", NULL),
	    "出生日期 1985-02-29 不存在（1985 年不是闰年）");
	ck_assert_str_eq(parse_msg("000103850315123", NULL),
	    "公民身份号码前两位“00”不是有效的省级行政区划代码");
}
END_TEST

START_TEST(test_output_untouched_on_error)
{
	struct idcard id;

	memset(&id, 0x5A, sizeof id);
	parse_msg("500103198503151239", &id);
	ck_assert_int_eq(id.sex, 0x5A5A5A5A);
	ck_assert_int_eq((unsigned char)id.number[0], 0x5A);
}
END_TEST

START_TEST(test_consistent)
{
	struct idcard id;
	bf_error err;
	bf_date b = { 1985, 3, 15 }, other = { 1985, 3, 16 };

	ck_assert_str_eq(parse_msg("500103198503151230", &id), "");
	ck_assert_int_eq(idcard_check_consistent(&id, 1, b, &err), BF_OK);
	ck_assert_int_eq(idcard_check_consistent(&id, 2, b, &err), BF_EINVAL);
	ck_assert_str_eq(err.msg,
	    "性别与公民身份号码不符：号码第 17 位表示男，填写的是女");
	ck_assert_int_eq(idcard_check_consistent(&id, 1, other, &err), BF_EINVAL);
	ck_assert_str_eq(err.msg,
	    "出生日期与公民身份号码不符：号码中为 1985-03-15，填写的是 1985-03-16");
}
END_TEST

START_TEST(test_mask)
{
	char out[64];

	idcard_mask("500103198503151230", out, sizeof out);
	ck_assert_str_eq(out, "500103********1230");
	idcard_mask("50010119680720001X", out, sizeof out);
	ck_assert_str_eq(out, "500101********001X");
	idcard_mask("500103850315123", out, sizeof out);
	ck_assert_str_eq(out, "500103*****5123");
	idcard_mask("1234567890", out, sizeof out);
	ck_assert_str_eq(out, "**********");
	idcard_mask("", out, sizeof out);
	ck_assert_str_eq(out, "");
	idcard_mask(NULL, out, sizeof out);
	ck_assert_str_eq(out, "");
	/* clipped to the buffer */
	idcard_mask("500103198503151230", out, 8);
	ck_assert_str_eq(out, "500103*");
	idcard_mask("500103198503151230", out, 1);
	ck_assert_str_eq(out, "");
	/* never splits a character */
	idcard_mask("一二三四五六七八九十一二", out, 8);
	ck_assert_str_eq(out, "一二");
}
END_TEST

START_TEST(test_reverse)
{
	char out[IDCARD_LEN + 1];

	idcard_reverse("500103198503151230", out);
	ck_assert_str_eq(out, "032151305891301005");
	idcard_reverse("1230", out);
	ck_assert_str_eq(out, "0321");
	idcard_reverse("", out);
	ck_assert_str_eq(out, "");
	idcard_reverse("99500103198503151230", out);
	ck_assert_str_eq(out, "032151305891301005");
	/* a tail query reversed is a prefix of the reversed number */
	idcard_reverse("500103198503151230", out);
	ck_assert_int_eq(strncmp(out, "0321", 4), 0);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("core_idcard");
	TCase *tc = tcase_create("idcard");

	tcase_add_test(tc, test_check_char_examples);
	tcase_add_test(tc, test_parse_examples);
	tcase_add_test(tc, test_before_1900);
	tcase_add_test(tc, test_lower_case_x_stored_upper);
	tcase_add_test(tc, test_fullwidth_and_spaces);
	tcase_add_test(tc, test_wrong_check_char);
	tcase_add_test(tc, test_length);
	tcase_add_test(tc, test_non_digit);
	tcase_add_test(tc, test_impossible_dates);
	tcase_add_test(tc, test_leap_day_birth);
	tcase_add_test(tc, test_future_birth);
	tcase_add_test(tc, test_province_codes);
	tcase_add_test(tc, test_province_ranges);
	tcase_add_test(tc, test_upgrade15);
	tcase_add_test(tc, test_output_untouched_on_error);
	tcase_add_test(tc, test_consistent);
	tcase_add_test(tc, test_mask);
	tcase_add_test(tc, test_reverse);
	suite_add_tcase(s, tc);
	return s;
}
