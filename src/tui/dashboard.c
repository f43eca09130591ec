/*
 * dashboard.c -- the indicators dashboard: every indicator of
 * store/indicators.h for one org unit and one month, the caseload of each
 * caseworker below them, and a 12-month bar chart of the selected
 * indicator.  Enter on a number opens the persons behind it (the caseload
 * list with the indicator as its filter).  Left/Right change the month,
 * o picks a unit below, u goes back up (never above the user's own unit).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/report.h"
#include "app/session.h"
#include "store/caseload.h"
#include "store/db.h"
#include "store/orgunit.h"
#include "text/width.h"
#include "tui/chart.h"
#include "tui/draw.h"
#include "tui/screens.h"
#include "tui/select.h"
#include "tui/theme.h"
#include "util/xalloc.h"

#define DASH_MONTHS 12
#define DASH_CHILDREN_MAX 4096
#define DASH_LARGE 100000	/* persons in range above which computing waits for F5 */

static const struct keybind dash_keys[] = {
	{ KEY_ENTER, 0, ACT_OPEN, "Enter", "名单" },
	{ KEY_LEFT, 0, ACT_PREV_MONTH, "Left", "上月" },
	{ KEY_RIGHT, 0, ACT_NEXT_MONTH, "Right", "下月" },
	{ 0, 'o', ACT_ORG_DOWN, "o", "下级单位" },
	{ 0, 'u', ACT_ORG_UP, "u", "上级" },
	{ 0, 'a', ACT_CHART_STYLE, "a", NULL },
	{ 0, 'g', ACT_CHART, "g", NULL },
	{ KEY_UP, 0, ACT_UP, "Up", NULL },
	{ KEY_DOWN, 0, ACT_DOWN, "Down", NULL },
	{ KEY_PPAGE, 0, ACT_PAGE_UP, "PgUp", NULL },
	{ KEY_NPAGE, 0, ACT_PAGE_DOWN, "PgDn", NULL },
	{ KEY_HOME, 0, ACT_FIRST, "Home", NULL },
	{ KEY_END, 0, ACT_LAST, "End", NULL },
	{ KEY_F(5), 0, ACT_REFRESH, "F5", NULL },
	{ 0, KEY_ESC_CHAR, ACT_BACK, "Esc", "返回" },
	{ 0, 'q', ACT_QUIT, "q", "退出" },
	{ 0, '?', ACT_HELP, "?", NULL },
	{ KEY_F(1), 0, ACT_HELP, "F1", "帮助" },
	{ 0, 0, ACT_NONE, NULL, NULL }
};

struct dashboard {
	struct screen		 base;
	struct app_session	*app;
	char			 org[13];
	char			 month[8];
	struct app_report	 r;
	int			 loaded;
	int			 sel, top, page;
	int			 chart_for;		/* row the chart was computed for, -1 none */
	long			 chart[DASH_MONTHS];
	char			 chart_from[8];
	int			 ascii;
	int			 chart_auto;	/* small range: chart follows the cursor */
	int			 chart_asked;	/* large range: g asked for this row's chart */
	long			 persons;	/* persons in range (before computing) */
	int			 confirmed;	/* a large range: F5 asked to compute it */
};

/* The unit shown: the report's, else the one asked for, else the user's. */
static const char *
dash_org(const struct dashboard *d)
{
	if (d->r.org_code[0] != '\0')
		return d->r.org_code;
	return d->org[0] != '\0' ? d->org : db_actor(d->app->db)->org;
}

/* Rows in the list: indicators, then one per caseworker. */
static int
dash_nrows(const struct dashboard *d)
{
	return d->r.nrows + d->r.nworkers;
}

/* Step "YYYY-MM" by delta months into out. */
static void
dash_month_step(const char *month, int delta, char out[8])
{
	int y = atoi(month), m = atoi(month + 5);
	int k = y * 12 + (m - 1) + delta;
	unsigned yy = (unsigned)(k / 12) % 10000u, mm = (unsigned)(k % 12 + 1) % 100u;

	snprintf(out, 8, "%04u-%02u", yy, mm);
}

/* Recompute the report for the current org and month. */
static void
dash_load(struct dashboard *d, struct tui *t)
{
	struct caseload_filter f;
	struct org_unit u;
	bf_error err;

	app_report_free(&d->r);
	d->loaded = 1;
	d->chart_for = -1;
	memset(&f, 0, sizeof f);
	snprintf(f.org, sizeof f.org, "%s", d->org);
	if (caseload_count(d->app->db, &f, &d->persons, &err) != BF_OK)
		d->persons = 0;
	if (d->persons > DASH_LARGE && !d->confirmed)
		return;		/* the city of a large database: ask first (F5) */
	if (app_report_make(d->app->db, d->app->forms, d->org, d->month, &d->r, &err) != BF_OK) {
		tui_message(t, MSG_ERROR, "%s", err.msg);
		return;
	}
	snprintf(d->month, sizeof d->month, "%s", d->r.period.month);
	/* A district or the city takes seconds per chart: then only on request (g). */
	d->chart_auto = orgunit_get(d->app->db, d->r.org_code, &u, &err) == BF_OK &&
	    orgunit_prefix_len(u.level) >= 9;
	d->chart_asked = -1;
	if (d->sel >= dash_nrows(d))
		d->sel = dash_nrows(d) > 0 ? dash_nrows(d) - 1 : 0;
}

