/*
 * nav.c -- how screens open one another: the person file, a form of the
 * file in the editor, the caseload.  The only file that knows which
 * screen does what, so screens do not include each other, and the one
 * place where the editor's callbacks meet the app layer.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/draft.h"
#include "app/formrec.h"
#include "app/formsave.h"
#include "app/session.h"
#include "core/date.h"
#include "core/idcard.h"
#include "forms/eval.h"
#include "forms/model.h"
#include "forms/record.h"
#include "forms/value.h"
#include "store/caseload.h"
#include "store/db.h"
#include "store/orgunit.h"
#include "store/person.h"
#include "store/record.h"
#include "store/search.h"
#include "store/transfer.h"
#include "store/user.h"
#include "tui/formedit.h"
#include "tui/person.h"
#include "tui/prompt.h"
#include "tui/screens.h"
#include "tui/select.h"
#include "util/xalloc.h"

#define NAV_ORGS_MAX 16384
#define NAV_USERS_MAX 512

/* What an open editor needs to save where it belongs (freed with the editor). */
struct nav_edit {
	struct app_session	*app;
	const struct form	*form;
	struct formsave		 fs;
	int			 open_after;	/* open the person file once saved (new person) */
	int64_t			 draft_person;	/* the draft's key: person and record as opened */
	int64_t			 draft_record;
	int			 restored;	/* the editor starts from a draft */
	/* org_unit choices, loaded on first use */
	struct org_unit		*orgs;
	struct select_item	*org_items;
	int			 norgs;
	/* user choices (code = app_user.id), loaded on first use */
	struct user_row		*users;
	struct select_item	*user_items;
	char			(*user_ids)[24];
	int			 nusers;
};

static void nav_edit_form(void *ctx, struct tui *t, int64_t person_id, const char *form_name);
static void nav_transfer(void *ctx, struct tui *t, int64_t person_id);

/* formedit_ops.save */
static int
nav_save(void *ctx, struct form_record *rec, bf_error *err)
{
	struct nav_edit *e = ctx;
	bf_error ignored;
	int rc;

	rc = app_form_save(e->app, e->form, rec, &e->fs, err);
	if (rc == BF_OK)
		app_draft_discard(e->app, e->form->name, e->draft_person, e->draft_record, &ignored);
	return rc;
}

/* formedit_ops.draft: keep (or, rec NULL, forget) the unsaved values. */
static void
nav_draft(void *ctx, const struct form_record *rec)
{
	struct nav_edit *e = ctx;
	bf_error ignored;

	if (rec == NULL)
		app_draft_discard(e->app, e->form->name, e->draft_person, e->draft_record, &ignored);
	else
		app_draft_save(e->app, e->form->name, e->draft_person, e->draft_record,
		    e->fs.version, rec, &ignored);
}

/*
 * A draft of this form left by a dropped connection: offer it back.
 * Returns the record to edit (rec, or the draft in its place).
 */
static struct form_record *
nav_offer_draft(struct tui *t, struct nav_edit *e, struct form_record *rec)
{
	struct form_record *draft;
	char saved_at[20], question[160];
	int64_t version;
	bf_error err;

	if (app_draft_find(e->app, e->form->name, e->draft_person, e->draft_record, &draft,
	    &version, saved_at, &err) != BF_OK)
		return rec;
	snprintf(question, sizeof question, "发现未保存的草稿（%.16s），恢复？", saved_at);
	if (!tui_confirm(t, question)) {
		form_record_free(draft);
		app_draft_discard(e->app, e->form->name, e->draft_person, e->draft_record, &err);
		return rec;
	}
	/* Saved against the version it was typed on: a record changed since is a conflict. */
	if (e->fs.record_id != 0 && version > 0)
		e->fs.version = version;
	form_record_free(rec);
	e->restored = 1;
	tui_message(t, MSG_INFO, "已恢复 %.16s 的草稿，核对后按 F2 保存", saved_at);
	return draft;
}

