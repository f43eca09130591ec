/*
 * db.h -- the database handle: open or create a bangfu database, who is
 * acting, what "now" is, transactions, and the statement cache every
 * other store file prepares its SQL through.
 *
 * One struct db per connection.  Opening sets WAL, foreign keys and a busy
 * timeout, registers the SQL functions the audit triggers call (bf_now,
 * bf_actor, bf_audit_on), checks that the file is a bangfu database of a
 * schema version this program understands, and creates or upgrades it
 * when DB_CREATE is given.
 */
#ifndef BF_STORE_DB_H
#define BF_STORE_DB_H

#include <stdint.h>

#include "util/error.h"

struct db;
struct sqlite3_stmt;

enum db_flags {
	DB_CREATE	= 1 << 0,	/* create the file and schema, or upgrade */
	DB_READONLY	= 1 << 1	/* open read-only (search, reports) */
};

/* The acting user, as the store scopes and audits them. */
struct db_actor {
	int64_t	id;		/* app_user.id; 0 = nobody yet */
	char	login[64];
	char	name[64];
	char	role[16];	/* caseworker, supervisor, admin */
	char	org[13];	/* 12-digit org_unit code */
	char	scope_lo[13];	/* persons whose community_code is in */
	char	scope_hi[13];	/* [scope_lo, scope_hi] are in scope */
};

int	db_open(const char *path, int flags, struct db **out, bf_error *err); /* *out owned by caller: db_close */
void	db_close(struct db *db);                   /* NULL is fine */
const char *db_path(const struct db *db);          /* borrowed */

/* Clock: $BANGFU_NOW ("YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS") overrides it. */
void	db_set_now(struct db *db, const char *now); /* NULL: the real clock */
void	db_now(const struct db *db, char out[20]);  /* "YYYY-MM-DD HH:MM:SS" local */
void	db_today(const struct db *db, char out[11]); /* "YYYY-MM-DD" */

/* Acting user (user.c sets it); scope applies to every person query. */
const struct db_actor *db_actor(const struct db *db); /* borrowed */
void	db_set_actor(struct db *db, const struct db_actor *a);
int	db_in_scope(const struct db *db, const char *community_code); /* 1 if visible */
int	db_scope_prefix(const struct db *db); /* digits the scope fixes: 12 community ... 2 city */

/* Audit triggers fire only while this is on (it is, after open). */
void	db_set_audit(struct db *db, int on);
/* synchronous=FULL instead of NORMAL (tests of power loss; backups). */
int	db_set_sync_full(struct db *db, int on, bf_error *err);
/* A large page cache while loading many rows (on), the usual one after (off). */
void	db_set_large_cache(struct db *db, int on);

/*
 * Write transactions: the outermost db_begin is BEGIN IMMEDIATE (so a
 * busy database waits at the start, not half-way through), inner ones are
 * savepoints.  db_rollback undoes back to the matching db_begin.
 */
int	db_begin(struct db *db, bf_error *err);
/* A read transaction (BEGIN DEFERRED; a savepoint when one is open), ended by db_commit. */
int	db_begin_read(struct db *db, bf_error *err);
int	db_commit(struct db *db, bf_error *err);
void	db_rollback(struct db *db);

/* A cached prepared statement for a constant SQL string (reset, unbound). */
struct sqlite3_stmt *db_stmt(struct db *db, const char *sql, bf_error *err);
/* A cached statement for SQL text built at run time from checked names. */
struct sqlite3_stmt *db_stmt_text(struct db *db, const char *sql, bf_error *err);
/* Run constant SQL without results (DDL, pragmas). */
int	db_exec(struct db *db, const char *sql, bf_error *err);
/* Turn the last SQLite error into a Chinese message; returns the status. */
int	db_fail(struct db *db, bf_error *err, const char *what);
/* Rows changed by the last statement. */
int	db_changes(struct db *db);
int64_t	db_last_id(struct db *db);
/* The raw handle, for other store files only. */
struct sqlite3 *db_handle(struct db *db);

#endif
