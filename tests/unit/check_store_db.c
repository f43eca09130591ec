/*
 * check_store_db.c -- unit tests for opening and creating databases, the
 * schema version checks, the organisation tree and users.
 */
#include "config.h"

#include <sys/stat.h>

#include <sqlite3.h>

#include "runner.h"
#include "store/orgunit.h"
#include "store/schema.h"
#include "store_fixture.h"

START_TEST(test_create_seeds_orgs_and_admin)
{
	struct fixture fx;
	struct org_unit u, kids[64];
	const struct db_actor *a;
	struct stat st;
	bf_error err;
	int n, version;

	fixture_open(&fx);
	ck_assert_int_eq(stat(fx.path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	ck_assert_int_eq(schema_version(fx.db, &version, &err), BF_OK);
	ck_assert_int_eq(version, SCHEMA_VERSION);
	ck_assert_int_eq(orgunit_get(fx.db, "500103", &u, &err), BF_OK);
	ck_assert_str_eq(u.name, "渝中区");
	ck_assert_str_eq(u.level, "district");
	ck_assert_str_eq(u.code, "500103000000");
	ck_assert_int_eq(orgunit_children(fx.db, ORG_CITY, kids, 64, &n, &err), BF_OK);
	ck_assert_int_eq(n, 38);
	ck_assert_int_eq(orgunit_get(fx.db, "500101001001", &u, &err), BF_OK);
	ck_assert_str_eq(u.level, "community");
	ck_assert_str_eq(u.parent, "500101001000");
	ck_assert_int_eq(orgunit_get(fx.db, "500199", &u, &err), BF_ENOTFOUND);
	ck_assert_str_eq(err.msg, "没有这个区划代码：500199");
	a = db_actor(fx.db);
	ck_assert_str_eq(a->role, "admin");
	ck_assert_str_eq(a->scope_lo, "500000000000");
	ck_assert_str_eq(a->scope_hi, "509999999999");
	fixture_close(&fx);
}
END_TEST

START_TEST(test_unknown_user_refused_then_added)
{
	struct fixture fx;
	struct user_row users[8];
	bf_error err;
	int n;

	fixture_open(&fx);
	ck_assert_int_eq(user_login(fx.db, "li", &err), BF_EPERM);
	ck_assert_str_eq(err.msg, "已记录您的登录名 li，等待开通。请系统管理员运行：bangfu user add li "
	    "--role caseworker --org 社区代码");
	/* Recorded, pending, and still refused on the next try. */
	ck_assert_int_eq(user_list(fx.db, users, 8, &n, &err), BF_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(users[1].disabled, USER_PENDING);
	ck_assert_int_eq(user_login(fx.db, "li", &err), BF_EPERM);
	/* Enabling alone is not enough: a role and unit are needed. */
	ck_assert_int_eq(user_set_disabled(fx.db, "li", 0, &err), BF_EINVAL);
	ck_assert_ptr_nonnull(strstr(err.msg, "尚未开通"));
	ck_assert_int_eq(user_add(fx.db, "li", "李四", "caseworker", "500103", NULL, &err), BF_EINVAL);
	ck_assert_ptr_nonnull(strstr(err.msg, "社区工作人员应属于一个社区"));
	ck_assert_int_eq(user_add(fx.db, "li", "李四", "boss", "500103001003", NULL, &err), BF_EINVAL);
	ck_assert_int_eq(user_add(fx.db, "li", "李四", "caseworker", "500103001003", NULL, &err), BF_OK);
	ck_assert_int_eq(user_add(fx.db, "li", "李四", "caseworker", "500103001003", NULL, &err), BF_EDUP);
	ck_assert_int_eq(user_add(fx.db, "wang", "王", "supervisor", "500103001", NULL, &err), BF_OK);
	ck_assert_str_eq(err.msg, "用户 li 已存在");
	ck_assert_int_eq(user_login(fx.db, "li", &err), BF_OK);
	ck_assert_str_eq(db_actor(fx.db)->scope_lo, "500103001003");
	ck_assert_str_eq(db_actor(fx.db)->scope_hi, "500103001003");
	ck_assert(db_in_scope(fx.db, "500103001003"));
	ck_assert(!db_in_scope(fx.db, "500103001006"));
	/* A caseworker cannot manage users. */
	ck_assert_int_eq(user_set_disabled(fx.db, "admin1", 1, &err), BF_EPERM);
	ck_assert_int_eq(user_login(fx.db, "admin1", &err), BF_OK);
	/* Nobody may lock the database out of user management. */
	ck_assert_int_eq(user_set_disabled(fx.db, "admin1", 1, &err), BF_EPERM);
	ck_assert_str_eq(err.msg, "admin1 是唯一的系统管理员，请先添加另一位管理员");
	ck_assert_int_eq(user_set_disabled(fx.db, "li", 1, &err), BF_OK);
	ck_assert_int_eq(user_login(fx.db, "li", &err), BF_EPERM);
	ck_assert_str_eq(err.msg, "用户 li 已停用，请联系系统管理员");
	ck_assert_int_eq(user_list(fx.db, users, 8, &n, &err), BF_OK);
	ck_assert_int_eq(n, 3);
	ck_assert_str_eq(users[1].login, "li");
	ck_assert_str_eq(users[1].org_name, "华一坡社区");
	ck_assert_int_eq(users[1].disabled, 1);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_missing_newer_and_foreign_files_refused)
{
	struct fixture fx;
	struct db *db;
	sqlite3 *h;
	bf_error err;
	char path[128];

	ck_assert_int_eq(db_open("/nonexistent/dir/x.db", 0, &db, &err), BF_ENOTFOUND);
	ck_assert_str_eq(err.msg, "数据库文件不存在：/nonexistent/dir/x.db（请先运行 bangfu init）");
	fixture_open(&fx);
	db_close(fx.db);
	ck_assert_int_eq(sqlite3_open(fx.path, &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(h, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	ck_assert_int_eq(db_open(fx.path, DB_CREATE, &fx.db, &err), BF_ESCHEMA);
	ck_assert_ptr_nonnull(strstr(err.msg, "数据库由更新版本的 bangfu 建立（结构版本 99，本程序只支持到 1）"));
	ck_assert_ptr_null(fx.db);
	/* Another program's database. */
	snprintf(path, sizeof path, "%s/other.db", fx.dir);
	ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(h, "CREATE TABLE t(x)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	ck_assert_int_eq(db_open(path, DB_CREATE, &db, &err), BF_ESCHEMA);
	ck_assert_ptr_nonnull(strstr(err.msg, "这不是 bangfu 的数据库文件"));
	unlink(path);
	/* Not a database at all. */
	{
		FILE *fp = fopen(path, "w");

		fputs("这不是数据库，只是一段文字，长度足够让 SQLite 读取文件头。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。", fp);
		fclose(fp);
	}
	ck_assert_int_eq(db_open(path, DB_CREATE, &db, &err), BF_ESCHEMA);
	ck_assert_ptr_nonnull(strstr(err.msg, "数据库文件已损坏或不是 bangfu 数据库"));
	unlink(path);
	fx.db = NULL;
	fixture_close(&fx);
}
END_TEST

START_TEST(test_schema_info_lists_columns)
{
	struct schema_info *si;
	bf_error err;

	si = schema_info_load(&err);
	ck_assert_ptr_nonnull(si);
	ck_assert(schema_has_table(si, "person"));
	ck_assert(schema_has_column(si, "person", "citizen_id"));
	ck_assert(schema_has_column(si, "registration", "unemployed_since"));
	ck_assert(!schema_has_column(si, "person", "wechat"));
	ck_assert(!schema_has_table(si, "persons"));
	schema_info_free(si);
}
END_TEST

START_TEST(test_nested_transactions)
{
	struct fixture fx;
	bf_error err;

	fixture_open(&fx);
	ck_assert_int_eq(db_begin(fx.db, &err), BF_OK);
	ck_assert_int_eq(db_exec(fx.db, "INSERT INTO setting VALUES ('a', '1')", &err), BF_OK);
	ck_assert_int_eq(db_begin(fx.db, &err), BF_OK);
	ck_assert_int_eq(db_exec(fx.db, "INSERT INTO setting VALUES ('b', '2')", &err), BF_OK);
	db_rollback(fx.db);
	ck_assert_int_eq(db_commit(fx.db, &err), BF_OK);
	ck_assert_int_eq(db_exec(fx.db, "INSERT INTO setting VALUES ('a', '3')", &err), BF_EDUP);
	ck_assert_int_eq(db_exec(fx.db, "INSERT INTO setting VALUES ('b', '3')", &err), BF_OK);
	fixture_close(&fx);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("store_db");
	TCase *tc = tcase_create("db");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_create_seeds_orgs_and_admin);
	tcase_add_test(tc, test_unknown_user_refused_then_added);
	tcase_add_test(tc, test_missing_newer_and_foreign_files_refused);
	tcase_add_test(tc, test_schema_info_lists_columns);
	tcase_add_test(tc, test_nested_transactions);
	suite_add_tcase(s, tc);
	return s;
}
