/*
 * check_tui_formedit.c -- the form editor screen, headless: a fixture
 * form (tests/fixtures/formedit/) loaded with the real loader, keys fed
 * as the main loop feeds them, answers to modal questions queued with
 * unget_wch, and the result read back from the record and the screen.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "forms/path.h"
#include "forms/value.h"
#include "runner.h"
#include "text/utf8.h"
#include "text/width.h"
#include "tui/formedit.h"
#include "tui_fixture.h"

#define VALID_ID "11010519491231002X"	/* female, born 1949-12-31 */
#define BAD_ID "110105194912310021"	/* check digit should be X */

static const bf_date today = { 2024, 5, 6 };
static struct form_set *set;
static struct tui T;

/* What the callbacks saw and should answer. */
static struct {
	int		 saves;
	int		 save_rc;
	int		 dup;		/* find_duplicate answers 1 */
	int		 dup_calls;
	int64_t		 opened;
	struct form_record *saved;	/* copy of the last record saved */
} cb;

/* The schema check of the loader: every column exists. */
static int
has_any_column(void *ctx, const char *table, const char *column)
{
	(void)ctx;
	(void)table;
	(void)column;
	return 1;
}

/* save: copy the record, answer cb.save_rc. */
static int
cb_save(void *ctx, struct form_record *rec, bf_error *err)
{
	size_t i;

	(void)ctx;
	cb.saves++;
	form_record_free(cb.saved);
	cb.saved = form_record_new();
	for (i = 0; i < rec->n; i++)
		form_record_set(cb.saved, rec->v[i].id, rec->v[i].value);
	if (cb.save_rc != BF_OK)
		return err_set(err, cb.save_rc, "该档案已被他人修改，请重新打开后再改");
	return BF_OK;
}

/* find_duplicate: on file when cb.dup is set. */
static int
cb_find_duplicate(void *ctx, const struct form_field *f, const char *value, int64_t *id,
    char *desc, size_t desclen)
{
	(void)ctx;
	(void)f;
	(void)value;
	cb.dup_calls++;
	if (!cb.dup)
		return 0;
	*id = 42;
	snprintf(desc, desclen, "张三，华一坡社区");
	return 1;
}

/* open_existing: remember which. */
static void
cb_open_existing(void *ctx, struct tui *t, int64_t id)
{
	(void)ctx;
	(void)t;
	cb.opened = id;
}

static const struct select_item communities[] = {
	{ "500103001001", "华一坡社区", 0 },
	{ "500103001002", "较场口社区", 0 },
	{ "500103001003", "老街社区", 1 },
};

/* options: the communities above for org_unit fields. */
static int
cb_options(void *ctx, const struct form_field *f, const struct select_item **items, int *n)
{
	(void)ctx;
	if (f->type != FT_ORG_UNIT)
		return BF_ENOTFOUND;
	*items = communities;
	*n = (int)(sizeof communities / sizeof communities[0]);
	return BF_OK;
}

static const struct formedit_ops test_ops = {
	NULL, cb_save, cb_find_duplicate, cb_open_existing, cb_options, NULL, NULL, NULL
};

/* Curses at 80x24, the fixture form set, an empty stack. */
static void
setup(void)
{
	struct forms_diags d;
	size_t problems;

	tui_fixture_setup();
	forms_diags_init(&d);
	problems = forms_load_dir(BANGFU_SRCDIR "/tests/fixtures/formedit", has_any_column, NULL,
	    &set, &d);
	if (problems > 0)
		forms_diags_print(&d, stderr);
	ck_assert_uint_eq(problems, 0);
	forms_diags_free(&d);
	memset(&T, 0, sizeof T);
	T.rows = 24;
	T.cols = 80;
	memset(&cb, 0, sizeof cb);
}

static void
teardown(void)
{
	while (T.depth > 0)
		tui_pop(&T);
	form_record_free(cb.saved);
	cb.saved = NULL;
	form_set_free(set);
	set = NULL;
	tui_fixture_teardown();
}

/* Open the person form over rec (NULL: empty) and draw it. */
static struct screen *
open_form(struct form_record *rec)
{
	const struct form *form = form_set_find(set, "person");
	struct screen *s;

	ck_assert_ptr_nonnull(form);
	s = formedit_new(form, rec != NULL ? rec : form_record_new(), &test_ops, "新登记", today);
	tui_push(&T, s);
	tui_redraw(&T);
	return s;
}

