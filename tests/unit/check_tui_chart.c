/*
 * check_tui_chart.c -- the bar chart as text: heights in eighths with
 * block characters, whole rows of '#' in ASCII, a non-zero value never
 * drawn as nothing, zeros and empty series.
 */
#include "config.h"

#include <string.h>

#include <check.h>

#include "runner.h"
#include "tui/chart.h"

START_TEST(test_blocks)
{
	long v[3] = { 0, 8, 3 };
	char rows[2][256];

	chart_bars(v, 3, 2, 1, 0, rows, 256);
	/* 8 fills two rows (16 eighths); 3 -> 6 eighths: "▆" in the bottom row. */
	ck_assert_str_eq(rows[0], "  █  ");
	ck_assert_str_eq(rows[1], "  █ ▆");
}
END_TEST

START_TEST(test_ascii_and_minimum)
{
	long v[3] = { 1, 100, 0 };
	char rows[4][256];

	chart_bars(v, 3, 4, 2, 1, rows, 256);
	ck_assert_str_eq(rows[0], "   ##   ");
	ck_assert_str_eq(rows[3], "## ##   ");	/* 1 of 100 still shows */
	chart_bars(v, 3, 4, 1, 0, rows, 256);
	ck_assert_str_eq(rows[3], "▁ █  ");
}
END_TEST

START_TEST(test_all_zero)
{
	long v[2] = { 0, 0 };
	char rows[1][256];

	chart_bars(v, 2, 1, 1, 0, rows, 256);
	ck_assert_str_eq(rows[0], "   ");
	chart_bars(v, 0, 1, 1, 0, rows, 256);
	ck_assert_str_eq(rows[0], "");
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("tui_chart");
	TCase *tc = tcase_create("chart");

	tcase_add_test(tc, test_blocks);
	tcase_add_test(tc, test_ascii_and_minimum);
	tcase_add_test(tc, test_all_zero);
	suite_add_tcase(s, tc);
	return s;
}
