/*
 * check_core_category.c -- unit tests for src/core/category.c: the code
 * list, and the 01 "4050", 06 graduate and 11 long-unemployed rules with
 * their explanations, birthdays on the day, leap days, expiry and the
 * working-age bounds.
 */
#include "config.h"

#include <string.h>

#include "runner.h"
#include "core/category.h"

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

/* Facts for a person of sex born on birth, optionally registered on reg. */
static struct category_facts
facts(int sex, bf_date birth, int registered, bf_date reg)
{
	struct category_facts f;

	memset(&f, 0, sizeof f);
	f.sex = sex;
	f.birth = birth;
	f.registered = registered;
	f.registered_on = reg;
	return f;
}

/* d as ISO text (one of two rotating buffers, for use in one assertion). */
static const char *
iso(bf_date d)
{
	static char buf[2][DATE_ISO_LEN];
	static int i;

	i = !i;
	date_format(d, buf[i]);
	return buf[i];
}

START_TEST(test_code_list)
{
	const struct category_def *defs;
	size_t n, i, nderived = 0;

	defs = category_defs(&n);
	ck_assert_uint_eq(n, 13);
	ck_assert_str_eq(defs[0].code, "01");
	ck_assert_str_eq(defs[n - 1].code, "99");
	for (i = 0; i < n; i++) {
		ck_assert_uint_eq(strlen(defs[i].code), 2);
		if (i > 0)
			ck_assert_int_lt(strcmp(defs[i - 1].code, defs[i].code), 0);
		nderived += defs[i].derived;
	}
	ck_assert_uint_eq(nderived, CATEGORY_MAX_DERIVED);
	ck_assert_str_eq(category_label("01"), "登记失业的“4050”人员");
	ck_assert_str_eq(category_label("04"), "零就业家庭人员");
	ck_assert_str_eq(category_label("06"), "离校两年内高校毕业生");
	ck_assert_str_eq(category_label("11"), "连续失业一年以上人员");
	ck_assert_str_eq(category_label("99"), "市政府确定的其他就业困难人员");
	ck_assert_ptr_null(category_label("13"));
	ck_assert_ptr_null(category_label(NULL));
	ck_assert_int_eq(category_find("11")->cq_list, 0);
	ck_assert_int_eq(category_find("12")->cq_list, 0);
	ck_assert_int_eq(category_find("01")->cq_list, 1);
}
END_TEST

START_TEST(test_4050_woman)
{
	struct category_facts f = facts(2, D(1980, 9, 1), 1, D(2024, 1, 10));
	struct category_result r[CATEGORY_MAX_DERIVED];
	int n;

	n = category_derive(NULL, &f, D(2024, 5, 6), r);
	ck_assert_str_eq(r[0].code, "01");
	ck_assert_int_eq(r[0].applies, 1);
	ck_assert_str_eq(r[0].why, "女，43 岁，已登记失业 → 登记失业的“4050”人员");
	/* became 40 on 2020-09-01, registered later: since the registration */
	ck_assert_str_eq(iso(r[0].since), "2024-01-10");
	ck_assert_int_eq(r[0].has_expiry, 0);
	ck_assert_str_eq(r[1].code, "06");
	ck_assert_int_eq(r[1].applies, 0);
	ck_assert_str_eq(r[1].why, "没有高校毕业时间");
	ck_assert_str_eq(r[2].code, "11");
	ck_assert_int_eq(r[2].applies, 0);
	ck_assert_str_eq(r[2].why, "2024-01-10 登记失业，连续失业 3 个月，未满 1 年");
	ck_assert_int_eq(n, 1);
}
END_TEST

