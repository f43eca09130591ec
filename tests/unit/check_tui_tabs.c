/*
 * check_tui_tabs.c -- the tab bar: fits 80 columns with the person-file
 * tabs, scrolls when narrower, keys switch tabs, clicks hit the right tab.
 */
#include "config.h"

#include <string.h>

#include "runner.h"
#include "tui/tabs.h"
#include "tui_fixture.h"

static const char *const person_tabs[] = {
	"基本信息", "家庭", "认定", "帮扶计划", "服务记录", "回访", "就业情况", "变更记录",
};

START_TEST(test_fits_80_columns)
{
	struct tabs tb;
	char row[256];

	tabs_init(&tb, person_tabs, 8);
	tabs_draw(&tb, stdscr, 1, 0, 80);
	tui_fixture_row(1, 0, 80, row, sizeof row);
	ck_assert_ptr_nonnull(strstr(row, "1.基本信息 2.家庭 3.认定 4.帮扶计划 5.服务记录 6.回访 7.就业情况 8.变更记录"));
	/* Every tab is shown, the current one highlighted. */
	ck_assert_int_ge(tb.pos[7], 0);
	ck_assert(tui_fixture_attr(1, tb.pos[0]) & A_REVERSE);
	ck_assert(!(tui_fixture_attr(1, tb.pos[1]) & A_REVERSE));
	/* Wide enough: the roomier style. */
	resizeterm(30, 100);
	tabs_draw(&tb, stdscr, 1, 0, 100);
	tui_fixture_row(1, 0, 24, row, sizeof row);
	ck_assert_str_eq(row, " 1 基本信息  2 家庭  3 认");
}
END_TEST

START_TEST(test_hit_testing)
{
	struct tabs tb;
	int i, x;

	tabs_init(&tb, person_tabs, 8);
	tabs_draw(&tb, stdscr, 1, 0, 80);
	/* "1.基本信息" takes columns 0-9, a gap at 10, "2.家庭" 11-16. */
	ck_assert_int_eq(tabs_hit(&tb, 1, 0), 0);
	ck_assert_int_eq(tabs_hit(&tb, 1, 9), 0);
	ck_assert_int_eq(tabs_hit(&tb, 1, 10), -1);
	ck_assert_int_eq(tabs_hit(&tb, 1, 11), 1);
	ck_assert_int_eq(tabs_hit(&tb, 1, 16), 1);
	ck_assert_int_eq(tabs_hit(&tb, 2, 11), -1);	/* another row */
	ck_assert_int_eq(tabs_hit(&tb, 1, 79), -1);	/* past the last tab */
	/* Every column of every tab hits that tab. */
	for (i = 0; i < 8; i++)
		for (x = tb.pos[i]; x < tb.pos[i] + tb.wid[i]; x++)
			ck_assert_int_eq(tabs_hit(&tb, 1, x), i);
	ck_assert(tabs_click(&tb, 1, tb.pos[6] + 3));
	ck_assert_int_eq(tabs_current(&tb), 6);
	ck_assert(!tabs_click(&tb, 1, 79));
	ck_assert_int_eq(tabs_current(&tb), 6);
}
END_TEST

START_TEST(test_keys_switch_tabs)
{
	struct tabs tb;
	struct key k = { KEY_RIGHT, 0 };

	tabs_init(&tb, person_tabs, 8);
	ck_assert(tabs_key(&tb, &k));
	ck_assert_int_eq(tabs_current(&tb), 1);
	k.special = KEY_BTAB;
	ck_assert(tabs_key(&tb, &k));
	ck_assert(tabs_key(&tb, &k));
	ck_assert_int_eq(tabs_current(&tb), 7);	/* wraps */
	k.special = 0;
	k.ch = KEY_TAB_CHAR;
	ck_assert(tabs_key(&tb, &k));
	ck_assert_int_eq(tabs_current(&tb), 0);
	k.ch = '5';
	ck_assert(tabs_key(&tb, &k));
	ck_assert_int_eq(tabs_current(&tb), 4);
	k.ch = '9';	/* no ninth tab */
	ck_assert(!tabs_key(&tb, &k));
	k.ch = 'x';
	ck_assert(!tabs_key(&tb, &k));
	ck_assert_int_eq(tabs_current(&tb), 4);
	tabs_set(&tb, 99);
	ck_assert_int_eq(tabs_current(&tb), 7);
}
END_TEST

START_TEST(test_scrolls_when_narrow)
{
	struct tabs tb;
	char row[256];
	int i;

	tabs_init(&tb, person_tabs, 8);
	tabs_set(&tb, 7);
	tabs_draw(&tb, stdscr, 1, 0, 40);
	ck_assert_int_ge(tb.pos[7], 0);		/* the current tab shows */
	ck_assert_int_le(tb.pos[7] + tb.wid[7], 40);
	ck_assert_int_eq(tb.pos[0], -1);
	tui_fixture_row(1, 0, 1, row, sizeof row);
	ck_assert_str_eq(row, "<");
	for (i = 0; i < 8; i++)
		if (tb.pos[i] >= 0)
			ck_assert_int_le(tb.pos[i] + tb.wid[i], 40);
	tabs_set(&tb, 0);
	tabs_draw(&tb, stdscr, 1, 0, 40);
	ck_assert_int_eq(tb.pos[0], 1);
	tui_fixture_row(1, 39, 1, row, sizeof row);
	ck_assert_str_eq(row, ">");
	ck_assert_int_eq(tabs_hit(&tb, 1, 39), -1);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("tui_tabs");
	TCase *tc = tcase_create("tabs");

	tcase_add_checked_fixture(tc, tui_fixture_setup, tui_fixture_teardown);
	tcase_add_test(tc, test_fits_80_columns);
	tcase_add_test(tc, test_hit_testing);
	tcase_add_test(tc, test_keys_switch_tabs);
	tcase_add_test(tc, test_scrolls_when_narrow);
	suite_add_tcase(s, tc);
	return s;
}
