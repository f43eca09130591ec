/*
 * record.h -- a row of any edited table as name/value text pairs, the
 * shape the form engine and the importer work in, and saving it with
 * optimistic locking and scope checks.
 *
 * A field named like a column is that column; a field named "extra.KEY"
 * is KEY in the row's `extra` JSON object (fields a site adds in YAML).
 * Column names are checked against the table's real columns before any
 * SQL is built, and every value is bound, never spliced in.
 */
#ifndef BF_STORE_RECORD_H
#define BF_STORE_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "util/error.h"

struct db;

struct rec_field {
	char	*name;		/* column, or "extra.KEY" */
	char	*value;		/* UTF-8 text; NULL for SQL NULL */
	uint32_t hash;		/* of name (util/hash.h): lookups compare integers first */
};

struct rec {
	char		 table[32];
	int64_t		 id;		/* 0: not saved yet */
	int64_t		 version;	/* the version this copy was read at */
	struct rec_field *f;
	size_t		 n, cap;
};

void	rec_init(struct rec *r, const char *table);
void	rec_clear(struct rec *r);                       /* frees fields, keeps table; id = 0 */
void	rec_set(struct rec *r, const char *name, const char *value); /* copies; replaces */
void	rec_unset(struct rec *r, const char *name);
const char *rec_get(const struct rec *r, const char *name); /* borrowed; NULL if absent or NULL */
int	rec_has(const struct rec *r, const char *name);

/* Read row id of table into r (all columns and extra keys). */
int	rec_load(struct db *db, const char *table, int64_t id, struct rec *r, bf_error *err);
/*
 * Insert (r->id == 0) or update r.  An update applies only if the row is
 * still at r->version, else BF_ECONFLICT with who changed it and when;
 * r->id and r->version are updated on success.  Checks that the row's
 * person is in the actor's scope.  Runs in its own transaction (nested
 * in the caller's if one is open).
 */
int	rec_save(struct db *db, struct rec *r, bf_error *err);
/* Who last changed a row and when ("张三 2024-05-06 10:00"), or "". */
void	rec_last_change(struct db *db, const char *table, int64_t id, char *out, size_t outlen);
/*
 * How many rows of table have column = parent_id (a group's rows under
 * their parent: household members of a household).  Names are checked
 * against the schema before any SQL is built.
 */
int	rec_count_children(struct db *db, const char *table, const char *column, int64_t parent_id,
	    long *n, bf_error *err);
/* 1 if the table has this column (cached per connection). */
int	rec_has_column(struct db *db, const char *table, const char *column);

#endif
