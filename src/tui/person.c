/*
 * person.c -- the person file screen (一人一档): header, tab bar, and
 * per tab either a text view (基本信息, 家庭) or a list (the child rows,
 * the change history), with a detail view over the content for the row
 * Enter opened.  Every read goes through src/store; the tab table below
 * says for each tab what it shows, from which table, with which form's
 * labels and which columns.  Tabs load when first shown and again after
 * an edit (resume).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/followup.h"
#include "app/lifecycle.h"
#include "app/plan.h"
#include "app/session.h"
#include "core/casestate.h"
#include "core/followup_rules.h"
#include "core/idcard.h"
#include "store/casework.h"
#include "store/children.h"
#include "store/db.h"
#include "store/history.h"
#include "store/orgunit.h"
#include "store/record.h"
#include "tui/draw.h"
#include "tui/listview.h"
#include "tui/person.h"
#include "tui/person_fields.h"
#include "tui/person_work.h"
#include "tui/select.h"
#include "tui/tabs.h"
#include "tui/textview.h"
#include "tui/tui.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define PT_NTABS	8
#define PT_MAXCOLS	4
#define PT_MAXROWS	500	/* child rows held per tab */
#define PT_SHOWN_ID	"完整身份证号"

enum ptab_kind {
	PT_BASIC,	/* the person's own fields, and registrations */
	PT_HOUSEHOLD,	/* the household and its members */
	PT_ROWS,	/* child rows of one table, as a list */
	PT_HISTORY	/* the change history, as a list */
};

struct ptab_col {
	const char	*column;	/* a column, or "@NAME" computed by the tab's decorate */
	int		 width;		/* 0: what is left (last column) */
	const char	*header;	/* NULL: the form's label of the column */
};

struct person_screen;
struct list_row;
struct rec;
static void ptab_decorate_category(struct person_screen *, const struct rec *, struct list_row *);
static void ptab_decorate_plan(struct person_screen *, const struct rec *, struct list_row *);
static void ptab_decorate_followup(struct person_screen *, const struct rec *, struct list_row *);

/* One tab: its label, what it shows, and the form whose labels it uses (and `e` edits). */
static const struct ptab_spec {
	const char	*label;
	enum ptab_kind	 kind;
	const char	*table;
	const char	*form;
	struct ptab_col	 cols[PT_MAXCOLS];
	/* Optional: fill the computed ("@") cells of a row / adjust shown ones. */
	void		(*decorate)(struct person_screen *, const struct rec *, struct list_row *);
} ptab_specs[PT_NTABS] = {
	{ "基本信息", PT_BASIC, "person", "person", { { NULL, 0, NULL } }, NULL },
	{ "家庭", PT_HOUSEHOLD, "household", "household", { { NULL, 0, NULL } }, NULL },
	{ "认定", PT_ROWS, "person_category", "category",
	    { { "code", 24, NULL }, { "recognised_on", 12, NULL }, { "expires_on", 12, NULL },
	      { "@state", 0, "状态" } }, ptab_decorate_category },
	{ "帮扶计划", PT_ROWS, "plan", "plan",
	    { { "made_on", 12, NULL }, { "@status", 10, "状态" }, { "@progress", 14, "进度" },
	      { "goal", 0, NULL } }, ptab_decorate_plan },
	{ "服务记录", PT_ROWS, "service", "service",
	    { { "served_on", 12, NULL }, { "type", 16, NULL }, { "method", 12, NULL },
	      { "content", 0, NULL } }, NULL },
	{ "回访", PT_ROWS, "followup", "followup",
	    { { "due_on", 12, NULL }, { "kind", 24, NULL }, { "done_on", 14, NULL },
	      { "result", 0, NULL } }, ptab_decorate_followup },
	{ "就业情况", PT_ROWS, "employment", "employment",
	    { { "started_on", 12, NULL }, { "form", 16, NULL }, { "ended_on", 12, NULL },
	      { "employer", 0, NULL } }, NULL },
	{ "变更记录", PT_HISTORY, "person", "person", { { NULL, 0, NULL } }, NULL },
};

/* Tab indexes the case-work keys look at. */
enum { PT_TAB_HOUSEHOLD = 1, PT_TAB_CATEGORY, PT_TAB_PLAN, PT_TAB_SERVICE, PT_TAB_FOLLOWUP,
	PT_TAB_EMPLOYMENT };

static const struct listview_column ptab_history_cols[] = {
	{ "时间", 17, LV_LEFT },
	{ "操作人", 12, LV_LEFT },
	{ "操作", 6, LV_LEFT },
	{ "内容", 0, LV_LEFT },
};

struct person_screen;

/* Keys of one tab only, shown first in the footer when that tab is current. */
static const struct {
	int		tab;
	struct keybind	key;
} person_tab_keys[] = {
	{ PT_TAB_HOUSEHOLD, { 0, 'm', ACT_MEASURES, "m", "成员" } },
	{ PT_TAB_HOUSEHOLD, { 0, 'c', ACT_CONFIRM, "c", "确认" } },
	{ PT_TAB_CATEGORY, { 0, 'a', ACT_ACCEPT, "a", "采纳" } },
	{ PT_TAB_CATEGORY, { 0, 'x', ACT_FINISH, "x", "结束" } },
	{ PT_TAB_PLAN, { 0, 'n', ACT_NEW, "n", "模板" } },
	{ PT_TAB_PLAN, { 0, 'a', ACT_ACCEPT, "a", "生效" } },
	{ PT_TAB_PLAN, { 0, 's', ACT_SERVE, "s", "服务" } },
	{ PT_TAB_PLAN, { 0, 'm', ACT_MEASURES, "m", "措施" } },
	{ PT_TAB_PLAN, { 0, 'R', ACT_REVISE, "R", "修订" } },
	{ PT_TAB_SERVICE, { 0, 'n', ACT_NEW, "n", "新增" } },
	{ PT_TAB_FOLLOWUP, { 0, 'd', ACT_FINISH, "d", "完成" } },
	{ PT_TAB_FOLLOWUP, { 0, 'n', ACT_NEW, "n", NULL } },
	{ PT_TAB_EMPLOYMENT, { 0, 'n', ACT_NEW, "n", "新增" } },
	{ PT_TAB_EMPLOYMENT, { 0, 'x', ACT_FINISH, "x", "离职" } },
};

