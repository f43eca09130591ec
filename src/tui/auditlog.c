/*
 * auditlog.c -- the audit-log browser for administrators and supervisors:
 * who inserted, changed, viewed or exported what, and when, newest first,
 * with filters (user, action, table, date range, person) and pages read
 * by keyset as the cursor moves down (store/auditlog.h).  Enter opens the
 * file of the person a row is about.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/session.h"
#include "store/auditlog.h"
#include "store/db.h"
#include "store/history.h"
#include "tui/draw.h"
#include "tui/prompt.h"
#include "tui/screens.h"
#include "tui/select.h"
#include "tui/theme.h"
#include "util/xalloc.h"

#define AUDIT_PAGE 200
#define AUDIT_MAX 20000

static const struct keybind audit_keys[] = {
	{ KEY_ENTER, 0, ACT_OPEN, "Enter", "打开档案" },
	{ 0, 'f', ACT_FILTER, "f", "筛选" },
	{ 0, 'x', ACT_CLEAR_FILTER, "x", "清除筛选" },
	{ KEY_UP, 0, ACT_UP, "Up", NULL },
	{ KEY_DOWN, 0, ACT_DOWN, "Down", NULL },
	{ KEY_PPAGE, 0, ACT_PAGE_UP, "PgUp", NULL },
	{ KEY_NPAGE, 0, ACT_PAGE_DOWN, "PgDn", NULL },
	{ KEY_HOME, 0, ACT_FIRST, "Home", NULL },
	{ KEY_F(5), 0, ACT_REFRESH, "F5", NULL },
	{ 0, KEY_ESC_CHAR, ACT_BACK, "Esc", "返回" },
	{ 0, 'q', ACT_QUIT, "q", "退出" },
	{ 0, '?', ACT_HELP, "?", NULL },
	{ KEY_F(1), 0, ACT_HELP, "F1", "帮助" },
	{ 0, 0, ACT_NONE, NULL, NULL }
};

/* The filters, as offered by f: label, and where the text goes. */
enum audit_field { AF_LOGIN, AF_ACTION, AF_TABLE, AF_FROM, AF_TO, AF_PERSON, AF_COUNT };

static const struct select_item audit_field_items[AF_COUNT] = {
	{ "login", "操作人（登录名）", 0 },
	{ "action", "操作类型", 0 },
	{ "tbl", "数据表", 0 },
	{ "from", "起始日期（YYYY-MM-DD）", 0 },
	{ "to", "截止日期（YYYY-MM-DD）", 0 },
	{ "person", "人员编号", 0 },
};

static const struct select_item audit_action_items[] = {
	{ "insert", "新建", 0 }, { "update", "修改", 0 }, { "delete", "删除", 0 },
	{ "view", "查看", 0 }, { "export", "导出", 0 }, { "import", "导入", 0 },
	{ "login", "登录", 0 }, { "bulk", "批量导入", 0 },
};

struct audit_screen {
	struct screen		 base;
	struct app_session	*app;
	struct auditlog_filter	 f;
	struct auditlog_row	*rows;
	int			 n, sel, top, page;
	int			 end;		/* no older rows */
	int			 loaded;
};

/* Fetch the next page (older rows) after those held. */
static void
audit_more(struct audit_screen *a, struct tui *t)
{
	bf_error err;
	int got = 0, want = AUDIT_PAGE;

	if (a->end || a->n >= AUDIT_MAX)
		return;
	if (a->n + want > AUDIT_MAX)
		want = AUDIT_MAX - a->n;
	if (auditlog_page(a->app->db, &a->f, a->n > 0 ? a->rows[a->n - 1].id : 0, a->rows + a->n, want,
	    &got, &err) != BF_OK) {
		tui_message(t, MSG_ERROR, "%s", err.msg);
		a->end = 1;
		return;
	}
	a->n += got;
	if (got < want)
		a->end = 1;
}

/* Start again from the newest row. */
static void
audit_reload(struct audit_screen *a, struct tui *t)
{
	a->n = a->sel = a->top = 0;
	a->end = 0;
	a->loaded = 1;
	audit_more(a, t);
}

/* The filters in force, as one line. */
static void
audit_filter_line(const struct audit_screen *a, char *out, size_t len)
{
	const struct auditlog_filter *f = &a->f;
	char pid[32] = "";

	if (f->person_id > 0)
		snprintf(pid, sizeof pid, " 人员=%lld", (long long)f->person_id);
	snprintf(out, len, "筛选：%s%s%s%s%s%s%s%s%s%s%s%s",
	    f->login[0] ? " 操作人=" : "", f->login,
	    f->action[0] ? " 操作=" : "", f->action[0] ? history_action_label(f->action) : "",
	    f->tbl[0] ? " 表=" : "", f->tbl,
	    f->from[0] ? " 自" : "", f->from,
	    f->to[0] ? " 至" : "", f->to, pid,
	    !f->login[0] && !f->action[0] && !f->tbl[0] && !f->from[0] && !f->to[0] &&
	    f->person_id == 0 ? " 无（全部记录）" : "");
}