START_TEST(test_4050_birthday_on_the_day)
{
	struct category_facts f = facts(2, D(1984, 5, 6), 1, D(2023, 1, 1));
	struct category_result r[CATEGORY_MAX_DERIVED];

	category_derive(NULL, &f, D(2024, 5, 5), r);
	ck_assert_int_eq(r[0].applies, 0);
	ck_assert_str_eq(r[0].why, "女，39 岁，未满 40 周岁");
	category_derive(NULL, &f, D(2024, 5, 6), r);
	ck_assert_int_eq(r[0].applies, 1);
	ck_assert_str_eq(r[0].why, "女，40 岁，已登记失业 → 登记失业的“4050”人员");
	ck_assert_str_eq(iso(r[0].since), "2024-05-06");

	/* men at 50 */
	f = facts(1, D(1974, 5, 6), 1, D(2023, 1, 1));
	category_derive(NULL, &f, D(2024, 5, 5), r);
	ck_assert_str_eq(r[0].why, "男，49 岁，未满 50 周岁");
	category_derive(NULL, &f, D(2024, 5, 6), r);
	ck_assert_int_eq(r[0].applies, 1);
	ck_assert_str_eq(r[0].why, "男，50 岁，已登记失业 → 登记失业的“4050”人员");
	/* a man of 45 is not 4050, a woman of 45 is */
	f = facts(1, D(1979, 1, 1), 1, D(2023, 1, 1));
	category_derive(NULL, &f, D(2024, 5, 6), r);
	ck_assert_int_eq(r[0].applies, 0);
}
END_TEST

START_TEST(test_4050_leap_day)
{
	/* born 1984-02-29: 40 on 2024-02-29 (a leap year) */
	struct category_facts f = facts(2, D(1984, 2, 29), 1, D(2023, 6, 1));
	struct category_result r[CATEGORY_MAX_DERIVED];

	category_derive(NULL, &f, D(2024, 2, 28), r);
	ck_assert_int_eq(r[0].applies, 0);
	category_derive(NULL, &f, D(2024, 2, 29), r);
	ck_assert_int_eq(r[0].applies, 1);
	ck_assert_str_eq(iso(r[0].since), "2024-02-29");
	/* born 1983-02-29 does not exist; 1980-02-29, man: 50 on 2030-03-01 */
	f = facts(1, D(1980, 2, 29), 1, D(2029, 1, 1));
	category_derive(NULL, &f, D(2030, 2, 28), r);
	ck_assert_int_eq(r[0].applies, 0);
	category_derive(NULL, &f, D(2030, 3, 1), r);
	ck_assert_int_eq(r[0].applies, 1);
	ck_assert_str_eq(iso(r[0].since), "2030-03-01");
}
END_TEST

START_TEST(test_4050_needs_registration)
{
	struct category_facts f = facts(2, D(1980, 9, 1), 0, D(1800, 1, 1));
	struct category_result r[CATEGORY_MAX_DERIVED];

	ck_assert_int_eq(category_derive(NULL, &f, D(2024, 5, 6), r), 0);
	ck_assert_int_eq(r[0].applies, 0);
	ck_assert_str_eq(r[0].why, "女，43 岁，但没有有效的失业登记");
	ck_assert_str_eq(r[2].why, "没有有效的失业登记");
	f.sex = 0;
	category_derive(NULL, &f, D(2024, 5, 6), r);
	ck_assert_str_eq(r[0].why, "性别不详，无法判断“4050”");
}
END_TEST

