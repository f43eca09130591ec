/*
 * schema.h -- the database schema: schema.sql embedded in the program,
 * applied to a new database, upgraded by numbered migrations, and
 * described to the form checker (which columns exist).
 */
#ifndef BF_STORE_SCHEMA_H
#define BF_STORE_SCHEMA_H

#include "util/error.h"

struct db;

#define SCHEMA_VERSION		1
#define SCHEMA_APPLICATION_ID	0x42465531	/* "BFU1" */

/* Create (when create) or upgrade db's schema, or say why not. */
int	schema_ensure(struct db *db, int create, bf_error *err);
/* The schema version stored in db. */
int	schema_version(struct db *db, int *out, bf_error *err);

/* Tables and columns of the embedded schema, for `forms check`. */
struct schema_info;
struct schema_info *schema_info_load(bf_error *err);    /* caller frees: schema_info_free; NULL on error */
void	schema_info_free(struct schema_info *si);       /* NULL is fine */
int	schema_has_table(const struct schema_info *si, const char *table);
int	schema_has_column(const struct schema_info *si, const char *table, const char *column);

#endif
