/*
 * check_tui_textview.c -- the read-only text view: fields aligned after
 * the widest label, values wrapped by display width without splitting a
 * character, Latin text wrapped between words, scrolling by key.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "runner.h"
#include "tui/textview.h"
#include "tui_fixture.h"

START_TEST(test_fields_align_and_wrap)
{
	struct textview tv;
	char row[256];

	textview_init(&tv);
	textview_add_field(&tv, "姓名", "张三");
	textview_add_field(&tv, "户籍地址", "重庆市渝中区解放碑街道民族路一百号");
	textview_draw(&tv, stdscr, 1, 0, 10, 30);
	/* Labels take 10 columns ("户籍地址：" is 10 wide), values 20. */
	tui_fixture_row(1, 0, 30, row, sizeof row);
	ck_assert_str_eq(row, "姓名：    张三                ");
	tui_fixture_row(2, 0, 30, row, sizeof row);
	ck_assert_str_eq(row, "户籍地址：重庆市渝中区解放碑街");
	tui_fixture_row(3, 0, 30, row, sizeof row);
	ck_assert_str_eq(row, "          道民族路一百号      ");
	ck_assert_int_eq(textview_line_count(&tv, 30), 3);
	textview_free(&tv);
}
END_TEST

START_TEST(test_odd_width_never_splits)
{
	struct textview tv;
	char row[256];
	int y;

	textview_init(&tv);
	textview_add_text(&tv, "就业困难人员认定需要本人申请");	/* 28 columns */
	textview_draw(&tv, stdscr, 1, 0, 10, 9);
	/* 9 columns hold 4 characters; the 5th goes to the next line. */
	tui_fixture_row(1, 0, 9, row, sizeof row);
	ck_assert_str_eq(row, "就业困难 ");
	tui_fixture_row(2, 0, 9, row, sizeof row);
	ck_assert_str_eq(row, "人员认定 ");
	ck_assert_int_eq(textview_line_count(&tv, 9), 4);
	for (y = 1; y <= 4; y++)
		ck_assert(!tui_fixture_is_wide_right_half(y, 9));
	textview_free(&tv);
}
END_TEST

START_TEST(test_latin_wraps_between_words_and_newlines)
{
	struct textview tv;
	char row[256];

	textview_init(&tv);
	textview_add_text(&tv, "press F2 to save\nEsc goes back");
	textview_draw(&tv, stdscr, 1, 0, 10, 12);
	tui_fixture_row(1, 0, 12, row, sizeof row);
	ck_assert_str_eq(row, "press F2 to ");
	tui_fixture_row(2, 0, 12, row, sizeof row);
	ck_assert_str_eq(row, "save        ");
	tui_fixture_row(3, 0, 12, row, sizeof row);
	ck_assert_str_eq(row, "Esc goes    ");
	tui_fixture_row(4, 0, 12, row, sizeof row);
	ck_assert_str_eq(row, "back        ");
	textview_free(&tv);
}
END_TEST

START_TEST(test_scrolling)
{
	struct textview tv;
	struct key k = { KEY_NPAGE, 0 };
	char row[256], line[32];
	int i;

	textview_init(&tv);
	for (i = 1; i <= 30; i++) {
		snprintf(line, sizeof line, "第%d行", i);
		textview_add_text(&tv, line);
	}
	textview_draw(&tv, stdscr, 1, 0, 10, 40);
	ck_assert_int_eq(tv.page, 9);	/* the last row is the hint */
	tui_fixture_row(10, 0, 40, row, sizeof row);
	ck_assert_ptr_nonnull(strstr(row, "第 1-9 行 / 共 30 行"));
	ck_assert(textview_key(&tv, &k));
	textview_draw(&tv, stdscr, 1, 0, 10, 40);
	tui_fixture_row(1, 0, 6, row, sizeof row);
	ck_assert_str_eq(row, "第10行");
	k.special = KEY_END;
	ck_assert(textview_key(&tv, &k));
	ck_assert_int_eq(tv.top, 21);
	k.special = KEY_DOWN;
	ck_assert(textview_key(&tv, &k));
	ck_assert_int_eq(tv.top, 21);
	k.special = KEY_HOME;
	ck_assert(textview_key(&tv, &k));
	k.special = KEY_UP;
	ck_assert(textview_key(&tv, &k));
	ck_assert_int_eq(tv.top, 0);
	k.special = KEY_F(5);
	ck_assert(!textview_key(&tv, &k));
	textview_clear(&tv);
	ck_assert_int_eq(textview_line_count(&tv, 40), 0);
	textview_free(&tv);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("tui_textview");
	TCase *tc = tcase_create("textview");

	tcase_add_checked_fixture(tc, tui_fixture_setup, tui_fixture_teardown);
	tcase_add_test(tc, test_fields_align_and_wrap);
	tcase_add_test(tc, test_odd_width_never_splits);
	tcase_add_test(tc, test_latin_wraps_between_words_and_newlines);
	tcase_add_test(tc, test_scrolling);
	suite_add_tcase(s, tc);
	return s;
}