/* The keys of every tab; the footer shows those with a footer text, in order. */
static const struct keybind person_keys[] = {
	{ 0, KEY_TAB_CHAR, ACT_NEXT_TAB, "Tab/1-8", "切换" },
	{ KEY_ENTER, 0, ACT_OPEN, "Enter", "详情" },
	{ 0, 'e', ACT_EDIT, "e", "修改" },
	{ 0, 't', ACT_STATUS, "t", "状态" },
	{ 0, 'r', ACT_REVEAL, "r", "显示证号" },
	{ 0, 'T', ACT_TRANSFER, "T", NULL },
	{ 0, KEY_ESC_CHAR, ACT_BACK, "Esc", "返回" },
	{ KEY_F(1), 0, ACT_HELP, "F1", "帮助" },
	{ 0, '?', ACT_HELP, "?", NULL },
	{ KEY_BTAB, 0, ACT_PREV_TAB, "Shift-Tab", NULL },
	{ KEY_RIGHT, 0, ACT_NEXT_TAB, "Right", NULL },
	{ KEY_LEFT, 0, ACT_PREV_TAB, "Left", NULL },
	{ KEY_UP, 0, ACT_UP, "Up", NULL },
	{ KEY_DOWN, 0, ACT_DOWN, "Down", NULL },
	{ KEY_PPAGE, 0, ACT_PAGE_UP, "PgUp", NULL },
	{ KEY_NPAGE, 0, ACT_PAGE_DOWN, "PgDn", NULL },
	{ KEY_HOME, 0, ACT_FIRST, "Home", NULL },
	{ KEY_END, 0, ACT_LAST, "End", NULL },
	{ 0, 0, ACT_NONE, NULL, NULL }
};

#define PT_NKEYS (sizeof person_keys / sizeof person_keys[0] + \
	sizeof person_tab_keys / sizeof person_tab_keys[0])

/* What one tab holds once loaded. */
struct ptab {
	struct person_screen	*ps;
	int			 idx;
	int			 loaded;
	char			 error[BF_ERROR_MSG_MAX]; /* why loading failed, or "" */
	struct children		 rows;		/* PT_ROWS */
	struct listview		 lv;		/* PT_ROWS, PT_HISTORY (when loaded) */
	struct listview_column	 cols[PT_MAXCOLS];
	struct textview		 tv;		/* PT_BASIC, PT_HOUSEHOLD */
};

struct person_screen {
	struct screen		 base;
	struct app_session	*app;
	int64_t			 pid;
	struct person_hooks	 hooks;
	void			(*transfer)(void *ctx, struct tui *t, int64_t person_id);
	void			*transfer_ctx;
	struct rec		 person;
	char			 community[96];
	int			 revealed;	/* full citizen ID in the header */
	const char		*labels[PT_NTABS];
	struct tabs		 tabs;
	struct ptab		 tab[PT_NTABS];
	int			 detail;	/* the detail view covers the tab */
	char			 detail_title[256];
	struct textview		 dv;
	char			 warning[FOLLOWUP_MSG_MAX];	/* six months without contact, or "" */
	char			 next_due[11];	/* the earliest open follow-up, or "" */
	struct keybind		 keys[PT_NTABS][PT_NKEYS];	/* per tab: its own keys, then the common ones */
};


/* Build each tab's key table: its own keys first, then the common ones. */
static void
person_keys_init(struct person_screen *ps)
{
	size_t i, n;
	int tab;

	for (tab = 0; tab < PT_NTABS; tab++) {
		n = 0;
		for (i = 0; i < sizeof person_tab_keys / sizeof person_tab_keys[0]; i++)
			if (person_tab_keys[i].tab == tab)
				ps->keys[tab][n++] = person_tab_keys[i].key;
		for (i = 0; i < sizeof person_keys / sizeof person_keys[0]; i++)
			ps->keys[tab][n++] = person_keys[i];
	}
}

/* The key table of the current tab (the footer and help follow it). */
static void
person_keys_sync(struct person_screen *ps)
{
	ps->base.keys = ps->keys[tabs_current(&ps->tabs)];
}

/* Today as the database's clock says. */
static void
person_today(struct person_screen *ps, char out[11])
{
	db_today(ps->app->db, out);
}

/* ---- list sources ---------------------------------------------------- */

/* Child rows held in memory, keyed by their index (newest first). */
static int
ptab_rows_fetch(void *ctx, const struct list_key *from, enum list_dir dir, int limit,
    struct list_row *out)
{
	struct ptab *tb = ctx;
	const struct ptab_spec *sp = &ptab_specs[tb->idx];
	struct person_screen *ps = tb->ps;
	long i, step = dir == LIST_AFTER ? 1 : -1;
	int n = 0, c;
	char *shown;

	if (from != NULL)
		i = (long)from->id + step;
	else
		i = dir == LIST_AFTER ? 0 : tb->rows.n - 1;
	for (; i >= 0 && i < tb->rows.n && n < limit; i += step, n++) {
		const struct rec *r = &tb->rows.rows[i];

		out[n].key.id = i;
		for (c = 0; c < PT_MAXCOLS && sp->cols[c].column != NULL; c++) {
			if (sp->cols[c].column[0] == '@') {
				list_row_set(&out[n], c, "");
				continue;
			}
			shown = pfield_display(ps->app->db,
			    pfield_find(ps->app->forms, sp->form, sp->table, sp->cols[c].column),
			    rec_get(r, sp->cols[c].column));
			list_row_set(&out[n], c, shown);
			free(shown);
		}
		if (sp->decorate != NULL)
			sp->decorate(ps, r, &out[n]);
	}
	return n;
}

/* 认定: 有效 / 已到期 (expires_on passed) / 已结束 with the day. */
static void
ptab_decorate_category(struct person_screen *ps, const struct rec *r, struct list_row *row)
{
	char today[11], buf[64];

	person_today(ps, today);
	if (rec_get(r, "ended_on") != NULL)
		snprintf(buf, sizeof buf, "已结束 %s", rec_get(r, "ended_on"));
	else if (app_category_expired(rec_get(r, "expires_on"), NULL, today))
		snprintf(buf, sizeof buf, "已到期（%s 期满）", rec_get(r, "expires_on"));
	else
		snprintf(buf, sizeof buf, "有效%s", rec_get(r, "derived") != NULL &&
		    strcmp(rec_get(r, "derived"), "1") == 0 ? "（按规则认定）" : "");
	list_row_set(row, 3, buf);
}

