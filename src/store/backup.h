/*
 * backup.h -- copies of a whole database: an online, consistent backup
 * taken with SQLite's backup API while others keep writing, the checks a
 * copy must pass before it may replace the live database, and the
 * restore itself (old database kept beside it).
 */
#ifndef BF_STORE_BACKUP_H
#define BF_STORE_BACKUP_H

#include <stddef.h>
#include <stdint.h>

#include "util/error.h"

struct db;

/* What a verified copy holds, for the report. */
struct backup_info {
	int	version;		/* PRAGMA user_version */
	int64_t	persons;		/* rows in person */
	int64_t	audit_rows;		/* rows in audit_log */
	char	last_change[20];	/* latest audit_log.at, "" if none */
};

/*
 * Copy db to dest: written to a temporary file beside dest (mode 0600),
 * checked with integrity_check, then renamed into place, so dest is
 * never half-written.  An existing dest is refused unless force.
 */
int	backup_write(struct db *db, const char *dest, int force, struct backup_info *info,
	    bf_error *err);
/*
 * Check the copy at path without changing it: a bangfu database, schema
 * not newer than this program's, integrity_check and foreign_key_check
 * clean.  BF_ENOTFOUND, BF_ESCHEMA or BF_EIO with a Chinese message.
 */
int	backup_verify(const char *path, struct backup_info *info, bf_error *err);
/*
 * Replace the database at dbpath with the verified copy src.  An existing
 * database is first copied to "DBPATH.YYYYMMDD-HHMMSS.bak" (its name in
 * kept, "" when there was none) and then overwritten in one SQLite
 * transaction through the backup API, so other programs holding it open
 * see either the old or the new contents; a missing one is created from
 * a temporary file renamed into place.
 */
int	backup_restore(const char *src, const char *dbpath, char *kept, size_t keptlen,
	    struct backup_info *info, bf_error *err);

#endif
