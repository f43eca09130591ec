/*
 * check_text_lineedit.c -- unit tests for src/text/lineedit.c with
 * Chinese text: editing by character, cursor columns, horizontal
 * scrolling at odd widths, long pastes, kill and yank, the length limit,
 * control characters and invalid UTF-8.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "runner.h"
#include "text/lineedit.h"
#include "text/utf8.h"
#include "text/width.h"
#include "util/strbuf.h"

/* The editor's text must be want. */
static void
expect_text(const struct lineedit *le, const char *want)
{
	char *s = lineedit_text(le);

	ck_assert_str_eq(s, want);
	free(s);
}

/* Lay out le in cols columns and check the view. */
static void
expect_view(struct lineedit *le, int cols, size_t first, size_t count,
    int cursor_col, int more_left, int more_right)
{
	struct lineedit_view v;

	lineedit_view(le, cols, &v);
	ck_assert_uint_eq(v.first, first);
	ck_assert_uint_eq(v.count, count);
	ck_assert_int_eq(v.cursor_col, cursor_col);
	ck_assert_int_eq(v.more_left, more_left);
	ck_assert_int_eq(v.more_right, more_right);
}

START_TEST(test_set_and_backspace)
{
	struct lineedit le;

	lineedit_init(&le, 0);
	expect_text(&le, "");
	lineedit_set(&le, "义勇军");
	ck_assert_uint_eq(le.len, 3);
	ck_assert_uint_eq(le.cursor, 3);
	ck_assert_int_eq(lineedit_width(&le), 6);
	ck_assert_int_eq(lineedit_backspace(&le), 0);
	ck_assert_uint_eq(le.len, 2);
	expect_text(&le, "义勇");
	lineedit_home(&le);
	ck_assert_int_eq(lineedit_backspace(&le), -1);
	ck_assert_int_eq(lineedit_delete(&le), 0);
	expect_text(&le, "勇");
	lineedit_end(&le);
	ck_assert_int_eq(lineedit_delete(&le), -1);
	ck_assert_int_eq(lineedit_backspace(&le), 0);
	ck_assert_int_eq(lineedit_backspace(&le), -1);
	expect_text(&le, "");
	lineedit_set(&le, NULL);
	expect_text(&le, "");
	lineedit_free(&le);
	lineedit_free(NULL);
}
END_TEST

START_TEST(test_insert_and_cursor_columns)
{
	struct lineedit le;

	lineedit_init(&le, 0);
	ck_assert_int_eq(lineedit_insert(&le, 0x5F20), 0);	/* 张 */
	ck_assert_int_eq(lineedit_insert(&le, 0x4E09), 0);	/* 三 */
	expect_text(&le, "张三");
	ck_assert_uint_eq(le.cursor, 2);
	expect_view(&le, 20, 0, 2, 4, 0, 0);
	lineedit_left(&le);
	expect_view(&le, 20, 0, 2, 2, 0, 0);
	ck_assert_int_eq(lineedit_insert(&le, 'A'), 0);
	expect_text(&le, "张A三");
	ck_assert_uint_eq(le.cursor, 2);
	expect_view(&le, 20, 0, 3, 3, 0, 0);

	lineedit_set(&le, "王小红abc");
	lineedit_home(&le);
	expect_view(&le, 20, 0, 6, 0, 0, 0);
	lineedit_right(&le);
	lineedit_right(&le);
	lineedit_right(&le);
	expect_view(&le, 20, 0, 6, 6, 0, 0);
	lineedit_right(&le);
	expect_view(&le, 20, 0, 6, 7, 0, 0);
	lineedit_end(&le);
	lineedit_right(&le);				/* stays at the end */
	ck_assert_uint_eq(le.cursor, 6);
	expect_view(&le, 20, 0, 6, 9, 0, 0);
	lineedit_home(&le);
	lineedit_left(&le);				/* stays at the start */
	ck_assert_uint_eq(le.cursor, 0);
	/* Full-width punctuation is two columns too. */
	lineedit_set(&le, "重庆，渝中。");
	expect_view(&le, 20, 0, 6, 12, 0, 0);
	lineedit_free(&le);
}
END_TEST

