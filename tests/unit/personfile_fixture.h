/*
 * personfile_fixture.h -- what the person-file tests (store history and
 * children, the TUI person screen) share on top of store_fixture.h:
 * adding a person and child rows through the store, and one number
 * from a query.
 */
#ifndef BF_TEST_PERSONFILE_FIXTURE_H
#define BF_TEST_PERSONFILE_FIXTURE_H

#include <stdarg.h>

#include <sqlite3.h>

#include "store/person.h"
#include "store/record.h"
#include "store_fixture.h"

#define PF_COMM_A	"500103001003"	/* 华一坡社区, 七星岗街道, 渝中区 */
#define PF_COMM_C	"500101001001"	/* 万州区 */

/* Save a new person; returns its id (asserts success). */
static inline int64_t
pf_add_person(struct db *db, const char *name, const char *body17, const char *community)
{
	struct rec r;
	char id[19];
	int64_t existing, pid;
	bf_error err;

	fixture_id(body17, id);
	rec_init(&r, "person");
	rec_set(&r, "name", name);
	rec_set(&r, "citizen_id", id);
	rec_set(&r, "community_code", community);
	if (person_save(db, &r, &existing, &err) != BF_OK)
		ck_abort_msg("person_save %s: %s", name, err.msg);
	pid = r.id;
	rec_clear(&r);
	return pid;
}

/*
 * Insert a row of table from name/value pairs ending with NULL; returns
 * its id (asserts success).
 */
static inline int64_t
pf_add(struct db *db, const char *table, ...)
{
	struct rec r;
	va_list ap;
	const char *name, *value;
	int64_t id;
	bf_error err;

	rec_init(&r, table);
	va_start(ap, table);
	while ((name = va_arg(ap, const char *)) != NULL) {
		value = va_arg(ap, const char *);
		rec_set(&r, name, value);
	}
	va_end(ap);
	if (rec_save(db, &r, &err) != BF_OK)
		ck_abort_msg("rec_save %s: %s", table, err.msg);
	id = r.id;
	rec_clear(&r);
	return id;
}

/* One integer from a constant query. */
static inline long
pf_query_long(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	long v = -1;

	ck_assert_int_eq(sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

#endif
