/*
 * caseload.c -- the paged, filtered caseload list.
 *
 * The statement is assembled from constant fragments (one per filter that
 * is set, one per sort and direction) and every value is bound, so the
 * text depends only on which filters are on.  Paging is by keyset:
 * "(name_py, id) > (?, ?) ORDER BY name_py, id LIMIT n" walks the
 * person_name_py index from where the last page ended.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store/caseload.h"
#include "store/db.h"
#include "store/db_private.h"
#include "store/indicators.h"
#include "store/orgunit.h"
#include "util/strbuf.h"

/*
 * The page is chosen first, by an inner query that reads only the sort
 * key (an index walk that stops after :limit rows); the display columns,
 * with their correlated subqueries, are then computed for those rows
 * only.  Written as one SELECT the subqueries ran for every row the scan
 * passed before the LIMIT applied.
 */
static const char caseload_cols[] =
    "SELECT p.id, p.name, p.sex, p.birth_date, p.citizen_id, coalesce(p.phone, ''),"
    " p.community_code, coalesce(o.name, ''), p.status, p.name_py,"
    " (SELECT group_concat(c.code, ',') FROM person_category c"
    "   WHERE c.person_id = p.id AND c.ended_on IS NULL),"
    " (SELECT min(f.due_on) FROM followup f WHERE f.person_id = p.id AND f.done_on IS NULL),"
    " (SELECT sum(min(m.target_count, (SELECT count(*) FROM service s WHERE s.measure_id = m.id)))"
    "   FROM plan pl JOIN plan_measure m ON m.plan_id = pl.id"
    "   WHERE pl.person_id = p.id AND pl.status = 'active'),"
    " (SELECT sum(m.target_count) FROM plan pl JOIN plan_measure m ON m.plan_id = pl.id"
    "   WHERE pl.person_id = p.id AND pl.status = 'active'),"
    " coalesce(u.name, '')"
    " FROM (SELECT p.id AS kid FROM person p";
static const char caseload_join[] =
    ") k JOIN person p ON p.id = k.kid LEFT JOIN org_unit o ON o.code = p.community_code"
    " LEFT JOIN app_user u ON u.id = p.caseworker_id";

/* Sort orders: the keyset condition and ORDER BY for each direction. */
static const struct {
	const char	*label;
	const char	*after, *before;	/* keyset conditions, bound ?key1 ?key2 */
	const char	*asc, *desc;		/* list order and its reverse */
} caseload_sorts[CASELOAD_NSORT] = {
	[CASELOAD_BY_NAME] = { "按姓名",
	    " AND (p.name_py, p.id) > (:k1, :k2)", " AND (p.name_py, p.id) < (:k1, :k2)",
	    " ORDER BY p.name_py, p.id", " ORDER BY p.name_py DESC, p.id DESC" },
	[CASELOAD_BY_NEWEST] = { "按登记先后",
	    " AND p.id < :k2", " AND p.id > :k2",
	    " ORDER BY p.id DESC", " ORDER BY p.id" },
};

/* The label of a sort order. */
const char *
caseload_sort_label(enum caseload_sort s)
{
	return s < CASELOAD_NSORT ? caseload_sorts[s].label : "";
}

/*
 * 1 when the rows in view are confined to a street or a community (the
 * scope or the org filter has a prefix of 9 or more digits): a few
 * thousand persons at most, found fastest through person_scope_name.
 * Wider (a district, the city), a range on community_code covers most of
 * the table, so the list walks the sort order's index instead and checks
 * the code as it goes.
 */
static int
caseload_narrow(struct db *db, const struct caseload_filter *f)
{
	return db_scope_prefix(db) >= 9 ||
	    (f->org[0] != '\0' && strncmp(f->org + 6, "000", 3) != 0);
}

/*
 * WHERE clause for the filters that are set.  wide: the scope and org
 * ranges and the status are written "+p.col" so that they are checked
 * row by row rather than chosen as the index to drive a sort (see
 * caseload_narrow); the caseworker filter stays indexable (a caseworker's
 * persons are few).
 */
