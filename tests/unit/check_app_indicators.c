/*
 * check_app_indicators.c -- every monthly indicator on a generated
 * database (app/demo.c: a few thousand persons with their whole case
 * history, plus zero-employment households), for the whole city by both
 * the `all` and the range statements, a district and a street, in three
 * months: each number equals a plain reference count written here, which
 * for a person indicator is the count of the persons its drill-down
 * condition selects (indicators_cond, what the caseload list shows), and
 * the open cases per caseworker equal a plain GROUP BY.  The faster
 * statements of store/indicators.c may change; these numbers may not.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>
#include <sqlite3.h>

#include "app/demo.h"
#include "app/session.h"
#include "runner.h"
#include "store/indicators.h"
#include "store_fixture.h"

#define N_PERSONS 3000

static struct fixture fx;

/* The generated database, with households flagged zero-employment on various dates. */
static void
setup(void)
{
	struct app_session s;
	struct demo_totals t;
	bf_error err;

	fixture_open(&fx);
	memset(&s, 0, sizeof s);
	s.db = fx.db;
	ck_assert_int_eq(demo_load(&s, N_PERSONS, 7, NULL, NULL, &t, &err), BF_OK);
	ck_assert_int_eq(t.persons, N_PERSONS);
	/* One household for every 20th person, in the person's community. */
	fixture_exec(&fx, "INSERT INTO household (id, community_code, created_at, updated_at)"
	    " SELECT id, community_code, 'x', 'x' FROM person WHERE id % 20 = 0");
	fixture_exec(&fx, "UPDATE person SET household_id = id - id % 20 WHERE id >= 20");
	fixture_exec(&fx, "INSERT INTO household_flag (household_id, flag, appeared_on, cleared_on)"
	    " SELECT id, 'zero_employment', date('2024-01-01', '+' || (id % 200) || ' days'),"
	    " CASE WHEN id % 3 = 0 THEN date('2024-01-01', '+' || (id % 200 + id % 90) || ' days') END"
	    " FROM household");
}

static void
teardown(void)
{
	fixture_close(&fx);
}

/* Bind :name to s if st has it. */
static void
bind_name(sqlite3_stmt *st, const char *name, const char *s)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i > 0)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