/* One key as the main loop handles it: the key table, else typing, else the global keys. */
static void
press(int special, uint32_t ch)
{
	struct screen *s = tui_top(&T);
	struct key k;
	enum action a;

	ck_assert_ptr_nonnull(s);
	k.special = special;
	k.ch = ch;
	T.msg_kind = MSG_NONE;
	a = keymap_lookup(s->keys, &k);
	if (a == ACT_NONE) {
		if (s->ops->key != NULL && s->ops->key(s, &T, &k))
			goto drawn;
		return;
	}
	s->ops->action(s, &T, a);
drawn:
	if (T.depth > 0)
		tui_redraw(&T);
}

/* Type UTF-8 text one character at a time, as get_wch delivers it. */
static void
type(const char *text)
{
	uint32_t cp;
	int n;

	while (*text != '\0') {
		n = utf8_decode(text, strlen(text), &cp);
		ck_assert_int_gt(n, 0);
		press(0, cp);
		text += n;
	}
}

/* Queue keys for a modal (popup, question) to read, in order.  "\r" is Enter. */
static void
queue(const char *text)
{
	uint32_t cps[64];
	int n = 0, k;

	while (*text != '\0' && n < 64) {
		k = utf8_decode(text, strlen(text), &cps[n]);
		ck_assert_int_gt(k, 0);
		text += k;
		n++;
	}
	while (n-- > 0)		/* curses hands back the last pushed first */
		unget_wch((wchar_t)cps[n]);
}

/* Row y of the screen. */
static const char *
row(int y)
{
	static char buf[512];

	tui_fixture_row(y, 0, 80, buf, sizeof buf);
	return buf;
}

/* The screen row containing text, or -1. */
static int
find_row(const char *text)
{
	int y;

	for (y = 0; y < T.rows; y++)
		if (strstr(row(y), text) != NULL)
			return y;
	return -1;
}

/* Screen column where text starts on row y, or -1. */
static int
col_of(int y, const char *text)
{
	const char *r = row(y), *p = strstr(r, text);

	return p != NULL ? width_strn(r, (size_t)(p - r)) : -1;
}

/* The value of field id in the record of the form (the bottom screen). */
static const char *
value(const char *id)
{
	ck_assert_int_ge(T.depth, 1);
	return form_record_get(formedit_record(T.stack[0]), id);
}

START_TEST(test_id_derives_sex_birth_age_and_chinese_name)
{
	struct screen *s = open_form(NULL);

	ck_assert_str_eq(formedit_focus(s), "citizen_id");
	ck_assert_int_ge(find_row("身份信息"), 1);
	ck_assert_int_ge(find_row("公民身份号码"), 1);
	type("11010519491231002");
	ck_assert_ptr_null(value("sex"));
	ck_assert_ptr_null(value("birth_date"));
	type("X");	/* the 18th character: derived at once */
	ck_assert_str_eq(value("sex"), "2");
	ck_assert_str_eq(value("birth_date"), "1949-12-31");
	ck_assert_str_eq(value("age"), "74");
	ck_assert_int_eq(find_row("性别") , find_row("2 女"));
	ck_assert_int_eq(find_row("出生日期"), find_row("1949-12-31"));
	ck_assert_int_ge(find_row("74"), 1);
	press(0, KEY_TAB_CHAR);
	ck_assert_str_eq(formedit_focus(s), "name");	/* derived fields are skipped */
	ck_assert_ptr_null(formedit_message(s, "citizen_id"));
	press(0, 0x5F20);	/* 张 */
	press(0, 0x4E09);	/* 三 */
	ck_assert_str_eq(value("name"), "张三");
	ck_assert_int_eq(find_row("姓名"), find_row("张三"));
	/* the terminal cursor sits after the two double-width characters */
	ck_assert_int_eq(s->cursor_y, find_row("张三"));
	ck_assert_int_eq(s->cursor_x, col_of(s->cursor_y, "张三") + 4);
	/* clearing the number clears what came from it */
	ck_assert(formedit_set_focus(s, "citizen_id"));
	press(KEY_BACKSPACE, 0);
	ck_assert_ptr_null(value("sex"));
	ck_assert_int_eq(find_row("2 女"), -1);
}
END_TEST

