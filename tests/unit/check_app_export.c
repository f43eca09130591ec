/*
 * check_app_export.c -- unit tests for src/app/export.c and the parts of
 * src/app/import.c a shell test cannot reach: --full refused for a
 * caseworker (the shell tests run as the administrator), a caseworker's
 * export holding only their community, masked cells, and the audit row.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/export.h"
#include "app/session.h"
#include "forms/model.h"
#include "forms_fixture.h"
#include "runner.h"
#include "store/person.h"
#include "store/record.h"
#include "store_fixture.h"

#define COMM_A	"500103001003"
#define COMM_B	"500103001006"

struct env {
	struct fixture		fx;
	struct app_session	app;
	char			out[128];
};

/* Add a person in community comm with a valid ID from body17. */
static void
add_person(struct db *db, const char *name, const char *body17, const char *comm)
{
	struct rec r;
	int64_t existing;
	bf_error err;
	char id[19];

	fixture_id(body17, id);
	rec_init(&r, "person");
	rec_set(&r, "name", name);
	rec_set(&r, "citizen_id", id);
	rec_set(&r, "community_code", comm);
	rec_set(&r, "address", "华一坡1号");
	rec_set(&r, "phone", "13800000001");
	rec_set(&r, "education", "71");
	ck_assert_int_eq(person_save(db, &r, &existing, &err), BF_OK);
	rec_clear(&r);
}

/* Database with two persons in two communities, the real forms, a caseworker of COMM_A. */
static void
env_open(struct env *e)
{
	bf_error err;

	memset(e, 0, sizeof *e);
	fixture_open(&e->fx);
	e->app.db = e->fx.db;
	e->app.forms = forms_fixture_load("forms");
	add_person(e->fx.db, "张三", "50010319900105123", COMM_A);
	add_person(e->fx.db, "李四", "50010319920308244", COMM_B);
	ck_assert_int_eq(user_add(e->fx.db, "cw", "王五", "caseworker", COMM_A, NULL, &err), BF_OK);
	snprintf(e->out, sizeof e->out, "%s/out.csv", e->fx.dir);
}

static void
env_close(struct env *e)
{
	unlink(e->out);
	form_set_free(e->app.forms);
	fixture_close(&e->fx);
}

/* The whole of a file (caller frees). */
static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *buf = calloc(1, 65536);
	size_t n;

	ck_assert_ptr_nonnull(fp);
	n = fread(buf, 1, 65535, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

START_TEST(test_full_refused_for_caseworker)
{
	struct export_opts o;
	struct env e;
	bf_error err;
	long rows = -1;

	env_open(&e);
	ck_assert_int_eq(user_login(e.fx.db, "cw", &err), BF_OK);
	memset(&o, 0, sizeof o);
	o.out = e.out;
	o.full = 1;
	ck_assert_int_eq(app_export(&e.app, &o, &rows, &err), BF_EPERM);
	ck_assert_ptr_nonnull(strstr(err.msg, "只有系统管理员和督导人员"));
	ck_assert_int_eq(access(e.out, F_OK), -1);
	env_close(&e);
}
END_TEST

START_TEST(test_caseworker_masked_scope)
{
	struct export_opts o;
	struct env e;
	bf_error err;
	long rows = -1;
	char *s;

	env_open(&e);
	ck_assert_int_eq(user_login(e.fx.db, "cw", &err), BF_OK);
	memset(&o, 0, sizeof o);
	o.out = e.out;
	ck_assert_int_eq(app_export(&e.app, &o, &rows, &err), BF_OK);
	ck_assert_int_eq(rows, 1);
	s = slurp(e.out);
	ck_assert_ptr_nonnull(strstr(s, "\xEF\xBB\xBF公民身份号码,姓名,"));
	ck_assert_ptr_nonnull(strstr(s, "张三"));
	ck_assert_ptr_null(strstr(s, "李四"));		/* another community */
	ck_assert_ptr_nonnull(strstr(s, "500103********"));
	ck_assert_ptr_nonnull(strstr(s, "138****0001"));
	ck_assert_ptr_nonnull(strstr(s, ",初中,"));
	ck_assert_ptr_nonnull(strstr(s, "\r\n"));
	free(s);
	env_close(&e);
}
END_TEST

START_TEST(test_admin_full_and_filter)
{
	struct export_opts o;
	struct env e;
	bf_error err;
	long rows = -1;
	char *s, id[19];

	env_open(&e);
	memset(&o, 0, sizeof o);
	o.out = e.out;
	o.full = 1;
	snprintf(o.filter.org, sizeof o.filter.org, "%s", COMM_B);
	ck_assert_int_eq(app_export(&e.app, &o, &rows, &err), BF_OK);
	ck_assert_int_eq(rows, 1);
	s = slurp(e.out);
	fixture_id("50010319920308244", id);
	ck_assert_ptr_nonnull(strstr(s, id));
	ck_assert_ptr_nonnull(strstr(s, "13800000001"));
	ck_assert_ptr_null(strstr(s, "张三"));
	free(s);
	env_close(&e);
}
END_TEST

START_TEST(test_formats)
{
	enum export_format f;

	ck_assert_int_eq(export_format_parse("csv", &f), BF_OK);
	ck_assert_int_eq(f, EXPORT_CSV);
	ck_assert_int_eq(export_format_parse("xlsx", &f), BF_OK);
	ck_assert_int_eq(f, EXPORT_XLSX);
	ck_assert_int_eq(export_format_parse("pdf", &f), BF_EINVAL);
	ck_assert_int_eq(export_format_available(EXPORT_CSV), 1);
#ifdef HAVE_XLSXWRITER
	ck_assert_int_eq(export_format_available(EXPORT_XLSX), 1);
#else
	ck_assert_int_eq(export_format_available(EXPORT_XLSX), 0);
#endif
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("app_export");
	TCase *tc = tcase_create("export");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_full_refused_for_caseworker);
	tcase_add_test(tc, test_caseworker_masked_scope);
	tcase_add_test(tc, test_admin_full_and_filter);
	tcase_add_test(tc, test_formats);
	suite_add_tcase(s, tc);
	return s;
}
