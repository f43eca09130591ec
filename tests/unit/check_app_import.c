/*
 * check_app_import.c -- unit tests for src/app/import.c and its reading
 * thread (import_read.c) on a real database with the real forms: rows
 * across many hand-overs and batches come back in file order with the
 * right counts and report lines; a ledger into an empty database gets
 * its deferred indexes and name index back; a file broken half-way keeps
 * the batches before it, and the thread stops cleanly.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "app/import.h"
#include "app/session.h"
#include "forms/model.h"
#include "forms_fixture.h"
#include "runner.h"
#include "store/db.h"
#include "store/person.h"
#include "store/record.h"
#include "store_fixture.h"

#define COMM	"500103001003"
#define HEADER	"公民身份号码,姓名,文化程度,户籍详细地址,常住地社区（村）,常住地址,手机号码\r\n"

struct env {
	struct fixture		fx;
	struct app_session	app;
	char			csv[128], rep[128];
};

static void
env_open(struct env *e)
{
	memset(e, 0, sizeof *e);
	fixture_open(&e->fx);
	e->app.db = e->fx.db;
	e->app.forms = forms_fixture_load("forms");
	snprintf(e->csv, sizeof e->csv, "%s/ledger.csv", e->fx.dir);
	snprintf(e->rep, sizeof e->rep, "%s/rejected.csv", e->fx.dir);
}

static void
env_close(struct env *e)
{
	unlink(e->csv);
	unlink(e->rep);
	form_set_free(e->app.forms);
	fixture_close(&e->fx);
}

/* The 17 first digits of row i's citizen ID: distinct for i < 13440, a man's. */
static void
row_body(int i, char body[18])
{
	snprintf(body, 18, "50010319%02d%02d%02d%03d", 60 + i % 40, 1 + (i / 40) % 12,
	    1 + (i / 480) % 28, (i % 500) * 2 + 1);
}

/* Write row i: a valid person, with its ID's check digit wrong if bad. */
static void
write_row(FILE *fp, int i, int bad)
{
	static const char *const names[] = { "张伟", "王芳", "李娜", "刘洋", "陈静", "单田芳" };
	char body[18], id[19];

	row_body(i, body);
	fixture_id(body, id);
	if (bad)
		id[17] = id[17] == '0' ? '1' : '0';
	fprintf(fp, "%s,%s,初中,重庆市渝中区华一坡%d号,%s,华一坡%d号,138%08d\r\n",
	    id, names[i % 6], i, COMM, i, i);
}