START_TEST(test_bad_check_digit_message_beside_field_keeps_text)
{
	struct screen *s = open_form(NULL);
	const char *msg = "公民身份号码校验码错误：第 18 位应为 X，实际为 1";
	int y;

	type(BAD_ID);
	press(0, KEY_TAB_CHAR);
	ck_assert_str_eq(formedit_message(s, "citizen_id"), msg);
	ck_assert_str_eq(value("citizen_id"), BAD_ID);
	ck_assert_ptr_null(value("sex"));
	y = find_row(msg);
	ck_assert_int_ge(y, 1);
	/* too long for beside the box at 80 columns: on the line under the field */
	ck_assert_int_eq(find_row(BAD_ID) + 1, y);
	ck_assert(tui_fixture_attr(y, col_of(y, "公")) & A_BOLD);
	ck_assert_int_eq(cb.dup_calls, 0);	/* no duplicate lookup for a bad number */
	/* fixing it clears the message */
	ck_assert(formedit_set_focus(s, "citizen_id"));
	press(KEY_BACKSPACE, 0);
	type("X");
	press(0, KEY_TAB_CHAR);
	ck_assert_ptr_null(formedit_message(s, "citizen_id"));
	ck_assert_int_eq(find_row("校验码"), -1);
}
END_TEST

START_TEST(test_show_if_toggles_live)
{
	struct screen *s = open_form(NULL);

	ck_assert(formedit_set_focus(s, "on_benefit"));
	tui_redraw(&T);
	ck_assert_int_eq(find_row("失业金起始日期"), -1);
	type("y");
	ck_assert_str_eq(value("on_benefit"), "1");
	ck_assert_int_ge(find_row("失业金起始日期"), 1);
	ck_assert_int_ge(find_row("失业金终止日期"), 1);
	ck_assert_int_eq(find_row("是否领取失业金"), find_row("是 "));
	type(" ");	/* space toggles */
	ck_assert_str_eq(value("on_benefit"), "0");
	ck_assert_int_eq(find_row("失业金起始日期"), -1);
	press(0, KEY_TAB_CHAR);
	ck_assert_str_eq(formedit_focus(s), "income");	/* hidden fields are skipped */
	press(KEY_BTAB, 0);
	type("是");
	press(0, KEY_TAB_CHAR);
	ck_assert_str_eq(formedit_focus(s), "benefit_start");
}
END_TEST

START_TEST(test_required_empty_on_save_focuses_it)
{
	struct screen *s = open_form(NULL);

	type(VALID_ID);
	ck_assert(formedit_set_focus(s, "registered_on"));
	press(KEY_F(2), 0);
	ck_assert_int_eq(cb.saves, 0);
	ck_assert_int_eq(T.depth, 1);
	ck_assert_str_eq(formedit_focus(s), "name");
	ck_assert_int_eq(T.msg_kind, MSG_ERROR);
	ck_assert_ptr_nonnull(strstr(T.msg, "有 1 处需要修改"));
	ck_assert_str_eq(formedit_message(s, "name"), "请填写“姓名”");
	ck_assert_str_eq(T.msg, "有 1 处需要修改，先改“姓名”：请填写“姓名”");
	ck_assert_int_eq(find_row("姓名"), find_row("请填写“姓名”"));
	/* a required_if field shown is required too */
	type("李四");
	ck_assert(formedit_set_focus(s, "on_benefit"));
	type("y");
	press(0, KEY_CTRL_S);
	ck_assert_int_eq(cb.saves, 0);
	ck_assert_str_eq(formedit_focus(s), "benefit_start");
	/* a wrong number is one thing to change, though 性别 and 出生日期 complain too */
	type("2024-01-01");
	ck_assert(formedit_set_focus(s, "citizen_id"));
	press(KEY_BACKSPACE, 0);
	type("1");
	ck_assert_ptr_null(value("sex"));
	press(KEY_F(2), 0);
	ck_assert_int_eq(cb.saves, 0);
	ck_assert_str_eq(formedit_focus(s), "citizen_id");
	ck_assert_str_eq(formedit_message(s, "sex"), "请填写“性别”");
	ck_assert_ptr_nonnull(strstr(T.msg, "有 1 处需要修改，先改“公民身份号码”：公民身份号码校验码错误"));
}
END_TEST