/* One number from sql, bound to p (and :code). */
static long
ref_count(const char *sql, const struct ind_period *p, const char *code)
{
	sqlite3_stmt *st;
	bf_error err;
	long v;

	if (sqlite3_prepare_v2(db_handle(fx.db), sql, -1, &st, NULL) != SQLITE_OK)
		ck_abort_msg("%s: %s", sql, sqlite3_errmsg(db_handle(fx.db)));
	ck_assert_int_eq(indicators_bind(fx.db, st, p->month, code, &err), BF_OK);
	bind_name(st, ":lo", p->lo);
	bind_name(st, ":hi", p->hi);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Reference statements for the indicators that do not count persons. */
static const struct {
	const char	*id;
	const char	*sql;
} refs[] = {
#define ZERO "SELECT count(DISTINCT f.household_id) FROM household_flag f JOIN household h" \
	" ON h.id = f.household_id WHERE f.flag = 'zero_employment'" \
	" AND h.community_code BETWEEN :lo AND :hi AND "
	{ "zero_open", ZERO "f.appeared_on <= :me AND (f.cleared_on IS NULL OR f.cleared_on > :me)" },
	{ "zero_appeared", ZERO "f.appeared_on BETWEEN :ms AND :me" },
	{ "zero_cleared", ZERO "f.cleared_on BETWEEN :ms AND :me" },
#undef ZERO
#define MEASURES " FROM plan pl JOIN plan_measure m ON m.plan_id = pl.id JOIN person p ON p.id = pl.person_id" \
	" WHERE pl.status = 'active' AND pl.made_on <= :me AND p.community_code BETWEEN :lo AND :hi"
	{ "measures_planned", "SELECT coalesce(sum(m.target_count), 0)" MEASURES },
	{ "measures_done", "SELECT coalesce(sum(min(m.target_count, (SELECT count(*) FROM service s"
	  " WHERE s.measure_id = m.id AND s.served_on <= :me))), 0)" MEASURES },
#undef MEASURES
};

/* The reference number of row r for p. */
static long
ref_value(const struct ind_row *r, const struct ind_period *p)
{
	char sql[4096];
	size_t i;

	for (i = 0; i < sizeof refs / sizeof refs[0]; i++)
		if (strcmp(refs[i].id, r->id) == 0)
			return ref_count(refs[i].sql, p, NULL);
	ck_assert_ptr_nonnull(indicators_cond(r->id));
	snprintf(sql, sizeof sql, "SELECT count(*) FROM person p"
	    " WHERE p.community_code BETWEEN :lo AND :hi AND (%s)", indicators_cond(r->id));
	return ref_count(sql, p, r->code);
}

/* Check every row of p against the references; the value of id (-1 if absent). */
static long
check_period(const struct ind_period *p, const char *what, const char *id)
{
	struct ind_row *rows;
	bf_error err;
	long found = -1, ref;
	int n, i, ncat = 0;

	ck_assert_int_eq(indicators_compute(fx.db, p, &rows, &n, &err), BF_OK);
	for (i = 0; i < n; i++) {
		ref = ref_value(&rows[i], p);
		ck_assert_msg(rows[i].value == ref, "%s %s %s%s%s: %ld, reference %ld", what, p->month,
		    rows[i].id, rows[i].code[0] ? ":" : "", rows[i].code, rows[i].value, ref);
		if (strcmp(rows[i].id, id) == 0)
			found = rows[i].value;
		ncat += strcmp(rows[i].id, "difficult_cat") == 0;
	}
	/* Every category held somewhere in range has its row, and no other. */
	ck_assert_int_eq(ncat, ref_count("SELECT count(DISTINCT c.code) FROM person_category c"
	    " JOIN person p ON p.id = c.person_id WHERE p.community_code BETWEEN :lo AND :hi"
	    " AND c.recognised_on <= :me AND (c.ended_on IS NULL OR c.ended_on > :me)"
	    " AND (c.expires_on IS NULL OR c.expires_on > :me)", p, NULL));
	free(rows);
	return found;
}

/* The caseworker rows of p against a plain GROUP BY over the persons. */
static void
check_workers(const struct ind_period *p, const char *what)
{
	static const char sql[] =
	    "SELECT coalesce(p.caseworker_id, 0), count(*), sum(EXISTS (SELECT 1 FROM followup fo"
	    " WHERE fo.person_id = p.id AND fo.done_on IS NULL AND fo.due_on < :asof))"
	    " FROM person p LEFT JOIN app_user u ON u.id = p.caseworker_id"
	    " WHERE p.community_code BETWEEN :lo AND :hi AND p.status <> 'closed'"
	    " GROUP BY 1 ORDER BY 2 DESC, coalesce(u.login, '')";
	struct ind_worker *w;
	sqlite3_stmt *st;
	bf_error err;
	int n, i = 0;

	ck_assert_int_eq(indicators_workers(fx.db, p, &w, &n, &err), BF_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db_handle(fx.db), sql, -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(indicators_bind(fx.db, st, p->month, NULL, &err), BF_OK);
	bind_name(st, ":lo", p->lo);
	bind_name(st, ":hi", p->hi);
	while (sqlite3_step(st) == SQLITE_ROW) {
		ck_assert_msg(i < n, "%s %s: %d caseworker rows, more in the reference", what, p->month, n);
		ck_assert_int_eq(w[i].id, sqlite3_column_int64(st, 0));
		ck_assert_int_eq(w[i].open, sqlite3_column_int64(st, 1));
		ck_assert_int_eq(w[i].overdue, sqlite3_column_int64(st, 2));
		i++;
	}
	sqlite3_finalize(st);
	ck_assert_int_eq(i, n);
	ck_assert_int_gt(n, 0);
	free(w);
}

/* A district and a street holding persons (those of the first person's community). */
static void
scopes(char district[13], char street[13])
{
	sqlite3_stmt *st;

	ck_assert_int_eq(sqlite3_prepare_v2(db_handle(fx.db),
	    "SELECT substr(community_code, 1, 6) || '000000', substr(community_code, 1, 9) || '000'"
	    " FROM person ORDER BY id LIMIT 1", -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	snprintf(district, 13, "%s", (const char *)sqlite3_column_text(st, 0));
	snprintf(street, 13, "%s", (const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
}

START_TEST(test_every_indicator_every_scope)
{
	static const char *months[] = { "2023-11", "2024-05", "2024-06" };
	struct ind_period p, q;
	char district[13], street[13];
	bf_error err;
	size_t m;
	long city, part;

	scopes(district, street);
	for (m = 0; m < sizeof months / sizeof months[0]; m++) {
		/* The city: its own statements, then the range statements. */
		ck_assert_int_eq(indicators_period(fx.db, "", months[m], &p, &err), BF_OK);
		ck_assert_int_eq(p.all, 1);
		city = check_period(&p, "city (all)", "open_cases");
		check_workers(&p, "city (all)");
		q = p;
		q.all = 0;
		ck_assert_int_eq(check_period(&q, "city (range)", "open_cases"), city);
		check_workers(&q, "city (range)");
		ck_assert_int_eq(indicators_period(fx.db, district, months[m], &p, &err), BF_OK);
		ck_assert_int_eq(p.all, 0);
		part = check_period(&p, "district", "open_cases");
		ck_assert_int_gt(part, 0);
		ck_assert_int_lt(part, city);
		check_workers(&p, "district");
		ck_assert_int_eq(indicators_period(fx.db, street, months[m], &p, &err), BF_OK);
		ck_assert_int_gt(check_period(&p, "street", "open_cases"), 0);
		check_workers(&p, "street");
	}
}
END_TEST

/* The value of indicator id for p (asserts it is there). */
static long
value_of(const struct ind_period *p, const char *id)
{
	bf_error err;
	long v;

	ck_assert_int_eq(indicators_value(fx.db, p, id, NULL, &v, &err), BF_OK);
	return v;
}

/*
 * Plans the generated data lacks, on three persons without plans: A's
 * active 1-3-1-1 plan with measures of row ids far beyond the others
 * (counted outside the array of the whole city's join, in its idmap):
 * targets 2, 1 and 0, served 2, 1 (and once after May) and never; B's
 * 1-3-1-1 plan without measures; C's active plan with a measure never
 * served.  Then May 2024 has 2 more 1-3-1-1 persons, 1 more done, 6 more
 * measures planned and 3 more done.
 */
static void
add_edge_plans(void)
{
	fixture_exec(&fx, "CREATE TEMP TABLE edge AS SELECT id, row_number() OVER (ORDER BY id) AS k FROM person"
	    " WHERE id NOT IN (SELECT person_id FROM plan) AND status <> 'closed' ORDER BY id LIMIT 3");
	fixture_exec(&fx, "INSERT INTO plan (id, person_id, template, status, made_on, created_at)"
	    " SELECT 900000 + k, id, CASE k WHEN 3 THEN NULL ELSE 'grad_1311' END, 'active', '2024-01-10', 'x'"
	    " FROM edge");
	fixture_exec(&fx, "INSERT INTO plan_measure (id, plan_id, type, target_count) VALUES"
	    " (1000000000000, 900001, '01', 2), (1000000000001, 900001, '02', 1),"
	    " (1000000000002, 900001, '03', 0), (900010, 900003, '01', 3)");
	fixture_exec(&fx, "INSERT INTO service (person_id, measure_id, served_on, type, created_at)"
	    " SELECT e.id, v.column1, v.column2, '01', 'x' FROM edge e, (VALUES (1000000000000, '2024-02-01'),"
	    " (1000000000000, '2024-03-01'), (1000000000001, '2024-04-01'), (1000000000001, '2024-07-01')) v"
	    " WHERE e.k = 1");
	fixture_exec(&fx, "DROP TABLE edge");
}

START_TEST(test_plans_edge_cases)
{
	static const char *ids[] = { "grad_1311", "grad_1311_done", "measures_planned", "measures_done" };
	static const long more[] = { 2, 1, 6, 3 };
	struct ind_period p, q;
	long before[4];
	bf_error err;
	size_t i;

	ck_assert_int_eq(indicators_period(fx.db, "", "2024-05", &p, &err), BF_OK);
	ck_assert_int_eq(p.all, 1);
	for (i = 0; i < 4; i++)
		before[i] = value_of(&p, ids[i]);
	add_edge_plans();
	for (i = 0; i < 4; i++)
		ck_assert_msg(value_of(&p, ids[i]) == before[i] + more[i], "%s: %ld, expected %ld", ids[i],
		    value_of(&p, ids[i]), before[i] + more[i]);
	check_period(&p, "city (all)", "open_cases");
	q = p;
	q.all = 0;
	check_period(&q, "city (range)", "open_cases");
	ck_assert_int_eq(indicators_period(fx.db, "", "2024-06", &p, &err), BF_OK);
	check_period(&p, "city (all)", "open_cases");
	q = p;
	q.all = 0;
	check_period(&q, "city (range)", "open_cases");
}
END_TEST

/*
 * Two open persons on file since 2020 with row ids far beyond the others
 * (kept outside the bits of the whole city's no-contact join, in its
 * idmap), copies of existing ones: the first never served, the second
 * served in May 2024.  Then May 2024 has 1 more without contact.
 */
START_TEST(test_far_person_ids)
{
	struct ind_period p, q;
	bf_error err;
	long before;

	ck_assert_int_eq(indicators_period(fx.db, "", "2024-05", &p, &err), BF_OK);
	before = value_of(&p, "no_contact_6m");
	fixture_exec(&fx, "CREATE TEMP TABLE far AS SELECT * FROM person WHERE status <> 'closed' ORDER BY id LIMIT 2");
	fixture_exec(&fx, "UPDATE far SET id = 1000000000000 + rowid, citizen_id = '9' || rowid || substr(citizen_id, 3),"
	    " created_at = '2020-01-01 00:00:00'");
	fixture_exec(&fx, "INSERT INTO person SELECT * FROM far");
	fixture_exec(&fx, "DROP TABLE far");
	fixture_exec(&fx, "INSERT INTO service (person_id, served_on, type, created_at)"
	    " VALUES (1000000000002, '2024-05-10', '01', 'x')");
	ck_assert_int_eq(value_of(&p, "no_contact_6m"), before + 1);
	check_period(&p, "city (all)", "open_cases");
	q = p;
	q.all = 0;
	check_period(&q, "city (range)", "open_cases");
}
END_TEST

/* The report (on two connections for the city) gives what its parts give on one. */
START_TEST(test_report_equals_parts)
{
	struct ind_row *rows, *a;
	struct ind_worker *w, *b;
	struct ind_period p;
	char district[13], street[13];
	const char *orgs[2] = { "", NULL };
	bf_error err;
	int n, nw, na, nb, i, o;

	scopes(district, street);
	orgs[1] = district;
	for (o = 0; o < 2; o++) {
		ck_assert_int_eq(indicators_period(fx.db, orgs[o], "2024-05", &p, &err), BF_OK);
		ck_assert_int_eq(indicators_report(fx.db, &p, &rows, &n, &w, &nw, &err), BF_OK);
		ck_assert_int_eq(indicators_compute(fx.db, &p, &a, &na, &err), BF_OK);
		ck_assert_int_eq(indicators_workers(fx.db, &p, &b, &nb, &err), BF_OK);
		ck_assert_int_eq(n, na);
		for (i = 0; i < n; i++) {
			ck_assert_str_eq(rows[i].id, a[i].id);
			ck_assert_str_eq(rows[i].code, a[i].code);
			ck_assert_int_eq(rows[i].value, a[i].value);
		}
		ck_assert_int_eq(nw, nb);
		ck_assert_int_gt(nw, 0);
		for (i = 0; i < nw; i++) {
			ck_assert_int_eq(w[i].id, b[i].id);
			ck_assert_int_eq(w[i].open, b[i].open);
			ck_assert_int_eq(w[i].overdue, b[i].overdue);
		}
		free(rows);
		free(w);
		free(a);
		free(b);
	}
}
END_TEST

/*
 * Within a transaction of its own the connection counts its rows not yet
 * committed, which a second connection would not see: the city is then
 * computed on it alone.
 */
START_TEST(test_uncommitted_rows_counted)
{
	static const char *ids[] = { "grad_1311", "grad_1311_done", "measures_planned", "measures_done" };
	static const long more[] = { 2, 1, 6, 3 };
	struct ind_row *rows;
	struct ind_period p;
	long before[4];
	bf_error err;
	int n, i;
	size_t k;

	ck_assert_int_eq(indicators_period(fx.db, "", "2024-05", &p, &err), BF_OK);
	for (k = 0; k < 4; k++)
		before[k] = value_of(&p, ids[k]);
	ck_assert_int_eq(db_begin(fx.db, &err), BF_OK);
	add_edge_plans();
	ck_assert_int_eq(indicators_compute(fx.db, &p, &rows, &n, &err), BF_OK);
	for (i = 0; i < n; i++)
		for (k = 0; k < 4; k++)
			if (strcmp(rows[i].id, ids[k]) == 0)
				ck_assert_int_eq(rows[i].value, before[k] + more[k]);
	free(rows);
	check_period(&p, "city (all), in a transaction", "open_cases");
	db_rollback(fx.db);
	for (k = 0; k < 4; k++)
		ck_assert_int_eq(value_of(&p, ids[k]), before[k]);
}
END_TEST

/* The generated month is not empty: the comparisons above compare numbers, not zeros. */
START_TEST(test_numbers_not_trivial)
{
	static const char *ids[] = {
		"open_cases", "registered", "registered_new", "difficult", "recognised_new",
		"employed_new", "employed_unit", "employed_flexible", "employed_self", "employed_public",
		"employed_other", "zero_open", "zero_appeared", "zero_cleared",
		"grad_1311", "grad_1311_done", "measures_planned", "measures_done", "followup_overdue",
		"no_contact_6m",
	};
	struct ind_period p;
	bf_error err;
	size_t i;
	long v;

	ck_assert_int_eq(indicators_period(fx.db, "", "2024-05", &p, &err), BF_OK);
	for (i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		ck_assert_int_eq(indicators_value(fx.db, &p, ids[i], NULL, &v, &err), BF_OK);
		ck_assert_msg(v > 0, "%s is 0 in 2024-05", ids[i]);
	}
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("app_indicators");
	TCase *tc = tcase_create("indicators");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_every_indicator_every_scope);
	tcase_add_test(tc, test_numbers_not_trivial);
	tcase_add_test(tc, test_plans_edge_cases);
	tcase_add_test(tc, test_far_person_ids);
	tcase_add_test(tc, test_report_equals_parts);
	tcase_add_test(tc, test_uncommitted_rows_counted);
	suite_add_tcase(s, tc);
	return s;
}