/* The 12 months ending at the current one for the selected indicator. */
static void
dash_chart(struct dashboard *d)
{
	const struct ind_row *row;
	struct ind_period p;
	char m[8];
	bf_error err;
	int i;

	d->chart_for = d->sel;
	memset(d->chart, 0, sizeof d->chart);
	if (d->sel >= d->r.nrows)
		return;
	row = &d->r.rows[d->sel];
	dash_month_step(d->month, -(DASH_MONTHS - 1), d->chart_from);
	for (i = 0; i < DASH_MONTHS; i++) {
		dash_month_step(d->month, i - (DASH_MONTHS - 1), m);
		if (indicators_period(d->app->db, d->org, m, &p, &err) != BF_OK ||
		    indicators_value(d->app->db, &p, row->id, row->code, &d->chart[i], &err) != BF_OK)
			d->chart[i] = 0;
	}
}

/* One list row: label (indented for details) and value. */
static void
dash_draw_row(struct dashboard *d, int i, int y, int x, int w)
{
	attr_t at = i == d->sel ? theme_attr(ROLE_SELECTED) : A_NORMAL;
	char label[200], value[48];

	if (i < d->r.nrows) {
		const struct ind_row *r = &d->r.rows[i];

		snprintf(label, sizeof label, "%s%s", r->indent ? "  " : "", r->label);
		snprintf(value, sizeof value, "%ld %s", r->value, r->unit);
		if (r->indent == 0 && i != d->sel)
			at = theme_attr(ROLE_HEADER);
		if (strcmp(r->id, "followup_overdue") == 0 && r->value > 0 && i != d->sel)
			at = theme_attr(ROLE_WARNING);
	} else {
		const struct ind_worker *k = &d->r.workers[i - d->r.nrows];

		if (k->id == 0)
			snprintf(label, sizeof label, "  （未分配社区工作人员）");
		else
			snprintf(label, sizeof label, "  %s（%s）", k->name[0] ? k->name : k->login, k->login);
		snprintf(value, sizeof value, "%ld 人 逾期 %ld", k->open, k->overdue);
	}
	draw_fill(stdscr, y, x, w, at);
	draw_text_cut(stdscr, y, x + 1, w - 18, label, at);
	draw_text_right(stdscr, y, x + w - 17, 16, value, at);
}

/* The chart of the selected indicator in the box at (y, x). */
static void
dash_draw_chart(struct dashboard *d, int y, int x, int h, int w)
{
	char rows[16][256], line[160], to[8];
	long max = 0;
	int i, height, barw, cellw;

	if (d->sel >= d->r.nrows || h < 5 || w < 24)
		return;
	if (!d->chart_auto && d->chart_asked != d->sel) {
		draw_text_cut(stdscr, y, x, w, d->r.rows[d->sel].label, theme_attr(ROLE_HEADER));
		draw_text_cut(stdscr, y + 1, x, w, "范围较大，按 g 计算近 12 个月趋势", theme_attr(ROLE_DIM));
		return;
	}
	if (d->chart_for != d->sel)
		dash_chart(d);
	for (i = 0; i < DASH_MONTHS; i++)
		if (d->chart[i] > max)
			max = d->chart[i];
	draw_text_cut(stdscr, y, x, w, d->r.rows[d->sel].label, theme_attr(ROLE_HEADER));
	snprintf(line, sizeof line, "近 12 个月，最高 %ld %s", max, d->r.rows[d->sel].unit);
	draw_text_cut(stdscr, y + 1, x, w, line, theme_attr(ROLE_DIM));
	height = h - 4 < 12 ? h - 4 : 12;
	/* Block elements are ambiguous-width: one character may take two columns. */
	cellw = d->ascii ? 1 : width_str("█");
	barw = (w + 1) / DASH_MONTHS - 1;
	barw = barw / cellw < 1 ? 1 : barw / cellw;
	if (barw > 3)
		barw = 3;
	chart_bars(d->chart, DASH_MONTHS, height, barw, d->ascii, rows, 256);
	for (i = 0; i < height; i++)
		draw_text(stdscr, y + 2 + i, x, w, rows[i], A_NORMAL);
	dash_month_step(d->month, 0, to);
	draw_fill(stdscr, y + 2 + height, x, w, A_NORMAL);
	draw_text_right(stdscr, y + 2 + height, x, (barw * cellw + 1) * DASH_MONTHS - 1, to,
	    theme_attr(ROLE_DIM));
	draw_text(stdscr, y + 2 + height, x, 8, d->chart_from, theme_attr(ROLE_DIM));
}

