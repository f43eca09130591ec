/*
 * db_private.h -- small helpers shared by the files of src/store only:
 * reading and binding text columns without repeating NULL checks.
 */
#ifndef BF_STORE_DB_PRIVATE_H
#define BF_STORE_DB_PRIVATE_H

#include <sqlite3.h>

#include "store/db.h"

/* Column i as text, "" when NULL (borrowed until the next step). */
static inline const char *
st_text(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s != NULL ? (const char *)s : "";
}

/* Bind s, or NULL when s is NULL or empty. */
static inline int
st_bind_opt(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL || *s == '\0')
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

/* Bind s (never NULL: "" stays ""). */
static inline int
st_bind(sqlite3_stmt *st, int i, const char *s)
{
	return sqlite3_bind_text(st, i, s != NULL ? s : "", -1, SQLITE_TRANSIENT);
}

int	db_has_column(struct db *db, const char *table, const char *column); /* cached */
int	audit_install(struct db *db, bf_error *err);   /* (re)create audit triggers */
int	orgunit_seed(struct db *db, bf_error *err);    /* load the embedded division codes */
int	migrate_run(struct db *db, int from, bf_error *err); /* upgrade from version from */

#endif
