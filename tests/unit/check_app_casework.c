/*
 * check_app_casework.c -- unit tests for the case-work rules of src/app
 * on a real temporary database: plans from the YAML templates, services
 * counting toward measures, progress, revisions, the follow-up schedule
 * on services and on employment (month ends, leap days), the life cycle
 * with a lost job reopening the case, the 零就业 household flag appearing
 * and clearing with its dates, and derived categories proposed.
 */
#include "config.h"

#include <stdarg.h>

#include "runner.h"
#include "personfile_fixture.h"
#include "app/followup.h"
#include "app/formsave.h"
#include "app/formset.h"
#include "app/household_flags.h"
#include "app/lifecycle.h"
#include "app/plan.h"
#include "app/session.h"
#include "core/followup_rules.h"
#include "forms/diag.h"
#include "forms/model.h"
#include "forms/plantpl.h"
#include "forms/record.h"
#include "store/casework.h"

/* One text from a query with one integer parameter; "" for NULL or no row. */
static void
cw_text(struct db *db, const char *sql, int64_t arg, char *out, size_t len)
{
	sqlite3_stmt *st;

	out[0] = '\0';
	ck_assert_int_eq(sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, arg);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		snprintf(out, len, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* The template with this id from the source tree's forms/plans. */
static void
cw_template(const char *id, struct plantpl *out)
{
	struct plantpl all[PLANTPL_MAX];
	bf_error err;
	int n, i;

	ck_assert_int_eq(plantpl_load_all(BANGFU_SRCDIR "/forms", all, PLANTPL_MAX, &n, &err), BF_OK);
	for (i = 0; i < n; i++)
		if (strcmp(all[i].id, id) == 0) {
			*out = all[i];
			return;
		}
	ck_abort_msg("no template %s", id);
}

/* Add a service of type on day for person 1 and run the rules after it. */
static int64_t
cw_service(struct app_session *s, const char *type, const char *on, const char *next)
{
	int64_t id;
	bf_error err;

	id = pf_add(s->db, "service", "person_id", "1", "served_on", on, "type", type,
	    "method", "1", next != NULL ? "next_contact_on" : NULL, next, NULL);
	if (app_after_save(s, "service", id, 1, &err) != BF_OK)
		ck_abort_msg("after service: %s", err.msg);
	return id;
}

START_TEST(test_templates_load)
{
	struct plantpl all[PLANTPL_MAX];
	bf_error err;
	int n;

	ck_assert_int_eq(plantpl_load_all(BANGFU_SRCDIR "/forms", all, PLANTPL_MAX, &n, &err), BF_OK);
	ck_assert_int_eq(n, 3);
	ck_assert_str_eq(all[0].id, "grad_1311");
	ck_assert_int_eq(all[0].nm, 4);
	ck_assert_str_eq(all[0].m[1].type, "03");
	ck_assert_int_eq(all[0].m[1].count, 3);
	ck_assert_str_eq(all[1].id, "hard_to_employ");
	ck_assert_str_eq(all[2].id, "zero_household");
	ck_assert_int_eq(plantpl_load_file(BANGFU_SRCDIR "/forms/person.yaml", &all[0], &err),
	    BF_EINVAL);
}
END_TEST

START_TEST(test_plan_from_template_and_progress)
{
	struct fixture fx;
	struct app_session s;
	struct plantpl t;
	struct progress pr;
	int64_t plan, other;
	char buf[64];
	bf_error err;
	int i;
	static const char *const types[] = { "02", "03", "03", "03", "04", "06" };

	fixture_open(&fx);
	memset(&s, 0, sizeof s);
	s.db = fx.db;
	pf_add_person(fx.db, "曾小明", "50010320010901003", PF_COMM_A);
	cw_template("grad_1311", &t);
	ck_assert_int_eq(app_plan_from_template(&s, 1, &t, &plan, &err), BF_OK);
	cw_text(fx.db, "SELECT status || ' ' || made_on || ' ' || target_on || ' ' || template"
	    " FROM plan WHERE id = ?", plan, buf, sizeof buf);
	ck_assert_str_eq(buf, "draft 2024-06-01 2024-12-01 grad_1311");
	cw_text(fx.db, "SELECT group_concat(type || 'x' || target_count || '@' || due_on, ',')"
	    " FROM (SELECT * FROM plan_measure WHERE plan_id = ? ORDER BY id)", plan, buf, sizeof buf);
	ck_assert_str_eq(buf, "02x1@2024-07-01,03x3@2024-09-01,04x1@2024-12-01,06x1@2024-12-01");
	/* One open plan at a time. */
	ck_assert_int_eq(app_plan_from_template(&s, 1, &t, &other, &err), BF_EINVAL);
	ck_assert_int_eq(other, 0);

	/* A draft plan does not count services; an active one does. */
	cw_service(&s, "02", "2024-05-20", NULL);
	ck_assert_int_eq(pf_query_long(fx.db, "SELECT count(*) FROM service WHERE measure_id"
	    " IS NOT NULL"), 0);
	ck_assert_int_eq(app_plan_set_status(&s, plan, "completed", &err), BF_EINVAL);
	ck_assert_int_eq(app_plan_set_status(&s, plan, "active", &err), BF_OK);
	for (i = 0; i < 6; i++) {
		ck_assert_int_eq(app_plan_progress(&s, 1, plan, &pr, &err), BF_OK);
		ck_assert_int_eq(pr.all_done, 0);
		cw_service(&s, types[i], "2024-05-21", NULL);
	}
	ck_assert_int_eq(app_plan_progress(&s, 1, plan, &pr, &err), BF_OK);
	ck_assert_int_eq(pr.delivered_total, 6);
	ck_assert_int_eq(pr.target_total, 6);
	ck_assert_int_eq(pr.percent, 100);
	ck_assert_int_eq(pr.all_done, 1);
	/* A fourth referral still counts toward the referral measure (capped in progress). */
	cw_service(&s, "03", "2024-05-22", NULL);
	ck_assert_int_eq(pf_query_long(fx.db, "SELECT count(*) FROM service s JOIN plan_measure m"
	    " ON m.id = s.measure_id WHERE m.type = '03'"), 4);
	/* Unknown type: not counted. */
	cw_service(&s, "16", "2024-05-22", NULL);
	ck_assert_int_eq(pf_query_long(fx.db, "SELECT count(*) FROM service WHERE type = '16'"
	    " AND measure_id IS NULL"), 1);
	ck_assert_int_eq(app_plan_set_status(&s, plan, "completed", &err), BF_OK);
	ck_assert_int_eq(app_plan_set_status(&s, plan, "active", &err), BF_EINVAL);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_plan_revise_keeps_versions)
{
	struct fixture fx;
	struct app_session s;
	struct plantpl t;
	struct progress pr;
	int64_t plan, v2;
	char buf[64];
	bf_error err;

	fixture_open(&fx);
	memset(&s, 0, sizeof s);
	s.db = fx.db;
	pf_add_person(fx.db, "李四", "50010319900101003", PF_COMM_A);
	cw_template("hard_to_employ", &t);
	ck_assert_int_eq(app_plan_from_template(&s, 1, &t, &plan, &err), BF_OK);
	ck_assert_int_eq(app_plan_set_status(&s, plan, "active", &err), BF_OK);
	cw_service(&s, "03", "2024-05-21", NULL);
	cw_service(&s, "01", "2024-05-21", NULL);
	ck_assert_int_eq(app_plan_revise(&s, plan, &v2, &err), BF_OK);
	cw_text(fx.db, "SELECT status FROM plan WHERE id = ?", plan, buf, sizeof buf);
	ck_assert_str_eq(buf, "revised");
	cw_text(fx.db, "SELECT status || ' v' || version_no || ' supersedes ' || supersedes"
	    " FROM plan WHERE id = ?", v2, buf, sizeof buf);
	snprintf(buf + 40, 24, "active v2 supersedes %lld", (long long)plan);
	ck_assert_str_eq(buf, buf + 40);
	ck_assert_int_eq(pf_query_long(fx.db, "SELECT count(*) FROM plan_measure WHERE plan_id = 2"),
	    4);
	/* The services followed their measures into the new version. */
	ck_assert_int_eq(app_plan_progress(&s, 1, v2, &pr, &err), BF_OK);
	ck_assert_int_eq(pr.delivered_total, 2);
	ck_assert_int_eq(app_plan_progress(&s, 1, plan, &pr, &err), BF_OK);
	ck_assert_int_eq(pr.delivered_total, 0);
	ck_assert_int_eq(app_plan_revise(&s, plan, &v2, &err), BF_EINVAL);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_followup_on_service)
{
	struct fixture fx;
	struct app_session s;
	int64_t sv;
	char buf[64], next[11];
	bf_error err;

	fixture_open(&fx);
	memset(&s, 0, sizeof s);
	s.db = fx.db;
	pf_add_person(fx.db, "李四", "50010319900101003", PF_COMM_A);
	pf_add(fx.db, "registration", "person_id", "1", "registered_on", "2024-01-31", NULL);
	/* Month end: a service on 01-31 gives 02-29 in a leap year. */
	cw_service(&s, "01", "2024-01-31", NULL);
	cw_text(fx.db, "SELECT group_concat(kind || '@' || due_on) FROM followup WHERE done_on IS NULL"
	    " AND person_id = ?", 1, buf, sizeof buf);
	ck_assert_str_eq(buf, "monthly@2024-02-29");
	/* The caseworker's own next date wins; still one open monthly follow-up. */
	cw_service(&s, "01", "2024-02-10", "2024-02-20");
	cw_text(fx.db, "SELECT group_concat(kind || '@' || due_on) FROM followup WHERE done_on IS NULL"
	    " AND person_id = ?", 1, buf, sizeof buf);
	ck_assert_str_eq(buf, "monthly@2024-02-20");
	/* A contact after the due day does it and schedules the next. */
	sv = cw_service(&s, "02", "2024-02-25", NULL);
	cw_text(fx.db, "SELECT done_on || ' ' || method || ' ' || service_id FROM followup"
	    " WHERE due_on = '2024-02-20' AND person_id = ?", 1, buf, sizeof buf);
	snprintf(buf + 40, 24, "2024-02-25 1 %lld", (long long)sv);
	ck_assert_str_eq(buf, buf + 40);
	cw_text(fx.db, "SELECT group_concat(due_on) FROM followup WHERE done_on IS NULL AND"
	    " person_id = ?", 1, buf, sizeof buf);
	ck_assert_str_eq(buf, "2024-03-25");
	/* Counted from the later of registration and contact. */
	ck_assert_int_eq(app_followup_schedule_monthly(&s, 1, "2023-12-31", next, &err), BF_OK);
	ck_assert_str_eq(next, "2024-02-29");
	fixture_close(&fx);
}
END_TEST

START_TEST(test_employment_lifecycle)
{
	struct fixture fx;
	struct app_session s;
	int64_t emp;
	char buf[128];
	bf_error err;
	struct rec e;

	fixture_open(&fx);
	memset(&s, 0, sizeof s);
	s.db = fx.db;
	pf_add_person(fx.db, "李四", "50010319900101003", PF_COMM_A);
	pf_add(fx.db, "registration", "person_id", "1", "registered_on", "2023-11-30", NULL);
	ck_assert_int_eq(person_set_status(fx.db, 1, "assisting", NULL, &err), BF_OK);
	cw_service(&s, "03", "2023-12-15", NULL);
	/* A job started on 2024-01-31: checks at month ends, 02-29 in a leap year. */
	emp = pf_add(fx.db, "employment", "person_id", "1", "form", "1", "started_on", "2024-01-31",
	    "employer", "重庆某公司", NULL);
	ck_assert_int_eq(app_after_save(&s, "employment", emp, 1, &err), BF_OK);
	cw_text(fx.db, "SELECT status FROM person WHERE id = ?", 1, buf, sizeof buf);
	ck_assert_str_eq(buf, "employed");
	cw_text(fx.db, "SELECT group_concat(kind || '@' || due_on) FROM (SELECT * FROM followup"
	    " WHERE done_on IS NULL AND person_id = ? ORDER BY due_on)", 1, buf, sizeof buf);
	ck_assert_str_eq(buf, "stable_1m@2024-02-29,stable_3m@2024-04-30,stable_6m@2024-07-31");
	/* The monthly follow-up ended with the job; saving again adds nothing. */
	ck_assert_int_eq(pf_query_long(fx.db, "SELECT count(*) FROM followup WHERE kind = 'monthly'"
	    " AND done_on = '2024-06-01'"), 1);
	ck_assert_int_eq(app_after_save(&s, "employment", emp, 1, &err), BF_OK);
	ck_assert_int_eq(pf_query_long(fx.db, "SELECT count(*) FROM followup"), 4);
	ck_assert_int_eq(pf_query_long(fx.db, "SELECT count(*) FROM case_event WHERE"
	    " to_status = 'employed' AND from_status = 'assisting'"), 1);

	/* The job ends: the case reopens with the reason, monthly follow-ups again. */
	rec_init(&e, "employment");
	ck_assert_int_eq(rec_load(fx.db, "employment", emp, &e, &err), BF_OK);
	rec_set(&e, "ended_on", "2024-05-31");
	rec_set(&e, "end_reason", "合同到期");
	ck_assert_int_eq(rec_save(fx.db, &e, &err), BF_OK);
	rec_clear(&e);
	ck_assert_int_eq(app_after_save(&s, "employment", emp, 1, &err), BF_OK);
	cw_text(fx.db, "SELECT status FROM person WHERE id = ?", 1, buf, sizeof buf);
	ck_assert_str_eq(buf, "assisting");
	cw_text(fx.db, "SELECT reason FROM case_event WHERE person_id = ? ORDER BY id DESC", 1, buf,
	    sizeof buf);
	ck_assert_str_eq(buf, "工作结束（2024-05-31）：合同到期");
	cw_text(fx.db, "SELECT group_concat(kind || '@' || due_on) FROM followup WHERE done_on IS NULL"
	    " AND person_id = ?", 1, buf, sizeof buf);
	ck_assert_str_eq(buf, "monthly@2024-06-30");
	/* Stable only after the 6-month check: employed again, check done, then stable. */
	emp = pf_add(fx.db, "employment", "person_id", "1", "form", "21", "started_on", "2023-11-01",
	    NULL);
	ck_assert_int_eq(app_after_save(&s, "employment", emp, 1, &err), BF_OK);
	ck_assert_int_eq(app_case_set_status(&s, 1, "stable", NULL, &err), BF_EINVAL);
	ck_assert_ptr_nonnull(strstr(err.msg, "6 个月"));
	{
		int64_t ids[4];
		int n;

		ck_assert_int_eq(casework_open_followups(fx.db, 1, "stable_6m", ids, 4, &n, &err), BF_OK);
		ck_assert_int_eq(n, 1);
		rec_init(&e, "followup");
		ck_assert_int_eq(rec_load(fx.db, "followup", ids[0], &e, &err), BF_OK);
		rec_set(&e, "done_on", "2024-05-02");
		rec_set(&e, "method", "1");
		rec_set(&e, "result", "1");
		ck_assert_int_eq(rec_save(fx.db, &e, &err), BF_OK);
		rec_clear(&e);
	}
	ck_assert_int_eq(app_case_set_status(&s, 1, "stable", NULL, &err), BF_OK);
	cw_text(fx.db, "SELECT status FROM person WHERE id = ?", 1, buf, sizeof buf);
	ck_assert_str_eq(buf, "stable");
	ck_assert_int_eq(pf_query_long(fx.db, "SELECT count(*) FROM followup WHERE done_on IS NULL"
	    " AND kind = 'monthly'"), 0);
	ck_assert_int_eq(app_case_set_status(&s, 1, "assisting", "企业裁员", &err), BF_OK);
	/* Reopened by hand: the checks left are cancelled, monthly follow-ups again. */
	cw_text(fx.db, "SELECT group_concat(kind || '@' || due_on) FROM followup WHERE done_on IS NULL"
	    " AND person_id = ?", 1, buf, sizeof buf);
	ck_assert_str_eq(buf, "monthly@2024-07-01");
	/* Transitions the table forbids are refused; stable needs employed first. */
	ck_assert_int_eq(app_case_set_status(&s, 1, "stable", NULL, &err), BF_EINVAL);
	ck_assert_int_eq(app_case_set_status(&s, 1, "closed", "", &err), BF_EINVAL);
	ck_assert_int_eq(app_case_set_status(&s, 1, "closed", "本人要求", &err), BF_OK);
	ck_assert_int_eq(pf_query_long(fx.db, "SELECT count(*) FROM followup WHERE done_on IS NULL"),
	    0);
	cw_text(fx.db, "SELECT exit_reason FROM person WHERE id = ?", 1, buf, sizeof buf);
	ck_assert_str_eq(buf, "本人要求");
	fixture_close(&fx);
}
END_TEST

START_TEST(test_no_contact_warning)
{
	struct fixture fx;
	struct app_session s;
	char msg[FOLLOWUP_MSG_MAX];

	fixture_open(&fx);
	memset(&s, 0, sizeof s);
	s.db = fx.db;
	pf_add_person(fx.db, "李四", "50010319900101003", PF_COMM_A);
	/* Not registered: no warning. */
	ck_assert_int_eq(app_followup_warning(&s, 1, msg, sizeof msg), 0);
	pf_add(fx.db, "registration", "person_id", "1", "registered_on", "2023-11-15", NULL);
	pf_add(fx.db, "service", "person_id", "1", "served_on", "2023-12-01", "type", "01", NULL);
	/* 2023-12-01 + 6 months = 2024-06-01: today, it holds. */
	ck_assert_int_eq(app_followup_warning(&s, 1, msg, sizeof msg), 1);
	ck_assert_ptr_nonnull(strstr(msg, "2023-12-01"));
	db_set_now(fx.db, "2024-05-31");
	ck_assert_int_eq(app_followup_warning(&s, 1, msg, sizeof msg), 0);
	ck_assert_str_eq(msg, "");
	/* A follow-up done counts as contact. */
	db_set_now(fx.db, "2024-06-01");
	pf_add(fx.db, "followup", "person_id", "1", "due_on", "2024-01-01", "done_on", "2024-01-03",
	    NULL);
	ck_assert_int_eq(app_followup_warning(&s, 1, msg, sizeof msg), 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_household_flag_appears_and_clears)
{
	struct fixture fx;
	struct app_session s;
	struct household_result res;
	int64_t hh, emp;
	char buf[128], cid[19];
	int changed;
	bf_error err;

	fixture_open(&fx);
	memset(&s, 0, sizeof s);
	s.db = fx.db;
	pf_add_person(fx.db, "曾大山", "50010319750312001", PF_COMM_A);
	hh = pf_add(fx.db, "household", "community_code", PF_COMM_A, "head_name", "曾大山", NULL);
	fixture_id("50010319750312001", cid);
	pf_add(fx.db, "household_member", "household_id", "1", "name", "曾大山", "citizen_id", cid,
	    "relation", "02", NULL);
	fixture_id("50010319780605002", cid);
	pf_add(fx.db, "household_member", "household_id", "1", "name", "王小芳", "citizen_id", cid,
	    "employment", "3", NULL);
	fixture_id("50010320150101002", cid);
	pf_add(fx.db, "household_member", "household_id", "1", "name", "曾小小", "citizen_id", cid,
	    "employment", "5", NULL);
	ck_assert_int_eq(app_household_flags_update(&s, hh, &changed, &err), BF_OK);
	ck_assert_int_eq(changed, 1);
	/* The member with a file was linked to it. */
	ck_assert_int_eq(pf_query_long(fx.db, "SELECT person_id FROM household_member WHERE id = 1"),
	    1);
	cw_text(fx.db, "SELECT flag || ' ' || appeared_on || ' ' || ifnull(cleared_on, '-')"
	    " FROM household_flag WHERE household_id = ?", hh, buf, sizeof buf);
	ck_assert_str_eq(buf, "zero_employment 2024-06-01 -");
	ck_assert_int_eq(app_household_flags_update(&s, hh, &changed, &err), BF_OK);
	ck_assert_int_eq(changed, 0);
	ck_assert_int_eq(app_household_confirm(&s, hh, &err), BF_OK);
	cw_text(fx.db, "SELECT confirmed_on || ' ' || confirmed_by FROM household_flag", 0, buf,
	    sizeof buf);
	ck_assert_str_eq(buf, "2024-06-01 1");

	/* Weeks later the head finds a job: cleared that day. */
	db_set_now(fx.db, "2024-07-15");
	emp = pf_add(fx.db, "employment", "person_id", "1", "form", "1", "started_on", "2024-07-10",
	    NULL);
	ck_assert_int_eq(app_after_save(&s, "employment", emp, 1, &err), BF_OK);
	cw_text(fx.db, "SELECT appeared_on || ' ' || cleared_on FROM household_flag", 0, buf,
	    sizeof buf);
	ck_assert_str_eq(buf, "2024-06-01 2024-07-15");
	ck_assert_int_eq(app_household_assess(&s, hh, &res, &err), BF_OK);
	ck_assert_int_eq(res.state, HOUSEHOLD_HAS_EMPLOYED);
	ck_assert_int_eq(app_household_confirm(&s, hh, &err), BF_ENOTFOUND);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_category_proposals)
{
	struct fixture fx;
	struct app_session s;
	struct category_result p[CATEGORY_MAX_DERIVED];
	int held[CATEGORY_MAX_DERIVED], n, i, found = -1;
	char buf[64];
	bf_error err;

	fixture_open(&fx);
	memset(&s, 0, sizeof s);
	s.db = fx.db;
	pf_add_person(fx.db, "曾小红", "50010319810312002", PF_COMM_A);
	pf_add(fx.db, "registration", "person_id", "1", "registered_on", "2024-03-01", NULL);
	n = app_category_proposals(&s, 1, p, held, &err);
	ck_assert_int_eq(n, CATEGORY_MAX_DERIVED);
	for (i = 0; i < n; i++)
		if (strcmp(p[i].code, "01") == 0)
			found = i;
	ck_assert_int_ge(found, 0);
	ck_assert_int_eq(p[found].applies, 1);
	ck_assert_int_eq(held[found], 0);
	ck_assert_ptr_nonnull(strstr(p[found].why, "43"));
	ck_assert_int_eq(app_category_accept(&s, 1, &p[found], &err), BF_OK);
	n = app_category_proposals(&s, 1, p, held, &err);
	ck_assert_int_eq(held[found], 1);
	cw_text(fx.db, "SELECT code || ' ' || recognised_on || ' ' || derived FROM person_category"
	    " WHERE person_id = ?", 1, buf, sizeof buf);
	ck_assert_str_eq(buf, "01 2024-06-01 1");
	cw_text(fx.db, "SELECT status FROM person WHERE id = ?", 1, buf, sizeof buf);
	ck_assert_str_eq(buf, "recognised");

	/* A graduate: 06 expires two years after leaving school. */
	pf_add_person(fx.db, "曾小明", "50010320010901003", PF_COMM_A);
	pf_add(fx.db, "registration", "person_id", "2", "registered_on", "2024-03-01", NULL);
	{
		struct rec r;

		rec_init(&r, "person");
		ck_assert_int_eq(rec_load(fx.db, "person", 2, &r, &err), BF_OK);
		rec_set(&r, "extra.graduated_on", "2023-06-30");
		ck_assert_int_eq(rec_save(fx.db, &r, &err), BF_OK);
		rec_clear(&r);
	}
	n = app_category_proposals(&s, 2, p, held, &err);
	for (i = 0, found = -1; i < n; i++)
		if (strcmp(p[i].code, "06") == 0)
			found = i;
	ck_assert_int_ge(found, 0);
	ck_assert_int_eq(p[found].applies, 1);
	ck_assert_int_eq(app_category_accept(&s, 2, &p[found], &err), BF_OK);
	cw_text(fx.db, "SELECT expires_on FROM person_category WHERE person_id = ?", 2, buf,
	    sizeof buf);
	ck_assert_str_eq(buf, "2025-06-30");
	ck_assert_int_eq(app_category_expired(buf, NULL, "2025-06-30"), 0);
	ck_assert_int_eq(app_category_expired(buf, NULL, "2025-07-01"), 1);
	ck_assert_int_eq(app_category_expired(buf, "2025-01-01", "2025-07-01"), 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_form_saves_run_the_rules)
{
	struct fixture fx;
	struct app_session s;
	struct forms_diags d;
	struct form_set *set;
	struct form_record *fr;
	struct formsave fs;
	struct plantpl t;
	int64_t plan, hh, mid;
	char buf[64], cid[19];
	bf_error err;

	fixture_open(&fx);
	memset(&s, 0, sizeof s);
	s.db = fx.db;
	forms_diags_init(&d);
	ck_assert_uint_eq(app_forms_load(BANGFU_SRCDIR "/forms", &set, &d), 0);
	forms_diags_free(&d);
	s.forms = set;
	pf_add_person(fx.db, "李四", "50010319900101003", PF_COMM_A);
	pf_add(fx.db, "registration", "person_id", "1", "registered_on", "2024-05-01", NULL);
	cw_template("hard_to_employ", &t);
	ck_assert_int_eq(app_plan_from_template(&s, 1, &t, &plan, &err), BF_OK);
	ck_assert_int_eq(app_plan_set_status(&s, plan, "active", &err), BF_OK);

	/* The service form: saved, counted toward the referral measure, follow-up scheduled. */
	fr = form_record_new();
	form_record_set(fr, "served_on", "2024-06-01");
	form_record_set(fr, "type", "02");
	form_record_set(fr, "method", "2");
	form_record_set(fr, "content", "职业指导");
	memset(&fs, 0, sizeof fs);
	fs.person_id = 1;
	ck_assert_int_eq(app_form_save(&s, form_set_find(set, "service"), fr, &fs, &err), BF_OK);
	form_record_free(fr);
	cw_text(fx.db, "SELECT m.type FROM service s JOIN plan_measure m ON m.id = s.measure_id"
	    " WHERE s.id = ?", fs.record_id, buf, sizeof buf);
	ck_assert_str_eq(buf, "02");
	cw_text(fx.db, "SELECT due_on FROM followup WHERE done_on IS NULL AND person_id = ?", 1, buf,
	    sizeof buf);
	ck_assert_str_eq(buf, "2024-07-01");

	/* The measure form: edit a measure of the open plan, add one; not on a completed plan. */
	fr = form_record_new();
	form_record_set(fr, "type", "03");
	form_record_set(fr, "target_count", "5");
	form_record_set(fr, "due_on", "2024-08-31");
	snprintf(buf, sizeof buf, "%lld", (long long)plan);
	form_record_set(fr, "plan_id", buf);
	memset(&fs, 0, sizeof fs);
	fs.person_id = 1;
	ck_assert_int_eq(app_form_save(&s, form_set_find(set, "plan_measure"), fr, &fs, &err), BF_OK);
	ck_assert_int_eq(pf_query_long(fx.db, "SELECT count(*) FROM plan_measure WHERE type = '03'"), 2);
	ck_assert_int_eq(pf_query_long(fx.db, "SELECT worker_id FROM plan_measure ORDER BY id DESC"), 1);
	ck_assert_int_eq(app_plan_set_status(&s, plan, "completed", &err), BF_OK);
	form_record_set(fr, "target_count", "6");
	ck_assert_int_eq(app_form_save(&s, form_set_find(set, "plan_measure"), fr, &fs, &err),
	    BF_EINVAL);
	ck_assert_int_eq(pf_query_long(fx.db, "SELECT max(target_count) FROM plan_measure"), 5);
	form_record_free(fr);

	/* The member form: her husband finds work, the household flag clears. */
	hh = pf_add(fx.db, "household", "community_code", PF_COMM_A, "head_name", "李四", NULL);
	snprintf(buf, sizeof buf, "%lld", (long long)hh);
	{
		struct rec p;

		rec_init(&p, "person");
		ck_assert_int_eq(rec_load(fx.db, "person", 1, &p, &err), BF_OK);
		rec_set(&p, "household_id", buf);
		ck_assert_int_eq(rec_save(fx.db, &p, &err), BF_OK);
		rec_clear(&p);
	}
	fixture_id("50010319900101003", cid);
	pf_add(fx.db, "household_member", "household_id", buf, "name", "李四", "citizen_id", cid,
	    "employment", "2", NULL);
	fixture_id("50010319920101004", cid);
	mid = pf_add(fx.db, "household_member", "household_id", buf, "name", "王芳", "citizen_id",
	    cid, "employment", "3", NULL);
	ck_assert_int_eq(app_after_save(&s, "household", hh, 1, &err), BF_OK);
	ck_assert_int_eq(pf_query_long(fx.db, "SELECT count(*) FROM household_flag WHERE"
	    " cleared_on IS NULL"), 1);
	fr = form_record_new();
	form_record_set(fr, "name", "王芳");
	form_record_set(fr, "citizen_id", cid);
	form_record_set(fr, "relation", "10");
	form_record_set(fr, "working_age", "1");
	form_record_set(fr, "employment", "1");
	form_record_set(fr, "household_id", buf);
	memset(&fs, 0, sizeof fs);
	fs.person_id = 1;
	fs.record_id = mid;
	fs.version = 1;
	ck_assert_int_eq(app_form_save(&s, form_set_find(set, "household_member"), fr, &fs, &err),
	    BF_OK);
	ck_assert_int_eq(pf_query_long(fx.db, "SELECT count(*) FROM household_flag WHERE"
	    " cleared_on = '2024-06-01'"), 1);
	/* A household the person does not belong to is refused. */
	hh = pf_add(fx.db, "household", "community_code", PF_COMM_A, "head_name", "别人", NULL);
	snprintf(buf, sizeof buf, "%lld", (long long)hh);
	form_record_set(fr, "household_id", buf);
	memset(&fs, 0, sizeof fs);
	fs.person_id = 1;
	ck_assert_int_eq(app_form_save(&s, form_set_find(set, "household_member"), fr, &fs, &err),
	    BF_EPERM);
	form_record_free(fr);
	form_set_free(set);
	fixture_close(&fx);
}
END_TEST

/* The suite. */
Suite *
test_suite(void)
{
	Suite *s = suite_create("app_casework");
	TCase *tc = tcase_create("casework");

	tcase_add_test(tc, test_templates_load);
	tcase_add_test(tc, test_plan_from_template_and_progress);
	tcase_add_test(tc, test_plan_revise_keeps_versions);
	tcase_add_test(tc, test_followup_on_service);
	tcase_add_test(tc, test_employment_lifecycle);
	tcase_add_test(tc, test_no_contact_warning);
	tcase_add_test(tc, test_household_flag_appears_and_clears);
	tcase_add_test(tc, test_category_proposals);
	tcase_add_test(tc, test_form_saves_run_the_rules);
	suite_add_tcase(s, tc);
	return s;
}
