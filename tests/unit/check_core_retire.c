/*
 * check_core_retire.c -- unit tests for src/core/retire.c: the published
 * points of the 2025 gradual retirement-age rule, its start dates and caps,
 * the working-age window, the five-years-before-retirement test and "4050".
 */
#include "config.h"

#include "runner.h"
#include "core/retire.h"

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

/* The retirement month of someone born y-m on basis must be ry-rm. */
static void
expect_month(int y, int m, enum retire_basis basis, int ry, int rm)
{
	int gy, gm;

	retire_month(D(y, m, 1), basis, &gy, &gm);
	ck_assert_msg(gy == ry && gm == rm, "born %04d-%02d basis %d: %04d-%02d, want %04d-%02d",
	    y, m, (int)basis, gy, gm, ry, rm);
}

START_TEST(test_default_basis)
{
	ck_assert_int_eq(retire_default_basis(1), RETIRE_MALE_60);
	ck_assert_int_eq(retire_default_basis(2), RETIRE_FEMALE_50);
}
END_TEST

START_TEST(test_published_points)
{
	/* man born 1965-01: 60 years 1 month, retires 2025-02 */
	ck_assert_int_eq(retire_delay_months(D(1965, 1, 10), RETIRE_MALE_60), 1);
	ck_assert_int_eq(retire_age_months(D(1965, 1, 10), RETIRE_MALE_60), 60 * 12 + 1);
	expect_month(1965, 1, RETIRE_MALE_60, 2025, 2);
	/* man born 1970-01: 61 years 4 months */
	ck_assert_int_eq(retire_delay_months(D(1970, 1, 1), RETIRE_MALE_60), 16);
	ck_assert_int_eq(retire_age_months(D(1970, 1, 1), RETIRE_MALE_60), 61 * 12 + 4);
	expect_month(1970, 1, RETIRE_MALE_60, 2031, 5);
	/* woman (50 basis) born 1975-01: 50 years 1 month */
	ck_assert_int_eq(retire_delay_months(D(1975, 1, 1), RETIRE_FEMALE_50), 1);
	ck_assert_int_eq(retire_age_months(D(1975, 1, 1), RETIRE_FEMALE_50), 50 * 12 + 1);
	expect_month(1975, 1, RETIRE_FEMALE_50, 2025, 2);
	/* woman (55 basis) born 1970-01: 55 years 1 month */
	ck_assert_int_eq(retire_delay_months(D(1970, 1, 1), RETIRE_FEMALE_55), 1);
	expect_month(1970, 1, RETIRE_FEMALE_55, 2025, 2);
}
END_TEST

START_TEST(test_steps)
{
	/* men: one month per four months of birth */
	ck_assert_int_eq(retire_delay_months(D(1965, 4, 1), RETIRE_MALE_60), 1);
	ck_assert_int_eq(retire_delay_months(D(1965, 5, 1), RETIRE_MALE_60), 2);
	ck_assert_int_eq(retire_delay_months(D(1971, 1, 1), RETIRE_MALE_60), 19);
	expect_month(1971, 1, RETIRE_MALE_60, 2032, 8);
	/* women on 50: one month per two */
	ck_assert_int_eq(retire_delay_months(D(1975, 2, 1), RETIRE_FEMALE_50), 1);
	ck_assert_int_eq(retire_delay_months(D(1975, 3, 1), RETIRE_FEMALE_50), 2);
	ck_assert_int_eq(retire_delay_months(D(1980, 1, 1), RETIRE_FEMALE_50), 31);
	/* women on 55: one per four */
	ck_assert_int_eq(retire_delay_months(D(1970, 5, 1), RETIRE_FEMALE_55), 2);
	ck_assert_int_eq(retire_delay_months(D(1975, 1, 1), RETIRE_FEMALE_55), 16);
}
END_TEST

START_TEST(test_start_dates_no_delay_before)
{
	ck_assert_int_eq(retire_delay_months(D(1964, 12, 31), RETIRE_MALE_60), 0);
	expect_month(1964, 12, RETIRE_MALE_60, 2024, 12);
	ck_assert_int_eq(retire_delay_months(D(1950, 6, 1), RETIRE_MALE_60), 0);
	ck_assert_int_eq(retire_delay_months(D(1969, 12, 31), RETIRE_FEMALE_55), 0);
	expect_month(1969, 12, RETIRE_FEMALE_55, 2024, 12);
	ck_assert_int_eq(retire_delay_months(D(1974, 12, 31), RETIRE_FEMALE_50), 0);
	expect_month(1974, 12, RETIRE_FEMALE_50, 2024, 12);
}
END_TEST

