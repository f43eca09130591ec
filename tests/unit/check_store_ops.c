/*
 * check_store_ops.c -- unit tests for the operations side of the store:
 * drafts (store/draft.c), whole-database backup, verification and
 * restore (store/backup.c) and the soundness checks (store/check.c).
 */
#include "config.h"

#include <sys/stat.h>

#include <sqlite3.h>

#include "runner.h"
#include "store/backup.h"
#include "store/check.h"
#include "store/draft.h"
#include "store/record.h"
#include "store_fixture.h"

/* A draft saves, loads back (NULL values and all), is replaced and deleted. */
START_TEST(test_draft_round_trip)
{
	struct fixture fx;
	struct rec in, out;
	char at[20];
	bf_error err;

	fixture_open(&fx);
	rec_init(&in, "draft");
	rec_set(&in, "name", "张三");
	rec_set(&in, "note", "引号\"和\\反斜杠");
	rec_set(&in, "members[0].name", "李四");
	rec_set(&in, "empty", NULL);
	ck_assert_int_eq(draft_save(fx.db, 0, "person", 0, &in, &err), BF_OK);
	rec_init(&out, "draft");
	ck_assert_int_eq(draft_load(fx.db, 0, "person", 0, &out, at, &err), BF_OK);
	ck_assert_str_eq(at, "2024-06-01 10:00:00");
	ck_assert_str_eq(rec_get(&out, "name"), "张三");
	ck_assert_str_eq(rec_get(&out, "note"), "引号\"和\\反斜杠");
	ck_assert_str_eq(rec_get(&out, "members[0].name"), "李四");
	ck_assert_ptr_null(rec_get(&out, "empty"));
	rec_clear(&out);
	/* Another person's, another form's drafts are other drafts. */
	ck_assert_int_eq(draft_load(fx.db, 0, "registration", 0, &out, at, &err), BF_ENOTFOUND);
	ck_assert_int_eq(draft_load(fx.db, 5, "person", 5, &out, at, &err), BF_ENOTFOUND);
	/* Saving again replaces (NULL keys included). */
	rec_set(&in, "name", "张三丰");
	ck_assert_int_eq(draft_save(fx.db, 0, "person", 0, &in, &err), BF_OK);
	ck_assert_int_eq(draft_load(fx.db, 0, "person", 0, &out, at, &err), BF_OK);
	ck_assert_str_eq(rec_get(&out, "name"), "张三丰");
	rec_clear(&out);
	ck_assert_int_eq(draft_delete(fx.db, 0, "person", 0, &err), BF_OK);
	ck_assert_int_eq(draft_load(fx.db, 0, "person", 0, &out, at, &err), BF_ENOTFOUND);
	rec_clear(&in);
	rec_clear(&out);
	fixture_close(&fx);
}
END_TEST

/* check_report_fn for the tests: count the reports. */
static void
count_reports(void *ctx, const struct check_result *r)
{
	(void)r;
	(*(int *)ctx)++;
}

/* A backup verifies, restores over the database, and checks clean. */
START_TEST(test_backup_verify_restore_check)
{
	struct fixture fx;
	struct backup_info info;
	char copy[128], fresh[128], kept[256];
	int64_t problems = -1;
	int reports = 0;
	struct stat st;
	bf_error err;

	fixture_open(&fx);
	ck_assert_int_eq(check_run(fx.db, count_reports, &reports, &problems, &err), BF_OK);
	ck_assert_int_eq(problems, 0);
	ck_assert_int_eq(reports, 5);
	snprintf(copy, sizeof copy, "%s/copy.db", fx.dir);
	ck_assert_int_eq(backup_write(fx.db, copy, 0, &info, &err), BF_OK);
	ck_assert_int_eq(stat(copy, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	ck_assert_int_eq(backup_write(fx.db, copy, 0, &info, &err), BF_EIO);
	ck_assert_ptr_nonnull(strstr(err.msg, "--force"));
	ck_assert_int_eq(backup_write(fx.db, copy, 1, &info, &err), BF_OK);
	ck_assert_int_eq(backup_write(fx.db, fx.path, 1, &info, &err), BF_EUSAGE);
	ck_assert_int_eq(backup_verify(copy, &info, &err), BF_OK);
	ck_assert_int_eq(info.version, 1);
	snprintf(fresh, sizeof fresh, "%s/fresh.db", fx.dir);
	ck_assert_int_eq(backup_restore(copy, fresh, kept, sizeof kept, &info, &err), BF_OK);
	ck_assert_str_eq(kept, "");
	ck_assert_int_eq(backup_restore(copy, fx.path, kept, sizeof kept, &info, &err), BF_OK);
	ck_assert_ptr_nonnull(strstr(kept, ".bak"));
	ck_assert_int_eq(backup_verify(kept, &info, &err), BF_OK);
	unlink(kept);
	unlink(copy);
	unlink(fresh);
	snprintf(kept, sizeof kept, "%s-wal", fresh);
	unlink(kept);
	snprintf(kept, sizeof kept, "%s-shm", fresh);
	unlink(kept);
	ck_assert_int_eq(backup_verify(copy, &info, &err), BF_ENOTFOUND);
	fixture_close(&fx);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("store_ops");
	TCase *tc = tcase_create("ops");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_draft_round_trip);
	tcase_add_test(tc, test_backup_verify_restore_check);
	suite_add_tcase(s, tc);
	return s;
}
