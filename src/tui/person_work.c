/*
 * person_work.c -- case-work actions of the person file (see
 * person_work.h).  Choices are popups (tui/select.h), reasons a one-line
 * prompt (tui/prompt.h); what is allowed comes from the tables of
 * core/casestate.c and app/plan.c, never from here.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/household_flags.h"
#include "app/lifecycle.h"
#include "app/plan.h"
#include "app/session.h"
#include "core/casestate.h"
#include "core/household.h"
#include "core/progress.h"
#include "forms/lists.h"
#include "forms/model.h"
#include "forms/plantpl.h"
#include "store/casework.h"
#include "store/db.h"
#include "store/record.h"
#include "tui/person_fields.h"
#include "tui/person_work.h"
#include "tui/prompt.h"
#include "tui/select.h"
#include "tui/textview.h"
#include "tui/theme.h"
#include "tui/tui.h"
#include "util/xalloc.h"

/* Show err's outcome in the status line; 1 if rc is BF_OK. */
static int
pwork_report(struct tui *t, int rc, const bf_error *err, const char *done)
{
	if (rc != BF_OK) {
		tui_message(t, MSG_ERROR, "%s", err->msg);
		return 0;
	}
	tui_message(t, MSG_INFO, "%s", done);
	return 1;
}

/* Pick one of n items; the index, or -1 when cancelled. */
static int
pwork_pick(struct tui *t, const char *title, const struct select_item *items, int n)
{
	struct select sel;
	int picked = -1;

	select_init(&sel, title, items, n, 0);
	if (select_run(t, &sel) == SELECT_PICKED)
		picked = select_picked(&sel);
	select_free(&sel);
	return picked;
}

/* `t`: move the case along an allowed transition, with a reason where one is required. */
int
pwork_status(struct tui *t, struct app_session *app, int64_t pid)
{
	enum case_status from, to[CASE_NSTATUS];
	struct select_item items[CASE_NSTATUS];
	char codes[CASE_NSTATUS][4], labels[CASE_NSTATUS][64], reason[256], q[128];
	struct rec p;
	bf_error err;
	int n, i, k, rc;

	rec_init(&p, "person");
	rc = rec_load(app->db, "person", pid, &p, &err);
	if (rc == BF_OK && case_status_from_code(rec_get(&p, "status"), &from) != BF_OK)
		rc = err_set(&err, BF_EINVAL, "档案中的个案状态无效");
	rec_clear(&p);
	if (rc != BF_OK)
		return pwork_report(t, rc, &err, "");
	n = case_transitions_from(from, to);
	for (i = 0; i < n; i++) {
		snprintf(codes[i], sizeof codes[i], "%d", i + 1);
		snprintf(labels[i], sizeof labels[i], "%s → %s%s", case_transition_label(from, to[i]),
		    case_status_label(to[i]), case_transition_needs_reason(from, to[i]) ? "（需填原因）" : "");
		items[i] = (struct select_item){ codes[i], labels[i], 0 };
	}
	if (n == 0 || (k = pwork_pick(t, "变更个案状态", items, n)) < 0)
		return 0;
	reason[0] = '\0';
	if (case_transition_needs_reason(from, to[k])) {
		snprintf(q, sizeof q, "%s的原因：", case_transition_label(from, to[k]));
		if (!prompt_text(t, "变更个案状态", q, reason, sizeof reason))
			return 0;
	}
	rc = app_case_set_status(app, pid, case_status_code(to[k]), reason[0] ? reason : NULL, &err);
	snprintf(q, sizeof q, "个案状态已变更为“%s”", case_status_label(to[k]));
	return pwork_report(t, rc, &err, q);
}

