/*
 * check_tui_listview.c -- the virtual list over a million synthetic rows:
 * paging to the end and back holds a bounded window of rows, the selection
 * survives a resize, cells are cut by display width, clicks select.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "runner.h"
#include "tui/listview.h"
#include "tui_fixture.h"

#define SYN_ROWS 1000000L

/* A source generating row i from its key alone; nothing is stored. */
struct syn {
	long	n;		/* rows in the data */
	int	calls;		/* fetches so far */
	int	max_limit;	/* largest limit asked for */
	int	with_count;
	long	activated;	/* id of the last row activated, -1 none */
	const char *long_name;	/* cell 1 of every row, if set */
};

/* Fill row i: number, name, sex; the key is i itself. */
static void
syn_row(struct syn *s, long i, struct list_row *row)
{
	char buf[64];

	row->key.id = i;
	row->key.num = i;
	snprintf(buf, sizeof buf, "%ld", i + 1);
	list_row_set(row, 0, buf);
	if (s->long_name != NULL)
		list_row_set(row, 1, s->long_name);
	else {
		snprintf(buf, sizeof buf, "张三%ld", i);
		list_row_set(row, 1, buf);
	}
	list_row_set(row, 2, i % 2 ? "男" : "女");
}

/* Keyset paging over 0..n-1, nearest row first. */
static int
syn_fetch(void *ctx, const struct list_key *from, enum list_dir dir, int limit,
    struct list_row *out)
{
	struct syn *s = ctx;
	long i;
	int n = 0;

	s->calls++;
	if (limit > s->max_limit)
		s->max_limit = limit;
	if (dir == LIST_AFTER) {
		for (i = from != NULL ? from->id + 1 : 0; i < s->n && n < limit; i++)
			syn_row(s, i, &out[n++]);
	} else {
		for (i = from != NULL ? from->id - 1 : s->n - 1; i >= 0 && n < limit; i--)
			syn_row(s, i, &out[n++]);
	}
	return n;
}

/* The total, when this source admits to knowing it. */
static long
syn_count(void *ctx)
{
	struct syn *s = ctx;

	return s->with_count ? s->n : -1;
}

/* Remember which row Enter opened. */
static void
syn_activate(void *ctx, const struct list_row *row)
{
	((struct syn *)ctx)->activated = (long)row->key.id;
}

static const struct listview_column syn_cols[] = {
	{ "编号", 8, LV_RIGHT },
	{ "姓名", 9, LV_LEFT },
	{ "性别", 4, LV_CENTER },
};

/* A list view over a fresh source of n rows. */
static void
syn_open(struct listview *lv, struct syn *s, long n, int with_count)
{
	struct list_source src = { s, syn_fetch, syn_count, syn_activate };

	memset(s, 0, sizeof *s);
	s->n = n;
	s->with_count = with_count;
	s->activated = -1;
	listview_init(lv, syn_cols, 3, &src);
}

/* Id of the selected row, -1 when none. */
static long
sel_id(const struct listview *lv)
{
	const struct list_row *r = listview_selected(lv);

	return r != NULL ? (long)r->key.id : -1;
}

/* Rows held never exceed a page and two small margins. */
#define HELD_MAX(lv) ((lv)->page + 16)

