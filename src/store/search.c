/*
 * search.c -- person search.  The query's shape picks the index:
 *   Chinese characters  -> person_fts, one token per character, as a
 *                          phrase (so 1- and 2-character queries work,
 *                          which a trigram index cannot do);
 *   Latin letters       -> name_py / name_pinyin prefix ranges (b-tree);
 *   18 or 15 characters -> citizen_id equality;
 *   4-8 digits          -> id_rev prefix (the ID reversed), so a tail
 *                          search is an index range, not a scan;
 *   11 digits from 1    -> phone equality.
 * Every statement also bounds community_code to the user's scope.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "core/idcard.h"
#include "core/normalize.h"
#include "store/db.h"
#include "store/db_private.h"
#include "store/search.h"
#include "text/utf8.h"
#include "util/strbuf.h"

#define SEARCH_COLS \
	"SELECT p.id, p.name, p.sex, p.birth_date, p.citizen_id, coalesce(p.phone, '')," \
	" p.community_code, coalesce(o.name, ''), p.status FROM person p" \
	" LEFT JOIN org_unit o ON o.code = p.community_code "

static const char sql_name[] = SEARCH_COLS
    "JOIN person_fts f ON f.rowid = p.id WHERE person_fts MATCH ?1"
    " AND p.community_code BETWEEN ?3 AND ?4 LIMIT ?5";
/*
 * Latin letters match initials (name_py) or full pinyin (name_pinyin) by
 * prefix, listed by name_py.  One statement with the OR could use
 * neither index for the order, and for a city-wide scope it scanned the
 * scope range and sorted: 160 ms at 100,000 persons.  Three shapes, one
 * picked per query by search_pinyin_sql():
 *   street or community scope: the scope's range of person_scope_name is
 *     small, so scan it and sort (the original statement);
 *   wider, fewer than SEARCH_PINYIN_DENSE full-pinyin matches: the first
 *     ?5 of each prefix range in name_py order (the full-pinyin ones
 *     sorted within person_name_pinyin, which holds name_py), then the
 *     first ?5 of their union;
 *   wider, more: walk person_name_py over the range of the query's first
 *     letter, testing both prefixes within the index.  name_py and
 *     name_pinyin are read from the same syllables, so they always begin
 *     with the same letter and every match lies in that range.  So many
 *     matches come from a query inside the first syllable ("zh", "wang"),
 *     whose names spread over every second initial, so the walk meets
 *     ?5 of them early; a longer query ("zhangs") clusters its matches
 *     under one second initial, but is below the threshold.
 */
static const char sql_pinyin_scan[] = SEARCH_COLS
    "WHERE ((p.name_py >= ?1 AND p.name_py < ?2) OR (p.name_pinyin >= ?1 AND p.name_pinyin < ?2))"
    " AND p.community_code BETWEEN ?3 AND ?4 ORDER BY p.name_py, p.id LIMIT ?5";
static const char sql_pinyin_union[] =
    "SELECT p.id, p.name, p.sex, p.birth_date, p.citizen_id, coalesce(p.phone, ''),"
    " p.community_code, coalesce(o.name, ''), p.status FROM"
    " (SELECT id FROM (SELECT id FROM person WHERE name_py >= ?1 AND name_py < ?2"
    "   AND +community_code BETWEEN ?3 AND ?4 ORDER BY name_py, id LIMIT ?5)"
    "  UNION SELECT id FROM (SELECT id FROM person WHERE name_pinyin >= ?1 AND name_pinyin < ?2"
    "   AND +community_code BETWEEN ?3 AND ?4 ORDER BY name_py, id LIMIT ?5)) k"
    " JOIN person p ON p.id = k.id LEFT JOIN org_unit o ON o.code = p.community_code"
    " ORDER BY p.name_py, p.id LIMIT ?5";
static const char sql_pinyin_walk[] = SEARCH_COLS
    "WHERE p.id IN (SELECT id FROM person INDEXED BY person_name_py"
    "  WHERE name_py >= ?6 AND name_py < ?7"
    "  AND ((name_py >= ?1 AND name_py < ?2) OR (name_pinyin >= ?1 AND name_pinyin < ?2))"
    "  AND +community_code BETWEEN ?3 AND ?4 ORDER BY name_py, id LIMIT ?5)"
    " ORDER BY p.name_py, p.id";
/* How many full-pinyin matches, up to SEARCH_PINYIN_DENSE (person_name_pinyin only). */
static const char sql_pinyin_probe[] =
    "SELECT count(*) FROM (SELECT 1 FROM person WHERE name_pinyin >= ?1 AND name_pinyin < ?2"
    " LIMIT 20000)";
