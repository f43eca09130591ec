/*
 * draft.c -- the draft table: a user's unsaved form values as one JSON
 * object, written when the terminal hangs up and every so often while
 * typing, read back when the same user opens the same form again.
 *
 * A draft of a new person has no person (NULL) and a draft of a new row
 * no record id (NULL); "IS ?" matches those NULLs, which UNIQUE does not.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "store/db.h"
#include "store/db_private.h"
#include "store/draft.h"
#include "util/json.h"
#include "util/strbuf.h"

#define DRAFT_MATCH \
	" WHERE user_id = ?1 AND person_id IS ?2 AND form = ?3 AND record_id IS ?4"

/* Bind the key (acting user, person, form, record) as ?1..?4. */
static void
draft_bind_key(struct db *db, sqlite3_stmt *st, int64_t person_id, const char *form,
    int64_t record_id)
{
	sqlite3_bind_int64(st, 1, db_actor(db)->id);
	if (person_id > 0)
		sqlite3_bind_int64(st, 2, person_id);
	else
		sqlite3_bind_null(st, 2);
	st_bind(st, 3, form);
	if (record_id > 0)
		sqlite3_bind_int64(st, 4, record_id);
	else
		sqlite3_bind_null(st, 4);
}

/* Delete the draft inside the caller's transaction (or on its own). */
static int
draft_delete_one(struct db *db, int64_t person_id, const char *form, int64_t record_id,
    bf_error *err)
{
	static const char sql[] = "DELETE FROM draft" DRAFT_MATCH;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int rc;

	if (st == NULL)
		return err->code;
	draft_bind_key(db, st, person_id, form, record_id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? BF_OK : db_fail(db, err, "删除草稿");
}

/* Delete the acting user's draft. */
int
draft_delete(struct db *db, int64_t person_id, const char *form, int64_t record_id, bf_error *err)
{
	if (db_actor(db)->id == 0)
		return BF_OK;
	return draft_delete_one(db, person_id, form, record_id, err);
}

/* Replace the acting user's draft with vals, in one transaction. */
int
draft_save(struct db *db, int64_t person_id, const char *form, int64_t record_id,
    const struct rec *vals, bf_error *err)
{
	static const char sql[] =
	    "INSERT INTO draft (user_id, person_id, form, record_id, data, saved_at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	sqlite3_stmt *st;
	strbuf sb;
	char now[20];
	size_t i;
	int first = 1, rc;

	if (db_actor(db)->id == 0)
		return err_set(err, BF_EPERM, "尚未登录，不能保存草稿");
	sb_init(&sb);
	sb_addc(&sb, '{');
	for (i = 0; i < vals->n; i++) {
		json_add_key(&sb, &first, vals->f[i].name);
		json_add_string(&sb, vals->f[i].value);
	}
	sb_addc(&sb, '}');
	db_now(db, now);
	if ((rc = db_begin(db, err)) != BF_OK)
		goto out;
	if ((rc = draft_delete_one(db, person_id, form, record_id, err)) != BF_OK)
		goto fail;
	if ((st = db_stmt(db, sql, err)) == NULL) {
		rc = err->code;
		goto fail;
	}
	draft_bind_key(db, st, person_id, form, record_id);
	st_bind(st, 5, sb_str(&sb));
	st_bind(st, 6, now);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		rc = db_fail(db, err, "保存草稿");
		goto fail;
	}
	rc = db_commit(db, err);
	goto out;
fail:
	db_rollback(db);
out:
	sb_free(&sb);
	return rc;
}

/* Read the acting user's draft into vals. */
int
draft_load(struct db *db, int64_t person_id, const char *form, int64_t record_id,
    struct rec *vals, char saved_at[20], bf_error *err)
{
	static const char sql[] =
	    "SELECT d.saved_at, j.key, j.value FROM draft d, json_each(d.data) j" DRAFT_MATCH;
	sqlite3_stmt *st;
	int rc, n = 0;

	saved_at[0] = '\0';
	if (db_actor(db)->id == 0)
		return err_set(err, BF_ENOTFOUND, "没有草稿");
	/* DRAFT_MATCH names the draft's columns unqualified: only d has them. */
	if ((st = db_stmt(db, sql, err)) == NULL)
		return err->code;
	draft_bind_key(db, st, person_id, form, record_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n++ == 0)
			snprintf(saved_at, 20, "%s", st_text(st, 0));
		rec_set(vals, st_text(st, 1),
		    sqlite3_column_type(st, 2) == SQLITE_NULL ? NULL : st_text(st, 2));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "读取草稿");
	if (n == 0) {
		/* An empty draft ({}) is still a draft. */
		static const char one[] = "SELECT saved_at FROM draft" DRAFT_MATCH;

		if ((st = db_stmt(db, one, err)) == NULL)
			return err->code;
		draft_bind_key(db, st, person_id, form, record_id);
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(saved_at, 20, "%s", st_text(st, 0));
		sqlite3_reset(st);
		if (saved_at[0] == '\0')
			return err_set(err, BF_ENOTFOUND, "没有草稿");
	}
	return BF_OK;
}
