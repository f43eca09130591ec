/*
 * check_store_supervisor.c -- what supervisors rely on in the store:
 * every indicator on a hand-counted fixture (including a person employed
 * and re-registered in the same month, and a household cleared and
 * re-appearing), the persons behind a number, scoping of indicators for a
 * caseworker of another district, case transfer (person, transfer row,
 * follow-ups, history), and audit-log browsing with filters and paging.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <check.h>
#include <sqlite3.h>

#include "runner.h"
#include "personfile_fixture.h"
#include "store/orgunit.h"
#include "store/auditlog.h"
#include "store/caseload.h"
#include "store/indicators.h"
#include "store/search.h"
#include "store/transfer.h"

#define COMM_B	"500103001006"	/* 临华路社区, same street as PF_COMM_A */
#define STREET	"500103001000"	/* 七星岗街道 */

static struct fixture fx;
static int64_t P[8];

/* Run SQL with %lld replaced by person i's id. */
static void
exp_(int i, const char *fmt)
{
	char sql[1024];

	snprintf(sql, sizeof sql, fmt, (long long)P[i], (long long)P[i], (long long)P[i]);
	fixture_exec(&fx, sql);
}

/*
 * The fixture (clock 2024-06-01; month under test 2024-05).  Street
 * 七星岗: P1..P6; other district: P7.  See the expected numbers in
 * test_indicators_street.
 */
