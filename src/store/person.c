/*
 * person.c -- the person table's own rules on save: derived columns, the
 * one-file-per-citizen-ID rule, and status changes through the case state
 * table of core/casestate.c.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "core/casestate.h"
#include "core/date.h"
#include "core/idcard.h"
#include "core/normalize.h"
#include "store/db.h"
#include "store/db_private.h"
#include "store/orgunit.h"
#include "store/person.h"
#include "store/record.h"
#include "text/pinyin.h"
#include "text/utf8.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* Pinyin initials, full pinyin and space-separated characters of name. */
void
person_derive_name(struct rec *r, const char *name)
{
	strbuf sb;
	const char *p = name;
	uint32_t cp;
	int len;

	sb_init(&sb);
	pinyin_name_initials(name, &sb);
	rec_set(r, "name_py", sb_str(&sb));
	sb_reset(&sb);
	pinyin_name_full(name, &sb);
	rec_set(r, "name_pinyin", sb_str(&sb));
	sb_reset(&sb);
	while (*p != '\0') {
		len = utf8_decode(p, strlen(p), &cp);
		if (len <= 0)
			len = 1;
		if (sb.len > 0)
			sb_addc(&sb, ' ');
		sb_addn(&sb, p, (size_t)len);
		p += len;
	}
	rec_set(r, "name_chars", sb_str(&sb));
	sb_free(&sb);
}

/*
 * The person id holding citizen_id, or 0.  A person outside the user's
 * scope is not named: BF_EPERM says only that the ID is registered
 * elsewhere (the same words person_save uses).
 */
int
person_find_by_citizen_id(struct db *db, const char *citizen_id, int64_t *id, bf_error *err)
{
	static const char sql[] = "SELECT id, community_code FROM person WHERE citizen_id = ?";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int rc, visible = 1;

	*id = 0;
	if (st == NULL)
		return err->code;
	st_bind(st, 1, citizen_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		visible = db_in_scope(db, st_text(st, 1));
		*id = visible ? sqlite3_column_int64(st, 0) : 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, "查找身份证号");
	if (!visible)
		return err_set(err, BF_EPERM, "公民身份号码 %s 已在其他社区登记，不能重复建档；"
		    "如其已迁入本社区，请由上级办理转移", citizen_id);
	return BF_OK;
}

/* Normalise the citizen ID and fill sex, birth date and the tail key. */
static int
person_derive_id(struct rec *r, const char *today_s, bf_error *err)
{
	const char *raw = rec_get(r, "citizen_id");
	struct idcard id;
	bf_date today;
	char birth[DATE_ISO_LEN], rev[IDCARD_LEN + 1], sex[2];
	int rc;

	if (raw == NULL || norm_is_blank(raw))
		return err_set(err, BF_EINVAL, "公民身份号码不能为空");
	if (date_parse(today_s, &today, err) != BF_OK)
		return err->code;
	if ((rc = idcard_parse(raw, today, &id, err)) != BF_OK)
		return rc;
	date_format(id.birth, birth);
	idcard_reverse(id.number, rev);
	snprintf(sex, sizeof sex, "%d", id.sex);
	rec_set(r, "citizen_id", id.number);
	rec_set(r, "id_rev", rev);
	rec_set(r, "id_from15", id.from15 ? "1" : "0");
	rec_set(r, "sex", sex);
	rec_set(r, "birth_date", birth);
	return BF_OK;
}

/* Refuse a citizen ID another person already has. */
static int
person_check_dup(struct db *db, const struct rec *r, int64_t *existing, bf_error *err)
{
	static const char sql[] =
	    "SELECT id, name, community_code FROM person WHERE citizen_id = ? AND id <> ?";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int rc;

	if (st == NULL)
		return err->code;
	st_bind(st, 1, rec_get(r, "citizen_id"));
	sqlite3_bind_int64(st, 2, r->id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return BF_OK;
	}
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return db_fail(db, err, "查找身份证号");
	}
	if (db_in_scope(db, st_text(st, 2))) {
		*existing = sqlite3_column_int64(st, 0);
		err_set(err, BF_EDUP, "公民身份号码 %s 已登记（%s，档案号 %lld），不能重复建档",
		    rec_get(r, "citizen_id"), st_text(st, 1), (long long)*existing);
	} else {
		*existing = 0;
		err_set(err, BF_EDUP, "公民身份号码 %s 已在其他社区登记，不能重复建档；"
		    "如其已迁入本社区，请由上级办理转移", rec_get(r, "citizen_id"));
	}
	sqlite3_reset(st);
	return BF_EDUP;
}