/* Draw the dashboard. */
static void
dash_draw(struct screen *s, struct tui *t)
{
	struct dashboard *d = (struct dashboard *)s;
	int body = tui_body_rows(t), listw, i, y;
	char line[256];

	if (!d->loaded) {
		draw_text(stdscr, 1, 1, t->cols - 2, "正在计算指标……", theme_attr(ROLE_DIM));
		refresh();
		dash_load(d, t);
	}
	if (d->r.rows == NULL && d->persons > DASH_LARGE && !d->confirmed) {
		snprintf(line, sizeof line, "本范围有 %ld 人，计算全部指标需要较长时间。", d->persons);
		draw_text_cut(stdscr, 2, 1, t->cols - 2, line, A_NORMAL);
		draw_text_cut(stdscr, 3, 1, t->cols - 2, "按 o 选择下级单位，或按 F5 计算本范围的指标。",
		    theme_attr(ROLE_DIM));
		return;
	}
	snprintf(line, sizeof line, "%s（%s）  %s 月  状态截至 %s", d->r.org_name, d->r.org_code,
	    d->month, d->r.period.asof);
	draw_text_cut(stdscr, 1, 1, t->cols - 2, line, theme_attr(ROLE_HEADER));
	listw = t->cols >= 110 ? 62 : 52;
	d->page = body - 2;
	if (d->page < 1)
		d->page = 1;
	if (d->sel < d->top)
		d->top = d->sel;
	if (d->sel >= d->top + d->page)
		d->top = d->sel - d->page + 1;
	for (i = 0; i < d->page; i++) {
		y = 2 + i;
		if (d->top + i < dash_nrows(d))
			dash_draw_row(d, d->top + i, y, 0, listw);
		else
			draw_fill(stdscr, y, 0, listw, A_NORMAL);
		if (d->top + i == d->r.nrows && d->r.nworkers > 0 && d->top + i != d->sel)
			draw_text(stdscr, y, listw - 17, 17, "在册个案", theme_attr(ROLE_DIM));
	}
	dash_draw_chart(d, 3, listw + 2, body - 2, t->cols - listw - 3);
}