START_TEST(test_conflict_keeps_everything_typed)
{
	struct screen *s = open_form(NULL);

	cb.save_rc = BF_ECONFLICT;
	type(VALID_ID);
	press(0, KEY_TAB_CHAR);
	type("王五");
	press(KEY_F(2), 0);
	ck_assert_int_eq(cb.saves, 1);
	ck_assert_int_eq(T.depth, 1);
	ck_assert_ptr_eq(tui_top(&T), s);
	ck_assert_int_eq(T.msg_kind, MSG_ERROR);
	ck_assert_ptr_nonnull(strstr(T.msg, "该档案已被他人修改"));
	ck_assert_str_eq(value("citizen_id"), VALID_ID);
	ck_assert_str_eq(value("name"), "王五");
	ck_assert_int_ge(find_row("王五"), 1);
	ck_assert(s->ops->dirty(s));
	/* the record saved was normalised and derived */
	ck_assert_str_eq(form_record_get(cb.saved, "sex"), "2");
	/* the next attempt succeeds and closes the editor */
	cb.save_rc = BF_OK;
	press(0, KEY_CTRL_S);
	ck_assert_int_eq(cb.saves, 2);
	ck_assert_int_eq(T.depth, 0);
	ck_assert_str_eq(T.msg, "已保存");
	ck_assert_str_eq(form_record_get(cb.saved, "name"), "王五");
}
END_TEST

START_TEST(test_select_by_typing_a_filter)
{
	struct screen *s = open_form(NULL);

	ck_assert(formedit_set_focus(s, "ethnicity"));
	queue("\r");
	type("t");	/* opens the popup filtered by "t": 土家族 (tjz) */
	ck_assert_str_eq(value("ethnicity"), "15");
	ck_assert_int_eq(find_row("民族"), find_row("15 土家族"));
	queue("苗\r");
	press(KEY_ENTER, 0);	/* Enter opens it unfiltered */
	ck_assert_str_eq(value("ethnicity"), "06");
	ck_assert_int_ge(find_row("06 苗族"), 1);
	queue("\x1b");
	type("0");		/* Esc in the popup keeps the value */
	ck_assert_str_eq(value("ethnicity"), "06");
	queue("98\r");		/* a retired code cannot be picked */
	type(" ");
	ck_assert_str_eq(value("ethnicity"), "06");
	press(KEY_BACKSPACE, 0);
	ck_assert_ptr_null(value("ethnicity"));
	/* several codes: Space toggles the first, Enter accepts */
	ck_assert(formedit_set_focus(s, "hobbies"));
	queue(" \r");
	press(KEY_ENTER, 0);
	ck_assert_str_eq(value("hobbies"), "a");
	ck_assert_int_eq(find_row("特长"), find_row("驾驶"));
}
END_TEST

START_TEST(test_org_unit_from_the_callers_options)
{
	struct screen *s = open_form(NULL);

	ck_assert(formedit_set_focus(s, "community"));
	queue("\r");
	type("较");
	ck_assert_str_eq(value("community"), "500103001002");
	ck_assert_int_eq(find_row("常住地社区"), find_row("500103001002 较场口社区"));
}
END_TEST

START_TEST(test_select_many_joins_labels)
{
	struct form_record *rec = form_record_new();

	form_record_set(rec, "hobbies", "a,c");
	open_form(rec);
	ck_assert_int_eq(find_row("特长"), find_row("驾驶、电工"));
	ck_assert(formedit_set_focus(tui_top(&T), "hobbies"));
	queue("\r");	/* Enter keeps the preselected set */
	press(KEY_ENTER, 0);
	ck_assert_str_eq(value("hobbies"), "a,c");
}
END_TEST

