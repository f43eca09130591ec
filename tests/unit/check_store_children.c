/*
 * check_store_children.c -- unit tests for the child rows of a person's
 * file: order by date, the limit, plan measures with delivered counts,
 * the household and its members, unknown tables and scope refusal.
 */
#include "config.h"

#include "runner.h"
#include "personfile_fixture.h"
#include "store/children.h"

START_TEST(test_rows_newest_first_with_limit)
{
	struct fixture fx;
	struct children c;
	int64_t pid, other;
	bf_error err;

	fixture_open(&fx);
	children_init(&c);
	pid = pf_add_person(fx.db, "曾小红", "50010319850312002", PF_COMM_A);
	other = pf_add_person(fx.db, "李四", "50010319900101003", PF_COMM_A);
	ck_assert_int_eq(other, 2);
	pf_add(fx.db, "registration", "person_id", "1", "registered_on", "2023-01-05",
	    "cancelled_on", "2023-08-01", "cancel_reason", "01", NULL);
	pf_add(fx.db, "registration", "person_id", "1", "registered_on", "2024-03-01", NULL);
	pf_add(fx.db, "registration", "person_id", "2", "registered_on", "2024-04-01", NULL);
	pf_add(fx.db, "service", "person_id", "1", "served_on", "2024-05-01", "type", "01", NULL);
	pf_add(fx.db, "service", "person_id", "1", "served_on", "2024-05-20", "type", "02",
	    "extra.place", "社区服务站", NULL);
	pf_add(fx.db, "service", "person_id", "1", "served_on", "2024-04-11", "type", "03", NULL);

	ck_assert_int_eq(children_load(fx.db, pid, "registration", 10, &c, &err), BF_OK);
	ck_assert_int_eq(c.n, 2);
	ck_assert_str_eq(rec_get(&c.rows[0], "registered_on"), "2024-03-01");
	ck_assert_str_eq(rec_get(&c.rows[1], "registered_on"), "2023-01-05");
	ck_assert_str_eq(rec_get(&c.rows[1], "cancel_reason"), "01");
	ck_assert_str_eq(c.rows[0].table, "registration");

	ck_assert_int_eq(children_load(fx.db, pid, "service", 2, &c, &err), BF_OK);
	ck_assert_int_eq(c.n, 2);
	ck_assert_str_eq(rec_get(&c.rows[0], "served_on"), "2024-05-20");
	ck_assert_str_eq(rec_get(&c.rows[0], "extra.place"), "社区服务站");
	ck_assert_str_eq(rec_get(&c.rows[1], "served_on"), "2024-05-01");

	ck_assert_int_eq(children_load(fx.db, pid, "employment", 10, &c, &err), BF_OK);
	ck_assert_int_eq(c.n, 0);
	ck_assert_int_eq(children_load(fx.db, pid, "app_user", 10, &c, &err), BF_EINVAL);
	ck_assert_int_eq(c.n, 0);
	children_free(&c);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_plan_measures_count_services)
{
	struct fixture fx;
	struct children plans, m;
	int64_t pid, plan, m1, m2;
	char buf[24];
	bf_error err;

	fixture_open(&fx);
	children_init(&plans);
	children_init(&m);
	pid = pf_add_person(fx.db, "曾小红", "50010319850312002", PF_COMM_A);
	plan = pf_add(fx.db, "plan", "person_id", "1", "made_on", "2024-05-01", "goal", "三个月内就业",
	    NULL);
	snprintf(buf, sizeof buf, "%lld", (long long)plan);
	m1 = pf_add(fx.db, "plan_measure", "plan_id", buf, "type", "01", "target_count", "3",
	    "due_on", "2024-07-01", NULL);
	m2 = pf_add(fx.db, "plan_measure", "plan_id", buf, "type", "02", "due_on", "2024-06-15", NULL);
	snprintf(buf, sizeof buf, "%lld", (long long)m1);
	pf_add(fx.db, "service", "person_id", "1", "served_on", "2024-05-10", "type", "01",
	    "measure_id", buf, NULL);
	pf_add(fx.db, "service", "person_id", "1", "served_on", "2024-05-20", "type", "01",
	    "measure_id", buf, NULL);
	pf_add(fx.db, "service", "person_id", "1", "served_on", "2024-05-21", "type", "05", NULL);

	ck_assert_int_eq(children_load(fx.db, pid, "plan", 10, &plans, &err), BF_OK);
	ck_assert_int_eq(plans.n, 1);
	ck_assert_str_eq(rec_get(&plans.rows[0], "goal"), "三个月内就业");
	ck_assert_int_eq(children_measures(fx.db, pid, plan, 10, &m, &err), BF_OK);
	ck_assert_int_eq(m.n, 2);
	ck_assert_int_eq(m.rows[0].id, m2);	/* due first */
	ck_assert_str_eq(rec_get(&m.rows[0], "delivered"), "0");
	ck_assert_int_eq(m.rows[1].id, m1);
	ck_assert_str_eq(rec_get(&m.rows[1], "delivered"), "2");
	ck_assert_str_eq(rec_get(&m.rows[1], "target_count"), "3");
	/* Not through another person's id. */
	pf_add_person(fx.db, "李四", "50010319900101003", PF_COMM_A);
	ck_assert_int_eq(children_measures(fx.db, 2, plan, 10, &m, &err), BF_OK);
	ck_assert_int_eq(m.n, 0);
	children_free(&plans);
	children_free(&m);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_household_and_members)
{
	struct fixture fx;
	struct children mem;
	struct rec hh, p;
	int64_t pid, hid, existing;
	char buf[24];
	bf_error err;
	long n;

	fixture_open(&fx);
	children_init(&mem);
	rec_init(&hh, "household");
	pid = pf_add_person(fx.db, "曾小红", "50010319850312002", PF_COMM_A);
	/* No household yet. */
	ck_assert_int_eq(children_household(fx.db, pid, 10, &hh, &mem, &err), BF_OK);
	ck_assert_int_eq(hh.id, 0);
	ck_assert_int_eq(mem.n, 0);

	hid = pf_add(fx.db, "household", "community_code", PF_COMM_A, "head_name", "曾大山",
	    "dibao", "1", NULL);
	snprintf(buf, sizeof buf, "%lld", (long long)hid);
	pf_add(fx.db, "household_member", "household_id", buf, "name", "曾大山", "relation", "01",
	    NULL);
	pf_add(fx.db, "household_member", "household_id", buf, "person_id", "1", "name", "曾小红",
	    "relation", "02", "employment", "03", NULL);
	rec_init(&p, "person");
	ck_assert_int_eq(rec_load(fx.db, "person", pid, &p, &err), BF_OK);
	rec_set(&p, "household_id", buf);
	ck_assert_int_eq(person_save(fx.db, &p, &existing, &err), BF_OK);
	rec_clear(&p);

	ck_assert_int_eq(children_household(fx.db, pid, 10, &hh, &mem, &err), BF_OK);
	ck_assert_int_eq(hh.id, hid);
	ck_assert_str_eq(rec_get(&hh, "head_name"), "曾大山");
	ck_assert_str_eq(rec_get(&hh, "dibao"), "1");
	ck_assert_int_eq(mem.n, 2);
	ck_assert_str_eq(rec_get(&mem.rows[0], "name"), "曾大山");
	ck_assert_str_eq(rec_get(&mem.rows[1], "name"), "曾小红");
	ck_assert_str_eq(rec_get(&mem.rows[1], "employment"), "03");
	/* what an editor of the stored household is told its group holds */
	ck_assert_int_eq(rec_count_children(fx.db, "household_member", "household_id", hid, &n, &err),
	    BF_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(rec_count_children(fx.db, "household_member", "household_id", hid + 1, &n,
	    &err), BF_OK);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(rec_count_children(fx.db, "household_member", "no_such_id", hid, &n, &err),
	    BF_EINVAL);
	children_free(&mem);
	rec_clear(&hh);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_scope_refused)
{
	struct fixture fx;
	struct children c;
	struct rec hh;
	int64_t pid;
	bf_error err;

	fixture_open(&fx);
	children_init(&c);
	rec_init(&hh, "household");
	pid = pf_add_person(fx.db, "曾小红", "50010319850312002", PF_COMM_A);
	pf_add(fx.db, "registration", "person_id", "1", "registered_on", "2024-03-01", NULL);
	ck_assert_int_eq(user_add(fx.db, "wz", "万州员", "caseworker", PF_COMM_C, NULL, &err), BF_OK);
	ck_assert_int_eq(user_login(fx.db, "wz", &err), BF_OK);
	ck_assert_int_eq(children_load(fx.db, pid, "registration", 10, &c, &err), BF_EPERM);
	ck_assert_int_eq(c.n, 0);
	ck_assert_int_eq(children_measures(fx.db, pid, 1, 10, &c, &err), BF_EPERM);
	ck_assert_int_eq(children_household(fx.db, pid, 10, &hh, &c, &err), BF_EPERM);
	ck_assert_int_eq(children_load(fx.db, 99, "registration", 10, &c, &err), BF_ENOTFOUND);
	children_free(&c);
	rec_clear(&hh);
	fixture_close(&fx);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("store_children");
	TCase *tc = tcase_create("children");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_rows_newest_first_with_limit);
	tcase_add_test(tc, test_plan_measures_count_services);
	tcase_add_test(tc, test_household_and_members);
	tcase_add_test(tc, test_scope_refused);
	suite_add_tcase(s, tc);
	return s;
}
