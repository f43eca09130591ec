/*
 * check_core_date.c -- unit tests for src/core/date.c: parsing the ways
 * people write dates, the messages for bad ones, day numbers, month
 * arithmetic and ages (leap-day birthdays included).
 */
#include "config.h"

#include <string.h>

#include "runner.h"
#include "core/date.h"

/* A date literal for the tests. */
static bf_date
D(int y, int m, int d)
{
	bf_date r;

	r.y = y;
	r.m = m;
	r.d = d;
	return r;
}

/* Parse s and return it formatted as ISO, or the error message. */
static const char *
parse_iso(const char *s)
{
	static char buf[BF_ERROR_MSG_MAX];
	bf_error err;
	bf_date d;

	err_clear(&err);
	if (date_parse(s, &d, &err) != BF_OK) {
		ck_assert_int_eq(err.code, BF_EINVAL);
		strcpy(buf, err.msg);
		return buf;
	}
	ck_assert_int_eq(err.code, BF_OK);
	date_format(d, buf);
	return buf;
}

START_TEST(test_leap_and_month_lengths)
{
	ck_assert(date_is_leap(2000));
	ck_assert(date_is_leap(2024));
	ck_assert(!date_is_leap(1900));
	ck_assert(!date_is_leap(2023));
	ck_assert(!date_is_leap(2100));
	ck_assert_int_eq(date_days_in_month(2024, 2), 29);
	ck_assert_int_eq(date_days_in_month(2023, 2), 28);
	ck_assert_int_eq(date_days_in_month(1900, 2), 28);
	ck_assert_int_eq(date_days_in_month(2024, 4), 30);
	ck_assert_int_eq(date_days_in_month(2024, 12), 31);
	ck_assert_int_eq(date_days_in_month(2024, 0), 0);
	ck_assert_int_eq(date_days_in_month(2024, 13), 0);
}
END_TEST

START_TEST(test_valid)
{
	ck_assert(date_valid(2024, 2, 29));
	ck_assert(!date_valid(2023, 2, 29));
	ck_assert(!date_valid(1999, 2, 30));
	ck_assert(!date_valid(2024, 4, 31));
	ck_assert(date_valid(2024, 12, 31));
	ck_assert(!date_valid(2024, 0, 1));
	ck_assert(!date_valid(2024, 1, 0));
	ck_assert(!date_valid(1799, 12, 31));
	ck_assert(date_valid(1800, 1, 1));
	ck_assert(date_valid(9999, 12, 31));
	ck_assert(!date_valid(10000, 1, 1));
}
END_TEST

START_TEST(test_parse_accepted_forms)
{
	ck_assert_str_eq(parse_iso("2024-05-06"), "2024-05-06");
	ck_assert_str_eq(parse_iso("2024/5/6"), "2024-05-06");
	ck_assert_str_eq(parse_iso("2024.5.6"), "2024-05-06");
	ck_assert_str_eq(parse_iso("2024年5月6日"), "2024-05-06");
	ck_assert_str_eq(parse_iso("2024年05月06日"), "2024-05-06");
	ck_assert_str_eq(parse_iso("2024 年 5 月 6 日"), "2024-05-06");
	ck_assert_str_eq(parse_iso("2024年5月6"), "2024-05-06");
	ck_assert_str_eq(parse_iso("20240506"), "2024-05-06");
	ck_assert_str_eq(parse_iso("2024-5-06"), "2024-05-06");
	ck_assert_str_eq(parse_iso("2024/12/31"), "2024-12-31");
	/* full-width digits, separators and spaces */
	ck_assert_str_eq(parse_iso("２０２４－０５－０６"), "2024-05-06");
	ck_assert_str_eq(parse_iso("２０２４年５月６日"), "2024-05-06");
	ck_assert_str_eq(parse_iso("２０２４０５０６"), "2024-05-06");
	ck_assert_str_eq(parse_iso("　2024/5/6　"), "2024-05-06");
	ck_assert_str_eq(parse_iso("  2024.5.6\t\n"), "2024-05-06");
	ck_assert_str_eq(parse_iso("2024-02-29"), "2024-02-29");
}
END_TEST