START_TEST(test_caps)
{
	/* men: 63 from births of 1976-09 */
	ck_assert_int_eq(retire_delay_months(D(1976, 8, 1), RETIRE_MALE_60), 35);
	ck_assert_int_eq(retire_delay_months(D(1976, 9, 1), RETIRE_MALE_60), 36);
	ck_assert_int_eq(retire_age_months(D(1976, 9, 1), RETIRE_MALE_60), 63 * 12);
	ck_assert_int_eq(retire_delay_months(D(1990, 1, 1), RETIRE_MALE_60), 36);
	ck_assert_int_eq(retire_delay_months(D(2005, 7, 1), RETIRE_MALE_60), 36);
	expect_month(1976, 9, RETIRE_MALE_60, 2039, 9);
	/* women on 55: 58 from 1981-09 */
	ck_assert_int_eq(retire_delay_months(D(1981, 8, 1), RETIRE_FEMALE_55), 35);
	ck_assert_int_eq(retire_delay_months(D(1981, 9, 1), RETIRE_FEMALE_55), 36);
	ck_assert_int_eq(retire_age_months(D(1995, 1, 1), RETIRE_FEMALE_55), 58 * 12);
	/* women on 50: 55 from 1984-11 */
	ck_assert_int_eq(retire_delay_months(D(1984, 10, 1), RETIRE_FEMALE_50), 59);
	ck_assert_int_eq(retire_delay_months(D(1984, 11, 1), RETIRE_FEMALE_50), 60);
	ck_assert_int_eq(retire_age_months(D(2000, 2, 29), RETIRE_FEMALE_50), 55 * 12);
	expect_month(1984, 11, RETIRE_FEMALE_50, 2039, 11);
}
END_TEST

START_TEST(test_retire_date)
{
	bf_date r;

	r = retire_date(D(1965, 1, 15), RETIRE_MALE_60);
	ck_assert_int_eq(date_cmp(r, D(2025, 2, 15)), 0);
	r = retire_date(D(1964, 12, 31), RETIRE_MALE_60);
	ck_assert_int_eq(date_cmp(r, D(2024, 12, 31)), 0);
	/* the birthday's day clamped to the retirement month */
	r = retire_date(D(1975, 1, 31), RETIRE_FEMALE_50);
	ck_assert_int_eq(date_cmp(r, D(2025, 2, 28)), 0);
	r = retire_date(D(1970, 1, 31), RETIRE_MALE_60);	/* 2031-05 */
	ck_assert_int_eq(date_cmp(r, D(2031, 5, 31)), 0);
	/* leap-day birth, retirement in a common year's February */
	r = retire_date(D(2000, 2, 29), RETIRE_FEMALE_50);
	ck_assert_int_eq(date_cmp(r, D(2055, 2, 28)), 0);
	r = retire_date(D(2000, 2, 29), RETIRE_MALE_60);
	ck_assert_int_eq(date_cmp(r, D(2063, 2, 28)), 0);
}
END_TEST