/* 帮扶计划: status (with version) and delivered/planned. */
static void
ptab_decorate_plan(struct person_screen *ps, const struct rec *r, struct list_row *row)
{
	char buf[64];
	const char *v = rec_get(r, "version_no");

	snprintf(buf, sizeof buf, "%s%s%s", app_plan_status_label(rec_get(r, "status")),
	    v != NULL && strcmp(v, "1") != 0 ? " v" : "", v != NULL && strcmp(v, "1") != 0 ? v : "");
	list_row_set(row, 1, buf);
	pwork_plan_progress(ps->app, ps->pid, r->id, buf, sizeof buf);
	list_row_set(row, 2, buf);
}

/* 回访: an open follow-up past its day says how late it is. */
static void
ptab_decorate_followup(struct person_screen *ps, const struct rec *r, struct list_row *row)
{
	char today[11], buf[64];
	const char *due = rec_get(r, "due_on");

	person_today(ps, today);
	if (rec_get(r, "done_on") != NULL || due == NULL)
		return;
	snprintf(buf, sizeof buf, strcmp(due, today) < 0 ? "逾期未访" : "待回访");
	list_row_set(row, 2, buf);
}

/* How many child rows the tab holds. */
static long
ptab_rows_count(void *ctx)
{
	return ((struct ptab *)ctx)->rows.n;
}

/* History entries from the store, keyed by audit id; key.sort keeps the table, key.num 1 for an update. */
static int
ptab_history_fetch(void *ctx, const struct list_key *from, enum list_dir dir, int limit,
    struct list_row *out)
{
	struct ptab *tb = ctx;
	struct history_entry *h;
	bf_error err;
	char what[200];
	int n = 0, i;

	if (limit <= 0)
		return 0;
	h = xcalloc((size_t)limit, sizeof *h);
	if (history_list(tb->ps->app->db, tb->ps->pid, from != NULL ? from->id : 0,
	    dir == LIST_AFTER, h, limit, &n, &err) != BF_OK) {
		snprintf(tb->error, sizeof tb->error, "%s", err.msg);
		free(h);
		return -1;
	}
	for (i = 0; i < n; i++) {
		out[i].key.id = h[i].id;
		out[i].key.num = strcmp(h[i].action, "update") == 0;	/* the diff shows both sides */
		snprintf(out[i].key.sort, sizeof out[i].key.sort, "%s", h[i].table);
		h[i].at[16] = '\0';
		list_row_set(&out[i], 0, h[i].at);
		list_row_set(&out[i], 1, h[i].user);
		list_row_set(&out[i], 2, history_action_label(h[i].action));
		if (h[i].note[0] != '\0')
			snprintf(what, sizeof what, "%s：%s", pfield_table_label(h[i].table), h[i].note);
		else
			snprintf(what, sizeof what, "%s", pfield_table_label(h[i].table));
		list_row_set(&out[i], 3, what);
	}
	free(h);
	return n;
}

/* How many history entries there are, or -1. */
static long
ptab_history_count(void *ctx)
{
	struct ptab *tb = ctx;
	bf_error err;
	long n;

	return history_count(tb->ps->app->db, tb->ps->pid, &n, &err) == BF_OK ? n : -1;
}

/* ---- loading --------------------------------------------------------- */

/* Read the person's row and community name; BF_OK or why not. */
static int
person_load(struct person_screen *ps, bf_error *err)
{
	struct org_unit ou;
	bf_error e2;
	int rc;

	if ((rc = rec_load(ps->app->db, "person", ps->pid, &ps->person, err)) != BF_OK)
		return rc;
	ps->community[0] = '\0';
	if (rec_get(&ps->person, "community_code") != NULL &&
	    orgunit_get(ps->app->db, rec_get(&ps->person, "community_code"), &ou, &e2) == BF_OK)
		snprintf(ps->community, sizeof ps->community, "%s", ou.name);
	app_followup_warning(ps->app, ps->pid, ps->warning, sizeof ps->warning);
	{
		char kind[16];

		app_followup_next(ps->app, ps->pid, ps->next_due, kind);
	}
	snprintf(ps->base.title, sizeof ps->base.title, "一人一档：%s",
	    rec_get(&ps->person, "name") != NULL ? rec_get(&ps->person, "name") : "");
	return BF_OK;
}

/* 基本信息: the person's fields, then the unemployment registrations. */
static void
ptab_load_basic(struct person_screen *ps, struct ptab *tb)
{
	struct children regs;
	char today[11], title[64];
	bf_error err;
	int i;

	person_today(ps, today);
	pfield_rec_view(&tb->tv, ps->app->db, ps->app->forms, "person", &ps->person, today, 1);
	children_init(&regs);
	if (children_load(ps->app->db, ps->pid, "registration", 20, &regs, &err) != BF_OK) {
		snprintf(tb->error, sizeof tb->error, "%s", err.msg);
		return;
	}
	for (i = 0; i < regs.n; i++) {
		const char *on = rec_get(&regs.rows[i], "registered_on");

		snprintf(title, sizeof title, "失业登记 %s%s", on != NULL ? on : "",
		    rec_get(&regs.rows[i], "cancelled_on") != NULL ? "（已注销）" : "");
		textview_add_styled(&tb->tv, title, ROLE_HEADER);
		pfield_rec_view(&tb->tv, ps->app->db, ps->app->forms, "registration", &regs.rows[i],
		    today, 0);
	}
	children_free(&regs);
}

