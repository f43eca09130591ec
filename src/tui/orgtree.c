/*
 * orgtree.c -- the caseload browser across the org tree: district →
 * street → community → caseworker, with the number of persons at each
 * level under the current filter (在册, 回访逾期, 全部).  Enter goes down a
 * level; on a caseworker (or with l) it opens the caseload list of that
 * part of the tree, where / searches and Enter opens the person file.
 * u goes back up, never above the user's own unit.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/session.h"
#include "store/caseload.h"
#include "store/db.h"
#include "store/orgunit.h"
#include "tui/draw.h"
#include "tui/screens.h"
#include "tui/theme.h"
#include "util/xalloc.h"

#define ORGTREE_MAX 4096

static const struct keybind orgtree_keys[] = {
	{ KEY_ENTER, 0, ACT_OPEN, "Enter", "进入" },
	{ 0, 'l', ACT_CASELOAD, "l", "名单" },
	{ 0, '/', ACT_SEARCH, "/", "查找" },
	{ 0, 'f', ACT_FILTER, "f", "筛选" },
	{ 0, 'u', ACT_ORG_UP, "u", "上级" },
	{ KEY_BACKSPACE, 0, ACT_ORG_UP, "Backspace", NULL },
	{ KEY_UP, 0, ACT_UP, "Up", NULL },
	{ KEY_DOWN, 0, ACT_DOWN, "Down", NULL },
	{ KEY_HOME, 0, ACT_FIRST, "Home", NULL },
	{ KEY_END, 0, ACT_LAST, "End", NULL },
	{ KEY_F(5), 0, ACT_REFRESH, "F5", NULL },
	{ 0, KEY_ESC_CHAR, ACT_BACK, "Esc", "返回" },
	{ 0, 'q', ACT_QUIT, "q", "退出" },
	{ 0, '?', ACT_HELP, "?", NULL },
	{ KEY_F(1), 0, ACT_HELP, "F1", "帮助" },
	{ 0, 0, ACT_NONE, NULL, NULL }
};

/* The filters f cycles through. */
static const struct {
	const char	*label;
	const char	*status;
	int		 overdue;
} orgtree_filters[] = {
	{ "在册（未结案）", "open", 0 },
	{ "回访逾期", "", 1 },
	{ "全部（含已结案）", "", 0 },
};

#define ORGTREE_NFILTERS (sizeof orgtree_filters / sizeof orgtree_filters[0])

struct orgtree_row {
	char	code[13];	/* unit code, or "" for a caseworker */
	char	name[96];
	int64_t	worker_id;
	long	count;
};

struct orgtree {
	struct screen		 base;
	struct app_session	*app;
	struct org_unit		 unit;		/* where we are */
	struct orgtree_row	*rows;
	int			 n, sel, top, page;
	long			 total;
	size_t			 filter;	/* index into orgtree_filters */
	int			 loaded;
};

/* The caseload filter for the current unit and filter preset. */
static void
orgtree_filter(const struct orgtree *o, struct caseload_filter *f)
{
	memset(f, 0, sizeof *f);
	snprintf(f->org, sizeof f->org, "%s", o->unit.code);
	snprintf(f->status, sizeof f->status, "%s", orgtree_filters[o->filter].status);
	f->overdue = orgtree_filters[o->filter].overdue;
}

/* Code prefix length of the children of a unit of level (city 2 -> district 6 ...). */
static int
orgtree_child_len(const char *level)
{
	int len = orgunit_prefix_len(level);

	return len <= 2 ? 6 : len + 3;
}

