/*
 * check_store_bulk.c -- unit tests for bulk loads: a load into an empty
 * database drops the secondary indexes and builds them at the end, and a
 * load killed half way gets them back when the database is next opened.
 */
#include "config.h"

#include <sys/wait.h>

#include <sqlite3.h>

#include "runner.h"
#include "store/bulk.h"
#include "store_fixture.h"

static const char *const cols[] = {
	"citizen_id", "id_rev", "name", "sex", "birth_date", "community_code",
	"status_since", "created_at", "updated_at", NULL };

/* One integer from sql. */
static int
int_of(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	int v = -1;

	ck_assert_int_eq(sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static const char sql_indexes[] = "SELECT count(*) FROM sqlite_schema WHERE type = 'index'";
static const char sql_pending[] =
    "SELECT count(*) FROM setting WHERE key = 'bulk.pending_indexes'";

/* Insert person n through b. */
static void
add_person(struct bulk *b, int n)
{
	char body[18], id[19], rev[19], name[16];
	const char *vals[10];
	bf_error err;
	int i;

	snprintf(body, sizeof body, "50010119900101%03d", n);
	fixture_id(body, id);
	for (i = 0; i < 18; i++)
		rev[i] = id[17 - i];
	rev[18] = '\0';
	snprintf(name, sizeof name, "测试%d", n);
	vals[0] = id;
	vals[1] = rev;
	vals[2] = name;
	vals[3] = "1";
	vals[4] = "1990-01-01";
	vals[5] = "500101001001";
	vals[6] = vals[7] = vals[8] = "2024-06-01";
	vals[9] = NULL;
	ck_assert_int_eq(bulk_row(b, "person", cols, vals, NULL, &err), BF_OK);
}

START_TEST(test_indexes_built_at_finish)
{
	struct fixture fx;
	struct bulk *b;
	bf_error err;
	int before;

	fixture_open(&fx);
	before = int_of(fx.db, sql_indexes);
	ck_assert_int_eq(bulk_begin(fx.db, "test", &b, &err), BF_OK);
	ck_assert_int_lt(int_of(fx.db, sql_indexes), before);
	ck_assert_int_eq(int_of(fx.db, sql_pending), 1);
	add_person(b, 1);
	ck_assert_int_eq(bulk_commit(b, &err), BF_OK);
	add_person(b, 2);
	ck_assert_int_eq(bulk_finish(b, NULL, &err), BF_OK);
	ck_assert_int_eq(int_of(fx.db, sql_indexes), before);
	ck_assert_int_eq(int_of(fx.db, sql_pending), 0);
	ck_assert_int_eq(int_of(fx.db, "SELECT count(*) FROM person"), 2);
	ck_assert_int_gt(int_of(fx.db, "SELECT count(*) FROM sqlite_stat1"), 0);

	/* Into a database that has persons, the indexes stay. */
	ck_assert_int_eq(bulk_begin(fx.db, "test", &b, &err), BF_OK);
	ck_assert_int_eq(int_of(fx.db, sql_indexes), before);
	add_person(b, 3);
	ck_assert_int_eq(bulk_finish(b, NULL, &err), BF_OK);
	ck_assert_int_eq(int_of(fx.db, sql_indexes), before);
	fixture_close(&fx);
}
END_TEST

static struct bulk *killed;	/* left unfinished by the child */

START_TEST(test_killed_load_recovered_at_open)
{
	struct fixture fx;
	bf_error err;
	pid_t pid;
	int before, status;

	fixture_open(&fx);
	before = int_of(fx.db, sql_indexes);
	db_close(fx.db);
	fx.db = NULL;
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {		/* a load that dies after one batch */
		struct db *db;

		if (db_open(fx.path, 0, &db, &err) != BF_OK ||
		    user_login(db, "admin1", &err) != BF_OK ||
		    bulk_begin(db, "test", &killed, &err) != BF_OK)
			_exit(1);
		add_person(killed, 1);
		_exit(bulk_commit(killed, &err) == BF_OK ? 0 : 1);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ck_assert_int_eq(db_open(fx.path, 0, &fx.db, &err), BF_OK);
	ck_assert_int_eq(int_of(fx.db, sql_indexes), before);
	ck_assert_int_eq(int_of(fx.db, sql_pending), 0);
	ck_assert_int_eq(int_of(fx.db, "SELECT count(*) FROM person"), 1);
	fixture_close(&fx);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("store_bulk");
	TCase *tc = tcase_create("bulk");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_indexes_built_at_finish);
	tcase_add_test(tc, test_killed_load_recovered_at_open);
	suite_add_tcase(s, tc);
	return s;
}