/* formedit_ops.find_duplicate: is this citizen ID on file for someone else? */
static int
nav_find_duplicate(void *ctx, const struct form_field *f, const char *value, int64_t *id,
    char *desc, size_t desclen)
{
	struct nav_edit *e = ctx;
	struct person_brief hit;
	bf_error err;
	int n;

	(void)f;
	*id = 0;
	if (search_persons(e->app->db, value, &hit, 1, &n, &err) != BF_OK || n == 0)
		return 0;
	if (hit.id == e->fs.person_id)
		return 0;
	*id = hit.id;
	snprintf(desc, desclen, "%s，%s", hit.name, hit.community);
	return 1;
}

/* formedit_ops.open_existing */
static void
nav_open_existing(void *ctx, struct tui *t, int64_t id)
{
	(void)ctx;
	nav_open_person(t, id);
}

/* formedit_ops.saved: a new person's file opens once it is saved. */
static void
nav_saved(void *ctx, struct tui *t)
{
	struct nav_edit *e = ctx;

	if (e->open_after)
		nav_open_person(t, e->fs.person_id);
}

/* Active users for user fields, coded by app_user.id (the columns they fill hold the id). */
static int
nav_user_options(struct nav_edit *e, const struct select_item **items, int *n)
{
	bf_error err;
	int i, m = 0, total;

	if (e->users == NULL) {
		e->users = xcalloc(NAV_USERS_MAX, sizeof *e->users);
		if (user_list(e->app->db, e->users, NAV_USERS_MAX, &total, &err) != BF_OK)
			total = 0;
		e->user_items = xcalloc((size_t)total + 1, sizeof *e->user_items);
		e->user_ids = xcalloc((size_t)total + 1, sizeof *e->user_ids);
		for (i = 0; i < total; i++) {
			if (e->users[i].disabled)
				continue;
			snprintf(e->user_ids[m], sizeof e->user_ids[m], "%lld", (long long)e->users[i].id);
			e->user_items[m] = (struct select_item){ e->user_ids[m], e->users[i].name, 0 };
			m++;
		}
		e->nusers = m;
	}
	*items = e->user_items;
	*n = e->nusers;
	return e->nusers > 0 ? BF_OK : BF_ENOTFOUND;
}

/* formedit_ops.options: communities in the user's scope for org_unit fields. */
static int
nav_options(void *ctx, const struct form_field *f, const struct select_item **items, int *n)
{
	struct nav_edit *e = ctx;
	bf_error err;
	int i;

	if (f->type == FT_USER)
		return nav_user_options(e, items, n);
	if (f->type != FT_ORG_UNIT)
		return BF_ENOTFOUND;
	if (e->orgs == NULL) {
		e->orgs = xcalloc(NAV_ORGS_MAX, sizeof *e->orgs);
		if (orgunit_communities(e->app->db, db_actor(e->app->db)->org, e->orgs,
		    NAV_ORGS_MAX, &e->norgs, &err) != BF_OK)
			e->norgs = 0;
		e->org_items = xcalloc((size_t)e->norgs + 1, sizeof *e->org_items);
		for (i = 0; i < e->norgs; i++)
			e->org_items[i] = (struct select_item){ e->orgs[i].code, e->orgs[i].name, 0 };
	}
	*items = e->org_items;
	*n = e->norgs;
	return e->norgs > 0 ? BF_OK : BF_ENOTFOUND;
}

/* formedit_ops.release */
static void
nav_release(void *ctx)
{
	struct nav_edit *e = ctx;

	free(e->orgs);
	free(e->org_items);
	free(e->users);
	free(e->user_items);
	free(e->user_ids);
	free(e);
}

/* Today as a date. */
static bf_date
nav_today(struct tui *t)
{
	char today[11];
	bf_date d;
	bf_error err;

	db_today(t->app->db, today);
	if (date_parse(today, &d, &err) != BF_OK)
		memset(&d, 0, sizeof d);
	return d;
}