START_TEST(test_dates_normalised_on_leaving)
{
	static const char *const shapes[] = { "2024/5/6", "2024年5月6日", "20240506", "2024-5-6" };
	struct screen *s = open_form(NULL);
	size_t i;

	for (i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
		ck_assert(formedit_set_focus(s, "registered_on"));
		press(0, KEY_CTRL_U);
		type(shapes[i]);
		ck_assert_str_eq(value("registered_on"), shapes[i]);	/* as typed until leaving */
		press(0, KEY_TAB_CHAR);
		ck_assert_str_eq(value("registered_on"), "2024-05-06");
		ck_assert_int_eq(find_row("登记日期"), find_row("2024-05-06"));
		ck_assert_ptr_null(formedit_message(s, "registered_on"));
	}
	ck_assert(formedit_set_focus(s, "registered_on"));
	press(0, KEY_CTRL_U);
	type("2024/2/30");
	press(0, KEY_TAB_CHAR);
	ck_assert_str_eq(value("registered_on"), "2024/2/30");	/* kept as typed */
	ck_assert_ptr_nonnull(formedit_message(s, "registered_on"));
	ck_assert_int_ge(find_row(formedit_message(s, "registered_on")), 1);
}
END_TEST

START_TEST(test_resize_keeps_values_and_focus)
{
	struct screen *s = open_form(NULL);

	type(VALID_ID);
	press(0, KEY_TAB_CHAR);
	type("赵六");
	ck_assert(formedit_set_focus(s, "income"));
	type("3500");
	resizeterm(40, 120);
	T.rows = 40;
	T.cols = 120;
	tui_redraw(&T);
	ck_assert_str_eq(formedit_focus(s), "income");
	ck_assert_int_ge(find_row("赵六"), 1);
	ck_assert_int_eq(s->cursor_y, find_row("3500"));
	resizeterm(24, 80);
	T.rows = 24;
	T.cols = 80;
	tui_redraw(&T);
	ck_assert_str_eq(formedit_focus(s), "income");
	ck_assert_int_eq(s->cursor_y, find_row("3500"));
	ck_assert_int_ge(s->cursor_y, 1);
	ck_assert_int_le(s->cursor_y, T.rows - 4);
	ck_assert_str_eq(value("name"), "赵六");
	ck_assert_str_eq(value("citizen_id"), VALID_ID);
	type("0");
	ck_assert_str_eq(value("income"), "35000");
}
END_TEST

START_TEST(test_scrolling_keeps_focus_visible)
{
	struct screen *s = open_form(NULL);
	int i;

	resizeterm(24, 80);
	ck_assert(formedit_set_focus(s, "on_benefit"));
	type("y");
	for (i = 0; i < 20; i++)
		press(0, KEY_TAB_CHAR);
	ck_assert_str_eq(formedit_focus(s), "members");
	ck_assert_int_ge(s->cursor_y, 1);
	ck_assert_int_eq(s->cursor_y, find_row("按 Enter 添加"));
	press(KEY_PPAGE, 0);
	press(KEY_PPAGE, 0);
	press(KEY_PPAGE, 0);
	ck_assert_str_eq(formedit_focus(s), "citizen_id");
	ck_assert_int_ge(find_row("身份信息"), 1);
	press(KEY_NPAGE, 0);
	ck_assert_str_ne(formedit_focus(s), "citizen_id");
	ck_assert_int_ge(s->cursor_y, 1);
}
END_TEST

START_TEST(test_esc_asks_only_when_dirty)
{
	open_form(NULL);
	press(0, KEY_ESC_CHAR);		/* clean: closes without asking */
	ck_assert_int_eq(T.depth, 0);

	open_form(NULL);
	type("1");
	ck_assert(tui_top(&T)->ops->dirty(tui_top(&T)));
	queue("\x1b");			/* the question; Esc = keep editing */
	press(0, KEY_ESC_CHAR);
	ck_assert_int_eq(T.depth, 1);
	ck_assert_str_eq(value("citizen_id"), "1");
	queue("d");			/* discard */
	press(0, KEY_ESC_CHAR);
	ck_assert_int_eq(T.depth, 0);
	ck_assert_int_eq(cb.saves, 0);

	open_form(NULL);
	type(VALID_ID);
	press(0, KEY_TAB_CHAR);
	type("孙七");
	queue("s");			/* save from the question */
	press(0, KEY_ESC_CHAR);
	ck_assert_int_eq(cb.saves, 1);
	ck_assert_int_eq(T.depth, 0);
}
END_TEST

