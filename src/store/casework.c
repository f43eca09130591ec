/*
 * casework.c -- the case-work queries (see casework.h).  Each query is a
 * constant statement bound with the caller's values; rows are read back
 * whole with rec_load so callers see every column.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store/casework.h"
#include "store/db.h"
#include "store/db_private.h"
#include "util/xalloc.h"

#define CW_MAX_MEMBERS 64

/* Step st once: the int64 in column 0 into *id (0 when there is no row). */
static int
cw_one_id(struct db *db, sqlite3_stmt *st, int64_t *id, bf_error *err)
{
	int rc = sqlite3_step(st);

	*id = 0;
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		return db_fail(db, err, "查询");
	sqlite3_reset(st);
	return BF_OK;
}

/* Step st once: the text in column 0 into out ("" when no row or NULL). */
static int
cw_one_text(struct db *db, sqlite3_stmt *st, char out[11], bf_error *err)
{
	int rc = sqlite3_step(st);

	out[0] = '\0';
	if (rc == SQLITE_ROW)
		snprintf(out, 11, "%s", st_text(st, 0));
	else if (rc != SQLITE_DONE)
		return db_fail(db, err, "查询");
	sqlite3_reset(st);
	return BF_OK;
}

/* The newest draft or active plan. */
int
casework_open_plan(struct db *db, int64_t person_id, int64_t *id, bf_error *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id FROM plan WHERE person_id = ?1"
	    " AND status IN ('draft', 'active') ORDER BY version_no DESC, id DESC LIMIT 1", err);

	if (st == NULL)
		return err->code;
	sqlite3_bind_int64(st, 1, person_id);
	return cw_one_id(db, st, id, err);
}

/* The measure a service of type counts toward. */
int
casework_match_measure(struct db *db, int64_t plan_id, const char *type, int64_t *id,
    bf_error *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT m.id FROM plan_measure m WHERE m.plan_id = ?1"
	    " AND m.type = ?2 ORDER BY (SELECT count(*) FROM service s WHERE s.measure_id = m.id)"
	    " >= m.target_count, m.due_on IS NULL, m.due_on, m.id LIMIT 1", err);

	if (st == NULL)
		return err->code;
	sqlite3_bind_int64(st, 1, plan_id);
	st_bind(st, 2, type);
	return cw_one_id(db, st, id, err);
}

/* Re-point services from one measure to another. */
int
casework_move_services(struct db *db, int64_t from, int64_t to, bf_error *err)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE service SET measure_id = ?2, version = version + 1"
	    " WHERE measure_id = ?1", err);
	int rc;

	if (st == NULL)
		return err->code;
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? BF_OK : db_fail(db, err, "更新服务记录");
}

/* Open follow-ups of a kind. */
int
casework_open_followups(struct db *db, int64_t person_id, const char *kind, int64_t *ids,
    int max, int *n, bf_error *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id FROM followup WHERE person_id = ?1"
	    " AND done_on IS NULL AND kind LIKE ?2 ORDER BY due_on, id", err);
	int rc;

	*n = 0;
	if (st == NULL)
		return err->code;
	sqlite3_bind_int64(st, 1, person_id);
	st_bind(st, 2, kind);
	while (*n < max && (rc = sqlite3_step(st)) == SQLITE_ROW)
		ids[(*n)++] = sqlite3_column_int64(st, 0);
	if (*n < max && rc != SQLITE_DONE) {
		sqlite3_reset(st);
		return db_fail(db, err, "查询回访");
	}
	sqlite3_reset(st);
	return BF_OK;
}

/* A follow-up of kind due on a day. */
int
casework_followup_on(struct db *db, int64_t person_id, const char *kind, const char *due,
    int64_t *id, bf_error *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id FROM followup WHERE person_id = ?1"
	    " AND kind = ?2 AND due_on = ?3 ORDER BY id LIMIT 1", err);

	if (st == NULL)
		return err->code;
	sqlite3_bind_int64(st, 1, person_id);
	st_bind(st, 2, kind);
	st_bind(st, 3, due);
	return cw_one_id(db, st, id, err);
}

/* Follow-ups of a kind done. */
int
casework_followups_done(struct db *db, int64_t person_id, const char *kind, int *n, bf_error *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM followup WHERE person_id = ?1"
	    " AND kind = ?2 AND done_on IS NOT NULL AND ifnull(result, '') <> '0'", err);
	int64_t v;
	int rc;

	*n = 0;
	if (st == NULL)
		return err->code;
	sqlite3_bind_int64(st, 1, person_id);
	st_bind(st, 2, kind);
	if ((rc = cw_one_id(db, st, &v, err)) == BF_OK)
		*n = (int)v;
	return rc;
}

/* Latest contact day. */
int
casework_last_contact(struct db *db, int64_t person_id, char out[11], bf_error *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT max(d) FROM ("
	    "SELECT max(served_on) AS d FROM service WHERE person_id = ?1 UNION ALL "
	    "SELECT max(done_on) FROM followup WHERE person_id = ?1)", err);

	if (st == NULL)
		return err->code;
	sqlite3_bind_int64(st, 1, person_id);
	return cw_one_text(db, st, out, err);
}

/* The active registration's date. */
int
casework_registered_on(struct db *db, int64_t person_id, char out[11], bf_error *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT registered_on FROM registration"
	    " WHERE person_id = ?1 AND cancelled_on IS NULL ORDER BY registered_on DESC LIMIT 1",
	    err);

	if (st == NULL)
		return err->code;
	sqlite3_bind_int64(st, 1, person_id);
	return cw_one_text(db, st, out, err);
}