START_TEST(test_graduate)
{
	struct category_facts f = facts(2, D(2001, 3, 4), 1, D(2023, 9, 1));
	struct category_result r[CATEGORY_MAX_DERIVED];

	f.graduated = 1;
	f.graduated_on = D(2023, 6, 30);
	ck_assert_int_eq(category_derive(NULL, &f, D(2024, 5, 6), r), 1);
	ck_assert_int_eq(r[1].applies, 1);
	ck_assert_int_eq(r[1].has_expiry, 1);
	ck_assert_str_eq(iso(r[1].expires_on), "2025-06-30");
	ck_assert_str_eq(iso(r[1].since), "2023-09-01");
	ck_assert_str_eq(r[1].why,
	    "2023-06-30 毕业，离校 2 年内（至 2025-06-30），已登记失业 → 离校两年内高校毕业生");
	/* the last day still counts; the day after it has expired */
	category_derive(NULL, &f, D(2025, 6, 30), r);
	ck_assert_int_eq(r[1].applies, 1);
	category_derive(NULL, &f, D(2025, 7, 1), r);
	ck_assert_int_eq(r[1].applies, 0);
	ck_assert_int_eq(r[1].has_expiry, 1);
	ck_assert_str_eq(r[1].why, "2023-06-30 毕业，离校已超过 2 年（2025-06-30 到期）");
	/* not registered */
	f.registered = 0;
	category_derive(NULL, &f, D(2024, 5, 6), r);
	ck_assert_int_eq(r[1].applies, 0);
	ck_assert_str_eq(r[1].why,
	    "2023-06-30 毕业，离校 2 年内（至 2025-06-30），但没有有效的失业登记");
	/* graduation in the future */
	f.graduated_on = D(2024, 6, 30);
	category_derive(NULL, &f, D(2024, 5, 6), r);
	ck_assert_int_eq(r[1].applies, 0);
	ck_assert_int_eq(r[1].has_expiry, 0);
	ck_assert_str_eq(r[1].why, "毕业时间 2024-06-30 晚于今天");
}
END_TEST

START_TEST(test_graduate_leap_day_and_params)
{
	struct category_facts f = facts(1, D(2001, 3, 4), 1, D(2024, 3, 1));
	struct category_result r[CATEGORY_MAX_DERIVED];
	struct category_params p;

	f.graduated = 1;
	f.graduated_on = D(2024, 2, 29);
	category_derive(NULL, &f, D(2024, 5, 6), r);
	ck_assert_str_eq(iso(r[1].expires_on), "2026-02-28");
	category_derive(NULL, &f, D(2026, 2, 28), r);
	ck_assert_int_eq(r[1].applies, 1);
	category_derive(NULL, &f, D(2026, 3, 1), r);
	ck_assert_int_eq(r[1].applies, 0);

	/* a site that counts 18 months and does not require registration */
	category_params_default(&p);
	p.graduate_months = 18;
	p.graduate_needs_registration = 0;
	f.registered = 0;
	category_derive(&p, &f, D(2024, 5, 6), r);
	ck_assert_int_eq(r[1].applies, 1);
	ck_assert_str_eq(iso(r[1].since), "2024-02-29");
	ck_assert_str_eq(iso(r[1].expires_on), "2025-08-29");
	ck_assert_str_eq(r[1].why,
	    "2024-02-29 毕业，离校 1 年 6 个月内（至 2025-08-29） → 离校两年内高校毕业生");
}
END_TEST

START_TEST(test_long_unemployed)
{
	struct category_facts f = facts(1, D(1990, 1, 1), 1, D(2023, 3, 1));
	struct category_result r[CATEGORY_MAX_DERIVED];

	ck_assert_int_eq(category_derive(NULL, &f, D(2024, 5, 6), r), 1);
	ck_assert_int_eq(r[2].applies, 1);
	ck_assert_str_eq(iso(r[2].since), "2024-03-01");
	ck_assert_str_eq(r[2].why, "2023-03-01 登记失业，已连续失业 1 年 2 个月 → 连续失业一年以上人员");
	/* exactly one year on the day */
	category_derive(NULL, &f, D(2024, 2, 29), r);
	ck_assert_int_eq(r[2].applies, 0);
	ck_assert_str_eq(r[2].why, "2023-03-01 登记失业，连续失业 11 个月，未满 1 年");
	category_derive(NULL, &f, D(2024, 3, 1), r);
	ck_assert_int_eq(r[2].applies, 1);
	ck_assert_str_eq(r[2].why, "2023-03-01 登记失业，已连续失业 1 年 → 连续失业一年以上人员");
	/* registered today */
	category_derive(NULL, &f, D(2023, 3, 1), r);
	ck_assert_str_eq(r[2].why, "2023-03-01 登记失业，连续失业不足 1 个月，未满 1 年");
	/* registered on a leap day: a year later is 2025-02-28 */
	f.registered_on = D(2024, 2, 29);
	category_derive(NULL, &f, D(2025, 2, 27), r);
	ck_assert_int_eq(r[2].applies, 0);
	category_derive(NULL, &f, D(2025, 2, 28), r);
	ck_assert_int_eq(r[2].applies, 1);
	ck_assert_str_eq(iso(r[2].since), "2025-02-28");
}
END_TEST