#define SEARCH_PINYIN_DENSE 20000
/*
 * A street's or community's persons are few, but a common character (王)
 * matches tens of thousands of names: for a narrow scope, walk the scope's
 * range of person_scope_name and test each id against the FTS matches
 * (+p.id keeps the planner from driving by the match list instead), in
 * the id order the FTS join returns them.
 */
static const char sql_name_narrow[] = SEARCH_COLS
    "WHERE p.community_code BETWEEN ?3 AND ?4"
    " AND +p.id IN (SELECT rowid FROM person_fts WHERE person_fts MATCH ?1)"
    " ORDER BY p.id LIMIT ?5";
static const char sql_id[] = SEARCH_COLS
    "WHERE p.citizen_id = ?1 AND p.community_code BETWEEN ?3 AND ?4 LIMIT ?5";
static const char sql_tail[] = SEARCH_COLS
    "WHERE p.id_rev >= ?1 AND p.id_rev < ?2 AND p.community_code BETWEEN ?3 AND ?4"
    " ORDER BY p.id_rev LIMIT ?5";
static const char sql_phone[] = SEARCH_COLS
    "WHERE p.phone = ?1 AND p.community_code BETWEEN ?3 AND ?4 LIMIT ?5";

static const struct {
	enum search_kind kind;
	const char	*label;
	const char	*sql;
} search_kinds[] = {
	{ SEARCH_NONE, "空", NULL },
	{ SEARCH_NAME, "姓名", sql_name },
	{ SEARCH_PINYIN, "拼音", sql_pinyin_scan },
	{ SEARCH_ID, "身份证号", sql_id },
	{ SEARCH_ID_TAIL, "身份证号尾号", sql_tail },
	{ SEARCH_PHONE, "手机号", sql_phone },
};

/* The Chinese name of a query kind. */
const char *
search_kind_label(enum search_kind k)
{
	return search_kinds[k].label;
}

/* Count Han characters, ASCII letters and digits (X counts as digit at the end). */
static void
search_census(const char *s, int *han, int *alpha, int *digit, int *other)
{
	uint32_t cp;
	int len;
	size_t n = strlen(s);

	*han = *alpha = *digit = *other = 0;
	while (*s != '\0') {
		len = utf8_decode(s, n, &cp);
		if (len <= 0)
			len = 1;
		if (utf8_is_han(cp))
			(*han)++;
		else if (cp < 128 && isdigit((int)cp))
			(*digit)++;
		else if ((cp == 'x' || cp == 'X') && s[1] == '\0' && *digit > 0)
			(*digit)++;
		else if (cp < 128 && isalpha((int)cp))
			(*alpha)++;
		else
			(*other)++;
		s += len;
		n -= (size_t)len;
	}
}

/* Classify query into kind and its normalised text. */
enum search_kind
search_classify(const char *query, char *norm, size_t normlen)
{
	char *h = norm_halfwidth_trim(query != NULL ? query : "");
	char *w, *r;
	int han, alpha, digit, other;
	size_t len;
	enum search_kind k;

	/* Drop spaces and the separators people type in numbers. */
	for (r = w = h; *r != '\0'; r++)
		if (*r != ' ' && *r != '-')
			*w++ = (char)tolower((unsigned char)*r);
	*w = '\0';
	if (strncmp(h, "+86", 3) == 0)
		memmove(h, h + 3, strlen(h + 3) + 1);
	len = strlen(h);
	search_census(h, &han, &alpha, &digit, &other);
	if (len == 0)
		k = SEARCH_NONE;
	else if (han > 0)
		k = SEARCH_NAME;
	else if (digit == 0 && alpha > 0 && other == 0)
		k = SEARCH_PINYIN;
	else if (alpha == 0 && other == 0 && len == 11 && h[0] == '1' && h[10] != 'x')
		k = SEARCH_PHONE;
	else if (alpha == 0 && other == 0 && (len == 18 || len == 15))
		k = SEARCH_ID;
	else if (alpha == 0 && other == 0 && len >= 4 && len <= 17)
		k = SEARCH_ID_TAIL;
	else
		k = SEARCH_NAME;
	if (k == SEARCH_ID || k == SEARCH_ID_TAIL) {
		if (h[len - 1] == 'x')
			h[len - 1] = 'X';
		if (len == 15) {
			char id18[IDCARD_LEN + 1];

			if (idcard_upgrade15(h, id18) == BF_OK)
				snprintf(norm, normlen, "%s", id18);
			else
				snprintf(norm, normlen, "%s", h);
			free(h);
			return k;
		}
	}
	snprintf(norm, normlen, "%s", h);
	free(h);
	return k;
}