START_TEST(test_parse_messages)
{
	ck_assert_str_eq(parse_iso("2024-13-01"), "月份 13 无效");
	ck_assert_str_eq(parse_iso("2024-00-01"), "月份 0 无效");
	ck_assert_str_eq(parse_iso("20241301"), "月份 13 无效");
	ck_assert_str_eq(parse_iso("2023-02-29"), "2023 年 2 月没有 29 日");
	ck_assert_str_eq(parse_iso("2023年2月29日"), "2023 年 2 月没有 29 日");
	ck_assert_str_eq(parse_iso("1999/2/30"), "1999 年 2 月没有 30 日");
	ck_assert_str_eq(parse_iso("2024-04-31"), "2024 年 4 月没有 31 日");
	ck_assert_str_eq(parse_iso("2024-05-32"), "日 32 无效");
	ck_assert_str_eq(parse_iso("2024-05-00"), "日 0 无效");
	ck_assert_str_eq(parse_iso("1700-01-01"), "年份 1700 超出范围（1800–9999）");
	ck_assert_str_eq(parse_iso("2024-5"),
	    "无法识别的日期格式：2024-5，请用 2024-05-06");
	ck_assert_str_eq(parse_iso("24-5-6"),
	    "无法识别的日期格式：24-5-6，请用 2024-05-06");
	ck_assert_str_eq(parse_iso("2024-5/6"),
	    "无法识别的日期格式：2024-5/6，请用 2024-05-06");
	ck_assert_str_eq(parse_iso("2024年5月6日x"),
	    "无法识别的日期格式：2024年5月6日x，请用 2024-05-06");
	ck_assert_str_eq(parse_iso("2024-005-06"),
	    "无法识别的日期格式：2024-005-06，请用 2024-05-06");
	ck_assert_str_eq(parse_iso("2024050"),
	    "无法识别的日期格式：2024050，请用 2024-05-06");
	ck_assert_str_eq(parse_iso("202405061"),
	    "无法识别的日期格式：202405061，请用 2024-05-06");
	ck_assert_str_eq(parse_iso("五月六日"),
	    "无法识别的日期格式：五月六日，请用 2024-05-06");
	ck_assert_str_eq(parse_iso(""), "日期为空，请用 2024-05-06 格式");
	ck_assert_str_eq(parse_iso("　 "), "日期为空，请用 2024-05-06 格式");
	ck_assert_str_eq(parse_iso(NULL), "日期为空，请用 2024-05-06 格式");
}
END_TEST

START_TEST(test_parse_leaves_output_on_error)
{
	bf_date d = D(2000, 1, 1);

	ck_assert_int_eq(date_parse("2023-02-29", &d, NULL), BF_EINVAL);
	ck_assert_int_eq(date_cmp(d, D(2000, 1, 1)), 0);
}
END_TEST

START_TEST(test_check_messages)
{
	bf_error err;

	ck_assert_int_eq(date_check(2024, 2, 29, &err), BF_OK);
	ck_assert_int_eq(date_check(2100, 2, 29, &err), BF_EINVAL);
	ck_assert_str_eq(err.msg, "2100 年 2 月没有 29 日");
	ck_assert_int_eq(date_check(10000, 1, 1, &err), BF_EINVAL);
	ck_assert_str_eq(err.msg, "年份 10000 超出范围（1800–9999）");
}
END_TEST

START_TEST(test_format_and_cmp)
{
	char buf[DATE_ISO_LEN];

	date_format(D(1800, 1, 1), buf);
	ck_assert_str_eq(buf, "1800-01-01");
	date_format(D(9999, 12, 31), buf);
	ck_assert_str_eq(buf, "9999-12-31");
	ck_assert_int_lt(date_cmp(D(2024, 5, 6), D(2024, 5, 7)), 0);
	ck_assert_int_lt(date_cmp(D(2024, 4, 30), D(2024, 5, 1)), 0);
	ck_assert_int_lt(date_cmp(D(2023, 12, 31), D(2024, 1, 1)), 0);
	ck_assert_int_gt(date_cmp(D(2024, 5, 7), D(2024, 5, 6)), 0);
	ck_assert_int_eq(date_cmp(D(2024, 5, 6), D(2024, 5, 6)), 0);
}
END_TEST

START_TEST(test_day_numbers)
{
	ck_assert_int_eq(date_to_days(D(1970, 1, 1)), 0);
	ck_assert_int_eq(date_to_days(D(1970, 1, 2)), 1);
	ck_assert_int_eq(date_to_days(D(1969, 12, 31)), -1);
	ck_assert_int_eq(date_to_days(D(2000, 3, 1)), 11017);
	ck_assert_int_eq(date_to_days(D(2024, 5, 6)), 19849);
	ck_assert_int_eq(date_to_days(D(1900, 1, 1)), -25567);
	ck_assert_int_eq(date_to_days(D(1800, 1, 1)), -62091);
	ck_assert_int_eq(date_cmp(date_from_days(19849), D(2024, 5, 6)), 0);
	ck_assert_int_eq(date_cmp(date_from_days(-25567), D(1900, 1, 1)), 0);
	ck_assert_int_eq(date_diff_days(D(2024, 2, 28), D(2024, 3, 1)), 2);
	ck_assert_int_eq(date_diff_days(D(2023, 2, 28), D(2023, 3, 1)), 1);
	ck_assert_int_eq(date_diff_days(D(2024, 3, 1), D(2024, 2, 28)), -2);
	ck_assert_int_eq(date_diff_days(D(2024, 1, 1), D(2025, 1, 1)), 366);
}
END_TEST