/* Load the rows below the current unit. */
static void
orgtree_load(struct orgtree *o, struct tui *t)
{
	struct caseload_group *g = xcalloc(ORGTREE_MAX, sizeof *g);
	struct org_unit *kids = NULL;
	struct caseload_filter f;
	bf_error err;
	int ng = 0, nk = 0, i, j, community = strcmp(o->unit.level, "community") == 0;

	o->loaded = 1;
	o->n = 0;
	o->total = 0;
	orgtree_filter(o, &f);
	if (caseload_groups(o->app->db, &f, community ? 0 : orgtree_child_len(o->unit.level),
	    g, ORGTREE_MAX, &ng, &err) != BF_OK) {
		tui_message(t, MSG_ERROR, "%s", err.msg);
		free(g);
		return;
	}
	if (community) {
		for (i = 0; i < ng; i++) {
			struct orgtree_row *r = &o->rows[o->n++];

			memset(r, 0, sizeof *r);
			r->worker_id = g[i].worker_id;
			snprintf(r->name, sizeof r->name, "%s", g[i].worker_id ? g[i].worker : "（未分配）");
			r->count = g[i].count;
			o->total += r->count;
		}
	} else {
		kids = xcalloc(ORGTREE_MAX, sizeof *kids);
		if (orgunit_children(o->app->db, o->unit.code, kids, ORGTREE_MAX, &nk, &err) != BF_OK)
			nk = 0;
		for (i = 0; i < nk; i++) {
			struct orgtree_row *r;

			if (!db_in_scope(o->app->db, kids[i].code) &&
			    strncmp(kids[i].code, db_actor(o->app->db)->org,
			    (size_t)orgunit_prefix_len(kids[i].level)) != 0)
				continue;
			r = &o->rows[o->n++];
			memset(r, 0, sizeof *r);
			snprintf(r->code, sizeof r->code, "%s", kids[i].code);
			snprintf(r->name, sizeof r->name, "%s", kids[i].name);
			for (j = 0; j < ng; j++)
				if (strcmp(g[j].key, kids[i].code) == 0)
					r->count = g[j].count;
			o->total += r->count;
		}
	}
	if (o->sel >= o->n)
		o->sel = o->n > 0 ? o->n - 1 : 0;
	free(kids);
	free(g);
}

/* Draw the browser. */
static void
orgtree_draw(struct screen *s, struct tui *t)
{
	struct orgtree *o = (struct orgtree *)s;
	int body = tui_body_rows(t), i, y;
	char line[256], count[32];

	if (!o->loaded)
		orgtree_load(o, t);
	snprintf(line, sizeof line, "%s（%s）  筛选：%s  共 %ld 人", o->unit.name, o->unit.code,
	    orgtree_filters[o->filter].label, o->total);
	draw_text_cut(stdscr, 1, 1, t->cols - 2, line, theme_attr(ROLE_HEADER));
	draw_fill(stdscr, 2, 0, t->cols, A_NORMAL);
	draw_text_right(stdscr, 2, 1, 49, "人数", theme_attr(ROLE_DIM));
	draw_text(stdscr, 2, 3, 20,
	    strcmp(o->unit.level, "community") == 0 ? "社区工作人员" : "下级单位", theme_attr(ROLE_DIM));
	o->page = body - 2 > 0 ? body - 2 : 1;
	if (o->sel < o->top)
		o->top = o->sel;
	if (o->sel >= o->top + o->page)
		o->top = o->sel - o->page + 1;
	for (i = 0; i < o->page; i++) {
		int k = o->top + i;
		attr_t at = k == o->sel ? theme_attr(ROLE_SELECTED) : A_NORMAL;

		y = 3 + i;
		draw_fill(stdscr, y, 0, t->cols, A_NORMAL);
		if (k >= o->n) {
			if (o->n == 0 && i == 0)
				draw_text(stdscr, y, 3, t->cols - 4, "（没有下级单位或社区工作人员）",
				    theme_attr(ROLE_DIM));
			continue;
		}
		draw_fill(stdscr, y, 1, 50, at);
		draw_text_cut(stdscr, y, 3, 38, o->rows[k].name, at);
		snprintf(count, sizeof count, "%ld", o->rows[k].count);
		draw_text_right(stdscr, y, 40, 10, count, at);
	}
}