/*
 * Put the cursor on the first field the user still has to fill: on a
 * stored row opened to finish it (a follow-up marked done, a job ended)
 * that is the first required, visible, editable field left blank, not the
 * top of the form.  A form with nothing missing keeps its first field.
 */
static void
nav_focus_first_missing(struct screen *s, const struct form *f, bf_date today)
{
	const struct form_record *rec = formedit_record(s);
	const struct form_field *fld;
	size_t i;

	for (i = 0; i < f->nfields; i++) {
		fld = f->fields[i];
		if (fld->readonly || fld->derive != NULL || fld->type == FT_GROUP)
			continue;
		if (!form_is_visible(fld, rec, today) || !form_is_required(fld, rec, today))
			continue;
		if (!form_value_blank(form_record_get(rec, fld->id)))
			continue;
		formedit_set_focus(s, fld->id);
		return;
	}
}

/* Push the editor for form_name over rec (taken) with e (taken). */
static void
nav_push_editor(struct tui *t, struct nav_edit *e, struct form_record *rec, const char *title)
{
	struct formedit_ops ops;
	struct screen *s;
	int restored = e->restored;

	memset(&ops, 0, sizeof ops);
	ops.ctx = e;
	ops.save = nav_save;
	ops.find_duplicate = nav_find_duplicate;
	ops.open_existing = nav_open_existing;
	ops.saved = nav_saved;
	ops.options = nav_options;
	ops.release = nav_release;
	ops.draft = nav_draft;
	s = formedit_new(e->form, rec, &ops, title, nav_today(t));
	if (restored)
		formedit_mark_changed(s);	/* unsaved until F2, asked about on Esc */
	if (e->fs.record_id != 0)	/* a stored row: go to what is left to fill */
		nav_focus_first_missing(s, e->form, nav_today(t));
	tui_push(t, s);
}

/*
 * Editing a stored row: tell its groups how many rows they have on file
 * (the form adds rows, so an empty group would invite typing them again).
 */
static void
nav_group_counts(struct tui *t, const struct form *f, int64_t record_id, int64_t person_id,
    struct form_record *rec)
{
	bf_error err;

	if (app_form_group_counts(t->app, f, record_id, person_id, rec, &err) != BF_OK)
		tui_message(t, MSG_ERROR, "%s", err.msg);
}

/* The editor for form_name of person_id (0: a new person). */
static void
nav_edit_form(void *ctx, struct tui *t, int64_t person_id, const char *form_name)
{
	const struct form *f = form_set_find(t->app->forms, form_name);
	struct form_record *rec = NULL;
	struct nav_edit *e;
	struct rec pr;
	char title[128];
	bf_error err;
	bf_date today = nav_today(t);

	(void)ctx;
	if (strcmp(db_actor(t->app->db)->role, "supervisor") == 0) {
		/* Supervisors read files; the responsible caseworker edits them. */
		tui_message(t, MSG_ERROR, "管理人员只能查看档案，修改请由负责的社区工作人员进行");
		return;
	}
	if (f == NULL) {
		tui_message(t, MSG_ERROR, "表单定义中没有“%s”表单", form_name);
		return;
	}
	e = xcalloc(1, sizeof *e);
	e->app = t->app;
	e->form = f;
	e->fs.person_id = person_id;
	if (strcmp(f->record, "person") == 0 && person_id != 0) {
		/* Editing the person row: start from what is stored. */
		rec = form_record_new();
		rec_init(&pr, "person");
		if (rec_load(t->app->db, "person", person_id, &pr, &err) != BF_OK) {
			tui_message(t, MSG_ERROR, "%s", err.msg);
			rec_clear(&pr);
			form_record_free(rec);
			free(e);
			return;
		}
		app_form_from_rec(f, &pr, rec);
		nav_group_counts(t, f, person_id, person_id, rec);
		e->fs.record_id = person_id;
		e->fs.version = pr.version;
		snprintf(title, sizeof title, "%s：%s", f->label, rec_get(&pr, "name"));
		rec_clear(&pr);
		form_record_normalise(f->fields, f->nfields, rec, today);
	} else {
		/* A new row: the person, or one more record in the person's file. */
		rec = form_record_new();
		form_record_defaults(f->fields, f->nfields, rec, today);
		e->open_after = person_id == 0;
		snprintf(title, sizeof title, person_id == 0 ? "新登记：%s" : "新增%s", f->label);
	}
	e->draft_person = e->fs.person_id;
	e->draft_record = e->fs.record_id;
	rec = nav_offer_draft(t, e, rec);
	nav_push_editor(t, e, rec, title);
}

