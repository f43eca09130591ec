/*
 * check_store_history.c -- unit tests for a person's change history:
 * entries newest first with who and what, keyset paging both ways,
 * field-level differences (only changed fields for an update, no
 * book-keeping or derived columns), scope refusal, and 'view' rows.
 */
#include "config.h"

#include "runner.h"
#include "personfile_fixture.h"
#include "store/history.h"

/* Find the change of column in c, or NULL. */
static const struct history_change *
find_change(const struct history_change *c, size_t n, const char *column)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(c[i].column, column) == 0)
			return &c[i];
	return NULL;
}

/* A person created by admin1, edited by caseworker 王五, then a registration. */
static int64_t
make_history(struct fixture *fx)
{
	struct rec r;
	int64_t pid, existing;
	bf_error err;

	ck_assert_int_eq(user_add(fx->db, "cw", "王五", "caseworker", PF_COMM_A, NULL, &err), BF_OK);
	pid = pf_add_person(fx->db, "曾小红", "50010319850312002", PF_COMM_A);
	ck_assert_int_eq(user_login(fx->db, "cw", &err), BF_OK);
	db_set_now(fx->db, "2024-06-02 09:30:00");
	rec_init(&r, "person");
	ck_assert_int_eq(rec_load(fx->db, "person", pid, &r, &err), BF_OK);
	rec_set(&r, "phone", "13800138000");
	rec_set(&r, "education", "21");
	rec_set(&r, "extra.school", "重庆大学");
	ck_assert_int_eq(person_save(fx->db, &r, &existing, &err), BF_OK);
	rec_clear(&r);
	db_set_now(fx->db, "2024-06-03 11:00:00");
	pf_add(fx->db, "registration", "person_id", "1", "registered_on", "2024-06-03",
	    "reason", "02", NULL);
	return pid;
}