/* One member as a line of its summary fields ("关系：配偶  就业状态：失业"). */
static void
ptab_member_line(struct person_screen *ps, const struct rec *m, strbuf *sb)
{
	static const char *const fallback[] = { "relation", "employment", "able", "willing" };
	const struct form_field *g = NULL, *f;
	const struct form *hf = ps->app->forms != NULL ?
	    form_set_find(ps->app->forms, "household") : NULL;
	size_t i, n;
	char *shown;

	for (i = 0; hf != NULL && i < hf->nfields; i++)
		if (hf->fields[i]->type == FT_GROUP && hf->fields[i]->table != NULL &&
		    strcmp(hf->fields[i]->table, "household_member") == 0)
			g = hf->fields[i];
	n = g != NULL && g->nsummary > 0 ? g->nsummary : sizeof fallback / sizeof fallback[0];
	for (i = 0; i < n; i++) {
		const char *id = g != NULL && g->nsummary > 0 ? g->summary[i] : fallback[i];
		const char *col;

		if (strcmp(id, "name") == 0)
			continue;
		f = g != NULL ? form_fields_find(g->fields, g->nfields, id) : NULL;
		col = f != NULL && f->column != NULL ? f->column : id;
		if (rec_get(m, col) == NULL)
			continue;
		shown = pfield_display(ps->app->db, f, rec_get(m, col));
		sb_addf(sb, "%s%s：%s", sb->len ? "  " : "", f != NULL ? f->label : col, shown);
		free(shown);
	}
}

/* 家庭: the household's fields, then one line per member. */
static void
ptab_load_household(struct person_screen *ps, struct ptab *tb)
{
	struct children members;
	struct rec hh;
	char today[11], title[64];
	bf_error err;
	strbuf sb;
	int i;

	person_today(ps, today);
	children_init(&members);
	rec_init(&hh, "household");
	if (children_household(ps->app->db, ps->pid, 50, &hh, &members, &err) != BF_OK) {
		snprintf(tb->error, sizeof tb->error, "%s", err.msg);
	} else if (hh.id == 0) {
		textview_add_text(&tb->tv, "尚未登记家庭情况。");
	} else {
		/* The flag first: it is what the caseworker has to act on. */
		pwork_household_lines(&tb->tv, ps->app, hh.id);
		pfield_rec_view(&tb->tv, ps->app->db, ps->app->forms, "household", &hh, today, 1);
		snprintf(title, sizeof title, "家庭成员（%d 人）", members.n);
		textview_add_styled(&tb->tv, title, ROLE_HEADER);
		sb_init(&sb);
		for (i = 0; i < members.n; i++) {
			sb_reset(&sb);
			ptab_member_line(ps, &members.rows[i], &sb);
			textview_add_field(&tb->tv, rec_get(&members.rows[i], "name"), sb_str(&sb));
		}
		sb_free(&sb);
	}
	rec_clear(&hh);
	children_free(&members);
}

/* A list tab: the child rows in memory, with the form's labels as headers. */
static void
ptab_load_rows(struct person_screen *ps, struct ptab *tb)
{
	const struct ptab_spec *sp = &ptab_specs[tb->idx];
	struct list_source src = { tb, ptab_rows_fetch, ptab_rows_count, NULL };
	bf_error err;
	int c;

	if (children_load(ps->app->db, ps->pid, sp->table, PT_MAXROWS, &tb->rows, &err) != BF_OK)
		snprintf(tb->error, sizeof tb->error, "%s", err.msg);
	for (c = 0; c < PT_MAXCOLS && sp->cols[c].column != NULL; c++) {
		tb->cols[c].header = sp->cols[c].header != NULL ? sp->cols[c].header :
		    pfield_label(ps->app->forms, sp->form, sp->table, sp->cols[c].column);
		tb->cols[c].width = sp->cols[c].width;
		tb->cols[c].align = LV_LEFT;
	}
	listview_init(&tb->lv, tb->cols, c, &src);
	listview_reload(&tb->lv);
}

/* The change history: paged from the store as the list scrolls. */
static void
ptab_load_history(struct person_screen *ps, struct ptab *tb)
{
	struct list_source src = { tb, ptab_history_fetch, ptab_history_count, NULL };

	(void)ps;
	listview_init(&tb->lv, ptab_history_cols,
	    (int)(sizeof ptab_history_cols / sizeof ptab_history_cols[0]), &src);
	listview_reload(&tb->lv);
}

/* Loaders by tab kind. */
static void (*const ptab_loaders[])(struct person_screen *, struct ptab *) = {
	[PT_BASIC] = ptab_load_basic,
	[PT_HOUSEHOLD] = ptab_load_household,
	[PT_ROWS] = ptab_load_rows,
	[PT_HISTORY] = ptab_load_history,
};

/* Load tab i if it is not loaded yet. */
static void
ptab_ensure(struct person_screen *ps, int i)
{
	struct ptab *tb = &ps->tab[i];

	if (tb->loaded)
		return;
	tb->loaded = 1;
	tb->error[0] = '\0';
	ptab_loaders[ptab_specs[i].kind](ps, tb);
}

/* Drop what tab i holds; it loads again when next shown. */
static void
ptab_unload(struct ptab *tb)
{
	enum ptab_kind k = ptab_specs[tb->idx].kind;

	if (tb->loaded && (k == PT_ROWS || k == PT_HISTORY))
		listview_free(&tb->lv);
	children_free(&tb->rows);
	textview_free(&tb->tv);
	tb->loaded = 0;
	tb->error[0] = '\0';
}

/* ---- detail views ---------------------------------------------------- */

/* A plan's measures with how much of each has been delivered. */
static void
person_detail_measures(struct person_screen *ps, const struct rec *plan)
{
	struct children m;
	bf_error err;
	char line[256];
	char *type;
	int i;

	children_init(&m);
	if (children_measures(ps->app->db, ps->pid, plan->id, 100, &m, &err) != BF_OK) {
		textview_add_text(&ps->dv, err.msg);
		return;
	}
	pwork_plan_progress(ps->app, ps->pid, plan->id, line, sizeof line);
	textview_add_field(&ps->dv, "总体进度", line[0] ? line : "（没有措施）");
	textview_add_styled(&ps->dv, "帮扶措施", ROLE_HEADER);
	if (m.n == 0)
		textview_add_text(&ps->dv, "（没有措施）");
	for (i = 0; i < m.n; i++) {
		const struct rec *r = &m.rows[i];

		type = pfield_display(ps->app->db,
		    pfield_find(ps->app->forms, "plan", "plan_measure", "type"), rec_get(r, "type"));
		snprintf(line, sizeof line, "已完成 %s / 计划 %s 次%s%s",
		    rec_get(r, "delivered") != NULL ? rec_get(r, "delivered") : "0",
		    rec_get(r, "target_count") != NULL ? rec_get(r, "target_count") : "?",
		    rec_get(r, "due_on") != NULL ? "，截止 " : "",
		    rec_get(r, "due_on") != NULL ? rec_get(r, "due_on") : "");
		textview_add_field(&ps->dv, type, line);
		free(type);
	}
	children_free(&m);
}