/* The editor for a stored child row of the person's file (person_hooks.edit_row). */
static void
nav_edit_row(void *ctx, struct tui *t, int64_t person_id, const char *form_name, int64_t record_id,
    const char *const *presets)
{
	const struct form *f = form_set_find(t->app->forms, form_name);
	struct form_record *rec;
	struct nav_edit *e;
	struct rec r;
	char title[128];
	bf_error err;
	int i;

	(void)ctx;
	if (f == NULL) {
		tui_message(t, MSG_ERROR, "表单定义中没有“%s”表单", form_name);
		return;
	}
	rec_init(&r, f->record);
	if (record_id != 0 && rec_load(t->app->db, f->record, record_id, &r, &err) != BF_OK) {
		tui_message(t, MSG_ERROR, "%s", err.msg);
		rec_clear(&r);
		return;
	}
	rec = form_record_new();
	if (record_id != 0) {
		app_form_from_rec(f, &r, rec);
		nav_group_counts(t, f, record_id, person_id, rec);
	} else
		form_record_defaults(f->fields, f->nfields, rec, nav_today(t));
	for (i = 0; presets != NULL && presets[i] != NULL && presets[i + 1] != NULL; i += 2)
		if (form_record_get(rec, presets[i]) == NULL)
			form_record_set(rec, presets[i], presets[i + 1]);
	form_record_normalise(f->fields, f->nfields, rec, nav_today(t));
	e = xcalloc(1, sizeof *e);
	e->app = t->app;
	e->form = f;
	e->fs.person_id = person_id;
	e->fs.record_id = record_id;
	e->fs.version = r.version;
	rec_clear(&r);
	snprintf(title, sizeof title, record_id != 0 ? "修改%s" : "新增%s", f->label);
	nav_push_editor(t, e, rec, title);
}

/* Open the file of a person. */
void
nav_open_person(struct tui *t, int64_t person_id)
{
	struct person_hooks hooks = { NULL, nav_edit_form, nav_edit_row };
	struct screen *s;
	bf_error err;

	err_clear(&err);
	if ((s = person_screen_new(t->app, person_id, &hooks, &err)) == NULL) {
		tui_message(t, MSG_ERROR, "%s", err.msg[0] ? err.msg : "无法打开档案");
		return;
	}
	person_screen_set_transfer(s, nav_transfer, NULL);
	tui_push(t, s);
}

/* Register a new person. */
void
nav_new_person(struct tui *t)
{
	nav_edit_form(NULL, t, 0, "person");
}

/* Edit a person's basic form. */
void
nav_edit_person(struct tui *t, int64_t person_id)
{
	nav_edit_form(NULL, t, person_id, "person");
}

/* The caseload list. */
void
nav_caseload(struct tui *t, const struct caseload_filter *filter, int search_first)
{
	tui_push(t, caseload_screen_new(t, filter, search_first));
}

/* The indicators dashboard for the user's own unit and this month. */
void
nav_dashboard(struct tui *t)
{
	tui_push(t, dashboard_screen_new(t, "", ""));
}