static void
setup(void)
{
	int64_t cw;
	bf_error err;
	int i;

	fixture_open(&fx);
	P[1] = pf_add_person(fx.db, "甲一", "11010519491231002", PF_COMM_A);
	P[2] = pf_add_person(fx.db, "乙二", "11010519491231003", PF_COMM_A);
	P[3] = pf_add_person(fx.db, "丙三", "11010519491231004", PF_COMM_A);
	P[4] = pf_add_person(fx.db, "丁四", "11010519491231005", PF_COMM_A);
	P[5] = pf_add_person(fx.db, "戊五", "11010519491231006", COMM_B);
	P[6] = pf_add_person(fx.db, "己六", "11010519491231007", PF_COMM_A);
	P[7] = pf_add_person(fx.db, "庚七", "11010519491231008", PF_COMM_C);
	fixture_exec(&fx, "UPDATE person SET created_at = '2023-01-01 09:00:00'");
	exp_(6, "UPDATE person SET created_at = '2024-05-01 09:00:00' WHERE id = %lld");
	exp_(4, "UPDATE person SET status = 'closed' WHERE id = %lld");
	ck_assert_int_eq(user_add(fx.db, "cwa", "社工甲", "caseworker", PF_COMM_A, &cw, &err), BF_OK);
	ck_assert_int_eq(user_add(fx.db, "cwb", "社工乙", "caseworker", COMM_B, NULL, &err), BF_OK);
	ck_assert_int_eq(user_add(fx.db, "cwc", "社工丙", "caseworker", PF_COMM_C, NULL, &err), BF_OK);
	ck_assert_int_eq(user_add(fx.db, "sup", "督导", "supervisor", STREET, NULL, &err), BF_OK);
	for (i = 1; i <= 2; i++) {
		char sql[128];

		snprintf(sql, sizeof sql, "UPDATE person SET caseworker_id = %lld WHERE id = %lld",
		    (long long)cw, (long long)P[i]);
		fixture_exec(&fx, sql);
	}
	/* Registrations. */
	exp_(1, "INSERT INTO registration (person_id, registered_on, created_at) VALUES (%lld, '2024-03-10', 'x')");
	exp_(2, "INSERT INTO registration (person_id, registered_on, created_at) VALUES (%lld, '2024-05-05', 'x')");
	exp_(3, "INSERT INTO registration (person_id, registered_on, cancelled_on, cancel_reason, created_at)"
	    " VALUES (%lld, '2024-01-01', '2024-05-10', '01', 'x')");
	exp_(3, "INSERT INTO registration (person_id, registered_on, created_at) VALUES (%lld, '2024-05-28', 'x')");
	exp_(4, "INSERT INTO registration (person_id, registered_on, cancelled_on, cancel_reason, created_at)"
	    " VALUES (%lld, '2024-02-01', '2024-04-30', '01', 'x')");
	exp_(5, "INSERT INTO registration (person_id, registered_on, created_at) VALUES (%lld, '2024-06-01', 'x')");
	exp_(7, "INSERT INTO registration (person_id, registered_on, created_at) VALUES (%lld, '2024-05-02', 'x')");
	/* Categories. */
	exp_(1, "INSERT INTO person_category (person_id, code, recognised_on, created_at) VALUES (%lld, '01', '2024-03-10', 'x')");
	exp_(2, "INSERT INTO person_category (person_id, code, recognised_on, created_at) VALUES (%lld, '06', '2024-05-06', 'x')");
	exp_(4, "INSERT INTO person_category (person_id, code, recognised_on, ended_on, created_at)"
	    " VALUES (%lld, '03', '2023-01-01', '2024-04-01', 'x')");
	exp_(5, "INSERT INTO person_category (person_id, code, recognised_on, expires_on, created_at)"
	    " VALUES (%lld, '02', '2024-05-15', '2024-05-20', 'x')");
	/* Employment: P3 employed and re-registered in May. */
	exp_(2, "INSERT INTO employment (person_id, form, started_on, created_at) VALUES (%lld, '11', '2024-05-20', 'x')");
	exp_(3, "INSERT INTO employment (person_id, form, started_on, ended_on, created_at)"
	    " VALUES (%lld, '21', '2024-05-10', '2024-05-25', 'x')");
	exp_(6, "INSERT INTO employment (person_id, form, started_on, created_at) VALUES (%lld, '31', '2024-04-30', 'x')");
	exp_(6, "INSERT INTO employment (person_id, form, started_on, created_at) VALUES (%lld, '12', '2024-05-01', 'x')");
	/* Zero-employment households: H1 cleared and re-appearing, H2 new, H3 elsewhere. */
	fixture_exec(&fx, "INSERT INTO household (id, community_code, created_at, updated_at) VALUES"
	    " (1, '" PF_COMM_A "', 'x', 'x'), (2, '" COMM_B "', 'x', 'x'), (3, '" PF_COMM_C "', 'x', 'x')");
	fixture_exec(&fx, "INSERT INTO household_flag (household_id, flag, appeared_on, cleared_on) VALUES"
	    " (1, 'zero_employment', '2024-04-01', '2024-05-10'), (1, 'zero_employment', '2024-05-20', NULL),"
	    " (2, 'zero_employment', '2024-05-03', NULL), (3, 'zero_employment', '2024-05-01', NULL)");
	exp_(1, "UPDATE person SET household_id = 1 WHERE id = %lld");
	/* 1-3-1-1 plans: P2 delivered in full, P5 partly. */
	exp_(2, "INSERT INTO plan (id, person_id, template, status, made_on, created_at)"
	    " VALUES (1, %lld, 'graduate_1311', 'active', '2024-05-06', 'x')");
	exp_(5, "INSERT INTO plan (id, person_id, template, status, made_on, created_at)"
	    " VALUES (2, %lld, 'grad_1311', 'active', '2024-05-16', 'x')");	/* the form's template id */
	fixture_exec(&fx, "INSERT INTO plan_measure (id, plan_id, type, target_count) VALUES"
	    " (1, 1, '02', 1), (2, 1, '03', 3), (3, 1, '04', 1), (4, 1, '06', 1),"
	    " (5, 2, '02', 1), (6, 2, '03', 3), (7, 2, '04', 1), (8, 2, '06', 1)");
	exp_(2, "INSERT INTO service (person_id, measure_id, served_on, type, created_at) VALUES"
	    " (%lld, 1, '2024-05-07', '02', 'x')");
	fixture_exec(&fx, "INSERT INTO service (person_id, measure_id, served_on, type, created_at)"
	    " SELECT 2, m, d, t, 'x' FROM (SELECT 2 AS m, '2024-05-08' AS d, '03' AS t UNION ALL"
	    " SELECT 2, '2024-05-09', '03' UNION ALL SELECT 2, '2024-05-10', '03' UNION ALL"
	    " SELECT 3, '2024-05-11', '04' UNION ALL SELECT 4, '2024-05-31', '06')");
	fixture_exec(&fx, "UPDATE service SET person_id = (SELECT person_id FROM plan WHERE id = 1)");
	exp_(5, "INSERT INTO service (person_id, measure_id, served_on, type, created_at) VALUES"
	    " (%lld, 5, '2024-05-17', '02', 'x'), (%lld, 6, '2024-05-18', '03', 'x'), (%lld, 6, '2024-06-01', '03', 'x')");
	exp_(1, "INSERT INTO service (person_id, served_on, type, created_at) VALUES (%lld, '2023-10-01', '01', 'x')");
	/* Follow-ups. */
	exp_(1, "INSERT INTO followup (person_id, due_on, created_at) VALUES (%lld, '2024-05-15', 'x')");
	exp_(2, "INSERT INTO followup (person_id, due_on, done_on, created_at) VALUES (%lld, '2024-05-20', '2024-05-25', 'x')");
	exp_(3, "INSERT INTO followup (person_id, due_on, done_on, created_at) VALUES (%lld, '2024-05-10', '2024-06-01', 'x')");
	exp_(4, "INSERT INTO followup (person_id, due_on, created_at) VALUES (%lld, '2024-06-10', 'x')");
}