START_TEST(test_million_rows_page_to_end_and_back)
{
	struct listview lv;
	struct syn s;
	char hint[128], row[256];
	long pages = 0;

	syn_open(&lv, &s, SYN_ROWS, 1);
	listview_draw(&lv, stdscr, 1, 0, 22, 80);	/* header + 20 rows + hint */
	ck_assert_int_eq(lv.page, 20);
	ck_assert_int_eq(sel_id(&lv), 0);
	listview_hint(&lv, hint, sizeof hint);
	ck_assert_str_eq(hint, "第 1-20 行 / 共 1000000 行");
	tui_fixture_row(1, 0, 22, row, sizeof row);
	ck_assert_str_eq(row, "编号     姓名      性别");
	tui_fixture_row(2, 0, 23, row, sizeof row);
	ck_assert_str_eq(row, "       1 张三0      女 ");

	while (sel_id(&lv) < SYN_ROWS - 1 && pages < SYN_ROWS) {
		ck_assert(listview_action(&lv, ACT_PAGE_DOWN));
		ck_assert_int_le(listview_rows_held(&lv), HELD_MAX(&lv));
		pages++;
	}
	ck_assert_int_eq(sel_id(&lv), SYN_ROWS - 1);
	ck_assert_int_eq(pages, SYN_ROWS / 20);
	ck_assert_int_le(lv.cap, 3 * lv.page + 2 * 16);
	ck_assert_int_le(s.max_limit, 2 * lv.page + 16);
	listview_hint(&lv, hint, sizeof hint);
	ck_assert_str_eq(hint, "第 999981-1000000 行 / 共 1000000 行");
	listview_draw(&lv, stdscr, 1, 0, 22, 80);
	tui_fixture_row(21, 0, 8, row, sizeof row);
	ck_assert_str_eq(row, " 1000000");

	/* One more page down stays on the last row. */
	ck_assert(listview_action(&lv, ACT_PAGE_DOWN));
	ck_assert_int_eq(sel_id(&lv), SYN_ROWS - 1);

	pages = 0;
	while (sel_id(&lv) > 0 && pages < SYN_ROWS) {
		ck_assert(listview_action(&lv, ACT_PAGE_UP));
		ck_assert_int_le(listview_rows_held(&lv), HELD_MAX(&lv));
		pages++;
	}
	ck_assert_int_eq(sel_id(&lv), 0);
	ck_assert_int_eq(pages, SYN_ROWS / 20);
	listview_hint(&lv, hint, sizeof hint);
	ck_assert_str_eq(hint, "第 1-20 行 / 共 1000000 行");
	listview_free(&lv);
}
END_TEST

START_TEST(test_home_end_without_count)
{
	struct listview lv;
	struct syn s;
	char hint[128];
	int calls;

	syn_open(&lv, &s, SYN_ROWS, 0);
	listview_draw(&lv, stdscr, 1, 0, 22, 80);
	listview_hint(&lv, hint, sizeof hint);
	ck_assert_str_eq(hint, "第 1-20 行");
	calls = s.calls;
	ck_assert(listview_action(&lv, ACT_LAST));
	ck_assert_int_le(s.calls - calls, 3);	/* End is a jump, not a walk */
	ck_assert_int_eq(sel_id(&lv), SYN_ROWS - 1);
	listview_hint(&lv, hint, sizeof hint);
	ck_assert_str_eq(hint, "倒数第 20-1 行");
	ck_assert(listview_action(&lv, ACT_UP));
	ck_assert_int_eq(sel_id(&lv), SYN_ROWS - 2);
	ck_assert(listview_action(&lv, ACT_FIRST));
	ck_assert_int_eq(sel_id(&lv), 0);
	ck_assert(listview_action(&lv, ACT_UP));
	ck_assert_int_eq(sel_id(&lv), 0);
	/* Down across the page edge scrolls one row at a time. */
	for (calls = 0; calls < 25; calls++)
		ck_assert(listview_action(&lv, ACT_DOWN));
	ck_assert_int_eq(sel_id(&lv), 25);
	ck_assert_int_eq(lv.rows[lv.top].key.id, 6);
	ck_assert_int_le(listview_rows_held(&lv), HELD_MAX(&lv));
	ck_assert(listview_action(&lv, ACT_OPEN));
	ck_assert_int_eq(s.activated, 25);
	listview_free(&lv);
}
END_TEST

