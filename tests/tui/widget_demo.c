/*
 * widget_demo.c -- a test-only program (built for make check, never
 * installed) that puts the TUI widgets on one screen for the tmux test
 * tests/tui/widgets.sh: a tab bar, a list view over 1,000,000 synthetic
 * rows generated from their keys, and the code-list select popup ('s').
 * What the widgets report goes to the status line, where the test reads it.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/listview.h"
#include "tui/select.h"
#include "tui/tabs.h"
#include "tui/tui.h"
#include "util/xalloc.h"

#define DEMO_ROWS 1000000L

struct demo {
	struct screen	 base;
	struct tui	*t;
	struct tabs	 tabs;
	struct listview	 list;
};

static const char *const demo_tabs[] = {
	"基本信息", "家庭", "认定", "帮扶计划", "服务记录", "回访", "就业情况", "变更记录",
};

static const struct listview_column demo_cols[] = {
	{ "序号", 8, LV_RIGHT },
	{ "姓名", 10, LV_LEFT },
	{ "性别", 4, LV_CENTER },
	{ "人员类别", 12, LV_LEFT },
	{ "户籍地址", 0, LV_LEFT },
};

static const char *const demo_surnames[] = { "张", "王", "李", "欧阳", "刘", "陈" };
static const char *const demo_given[] = { "三", "小红", "建国", "秀英", "伟", "德华" };
static const char *const demo_kinds[] = { "就业困难人员", "零就业家庭成员", "农村劳动力", "高校毕业生" };

static const struct select_item demo_nations[] = {
	{ "01", "汉族", 0 }, { "02", "蒙古族", 0 }, { "03", "回族", 0 }, { "04", "藏族", 0 },
	{ "05", "维吾尔族", 0 }, { "06", "苗族", 0 }, { "07", "彝族", 0 }, { "08", "壮族", 0 },
	{ "15", "土家族", 0 }, { "97", "其他", 0 }, { "98", "外国血统中国籍人士", 1 },
};

/* Keys of the demo screen: the list's, the tabs', and the popup's. */
static const struct keybind demo_keys[] = {
	{ KEY_ENTER, 0, ACT_OPEN, "Enter", "打开" },
	{ 0, 's', ACT_CHOOSE, "s", "选择民族" },
	{ 0, KEY_TAB_CHAR, ACT_NEXT_TAB, "Tab", "标签页" },
	{ KEY_BTAB, 0, ACT_PREV_TAB, "Shift-Tab", NULL },
	{ KEY_UP, 0, ACT_UP, "Up", NULL },
	{ KEY_DOWN, 0, ACT_DOWN, "Down", NULL },
	{ KEY_PPAGE, 0, ACT_PAGE_UP, "PgUp", "上页" },
	{ KEY_NPAGE, 0, ACT_PAGE_DOWN, "PgDn", "下页" },
	{ KEY_HOME, 0, ACT_FIRST, "Home", NULL },
	{ KEY_END, 0, ACT_LAST, "End", NULL },
	{ 0, 'q', ACT_QUIT, "q", "退出" },
	{ 0, 0, ACT_NONE, NULL, NULL }
};

/* Row i of the synthetic caseload, from its key alone. */
static void
demo_row(long i, struct list_row *row)
{
	char buf[128];

	row->key.id = i;
	snprintf(buf, sizeof buf, "%ld", i + 1);
	list_row_set(row, 0, buf);
	snprintf(buf, sizeof buf, "%s%s%ld", demo_surnames[i % 6], demo_given[(i / 6) % 6], i);
	list_row_set(row, 1, buf);
	list_row_set(row, 2, i % 2 ? "男" : "女");
	list_row_set(row, 3, demo_kinds[i % 4]);
	snprintf(buf, sizeof buf, "重庆市渝中区解放碑街道民族路%ld号附%ld号", i % 500 + 1, i % 7);
	list_row_set(row, 4, buf);
}

/* Keyset paging over ids 0..DEMO_ROWS-1. */
static int
demo_fetch(void *ctx, const struct list_key *from, enum list_dir dir, int limit,
    struct list_row *out)
{
	long i;
	int n = 0;