static void
teardown(void)
{
	fixture_close(&fx);
}

/* Value of indicator id (code) in rows. */
static long
val(const struct ind_row *rows, int n, const char *id, const char *code)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(rows[i].id, id) == 0 && strcmp(rows[i].code, code) == 0)
			return rows[i].value;
	return -1;
}

START_TEST(test_indicators_street)
{
	struct ind_period p;
	struct ind_row *rows;
	struct ind_worker *w;
	bf_error err;
	int n, nw;

	ck_assert_int_eq(indicators_period(fx.db, STREET, "2024-05", &p, &err), BF_OK);
	ck_assert_str_eq(p.me, "2024-05-31");
	ck_assert_str_eq(p.asof, "2024-05-31");
	ck_assert_int_eq(indicators_compute(fx.db, &p, &rows, &n, &err), BF_OK);
	ck_assert_int_eq(val(rows, n, "open_cases", ""), 5);
	ck_assert_int_eq(val(rows, n, "registered", ""), 3);		/* P1 P2 P3 (re-registered) */
	ck_assert_int_eq(val(rows, n, "registered_new", ""), 2);	/* P2 P3 */
	ck_assert_int_eq(val(rows, n, "difficult", ""), 2);		/* P1 P2; P4 ended, P5 expired */
	ck_assert_int_eq(val(rows, n, "difficult_cat", "01"), 1);
	ck_assert_int_eq(val(rows, n, "difficult_cat", "06"), 1);
	ck_assert_int_eq(val(rows, n, "difficult_cat", "03"), -1);
	ck_assert_int_eq(val(rows, n, "recognised_new", ""), 2);	/* P2 P5 */
	ck_assert_int_eq(val(rows, n, "employed_new", ""), 3);		/* P2 P3 P6 */
	ck_assert_int_eq(val(rows, n, "employed_unit", ""), 1);
	ck_assert_int_eq(val(rows, n, "employed_flexible", ""), 1);
	ck_assert_int_eq(val(rows, n, "employed_self", ""), 0);	/* P6's was in April */
	ck_assert_int_eq(val(rows, n, "employed_public", ""), 1);
	ck_assert_int_eq(val(rows, n, "employed_other", ""), 0);
	ck_assert_int_eq(val(rows, n, "zero_appeared", ""), 2);	/* H1 again, H2 */
	ck_assert_int_eq(val(rows, n, "zero_cleared", ""), 1);		/* H1 */
	ck_assert_int_eq(val(rows, n, "zero_open", ""), 2);		/* H1, H2; H3 elsewhere */
	ck_assert_int_eq(val(rows, n, "grad_1311", ""), 2);
	ck_assert_int_eq(val(rows, n, "grad_1311_done", ""), 1);	/* P2 */
	ck_assert_int_eq(val(rows, n, "measures_planned", ""), 12);
	ck_assert_int_eq(val(rows, n, "measures_done", ""), 8);	/* 6 + 2 (June's not counted) */
	ck_assert_int_eq(val(rows, n, "followup_overdue", ""), 2);	/* P1 open, P3 done after */
	ck_assert_int_eq(val(rows, n, "no_contact_6m", ""), 2);	/* P1 P3; P4 closed, P6 new */
	free(rows);
	ck_assert_int_eq(indicators_workers(fx.db, &p, &w, &nw, &err), BF_OK);
	ck_assert_int_eq(nw, 2);
	ck_assert_int_eq(w[0].id, 0);		/* unassigned: P3 P5 P6 */
	ck_assert_int_eq(w[0].open, 3);
	ck_assert_str_eq(w[1].login, "cwa");
	ck_assert_int_eq(w[1].open, 2);
	ck_assert_int_eq(w[1].overdue, 1);
	free(w);

	/* April: P4 still registered; H1 appeared. */
	ck_assert_int_eq(indicators_period(fx.db, STREET, "2024-04", &p, &err), BF_OK);
	ck_assert_int_eq(indicators_compute(fx.db, &p, &rows, &n, &err), BF_OK);
	ck_assert_int_eq(val(rows, n, "registered", ""), 2);		/* P1 P3; P4 cancelled on 04-30 */
	ck_assert_int_eq(val(rows, n, "zero_appeared", ""), 1);
	ck_assert_int_eq(val(rows, n, "employed_self", ""), 1);
	free(rows);

	ck_assert_int_eq(indicators_period(fx.db, STREET, "2024-13", &p, &err), BF_EINVAL);
}
END_TEST

