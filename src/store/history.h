/*
 * history.h -- the change history of one person's file (变更记录), read
 * from the append-only audit_log: who did what to which row, newest
 * first and keyset-paged by the audit id, and for one entry the fields
 * that changed with their values before and after (computed in SQL from
 * the JSON the audit triggers store).  Also writing a 'view' row when
 * someone reveals what the screen masks (a full citizen ID).
 *
 * Every call checks that the person is within the acting user's scope.
 */
#ifndef BF_STORE_HISTORY_H
#define BF_STORE_HISTORY_H

#include <stddef.h>
#include <stdint.h>

#include "util/error.h"

struct db;

/* One audit_log row about the person. */
struct history_entry {
	int64_t	id;		/* audit_log.id: the paging key */
	char	at[20];		/* "YYYY-MM-DD HH:MM:SS" */
	char	user[64];	/* the user's name, else login, else 未知用户 */
	char	action[8];	/* insert, update, delete, view, export, import, bulk */
	char	table[32];	/* audit_log.tbl */
	int64_t	row_id;
	char	note[128];
};

/* One changed field of an entry; before/after NULL when absent or SQL NULL. */
struct history_change {
	char	*column;	/* a column, or "extra.KEY" for a site-added field */
	char	*before;
	char	*after;
};

/* BF_OK if the actor may see person_id's file; BF_ENOTFOUND or BF_EPERM otherwise. */
int	history_check_scope(struct db *db, int64_t person_id, bf_error *err);
/*
 * Up to max entries of person_id's history into out, *n how many.
 * older = 1: entries with id < from_id, newest first (from_id 0: from
 * the newest).  older = 0: entries with id > from_id, oldest first
 * (from_id 0: from the oldest) -- the listview's "before" direction.
 */
int	history_list(struct db *db, int64_t person_id, int64_t from_id, int older,
	    struct history_entry *out, int max, int *n, bf_error *err);
/* Number of entries in person_id's history. */
int	history_count(struct db *db, int64_t person_id, long *n, bf_error *err);
/*
 * The field-level changes of audit entry audit_id (which must belong to
 * person_id), in column order: for an update only the fields whose value
 * changed, for an insert or delete every field with a value.  The row
 * id, book-keeping and derived search columns are left out.  *out owned by the caller
 * (history_changes_free); *n set.
 */
int	history_changes(struct db *db, int64_t person_id, int64_t audit_id,
	    struct history_change **out, size_t *n, bf_error *err);
void	history_changes_free(struct history_change *c, size_t n);   /* NULL is fine */
/* Append a 'view' row to the audit log: the actor saw what (e.g. "完整身份证号") of person_id. */
int	history_log_view(struct db *db, int64_t person_id, const char *what, bf_error *err);
/*
 * Append an 'import' or 'export' row to the audit log for table tbl (no
 * single person): the actor did it, note says what (file, filters,
 * counts).  Other actions are refused with BF_EINVAL.
 */
int	history_log_event(struct db *db, const char *action, const char *tbl, const char *note,
	    bf_error *err);
/* The Chinese word for an action ("修改"), static; the code itself if unknown. */
const char *history_action_label(const char *action);

#endif