/* The FTS5 phrase for a name query: "张 三" (one token per character). */
static void
search_phrase(const char *q, strbuf *sb)
{
	uint32_t cp;
	int len, first = 1;
	size_t n = strlen(q);

	sb_addc(sb, '"');
	while (*q != '\0') {
		len = utf8_decode(q, n, &cp);
		if (len <= 0)
			len = 1;
		if (*q != '"') {
			if (!first)
				sb_addc(sb, ' ');
			sb_addn(sb, q, (size_t)len);
			first = 0;
		}
		q += len;
		n -= (size_t)len;
	}
	sb_addc(sb, '"');
}

/* Copy the current row into one person_brief. */
static void
search_row(sqlite3_stmt *st, struct person_brief *b)
{
	b->id = sqlite3_column_int64(st, 0);
	snprintf(b->name, sizeof b->name, "%s", st_text(st, 1));
	snprintf(b->sex, sizeof b->sex, "%s", st_text(st, 2));
	snprintf(b->birth_date, sizeof b->birth_date, "%s", st_text(st, 3));
	snprintf(b->citizen_id, sizeof b->citizen_id, "%s", st_text(st, 4));
	snprintf(b->phone, sizeof b->phone, "%s", st_text(st, 5));
	snprintf(b->community_code, sizeof b->community_code, "%s", st_text(st, 6));
	snprintf(b->community, sizeof b->community, "%s", st_text(st, 7));
	snprintf(b->status, sizeof b->status, "%s", st_text(st, 8));
}

/* The pinyin statement for the prefix range [lo, hi) (see sql_pinyin_scan). */
static const char *
search_pinyin_sql(struct db *db, const char *lo, const char *hi, bf_error *err)
{
	sqlite3_stmt *st;
	int rc, dense = 0;

	if (db_scope_prefix(db) >= 9)
		return sql_pinyin_scan;
	if ((st = db_stmt(db, sql_pinyin_probe, err)) == NULL)
		return NULL;
	st_bind(st, 1, lo);
	st_bind(st, 2, hi);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		dense = sqlite3_column_int(st, 0) >= SEARCH_PINYIN_DENSE;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW) {
		db_fail(db, err, "查询");
		return NULL;
	}
	return dense ? sql_pinyin_walk : sql_pinyin_union;
}

/* Search for query within the actor's scope. */
int
search_persons(struct db *db, const char *query, struct person_brief *out, int max,
    int *n, bf_error *err)
{
	const struct db_actor *a = db_actor(db);
	char norm[256], hi[260], rev[32], first[2], next[2];
	const char *sql;
	enum search_kind k;
	sqlite3_stmt *st;
	strbuf phrase;
	size_t len;
	int rc;

	*n = 0;
	if (a->id == 0)
		return err_set(err, BF_EPERM, "尚未登录，不能查询");
	k = search_classify(query, norm, sizeof norm);
	if (k == SEARCH_NONE || max <= 0)
		return BF_OK;
	sql = search_kinds[k].sql;
	if (k == SEARCH_NAME && db_scope_prefix(db) >= 9)
		sql = sql_name_narrow;
	if (k == SEARCH_PINYIN) {
		/* Prefix range [norm, norm + 1 in the last byte). */
		len = strlen(norm);
		memcpy(hi, norm, len + 1);
		hi[len - 1]++;
		if ((sql = search_pinyin_sql(db, norm, hi, err)) == NULL)
			return err->code;
	}
	if ((st = db_stmt(db, sql, err)) == NULL)
		return err->code;
	sb_init(&phrase);
	switch (k) {
	case SEARCH_NAME:
		search_phrase(norm, &phrase);
		st_bind(st, 1, sb_str(&phrase));
		break;
	case SEARCH_ID_TAIL:
		idcard_reverse(norm, rev);
		snprintf(norm, sizeof norm, "%s", rev);
		/* FALLTHROUGH */
	case SEARCH_PINYIN:
		/* Prefix range [norm, norm + 1 in the last byte). */
		len = strlen(norm);
		memcpy(hi, norm, len + 1);
		hi[len - 1]++;
		st_bind(st, 1, norm);
		st_bind(st, 2, hi);
		if (sql == sql_pinyin_walk) {
			/* The range of the first letter: [c, c + 1). */
			first[0] = norm[0];
			first[1] = '\0';
			next[0] = (char)(norm[0] + 1);
			next[1] = '\0';
			st_bind(st, 6, first);
			st_bind(st, 7, next);
		}
		break;
	default:
		st_bind(st, 1, norm);
		break;
	}
	st_bind(st, 3, a->scope_lo);
	st_bind(st, 4, a->scope_hi);
	sqlite3_bind_int(st, 5, max);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		search_row(st, &out[(*n)++]);
	sqlite3_reset(st);
	sb_free(&phrase);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "查询");
	return BF_OK;
}
