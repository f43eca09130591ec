/*
 * check_tui_select.c -- the code-list popup: filtering by code prefix,
 * Chinese substring and pinyin initials; retired codes listed but not
 * pickable; single and multiple choice; what it draws.
 */
#include "config.h"

#include <string.h>

#include "runner.h"
#include "text/utf8.h"
#include "tui/select.h"
#include "tui_fixture.h"

static const struct select_item nations[] = {
	{ "01", "汉族", 0 },
	{ "02", "蒙古族", 0 },
	{ "03", "回族", 0 },
	{ "04", "藏族", 0 },
	{ "05", "维吾尔族", 0 },
	{ "06", "苗族", 0 },
	{ "15", "土家族", 0 },
	{ "97", "其他", 0 },
	{ "98", "外国血统中国籍人士", 1 },
};
#define NNATIONS ((int)(sizeof nations / sizeof nations[0]))

/* Type text character by character, as get_wch delivers it. */
static void
type(struct select *s, const char *text)
{
	struct key k = { 0, 0 };
	uint32_t cp;
	int n;

	while (*text != '\0') {
		n = utf8_decode(text, strlen(text), &cp);
		ck_assert_int_gt(n, 0);
		k.ch = cp;
		ck_assert_int_eq(select_key(s, &k), SELECT_OPEN);
		text += n;
	}
}

/* Press one key. */
static enum select_status
press(struct select *s, int special, uint32_t ch)
{
	struct key k;

	k.special = special;
	k.ch = ch;
	return select_key(s, &k);
}

/* Codes of the current matches, joined by spaces. */
static void
matches(const struct select *s, char *buf, size_t len)
{
	int i;

	buf[0] = '\0';
	for (i = 0; i < s->nmatch; i++) {
		if (i > 0)
			strncat(buf, " ", len - strlen(buf) - 1);
		strncat(buf, nations[s->match[i]].code, len - strlen(buf) - 1);
	}
}

START_TEST(test_filter_by_code_prefix)
{
	struct select s;
	char buf[256];

	select_init(&s, "民族", nations, NNATIONS, 0);
	matches(&s, buf, sizeof buf);
	ck_assert_str_eq(buf, "01 02 03 04 05 06 15 97 98");
	type(&s, "0");
	matches(&s, buf, sizeof buf);
	ck_assert_str_eq(buf, "01 02 03 04 05 06");
	type(&s, "3");
	matches(&s, buf, sizeof buf);
	ck_assert_str_eq(buf, "03");
	ck_assert_int_eq(press(&s, KEY_ENTER, 0), SELECT_PICKED);
	ck_assert_int_eq(select_picked(&s), 2);
	select_free(&s);
}
END_TEST

START_TEST(test_filter_by_chinese_substring)
{
	struct select s;
	char buf[256];

	select_init(&s, "民族", nations, NNATIONS, 0);
	type(&s, "古");
	matches(&s, buf, sizeof buf);
	ck_assert_str_eq(buf, "02");
	press(&s, KEY_BACKSPACE, 0);
	type(&s, "家族");
	matches(&s, buf, sizeof buf);
	ck_assert_str_eq(buf, "15");
	press(&s, KEY_BACKSPACE, 0);
	matches(&s, buf, sizeof buf);
	ck_assert_str_eq(buf, "15");	/* "家" */
	select_set_filter(&s, "族");
	ck_assert_int_eq(s.nmatch, 7);
	select_free(&s);
}
END_TEST

START_TEST(test_filter_by_pinyin_initials)
{
	struct select s;
	char buf[256];

	select_init(&s, "民族", nations, NNATIONS, 0);
	type(&s, "hz");
	matches(&s, buf, sizeof buf);
	ck_assert_str_eq(buf, "01 03");	/* 汉族 hz, 回族 hz */
	ck_assert_int_eq(press(&s, KEY_ENTER, 0), SELECT_PICKED);
	ck_assert_int_eq(select_picked(&s), 0);	/* 汉族 */
	select_free(&s);

	select_init(&s, "民族", nations, NNATIONS, 0);
	type(&s, "TJ");	/* 土家族, upper case typed */
	matches(&s, buf, sizeof buf);
	ck_assert_str_eq(buf, "15");
	press(&s, KEY_BACKSPACE, 0);
	press(&s, KEY_BACKSPACE, 0);
	type(&s, "xyz");
	ck_assert_int_eq(s.nmatch, 0);
	ck_assert_int_eq(press(&s, KEY_ENTER, 0), SELECT_OPEN);
	ck_assert_int_eq(select_picked(&s), -1);
	ck_assert_ptr_nonnull(s.note);
	select_free(&s);
}
END_TEST