/* The caseload browser across the org tree. */
void
nav_orgtree(struct tui *t)
{
	tui_push(t, orgtree_screen_new(t));
}

/* The audit-log browser. */
void
nav_auditlog(struct tui *t)
{
	tui_push(t, auditlog_screen_new(t));
}

/* Pick a community in the user's scope; 1 with its code in out. */
static int
nav_pick_community(struct tui *t, char out[13])
{
	struct org_unit *units = xcalloc(NAV_ORGS_MAX, sizeof *units);
	struct select_item *items;
	struct select sel;
	bf_error err;
	int n = 0, i, picked = 0;

	if (orgunit_communities(t->app->db, db_actor(t->app->db)->org, units, NAV_ORGS_MAX, &n, &err)
	    != BF_OK || n == 0) {
		tui_message(t, MSG_ERROR, "您的管辖范围内没有社区");
		free(units);
		return 0;
	}
	items = xcalloc((size_t)n, sizeof *items);
	for (i = 0; i < n; i++)
		items[i] = (struct select_item){ units[i].code, units[i].name, 0 };
	select_init(&sel, "转到哪个社区", items, n, 0);
	if (select_run(t, &sel) == SELECT_PICKED && select_picked(&sel) >= 0) {
		snprintf(out, 13, "%s", units[select_picked(&sel)].code);
		picked = 1;
	}
	select_free(&sel);
	free(items);
	free(units);
	return picked;
}

/* Pick a caseworker of community code ("" = none); 1 if answered. */
static int
nav_pick_worker(struct tui *t, const char *code, char *out, size_t len)
{
	static struct user_row users[4096];
	struct select_item *items;
	struct select sel;
	bf_error err;
	int n = 0, i, m = 0, picked = 0, *idx;

	if (user_list(t->app->db, users, 4096, &n, &err) != BF_OK)
		n = 0;
	items = xcalloc((size_t)n + 1, sizeof *items);
	idx = xcalloc((size_t)n + 1, sizeof *idx);
	items[m] = (struct select_item){ "-", "（不指定社区工作人员）", 0 };
	idx[m++] = -1;
	for (i = 0; i < n; i++) {
		if (strcmp(users[i].role, "caseworker") != 0 || strcmp(users[i].org, code) != 0 ||
		    users[i].disabled)
			continue;
		items[m] = (struct select_item){ users[i].login,
		    users[i].name[0] ? users[i].name : users[i].login, 0 };
		idx[m++] = i;
	}
	select_init(&sel, "交给哪位社区工作人员", items, m, 0);
	if (select_run(t, &sel) == SELECT_PICKED && select_picked(&sel) >= 0) {
		i = idx[select_picked(&sel)];
		snprintf(out, len, "%s", i >= 0 ? users[i].login : "");
		picked = 1;
	}
	select_free(&sel);
	free(items);
	free(idx);
	return picked;
}

/* person_hooks.transfer: community, caseworker, reason, then the store. */
static void
nav_transfer(void *ctx, struct tui *t, int64_t person_id)
{
	const struct db_actor *a = db_actor(t->app->db);
	struct transfer_result r;
	char code[13], login[64], reason[256] = "";
	bf_error err;

	(void)ctx;
	if (strcmp(a->role, "supervisor") != 0 && strcmp(a->role, "admin") != 0) {
		tui_message(t, MSG_ERROR, "只有管理人员和系统管理员可以转移个案");
		return;
	}
	if (!nav_pick_community(t, code) || !nav_pick_worker(t, code, login, sizeof login) ||
	    !prompt_text(t, "转移个案", "转移原因：", reason, sizeof reason))
		return;
	if (transfer_person(t->app->db, person_id, code, login, reason, &r, &err) != BF_OK) {
		tui_message(t, MSG_ERROR, "%s", err.msg);
		return;
	}
	tui_message(t, MSG_INFO, "已转到 %s，移交未完成回访 %d 条", r.to_community, r.followups_moved);
}