static void
caseload_where(const struct caseload_filter *f, int wide, strbuf *sb)
{
	const char *plus = wide ? "+" : "";

	sb_addf(sb, " WHERE %sp.community_code BETWEEN :lo AND :hi", plus);
	if (f->org[0] != '\0')
		sb_addf(sb, " AND %sp.community_code BETWEEN :olo AND :ohi", plus);
	if (strcmp(f->status, "open") == 0)
		sb_add(sb, " AND p.status <> 'closed'");
	else if (f->status[0] != '\0')
		sb_addf(sb, " AND %sp.status = :status", plus);
	if (f->category[0] != '\0')
		sb_add(sb, " AND EXISTS (SELECT 1 FROM person_category c WHERE c.person_id = p.id"
		    " AND c.code = :category AND c.ended_on IS NULL)");
	if (f->caseworker_id != 0)
		sb_add(sb, " AND p.caseworker_id = :worker");
	if (f->overdue)
		sb_add(sb, " AND EXISTS (SELECT 1 FROM followup fu WHERE fu.person_id = p.id"
		    " AND fu.done_on IS NULL AND fu.due_on < :today)");
	if (f->indicator[0] != '\0' && indicators_cond(f->indicator) != NULL) {
		sb_add(sb, " AND (");
		sb_add(sb, indicators_cond(f->indicator));
		sb_add(sb, ")");
	}
}

/* Bind a named parameter if the statement has it. */
static void
caseload_bind(sqlite3_stmt *st, const char *name, const char *value)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i > 0)
		st_bind(st, i, value);
}

/* Bind scope and filter values. */
static int
caseload_bind_filter(struct db *db, sqlite3_stmt *st, const struct caseload_filter *f, bf_error *err)
{
	const struct db_actor *a = db_actor(db);
	char lo[13], hi[13], today[11];
	struct org_unit u;
	int i, rc;

	caseload_bind(st, ":lo", a->scope_lo);
	caseload_bind(st, ":hi", a->scope_hi);
	if (f->org[0] != '\0') {
		if ((rc = orgunit_get(db, f->org, &u, err)) != BF_OK)
			return rc;
		orgunit_range(&u, lo, hi);
		caseload_bind(st, ":olo", lo);
		caseload_bind(st, ":ohi", hi);
	}
	caseload_bind(st, ":status", f->status);
	caseload_bind(st, ":category", f->category);
	if ((i = sqlite3_bind_parameter_index(st, ":worker")) > 0)
		sqlite3_bind_int64(st, i, f->caseworker_id);
	db_today(db, today);
	caseload_bind(st, ":today", today);
	if (f->indicator[0] != '\0')
		return indicators_bind(db, st, f->month, f->ind_code, err);
	return BF_OK;
}

/* Copy the current row. */
static void
caseload_row(sqlite3_stmt *st, struct caseload_row *r)
{
	memset(r, 0, sizeof *r);
	r->p.id = sqlite3_column_int64(st, 0);
	snprintf(r->p.name, sizeof r->p.name, "%s", st_text(st, 1));
	snprintf(r->p.sex, sizeof r->p.sex, "%s", st_text(st, 2));
	snprintf(r->p.birth_date, sizeof r->p.birth_date, "%s", st_text(st, 3));
	snprintf(r->p.citizen_id, sizeof r->p.citizen_id, "%s", st_text(st, 4));
	snprintf(r->p.phone, sizeof r->p.phone, "%s", st_text(st, 5));
	snprintf(r->p.community_code, sizeof r->p.community_code, "%s", st_text(st, 6));
	snprintf(r->p.community, sizeof r->p.community, "%s", st_text(st, 7));
	snprintf(r->p.status, sizeof r->p.status, "%s", st_text(st, 8));
	snprintf(r->key.name_py, sizeof r->key.name_py, "%s", st_text(st, 9));
	r->key.id = r->p.id;
	snprintf(r->categories, sizeof r->categories, "%s", st_text(st, 10));
	snprintf(r->next_followup, sizeof r->next_followup, "%s", st_text(st, 11));
	r->measures_done = sqlite3_column_int(st, 12);
	r->measures_planned = sqlite3_column_int(st, 13);
	snprintf(r->caseworker, sizeof r->caseworker, "%s", st_text(st, 14));
}