START_TEST(test_short_and_empty_lists)
{
	struct listview lv;
	struct syn s;
	char hint[128];

	syn_open(&lv, &s, 5, 0);
	listview_draw(&lv, stdscr, 1, 0, 22, 80);
	listview_hint(&lv, hint, sizeof hint);
	ck_assert_str_eq(hint, "第 1-5 行 / 共 5 行");
	ck_assert(listview_action(&lv, ACT_PAGE_DOWN));
	ck_assert_int_eq(sel_id(&lv), 4);
	ck_assert(listview_action(&lv, ACT_LAST));
	ck_assert_int_eq(sel_id(&lv), 4);
	ck_assert_int_eq(lv.top, 0);
	ck_assert(listview_action(&lv, ACT_PAGE_UP));
	ck_assert_int_eq(sel_id(&lv), 0);
	listview_free(&lv);

	syn_open(&lv, &s, 0, 0);
	listview_draw(&lv, stdscr, 1, 0, 22, 80);
	ck_assert_ptr_null(listview_selected(&lv));
	ck_assert(listview_action(&lv, ACT_DOWN));
	ck_assert(listview_action(&lv, ACT_LAST));
	ck_assert(listview_action(&lv, ACT_OPEN));
	ck_assert_int_eq(s.activated, -1);
	listview_hint(&lv, hint, sizeof hint);
	ck_assert_str_eq(hint, "（没有记录）");
	listview_free(&lv);
}
END_TEST

START_TEST(test_selection_survives_resize)
{
	struct listview lv;
	struct syn s;
	int i, y;

	syn_open(&lv, &s, SYN_ROWS, 1);
	listview_draw(&lv, stdscr, 1, 0, 22, 80);
	for (i = 0; i < 3; i++)
		listview_action(&lv, ACT_PAGE_DOWN);
	for (i = 0; i < 19; i++)
		listview_action(&lv, ACT_DOWN);
	ck_assert_int_eq(sel_id(&lv), 79);	/* bottom row of the page */
	/* The terminal shrinks to 10 rows: the selection stays, still visible. */
	resizeterm(10, 80);
	erase();
	listview_draw(&lv, stdscr, 1, 0, 8, 80);
	ck_assert_int_eq(lv.page, 6);
	ck_assert_int_eq(sel_id(&lv), 79);
	ck_assert_int_ge(lv.sel, lv.top);
	ck_assert_int_lt(lv.sel, lv.top + lv.page);
	ck_assert_int_le(listview_rows_held(&lv), HELD_MAX(&lv));
	y = 1 + 1 + (lv.sel - lv.top);
	ck_assert(tui_fixture_attr(y, 0) & A_REVERSE);
	ck_assert(!(tui_fixture_attr(y - 1, 0) & A_REVERSE));
	/* And grows again, past the margin held. */
	resizeterm(60, 100);
	erase();
	listview_draw(&lv, stdscr, 1, 0, 58, 100);
	ck_assert_int_eq(sel_id(&lv), 79);
	ck_assert_int_ge(lv.sel, lv.top);
	ck_assert_int_lt(lv.sel, lv.top + lv.page);
	ck_assert_int_ge(lv.nrows - lv.top, lv.page);	/* the page is full */
	listview_free(&lv);
}
END_TEST

START_TEST(test_resize_on_last_page_fills_from_above)
{
	struct listview lv;
	struct syn s;

	syn_open(&lv, &s, 1000, 0);
	listview_draw(&lv, stdscr, 1, 0, 8, 80);
	listview_action(&lv, ACT_LAST);
	ck_assert_int_eq(sel_id(&lv), 999);
	listview_draw(&lv, stdscr, 1, 0, 22, 80);
	ck_assert_int_eq(lv.page, 20);
	ck_assert_int_eq(sel_id(&lv), 999);
	ck_assert_int_eq(lv.nrows - lv.top, 20);
	ck_assert_int_eq(lv.rows[lv.top].key.id, 980);
	listview_free(&lv);
}
END_TEST