START_TEST(test_duplicate_id_offers_existing)
{
	open_form(NULL);
	cb.dup = 1;
	type(VALID_ID);
	queue("n");
	press(0, KEY_TAB_CHAR);
	ck_assert_int_eq(cb.dup_calls, 1);
	ck_assert_int_eq(T.depth, 1);
	ck_assert_int_eq(cb.opened, 0);
	ck_assert_ptr_nonnull(strstr(T.msg, "张三，华一坡社区"));
	/* not asked again for the same number */
	press(KEY_BTAB, 0);
	press(0, KEY_TAB_CHAR);
	ck_assert_int_eq(cb.dup_calls, 1);
	/* another number on file: yes opens it and closes the editor */
	press(KEY_BTAB, 0);
	press(0, KEY_CTRL_U);
	type("11010519491231002X");
	press(KEY_LEFT, 0);
	press(KEY_BACKSPACE, 0);
	type("2");	/* same number: the user retyped it */
	press(KEY_HOME, 0);
	press(KEY_DC, 0);
	type("1");
	ck_assert_str_eq(value("citizen_id"), VALID_ID);
	press(KEY_END, 0);
	press(0, KEY_CTRL_U);
	type("110105194912310011");
	ck_assert_str_eq(value("sex"), "1");
	queue("y");
	press(0, KEY_TAB_CHAR);
	ck_assert_int_eq(cb.dup_calls, 2);
	ck_assert_int_eq(T.depth, 0);
	ck_assert_int_eq(cb.opened, 42);
}
END_TEST

START_TEST(test_hidden_values_not_saved)
{
	struct screen *s = open_form(NULL);

	type(VALID_ID);
	press(0, KEY_TAB_CHAR);
	type("钱九");
	ck_assert(formedit_set_focus(s, "on_benefit"));
	type("y");
	press(0, KEY_TAB_CHAR);
	type("2024-01-01");
	press(KEY_BTAB, 0);
	type("n");
	ck_assert_str_eq(value("benefit_start"), "2024-01-01");	/* kept while editing */
	type("y");
	ck_assert_int_ge(find_row("2024-01-01"), 1);
	type("n");
	press(KEY_F(2), 0);
	ck_assert_int_eq(cb.saves, 1);
	ck_assert_ptr_null(form_record_get(cb.saved, "benefit_start"));
	ck_assert_str_eq(form_record_get(cb.saved, "on_benefit"), "0");
}
END_TEST

START_TEST(test_existing_number_is_not_a_duplicate)
{
	struct form_record *rec = form_record_new();

	form_record_set(rec, "citizen_id", VALID_ID);
	form_record_set(rec, "name", "张三");
	open_form(rec);
	cb.dup = 1;
	ck_assert_str_eq(value("sex"), "2");	/* derived on opening */
	ck_assert(!tui_top(&T)->ops->dirty(tui_top(&T)));
	press(0, KEY_TAB_CHAR);
	ck_assert_int_eq(cb.dup_calls, 0);
	ck_assert_int_eq(T.depth, 1);
}
END_TEST

START_TEST(test_click_focuses_field)
{
	struct screen *s = open_form(NULL);
	int y = find_row("登记日期");

	ck_assert_int_ge(y, 1);
	ck_assert(s->ops->click(s, &T, y, 20));
	ck_assert_str_eq(formedit_focus(s), "registered_on");
	tui_redraw(&T);
	ck_assert_int_eq(s->cursor_y, y);
	/* a derived field cannot take the focus */
	ck_assert(!s->ops->click(s, &T, find_row("出生日期"), 20));
	ck_assert_str_eq(formedit_focus(s), "registered_on");
	/* nor can a section heading */
	ck_assert(!s->ops->click(s, &T, find_row("失业保险"), 2));
}
END_TEST

START_TEST(test_warning_asks_before_saving)
{
	struct screen *s = open_form(NULL);

	type(VALID_ID);
	press(0, KEY_TAB_CHAR);
	type("周八");
	ck_assert(formedit_set_focus(s, "income"));
	type("60000");
	press(0, KEY_TAB_CHAR);
	ck_assert_str_eq(formedit_message(s, "income"), "月收入超过 5 万元，请核对");
	queue("n");
	press(KEY_F(2), 0);
	ck_assert_int_eq(cb.saves, 0);
	ck_assert_int_eq(T.depth, 1);
	queue("y");
	press(KEY_F(2), 0);
	ck_assert_int_eq(cb.saves, 1);
	ck_assert_str_eq(form_record_get(cb.saved, "income"), "60000");
}
END_TEST