	(void)ctx;
	if (dir == LIST_AFTER) {
		for (i = from != NULL ? from->id + 1 : 0; i < DEMO_ROWS && n < limit; i++)
			demo_row(i, &out[n++]);
	} else {
		for (i = from != NULL ? from->id - 1 : DEMO_ROWS - 1; i >= 0 && n < limit; i--)
			demo_row(i, &out[n++]);
	}
	return n;
}

/* The total is known here. */
static long
demo_count(void *ctx)
{
	(void)ctx;
	return DEMO_ROWS;
}

/* Enter on a row: say which. */
static void
demo_activate(void *ctx, const struct list_row *row)
{
	struct demo *d = ctx;

	tui_message(d->t, MSG_INFO, "打开：%s", row->cells[1]);
}

/* Tabs on the first row of the body, the list below. */
static void
demo_draw(struct screen *s, struct tui *t)
{
	struct demo *d = (struct demo *)s;

	tabs_draw(&d->tabs, stdscr, 1, 0, t->cols);
	listview_draw(&d->list, stdscr, 2, 0, t->rows - 4, t->cols);
}

/* Run the popup and report what was picked. */
static void
demo_choose(struct demo *d, struct tui *t)
{
	struct select sel;
	int i;

	select_init(&sel, "选择民族", demo_nations,
	    (int)(sizeof demo_nations / sizeof demo_nations[0]), 0);
	if (select_run(t, &sel) == SELECT_PICKED) {
		i = select_picked(&sel);
		tui_message(t, MSG_INFO, "已选择：%s %s", demo_nations[i].code, demo_nations[i].label);
	} else {
		tui_message(t, MSG_INFO, "已取消选择");
	}
	select_free(&sel);
	(void)d;
}

/* Route actions to the widgets. */
static int
demo_action(struct screen *s, struct tui *t, enum action a)
{
	struct demo *d = (struct demo *)s;

	if (a == ACT_CHOOSE) {
		demo_choose(d, t);
		return 1;
	}
	if (tabs_action(&d->tabs, a)) {
		tui_message(t, MSG_INFO, "标签页：%s", demo_tabs[tabs_current(&d->tabs)]);
		return 1;
	}
	return listview_action(&d->list, a);
}

/* Digits pick a tab. */
static int
demo_key(struct screen *s, struct tui *t, const struct key *k)
{
	struct demo *d = (struct demo *)s;

	if (!tabs_key(&d->tabs, k))
		return 0;
	tui_message(t, MSG_INFO, "标签页：%s", demo_tabs[tabs_current(&d->tabs)]);
	return 1;
}

/* A click on a tab or a row. */
static int
demo_click(struct screen *s, struct tui *t, int y, int x)
{
	struct demo *d = (struct demo *)s;

	(void)t;
	return tabs_click(&d->tabs, y, x) || listview_click(&d->list, y, x);
}

/* Free the list. */
static void
demo_destroy(struct screen *s)
{
	struct demo *d = (struct demo *)s;

	listview_free(&d->list);
	free(d);
}

static const struct screen_ops demo_ops = {
	"widget_demo", demo_draw, demo_action, demo_key, demo_click, NULL, NULL, demo_destroy,
};

/* Start curses, run the demo screen, stop. */
int
main(void)
{
	struct tui t;
	struct demo *d;
	struct list_source src = { NULL, demo_fetch, demo_count, demo_activate };
	bf_error err;

	setlocale(LC_ALL, "");
	memset(&err, 0, sizeof err);
	if (term_start(&err) != BF_OK) {
		fprintf(stderr, "widget_demo: %s\n", err.msg);
		return 1;
	}
	memset(&t, 0, sizeof t);
	t.user_label = "控件演示";
	d = xcalloc(1, sizeof *d);
	d->base.ops = &demo_ops;
	d->base.keys = demo_keys;
	snprintf(d->base.title, sizeof d->base.title, "控件演示");
	d->t = &t;
	src.ctx = d;
	tabs_init(&d->tabs, demo_tabs, 8);
	listview_init(&d->list, demo_cols, 5, &src);
	tui_push(&t, &d->base);
	tui_loop(&t);
	while (t.depth > 0)
		tui_pop(&t);
	term_stop();
	return 0;
}