START_TEST(test_working_age)
{
	bf_date b = D(2008, 5, 6);

	/* from the 16th birthday */
	ck_assert(!retire_in_working_age(b, RETIRE_MALE_60, D(2024, 5, 5)));
	ck_assert(retire_in_working_age(b, RETIRE_MALE_60, D(2024, 5, 6)));
	/* until the day before retirement */
	b = D(1965, 1, 15);
	ck_assert(retire_in_working_age(b, RETIRE_MALE_60, D(2025, 1, 15)));	/* 60, not yet */
	ck_assert(retire_in_working_age(b, RETIRE_MALE_60, D(2025, 2, 14)));
	ck_assert(!retire_in_working_age(b, RETIRE_MALE_60, D(2025, 2, 15)));
	b = D(1964, 12, 31);
	ck_assert(retire_in_working_age(b, RETIRE_MALE_60, D(2024, 12, 30)));
	ck_assert(!retire_in_working_age(b, RETIRE_MALE_60, D(2024, 12, 31)));
	/* the basis matters: a woman born 1975-01 on 50 vs 55 */
	b = D(1975, 1, 1);
	ck_assert(!retire_in_working_age(b, RETIRE_FEMALE_50, D(2025, 3, 1)));
	ck_assert(retire_in_working_age(b, RETIRE_FEMALE_55, D(2025, 3, 1)));
	/* leap-day birth: 16 on 03-01 of a common year */
	b = D(2000, 2, 29);
	ck_assert(!retire_in_working_age(b, RETIRE_FEMALE_50, D(2016, 2, 28)));
	ck_assert(retire_in_working_age(b, RETIRE_FEMALE_50, D(2016, 2, 29)));
	b = D(2008, 2, 29);
	ck_assert(!retire_in_working_age(b, RETIRE_MALE_60, D(2023, 3, 1)));
	ck_assert(!retire_in_working_age(b, RETIRE_MALE_60, D(2024, 2, 28)));
	ck_assert(retire_in_working_age(b, RETIRE_MALE_60, D(2024, 2, 29)));
}
END_TEST

START_TEST(test_within_years)
{
	bf_date b = D(1970, 1, 1);	/* man: retires 2031-05-01 */

	ck_assert(!retire_within_years(b, RETIRE_MALE_60, D(2026, 4, 30), 5));
	ck_assert(!retire_within_years(b, RETIRE_MALE_60, D(2026, 5, 1), 5));	/* exactly 5 left */
	ck_assert(retire_within_years(b, RETIRE_MALE_60, D(2026, 5, 2), 5));
	ck_assert(retire_within_years(b, RETIRE_MALE_60, D(2031, 4, 30), 5));
	ck_assert(retire_within_years(b, RETIRE_MALE_60, D(2031, 5, 1), 5));	/* reached */
	ck_assert(!retire_within_years(b, RETIRE_MALE_60, D(2030, 5, 1), 1));
	ck_assert(retire_within_years(b, RETIRE_MALE_60, D(2030, 5, 2), 1));
	/* a woman born 1977-03 on the 50 basis retires at 51 years 2 months */
	b = D(1977, 3, 10);
	ck_assert_int_eq(retire_delay_months(b, RETIRE_FEMALE_50), 14);
	ck_assert(retire_within_years(b, RETIRE_FEMALE_50, D(2025, 6, 1), 5));
	ck_assert(!retire_within_years(b, RETIRE_FEMALE_55, D(2025, 6, 1), 5));
}
END_TEST

START_TEST(test_4050)
{
	/* women from the 40th birthday */
	ck_assert(!is_4050(2, D(1984, 5, 6), D(2024, 5, 5)));
	ck_assert(is_4050(2, D(1984, 5, 6), D(2024, 5, 6)));
	/* men from the 50th */
	ck_assert(!is_4050(1, D(1974, 5, 6), D(2024, 5, 5)));
	ck_assert(is_4050(1, D(1974, 5, 6), D(2024, 5, 6)));
	ck_assert(!is_4050(1, D(1984, 5, 6), D(2024, 5, 6)));	/* a man of 40 */
	ck_assert(!is_4050(0, D(1950, 1, 1), D(2024, 5, 6)));
	/* leap-day births */
	ck_assert(!is_4050(2, D(1984, 2, 29), D(2024, 2, 28)));
	ck_assert(is_4050(2, D(1984, 2, 29), D(2024, 2, 29)));
	ck_assert(!is_4050(1, D(1980, 2, 29), D(2030, 2, 28)));
	ck_assert(is_4050(1, D(1980, 2, 29), D(2030, 3, 1)));
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("core_retire");
	TCase *tc = tcase_create("retire");

	tcase_add_test(tc, test_default_basis);
	tcase_add_test(tc, test_published_points);
	tcase_add_test(tc, test_steps);
	tcase_add_test(tc, test_start_dates_no_delay_before);
	tcase_add_test(tc, test_caps);
	tcase_add_test(tc, test_retire_date);
	tcase_add_test(tc, test_working_age);
	tcase_add_test(tc, test_within_years);
	tcase_add_test(tc, test_4050);
	suite_add_tcase(s, tc);
	return s;
}