START_TEST(test_group_of_stored_row_says_rows_exist)
{
	struct form_record *rec = form_record_new();
	struct screen *s;

	/* a stored row whose group has 3 rows on file (app_form_group_counts) */
	form_record_set(rec, "members" FORM_GROUP_STORED, "3");
	s = open_form(rec);
	ck_assert(formedit_set_focus(s, "members"));
	tui_redraw(&T);
	ck_assert_int_ge(find_row("已有 3 条，按 Enter 新增"), 1);
	press(KEY_ENTER, 0);
	press(0, 'n');
	type("王五");
	press(KEY_F(2), 0);
	press(0, KEY_ESC_CHAR);
	ck_assert_int_eq(T.depth, 1);
	ck_assert_int_ge(find_row("已有 3 条，另新增 1 条"), 1);
	ck_assert_str_eq(value("members"), "1");
}
END_TEST

START_TEST(test_group_rows_add_edit_delete)
{
	struct screen *s = open_form(NULL);
	const struct form_field *group;
	struct form_record *row;

	ck_assert(formedit_set_focus(s, "members"));
	tui_redraw(&T);
	ck_assert_int_ge(find_row("（无），按 Enter 添加"), 1);
	press(KEY_ENTER, 0);
	ck_assert_int_eq(T.depth, 2);
	ck_assert_int_ge(find_row("还没有记录"), 1);
	press(0, 'n');
	ck_assert_int_eq(T.depth, 3);
	type("李四");
	press(0, KEY_TAB_CHAR);
	queue("\r");
	type("2");		/* 子女 */
	press(KEY_F(2), 0);
	ck_assert_int_eq(T.depth, 2);	/* row editor closed, the list shows the row */
	ck_assert_int_ge(find_row("李四"), 2);
	ck_assert_int_eq(find_row("李四"), find_row("子女"));
	press(0, 'n');
	type("李小五");
	press(KEY_F(2), 0);
	ck_assert_int_eq(T.depth, 2);
	/* edit the first row */
	press(KEY_UP, 0);
	press(KEY_ENTER, 0);
	ck_assert_int_eq(T.depth, 3);
	press(0, KEY_CTRL_U);
	type("李四四");
	press(KEY_F(2), 0);
	press(0, KEY_ESC_CHAR);
	ck_assert_int_eq(T.depth, 1);
	ck_assert_str_eq(value("members"), "2");
	ck_assert_str_eq(value("members[0].name"), "李四四");
	ck_assert_str_eq(value("members[0].relation"), "2");
	ck_assert_str_eq(value("members[1].name"), "李小五");
	ck_assert_int_ge(find_row("2 条，按 Enter 编辑"), 1);
	ck_assert(s->ops->dirty(s));
	/* delete the first, with confirmation */
	press(KEY_ENTER, 0);
	queue("n");
	press(0, 'd');
	ck_assert_str_eq(value("members"), "2");
	queue("y");
	press(0, 'd');
	ck_assert_str_eq(value("members"), "1");
	ck_assert_str_eq(value("members[0].name"), "李小五");
	ck_assert_ptr_null(value("members[1].name"));
	ck_assert_ptr_null(value("members[0].relation"));
	press(0, KEY_ESC_CHAR);
	/* the helpers round-trip */
	group = form_find_field(form_set_find(set, "person"), "members");
	row = formedit_row_get(formedit_record(s), group, 0);
	ck_assert_str_eq(form_record_get(row, "name"), "李小五");
	form_record_free(row);
	ck_assert_int_eq(formedit_rows_count(formedit_record(s), group), 1);
}
END_TEST

START_TEST(test_group_row_required_blocks)
{
	open_form(NULL);
	ck_assert(formedit_set_focus(tui_top(&T), "members"));
	press(KEY_ENTER, 0);
	press(0, 'n');
	press(KEY_F(2), 0);	/* name is required in a row */
	ck_assert_int_eq(T.depth, 3);
	ck_assert_str_eq(formedit_focus(tui_top(&T)), "name");
	queue("d");
	press(0, KEY_ESC_CHAR);	/* a new row asks; discard */
	ck_assert_int_eq(T.depth, 2);
	press(0, KEY_ESC_CHAR);
	ck_assert_ptr_null(value("members"));
}
END_TEST

