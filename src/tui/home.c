/*
 * home.c -- the home screen: today's work for the logged-in user.  Three
 * short lists (follow-ups past due, plan measures due in the next two
 * weeks, registrations of the last 30 days), each with its total, and
 * the keys to reach the caseload, search and a new registration.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/session.h"
#include "core/casestate.h"
#include "forms/model.h"
#include "store/caseload.h"
#include "store/db.h"
#include "store/worklist.h"
#include "tui/draw.h"
#include "tui/screens.h"
#include "tui/theme.h"
#include "util/xalloc.h"

#define HOME_PER_LIST 5

static const struct keybind home_keys[] = {
	{ KEY_ENTER, 0, ACT_OPEN, "Enter", "打开" },
	{ 0, 'c', ACT_CASELOAD, "c", "个案列表" },
	{ 0, '/', ACT_SEARCH, "/", "查找" },
	{ 0, 'n', ACT_NEW, "n", "新登记" },
	{ 0, 'o', ACT_FILTER, "o", "全部逾期" },
	{ 0, 'd', ACT_DASHBOARD, "d", "指标" },
	{ 0, 'b', ACT_ORG_TREE, "b", "按单位" },
	{ 0, 'L', ACT_AUDIT, "L", NULL },
	{ KEY_UP, 0, ACT_UP, "Up", NULL },
	{ KEY_DOWN, 0, ACT_DOWN, "Down", NULL },
	{ KEY_F(5), 0, ACT_REFRESH, "F5", NULL },
	{ 0, 'q', ACT_QUIT, "q", "退出" },
	{ 0, '?', ACT_HELP, "?", NULL },
	{ KEY_F(1), 0, ACT_HELP, "F1", "帮助" },
	{ 0, 0, ACT_NONE, NULL, NULL }
};

static const struct {
	enum worklist_kind kind;
	const char	*title;		/* "逾期未回访" */
	const char	*date_label;	/* what the date means */
	const char	*empty;
} home_lists[WORK_NKINDS] = {
	{ WORK_OVERDUE, "逾期未回访", "应回访", "没有逾期的回访。" },
	{ WORK_MEASURE_DUE, "两周内到期的帮扶措施", "到期", "近两周没有到期的措施。" },
	{ WORK_RECENT, "近 30 天新登记", "登记", "近 30 天没有新登记。" },
};

struct home_screen {
	struct screen		 base;
	struct app_session	*app;
	struct work_item	 items[WORK_NKINDS][HOME_PER_LIST];
	int			 n[WORK_NKINDS], total[WORK_NKINDS];
	int			 sel;		/* index over all items shown */
	int			 row_of[WORK_NKINDS * HOME_PER_LIST]; /* screen row of each item */
	int			 loaded;
};

/* Reload the three lists. */
static void
home_load(struct home_screen *h, struct tui *t)
{
	bf_error err;
	int k;

	for (k = 0; k < WORK_NKINDS; k++)
		if (worklist_items(h->app->db, home_lists[k].kind, h->items[k], HOME_PER_LIST,
		    &h->n[k], &h->total[k], &err) != BF_OK)
			tui_message(t, MSG_ERROR, "%s", err.msg);
	h->loaded = 1;
}

/* How many items are listed in all. */
static int
home_count(const struct home_screen *h)
{
	return h->n[0] + h->n[1] + h->n[2];
}

/* The item at overall index i. */
static const struct work_item *
home_item(const struct home_screen *h, int i)
{
	int k;

	for (k = 0; k < WORK_NKINDS; k++) {
		if (i < h->n[k])
			return &h->items[k][i];
		i -= h->n[k];
	}
	return NULL;
}

/* The label of code in the form set's list called list, or code itself. */
static const char *
home_list_label(const struct form_set *forms, const char *list, const char *code)
{
	const struct form_list *l = forms != NULL ? form_set_list(forms, list) : NULL;
	size_t i;

	for (i = 0; l != NULL && i < l->noptions; i++)
		if (strcmp(l->options[i].code, code) == 0)
			return l->options[i].label;
	return code;
}

/* Label of what a work item is about. */
static const char *
home_what(const struct home_screen *h, enum worklist_kind k, const char *what)
{
	enum case_status s;

	if (k == WORK_RECENT && case_status_from_code(what, &s) == BF_OK)
		return case_status_label(s);
	if (k == WORK_OVERDUE)
		return home_list_label(h->app->forms, "followup_kind", what);
	return home_list_label(h->app->forms, "measure_type", what);
}

