/*
 * caseload.c -- the caseload list screen: every person in the user's
 * scope in a virtual list paged from the store by keyset, with filters
 * (status, category, overdue follow-ups, community), two sort orders and
 * "/" incremental search (Chinese name, pinyin initials, ID tail, phone)
 * that narrows the list as each character is typed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/session.h"
#include "core/casestate.h"
#include "core/category.h"
#include "core/date.h"
#include "store/caseload.h"
#include "store/db.h"
#include "store/orgunit.h"
#include "store/search.h"
#include "text/lineedit.h"
#include "tui/draw.h"
#include "tui/field.h"
#include "tui/listview.h"
#include "tui/screens.h"
#include "tui/select.h"
#include "tui/theme.h"
#include "util/xalloc.h"

#define CL_SEARCH_MAX	200
#define CL_PAGE_MAX	128
#define CL_ORGS_MAX	16384

enum { COL_NAME, COL_SEX, COL_AGE, COL_CAT, COL_COMM, COL_STATUS, COL_PLAN, COL_NEXT, COL_N };

static const struct listview_column cl_cols[COL_N] = {
	[COL_NAME] = { "姓名", 10, LV_LEFT },
	[COL_SEX] = { "性别", 4, LV_LEFT },
	[COL_AGE] = { "年龄", 4, LV_RIGHT },
	[COL_CAT] = { "类别", 12, LV_LEFT },
	[COL_COMM] = { "社区", 0, LV_LEFT },
	[COL_STATUS] = { "状态", 8, LV_LEFT },
	[COL_PLAN] = { "计划进度", 8, LV_RIGHT },
	[COL_NEXT] = { "下次回访", 11, LV_LEFT },
};

static const struct keybind cl_keys[] = {
	{ 0, '/', ACT_SEARCH, "/", "查找" },
	{ 0, 'f', ACT_FILTER, "f", "筛选" },
	{ 0, 's', ACT_SORT, "s", "排序" },
	{ 0, 'x', ACT_CLEAR_FILTER, "x", "清除筛选" },
	{ 0, 'n', ACT_NEW, "n", "新建" },
	{ KEY_ENTER, 0, ACT_OPEN, "Enter", "打开" },
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

/* While "/" search is active, typing goes to the query. */
static const struct keybind cl_search_keys[] = {
	{ KEY_ENTER, 0, ACT_OPEN, "Enter", "打开" },
	{ KEY_UP, 0, ACT_UP, "Up", NULL },
	{ KEY_DOWN, 0, ACT_DOWN, "Down", NULL },
	{ KEY_PPAGE, 0, ACT_PAGE_UP, "PgUp", NULL },
	{ KEY_NPAGE, 0, ACT_PAGE_DOWN, "PgDn", NULL },
	{ 0, KEY_ESC_CHAR, ACT_CANCEL, "Esc", "结束查找" },
	{ KEY_F(1), 0, ACT_HELP, "F1", "帮助" },
	{ 0, 0, ACT_NONE, NULL, NULL }
};

struct caseload_screen {
	struct screen		 base;
	struct app_session	*app;
	struct caseload_filter	 filter;
	struct listview		 lv;
	/* search */
	int			 searching;	/* the query line has the keys */
	struct lineedit		 query;
	struct person_brief	*hits;		/* results of the current query */
	int			 nhits;
	char			 filter_text[256];
	char			 today[11];
};

/* "男"/"女". */
static const char *
cl_sex(const char *code)
{
	return code[0] == '1' ? "男" : code[0] == '2' ? "女" : "";
}

/* Age today from an ISO birth date, as text. */
static void
cl_age(const char *birth, const char *today, char *out, size_t len)
{
	bf_date b, t;
	bf_error err;

	out[0] = '\0';
	if (date_parse(birth, &b, &err) == BF_OK && date_parse(today, &t, &err) == BF_OK)
		snprintf(out, len, "%d", date_age(b, t));
}

