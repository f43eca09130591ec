/*
 * auditlog.h -- reading the audit log ("who viewed, changed or exported
 * what, when") a page at a time with filters, for administrators and
 * supervisors; and writing the rows the triggers cannot see (exports).
 *
 * Administrators see every row.  Supervisors see the rows about persons
 * in their scope and the rows written by users of their org subtree.
 * Caseworkers are refused.
 */
#ifndef BF_STORE_AUDITLOG_H
#define BF_STORE_AUDITLOG_H

#include <stdint.h>

#include "util/error.h"

struct db;

struct auditlog_filter {
	char	login[64];	/* acting user's login, "" = any */
	char	action[12];	/* insert/update/delete/view/export/..., "" = any */
	char	tbl[32];	/* table name, "" = any */
	char	from[11];	/* first day "YYYY-MM-DD", "" = open */
	char	to[11];		/* last day, "" = open */
	int64_t	person_id;	/* 0 = any */
};

struct auditlog_row {
	int64_t	id;
	char	at[20];
	char	login[64];
	char	user_name[64];
	char	action[12];
	char	tbl[32];
	int64_t	row_id;
	int64_t	person_id;
	char	note[128];
};

/*
 * Up to max rows, newest first, strictly older than before_id (0 = from
 * the newest).  Fewer than max means the end was reached.
 */
int	auditlog_page(struct db *db, const struct auditlog_filter *f, int64_t before_id,
	    struct auditlog_row *out, int max, int *n, bf_error *err);
/* Write an 'export' row: what was exported (note), about person_id (0 = many). */
int	auditlog_export(struct db *db, const char *tbl, int64_t person_id, const char *note,
	    bf_error *err);

#endif