/* Draw the three lists. */
static void
home_draw(struct screen *s, struct tui *t)
{
	struct home_screen *h = (struct home_screen *)s;
	const struct db_actor *a = db_actor(h->app->db);
	char line[256], today[11];
	int y = 1, k, i, idx = 0, last = t->rows - 3;

	if (!h->loaded)
		home_load(h, t);
	db_today(h->app->db, today);
	snprintf(line, sizeof line, "%s，您好。今天是 %s。", a->name[0] ? a->name : a->login, today);
	draw_text(stdscr, y++, 1, t->cols - 2, line, A_NORMAL);
	for (k = 0; k < WORK_NKINDS && y < last; k++) {
		y++;
		snprintf(line, sizeof line, "%s（共 %d%s 项）", home_lists[k].title,
		    h->total[k], h->total[k] >= WORK_COUNT_CAP ? "+" : "");
		draw_text(stdscr, y++, 1, t->cols - 2, line,
		    theme_attr(k == WORK_OVERDUE && h->total[k] > 0 ? ROLE_WARNING : ROLE_HEADER));
		if (h->n[k] == 0 && y < last)
			draw_text(stdscr, y++, 3, t->cols - 4, home_lists[k].empty, theme_attr(ROLE_DIM));
		for (i = 0; i < h->n[k] && y < last; i++, idx++) {
			const struct work_item *w = &h->items[k][i];
			attr_t at = idx == h->sel ? theme_attr(ROLE_SELECTED) : A_NORMAL;

			snprintf(line, sizeof line, "%-10s %s %s  %s", w->date,
			    home_lists[k].date_label, home_what(h, k, w->what), w->community);
			draw_fill(stdscr, y, 1, t->cols - 2, at);
			draw_text(stdscr, y, 3, 12, w->name, at);
			draw_text_cut(stdscr, y, 16, t->cols - 18, line, at);
			h->row_of[idx] = y++;
		}
	}
	while (idx < WORK_NKINDS * HOME_PER_LIST)
		h->row_of[idx++] = -1;
}

/* Actions of the home screen. */
static int
home_action(struct screen *s, struct tui *t, enum action a)
{
	struct home_screen *h = (struct home_screen *)s;
	const struct work_item *w;
	struct caseload_filter f;

	switch (a) {
	case ACT_UP:
		if (h->sel > 0)
			h->sel--;
		return 1;
	case ACT_DOWN:
		if (h->sel + 1 < home_count(h))
			h->sel++;
		return 1;
	case ACT_OPEN:
		if ((w = home_item(h, h->sel)) != NULL)
			nav_open_person(t, w->person_id);
		else
			tui_message(t, MSG_INFO, "按 c 打开个案列表");
		return 1;
	case ACT_CASELOAD:
		nav_caseload(t, NULL, 0);
		return 1;
	case ACT_SEARCH:
		nav_caseload(t, NULL, 1);
		return 1;
	case ACT_FILTER:
		memset(&f, 0, sizeof f);
		f.overdue = 1;
		nav_caseload(t, &f, 0);
		return 1;
	case ACT_NEW:
		nav_new_person(t);
		return 1;
	case ACT_DASHBOARD:
		nav_dashboard(t);
		return 1;
	case ACT_ORG_TREE:
		nav_orgtree(t);
		return 1;
	case ACT_AUDIT:
		nav_auditlog(t);
		return 1;
	case ACT_REFRESH:
		home_load(h, t);
		return 0;
	default:
		return 0;
	}
}

/* A click on an item selects it; on the selected one opens it. */
static int
home_click(struct screen *s, struct tui *t, int y, int x)
{
	struct home_screen *h = (struct home_screen *)s;
	int i;

	(void)x;
	for (i = 0; i < home_count(h); i++)
		if (h->row_of[i] == y) {
			if (h->sel == i)
				return home_action(s, t, ACT_OPEN);
			h->sel = i;
			return 1;
		}
	return 0;
}

/* Back on top: the work may have changed. */
static void
home_resume(struct screen *s, struct tui *t)
{
	home_load((struct home_screen *)s, t);
}

static void
home_destroy(struct screen *s)
{
	free(s);
}

static const struct screen_ops home_ops = {
	.name = "home",
	.draw = home_draw,
	.action = home_action,
	.click = home_click,
	.resume = home_resume,
	.destroy = home_destroy,
};

/* The home screen. */
struct screen *
home_screen_new(struct tui *t)
{
	struct home_screen *h = xcalloc(1, sizeof *h);

	h->base.ops = &home_ops;
	h->base.keys = home_keys;
	snprintf(h->base.title, sizeof h->base.title, "今日工作");
	h->app = t->app;
	return &h->base;
}