START_TEST(test_day_numbers_round_trip)
{
	bf_date d = D(1800, 1, 1), e;
	long n = date_to_days(d), end = date_to_days(D(2200, 12, 31));

	/* every day for four centuries, both directions and successors */
	for (; n <= end; n++) {
		e = date_from_days(n);
		ck_assert(date_valid(e.y, e.m, e.d));
		ck_assert_int_eq(date_to_days(e), n);
		ck_assert_int_eq(date_cmp(e, d), 0);
		if (d.d < date_days_in_month(d.y, d.m))
			d.d++;
		else if (d.m < 12)
			d.m++, d.d = 1;
		else
			d.y++, d.m = 1, d.d = 1;
	}
}
END_TEST

START_TEST(test_add_days)
{
	ck_assert_int_eq(date_cmp(date_add_days(D(2024, 2, 28), 1), D(2024, 2, 29)), 0);
	ck_assert_int_eq(date_cmp(date_add_days(D(2023, 2, 28), 1), D(2023, 3, 1)), 0);
	ck_assert_int_eq(date_cmp(date_add_days(D(2024, 12, 31), 1), D(2025, 1, 1)), 0);
	ck_assert_int_eq(date_cmp(date_add_days(D(2025, 1, 1), -1), D(2024, 12, 31)), 0);
	ck_assert_int_eq(date_cmp(date_add_days(D(2024, 5, 6), 0), D(2024, 5, 6)), 0);
	ck_assert_int_eq(date_cmp(date_add_days(D(2024, 1, 1), 366), D(2025, 1, 1)), 0);
}
END_TEST

START_TEST(test_add_months_clamps)
{
	ck_assert_int_eq(date_cmp(date_add_months(D(2024, 1, 31), 1), D(2024, 2, 29)), 0);
	ck_assert_int_eq(date_cmp(date_add_months(D(2023, 1, 31), 1), D(2023, 2, 28)), 0);
	ck_assert_int_eq(date_cmp(date_add_months(D(2024, 3, 31), 1), D(2024, 4, 30)), 0);
	ck_assert_int_eq(date_cmp(date_add_months(D(2024, 3, 31), -1), D(2024, 2, 29)), 0);
	ck_assert_int_eq(date_cmp(date_add_months(D(2024, 11, 15), 2), D(2025, 1, 15)), 0);
	ck_assert_int_eq(date_cmp(date_add_months(D(2024, 1, 15), -1), D(2023, 12, 15)), 0);
	ck_assert_int_eq(date_cmp(date_add_months(D(2024, 1, 15), -13), D(2022, 12, 15)), 0);
	ck_assert_int_eq(date_cmp(date_add_months(D(2024, 2, 29), 12), D(2025, 2, 28)), 0);
	ck_assert_int_eq(date_cmp(date_add_months(D(2024, 2, 29), 48), D(2028, 2, 29)), 0);
	ck_assert_int_eq(date_cmp(date_add_months(D(2024, 5, 6), 0), D(2024, 5, 6)), 0);
	ck_assert_int_eq(date_cmp(date_add_months(D(1965, 1, 10), 721), D(2025, 2, 10)), 0);
}
END_TEST

START_TEST(test_months_between)
{
	ck_assert_int_eq(date_months_between(D(2024, 1, 15), D(2024, 2, 14)), 0);
	ck_assert_int_eq(date_months_between(D(2024, 1, 15), D(2024, 2, 15)), 1);
	ck_assert_int_eq(date_months_between(D(2024, 1, 31), D(2024, 2, 28)), 0);
	ck_assert_int_eq(date_months_between(D(2024, 1, 31), D(2024, 2, 29)), 1);
	ck_assert_int_eq(date_months_between(D(2023, 3, 1), D(2024, 5, 6)), 14);
	ck_assert_int_eq(date_months_between(D(2024, 5, 6), D(2024, 5, 6)), 0);
	ck_assert_int_eq(date_months_between(D(2024, 5, 6), D(2023, 3, 1)), -14);
}
END_TEST

