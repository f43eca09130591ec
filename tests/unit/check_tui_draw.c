/*
 * check_tui_draw.c -- headless render tests: curses runs on /dev/null, the
 * test draws, then reads the virtual screen back cell by cell and checks
 * that Chinese text is cut and padded by display width, never split.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runner.h"
#include "tui_fixture.h"
#include "tui/draw.h"
#include "tui/field.h"
#include "tui/keymap.h"

/* Read row y, columns x..x+n-1 of the virtual screen. */
static void
read_row(int y, int x, int n, char *buf, size_t len)
{
	tui_fixture_row(y, x, n, buf, len);
}

START_TEST(test_draw_pads_to_width)
{
	char row[256];

	ck_assert_int_eq(draw_text(stdscr, 1, 0, 10, "张三", A_NORMAL), 4);
	read_row(1, 0, 12, row, sizeof row);
	ck_assert_str_eq(row, "张三        ");
}
END_TEST

START_TEST(test_draw_never_splits_wide_char)
{
	char row[256];

	mvaddstr(2, 0, "XXXXXXXXXX");
	/* 5 columns: 王小 (4) fits, 红 would straddle: a space instead. */
	ck_assert_int_eq(draw_text(stdscr, 2, 0, 5, "王小红", A_NORMAL), 4);
	read_row(2, 0, 7, row, sizeof row);
	ck_assert_str_eq(row, "王小 XX");
}
END_TEST

START_TEST(test_draw_cut_marks)
{
	char row[256];

	draw_text_cut(stdscr, 3, 0, 6, "重庆市渝中区", A_NORMAL);
	read_row(3, 0, 6, row, sizeof row);
	ck_assert_str_eq(row, "重庆~ ");
}
END_TEST

START_TEST(test_draw_right_aligns)
{
	char row[256];

	draw_text_right(stdscr, 4, 0, 8, "帮扶", A_NORMAL);
	read_row(4, 0, 8, row, sizeof row);
	ck_assert_str_eq(row, "    帮扶");
}
END_TEST

START_TEST(test_keymap_lookup)
{
	static const struct keybind map[] = {
		{ KEY_F(2), 0, ACT_SAVE, "F2", "保存" },
		{ 0, KEY_CTRL_S, ACT_SAVE, "Ctrl-S", NULL },
		{ 0, '/', ACT_SEARCH, "/", "查找" },
		{ 0, 0, ACT_NONE, NULL, NULL }
	};
	struct key k = { KEY_F(2), 0 };

	ck_assert_int_eq(keymap_lookup(map, &k), ACT_SAVE);
	k.special = 0;
	k.ch = KEY_CTRL_S;
	ck_assert_int_eq(keymap_lookup(map, &k), ACT_SAVE);
	k.ch = '/';
	ck_assert_int_eq(keymap_lookup(map, &k), ACT_SEARCH);
	k.ch = 'x';
	ck_assert_int_eq(keymap_lookup(map, &k), ACT_NONE);
	ck_assert_str_eq(action_name(ACT_SAVE), "SAVE");
	ck_assert_str_eq(action_help(ACT_SAVE), "保存");
}
END_TEST

START_TEST(test_field_keys_and_scroll)
{
	struct lineedit le;
	struct key k = { 0, 0 };
	const char *typed = "重庆市渝中区七星岗";
	char row[256];
	char *text;
	int cx = -1;

	lineedit_init(&le, 0);
	lineedit_insert_str(&le, typed);
	k.special = KEY_HOME;
	ck_assert_int_eq(field_key(&le, &k), 1);
	k.special = 0;
	k.ch = 0x5f20;	/* 张 */
	ck_assert_int_eq(field_key(&le, &k), 1);
	k.ch = KEY_CTRL_E;
	ck_assert_int_eq(field_key(&le, &k), 1);
	k.special = KEY_BACKSPACE;
	ck_assert_int_eq(field_key(&le, &k), 1);
	k.special = KEY_F(5);
	ck_assert_int_eq(field_key(&le, &k), 0);
	text = lineedit_text(&le);
	ck_assert_str_eq(text, "张重庆市渝中区七星");
	free(text);
	/* 9 columns, cursor at the end: the tail is shown, the cursor after it. */
	field_draw(stdscr, 5, 10, 9, &le, A_NORMAL, 1, &cx);
	read_row(5, 10, 9, row, sizeof row);
	ck_assert_str_eq(row, "中区七星 ");
	ck_assert_int_eq(cx, 18);
	read_row(5, 9, 1, row, sizeof row);
	ck_assert_str_eq(row, "<");
	lineedit_free(&le);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("tui_draw");
	TCase *tc = tcase_create("draw");

	tcase_add_checked_fixture(tc, tui_fixture_setup, tui_fixture_teardown);
	tcase_add_test(tc, test_draw_pads_to_width);
	tcase_add_test(tc, test_draw_never_splits_wide_char);
	tcase_add_test(tc, test_draw_cut_marks);
	tcase_add_test(tc, test_draw_right_aligns);
	tcase_add_test(tc, test_keymap_lookup);
	tcase_add_test(tc, test_field_keys_and_scroll);
	suite_add_tcase(s, tc);
	return s;
}