START_TEST(test_long_chinese_scrolls_without_splitting)
{
	struct screen *s = open_form(NULL);
	int y, bx;

	ck_assert(formedit_set_focus(s, "name"));
	type("重庆市渝中区解放碑街道华一坡社区");	/* 16 characters in a 12-column box */
	ck_assert_str_eq(value("name"), "重庆市渝中区解放碑街道华一坡社区");
	y = s->cursor_y;
	ck_assert_int_eq(y, find_row("姓名"));
	bx = col_of(y, "姓名") + 4 + 2;
	ck_assert_int_eq(col_of(y, "<"), bx - 1);	/* text hidden on the left */
	ck_assert(!tui_fixture_is_wide_right_half(y, bx));
	ck_assert(!tui_fixture_is_wide_right_half(y, bx + 12));
	ck_assert_int_le(s->cursor_x, bx + 12);
	press(KEY_HOME, 0);
	ck_assert_int_eq(s->cursor_x, bx);
	ck_assert_ptr_nonnull(strstr(row(y), "重庆市"));
	ck_assert_ptr_nonnull(strstr(row(y), ">"));
}
END_TEST

START_TEST(test_keys_in_table_and_footer)
{
	struct screen *s = open_form(NULL);
	const struct keybind *b;
	int home = 0, save = 0, ctrl_s = 0;

	for (b = s->keys; b->act != ACT_NONE; b++) {
		home += b->special == KEY_HOME && b->act == ACT_LINE_START;
		save += b->special == KEY_F(2) && b->act == ACT_SAVE;
		ctrl_s += b->ch == KEY_CTRL_S && b->act == ACT_SAVE;
	}
	ck_assert_int_eq(home, 1);
	ck_assert_int_eq(save, 1);
	ck_assert_int_eq(ctrl_s, 1);
	ck_assert_ptr_nonnull(strstr(row(23), "F2保存"));
	ck_assert_ptr_nonnull(strstr(row(0), "新登记"));
	/* the help row explains the focused field */
	ck_assert_ptr_nonnull(strstr(row(21), "18 位公民身份号码"));
}
END_TEST

/* Every test starts curses and loads the fixture forms. */
Suite *
test_suite(void)
{
	Suite *s = suite_create("formedit");
	TCase *tc = tcase_create("formedit");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_id_derives_sex_birth_age_and_chinese_name);
	tcase_add_test(tc, test_bad_check_digit_message_beside_field_keeps_text);
	tcase_add_test(tc, test_show_if_toggles_live);
	tcase_add_test(tc, test_required_empty_on_save_focuses_it);
	tcase_add_test(tc, test_conflict_keeps_everything_typed);
	tcase_add_test(tc, test_select_by_typing_a_filter);
	tcase_add_test(tc, test_org_unit_from_the_callers_options);
	tcase_add_test(tc, test_select_many_joins_labels);
	tcase_add_test(tc, test_dates_normalised_on_leaving);
	tcase_add_test(tc, test_resize_keeps_values_and_focus);
	tcase_add_test(tc, test_scrolling_keeps_focus_visible);
	tcase_add_test(tc, test_esc_asks_only_when_dirty);
	tcase_add_test(tc, test_duplicate_id_offers_existing);
	tcase_add_test(tc, test_hidden_values_not_saved);
	tcase_add_test(tc, test_existing_number_is_not_a_duplicate);
	tcase_add_test(tc, test_click_focuses_field);
	tcase_add_test(tc, test_warning_asks_before_saving);
	tcase_add_test(tc, test_group_rows_add_edit_delete);
	tcase_add_test(tc, test_group_of_stored_row_says_rows_exist);
	tcase_add_test(tc, test_group_row_required_blocks);
	tcase_add_test(tc, test_long_chinese_scrolls_without_splitting);
	tcase_add_test(tc, test_keys_in_table_and_footer);
	suite_add_tcase(s, tc);
	return s;
}