START_TEST(test_entries_newest_first)
{
	struct fixture fx;
	struct history_entry h[10];
	int64_t pid;
	long count;
	int n;
	bf_error err;

	fixture_open(&fx);
	pid = make_history(&fx);
	ck_assert_int_eq(pid, 1);
	ck_assert_int_eq(history_list(fx.db, pid, 0, 1, h, 10, &n, &err), BF_OK);
	ck_assert_int_eq(n, 3);
	ck_assert_str_eq(h[0].action, "insert");
	ck_assert_str_eq(h[0].table, "registration");
	ck_assert_str_eq(h[0].user, "王五");
	ck_assert_str_eq(h[0].at, "2024-06-03 11:00:00");
	ck_assert_str_eq(h[1].action, "update");
	ck_assert_str_eq(h[1].table, "person");
	ck_assert_int_eq(h[1].row_id, pid);
	ck_assert_str_eq(h[1].user, "王五");
	ck_assert_str_eq(h[2].action, "insert");
	ck_assert_str_eq(h[2].table, "person");
	ck_assert_str_eq(h[2].user, "admin1");	/* no name: the login */
	ck_assert_int_gt(h[0].id, h[1].id);
	ck_assert_int_gt(h[1].id, h[2].id);
	ck_assert_str_eq(history_action_label(h[1].action), "修改");
	ck_assert_str_eq(history_action_label("delete"), "删除");
	ck_assert_int_eq(history_count(fx.db, pid, &count, &err), BF_OK);
	ck_assert_int_eq(count, 3);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_paging_both_ways)
{
	struct fixture fx;
	struct history_entry all[10], h[10];
	int64_t pid;
	int n, m;
	bf_error err;

	fixture_open(&fx);
	pid = make_history(&fx);
	ck_assert_int_eq(history_list(fx.db, pid, 0, 1, all, 10, &n, &err), BF_OK);
	ck_assert_int_eq(n, 3);
	/* Older than the newest: the other two, newest first. */
	ck_assert_int_eq(history_list(fx.db, pid, all[0].id, 1, h, 10, &m, &err), BF_OK);
	ck_assert_int_eq(m, 2);
	ck_assert_int_eq(h[0].id, all[1].id);
	ck_assert_int_eq(h[1].id, all[2].id);
	/* A limit of one. */
	ck_assert_int_eq(history_list(fx.db, pid, all[0].id, 1, h, 1, &m, &err), BF_OK);
	ck_assert_int_eq(m, 1);
	ck_assert_int_eq(h[0].id, all[1].id);
	/* Newer than the oldest: nearest first. */
	ck_assert_int_eq(history_list(fx.db, pid, all[2].id, 0, h, 10, &m, &err), BF_OK);
	ck_assert_int_eq(m, 2);
	ck_assert_int_eq(h[0].id, all[1].id);
	ck_assert_int_eq(h[1].id, all[0].id);
	/* From the far end: the oldest first. */
	ck_assert_int_eq(history_list(fx.db, pid, 0, 0, h, 10, &m, &err), BF_OK);
	ck_assert_int_eq(m, 3);
	ck_assert_int_eq(h[0].id, all[2].id);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_update_diff_lists_only_changed_fields)
{
	struct fixture fx;
	struct history_entry h[10];
	struct history_change *c;
	const struct history_change *x;
	size_t nc;
	int64_t pid;
	int n;
	bf_error err;

	fixture_open(&fx);
	pid = make_history(&fx);
	ck_assert_int_eq(history_list(fx.db, pid, 0, 1, h, 10, &n, &err), BF_OK);
	ck_assert_int_eq(history_changes(fx.db, pid, h[1].id, &c, &nc, &err), BF_OK);
	ck_assert_uint_eq(nc, 3);
	x = find_change(c, nc, "phone");
	ck_assert_ptr_nonnull(x);
	ck_assert_ptr_null(x->before);
	ck_assert_str_eq(x->after, "13800138000");
	x = find_change(c, nc, "education");
	ck_assert_ptr_nonnull(x);
	ck_assert_str_eq(x->after, "21");
	x = find_change(c, nc, "extra.school");
	ck_assert_ptr_nonnull(x);
	ck_assert_ptr_null(x->before);
	ck_assert_str_eq(x->after, "重庆大学");
	/* Column order: education comes before phone in the table. */
	ck_assert_str_eq(c[0].column, "education");
	ck_assert_str_eq(c[1].column, "phone");
	ck_assert_str_eq(c[2].column, "extra.school");
	history_changes_free(c, nc);

	/* An insert lists the values given, not the derived or book-keeping columns. */
	ck_assert_int_eq(history_changes(fx.db, pid, h[2].id, &c, &nc, &err), BF_OK);
	x = find_change(c, nc, "name");
	ck_assert_ptr_nonnull(x);
	ck_assert_ptr_null(x->before);
	ck_assert_str_eq(x->after, "曾小红");
	ck_assert_ptr_nonnull(find_change(c, nc, "citizen_id"));
	ck_assert_ptr_nonnull(find_change(c, nc, "birth_date"));
	ck_assert_ptr_null(find_change(c, nc, "name_py"));
	ck_assert_ptr_null(find_change(c, nc, "name_chars"));
	ck_assert_ptr_null(find_change(c, nc, "id_rev"));
	ck_assert_ptr_null(find_change(c, nc, "version"));
	ck_assert_ptr_null(find_change(c, nc, "id"));
	ck_assert_ptr_null(find_change(c, nc, "created_at"));
	ck_assert_ptr_null(find_change(c, nc, "phone"));	/* NULL on insert: left out */
	history_changes_free(c, nc);

	/* An entry of another person is not found through this one. */
	ck_assert_int_eq(history_changes(fx.db, pid, 999, &c, &nc, &err), BF_OK);
	ck_assert_uint_eq(nc, 0);
	history_changes_free(c, nc);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_delete_diff_shows_before)
{
	struct fixture fx;
	struct history_entry h[10];
	struct history_change *c;
	const struct history_change *x;
	size_t nc;
	int64_t pid;
	int n;
	bf_error err;

	fixture_open(&fx);
	pid = make_history(&fx);
	ck_assert_int_eq(db_exec(fx.db, "DELETE FROM registration", &err), BF_OK);
	ck_assert_int_eq(history_list(fx.db, pid, 0, 1, h, 10, &n, &err), BF_OK);
	ck_assert_int_eq(n, 4);
	ck_assert_str_eq(h[0].action, "delete");
	ck_assert_int_eq(history_changes(fx.db, pid, h[0].id, &c, &nc, &err), BF_OK);
	x = find_change(c, nc, "registered_on");
	ck_assert_ptr_nonnull(x);
	ck_assert_str_eq(x->before, "2024-06-03");
	ck_assert_ptr_null(x->after);
	history_changes_free(c, nc);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_scope_refused)
{
	struct fixture fx;
	struct history_entry h[10];
	struct history_change *c;
	size_t nc;
	int64_t pid;
	long count;
	int n;
	bf_error err;

	fixture_open(&fx);
	pid = make_history(&fx);
	ck_assert_int_eq(user_login(fx.db, "admin1", &err), BF_OK);
	ck_assert_int_eq(user_add(fx.db, "wz", "万州员", "caseworker", PF_COMM_C, NULL, &err), BF_OK);
	ck_assert_int_eq(user_login(fx.db, "wz", &err), BF_OK);
	ck_assert_int_eq(history_list(fx.db, pid, 0, 1, h, 10, &n, &err), BF_EPERM);
	ck_assert_int_eq(n, 0);
	ck_assert_str_eq(err.msg, "该人员不在您的管辖范围内");
	ck_assert_int_eq(history_count(fx.db, pid, &count, &err), BF_EPERM);
	ck_assert_int_eq(history_changes(fx.db, pid, 1, &c, &nc, &err), BF_EPERM);
	ck_assert_ptr_null(c);
	ck_assert_int_eq(history_log_view(fx.db, pid, "完整身份证号", &err), BF_EPERM);
	ck_assert_int_eq(pf_query_long(fx.db, "SELECT count(*) FROM audit_log WHERE action = 'view'"), 0);
	ck_assert_int_eq(history_list(fx.db, 42, 0, 1, h, 10, &n, &err), BF_ENOTFOUND);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_view_rows_written)
{
	struct fixture fx;
	struct history_entry h[10];
	int64_t pid;
	int n;
	bf_error err;

	fixture_open(&fx);
	pid = make_history(&fx);
	db_set_now(fx.db, "2024-06-04 08:00:00");
	ck_assert_int_eq(history_log_view(fx.db, pid, "完整身份证号", &err), BF_OK);
	ck_assert_int_eq(pf_query_long(fx.db, "SELECT count(*) FROM audit_log WHERE action = 'view'"
	    " AND tbl = 'person' AND row_id = 1 AND person_id = 1 AND note = '完整身份证号'"
	    " AND user_id = (SELECT id FROM app_user WHERE login = 'cw')"
	    " AND at = '2024-06-04 08:00:00'"), 1);
	ck_assert_int_eq(history_list(fx.db, pid, 0, 1, h, 10, &n, &err), BF_OK);
	ck_assert_int_eq(n, 4);
	ck_assert_str_eq(h[0].action, "view");
	ck_assert_str_eq(h[0].note, "完整身份证号");
	ck_assert_str_eq(history_action_label(h[0].action), "查看");
	fixture_close(&fx);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("store_history");
	TCase *tc = tcase_create("history");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_entries_newest_first);
	tcase_add_test(tc, test_paging_both_ways);
	tcase_add_test(tc, test_update_diff_lists_only_changed_fields);
	tcase_add_test(tc, test_delete_diff_shows_before);
	tcase_add_test(tc, test_scope_refused);
	tcase_add_test(tc, test_view_rows_written);
	suite_add_tcase(s, tc);
	return s;
}