START_TEST(test_drill_down)
{
	struct caseload_filter f;
	struct caseload_row rows[10];
	bf_error err;
	long count;
	int n;

	memset(&f, 0, sizeof f);
	snprintf(f.org, sizeof f.org, "%s", STREET);
	snprintf(f.indicator, sizeof f.indicator, "followup_overdue");
	snprintf(f.month, sizeof f.month, "2024-05");
	ck_assert_int_eq(caseload_count(fx.db, &f, &count, &err), BF_OK);
	ck_assert_int_eq(count, 2);
	ck_assert_int_eq(caseload_page(fx.db, &f, NULL, 1, rows, 10, &n, &err), BF_OK);
	ck_assert_int_eq(n, 2);
	snprintf(f.indicator, sizeof f.indicator, "difficult_cat");
	snprintf(f.ind_code, sizeof f.ind_code, "06");
	ck_assert_int_eq(caseload_page(fx.db, &f, NULL, 1, rows, 10, &n, &err), BF_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(rows[0].p.id, P[2]);
	snprintf(f.indicator, sizeof f.indicator, "zero_open");
	ck_assert_int_eq(caseload_count(fx.db, &f, &count, &err), BF_OK);
	ck_assert_int_eq(count, 1);		/* P1 is the member on file */
	/* The whole city, this month: P7 counts too. */
	memset(&f, 0, sizeof f);
	snprintf(f.indicator, sizeof f.indicator, "registered");
	snprintf(f.month, sizeof f.month, "2024-05");
	ck_assert_int_eq(caseload_count(fx.db, &f, &count, &err), BF_OK);
	ck_assert_int_eq(count, 4);
}
END_TEST

START_TEST(test_scope_other_district)
{
	struct ind_period p;
	struct ind_row *rows;
	struct caseload_filter f;
	bf_error err;
	long count;
	int n;

	ck_assert_int_eq(user_login(fx.db, "cwc", &err), BF_OK);
	/* Search, caseload and loading the file find nothing of the street. */
	{
		struct person_brief hits[4];
		struct caseload_row crow[4];
		struct rec r;

		ck_assert_int_eq(search_persons(fx.db, "甲一", hits, 4, &n, &err), BF_OK);
		ck_assert_int_eq(n, 0);
		ck_assert_int_eq(search_persons(fx.db, "jy", hits, 4, &n, &err), BF_OK);
		ck_assert_int_eq(n, 0);
		memset(&f, 0, sizeof f);
		ck_assert_int_eq(caseload_page(fx.db, &f, NULL, 1, crow, 4, &n, &err), BF_OK);
		ck_assert_int_eq(n, 1);
		ck_assert_int_eq(crow[0].p.id, P[7]);
		rec_init(&r, "person");
		ck_assert_int_ne(rec_load(fx.db, "person", P[1], &r, &err), BF_OK);
		rec_clear(&r);
	}
	ck_assert_int_eq(indicators_period(fx.db, STREET, "2024-05", &p, &err), BF_EPERM);
	ck_assert_int_eq(indicators_period(fx.db, "", "2024-05", &p, &err), BF_OK);
	ck_assert_int_eq(indicators_compute(fx.db, &p, &rows, &n, &err), BF_OK);
	ck_assert_int_eq(val(rows, n, "registered", ""), 1);		/* P7 only */
	ck_assert_int_eq(val(rows, n, "open_cases", ""), 1);
	ck_assert_int_eq(val(rows, n, "zero_open", ""), 1);		/* H3 */
	free(rows);
	/* The whole city asked for: cut to the scope. */
	ck_assert_int_eq(indicators_period(fx.db, ORG_CITY, "2024-05", &p, &err), BF_OK);
	ck_assert_str_eq(p.lo, PF_COMM_C);
	memset(&f, 0, sizeof f);
	snprintf(f.indicator, sizeof f.indicator, "followup_overdue");
	snprintf(f.month, sizeof f.month, "2024-05");
	ck_assert_int_eq(caseload_count(fx.db, &f, &count, &err), BF_OK);
	ck_assert_int_eq(count, 0);
	/* A street supervisor sees the street, not P7's district. */
	ck_assert_int_eq(user_login(fx.db, "sup", &err), BF_OK);
	ck_assert_int_eq(indicators_period(fx.db, PF_COMM_C, "2024-05", &p, &err), BF_EPERM);
	ck_assert_int_eq(indicators_period(fx.db, "", "2024-05", &p, &err), BF_OK);
	ck_assert_int_eq(indicators_value(fx.db, &p, "registered", NULL, &count, &err), BF_OK);
	ck_assert_int_eq(count, 3);
}
END_TEST

START_TEST(test_transfer)
{
	struct transfer_result r;
	bf_error err;
	char sql[320];

	long before;

	exp_(1, "INSERT INTO followup (person_id, due_on, created_at) VALUES (%lld, '2024-07-01', 'x')");
	before = pf_query_long(fx.db, "SELECT max(id) FROM audit_log");
	ck_assert_int_eq(user_login(fx.db, "cwa", &err), BF_OK);
	ck_assert_int_eq(transfer_person(fx.db, P[1], COMM_B, "cwb", "搬家", &r, &err), BF_EPERM);
	ck_assert_int_eq(user_login(fx.db, "sup", &err), BF_OK);
	ck_assert_int_eq(transfer_person(fx.db, P[1], COMM_B, "cwb", "  ", &r, &err), BF_EINVAL);
	ck_assert_int_eq(transfer_person(fx.db, P[1], STREET, NULL, "搬家", &r, &err), BF_EINVAL);
	ck_assert_int_eq(transfer_person(fx.db, P[1], COMM_B, "cwa", "搬家", &r, &err), BF_EINVAL);
	ck_assert_int_eq(transfer_person(fx.db, P[7], COMM_B, NULL, "搬家", &r, &err), BF_ENOTFOUND);
	ck_assert_int_eq(transfer_person(fx.db, P[1], COMM_B, "cwb", "搬家到临华路", &r, &err), BF_OK);
	ck_assert_str_eq(r.from_community, PF_COMM_A);
	ck_assert_str_eq(r.to_community, COMM_B);
	ck_assert_int_eq(r.followups_moved, 2);
	snprintf(sql, sizeof sql, "SELECT community_code = '" COMM_B "' AND caseworker_id ="
	    " (SELECT id FROM app_user WHERE login = 'cwb') FROM person WHERE id = %lld", (long long)P[1]);
	ck_assert_int_eq(pf_query_long(fx.db, sql), 1);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM followup WHERE person_id = %lld AND done_on IS NULL"
	    " AND worker_id = (SELECT id FROM app_user WHERE login = 'cwb')", (long long)P[1]);
	ck_assert_int_eq(pf_query_long(fx.db, sql), 2);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM transfer WHERE person_id = %lld AND reason = '搬家到临华路'"
	    " AND from_community = '" PF_COMM_A "' AND to_community = '" COMM_B "'", (long long)P[1]);
	ck_assert_int_eq(pf_query_long(fx.db, sql), 1);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit_log WHERE person_id = %lld AND id > %ld AND"
	    " ((tbl = 'person' AND action = 'update') OR (tbl = 'transfer' AND action = 'insert'))",
	    (long long)P[1], before);
	ck_assert_int_eq(pf_query_long(fx.db, sql), 2);
	/* Without a worker: the current one does not belong to the new community. */
	ck_assert_int_eq(transfer_person(fx.db, P[2], COMM_B, "", "调整", &r, &err), BF_OK);
	ck_assert_int_eq(r.to_worker, 0);
	ck_assert_int_eq(r.from_worker != 0, 1);
	ck_assert_int_eq(transfer_person(fx.db, P[2], COMM_B, "", "调整", &r, &err), BF_EINVAL);
}
END_TEST