/* `a` on 认定: the derived categories that apply and are not held, each with its reason. */
int
pwork_category_accept(struct tui *t, struct app_session *app, int64_t pid)
{
	struct category_result p[CATEGORY_MAX_DERIVED];
	struct select_item items[CATEGORY_MAX_DERIVED];
	int held[CATEGORY_MAX_DERIVED], idx[CATEGORY_MAX_DERIVED], n, m = 0, i, k, rc;
	char msg[CATEGORY_WHY_MAX + 32];
	bf_error err;

	if ((n = app_category_proposals(app, pid, p, held, &err)) < 0)
		return pwork_report(t, err.code, &err, "");
	for (i = 0; i < n; i++)
		if (p[i].applies && !held[i]) {
			items[m] = (struct select_item){ p[i].code, p[i].why, 0 };
			idx[m++] = i;
		}
	if (m == 0) {
		tui_message(t, MSG_INFO, "没有可建议认定的类别（按规则均不符合或已认定）");
		return 0;
	}
	if ((k = pwork_pick(t, "按规则建议认定（Enter 采纳）", items, m)) < 0)
		return 0;
	rc = app_category_accept(app, pid, &p[idx[k]], &err);
	snprintf(msg, sizeof msg, "已认定：%s", p[idx[k]].why);
	return pwork_report(t, rc, &err, msg);
}

/* `x` on 认定: end the selected category with a reason from list exit_reason. */
int
pwork_category_end(struct tui *t, struct app_session *app, const struct rec *row)
{
	const struct form_field *f = pfield_find(app->forms, "category", "person_category",
	    "end_reason");
	const struct form_option *o;
	struct select_item *items;
	char today[11];
	size_t n, i;
	bf_error err;
	int k, rc;

	if (row == NULL || row->id == 0)
		return 0;
	if (rec_get(row, "ended_on") != NULL) {
		tui_message(t, MSG_ERROR, "该类别已于 %s 结束", rec_get(row, "ended_on"));
		return 0;
	}
	o = f != NULL ? form_field_options(f, &n) : NULL;
	if (o == NULL || n == 0) {
		tui_message(t, MSG_ERROR, "表单定义中没有结束原因列表");
		return 0;
	}
	items = xcalloc(n, sizeof *items);
	for (i = 0; i < n; i++)
		items[i] = (struct select_item){ o[i].code, o[i].label, o[i].disabled };
	k = pwork_pick(t, "结束认定：选择原因", items, (int)n);
	if (k < 0) {
		free(items);
		return 0;
	}
	db_today(app->db, today);
	rc = app_category_end(app, row->id, today, items[k].code, &err);
	free(items);
	return pwork_report(t, rc, &err, "已结束认定");
}

/* `n` on 帮扶计划: a new draft plan from a template of forms/plans. */
int
pwork_plan_new(struct tui *t, struct app_session *app, int64_t pid)
{
	struct plantpl *tpl = xcalloc(PLANTPL_MAX, sizeof *tpl);
	struct select_item items[PLANTPL_MAX];
	char msg[160];
	int64_t plan_id;
	bf_error err;
	int n, i, k, rc;

	if ((rc = plantpl_load_all(NULL, tpl, PLANTPL_MAX, &n, &err)) != BF_OK || n == 0) {
		if (rc == BF_OK)
			err_set(&err, BF_ENOTFOUND, "没有帮扶计划模板（forms/plans）");
		free(tpl);
		return pwork_report(t, BF_ENOTFOUND, &err, "");
	}
	for (i = 0; i < n; i++)
		items[i] = (struct select_item){ tpl[i].id, tpl[i].label, 0 };
	if ((k = pwork_pick(t, "按模板新建帮扶计划", items, n)) < 0) {
		free(tpl);
		return 0;
	}
	rc = app_plan_from_template(app, pid, &tpl[k], &plan_id, &err);
	snprintf(msg, sizeof msg, "已按“%s”新建计划（草稿，按 a 生效）", tpl[k].label);
	free(tpl);
	return pwork_report(t, rc, &err, msg);
}