START_TEST(test_disabled_not_pickable)
{
	struct select s;

	select_init(&s, "民族", nations, NNATIONS, 0);
	type(&s, "9");
	ck_assert_int_eq(select_current(&s), 7);	/* a new filter lands on the first pickable */
	type(&s, "8");
	ck_assert_int_eq(s.nmatch, 1);
	ck_assert_int_eq(select_current(&s), 8);
	ck_assert_int_eq(press(&s, KEY_ENTER, 0), SELECT_OPEN);
	ck_assert_int_eq(select_picked(&s), -1);
	ck_assert_str_eq(s.note, "该代码已停用，不能选择");
	/* Widening the filter keeps the cursor on it; still not pickable. */
	press(&s, KEY_BACKSPACE, 0);
	ck_assert_int_eq(s.nmatch, 2);
	ck_assert_int_eq(select_current(&s), 8);
	ck_assert_int_eq(press(&s, KEY_ENTER, 0), SELECT_OPEN);
	ck_assert_int_eq(select_picked(&s), -1);
	press(&s, KEY_UP, 0);
	ck_assert_int_eq(press(&s, KEY_ENTER, 0), SELECT_PICKED);
	ck_assert_int_eq(select_picked(&s), 7);
	select_free(&s);
}
END_TEST

START_TEST(test_multi_select)
{
	struct select s;

	select_init(&s, "民族", nations, NNATIONS, 1);
	ck_assert_int_eq(press(&s, 0, ' '), SELECT_OPEN);	/* 01 */
	press(&s, KEY_DOWN, 0);
	press(&s, KEY_DOWN, 0);
	press(&s, 0, ' ');					/* 03 */
	press(&s, 0, ' ');					/* 03 off again */
	press(&s, KEY_DOWN, 0);
	press(&s, 0, ' ');					/* 04 */
	type(&s, "98");
	press(&s, 0, ' ');					/* retired: refused */
	ck_assert(!select_is_chosen(&s, 8));
	ck_assert_int_eq(press(&s, KEY_ENTER, 0), SELECT_PICKED);
	ck_assert(select_is_chosen(&s, 0));
	ck_assert(!select_is_chosen(&s, 2));
	ck_assert(select_is_chosen(&s, 3));
	select_free(&s);

	select_init(&s, "民族", nations, NNATIONS, 1);
	ck_assert_int_eq(press(&s, 0, KEY_ESC_CHAR), SELECT_CANCELLED);
	select_free(&s);
}
END_TEST

START_TEST(test_starts_on_held_value)
{
	struct select s;

	/* a field already holding 土家族 opens on it; Enter keeps it */
	select_init(&s, "民族", nations, NNATIONS, 0);
	select_set_current(&s, 6);
	ck_assert_int_eq(select_current(&s), 6);
	press(&s, KEY_UP, 0);
	ck_assert_int_eq(select_current(&s), 5);
	press(&s, KEY_DOWN, 0);
	ck_assert_int_eq(press(&s, KEY_ENTER, 0), SELECT_PICKED);
	ck_assert_int_eq(select_picked(&s), 6);
	select_free(&s);

	/* an item the filter hides is not made current */
	select_init(&s, "民族", nations, NNATIONS, 0);
	select_set_filter(&s, "蒙");
	select_set_current(&s, 6);
	ck_assert_int_eq(select_current(&s), 1);
	select_free(&s);
}
END_TEST

START_TEST(test_draw)
{
	struct select s;
	char row[256];
	int cy = -1, cx = -1, y, found = 0, dim = 0;

	select_init(&s, "民族", nations, NNATIONS, 0);
	type(&s, "9");
	select_draw(&s, stdscr, 24, 80, &cy, &cx);
	ck_assert_int_ge(cy, 0);
	tui_fixture_row(cy, 0, 80, row, sizeof row);
	ck_assert_ptr_nonnull(strstr(row, "筛选：9"));
	for (y = 0; y < 24; y++) {
		tui_fixture_row(y, 0, 80, row, sizeof row);
		if (strstr(row, "97 其他") != NULL) {
			found = 1;
			ck_assert(tui_fixture_attr(y, (int)(strstr(row, "97") - row)) & A_REVERSE);
		}
		if (strstr(row, "98 外国血统中国籍人士（已停用）") != NULL)
			dim = (tui_fixture_attr(y, 20) & A_DIM) != 0;
	}
	ck_assert(found);
	ck_assert(dim);
	/* A click on the second item makes it current. */
	ck_assert(select_click(&s, s.list_y + 1, s.list_x + 2));
	ck_assert_int_eq(select_current(&s), 8);
	ck_assert(!select_click(&s, s.list_y + 5, s.list_x + 2));
	select_free(&s);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("tui_select");
	TCase *tc = tcase_create("select");

	tcase_add_checked_fixture(tc, tui_fixture_setup, tui_fixture_teardown);
	tcase_add_test(tc, test_filter_by_code_prefix);
	tcase_add_test(tc, test_filter_by_chinese_substring);
	tcase_add_test(tc, test_filter_by_pinyin_initials);
	tcase_add_test(tc, test_disabled_not_pickable);
	tcase_add_test(tc, test_multi_select);
	tcase_add_test(tc, test_starts_on_held_value);
	tcase_add_test(tc, test_draw);
	suite_add_tcase(s, tc);
	return s;
}