/* Open the selected child row: all its fields. */
static void
person_detail_row(struct person_screen *ps, struct ptab *tb, const struct list_row *row)
{
	const struct ptab_spec *sp = &ptab_specs[tb->idx];
	const struct rec *r;
	char today[11];

	if (row->key.id < 0 || row->key.id >= tb->rows.n)
		return;
	r = &tb->rows.rows[row->key.id];
	person_today(ps, today);
	textview_clear(&ps->dv);
	snprintf(ps->detail_title, sizeof ps->detail_title, "%s：%s", sp->label,
	    row->cells[0] != NULL ? row->cells[0] : "");
	/* A plan shows its progress first, then its own fields. */
	if (strcmp(sp->table, "plan") == 0)
		person_detail_measures(ps, r);
	pfield_rec_view(&ps->dv, ps->app->db, ps->app->forms, sp->form, r, today, 1);
	ps->detail = 1;
}

/* Columns a diff does not show: which person or plan a row belongs to is known here. */
static const char *const person_diff_hidden[] = { "person_id", "plan_id", NULL };

/* One changed field as "before → after" (for an insert or delete: the one value). */
static void
person_detail_change(struct person_screen *ps, const char *table, int update,
    const struct history_change *c)
{
	const struct form_field *f = pfield_find(ps->app->forms, NULL, table, c->column);
	char *b, *a, *line;
	int i;

	for (i = 0; person_diff_hidden[i] != NULL; i++)
		if (strcmp(person_diff_hidden[i], c->column) == 0)
			return;
	b = pfield_display(ps->app->db, f, c->before);
	a = pfield_display(ps->app->db, f, c->after);
	if (!update && c->before == NULL)
		line = xasprintf("%s", a);
	else if (!update && c->after == NULL)
		line = xasprintf("%s（已删除）", b);
	else
		line = xasprintf("%s → %s", b[0] != '\0' ? b : "（空）", a[0] != '\0' ? a : "（空）");
	textview_add_field(&ps->dv, pfield_label(ps->app->forms, NULL, table, c->column), line);
	free(line);
	free(a);
	free(b);
}

/* Open the selected history entry: the fields it changed, labelled. */
static void
person_detail_history(struct person_screen *ps, const struct list_row *row)
{
	struct history_change *c;
	size_t n, i;
	bf_error err;

	textview_clear(&ps->dv);
	snprintf(ps->detail_title, sizeof ps->detail_title, "%s  %s  %s  %s",
	    row->cells[0], row->cells[1], row->cells[2], row->cells[3]);
	if (history_changes(ps->app->db, ps->pid, row->key.id, &c, &n, &err) != BF_OK) {
		textview_add_text(&ps->dv, err.msg);
	} else {
		if (n == 0)
			textview_add_text(&ps->dv, "（没有字段变化）");
		for (i = 0; i < n; i++)
			person_detail_change(ps, row->key.sort, row->key.num == 1, &c[i]);
		history_changes_free(c, n);
	}
	ps->detail = 1;
}

/* Enter on a list tab. */
static int
person_open(struct person_screen *ps)
{
	int cur = tabs_current(&ps->tabs);
	struct ptab *tb = &ps->tab[cur];
	const struct list_row *row;

	if (ps->detail || !tb->loaded ||
	    (ptab_specs[cur].kind != PT_ROWS && ptab_specs[cur].kind != PT_HISTORY))
		return 0;
	if ((row = listview_selected(&tb->lv)) == NULL)
		return 1;
	if (ptab_specs[cur].kind == PT_HISTORY)
		person_detail_history(ps, row);
	else
		person_detail_row(ps, tb, row);
	return 1;
}

/* ---- drawing --------------------------------------------------------- */

/* The sex as a word: the person form's label, else 男/女. */
static char *
person_sex(struct person_screen *ps)
{
	const char *sex = rec_get(&ps->person, "sex");
	const struct form_field *f = pfield_find(ps->app->forms, "person", "person", "sex");

	if (f != NULL)
		return pfield_display(ps->app->db, f, sex);
	return xstrdup(sex == NULL ? "" : strcmp(sex, "1") == 0 ? "男" :
	    strcmp(sex, "2") == 0 ? "女" : sex);
}

/* Header: 姓名 性别 年龄 身份证号 社区 状态. */
static void
person_draw_header(struct person_screen *ps, struct tui *t, int y)
{
	const char *cid = rec_get(&ps->person, "citizen_id"), *st = rec_get(&ps->person, "status");
	char today[11], id[32], age[16];
	enum case_status cs;
	char *sex = person_sex(ps), *line;
	int a;

	person_today(ps, today);
	a = pfield_age(rec_get(&ps->person, "birth_date"), today);
	if (a >= 0)
		snprintf(age, sizeof age, "%d 岁", a);
	else
		age[0] = '\0';
	if (ps->revealed)
		snprintf(id, sizeof id, "%s", cid != NULL ? cid : "");
	else
		idcard_mask(cid != NULL ? cid : "", id, sizeof id);
	line = xasprintf("%s  %s  %s  %s  %s  %s",
	    rec_get(&ps->person, "name") != NULL ? rec_get(&ps->person, "name") : "", sex, age, id,
	    ps->community,
	    st != NULL && case_status_from_code(st, &cs) == BF_OK ? case_status_label(cs) : "");
	a = draw_text_cut(stdscr, y, 0, t->cols, line, theme_attr(ROLE_HEADER));
	free(line);
	/* The warning first; else when the next follow-up is due (late ones stand out). */
	if (ps->warning[0] != '\0')
		line = xasprintf("【预警】已连续 6 个月未联系");
	else if (ps->next_due[0] != '\0')
		line = xasprintf("%s %s", strcmp(ps->next_due, today) < 0 ? "回访逾期" : "下次回访",
		    ps->next_due);
	else
		line = xstrdup("");
	if (line[0] != '\0' && a + 4 < t->cols)
		draw_text_cut(stdscr, y, a + 2, t->cols - a - 2, line,
		    theme_attr(ps->warning[0] != '\0' || strcmp(ps->next_due, today) < 0 ?
		    ROLE_WARNING : ROLE_HEADER));
	free(line);
	free(sex);
}