START_TEST(test_auditlog_browse)
{
	struct auditlog_filter f;
	struct auditlog_row rows[50];
	struct transfer_result r;
	bf_error err;
	int n, m;

	ck_assert_int_eq(user_login(fx.db, "sup", &err), BF_OK);
	ck_assert_int_eq(transfer_person(fx.db, P[1], COMM_B, "cwb", "搬家", &r, &err), BF_OK);
	ck_assert_int_eq(auditlog_export(fx.db, "report", 0, "指标报表", &err), BF_OK);
	memset(&f, 0, sizeof f);
	snprintf(f.tbl, sizeof f.tbl, "transfer");
	ck_assert_int_eq(auditlog_page(fx.db, &f, 0, rows, 50, &n, &err), BF_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(rows[0].login, "sup");
	ck_assert_int_eq(rows[0].person_id, P[1]);
	memset(&f, 0, sizeof f);
	snprintf(f.action, sizeof f.action, "export");
	ck_assert_int_eq(auditlog_page(fx.db, &f, 0, rows, 50, &n, &err), BF_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(rows[0].note, "指标报表");
	memset(&f, 0, sizeof f);
	f.person_id = P[1];
	snprintf(f.login, sizeof f.login, "sup");
	ck_assert_int_eq(auditlog_page(fx.db, &f, 0, rows, 50, &n, &err), BF_OK);
	ck_assert_int_eq(n, 3);		/* person update, transfer, follow-up moved */
	ck_assert_int_eq(rows[0].id > rows[1].id, 1);
	/* Paging: two, then the rest strictly older. */
	ck_assert_int_eq(auditlog_page(fx.db, &f, 0, rows, 2, &n, &err), BF_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(auditlog_page(fx.db, &f, rows[1].id, rows + 2, 2, &m, &err), BF_OK);
	ck_assert_int_eq(m, 1);
	ck_assert_int_eq(rows[2].id < rows[1].id, 1);
	/* Dates. */
	snprintf(f.to, sizeof f.to, "2024-05-31");
	ck_assert_int_eq(auditlog_page(fx.db, &f, 0, rows, 50, &n, &err), BF_OK);
	ck_assert_int_eq(n, 0);
	snprintf(f.from, sizeof f.from, "2024-06-01");
	snprintf(f.to, sizeof f.to, "2024-06-01");
	ck_assert_int_eq(auditlog_page(fx.db, &f, 0, rows, 50, &n, &err), BF_OK);
	ck_assert_int_eq(n, 3);
	/* The supervisor does not see rows about P7 (other district). */
	memset(&f, 0, sizeof f);
	f.person_id = P[7];
	ck_assert_int_eq(auditlog_page(fx.db, &f, 0, rows, 50, &n, &err), BF_OK);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(user_login(fx.db, "admin1", &err), BF_OK);
	ck_assert_int_eq(auditlog_page(fx.db, &f, 0, rows, 50, &n, &err), BF_OK);
	ck_assert_int_eq(n > 0, 1);
	ck_assert_int_eq(user_login(fx.db, "cwa", &err), BF_OK);
	ck_assert_int_eq(auditlog_page(fx.db, &f, 0, rows, 50, &n, &err), BF_EPERM);
}
END_TEST

START_TEST(test_org_counts)
{
	struct caseload_filter f;
	struct caseload_group g[16];
	bf_error err;
	int n;

	memset(&f, 0, sizeof f);
	snprintf(f.org, sizeof f.org, "%s", STREET);
	snprintf(f.status, sizeof f.status, "open");
	ck_assert_int_eq(caseload_groups(fx.db, &f, 12, g, 16, &n, &err), BF_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(g[0].key, PF_COMM_A);
	ck_assert_int_eq(g[0].count, 4);		/* P1 P2 P3 P6; P4 closed */
	ck_assert_str_eq(g[1].key, COMM_B);
	ck_assert_int_eq(g[1].count, 1);
	/* The city by district: the street's district and P7's. */
	memset(&f, 0, sizeof f);
	ck_assert_int_eq(caseload_groups(fx.db, &f, 6, g, 16, &n, &err), BF_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(g[0].key, "500101000000");
	ck_assert_int_eq(g[0].count, 1);
	ck_assert_str_eq(g[1].key, "500103000000");
	ck_assert_int_eq(g[1].count, 6);
	/* By caseworker within community A. */
	snprintf(f.org, sizeof f.org, "%s", PF_COMM_A);
	snprintf(f.status, sizeof f.status, "open");
	ck_assert_int_eq(caseload_groups(fx.db, &f, 0, g, 16, &n, &err), BF_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(g[0].worker_id, 0);
	ck_assert_int_eq(g[0].count, 2);
	ck_assert_str_eq(g[1].worker, "社工甲");
	ck_assert_int_eq(g[1].count, 2);
	/* Overdue only. */
	f.overdue = 1;
	f.status[0] = '\0';
	ck_assert_int_eq(caseload_groups(fx.db, &f, 12, g, 16, &n, &err), BF_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(g[0].count, 1);		/* P1 (P4's is not due yet) */
	/* A caseworker of another district counts nothing here. */
	ck_assert_int_eq(user_login(fx.db, "cwc", &err), BF_OK);
	memset(&f, 0, sizeof f);
	snprintf(f.org, sizeof f.org, "%s", STREET);
	ck_assert_int_eq(caseload_groups(fx.db, &f, 12, g, 16, &n, &err), BF_OK);
	ck_assert_int_eq(n, 0);
}
END_TEST

/* The whole city (every person in range) by its own statements equals the one pass. */
START_TEST(test_all_range_same_numbers)
{
	static const char *months[] = { "2024-04", "2024-05", "2024-06" };
	struct ind_period p, q;
	struct ind_row *a, *b;
	bf_error err;
	size_t m;
	int na, nb, i;

	for (m = 0; m < sizeof months / sizeof months[0]; m++) {
		ck_assert_int_eq(indicators_period(fx.db, "", months[m], &p, &err), BF_OK);
		ck_assert_int_eq(p.all, 1);
		q = p;
		q.all = 0;
		ck_assert_int_eq(indicators_compute(fx.db, &p, &a, &na, &err), BF_OK);
		ck_assert_int_eq(indicators_compute(fx.db, &q, &b, &nb, &err), BF_OK);
		ck_assert_int_eq(na, nb);
		for (i = 0; i < na; i++) {
			ck_assert_str_eq(a[i].id, b[i].id);
			ck_assert_msg(a[i].value == b[i].value, "%s %s %s: %ld vs %ld", months[m], a[i].id,
			    a[i].code, a[i].value, b[i].value);
		}
		free(a);
		free(b);
	}
	ck_assert_int_eq(indicators_period(fx.db, STREET, "2024-05", &p, &err), BF_OK);
	ck_assert_int_eq(p.all, 0);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("store_supervisor");
	TCase *tc = tcase_create("supervisor");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_indicators_street);
	tcase_add_test(tc, test_drill_down);
	tcase_add_test(tc, test_scope_other_district);
	tcase_add_test(tc, test_transfer);
	tcase_add_test(tc, test_auditlog_browse);
	tcase_add_test(tc, test_org_counts);
	tcase_add_test(tc, test_all_range_same_numbers);
	suite_add_tcase(s, tc);
	return s;
}