START_TEST(test_age)
{
	bf_date b = D(1985, 3, 15);

	ck_assert_int_eq(date_age(b, D(2024, 3, 14)), 38);
	ck_assert_int_eq(date_age(b, D(2024, 3, 15)), 39);	/* on the birthday */
	ck_assert_int_eq(date_age(b, D(2024, 3, 16)), 39);
	ck_assert_int_eq(date_age(b, D(2024, 12, 31)), 39);
	ck_assert_int_eq(date_age(b, D(1985, 3, 15)), 0);
	ck_assert_int_eq(date_age(b, D(1985, 3, 14)), -1);
	ck_assert_int_eq(date_age(D(2008, 5, 6), D(2024, 5, 5)), 15);
	ck_assert_int_eq(date_age(D(2008, 5, 6), D(2024, 5, 6)), 16);
}
END_TEST

START_TEST(test_age_leap_day_birthday)
{
	bf_date b = D(2000, 2, 29);

	/* common years: the birthday is 03-01 */
	ck_assert_int_eq(date_age(b, D(2001, 2, 28)), 0);
	ck_assert_int_eq(date_age(b, D(2001, 3, 1)), 1);
	ck_assert_int_eq(date_age(b, D(2016, 2, 28)), 15);
	/* leap years: 02-29 itself */
	ck_assert_int_eq(date_age(b, D(2016, 2, 29)), 16);
	ck_assert_int_eq(date_age(b, D(2040, 2, 28)), 39);
	ck_assert_int_eq(date_age(b, D(2040, 2, 29)), 40);
	ck_assert_int_eq(date_age(b, D(2041, 2, 28)), 40);
	ck_assert_int_eq(date_age(b, D(2041, 3, 1)), 41);
	/* 2100 is not a leap year */
	ck_assert_int_eq(date_age(b, D(2100, 2, 28)), 99);
	ck_assert_int_eq(date_age(b, D(2100, 3, 1)), 100);
}
END_TEST

START_TEST(test_birthday)
{
	bf_date b = D(2000, 2, 29), r;
	int age;

	ck_assert_int_eq(date_cmp(date_birthday(b, 1), D(2001, 3, 1)), 0);
	ck_assert_int_eq(date_cmp(date_birthday(b, 4), D(2004, 2, 29)), 0);
	ck_assert_int_eq(date_cmp(date_birthday(b, 100), D(2100, 3, 1)), 0);
	ck_assert_int_eq(date_cmp(date_birthday(D(1984, 5, 6), 40), D(2024, 5, 6)), 0);
	/* agrees with date_age: the age is reached that day, not the day before */
	for (age = 0; age <= 60; age++) {
		r = date_birthday(b, age);
		ck_assert_int_eq(date_age(b, r), age);
		ck_assert_int_eq(date_age(b, date_add_days(r, -1)), age - 1);
	}
}
END_TEST

START_TEST(test_from_ymd)
{
	bf_date d;

	ck_assert_int_eq(date_from_ymd(20240506, &d), BF_OK);
	ck_assert_int_eq(date_cmp(d, D(2024, 5, 6)), 0);
	ck_assert_int_eq(date_from_ymd(20240229, &d), BF_OK);
	ck_assert_int_eq(date_from_ymd(20230229, &d), BF_EINVAL);
	ck_assert_int_eq(date_from_ymd(19990230, &d), BF_EINVAL);
	ck_assert_int_eq(date_from_ymd(20241301, &d), BF_EINVAL);
	ck_assert_int_eq(date_from_ymd(0, &d), BF_EINVAL);
	ck_assert_int_eq(date_from_ymd(-20240506, &d), BF_EINVAL);
	ck_assert_int_eq(date_cmp(d, D(2024, 2, 29)), 0);	/* untouched */
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("core_date");
	TCase *tc = tcase_create("date");

	tcase_add_test(tc, test_leap_and_month_lengths);
	tcase_add_test(tc, test_valid);
	tcase_add_test(tc, test_parse_accepted_forms);
	tcase_add_test(tc, test_parse_messages);
	tcase_add_test(tc, test_parse_leaves_output_on_error);
	tcase_add_test(tc, test_check_messages);
	tcase_add_test(tc, test_format_and_cmp);
	tcase_add_test(tc, test_day_numbers);
	tcase_add_test(tc, test_day_numbers_round_trip);
	tcase_add_test(tc, test_add_days);
	tcase_add_test(tc, test_add_months_clamps);
	tcase_add_test(tc, test_months_between);
	tcase_add_test(tc, test_age);
	tcase_add_test(tc, test_age_leap_day_birthday);
	tcase_add_test(tc, test_birthday);
	tcase_add_test(tc, test_from_ymd);
	suite_add_tcase(s, tc);
	return s;
}