/* One page of the caseload. */
int
caseload_page(struct db *db, const struct caseload_filter *f, const struct caseload_key *from,
    int forward, struct caseload_row *out, int max, int *n, bf_error *err)
{
	enum caseload_sort s = f->sort < CASELOAD_NSORT ? f->sort : CASELOAD_BY_NAME;
	sqlite3_stmt *st = NULL;
	strbuf sql;
	int i, rc = BF_OK, step = SQLITE_DONE;

	*n = 0;
	if (db_actor(db)->id == 0)
		return err_set(err, BF_EPERM, "尚未登录，不能查看名单");
	sb_init(&sql);
	sb_add(&sql, caseload_cols);
	caseload_where(f, !caseload_narrow(db, f), &sql);
	if (from != NULL)
		sb_add(&sql, forward ? caseload_sorts[s].after : caseload_sorts[s].before);
	sb_add(&sql, forward ? caseload_sorts[s].asc : caseload_sorts[s].desc);
	sb_add(&sql, " LIMIT :limit");
	sb_add(&sql, caseload_join);
	sb_add(&sql, forward ? caseload_sorts[s].asc : caseload_sorts[s].desc);
	/* cached by its text: the same filters give the same statement */
	if ((st = db_stmt_text(db, sb_str(&sql), err)) == NULL) {
		rc = err->code;
		goto out;
	}
	if ((rc = caseload_bind_filter(db, st, f, err)) != BF_OK)
		goto out;
	if (from != NULL) {
		caseload_bind(st, ":k1", from->name_py);
		if ((i = sqlite3_bind_parameter_index(st, ":k2")) > 0)
			sqlite3_bind_int64(st, i, from->id);
	}
	sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":limit"), max);
	while (*n < max && (step = sqlite3_step(st)) == SQLITE_ROW)
		caseload_row(st, &out[(*n)++]);
	if (*n < max && step != SQLITE_DONE) {
		rc = db_fail(db, err, "读取名单");
		goto out;
	}
	if (!forward) {		/* fetched in reverse: put back in list order */
		for (i = 0; i < *n / 2; i++) {
			struct caseload_row t = out[i];

			out[i] = out[*n - 1 - i];
			out[*n - 1 - i] = t;
		}
	}
out:
	if (st != NULL)
		sqlite3_reset(st);
	sb_free(&sql);
	return rc;
}

/* Count the persons matching f. */
int
caseload_count(struct db *db, const struct caseload_filter *f, long *count, bf_error *err)
{
	sqlite3_stmt *st = NULL;
	strbuf sql;
	int rc = BF_OK;

	*count = 0;
	sb_init(&sql);
	sb_add(&sql, "SELECT count(*) FROM person p");
	caseload_where(f, 0, &sql);
	/* cached by its text: the same filters give the same statement */
	if ((st = db_stmt_text(db, sb_str(&sql), err)) == NULL) {
		rc = err->code;
		goto out;
	}
	if ((rc = caseload_bind_filter(db, st, f, err)) != BF_OK)
		goto out;
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = db_fail(db, err, "计数");
		goto out;
	}
	*count = sqlite3_column_int64(st, 0);
out:
	if (st != NULL)
		sqlite3_reset(st);
	sb_free(&sql);
	return rc;
}

/* Persons matching f per org prefix or per caseworker (the org-tree browser). */
int
caseload_groups(struct db *db, const struct caseload_filter *f, int prefix_len,
    struct caseload_group *out, int max, int *n, bf_error *err)
{
	sqlite3_stmt *st = NULL;
	struct caseload_group *g;
	strbuf sql;
	int rc = BF_OK, step = SQLITE_DONE, i;

	*n = 0;
	if (db_actor(db)->id == 0)
		return err_set(err, BF_EPERM, "尚未登录，不能查看名单");
	sb_init(&sql);
	if (prefix_len > 0)
		sb_add(&sql, "SELECT substr(p.community_code, 1, :plen), 0, '', count(*) FROM person p");
	else
		sb_add(&sql, "SELECT '', coalesce(p.caseworker_id, 0),"
		    " coalesce((SELECT coalesce(nullif(u.name, ''), u.login) FROM app_user u"
		    "  WHERE u.id = p.caseworker_id), ''), count(*) FROM person p");
	caseload_where(f, 0, &sql);
	sb_add(&sql, " GROUP BY 1, 2 ORDER BY 1, 2");
	/* cached by its text: the same filters give the same statement */
	if ((st = db_stmt_text(db, sb_str(&sql), err)) == NULL) {
		rc = err->code;
		goto out;
	}
	if ((rc = caseload_bind_filter(db, st, f, err)) != BF_OK)
		goto out;
	if ((i = sqlite3_bind_parameter_index(st, ":plen")) > 0)
		sqlite3_bind_int(st, i, prefix_len);
	while (*n < max && (step = sqlite3_step(st)) == SQLITE_ROW) {
		g = &out[(*n)++];
		memset(g, 0, sizeof *g);
		snprintf(g->key, sizeof g->key, "%s", st_text(st, 0));
		if (prefix_len > 0 && prefix_len < 12)
			memset(g->key + prefix_len, '0', (size_t)(12 - prefix_len));
		g->key[prefix_len > 0 ? 12 : 0] = '\0';
		g->worker_id = sqlite3_column_int64(st, 1);
		snprintf(g->worker, sizeof g->worker, "%s", st_text(st, 2));
		g->count = sqlite3_column_int64(st, 3);
	}
	if (*n < max && step != SQLITE_DONE)
		rc = db_fail(db, err, "分组计数");
out:
	if (st != NULL)
		sqlite3_reset(st);
	sb_free(&sql);
	return rc;
}