/* Copy src into dst (len bytes), cut at a character boundary. */
static void
dash_copy_title(char *dst, size_t len, const char *src)
{
	size_t n = strlen(src);

	if (n >= len) {
		n = len - 1;
		while (n > 0 && ((unsigned char)src[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* Open the persons behind the selected row. */
static void
dash_open(struct dashboard *d, struct tui *t)
{
	struct caseload_filter f;
	char title[256];
	struct screen *s;

	memset(&f, 0, sizeof f);
	snprintf(f.org, sizeof f.org, "%s", d->r.org_code);
	if (d->sel < d->r.nrows) {
		const struct ind_row *r = &d->r.rows[d->sel];

		if (!r->drill) {
			tui_message(t, MSG_INFO, "这一项没有对应的人员名单");
			return;
		}
		snprintf(f.indicator, sizeof f.indicator, "%s", r->id);
		snprintf(f.month, sizeof f.month, "%s", d->month);
		snprintf(f.ind_code, sizeof f.ind_code, "%s", r->code);
		snprintf(title, sizeof title, "%s：%s %s", r->label, d->r.org_name, d->month);
	} else if (d->sel < dash_nrows(d)) {
		const struct ind_worker *k = &d->r.workers[d->sel - d->r.nrows];

		if (k->id == 0) {
			tui_message(t, MSG_INFO, "未分配社区工作人员的个案请在个案列表中查看");
			return;
		}
		f.caseworker_id = k->id;
		snprintf(f.status, sizeof f.status, "open");
		snprintf(title, sizeof title, "%s 的在册个案", k->name[0] ? k->name : k->login);
	} else {
		return;
	}
	s = caseload_screen_new(t, &f, 0);
	dash_copy_title(s->title, sizeof s->title, title);
	tui_push(t, s);
}

/* o: choose a unit below the current one. */
static void
dash_org_down(struct dashboard *d, struct tui *t)
{
	struct org_unit *units = xcalloc(DASH_CHILDREN_MAX, sizeof *units);
	struct select_item *items;
	struct select sel;
	bf_error err;
	int n = 0, i;

	if (orgunit_children(d->app->db, dash_org(d), units, DASH_CHILDREN_MAX, &n, &err) != BF_OK ||
	    n == 0) {
		tui_message(t, MSG_INFO, "%s 没有下级单位", dash_org(d));
		free(units);
		return;
	}
	items = xcalloc((size_t)n, sizeof *items);
	for (i = 0; i < n; i++)
		items[i] = (struct select_item){ units[i].code, units[i].name, 0 };
	select_init(&sel, "选择下级单位", items, n, 0);
	if (select_run(t, &sel) == SELECT_PICKED && select_picked(&sel) >= 0) {
		snprintf(d->org, sizeof d->org, "%s", units[select_picked(&sel)].code);
		d->sel = d->top = 0;
		dash_load(d, t);
	}
	select_free(&sel);
	free(items);
	free(units);
}

/* u: back to the parent unit, not above the user's own. */
static void
dash_org_up(struct dashboard *d, struct tui *t)
{
	const struct db_actor *a = db_actor(d->app->db);
	struct org_unit u;
	bf_error err;

	if (strcmp(dash_org(d), a->org) == 0 ||
	    orgunit_get(d->app->db, dash_org(d), &u, &err) != BF_OK || u.parent[0] == '\0') {
		tui_message(t, MSG_INFO, "已是您所在的单位");
		return;
	}
	snprintf(d->org, sizeof d->org, "%s", u.parent);
	d->sel = d->top = 0;
	dash_load(d, t);
}

/* Actions of the dashboard. */
static int
dash_action(struct screen *s, struct tui *t, enum action a)
{
	struct dashboard *d = (struct dashboard *)s;
	int n = dash_nrows(d);

	switch (a) {
	case ACT_UP: if (d->sel > 0) d->sel--; return 1;
	case ACT_DOWN: if (d->sel + 1 < n) d->sel++; return 1;
	case ACT_PAGE_UP: d->sel = d->sel > d->page ? d->sel - d->page : 0; return 1;
	case ACT_PAGE_DOWN: d->sel = d->sel + d->page < n ? d->sel + d->page : (n > 0 ? n - 1 : 0); return 1;
	case ACT_FIRST: d->sel = 0; return 1;
	case ACT_LAST: d->sel = n > 0 ? n - 1 : 0; return 1;
	case ACT_OPEN: dash_open(d, t); return 1;
	case ACT_PREV_MONTH:
	case ACT_NEXT_MONTH:
		dash_month_step(d->month, a == ACT_PREV_MONTH ? -1 : 1, d->month);
		dash_load(d, t);
		return 1;
	case ACT_ORG_DOWN: dash_org_down(d, t); return 1;
	case ACT_ORG_UP: dash_org_up(d, t); return 1;
	case ACT_CHART_STYLE: d->ascii = !d->ascii; return 1;
	case ACT_CHART: d->chart_asked = d->sel; return 1;
	case ACT_REFRESH:
		d->confirmed = 1;
		draw_text(stdscr, 1, 1, t->cols - 2, "正在计算指标……", theme_attr(ROLE_DIM));
		refresh();
		dash_load(d, t);
		return 1;
	default: return 0;
	}
}

/* A click selects a row; a click on the selected row opens it. */
static int
dash_click(struct screen *s, struct tui *t, int y, int x)
{
	struct dashboard *d = (struct dashboard *)s;
	int i = d->top + (y - 2);

	if (y < 2 || x > 62 || i >= dash_nrows(d))
		return 0;
	if (i == d->sel)
		dash_open(d, t);
	d->sel = i;
	return 1;
}

/* Back from a list: the records may have changed. */
static void
dash_resume(struct screen *s, struct tui *t)
{
	dash_load((struct dashboard *)s, t);
}

/* Free the screen and what it holds. */
static void
dash_destroy(struct screen *s)
{
	struct dashboard *d = (struct dashboard *)s;

	app_report_free(&d->r);
	free(d);
}

static const struct screen_ops dash_ops = {
	.name = "dashboard",
	.draw = dash_draw,
	.action = dash_action,
	.click = dash_click,
	.resume = dash_resume,
	.destroy = dash_destroy,
};

/* The dashboard for org ("" = the user's unit) and month ("" = this month). */
struct screen *
dashboard_screen_new(struct tui *t, const char *org, const char *month)
{
	struct dashboard *d = xcalloc(1, sizeof *d);

	d->base.ops = &dash_ops;
	d->base.keys = dash_keys;
	d->base.cursor_y = d->base.cursor_x = -1;
	snprintf(d->base.title, sizeof d->base.title, "指标看板");
	d->app = t->app;
	snprintf(d->org, sizeof d->org, "%s", org != NULL ? org : "");
	snprintf(d->month, sizeof d->month, "%s", month != NULL ? month : "");
	d->chart_for = -1;
	d->ascii = chart_want_ascii();
	if (d->month[0] == '\0') {
		char today[11];

		db_today(t->app->db, today);
		snprintf(d->month, sizeof d->month, "%.7s", today);
	}
	return &d->base;
}