/* The screen: header, tabs, then the tab's content or the open detail. */
static void
person_draw(struct screen *s, struct tui *t)
{
	struct person_screen *ps = (struct person_screen *)s;
	int cur = tabs_current(&ps->tabs), y = 3, h = t->rows - 3 - y + 1;
	struct ptab *tb = &ps->tab[cur];

	person_keys_sync(ps);
	person_draw_header(ps, t, 1);
	tabs_draw(&ps->tabs, stdscr, 2, 0, t->cols);
	if (h < 1)
		return;
	if (ps->detail) {
		draw_text_cut(stdscr, y, 0, t->cols, ps->detail_title, theme_attr(ROLE_HEADER));
		textview_draw(&ps->dv, stdscr, y + 1, 0, h - 1, t->cols);
		return;
	}
	ptab_ensure(ps, cur);
	if (tb->error[0] != '\0' && ptab_specs[cur].kind != PT_HISTORY) {
		draw_text_cut(stdscr, y, 0, t->cols, tb->error, theme_attr(ROLE_STATUS_ERROR));
		y++;
		h--;
	}
	switch (ptab_specs[cur].kind) {
	case PT_BASIC:
	case PT_HOUSEHOLD:
		textview_draw(&tb->tv, stdscr, y, 0, h, t->cols);
		break;
	case PT_ROWS:
	case PT_HISTORY:
		listview_draw(&tb->lv, stdscr, y, 0, h, t->cols);
		if (tb->lv.error && tb->error[0] != '\0')
			draw_text_cut(stdscr, y + 1, 0, t->cols, tb->error,
			    theme_attr(ROLE_STATUS_ERROR));
		break;
	}
}

/* ---- input ----------------------------------------------------------- */

/* Show the full citizen ID (recorded in the audit log) or mask it again. */
static void
person_reveal(struct person_screen *ps, struct tui *t)
{
	bf_error err;

	if (ps->revealed) {
		ps->revealed = 0;
		return;
	}
	if (history_log_view(ps->app->db, ps->pid, PT_SHOWN_ID, &err) != BF_OK) {
		tui_message(t, MSG_ERROR, "%s", err.msg);
		return;
	}
	ps->revealed = 1;
	tui_message(t, MSG_INFO, "已显示完整身份证号，本次查看已记入审计日志");
	if (ps->tab[PT_NTABS - 1].loaded)
		listview_reload(&ps->tab[PT_NTABS - 1].lv);
}

/* The stored row under the cursor of tab i (a list of child rows), or NULL. */
static const struct rec *
person_selected(struct person_screen *ps, int i)
{
	struct ptab *tb = &ps->tab[i];
	const struct list_row *row;

	if (ptab_specs[i].kind != PT_ROWS)
		return NULL;
	ptab_ensure(ps, i);
	if ((row = listview_selected(&tb->lv)) == NULL || row->key.id < 0 ||
	    row->key.id >= tb->rows.n)
		return NULL;
	return &tb->rows.rows[row->key.id];
}

/* Ask the hook to edit the current tab's form. */
static void
person_edit(struct person_screen *ps, struct tui *t)
{
	const struct rec *plan;
	int64_t hh[4];
	bf_error err;
	int nh;

	if (ps->hooks.edit == NULL) {
		tui_message(t, MSG_ERROR, "此处不能修改");
		return;
	}
	/* 帮扶计划: the selected plan's own fields (its measures: m; a new plan: n). */
	if (tabs_current(&ps->tabs) == PT_TAB_PLAN && ps->hooks.edit_row != NULL &&
	    (plan = person_selected(ps, PT_TAB_PLAN)) != NULL) {
		ps->hooks.edit_row(ps->hooks.ctx, t, ps->pid, "plan", plan->id, NULL);
		return;
	}
	/* A household on file is edited, not entered again (its members: m). */
	if (tabs_current(&ps->tabs) == PT_TAB_HOUSEHOLD && ps->hooks.edit_row != NULL &&
	    casework_households_of(ps->app->db, ps->pid, hh, 4, &nh, &err) == BF_OK && nh > 0) {
		ps->hooks.edit_row(ps->hooks.ctx, t, ps->pid, "household", hh[0], NULL);
		return;
	}
	ps->hooks.edit(ps->hooks.ctx, t, ps->pid, ptab_specs[tabs_current(&ps->tabs)].form);
}

/* Open the editor over the selected row with a field preset to today. */
static void
person_edit_row(struct person_screen *ps, struct tui *t, const struct rec *r, const char *preset)
{
	const char *presets[3];
	char today[11];

	if (r == NULL) {
		tui_message(t, MSG_ERROR, "请先选择一行");
		return;
	}
	if (ps->hooks.edit_row == NULL) {
		tui_message(t, MSG_ERROR, "此处不能修改");
		return;
	}
	person_today(ps, today);
	presets[0] = preset;
	presets[1] = today;
	presets[2] = NULL;
	ps->hooks.edit_row(ps->hooks.ctx, t, ps->pid, ptab_specs[tabs_current(&ps->tabs)].form, r->id,
	    presets);
}

/*
 * `s` and `m` on 帮扶计划: pick a measure of the selected plan, then
 * (serve) a new service counted toward it, or (edit) the measure in its
 * own form; edit also offers a new measure for the plan.
 */