/* Category codes "01,06" as short names "4050,高校毕业生". */
static void
cl_categories(const char *codes, char *out, size_t len)
{
	char buf[64], *save = NULL, *tok;
	const char *abbr;
	size_t used = 0;

	out[0] = '\0';
	snprintf(buf, sizeof buf, "%s", codes);
	for (tok = strtok_r(buf, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
		abbr = category_abbr(tok);
		used += (size_t)snprintf(out + used, used < len ? len - used : 0, "%s%s",
		    used ? "," : "", abbr != NULL ? abbr : tok);
		if (used >= len)
			break;
	}
}

/* The status label of a code. */
static const char *
cl_status(const char *code)
{
	enum case_status s;

	return case_status_from_code(code, &s) == BF_OK ? case_status_label(s) : code;
}

/* Fill a list row from a caseload row. */
static void
cl_fill(struct caseload_screen *cs, const struct caseload_row *r, struct list_row *out)
{
	char buf[64];

	out->key.id = r->key.id;
	snprintf(out->key.sort, sizeof out->key.sort, "%s", r->key.name_py);
	list_row_set(out, COL_NAME, r->p.name);
	list_row_set(out, COL_SEX, cl_sex(r->p.sex));
	cl_age(r->p.birth_date, cs->today, buf, sizeof buf);
	list_row_set(out, COL_AGE, buf);
	cl_categories(r->categories, buf, sizeof buf);
	list_row_set(out, COL_CAT, buf);
	list_row_set(out, COL_COMM, r->p.community);
	list_row_set(out, COL_STATUS, cl_status(r->p.status));
	if (r->measures_planned > 0)
		snprintf(buf, sizeof buf, "%d/%d", r->measures_done, r->measures_planned);
	else
		snprintf(buf, sizeof buf, "—");
	list_row_set(out, COL_PLAN, buf);
	if (r->next_followup[0] != '\0' && strcmp(r->next_followup, cs->today) < 0)
		snprintf(buf, sizeof buf, "!%s", r->next_followup);
	else
		snprintf(buf, sizeof buf, "%s", r->next_followup);
	list_row_set(out, COL_NEXT, buf);
}

/* list_source.fetch over the store's caseload pages. */
static int
cl_fetch(void *ctx, const struct list_key *from, enum list_dir dir, int limit,
    struct list_row *out)
{
	struct caseload_screen *cs = ctx;
	struct caseload_row rows[CL_PAGE_MAX];
	struct caseload_key key;
	bf_error err;
	int n, i;

	if (limit > CL_PAGE_MAX)
		limit = CL_PAGE_MAX;
	if (from != NULL) {
		snprintf(key.name_py, sizeof key.name_py, "%s", from->sort);
		key.id = from->id;
	}
	if (caseload_page(cs->app->db, &cs->filter, from != NULL ? &key : NULL,
	    dir == LIST_AFTER, rows, limit, &n, &err) != BF_OK)
		return -1;
	/* LIST_BEFORE wants nearest first; the store returns list order. */
	for (i = 0; i < n; i++)
		cl_fill(cs, &rows[dir == LIST_AFTER ? i : n - 1 - i], &out[i]);
	return n;
}

/* list_source.fetch over the search hits (already all in memory, at most 200). */
static int
cl_fetch_hits(void *ctx, const struct list_key *from, enum list_dir dir, int limit,
    struct list_row *out)
{
	struct caseload_screen *cs = ctx;
	int start = 0, i, n = 0, step = dir == LIST_AFTER ? 1 : -1;
	char age[16];

	if (from != NULL) {
		for (start = 0; start < cs->nhits && cs->hits[start].id != from->id; start++)
			;
		if (start == cs->nhits)
			return 0;
		start += step;
	} else if (dir == LIST_BEFORE) {
		start = cs->nhits - 1;
	}
	for (i = start; i >= 0 && i < cs->nhits && n < limit; i += step, n++) {
		const struct person_brief *b = &cs->hits[i];

		out[n].key.id = b->id;
		out[n].key.num = i;
		list_row_set(&out[n], COL_NAME, b->name);
		list_row_set(&out[n], COL_SEX, cl_sex(b->sex));
		cl_age(b->birth_date, cs->today, age, sizeof age);
		list_row_set(&out[n], COL_AGE, age);
		list_row_set(&out[n], COL_CAT, "");
		list_row_set(&out[n], COL_COMM, b->community);
		list_row_set(&out[n], COL_STATUS, cl_status(b->status));
		list_row_set(&out[n], COL_PLAN, "");
		list_row_set(&out[n], COL_NEXT, "");
	}
	return n;
}

/* Count for the position hint: known for search results only (a full count is not per-keypress work). */
static long
cl_count_hits(void *ctx)
{
	return ((struct caseload_screen *)ctx)->nhits;
}

/* Describe the filters for the line above the list. */
static void
cl_describe(struct caseload_screen *cs)
{
	struct org_unit u;
	bf_error err;
	size_t n = 0;
	char *p = cs->filter_text;
	size_t len = sizeof cs->filter_text;

	n += (size_t)snprintf(p + n, len - n, "%s", caseload_sort_label(cs->filter.sort));
	if (cs->filter.status[0] != '\0')
		n += (size_t)snprintf(p + n, len - n, "  状态：%s",
		    strcmp(cs->filter.status, "open") == 0 ? "未退出" : cl_status(cs->filter.status));
	if (cs->filter.category[0] != '\0' && n < len)
		n += (size_t)snprintf(p + n, len - n, "  类别：%s",
		    category_abbr(cs->filter.category) ? category_abbr(cs->filter.category)
		    : cs->filter.category);
	if (cs->filter.org[0] != '\0' && n < len &&
	    orgunit_get(cs->app->db, cs->filter.org, &u, &err) == BF_OK)
		n += (size_t)snprintf(p + n, len - n, "  单位：%s", u.name);
	if (cs->filter.overdue && n < len)
		snprintf(p + n, len - n, "  仅逾期回访");
}

/* Point the list at the caseload or at the search hits. */
static void
cl_set_source(struct caseload_screen *cs, int hits)
{
	struct list_source src;

	memset(&src, 0, sizeof src);
	src.ctx = cs;
	src.fetch = hits ? cl_fetch_hits : cl_fetch;
	src.count = hits ? cl_count_hits : NULL;
	listview_free(&cs->lv);
	listview_init(&cs->lv, cl_cols, COL_N, &src);
	cl_describe(cs);	/* once per change of filter, not on every redraw */
}


/* Run the query typed so far. */
static void
cl_search(struct caseload_screen *cs, struct tui *t)
{
	char *q = lineedit_text(&cs->query);
	bf_error err;

	if (search_persons(cs->app->db, q, cs->hits, CL_SEARCH_MAX, &cs->nhits, &err) != BF_OK) {
		cs->nhits = 0;
		tui_message(t, MSG_ERROR, "%s", err.msg);
	} else {
		char norm[128];
		enum search_kind k = search_classify(q, norm, sizeof norm);

		if (k != SEARCH_NONE)
			tui_message(t, MSG_INFO, "按%s查找：找到 %d 人%s", search_kind_label(k),
			    cs->nhits, cs->nhits == CL_SEARCH_MAX ? "以上，请输入更多" : "");
	}
	free(q);
	cl_set_source(cs, 1);
}

/* Leave search mode, back to the filtered caseload. */
static void
cl_search_end(struct caseload_screen *cs)
{
	cs->searching = 0;
	cs->base.keys = cl_keys;
	lineedit_set(&cs->query, "");
	cs->nhits = 0;
	cl_set_source(cs, 0);
}

/* Draw: filter line, optional query line, the list. */
static void
cl_draw(struct screen *s, struct tui *t)
{
	struct caseload_screen *cs = (struct caseload_screen *)s;
	int y = 1, h, cx = 0;
	char hint[128];

	if (cs->searching) {
		draw_text(stdscr, y, 0, 6, "查找：", theme_attr(ROLE_LABEL));
		field_draw(stdscr, y, 7, 30, &cs->query, theme_attr(ROLE_FIELD_FOCUS), 1, &cx);
		cs->base.cursor_y = y;
		cs->base.cursor_x = cx;
		draw_text(stdscr, y, 38, t->cols - 38, "姓名/拼音首字母/身份证尾号/手机号，Esc 结束",
		    theme_attr(ROLE_DIM));
	} else {
		draw_text_cut(stdscr, y, 0, t->cols - 24, cs->filter_text, theme_attr(ROLE_DIM));
	}
	h = tui_body_rows(t) - 1;
	listview_draw(&cs->lv, stdscr, y + 1, 0, h, t->cols);
	listview_hint(&cs->lv, hint, sizeof hint);
	if (!cs->searching)
		draw_text_right(stdscr, y, t->cols - 24, 24, hint, theme_attr(ROLE_DIM));
}

/* Open the selected person. */
static void
cl_open(struct caseload_screen *cs, struct tui *t)
{
	const struct list_row *r = listview_selected(&cs->lv);

	if (r == NULL) {
		tui_message(t, MSG_INFO, "没有选中的人员");
		return;
	}
	nav_open_person(t, r->key.id);
}

/* Choose a community (within the user's scope) to filter by. */
static void
cl_org_menu(struct caseload_screen *cs, struct tui *t)
{
	struct org_unit *orgs = xcalloc(CL_ORGS_MAX, sizeof *orgs);
	struct select_item *items;
	struct select sel;
	bf_error err;
	int n = 0, i, pick;

	if (orgunit_communities(cs->app->db, db_actor(cs->app->db)->org, orgs, CL_ORGS_MAX,
	    &n, &err) != BF_OK) {
		tui_message(t, MSG_ERROR, "%s", err.msg);
		free(orgs);
		return;
	}
	items = xcalloc((size_t)n + 1, sizeof *items);
	for (i = 0; i < n; i++)
		items[i] = (struct select_item){ orgs[i].code, orgs[i].name, 0 };
	select_init(&sel, "选择社区（可输入名称、拼音首字母或代码）", items, n, 0);
	if (select_run(t, &sel) == SELECT_PICKED && (pick = select_picked(&sel)) >= 0)
		snprintf(cs->filter.org, sizeof cs->filter.org, "%s", orgs[pick].code);
	select_free(&sel);
	free(items);
	free(orgs);
}

/* Items of the filter menu. */
enum cl_menu { MENU_STATUS, MENU_CATEGORY, MENU_OVERDUE, MENU_ORG, MENU_CLEAR };

/* f: choose a filter. */
static void
cl_filter_menu(struct caseload_screen *cs, struct tui *t)
{
	struct select_item items[64];
	char codes[64][24];
	int kinds[64], n = 0, pick;
	size_t ncat, i;
	const struct category_def *cats = category_defs(&ncat);
	struct select sel;

	for (i = 0; i < CASE_NSTATUS && n < 60; i++) {
		snprintf(codes[n], sizeof codes[n], "s%zu", i);
		items[n].code = codes[n];
		items[n].label = case_status_label((enum case_status)i);
		items[n].disabled = 0;
		kinds[n++] = MENU_STATUS;
	}
	snprintf(codes[n], sizeof codes[n], "open");
	items[n] = (struct select_item){ codes[n], "未退出（全部在册）", 0 };
	kinds[n++] = MENU_STATUS;
	for (i = 0; i < ncat && n < 60; i++) {
		snprintf(codes[n], sizeof codes[n], "c%s", cats[i].code);
		items[n] = (struct select_item){ codes[n], cats[i].label, 0 };
		kinds[n++] = MENU_CATEGORY;
	}
	items[n] = (struct select_item){ "od", "仅看逾期未回访", 0 };
	kinds[n++] = MENU_OVERDUE;
	items[n] = (struct select_item){ "org", "按社区或街道筛选…", 0 };
	kinds[n++] = MENU_ORG;
	items[n] = (struct select_item){ "x", "清除全部筛选", 0 };
	kinds[n++] = MENU_CLEAR;
	select_init(&sel, "筛选个案", items, n, 0);
	if (select_run(t, &sel) == SELECT_PICKED && (pick = select_picked(&sel)) >= 0) {
		switch (kinds[pick]) {
		case MENU_STATUS:
			if (strcmp(items[pick].code, "open") == 0)
				snprintf(cs->filter.status, sizeof cs->filter.status, "open");
			else
				snprintf(cs->filter.status, sizeof cs->filter.status, "%s",
				    case_status_code((enum case_status)atoi(items[pick].code + 1)));
			break;
		case MENU_CATEGORY:
			snprintf(cs->filter.category, sizeof cs->filter.category, "%s",
			    items[pick].code + 1);
			break;
		case MENU_OVERDUE:
			cs->filter.overdue = 1;
			break;
		case MENU_ORG:
			select_free(&sel);
			cl_org_menu(cs, t);
			cl_set_source(cs, 0);
			return;
		default:
			memset(&cs->filter, 0, sizeof cs->filter);
			break;
		}
		cl_set_source(cs, 0);
	}
	select_free(&sel);
}

/* Actions of the caseload screen. */
static int
cl_action(struct screen *s, struct tui *t, enum action a)
{
	struct caseload_screen *cs = (struct caseload_screen *)s;

	switch (a) {
	case ACT_OPEN:
		cl_open(cs, t);
		return 1;
	case ACT_SEARCH:
		cs->searching = 1;
		cs->base.keys = cl_search_keys;
		return 1;
	case ACT_CANCEL:
		cl_search_end(cs);
		return 1;
	case ACT_FILTER:
		cl_filter_menu(cs, t);
		return 1;
	case ACT_SORT:
		cs->filter.sort = (cs->filter.sort + 1) % CASELOAD_NSORT;
		cl_set_source(cs, 0);
		tui_message(t, MSG_INFO, "排序：%s", caseload_sort_label(cs->filter.sort));
		return 1;
	case ACT_CLEAR_FILTER:
		memset(&cs->filter, 0, sizeof cs->filter);
		cl_set_source(cs, 0);
		return 1;
	case ACT_NEW:
		nav_new_person(t);
		return 1;
	case ACT_REFRESH:
		listview_reload(&cs->lv);
		return 0;	/* the loop also repaints */
	default:
		return listview_action(&cs->lv, a);
	}
}

/* Typing: into the query while searching; "/" and letters otherwise go to the table. */
static int
cl_key(struct screen *s, struct tui *t, const struct key *k)
{
	struct caseload_screen *cs = (struct caseload_screen *)s;

	if (!cs->searching)
		return 0;
	if (field_key(&cs->query, k)) {
		cl_search(cs, t);
		return 1;
	}
	return 0;
}

/* A click selects a row; a click on the selected row opens it. */
static int
cl_click(struct screen *s, struct tui *t, int y, int x)
{
	struct caseload_screen *cs = (struct caseload_screen *)s;
	const struct list_row *before = listview_selected(&cs->lv);
	int64_t id = before != NULL ? before->key.id : -1;
	const struct list_row *after;

	if (!listview_click(&cs->lv, y, x))
		return 0;
	after = listview_selected(&cs->lv);
	if (after != NULL && after->key.id == id)
		nav_open_person(t, id);
	return 1;
}

/* Back from a person file: rows may have changed. */
static void
cl_resume(struct screen *s, struct tui *t)
{
	struct caseload_screen *cs = (struct caseload_screen *)s;

	(void)t;
	if (cs->searching)
		cl_search(cs, t);
	else
		listview_reload(&cs->lv);
}

/* Free the screen. */
static void
cl_destroy(struct screen *s)
{
	struct caseload_screen *cs = (struct caseload_screen *)s;

	listview_free(&cs->lv);
	lineedit_free(&cs->query);
	free(cs->hits);
	free(cs);
}

static const struct screen_ops cl_ops = {
	.name = "caseload",
	.draw = cl_draw,
	.action = cl_action,
	.key = cl_key,
	.click = cl_click,
	.resume = cl_resume,
	.destroy = cl_destroy,
};

/* A caseload screen with an optional starting filter. */
struct screen *
caseload_screen_new(struct tui *t, const struct caseload_filter *filter, int search_first)
{
	struct caseload_screen *cs = xcalloc(1, sizeof *cs);

	cs->base.ops = &cl_ops;
	cs->base.keys = cl_keys;
	snprintf(cs->base.title, sizeof cs->base.title, "个案列表");
	cs->app = t->app;
	if (filter != NULL)
		cs->filter = *filter;
	db_today(cs->app->db, cs->today);
	lineedit_init(&cs->query, 40);
	cs->hits = xcalloc(CL_SEARCH_MAX, sizeof *cs->hits);
	cl_set_source(cs, 0);
	if (search_first) {
		cs->searching = 1;
		cs->base.keys = cl_search_keys;
	}
	return &cs->base;
}