START_TEST(test_all_three)
{
	/* a woman of 41, graduated a year ago, registered 13 months ago */
	struct category_facts f = facts(2, D(1983, 1, 1), 1, D(2023, 4, 1));
	struct category_result r[CATEGORY_MAX_DERIVED];

	f.graduated = 1;
	f.graduated_on = D(2023, 3, 31);
	ck_assert_int_eq(category_derive(NULL, &f, D(2024, 5, 6), r), 3);
	ck_assert(r[0].applies && r[1].applies && r[2].applies);
}
END_TEST

START_TEST(test_working_age_bounds)
{
	struct category_facts f = facts(1, D(1965, 1, 15), 1, D(2020, 1, 1));
	struct category_result r[CATEGORY_MAX_DERIVED];

	/* man born 1965-01-15 retires 2025-02-15 (60 years 1 month) */
	ck_assert_int_eq(category_derive(NULL, &f, D(2025, 2, 14), r), 2);
	ck_assert_int_eq(r[0].applies, 1);
	ck_assert_int_eq(category_derive(NULL, &f, D(2025, 2, 15), r), 0);
	ck_assert_int_eq(r[0].applies, 0);
	ck_assert_str_eq(r[0].why, "已于 2025-02-15 达到法定退休年龄");
	ck_assert_str_eq(r[2].why, "已于 2025-02-15 达到法定退休年龄");
	/* a woman worker (50 basis) born 1975-01-10 retires 2025-02-10 */
	f = facts(2, D(1975, 1, 10), 1, D(2020, 1, 1));
	ck_assert_int_eq(category_derive(NULL, &f, D(2025, 2, 9), r), 2);
	ck_assert_int_eq(category_derive(NULL, &f, D(2025, 2, 10), r), 0);
	/* on the 55 basis she is still of working age */
	f.basis = RETIRE_FEMALE_55;
	ck_assert_int_eq(category_derive(NULL, &f, D(2025, 2, 10), r), 2);
	/* under 16 */
	f = facts(2, D(2009, 1, 1), 1, D(2024, 1, 1));
	ck_assert_int_eq(category_derive(NULL, &f, D(2024, 5, 6), r), 0);
	ck_assert_str_eq(r[2].why, "15 岁，未满 16 周岁，不在法定劳动年龄内");
	/* birth date unknown */
	f = facts(2, D(0, 0, 0), 1, D(2020, 1, 1));
	ck_assert_int_eq(category_derive(NULL, &f, D(2024, 5, 6), r), 0);
	ck_assert_str_eq(r[0].why, "出生日期不详，无法判断");
	ck_assert_str_eq(r[2].why, "出生日期不详，无法判断");
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("core_category");
	TCase *tc = tcase_create("category");

	tcase_add_test(tc, test_code_list);
	tcase_add_test(tc, test_4050_woman);
	tcase_add_test(tc, test_4050_birthday_on_the_day);
	tcase_add_test(tc, test_4050_leap_day);
	tcase_add_test(tc, test_4050_needs_registration);
	tcase_add_test(tc, test_graduate);
	tcase_add_test(tc, test_graduate_leap_day_and_params);
	tcase_add_test(tc, test_long_unemployed);
	tcase_add_test(tc, test_all_three);
	tcase_add_test(tc, test_working_age_bounds);
	suite_add_tcase(s, tc);
	return s;
}