static void
person_measure(struct person_screen *ps, struct tui *t, const struct rec *plan, int serve)
{
	static const char *const new_label = "新增一项措施";
	struct children m;
	struct select_item *items;
	struct select sel;
	char (*labels)[128], idbuf[24];
	const char *presets[5], *st;
	bf_error err;
	char *type;
	int i, k = -1, n;

	if (plan == NULL || ps->hooks.edit_row == NULL) {
		tui_message(t, MSG_ERROR, plan == NULL ? "请先选择一个计划" : "此处不能修改");
		return;
	}
	st = rec_get(plan, "status");
	if (st == NULL || (serve && strcmp(st, "active") != 0) ||
	    (!serve && strcmp(st, "active") != 0 && strcmp(st, "draft") != 0)) {
		tui_message(t, MSG_ERROR, serve ? "只有执行中的计划才能计入服务（草稿请先按 a 生效）" :
		    "已完成或已修订的计划不能再改措施");
		return;
	}
	children_init(&m);
	if (children_measures(ps->app->db, ps->pid, plan->id, 100, &m, &err) != BF_OK) {
		tui_message(t, MSG_ERROR, "%s", err.msg);
		return;
	}
	if (serve && m.n == 0) {
		tui_message(t, MSG_ERROR, "此计划没有措施");
		children_free(&m);
		return;
	}
	items = xcalloc((size_t)m.n + 1, sizeof *items);
	labels = xcalloc((size_t)m.n + 1, sizeof *labels);
	for (i = 0; i < m.n; i++) {
		type = pfield_display(ps->app->db,
		    pfield_find(ps->app->forms, "plan", "plan_measure", "type"), rec_get(&m.rows[i], "type"));
		snprintf(labels[i], sizeof labels[i], "%s  已完成 %s / 计划 %s 次%s%s", type,
		    rec_get(&m.rows[i], "delivered") != NULL ? rec_get(&m.rows[i], "delivered") : "0",
		    rec_get(&m.rows[i], "target_count") != NULL ? rec_get(&m.rows[i], "target_count") : "?",
		    rec_get(&m.rows[i], "due_on") != NULL ? "，截止 " : "",
		    rec_get(&m.rows[i], "due_on") != NULL ? rec_get(&m.rows[i], "due_on") : "");
		free(type);
		items[i] = (struct select_item){ rec_get(&m.rows[i], "type"), labels[i], 0 };
	}
	n = m.n;
	if (!serve)
		items[n++] = (struct select_item){ "+", new_label, 0 };
	select_init(&sel, serve ? "登记服务：计入哪项措施" : "修改措施（或新增一项）", items, n, 0);
	if (select_run(t, &sel) == SELECT_PICKED)
		k = select_picked(&sel);
	select_free(&sel);
	if (k >= 0 && serve) {
		snprintf(idbuf, sizeof idbuf, "%lld", (long long)m.rows[k].id);
		presets[0] = "type";
		presets[1] = rec_get(&m.rows[k], "type");
		presets[2] = "measure_id";
		presets[3] = idbuf;
		presets[4] = NULL;
		ps->hooks.edit_row(ps->hooks.ctx, t, ps->pid, "service", 0, presets);
	} else if (k >= 0) {
		snprintf(idbuf, sizeof idbuf, "%lld", (long long)plan->id);
		presets[0] = "plan_id";
		presets[1] = idbuf;
		presets[2] = NULL;
		ps->hooks.edit_row(ps->hooks.ctx, t, ps->pid, "plan_measure", k < m.n ? m.rows[k].id : 0,
		    presets);
	}
	free(labels);
	free(items);
	children_free(&m);
}

/* `m` on 家庭: pick a member of the person's household to edit, or add one. */
static void
person_member(struct person_screen *ps, struct tui *t)
{
	static const char *const new_label = "新增一名成员";
	struct children m;
	struct select_item *items;
	struct select sel;
	const char *presets[3];
	char idbuf[24];
	int64_t hh[4];
	bf_error err;
	int i, k = -1, nh;

	if (ps->hooks.edit_row == NULL) {
		tui_message(t, MSG_ERROR, "此处不能修改");
		return;
	}
	if (casework_households_of(ps->app->db, ps->pid, hh, 4, &nh, &err) != BF_OK || nh == 0) {
		tui_message(t, MSG_ERROR, "%s", nh == 0 ? "尚未登记家庭情况（按 e 登记）" : err.msg);
		return;
	}
	children_init(&m);
	if (casework_members(ps->app->db, hh[0], &m, &err) != BF_OK) {
		tui_message(t, MSG_ERROR, "%s", err.msg);
		return;
	}
	items = xcalloc((size_t)m.n + 1, sizeof *items);
	for (i = 0; i < m.n; i++)
		items[i] = (struct select_item){ rec_get(&m.rows[i], "relation") != NULL ?
		    rec_get(&m.rows[i], "relation") : "", rec_get(&m.rows[i], "name"), 0 };
	items[m.n] = (struct select_item){ "+", new_label, 0 };
	select_init(&sel, "修改家庭成员（或新增一名）", items, m.n + 1, 0);
	if (select_run(t, &sel) == SELECT_PICKED)
		k = select_picked(&sel);
	select_free(&sel);
	if (k >= 0) {
		snprintf(idbuf, sizeof idbuf, "%lld", (long long)hh[0]);
		presets[0] = "household_id";
		presets[1] = idbuf;
		presets[2] = NULL;
		ps->hooks.edit_row(ps->hooks.ctx, t, ps->pid, "household_member",
		    k < m.n ? m.rows[k].id : 0, presets);
	}
	free(items);
	children_free(&m);
}

/*
 * The case-work keys (see person.h), by tab; returns 1 when handled.
 * *changed is set when the file changed and must be read again.
 */
static int
person_work(struct person_screen *ps, struct tui *t, enum action a, int *changed)
{
	int cur = tabs_current(&ps->tabs);
	const struct rec *r = person_selected(ps, cur);

	*changed = 0;
	switch (a) {
	case ACT_STATUS:
		*changed = pwork_status(t, ps->app, ps->pid);
		return 1;
	case ACT_NEW:
		if (cur == PT_TAB_PLAN)
			*changed = pwork_plan_new(t, ps->app, ps->pid);
		else
			person_edit(ps, t);
		return 1;
	case ACT_ACCEPT:
		if (cur == PT_TAB_CATEGORY)
			*changed = pwork_category_accept(t, ps->app, ps->pid);
		else if (cur == PT_TAB_PLAN)
			*changed = pwork_plan_advance(t, ps->app, r);
		else
			return 0;
		return 1;
	case ACT_REVISE:
		if (cur != PT_TAB_PLAN)
			return 0;
		*changed = pwork_plan_revise(t, ps->app, r);
		return 1;
	case ACT_FINISH:
		if (cur == PT_TAB_CATEGORY)
			*changed = pwork_category_end(t, ps->app, r);
		else if (cur == PT_TAB_FOLLOWUP)
			person_edit_row(ps, t, r, "done_on");
		else if (cur == PT_TAB_EMPLOYMENT)
			person_edit_row(ps, t, r, "ended_on");
		else
			return 0;
		return 1;
	case ACT_SERVE:
	case ACT_MEASURES:
		if (a == ACT_MEASURES && cur == PT_TAB_HOUSEHOLD) {
			person_member(ps, t);
			return 1;
		}
		if (cur != PT_TAB_PLAN)
			return 0;
		person_measure(ps, t, r, a == ACT_SERVE);
		return 1;
	case ACT_CONFIRM:
		if (cur != PT_TAB_HOUSEHOLD)
			return 0;
		*changed = pwork_household_confirm(t, ps->app, ps->pid);
		return 1;
	default:
		return 0;
	}
}