/* One SQL number from the fixture database. */
static long
sql_long(struct env *e, const char *sql)
{
	sqlite3_stmt *st;
	long v = -1;

	ck_assert_int_eq(sqlite3_prepare_v2(db_handle(e->fx.db), sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Import e->csv with the report at e->rep. */
static int
run_import(struct env *e, struct import_result *res, bf_error *err)
{
	struct import_opts o;

	memset(&o, 0, sizeof o);
	o.path = e->csv;
	o.report = e->rep;
	return app_import(&e->app, &o, res, err);
}

/* The person table's indexes and triggers (the importer may drop and rebuild some). */
static const char person_indexes[] =
    "SELECT count(*) FROM sqlite_schema WHERE type IN ('index', 'trigger') AND tbl_name = 'person'";

START_TEST(test_rows_in_order_and_indexes_back)
{
	struct import_result res;
	struct env e;
	bf_error err;
	FILE *fp;
	char line[512], body[18], id[19];
	long before, prev = 0, n, bad_seen = 0;
	int i;

	env_open(&e);
	before = sql_long(&e, person_indexes);
	fp = fopen(e.csv, "wb");
	ck_assert_ptr_nonnull(fp);
	fputs("\xEF\xBB\xBF" HEADER, fp);
	for (i = 0; i < 3000; i++) {
		if (i == 2000)
			fputs("少了,几列\r\n", fp);		/* line 2002 */
		else if (i == 1234) {
			row_body(10, body);		/* the ID of line 12 again */
			fixture_id(body, id);
			fprintf(fp, "%s,重复,初中,某地,%s,某地,13900000000\r\n", id, COMM);
		} else
			write_row(fp, i, i % 500 == 7);
	}
	fclose(fp);
	ck_assert_int_eq(run_import(&e, &res, &err), BF_OK);
	ck_assert_int_eq(res.read, 3000);
	ck_assert_int_eq(res.rejected, 8);	/* 6 check digits, a duplicate, a short row */
	ck_assert_int_eq(res.dups, 1);
	ck_assert_int_eq(res.imported, 2992);
	ck_assert_ptr_nonnull(res.report);

	/* the report follows the file, whichever thread found the problem */
	fp = fopen(e.rep, "rb");
	ck_assert_ptr_nonnull(fp);
	ck_assert_ptr_nonnull(fgets(line, sizeof line, fp));
	while (fgets(line, sizeof line, fp) != NULL) {
		n = strtol(line, NULL, 10);
		ck_assert_int_ge(n, prev);
		prev = n;
		if (strstr(line, "校验码") != NULL)
			bad_seen++;
		if (n == 1236)
			ck_assert_ptr_nonnull(strstr(line, "与第 12 行重复"));
		if (n == 2002)
			ck_assert_ptr_nonnull(strstr(line, "本行有 2 列，表头有 7 列"));
	}
	fclose(fp);
	ck_assert_int_eq(bad_seen, 6);
	ck_assert_int_eq(prev, 2509);		/* i = 2507 */

	/* indexes, the name index and its trigger rebuilt; one audit row per person */
	ck_assert_int_eq(sql_long(&e, person_indexes), before);
	ck_assert_int_eq(sql_long(&e, "SELECT count(*) FROM setting WHERE key = 'bulk.pending_indexes'"), 0);
	ck_assert_int_eq(sql_long(&e, "SELECT count(*) FROM person_fts WHERE person_fts MATCH '\"单 田 芳\"'"),
	    sql_long(&e, "SELECT count(*) FROM person WHERE name = '单田芳'"));
	ck_assert_int_gt(sql_long(&e, "SELECT count(*) FROM person WHERE name = '单田芳'"), 400);
	ck_assert_int_eq(sql_long(&e, "SELECT count(*) FROM audit_log WHERE action = 'insert' AND tbl = 'person'"),
	    2992);
	ck_assert_int_eq(sql_long(&e, "SELECT count(*) FROM person WHERE name_py = 'stf'"),
	    sql_long(&e, "SELECT count(*) FROM person WHERE name = '单田芳'"));
	import_result_free(&res);
	env_close(&e);
}
END_TEST

START_TEST(test_broken_file_keeps_whole_batches)
{
	struct import_result res;
	struct env e;
	bf_error err;
	FILE *fp;
	long before;
	int i;

	env_open(&e);
	before = sql_long(&e, person_indexes);
	fp = fopen(e.csv, "wb");
	ck_assert_ptr_nonnull(fp);
	fputs(HEADER, fp);
	for (i = 0; i < 2500; i++)
		write_row(fp, i, 0);
	fputs("\"没有结束的引号,王五,初中\r\n", fp);
	for (i = 2500; i < 2600; i++)
		write_row(fp, i, 0);
	fclose(fp);
	ck_assert_int_ne(run_import(&e, &res, &err), BF_OK);
	ck_assert_ptr_nonnull(strstr(err.msg, "引号"));
	/* the first batch (IMPORT_BATCH_ROWS) is in, the rows after it are not */
	ck_assert_int_eq(sql_long(&e, "SELECT count(*) FROM person"), IMPORT_BATCH_ROWS);
	ck_assert_int_eq(sql_long(&e, person_indexes), before);
	ck_assert_int_eq(sql_long(&e, "SELECT count(*) FROM person_fts_docsize"), IMPORT_BATCH_ROWS);
	import_result_free(&res);
	env_close(&e);
}
END_TEST

START_TEST(test_into_a_database_in_use)
{
	struct import_result res;
	struct env e;
	struct rec r;
	bf_error err;
	int64_t existing;
	FILE *fp;
	char body[18], id[19];
	int i;

	env_open(&e);
	row_body(3, body);
	fixture_id(body, id);
	rec_init(&r, "person");
	rec_set(&r, "name", "已有人");
	rec_set(&r, "citizen_id", id);
	rec_set(&r, "community_code", COMM);
	rec_set(&r, "address", "华一坡1号");
	rec_set(&r, "phone", "13800000001");
	rec_set(&r, "education", "71");
	ck_assert_int_eq(person_save(e.fx.db, &r, &existing, &err), BF_OK);
	rec_clear(&r);
	fp = fopen(e.csv, "wb");
	ck_assert_ptr_nonnull(fp);
	fputs(HEADER, fp);
	for (i = 0; i < 10; i++)
		write_row(fp, i, 0);
	fclose(fp);
	ck_assert_int_eq(run_import(&e, &res, &err), BF_OK);
	ck_assert_int_eq(res.imported, 9);
	ck_assert_int_eq(res.existing, 1);
	/* nothing deferred: the search index took each row as it came */
	ck_assert_int_eq(sql_long(&e, "SELECT count(*) FROM person_fts_docsize"), 10);
	ck_assert_int_eq(sql_long(&e, "SELECT count(*) FROM sqlite_schema WHERE name = 'person_fts_ai'"), 1);
	import_result_free(&res);
	env_close(&e);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("app_import");
	TCase *tc = tcase_create("import");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_rows_in_order_and_indexes_back);
	tcase_add_test(tc, test_broken_file_keeps_whole_batches);
	tcase_add_test(tc, test_into_a_database_in_use);
	suite_add_tcase(s, tc);
	return s;
}