/* Draw the log. */
static void
audit_draw(struct screen *s, struct tui *t)
{
	struct audit_screen *a = (struct audit_screen *)s;
	int body = tui_body_rows(t), i;
	char line[512];

	if (!a->loaded)
		audit_reload(a, t);
	audit_filter_line(a, line, sizeof line);
	draw_text_cut(stdscr, 1, 1, t->cols - 2, line, theme_attr(ROLE_HEADER));
	draw_text(stdscr, 2, 0, t->cols,
	    " 时间                 操作人          操作     数据表          人员     说明", theme_attr(ROLE_DIM));
	a->page = body - 2 > 0 ? body - 2 : 1;
	if (a->sel >= a->n - 1 && !a->end)
		audit_more(a, t);
	if (a->sel < a->top)
		a->top = a->sel;
	if (a->sel >= a->top + a->page)
		a->top = a->sel - a->page + 1;
	for (i = 0; i < a->page; i++) {
		const struct auditlog_row *r;
		attr_t at;
		char who[80], pid[24];

		draw_fill(stdscr, 3 + i, 0, t->cols, A_NORMAL);
		if (a->top + i >= a->n) {
			if (a->n == 0 && i == 0)
				draw_text(stdscr, 3, 2, t->cols - 4, "没有符合条件的记录", theme_attr(ROLE_DIM));
			continue;
		}
		r = &a->rows[a->top + i];
		at = a->top + i == a->sel ? theme_attr(ROLE_SELECTED) : A_NORMAL;
		snprintf(who, sizeof who, "%s", r->user_name[0] ? r->user_name : r->login);
		snprintf(pid, sizeof pid, "%lld", (long long)r->person_id);
		draw_fill(stdscr, 3 + i, 0, t->cols, at);
		draw_text(stdscr, 3 + i, 1, 20, r->at, at);
		draw_text_cut(stdscr, 3 + i, 22, 15, who, at);
		draw_text(stdscr, 3 + i, 38, 8, history_action_label(r->action), at);
		draw_text_cut(stdscr, 3 + i, 47, 15, r->tbl, at);
		draw_text(stdscr, 3 + i, 63, 8, r->person_id ? pid : "", at);
		draw_text_cut(stdscr, 3 + i, 72, t->cols - 73, r->note, at);
	}
}

/* f: pick a filter, then its value. */
static void
audit_filter_menu(struct audit_screen *a, struct tui *t)
{
	struct auditlog_filter *f = &a->f;
	struct select sel;
	char buf[64] = "", label[96];
	int field, n = (int)(sizeof audit_action_items / sizeof audit_action_items[0]);

	select_init(&sel, "按什么筛选", audit_field_items, AF_COUNT, 0);
	field = select_run(t, &sel) == SELECT_PICKED ? select_picked(&sel) : -1;
	select_free(&sel);
	if (field < 0)
		return;
	if (field == AF_ACTION) {
		select_init(&sel, "操作类型", audit_action_items, n, 0);
		if (select_run(t, &sel) == SELECT_PICKED && select_picked(&sel) >= 0)
			snprintf(f->action, sizeof f->action, "%s", audit_action_items[select_picked(&sel)].code);
		select_free(&sel);
		audit_reload(a, t);
		return;
	}
	snprintf(label, sizeof label, "%s：", audit_field_items[field].label);
	if (!prompt_text(t, "审计日志筛选", label, buf, sizeof buf))
		return;
	switch (field) {
	case AF_LOGIN: snprintf(f->login, sizeof f->login, "%s", buf); break;
	case AF_TABLE: snprintf(f->tbl, sizeof f->tbl, "%s", buf); break;
	case AF_FROM: snprintf(f->from, sizeof f->from, "%.10s", buf); break;
	case AF_TO: snprintf(f->to, sizeof f->to, "%.10s", buf); break;
	case AF_PERSON: f->person_id = atoll(buf); break;
	default: break;
	}
	audit_reload(a, t);
}

/* Actions of the log browser. */
static int
audit_action(struct screen *s, struct tui *t, enum action act)
{
	struct audit_screen *a = (struct audit_screen *)s;

	switch (act) {
	case ACT_UP: if (a->sel > 0) a->sel--; return 1;
	case ACT_DOWN: if (a->sel + 1 < a->n) a->sel++; return 1;
	case ACT_PAGE_UP: a->sel = a->sel > a->page ? a->sel - a->page : 0; return 1;
	case ACT_PAGE_DOWN:
		if (a->sel + a->page >= a->n)
			audit_more(a, t);
		a->sel = a->sel + a->page < a->n ? a->sel + a->page : (a->n > 0 ? a->n - 1 : 0);
		return 1;
	case ACT_FIRST: a->sel = 0; return 1;
	case ACT_OPEN:
		if (a->sel < a->n && a->rows[a->sel].person_id > 0)
			nav_open_person(t, a->rows[a->sel].person_id);
		else
			tui_message(t, MSG_INFO, "这条记录不涉及具体人员");
		return 1;
	case ACT_FILTER: audit_filter_menu(a, t); return 1;
	case ACT_CLEAR_FILTER:
		memset(&a->f, 0, sizeof a->f);
		audit_reload(a, t);
		return 1;
	case ACT_REFRESH: audit_reload(a, t); return 1;
	default: return 0;
	}
}

/* Free the screen and what it holds. */
static void
audit_destroy(struct screen *s)
{
	struct audit_screen *a = (struct audit_screen *)s;

	free(a->rows);
	free(a);
}

static const struct screen_ops audit_ops = {
	.name = "auditlog",
	.draw = audit_draw,
	.action = audit_action,
	.destroy = audit_destroy,
};

/* The audit-log browser (the store refuses caseworkers). */
struct screen *
auditlog_screen_new(struct tui *t)
{
	struct audit_screen *a = xcalloc(1, sizeof *a);

	a->base.ops = &audit_ops;
	a->base.keys = audit_keys;
	a->base.cursor_y = a->base.cursor_x = -1;
	snprintf(a->base.title, sizeof a->base.title, "审计日志");
	a->app = t->app;
	a->rows = xcalloc(AUDIT_MAX, sizeof *a->rows);
	return &a->base;
}