/* Actions from the key table. */
static int
person_action(struct screen *s, struct tui *t, enum action a)
{
	struct person_screen *ps = (struct person_screen *)s;
	int cur = tabs_current(&ps->tabs);
	struct ptab *tb = &ps->tab[cur];
	int changed;

	if (!ps->detail && person_work(ps, t, a, &changed)) {
		if (changed)
			s->ops->resume(s, t);
		return 1;
	}
	switch (a) {
	case ACT_NEXT_TAB:
	case ACT_PREV_TAB:
		ps->detail = 0;
		return tabs_action(&ps->tabs, a);
	case ACT_OPEN:
		return person_open(ps);
	case ACT_BACK:
		if (!ps->detail)
			return 0;
		ps->detail = 0;
		return 1;
	case ACT_EDIT:
		person_edit(ps, t);
		return 1;
	case ACT_REVEAL:
		person_reveal(ps, t);
		return 1;
	case ACT_TRANSFER:
		if (ps->transfer == NULL)
			return 0;
		ps->transfer(ps->transfer_ctx, t, ps->pid);
		s->ops->resume(s, t);
		return 1;
	case ACT_REFRESH:
		s->ops->resume(s, t);
		return 0;	/* the loop still repaints the terminal */
	case ACT_UP:
	case ACT_DOWN:
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
	case ACT_FIRST:
	case ACT_LAST:
		if (ps->detail)
			return textview_action(&ps->dv, a);
		ptab_ensure(ps, cur);
		if (ptab_specs[cur].kind == PT_ROWS || ptab_specs[cur].kind == PT_HISTORY)
			return listview_action(&tb->lv, a);
		return textview_action(&tb->tv, a);
	default:
		return 0;
	}
}

/* Keys the table does not bind: digits 1-8 jump to a tab. */
static int
person_key(struct screen *s, struct tui *t, const struct key *k)
{
	struct person_screen *ps = (struct person_screen *)s;

	(void)t;
	if (k->special != 0 || k->ch < '1' || k->ch > '9')
		return 0;
	if (!tabs_key(&ps->tabs, k))
		return 0;
	ps->detail = 0;
	return 1;
}

/* A click on a tab switches to it; on a list row selects it. */
static int
person_click(struct screen *s, struct tui *t, int y, int x)
{
	struct person_screen *ps = (struct person_screen *)s;
	int cur = tabs_current(&ps->tabs);

	(void)t;
	if (tabs_click(&ps->tabs, y, x)) {
		ps->detail = 0;
		return 1;
	}
	if (!ps->detail && ps->tab[cur].loaded &&
	    (ptab_specs[cur].kind == PT_ROWS || ptab_specs[cur].kind == PT_HISTORY))
		return listview_click(&ps->tab[cur].lv, y, x);
	return 0;
}

/* Back on top (after an edit): read everything again. */
static void
person_resume(struct screen *s, struct tui *t)
{
	struct person_screen *ps = (struct person_screen *)s;
	bf_error err;
	int i;

	for (i = 0; i < PT_NTABS; i++)
		ptab_unload(&ps->tab[i]);
	ps->detail = 0;
	if (person_load(ps, &err) != BF_OK)
		tui_message(t, MSG_ERROR, "%s", err.msg);
}

/* Free the screen. */
static void
person_destroy(struct screen *s)
{
	struct person_screen *ps = (struct person_screen *)s;
	int i;

	for (i = 0; i < PT_NTABS; i++)
		ptab_unload(&ps->tab[i]);
	textview_free(&ps->dv);
	rec_clear(&ps->person);
	free(ps);
}

static const struct screen_ops person_ops = {
	"person",
	person_draw,
	person_action,
	person_key,
	person_click,
	NULL,
	person_resume,
	person_destroy,
};

/* The person file screen (see person.h). */
struct screen *
person_screen_new(struct app_session *s, int64_t person_id, const struct person_hooks *hooks,
    bf_error *err)
{
	struct person_screen *ps = xcalloc(1, sizeof *ps);
	int i;

	ps->base.ops = &person_ops;
	person_keys_init(ps);
	ps->base.keys = ps->keys[0];
	ps->base.cursor_y = ps->base.cursor_x = -1;
	ps->app = s;
	ps->pid = person_id;
	if (hooks != NULL)
		ps->hooks = *hooks;
	rec_init(&ps->person, "person");
	textview_init(&ps->dv);
	for (i = 0; i < PT_NTABS; i++) {
		ps->labels[i] = ptab_specs[i].label;
		ps->tab[i].ps = ps;
		ps->tab[i].idx = i;
		children_init(&ps->tab[i].rows);
		textview_init(&ps->tab[i].tv);
	}
	tabs_init(&ps->tabs, ps->labels, PT_NTABS);
	if (person_load(ps, err) != BF_OK) {
		person_destroy(&ps->base);
		return NULL;
	}
	return &ps->base;
}

/* The current tab. */
int
person_screen_tab(const struct screen *s)
{
	return tabs_current(&((const struct person_screen *)s)->tabs);
}

/* Set what `t` does on this person screen. */
void
person_screen_set_transfer(struct screen *s, void (*fn)(void *ctx, struct tui *t, int64_t person_id),
    void *ctx)
{
	struct person_screen *ps = (struct person_screen *)s;

	ps->transfer = fn;
	ps->transfer_ctx = ctx;
}