/* Run st (ids in column 0) and load each row of table into out. */
static int
cw_load_ids(struct db *db, sqlite3_stmt *st, const char *table, struct children *out,
    int64_t *pids, bf_error *err)
{
	int64_t ids[CW_MAX_MEMBERS];
	int n = 0, i, rc;

	children_free(out);
	while (n < CW_MAX_MEMBERS && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (pids != NULL)
			pids[n] = sqlite3_column_int64(st, 1);
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	if (n < CW_MAX_MEMBERS && rc != SQLITE_DONE) {
		sqlite3_reset(st);
		return db_fail(db, err, "查询");
	}
	sqlite3_reset(st);
	out->rows = xcalloc((size_t)(n > 0 ? n : 1), sizeof *out->rows);
	for (i = 0; i < n; i++) {
		rec_init(&out->rows[i], table);
		out->n++;
		if ((rc = rec_load(db, table, ids[i], &out->rows[i], err)) != BF_OK) {
			children_free(out);
			return rc;
		}
	}
	return BF_OK;
}

/* Members of a household with their persons' status, sex and birth date. */
int
casework_members(struct db *db, int64_t hh, struct children *out, bf_error *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id, person_id FROM household_member"
	    " WHERE household_id = ?1 ORDER BY id", err);
	sqlite3_stmt *ps;
	int64_t pids[CW_MAX_MEMBERS];
	int i, rc;

	if (st == NULL)
		return err->code;
	sqlite3_bind_int64(st, 1, hh);
	if ((rc = cw_load_ids(db, st, "household_member", out, pids, err)) != BF_OK)
		return rc;
	if ((ps = db_stmt(db, "SELECT status, sex, birth_date FROM person WHERE id = ?1",
	    err)) == NULL)
		return err->code;
	for (i = 0; i < out->n; i++) {
		if (pids[i] == 0)
			continue;
		sqlite3_bind_int64(ps, 1, pids[i]);
		if (sqlite3_step(ps) == SQLITE_ROW) {
			rec_set(&out->rows[i], "p_status", st_text(ps, 0));
			rec_set(&out->rows[i], "p_sex", st_text(ps, 1));
			rec_set(&out->rows[i], "p_birth_date", st_text(ps, 2));
		}
		sqlite3_reset(ps);
	}
	return BF_OK;
}

/* The open flag of a household. */
int
casework_open_flag(struct db *db, int64_t hh, const char *flag, int64_t *id, bf_error *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id FROM household_flag WHERE household_id = ?1"
	    " AND flag = ?2 AND cleared_on IS NULL ORDER BY id DESC LIMIT 1", err);

	if (st == NULL)
		return err->code;
	sqlite3_bind_int64(st, 1, hh);
	st_bind(st, 2, flag);
	return cw_one_id(db, st, id, err);
}

/* All flags of a household, newest first. */
int
casework_flags(struct db *db, int64_t hh, struct children *out, bf_error *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id FROM household_flag WHERE household_id = ?1"
	    " ORDER BY appeared_on DESC, id DESC", err);

	if (st == NULL)
		return err->code;
	sqlite3_bind_int64(st, 1, hh);
	return cw_load_ids(db, st, "household_flag", out, NULL, err);
}

/* Households of a person. */
int
casework_households_of(struct db *db, int64_t person_id, int64_t *ids, int max, int *n,
    bf_error *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT household_id FROM person WHERE id = ?1"
	    " AND household_id IS NOT NULL UNION SELECT household_id FROM household_member"
	    " WHERE person_id = ?1", err);
	int rc;

	*n = 0;
	if (st == NULL)
		return err->code;
	sqlite3_bind_int64(st, 1, person_id);
	while (*n < max && (rc = sqlite3_step(st)) == SQLITE_ROW)
		ids[(*n)++] = sqlite3_column_int64(st, 0);
	if (*n < max && rc != SQLITE_DONE) {
		sqlite3_reset(st);
		return db_fail(db, err, "查询家庭");
	}
	sqlite3_reset(st);
	return BF_OK;
}

/* Link members to the persons holding their citizen IDs (in scope). */
int
casework_link_members(struct db *db, int64_t hh, bf_error *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT m.id, p.id, p.community_code FROM household_member m"
	    " JOIN person p ON p.citizen_id = upper(m.citizen_id)"
	    " WHERE m.household_id = ?1 AND m.person_id IS NULL", err);
	int64_t mids[CW_MAX_MEMBERS], pids[CW_MAX_MEMBERS];
	struct rec r;
	char buf[24];
	int n = 0, i, rc = BF_OK;

	if (st == NULL)
		return err->code;
	sqlite3_bind_int64(st, 1, hh);
	while (n < CW_MAX_MEMBERS && sqlite3_step(st) == SQLITE_ROW) {
		if (!db_in_scope(db, st_text(st, 2)))
			continue;
		mids[n] = sqlite3_column_int64(st, 0);
		pids[n++] = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	rec_init(&r, "household_member");
	for (i = 0; i < n && rc == BF_OK; i++) {
		if ((rc = rec_load(db, "household_member", mids[i], &r, err)) != BF_OK)
			break;
		snprintf(buf, sizeof buf, "%lld", (long long)pids[i]);
		rec_set(&r, "person_id", buf);
		rc = rec_save(db, &r, err);
	}
	rec_clear(&r);
	return rc;
}