/* Check the residence community exists and is a community. */
static int
person_check_community(struct db *db, struct rec *r, bf_error *err)
{
	const char *cc = rec_get(r, "community_code");
	struct org_unit u;
	int rc;

	if (cc == NULL || *cc == '\0')
		return err_set(err, BF_EINVAL, "常住社区不能为空");
	if ((rc = orgunit_get(db, cc, &u, err)) != BF_OK)
		return err_prefix(err, "常住社区：");
	if ((rc = orgunit_check_community(&u, err)) != BF_OK)
		return rc;
	rec_set(r, "community_code", u.code);
	return BF_OK;
}

/* The columns derived from the name and the citizen ID; no database. */
int
person_prepare(struct rec *r, const char *today, bf_error *err)
{
	const char *name = rec_get(r, "name");
	char *trimmed;

	if (strcmp(r->table, "person") != 0)
		return err_set(err, BF_EINVAL, "不是人员记录");
	if (name == NULL || norm_is_blank(name))
		return err_set(err, BF_EINVAL, "姓名不能为空");
	trimmed = norm_halfwidth_trim(name);
	rec_set(r, "name", trimmed);
	person_derive_name(r, trimmed);
	free(trimmed);
	return person_derive_id(r, today, err);
}

/* Check and save a person person_prepare has prepared. */
int
person_save_prepared(struct db *db, struct rec *r, int64_t *existing, bf_error *err)
{
	const struct db_actor *a = db_actor(db);
	char today[11], idbuf[32];
	int rc;

	*existing = 0;
	if ((rc = person_check_community(db, r, err)) != BF_OK)
		return rc;
	db_today(db, today);
	if (r->id == 0) {
		if (rec_get(r, "status") == NULL)
			rec_set(r, "status", "registered");
		if (rec_get(r, "status_since") == NULL)
			rec_set(r, "status_since", today);
		if (rec_get(r, "caseworker_id") == NULL && strcmp(a->role, "caseworker") == 0) {
			snprintf(idbuf, sizeof idbuf, "%lld", (long long)a->id);
			rec_set(r, "caseworker_id", idbuf);
		}
	}
	if ((rc = db_begin(db, err)) != BF_OK)
		return rc;
	if ((rc = person_check_dup(db, r, existing, err)) != BF_OK ||
	    (rc = rec_save(db, r, err)) != BF_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

/* Derive, check and save a person. */
int
person_save(struct db *db, struct rec *r, int64_t *existing, bf_error *err)
{
	char today[11];
	int rc;

	*existing = 0;
	db_today(db, today);
	if ((rc = person_prepare(r, today, err)) != BF_OK)
		return rc;
	return person_save_prepared(db, r, existing, err);
}

/* Change the case status of person id, with a case_event. */
int
person_set_status(struct db *db, int64_t id, const char *to, const char *reason, bf_error *err)
{
	static const char ev_sql[] =
	    "INSERT INTO case_event (person_id, at, from_status, to_status, reason, user_id)"
	    " VALUES (?, ?, ?, ?, ?, ?)";
	enum case_status from_s, to_s;
	struct rec r;
	sqlite3_stmt *st;
	char now[20];
	int rc;

	rec_init(&r, "person");
	if (case_status_from_code(to, &to_s) != BF_OK)
		return err_set(err, BF_EINVAL, "未知的个案状态：%s", to);
	if ((rc = db_begin(db, err)) != BF_OK)
		return rc;
	if ((rc = rec_load(db, "person", id, &r, err)) != BF_OK)
		goto fail;
	if (case_status_from_code(rec_get(&r, "status"), &from_s) != BF_OK) {
		rc = err_set(err, BF_EINVAL, "档案中的个案状态无效");
		goto fail;
	}
	if ((rc = case_transition_check(from_s, to_s, reason, err)) != BF_OK)
		goto fail;
	db_now(db, now);
	now[10] = '\0';
	rec_set(&r, "status", to);
	rec_set(&r, "status_since", now);
	rec_set(&r, "exit_reason", to_s == CASE_CLOSED ? reason : NULL);
	if ((rc = rec_save(db, &r, err)) != BF_OK)
		goto fail;
	if ((st = db_stmt(db, ev_sql, err)) == NULL) {
		rc = err->code;
		goto fail;
	}
	db_now(db, now);
	sqlite3_bind_int64(st, 1, id);
	st_bind(st, 2, now);
	st_bind(st, 3, case_status_code(from_s));
	st_bind(st, 4, to);
	st_bind_opt(st, 5, reason);
	sqlite3_bind_int64(st, 6, db_actor(db)->id);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = db_fail(db, err, "记录状态变更");
		goto fail;
	}
	rec_clear(&r);
	return db_commit(db, err);
fail:
	rec_clear(&r);
	db_rollback(db);
	return rc;
}