/* Go to unit code (a child or the parent). */
static void
orgtree_go(struct orgtree *o, struct tui *t, const char *code)
{
	bf_error err;

	if (orgunit_get(o->app->db, code, &o->unit, &err) != BF_OK) {
		tui_message(t, MSG_ERROR, "%s", err.msg);
		return;
	}
	o->sel = o->top = 0;
	orgtree_load(o, t);
}

/* Open the caseload list of the current unit (and caseworker). */
static void
orgtree_list(struct orgtree *o, struct tui *t, int64_t worker, const char *who, int search)
{
	struct caseload_filter f;
	struct screen *s;
	char title[128];

	orgtree_filter(o, &f);
	f.caseworker_id = worker;
	s = caseload_screen_new(t, &f, search);
	snprintf(title, sizeof title, "%.40s%s%.40s：%s", o->unit.name, who[0] ? " " : "", who,
	    orgtree_filters[o->filter].label);
	snprintf(s->title, sizeof s->title, "%s", title);
	tui_push(t, s);
}

/* Actions of the browser. */
static int
orgtree_action(struct screen *s, struct tui *t, enum action a)
{
	struct orgtree *o = (struct orgtree *)s;
	const struct orgtree_row *r = o->sel < o->n ? &o->rows[o->sel] : NULL;

	switch (a) {
	case ACT_UP: if (o->sel > 0) o->sel--; return 1;
	case ACT_DOWN: if (o->sel + 1 < o->n) o->sel++; return 1;
	case ACT_FIRST: o->sel = 0; return 1;
	case ACT_LAST: o->sel = o->n > 0 ? o->n - 1 : 0; return 1;
	case ACT_OPEN:
		if (r == NULL)
			return 1;
		if (r->code[0] != '\0')
			orgtree_go(o, t, r->code);
		else if (r->worker_id != 0)
			orgtree_list(o, t, r->worker_id, r->name, 0);
		else
			orgtree_list(o, t, 0, "", 0);
		return 1;
	case ACT_CASELOAD: orgtree_list(o, t, 0, "", 0); return 1;
	case ACT_SEARCH: orgtree_list(o, t, 0, "", 1); return 1;
	case ACT_FILTER:
		o->filter = (o->filter + 1) % ORGTREE_NFILTERS;
		orgtree_load(o, t);
		return 1;
	case ACT_ORG_UP:
		if (strcmp(o->unit.code, db_actor(o->app->db)->org) == 0 || o->unit.parent[0] == '\0')
			tui_message(t, MSG_INFO, "已是您所在的单位");
		else
			orgtree_go(o, t, o->unit.parent);
		return 1;
	case ACT_REFRESH: orgtree_load(o, t); return 1;
	default: return 0;
	}
}

/* Back on top: counts may have changed. */
static void
orgtree_resume(struct screen *s, struct tui *t)
{
	orgtree_load((struct orgtree *)s, t);
}

/* Free the screen and what it holds. */
static void
orgtree_destroy(struct screen *s)
{
	struct orgtree *o = (struct orgtree *)s;

	free(o->rows);
	free(o);
}

static const struct screen_ops orgtree_ops = {
	.name = "orgtree",
	.draw = orgtree_draw,
	.action = orgtree_action,
	.resume = orgtree_resume,
	.destroy = orgtree_destroy,
};

/* The browser, starting at the user's own unit. */
struct screen *
orgtree_screen_new(struct tui *t)
{
	struct orgtree *o = xcalloc(1, sizeof *o);
	bf_error err;

	o->base.ops = &orgtree_ops;
	o->base.keys = orgtree_keys;
	o->base.cursor_y = o->base.cursor_x = -1;
	snprintf(o->base.title, sizeof o->base.title, "按单位浏览个案");
	o->app = t->app;
	o->rows = xcalloc(ORGTREE_MAX, sizeof *o->rows);
	if (orgunit_get(t->app->db, db_actor(t->app->db)->org, &o->unit, &err) != BF_OK)
		snprintf(o->unit.code, sizeof o->unit.code, "%s", ORG_CITY);
	return &o->base;
}