START_TEST(test_rejects_controls)
{
	static const uint32_t bad[] = {
		0, '\t', '\n', '\r', 0x1B, 0x7F, 0x85, 0x9B, 0x2028, 0x2029,
		0xD800, 0xDFFF, 0x110000, 0xFFFFFFFF
	};
	struct lineedit le;
	size_t i;

	lineedit_init(&le, 0);
	lineedit_set(&le, "张三");
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_int_eq(lineedit_insert(&le, bad[i]), -1);
		ck_assert_uint_eq(le.cut, 0);		/* not a length problem */
	}
	expect_text(&le, "张三");
	ck_assert_int_eq(lineedit_insert(&le, 0x3000), 0);	/* ideographic space */
	ck_assert_int_eq(lineedit_insert(&le, 0x1F600), 0);	/* emoji */
	ck_assert_int_eq(lineedit_insert(&le, 0xA0), 0);
	expect_text(&le, "张三\xE3\x80\x80\xF0\x9F\x98\x80\xC2\xA0");
	lineedit_free(&le);
}
END_TEST

START_TEST(test_paste_converts)
{
	struct lineedit le;

	lineedit_init(&le, 0);
	ck_assert_uint_eq(lineedit_insert_str(&le,
	    "张三\r\n李四\t王五\x01\x1B" "赵六\n"), 11);
	expect_text(&le, "张三 李四 王五赵六 ");
	ck_assert_uint_eq(le.cut, 0);
	lineedit_set(&le, "a\xFF" "b\xE5\xBC");
	expect_text(&le, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD");
	ck_assert_uint_eq(le.len, 5);
	lineedit_set(&le, "");
	ck_assert_uint_eq(lineedit_insert_str(&le, "\xC0\x80\xED\xA0\x80"), 5);
	ck_assert_uint_eq(le.len, 5);			/* 2 + 3 bad bytes */
	ck_assert_uint_eq(lineedit_insert_str(&le, ""), 0);
	ck_assert_uint_eq(lineedit_insert_str(&le, NULL), 0);
	lineedit_set(&le, "第一行\n第二行\r第三行");
	expect_text(&le, "第一行 第二行 第三行");
	lineedit_free(&le);
}
END_TEST

START_TEST(test_max_chars)
{
	struct lineedit le;
	int i;

	lineedit_init(&le, 5);
	for (i = 0; i < 5; i++)
		ck_assert_int_eq(lineedit_insert(&le, 0x4E00 + (uint32_t)i), 0);
	ck_assert_int_eq(lineedit_insert(&le, 0x5F20), -1);
	ck_assert_uint_eq(le.cut, 1);
	ck_assert_uint_eq(le.len, 5);
	ck_assert_int_eq(lineedit_backspace(&le), 0);
	ck_assert_int_eq(lineedit_insert(&le, 0x5F20), 0);
	ck_assert_uint_eq(le.cut, 0);
	expect_text(&le, "一丁丂七张");

	/* A paste inserts what fits, at the cursor, and says how much not. */
	lineedit_set(&le, "张三");
	lineedit_home(&le);
	ck_assert_uint_eq(lineedit_insert_str(&le, "重庆市渝中区"), 3);
	ck_assert_uint_eq(le.cut, 3);
	expect_text(&le, "重庆市张三");
	ck_assert_uint_eq(le.cursor, 3);
	ck_assert_uint_eq(lineedit_insert_str(&le, "x"), 0);
	ck_assert_uint_eq(le.cut, 1);

	/* lineedit_set never cuts what the database holds. */
	lineedit_set(&le, "重庆市渝中区解放碑");
	ck_assert_uint_eq(le.len, 9);
	ck_assert_uint_eq(le.cut, 0);
	ck_assert_int_eq(lineedit_insert(&le, 'a'), -1);
	ck_assert_uint_eq(le.cut, 1);
	lineedit_free(&le);
	ck_assert_uint_eq(le.max_chars, 5);		/* free keeps the limit */
}
END_TEST

START_TEST(test_long_paste)
{
	struct lineedit le;
	strbuf sb;
	char *s;
	int i;

	sb_init(&sb);
	for (i = 0; i < 10000; i++)
		sb_add(&sb, "帮扶");
	lineedit_init(&le, 0);
	lineedit_insert_str(&le, "<");
	ck_assert_uint_eq(lineedit_insert_str(&le, sb_str(&sb)), 20000);
	ck_assert_uint_eq(lineedit_insert_str(&le, ">"), 1);
	ck_assert_uint_eq(le.len, 20002);
	ck_assert_int_eq(lineedit_width(&le), 40002);
	s = lineedit_text(&le);
	ck_assert_uint_eq(strlen(s), 60002);
	ck_assert_int_eq(memcmp(s + 1, sb_str(&sb), sb.len), 0);
	free(s);
	/* ">" then the cursor: 2 columns, then "帮扶帮" wide. */
	expect_view(&le, 7, 20002 - 3, 3, 5, 1, 0);
	lineedit_home(&le);
	expect_view(&le, 7, 0, 4, 0, 0, 1);		/* "<帮扶帮" */

	/* Into a limited field: warned, not silently truncated. */
	lineedit_free(&le);
	lineedit_init(&le, 200);
	ck_assert_uint_eq(lineedit_insert_str(&le, sb_str(&sb)), 200);
	ck_assert_uint_eq(le.cut, 19800);
	lineedit_free(&le);
	sb_free(&sb);
}
END_TEST

START_TEST(test_kill_and_yank)
{
	struct lineedit le;

	lineedit_init(&le, 0);
	lineedit_set(&le, "张三李四");
	lineedit_home(&le);
	lineedit_right(&le);
	lineedit_right(&le);
	lineedit_kill_to_end(&le);			/* Ctrl-K */
	expect_text(&le, "张三");
	ck_assert_str_eq(le.killed, "李四");
	lineedit_kill_to_end(&le);			/* nothing: buffer kept */
	ck_assert_str_eq(le.killed, "李四");
	lineedit_home(&le);
	lineedit_yank(&le);				/* Ctrl-Y */
	expect_text(&le, "李四张三");
	ck_assert_uint_eq(le.cursor, 2);
	lineedit_kill_to_start(&le);			/* Ctrl-U */
	expect_text(&le, "张三");
	ck_assert_str_eq(le.killed, "李四");
	ck_assert_uint_eq(le.cursor, 0);
	lineedit_kill_to_start(&le);			/* nothing */
	ck_assert_str_eq(le.killed, "李四");
	lineedit_end(&le);
	lineedit_kill_to_start(&le);
	expect_text(&le, "");
	ck_assert_str_eq(le.killed, "张三");
	lineedit_yank(&le);
	lineedit_yank(&le);
	expect_text(&le, "张三张三");
	lineedit_free(&le);

	/* Yank into a nearly full field reports what is left out. */
	lineedit_init(&le, 3);
	lineedit_set(&le, "王小红");
	lineedit_kill_to_start(&le);
	lineedit_insert(&le, 'x');
	lineedit_yank(&le);
	expect_text(&le, "x王小");
	ck_assert_uint_eq(le.cut, 1);
	lineedit_free(&le);

	/* Yank with nothing killed does nothing. */
	lineedit_init(&le, 0);
	lineedit_set(&le, "ab");
	lineedit_yank(&le);
	expect_text(&le, "ab");
	lineedit_free(&le);
}
END_TEST

/* One Ctrl-W on text with the cursor at the end must leave want. */
static void
expect_kill_word(struct lineedit *le, const char *want, const char *killed)
{
	lineedit_kill_word(le);
	expect_text(le, want);
	ck_assert_str_eq(le->killed, killed);
}

START_TEST(test_kill_word)
{
	struct lineedit le;

	lineedit_init(&le, 0);
	lineedit_set(&le, "联系电话13800138000");
	expect_kill_word(&le, "联系电话", "13800138000");
	expect_kill_word(&le, "", "联系电话");
	lineedit_kill_word(&le);			/* nothing: buffer kept */
	ck_assert_str_eq(le.killed, "联系电话");

	lineedit_set(&le, "张三，李四");
	expect_kill_word(&le, "张三，", "李四");
	expect_kill_word(&le, "张三", "，");
	expect_kill_word(&le, "", "张三");

	lineedit_set(&le, "abc def  ");
	expect_kill_word(&le, "abc ", "def  ");
	lineedit_set(&le, "重庆市 渝中区\xE3\x80\x80");	/* ideographic space */
	expect_kill_word(&le, "重庆市 ", "渝中区\xE3\x80\x80");
	lineedit_set(&le, "Tom张");
	expect_kill_word(&le, "Tom", "张");
	lineedit_set(&le, "（１２３）");
	expect_kill_word(&le, "（１２３", "）");
	expect_kill_word(&le, "（", "１２３");
	lineedit_set(&le, "   ");
	expect_kill_word(&le, "", "   ");

	/* In the middle: only what is before the cursor. */
	lineedit_set(&le, "王小红 abc");
	lineedit_home(&le);
	lineedit_right(&le);
	lineedit_right(&le);
	expect_kill_word(&le, "红 abc", "王小");
	ck_assert_uint_eq(le.cursor, 0);
	lineedit_yank(&le);
	expect_text(&le, "王小红 abc");
	lineedit_free(&le);
}
END_TEST

START_TEST(test_combining_marks)
{
	struct lineedit le;

	lineedit_init(&le, 0);
	lineedit_set(&le, "e\xCC\x81x");		/* e, U+0301, x */
	ck_assert_uint_eq(le.len, 3);
	ck_assert_int_eq(lineedit_width(&le), 2);
	lineedit_left(&le);
	ck_assert_uint_eq(le.cursor, 2);
	lineedit_left(&le);
	ck_assert_uint_eq(le.cursor, 0);		/* over e and its mark */
	lineedit_right(&le);
	ck_assert_uint_eq(le.cursor, 2);
	lineedit_end(&le);
	ck_assert_int_eq(lineedit_backspace(&le), 0);
	expect_text(&le, "e\xCC\x81");
	ck_assert_int_eq(lineedit_backspace(&le), 0);
	expect_text(&le, "");
	lineedit_set(&le, "张\xCC\x81三");
	lineedit_home(&le);
	ck_assert_int_eq(lineedit_delete(&le), 0);
	expect_text(&le, "三");
	lineedit_free(&le);
}
END_TEST

START_TEST(test_scroll_odd_width)
{
	struct lineedit le;
	int i;

	lineedit_init(&le, 0);
	lineedit_set(&le, "张三李四王五赵六");	/* 16 columns */
	/* End: the cursor needs a column, so 3 characters and a blank. */
	expect_view(&le, 7, 5, 3, 6, 1, 0);
	lineedit_home(&le);
	expect_view(&le, 7, 0, 3, 0, 0, 1);		/* 四 would straddle */
	lineedit_right(&le);
	lineedit_right(&le);
	expect_view(&le, 7, 0, 3, 4, 0, 1);
	lineedit_right(&le);				/* onto 四: scroll 1 */
	expect_view(&le, 7, 1, 3, 4, 1, 1);
	lineedit_right(&le);
	expect_view(&le, 7, 2, 3, 4, 1, 1);
	/* Going left past the edge puts the cursor about mid-field. */
	for (i = 0; i < 2; i++)
		lineedit_left(&le);
	expect_view(&le, 7, 2, 3, 0, 1, 1);
	lineedit_left(&le);				/* 三: 1 char of context */
	expect_view(&le, 7, 0, 3, 2, 0, 1);

	/* Mixed widths at 5 columns: never a split character at an edge. */
	lineedit_set(&le, "a张b三c李");		/* 9 columns */
	expect_view(&le, 5, 4, 2, 3, 1, 0);		/* "c李" + cursor */
	lineedit_home(&le);
	expect_view(&le, 5, 0, 3, 0, 0, 1);		/* "a张b" + 1 blank */

	/* Deleting at the end pulls the text back into the field. */
	lineedit_set(&le, "张三李四王五赵六");
	expect_view(&le, 7, 5, 3, 6, 1, 0);
	lineedit_backspace(&le);
	lineedit_backspace(&le);
	expect_view(&le, 7, 3, 3, 6, 1, 0);
	lineedit_kill_to_start(&le);
	expect_view(&le, 7, 0, 0, 0, 0, 0);
	/* A shorter text after set: the old scroll is no use. */
	lineedit_set(&le, "张三李四王五赵六");
	expect_view(&le, 7, 5, 3, 6, 1, 0);
	lineedit_set(&le, "张三");
	expect_view(&le, 7, 0, 2, 4, 0, 0);
	lineedit_free(&le);
}
END_TEST

START_TEST(test_scroll_tiny_fields)
{
	struct lineedit le;
	struct lineedit_view v;

	lineedit_init(&le, 0);
	lineedit_set(&le, "张三");
	expect_view(&le, 2, 2, 0, 0, 1, 0);		/* only the cursor */
	lineedit_left(&le);
	expect_view(&le, 2, 1, 1, 0, 1, 0);
	expect_view(&le, 1, 1, 0, 0, 1, 1);		/* nothing fits; no hang */
	lineedit_view(&le, 0, &v);
	ck_assert_uint_eq(v.count, 0);
	lineedit_view(&le, -5, &v);
	ck_assert_uint_eq(v.count, 0);
	lineedit_free(&le);
}
END_TEST

/*
 * At every cursor position and width from 2 to 13, moving right then
 * left, on texts of mixed widths, the view keeps its promises: the cursor
 * and its character inside, nothing wider than the field, as much shown
 * as fits.
 */
START_TEST(test_scroll_invariants)
{
	static const char *const texts[] = {
		"张三李四王五赵六钱七孙八", "a张b三c李d四e王f五",
		"重庆市渝中区解放碑步行街88号", "abcdefghijklmnopqrstuvwxyz",
		"e\xCC\x81张\xCC\x81三ab😀c"
	};
	struct lineedit le;
	struct lineedit_view v;
	size_t t, end, step, i;
	int cols, dir, shown, need, next, wcur;

	lineedit_init(&le, 0);
	for (t = 0; t < sizeof texts / sizeof texts[0]; t++)
		for (cols = 2; cols <= 13; cols++)
			for (dir = 0; dir < 2; dir++) {
				lineedit_set(&le, texts[t]);
				if (dir == 0)
					lineedit_home(&le);
				for (step = 0; step <= le.len; step++) {
					lineedit_view(&le, cols, &v);
					end = v.first + v.count;
					shown = 0;
					for (i = v.first; i < end; i++)
						shown += width_cp(le.chars[i]);
					ck_assert_int_le(shown, cols);
					ck_assert_uint_le(v.first, le.cursor);
					ck_assert_uint_le(le.cursor, end);
					wcur = 0;
					for (i = v.first; i < le.cursor; i++)
						wcur += width_cp(le.chars[i]);
					ck_assert_int_eq(v.cursor_col, wcur);
					need = le.cursor < le.len ?
					    width_cp(le.chars[le.cursor]) : 1;
					ck_assert_int_le(v.cursor_col + need, cols);
					if (end < le.len) {
						next = width_cp(le.chars[end]);
						ck_assert_int_gt(shown + next, cols);
						ck_assert_int_gt(next, 0);
					}
					ck_assert_int_eq(v.more_left, v.first > 0);
					ck_assert_int_eq(v.more_right, end < le.len);
					if (dir == 0)
						lineedit_right(&le);
					else
						lineedit_left(&le);
				}
			}
	lineedit_free(&le);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("text_lineedit");
	TCase *tc = tcase_create("lineedit");

	tcase_add_test(tc, test_set_and_backspace);
	tcase_add_test(tc, test_insert_and_cursor_columns);
	tcase_add_test(tc, test_rejects_controls);
	tcase_add_test(tc, test_paste_converts);
	tcase_add_test(tc, test_max_chars);
	tcase_add_test(tc, test_long_paste);
	tcase_add_test(tc, test_kill_and_yank);
	tcase_add_test(tc, test_kill_word);
	tcase_add_test(tc, test_combining_marks);
	tcase_add_test(tc, test_scroll_odd_width);
	tcase_add_test(tc, test_scroll_tiny_fields);
	tcase_add_test(tc, test_scroll_invariants);
	suite_add_tcase(s, tc);
	return s;
}