/* `a` on 帮扶计划: draft -> active, active -> completed (after a confirmation). */
int
pwork_plan_advance(struct tui *t, struct app_session *app, const struct rec *plan)
{
	const char *st = plan != NULL ? rec_get(plan, "status") : NULL;
	const char *to;
	char q[128];
	bf_error err;
	int rc;

	if (st == NULL)
		return 0;
	to = strcmp(st, "draft") == 0 ? "active" : strcmp(st, "active") == 0 ? "completed" : NULL;
	if (to == NULL) {
		tui_message(t, MSG_ERROR, "计划已%s，不能再变更", app_plan_status_label(st));
		return 0;
	}
	snprintf(q, sizeof q, "将计划从“%s”改为“%s”？", app_plan_status_label(st),
	    app_plan_status_label(to));
	if (!tui_confirm(t, q))
		return 0;
	rc = app_plan_set_status(app, plan->id, to, &err);
	snprintf(q, sizeof q, "计划状态已改为“%s”", app_plan_status_label(to));
	return pwork_report(t, rc, &err, q);
}

/* `R` on 帮扶计划: a new version. */
int
pwork_plan_revise(struct tui *t, struct app_session *app, const struct rec *plan)
{
	int64_t nid;
	bf_error err;
	int rc;

	if (plan == NULL || plan->id == 0)
		return 0;
	if (!tui_confirm(t, "修订此计划？旧版本保留为“已修订”，新版本沿用措施和已完成的服务。"))
		return 0;
	rc = app_plan_revise(app, plan->id, &nid, &err);
	return pwork_report(t, rc, &err, "已生成计划新版本");
}

/* The person's household id, 0 if none. */
static int64_t
pwork_household(struct app_session *app, int64_t pid)
{
	int64_t ids[4];
	bf_error err;
	int n;

	if (casework_households_of(app->db, pid, ids, 4, &n, &err) != BF_OK || n == 0)
		return 0;
	return ids[0];
}

/* `c` on 家庭: confirm the open zero-employment flag. */
int
pwork_household_confirm(struct tui *t, struct app_session *app, int64_t pid)
{
	int64_t hh = pwork_household(app, pid);
	bf_error err;
	int rc;

	if (hh == 0) {
		tui_message(t, MSG_ERROR, "尚未登记家庭情况");
		return 0;
	}
	if (!tui_confirm(t, "确认此家庭为零就业家庭？"))
		return 0;
	rc = app_household_confirm(app, hh, &err);
	return pwork_report(t, rc, &err, "已确认零就业家庭");
}

/* Flags of household hh and the rule's explanation. */
void
pwork_household_lines(struct textview *tv, struct app_session *app, int64_t hh)
{
	struct household_result res;
	struct children flags;
	char line[256];
	bf_error err;
	int i;

	textview_add_styled(tv, "零就业家庭认定", ROLE_HEADER);
	if (app_household_assess(app, hh, &res, &err) == BF_OK)
		textview_add_field(tv, "规则判断", res.why);
	children_init(&flags);
	if (casework_flags(app->db, hh, &flags, &err) != BF_OK) {
		textview_add_text(tv, err.msg);
		return;
	}
	if (flags.n == 0)
		textview_add_field(tv, "零就业标记", "无");
	for (i = 0; i < flags.n; i++) {
		const struct rec *f = &flags.rows[i];

		snprintf(line, sizeof line, "%s（%s 出现）",
		    rec_get(f, "cleared_on") != NULL ? "已消除" :
		    rec_get(f, "confirmed_on") != NULL ? "已确认" : "疑似，待确认（按 c 确认）",
		    rec_get(f, "appeared_on"));
		textview_add_field(tv, "零就业标记", line);
		if (rec_get(f, "confirmed_on") != NULL)
			textview_add_field(tv, "确认日期", rec_get(f, "confirmed_on"));
		if (rec_get(f, "cleared_on") != NULL)
			textview_add_field(tv, "消除日期", rec_get(f, "cleared_on"));
	}
	children_free(&flags);
}

/* A plan's progress as a short text. */
void
pwork_plan_progress(struct app_session *app, int64_t pid, int64_t plan_id, char *buf, size_t len)
{
	struct progress pr;
	bf_error err;

	buf[0] = '\0';
	if (app_plan_progress(app, pid, plan_id, &pr, &err) == BF_OK && pr.measures > 0)
		snprintf(buf, len, "%ld/%ld（%d%%）", pr.delivered_total, pr.target_total, pr.percent);
}
