/*
 * migrate.c -- upgrading an older database to SCHEMA_VERSION: numbered
 * migrations, each a block of SQL, run in order inside one transaction
 * together with the new user_version and regenerated audit triggers, so
 * an interrupted upgrade leaves the old database as it was.
 *
 * Version 1 is the first released schema, so the table is empty; a new
 * version adds { N, "ALTER TABLE ..." } here and changes schema.sql.
 */
#include "config.h"

#include <stdio.h>

#include "store/db.h"
#include "store/db_private.h"
#include "store/schema.h"

static const struct migration {
	int		 to;	/* the version this step produces */
	const char	*sql;
} migrations[] = {
	{ 0, NULL }
};

/* Upgrade db from version from to SCHEMA_VERSION. */
int
migrate_run(struct db *db, int from, bf_error *err)
{
	const struct migration *m;
	char pragma[64];
	int rc;

	if ((rc = db_begin(db, err)) != BF_OK)
		return rc;
	for (m = migrations; m->sql != NULL; m++) {
		if (m->to <= from)
			continue;
		if ((rc = db_exec(db, m->sql, err)) != BF_OK) {
			db_rollback(db);
			return err_prefix(err, "升级到结构版本 %d 失败：", m->to);
		}
	}
	snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", SCHEMA_VERSION);
	if ((rc = audit_install(db, err)) != BF_OK ||
	    (rc = db_exec(db, pragma, err)) != BF_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}
