/*
 * bulk.h -- loading many rows fast (demo data, benchmarks): one prepared
 * statement per table and column list, transactions of a few thousand
 * rows, per-row audit triggers off and instead one audit_log row per
 * committed batch (its first and last person id) plus a summary row.
 * Only for data the program generates itself; people's edits and imports
 * go through record.h.
 */
#ifndef BF_STORE_BULK_H
#define BF_STORE_BULK_H

#include <stdint.h>

#include "util/error.h"

struct db;
struct bulk;

/* Start a bulk load on db; *out owned by caller (bulk_finish or bulk_abort). */
int	bulk_begin(struct db *db, const char *note, struct bulk **out, bf_error *err);
/*
 * Insert one row into table: cols is a NULL-terminated array of column
 * names (a constant: statements are cached by its address), vals the
 * values in the same order (NULL for SQL NULL).  *rowid gets the new id.
 */
int	bulk_row(struct bulk *b, const char *table, const char *const *cols,
	    const char *const *vals, int64_t *rowid, bf_error *err);
/* Commit what is loaded so far (called every few thousand rows by the caller). */
int	bulk_commit(struct bulk *b, bf_error *err);
/* Commit, write the summary audit row ("demo-data: 1000 persons") and free. */
int	bulk_finish(struct bulk *b, const char *summary, bf_error *err);
/* Roll back the open batch and free. */
void	bulk_abort(struct bulk *b);
/*
 * Inside the caller's write transaction: if person is empty, drop its
 * secondary indexes and its name-index trigger, to be rebuilt once by
 * bulk_recover (after the load, or at the next open if it was killed).
 * *deferred is 1 if anything was dropped.  bulk_begin calls it; the
 * importer, which saves row by row, calls it itself.
 */
int	bulk_defer_indexes(struct db *db, int *deferred, bf_error *err);
/* Build indexes an unfinished bulk load left dropped (db_open calls it). */
int	bulk_recover(struct db *db, bf_error *err);

#endif
