/*
 * store_fixture.h -- what the store unit tests share: a fresh database in
 * a temporary directory, opened as its first (admin) user, and valid
 * citizen IDs made from 17 digits.
 */
#ifndef BF_TEST_STORE_FIXTURE_H
#define BF_TEST_STORE_FIXTURE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <check.h>
#include <sqlite3.h>

#include "core/idcard.h"
#include "store/db.h"
#include "store/user.h"

struct fixture {
	char		 dir[64];
	char		 path[96];
	struct db	*db;
};

/* Run constant SQL on the fixture's database (asserts success). */
static inline void
fixture_exec(struct fixture *fx, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db_handle(fx->db), sql, NULL, NULL, &msg) != SQLITE_OK)
		ck_abort_msg("%s: %s", sql, msg);
}

/* A new database, clock fixed at 2024-06-01, actor = first user "admin1". */
static inline void
fixture_open(struct fixture *fx)
{
	bf_error err;

	snprintf(fx->dir, sizeof fx->dir, "/tmp/bf-store-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(fx->dir));
	snprintf(fx->path, sizeof fx->path, "%s/t.db", fx->dir);
	setenv("BANGFU_NOW", "2024-06-01 10:00:00", 1);
	ck_assert_int_eq(db_open(fx->path, DB_CREATE, &fx->db, &err), BF_OK);
	ck_assert_int_eq(user_login(fx->db, "admin1", &err), BF_OK);
}

/* Close and remove the database files. */
static inline void
fixture_close(struct fixture *fx)
{
	char p[128];
	const char *suffix[] = { "", "-wal", "-shm" };
	size_t i;

	db_close(fx->db);
	fx->db = NULL;
	for (i = 0; i < 3; i++) {
		snprintf(p, sizeof p, "%s%s", fx->path, suffix[i]);
		unlink(p);
	}
	rmdir(fx->dir);
}

/* body17 + its check character. */
static inline void
fixture_id(const char *body17, char out[19])
{
	memcpy(out, body17, 17);
	out[17] = idcard_check_char(body17);
	out[18] = '\0';
}

#endif