START_TEST(test_cjk_cells_never_split)
{
	struct listview lv;
	struct syn s;
	char row[256];

	syn_open(&lv, &s, 50, 0);
	s.long_name = "欧阳中华人民共和国";	/* 18 columns into a 9-column cell */
	mvaddstr(2, 0, "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX");
	listview_draw(&lv, stdscr, 1, 0, 10, 40);
	tui_fixture_row(2, 9, 9, row, sizeof row);
	ck_assert_str_eq(row, "欧阳中华~");
	/* Column 18 (the gap after the cell) and onwards are ours, not spill-over. */
	tui_fixture_row(2, 18, 6, row, sizeof row);
	ck_assert_str_eq(row, "  女  ");
	/* The gap after the cut cell is not half of a character. */
	ck_assert(!tui_fixture_is_wide_right_half(2, 18));
	/* An odd width: 8 columns for the name hold 3 characters and the mark. */
	{
		static const struct listview_column narrow[] = {
			{ "编号", 8, LV_RIGHT }, { "姓名", 8, LV_LEFT }, { "性别", 4, LV_CENTER },
		};
		struct list_source src = { &s, syn_fetch, NULL, NULL };
		struct listview lv2;

		listview_init(&lv2, narrow, 3, &src);
		listview_draw(&lv2, stdscr, 1, 0, 10, 40);
		tui_fixture_row(2, 9, 8, row, sizeof row);
		ck_assert_str_eq(row, "欧阳中~ ");
		ck_assert(!tui_fixture_is_wide_right_half(2, 17));
		listview_free(&lv2);
	}
	listview_free(&lv);
}
END_TEST

START_TEST(test_click_selects_row)
{
	struct listview lv;
	struct syn s;

	syn_open(&lv, &s, 100, 0);
	listview_draw(&lv, stdscr, 1, 0, 22, 80);
	ck_assert(listview_click(&lv, 7, 10));	/* screen row 7 = data row 5 */
	ck_assert_int_eq(sel_id(&lv), 5);
	ck_assert(!listview_click(&lv, 1, 10));	/* the header */
	ck_assert(!listview_click(&lv, 22, 10));	/* the hint line */
	ck_assert_int_eq(sel_id(&lv), 5);
	listview_draw(&lv, stdscr, 1, 0, 22, 80);
	ck_assert(tui_fixture_attr(7, 30) & A_REVERSE);
	listview_free(&lv);
}
END_TEST

START_TEST(test_keys_table)
{
	struct listview lv;
	struct syn s;
	struct key k = { KEY_NPAGE, 0 };

	syn_open(&lv, &s, 100, 0);
	listview_draw(&lv, stdscr, 1, 0, 22, 80);
	ck_assert(listview_key(&lv, &k));
	ck_assert_int_eq(sel_id(&lv), 20);
	k.special = KEY_END;
	ck_assert(listview_key(&lv, &k));
	ck_assert_int_eq(sel_id(&lv), 99);
	k.special = 0;
	k.ch = 'x';
	ck_assert(!listview_key(&lv, &k));
	listview_free(&lv);
}
END_TEST

START_TEST(test_reload_keeps_place)
{
	struct listview lv;
	struct syn s;

	syn_open(&lv, &s, 1000, 0);
	listview_draw(&lv, stdscr, 1, 0, 22, 80);
	listview_action(&lv, ACT_PAGE_DOWN);
	listview_action(&lv, ACT_DOWN);
	ck_assert_int_eq(sel_id(&lv), 21);
	listview_reload(&lv);
	ck_assert_int_eq(sel_id(&lv), 21);
	ck_assert_int_eq(lv.rows[lv.top].key.id, 20);
	listview_free(&lv);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("tui_listview");
	TCase *tc = tcase_create("listview");

	tcase_add_checked_fixture(tc, tui_fixture_setup, tui_fixture_teardown);
	tcase_add_test(tc, test_million_rows_page_to_end_and_back);
	tcase_add_test(tc, test_home_end_without_count);
	tcase_add_test(tc, test_short_and_empty_lists);
	tcase_add_test(tc, test_selection_survives_resize);
	tcase_add_test(tc, test_resize_on_last_page_fills_from_above);
	tcase_add_test(tc, test_cjk_cells_never_split);
	tcase_add_test(tc, test_click_selects_row);
	tcase_add_test(tc, test_keys_table);
	tcase_add_test(tc, test_reload_keeps_place);
	suite_add_tcase(s, tc);
	return s;
}
