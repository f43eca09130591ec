/*
 * indicators.c -- the indicator table and its queries.
 *
 * One row per indicator: id, label, unit, and SQL.  A person indicator
 * gives `cond`, a condition on the person row p: the caseload list shows
 * the persons behind a number with it, and without a faster statement
 * its count is "SELECT count(*) FROM person p WHERE <range> AND (cond)".
 * `count` is a faster statement for a range, driven from a dated table,
 * which must count the same persons; `all` is the same number for a range
 * that holds every person on file (an administrator's city): it reads the
 * dated tables alone, never the person rows.  Household and measure
 * indicators give only `count`; `cond` then selects the persons the number
 * is about (the members of those households, the persons with those plans).
 *
 * Indicators read from the same table are computed together, one row of
 * ind_groups each: one pass over the table (or over the range's persons
 * joined to it) gives several numbers, each column a per-person max() of
 * the condition in `cond`, so a table is read once, not once per
 * indicator.  tests/unit/check_app_indicators.c checks on a generated
 * database that every number equals the count of its `cond` (the drill
 * down) for the city, a district and a street, by both the `all` and the
 * range statements.
 *
 * Parameters: :lo :hi (community range, already within the actor's
 * scope), :ms :me (first and last day of the month), :asof (min(last day,
 * today)), :code (the row's argument).
 *
 * States ("registered at the end of the month") are computed from the
 * dates on the records, so a past month gives the number it gave then,
 * as far as the records tell: a registration cancelled later still counts
 * for the months it was active.
 *
 * Where the time goes at 1,000,000 persons (see bench/run.sh): every
 * statement reads a covering index (schema.sql says which columns ride
 * along for these counts).  For the whole city, the measures, 1-3-1-1 and
 * no-contact numbers would cost a probe into service per measure or per
 * person (about 1,100,000 probes, 1.2 s); they are joins done in C over
 * sequential scans instead (ind_join_plans, ind_join_no_contact).  A
 * report (indicators_compute, indicators_report) runs its statements on
 * two connections at once, on one snapshot (ind_second): for the whole
 * city about 1.4 s of work in 0.75 s on two cores, for the largest
 * district 0.9 s in 0.5 s.
 *
 * The joins in C are in indicators_join.c, the report runner (two
 * connections, one snapshot) in indicators_run.c; indicators_private.h
 * holds what the three files share.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "core/date.h"
#include "store/db.h"
#include "store/db_private.h"
#include "store/indicators.h"
#include "store/indicators_private.h"
#include "store/orgunit.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* Per-row conditions, shared by `cond` and the group statements. */
#define IND_REG_STATE "r.registered_on <= :me AND (r.cancelled_on IS NULL OR r.cancelled_on > :me)"
#define IND_REG_NEW "r.registered_on BETWEEN :ms AND :me"
#define IND_CAT_STATE \
	"c.recognised_on <= :me AND (c.ended_on IS NULL OR c.ended_on > :me)" \
	" AND (c.expires_on IS NULL OR c.expires_on > :me)"
#define IND_CAT_NEW "c.recognised_on BETWEEN :ms AND :me"
#define IND_EMP_MONTH "e.started_on BETWEEN :ms AND :me"
#define IND_FORM_UNIT "e.form IN ('11', '13')"
#define IND_FORM_FLEXIBLE "e.form = '21'"
#define IND_FORM_SELF "e.form IN ('31', '32')"
#define IND_FORM_PUBLIC "e.form = '12'"
#define IND_FORM_OTHER "e.form NOT IN ('11', '12', '13', '21', '31', '32')"
#define IND_1311_DONE \
	"EXISTS (SELECT 1 FROM plan_measure m WHERE m.plan_id = pl.id)" \
	" AND NOT EXISTS (SELECT 1 FROM plan_measure m WHERE m.plan_id = pl.id AND m.target_count >" \
	" (SELECT count(*) FROM service s WHERE s.measure_id = m.id AND s.served_on <= :me))"
#define IND_FOLLOWUP_OVERDUE "f.due_on < :asof AND (f.done_on IS NULL OR f.done_on > :asof)"

#define IND_REGISTERED \
	"EXISTS (SELECT 1 FROM registration r WHERE r.person_id = p.id AND " IND_REG_STATE ")"
#define IND_DIFFICULT \
	"EXISTS (SELECT 1 FROM person_category c WHERE c.person_id = p.id AND " IND_CAT_STATE
#define IND_EMPLOYED \
	"EXISTS (SELECT 1 FROM employment e WHERE e.person_id = p.id AND " IND_EMP_MONTH
#define IND_ZERO_COUNT \
	"SELECT count(DISTINCT f.household_id) FROM household_flag f JOIN household h ON h.id = f.household_id" \
	" WHERE f.flag = 'zero_employment' AND h.community_code BETWEEN :lo AND :hi AND "
#define IND_ZERO_COND \
	"EXISTS (SELECT 1 FROM household_flag f WHERE f.household_id = p.household_id" \
	" AND f.flag = 'zero_employment' AND "
#define IND_ZERO_APPEARED "f.appeared_on BETWEEN :ms AND :me"
#define IND_ZERO_CLEARED "f.cleared_on BETWEEN :ms AND :me"
#define IND_ZERO_OPEN "f.appeared_on <= :me AND (f.cleared_on IS NULL OR f.cleared_on > :me)"
#define IND_1311 "EXISTS (SELECT 1 FROM plan pl WHERE pl.person_id = p.id AND " IND_1311_PLAN
#define IND_PLAN_ACTIVE \
	"EXISTS (SELECT 1 FROM plan pl WHERE pl.person_id = p.id AND pl.status = 'active' AND pl.made_on <= :me)"
/*
 * On file for six months (created_at is a timestamp: before the next day,
 * which an index on created_at can range over) and not closed, without a
 * service in the six months up to :asof.
 */
#define IND_NO_CONTACT \
	"p.status <> 'closed' AND p.created_at < date(:asof, '-6 months', '+1 day')" \
	" AND NOT EXISTS (SELECT 1 FROM service s WHERE s.person_id = p.id" \
	" AND s.served_on > date(:asof, '-6 months') AND s.served_on <= :asof)"
#define IND_IN_RANGE " p.community_code BETWEEN :lo AND :hi"
/* The indicators, in the order reports list them. */
const struct ind_def ind_defs[] = {
	{ "open_cases", "在册帮扶对象（未结案）", "人", 0, "p.status <> 'closed'", NULL,
	  "SELECT (SELECT count(*) FROM person)"
	  " - (SELECT count(*) FROM person WHERE status = 'closed')" },
	{ "registered", "登记失业人员（月末）", "人", 0, IND_REGISTERED, NULL,
	  "SELECT count(*) FROM (SELECT 1 FROM registration r WHERE " IND_REG_STATE " GROUP BY r.person_id)" },
	{ "registered_new", "本月新增失业登记", "人", 1,
	  "EXISTS (SELECT 1 FROM registration r WHERE r.person_id = p.id AND " IND_REG_NEW ")", NULL,
	  "SELECT count(DISTINCT r.person_id) FROM registration r WHERE " IND_REG_NEW },
	{ "difficult", "就业困难人员（月末）", "人", 0, IND_DIFFICULT ")", NULL,
	  "SELECT count(*) FROM (SELECT 1 FROM person_category c WHERE " IND_CAT_STATE " GROUP BY c.person_id)" },
	{ "recognised_new", "本月新认定就业困难人员", "人", 1,
	  "EXISTS (SELECT 1 FROM person_category c WHERE c.person_id = p.id AND " IND_CAT_NEW ")", NULL,
	  "SELECT count(DISTINCT c.person_id) FROM person_category c WHERE " IND_CAT_NEW },
	{ "difficult_cat", "就业困难人员类别", "人", 1, IND_DIFFICULT " AND c.code = :code)",
	  NULL, NULL },
	{ "employed_new", "本月帮助实现就业", "人", 0, IND_EMPLOYED ")", NULL, NULL },
	{ "employed_unit", "单位就业", "人", 1, IND_EMPLOYED " AND " IND_FORM_UNIT ")", NULL, NULL },
	{ "employed_flexible", "灵活就业", "人", 1, IND_EMPLOYED " AND " IND_FORM_FLEXIBLE ")", NULL, NULL },
	{ "employed_self", "自主创业", "人", 1, IND_EMPLOYED " AND " IND_FORM_SELF ")", NULL, NULL },
	{ "employed_public", "公益性岗位", "人", 1, IND_EMPLOYED " AND " IND_FORM_PUBLIC ")", NULL, NULL },
	{ "employed_other", "其他形式", "人", 1, IND_EMPLOYED " AND " IND_FORM_OTHER ")", NULL, NULL },
	{ "zero_open", "零就业家庭（月末未消除）", "户", 0, IND_ZERO_COND IND_ZERO_OPEN ")",
	  IND_ZERO_COUNT IND_ZERO_OPEN, NULL },
	{ "zero_appeared", "本月新产生零就业家庭", "户", 1, IND_ZERO_COND IND_ZERO_APPEARED ")",
	  IND_ZERO_COUNT IND_ZERO_APPEARED, NULL },
	{ "zero_cleared", "本月消除零就业家庭", "户", 1, IND_ZERO_COND IND_ZERO_CLEARED ")",
	  IND_ZERO_COUNT IND_ZERO_CLEARED, NULL },
	{ "grad_1311", "困难毕业生1-3-1-1服务包（已制定）", "人", 0, IND_1311 ")", NULL, NULL },
	{ "grad_1311_done", "其中服务包已全部落实", "人", 1, IND_1311 " AND " IND_1311_DONE ")", NULL, NULL },
	{ "measures_planned", "帮扶计划措施（计划）", "项", 0, IND_PLAN_ACTIVE, NULL, NULL },
	{ "measures_done", "帮扶计划措施（已落实）", "项", 1, IND_PLAN_ACTIVE, NULL, NULL },
	{ "followup_overdue", "回访逾期", "人", 0,
	  "EXISTS (SELECT 1 FROM followup f WHERE f.person_id = p.id AND " IND_FOLLOWUP_OVERDUE ")",
	  "SELECT count(DISTINCT f.person_id) FROM followup f JOIN person p ON p.id = f.person_id"
	  " WHERE " IND_FOLLOWUP_OVERDUE " AND" IND_IN_RANGE,
	  "SELECT count(DISTINCT f.person_id) FROM followup f WHERE " IND_FOLLOWUP_OVERDUE },
	/*
	 * A range reads status, created_at and community_code in
	 * person_recent (a range on created_at) and probes service only for
	 * the persons left, instead of a person row for each of its persons:
	 * +p.community_code keeps the planner off person_scope_name.
	 */
	{ "no_contact_6m", "六个月以上未联系", "人", 0, IND_NO_CONTACT,
	  "SELECT count(*) FROM person p WHERE " IND_NO_CONTACT " AND +p.community_code BETWEEN :lo AND :hi",
	  "SELECT count(*) FROM person p WHERE " IND_NO_CONTACT },
};
_Static_assert(sizeof ind_defs / sizeof ind_defs[0] == IND_NDEFS, "IND_NDEFS: the rows of ind_defs");

#define IND_PER_PERSON_2 "SELECT coalesce(sum(a), 0), coalesce(sum(b), 0) FROM (SELECT "
#define IND_EMP_COLS_ \
	"SELECT count(DISTINCT e.person_id)," \
	" count(DISTINCT CASE WHEN " IND_FORM_UNIT " THEN e.person_id END)," \
	" count(DISTINCT CASE WHEN " IND_FORM_FLEXIBLE " THEN e.person_id END)," \
	" count(DISTINCT CASE WHEN " IND_FORM_SELF " THEN e.person_id END)," \
	" count(DISTINCT CASE WHEN " IND_FORM_PUBLIC " THEN e.person_id END)," \
	" count(DISTINCT CASE WHEN " IND_FORM_OTHER " THEN e.person_id END)"
/*
 * A range walks its persons and probes employment_person for each: a
 * district's 50,000 probes cost a third of looking up, for each of the
 * city's 36,000 jobs of the month, the wide person row (which the planner
 * would choose, counting rows, not bytes).  CROSS JOIN keeps that order.
 */
#define IND_EMP_COLS_RANGE IND_EMP_COLS_ " FROM person p CROSS JOIN employment e ON e.person_id = p.id"
#define IND_EMP_COLS IND_EMP_COLS_ " FROM employment e"
#define IND_MEASURE_COLS \
	"SELECT coalesce(sum(m.target_count), 0), coalesce(sum(min(m.target_count, (SELECT count(*)" \
	" FROM service s WHERE s.measure_id = m.id AND s.served_on <= :me))), 0)" \
	" FROM plan pl JOIN plan_measure m ON m.plan_id = pl.id"

const struct ind_group ind_groups[] = {
	{ { "registered", "registered_new" },
	  IND_PER_PERSON_2 "max(" IND_REG_STATE ") AS a, max(" IND_REG_NEW ") AS b"
	  " FROM person p JOIN registration r ON r.person_id = p.id WHERE" IND_IN_RANGE " GROUP BY p.id)",
	  NULL, NULL },
	{ { "difficult", "recognised_new" },
	  IND_PER_PERSON_2 "max(" IND_CAT_STATE ") AS a, max(" IND_CAT_NEW ") AS b"
	  " FROM person p JOIN person_category c ON c.person_id = p.id WHERE" IND_IN_RANGE " GROUP BY p.id)",
	  NULL, NULL },
	{ { "employed_new", "employed_unit", "employed_flexible", "employed_self", "employed_public",
	    "employed_other" },
	  IND_EMP_COLS_RANGE " WHERE " IND_EMP_MONTH " AND" IND_IN_RANGE,
	  IND_EMP_COLS " WHERE " IND_EMP_MONTH, NULL },
	{ { "grad_1311", "grad_1311_done" },
	  "SELECT count(*), coalesce(sum(d), 0) FROM (SELECT max(" IND_1311_DONE ") AS d"
	  " FROM plan pl JOIN person p ON p.id = pl.person_id WHERE " IND_1311_PLAN " AND" IND_IN_RANGE
	  " GROUP BY pl.person_id)",
	  NULL, NULL },
	{ { "measures_planned", "measures_done" },
	  IND_MEASURE_COLS " JOIN person p ON p.id = pl.person_id" IND_MEASURE_WHERE " AND" IND_IN_RANGE,
	  NULL, NULL },
	/* The whole city: joins in C (ind_join_plans, ind_join_no_contact). */
	{ { "grad_1311", "grad_1311_done", "measures_planned", "measures_done" }, NULL, NULL,
	  ind_join_plans },
	{ { "no_contact_6m" }, NULL, NULL, ind_join_no_contact },
};
_Static_assert(sizeof ind_groups / sizeof ind_groups[0] == IND_NGROUPS, "IND_NGROUPS: the rows of ind_groups");

/* The definition of id, or NULL. */
const struct ind_def *
ind_find(const char *id)
{
	size_t i;

	for (i = 0; i < IND_NDEFS; i++)
		if (strcmp(ind_defs[i].id, id) == 0)
			return &ind_defs[i];
	return NULL;
}

/* Label of indicator id, or NULL. */
const char *
indicators_label(const char *id)
{
	const struct ind_def *d = ind_find(id);

	return d != NULL ? d->label : NULL;
}

/* The person condition of indicator id, or NULL. */
const char *
indicators_cond(const char *id)
{
	const struct ind_def *d = ind_find(id);

	return d != NULL ? d->cond : NULL;
}

/* Split "YYYY-MM" into first and last day; BF_EINVAL if malformed. */
static int
ind_month_days(const char *month, char ms[11], char me[11], bf_error *err)
{
	int y, m, len;

	if (strlen(month) != 7 || sscanf(month, "%4d-%2d%n", &y, &m, &len) != 2 || len != 7 ||
	    month[4] != '-' || date_days_in_month(y, m) == 0 || y < 1900 || y > 9999)
		return err_set(err, BF_EINVAL, "月份“%s”格式应为 YYYY-MM（如 2024-06）", month);
	snprintf(ms, 11, "%04d-%02d-01", y, m);
	snprintf(me, 11, "%04d-%02d-%02d", y, m, date_days_in_month(y, m));
	return BF_OK;
}

/*
 * Does p's range hold every person on file (the city for an
 * administrator)?  Then the counts need not look at the person rows at
 * all.  Two index lookups: min() and max() each in a statement of its own,
 * as SQLite reads one end of an index only for a lone min() or max() (both
 * in one SELECT scan the whole index, 0.1 s at 1,000,000 persons).
 */
static int
ind_range_all(struct db *db, struct ind_period *p, bf_error *err)
{
	static const char sql[] =
	    "SELECT coalesce((SELECT min(community_code) FROM person), '') >= ?1"
	    " AND coalesce((SELECT max(community_code) FROM person), '') <= ?2";
	sqlite3_stmt *st = db_stmt(db, sql, err);

	p->all = 0;
	if (st == NULL)
		return err->code;
	st_bind(st, 1, p->lo);
	st_bind(st, 2, p->hi);
	if (sqlite3_step(st) == SQLITE_ROW)
		p->all = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return BF_OK;
}

/* Resolve org and month against the actor's scope. */
int
indicators_period(struct db *db, const char *org, const char *month, struct ind_period *p,
    bf_error *err)
{
	const struct db_actor *a = db_actor(db);
	char today[11], lo[13], hi[13];
	struct org_unit u;
	int rc;

	memset(p, 0, sizeof *p);
	if (a->id == 0)
		return err_set(err, BF_EPERM, "尚未登录，不能查看指标");
	db_today(db, today);
	if (month == NULL || month[0] == '\0')
		snprintf(p->month, sizeof p->month, "%.7s", today);
	else
		snprintf(p->month, sizeof p->month, "%.7s", month);
	if ((rc = ind_month_days(month != NULL && month[0] ? month : p->month, p->ms, p->me, err)) != BF_OK)
		return rc;
	snprintf(p->asof, sizeof p->asof, "%s", strcmp(today, p->me) < 0 ? today : p->me);
	if ((rc = orgunit_get(db, org != NULL && org[0] ? org : a->org, &u, err)) != BF_OK)
		return rc;
	orgunit_range(&u, lo, hi);
	/* The range is the unit's subtree within the scope; disjoint is refused. */
	if (strcmp(hi, a->scope_lo) < 0 || strcmp(lo, a->scope_hi) > 0)
		return err_set(err, BF_EPERM, "%s（%s）不在您的管辖范围内", u.name, u.code);
	snprintf(p->lo, sizeof p->lo, "%s", strcmp(lo, a->scope_lo) > 0 ? lo : a->scope_lo);
	snprintf(p->hi, sizeof p->hi, "%s", strcmp(hi, a->scope_hi) < 0 ? hi : a->scope_hi);
	return ind_range_all(db, p, err);
}

/* Bind s to the named parameter if st has it. */
static void
ind_bind_name(sqlite3_stmt *st, const char *name, const char *s)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i > 0)
		st_bind(st, i, s);
}

/* Bind a period's parameters and the row argument. */
void
ind_bind_period(sqlite3_stmt *st, const struct ind_period *p, const char *code)
{
	ind_bind_name(st, ":lo", p->lo);
	ind_bind_name(st, ":hi", p->hi);
	ind_bind_name(st, ":ms", p->ms);
	ind_bind_name(st, ":me", p->me);
	ind_bind_name(st, ":asof", p->asof);
	ind_bind_name(st, ":code", code != NULL ? code : "");
}

/* For the caseload list: bind :ms :me :asof :code of month. */
int
indicators_bind(struct db *db, sqlite3_stmt *st, const char *month, const char *code, bf_error *err)
{
	struct ind_period p;
	char today[11];
	int rc;

	memset(&p, 0, sizeof p);
	db_today(db, today);
	if ((rc = ind_month_days(month != NULL && month[0] ? month : "", p.ms, p.me, err)) != BF_OK) {
		if (month != NULL && month[0])
			return rc;
		snprintf(p.month, sizeof p.month, "%.7s", today);
		if ((rc = ind_month_days(p.month, p.ms, p.me, err)) != BF_OK)
			return rc;
	}
	snprintf(p.asof, sizeof p.asof, "%s", strcmp(today, p.me) < 0 ? today : p.me);
	ind_bind_name(st, ":ms", p.ms);
	ind_bind_name(st, ":me", p.me);
	ind_bind_name(st, ":asof", p.asof);
	ind_bind_name(st, ":code", code != NULL ? code : "");
	return BF_OK;
}

/* Prepare sql (not cached: some texts are built per call). */
sqlite3_stmt *
ind_prepare(struct db *db, const char *sql, bf_error *err)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		db_fail(db, err, "准备指标查询");
		return NULL;
	}
	return st;
}

/* Run a one-number statement. */
static int
ind_scalar(struct db *db, const char *sql, const struct ind_period *p, const char *code, long *value,
    bf_error *err)
{
	sqlite3_stmt *st = ind_prepare(db, sql, err);
	int rc = BF_OK;

	*value = 0;
	if (st == NULL)
		return err->code;
	ind_bind_period(st, p, code);
	if (sqlite3_step(st) == SQLITE_ROW)
		*value = sqlite3_column_int64(st, 0);
	else
		rc = db_fail(db, err, "计算指标");
	sqlite3_finalize(st);
	return rc;
}

/* Does group g compute its indicators for p (a range, or the whole city)? */
int
ind_group_applies(const struct ind_group *g, const struct ind_period *p)
{
	return p->all ? g->all != NULL || g->join != NULL : g->range != NULL;
}

/* The group computing indicator id for p and its column there, or NULL. */
const struct ind_group *
ind_group_of(const char *id, const struct ind_period *p, int *col)
{
	size_t g, k;

	for (g = 0; g < IND_NGROUPS; g++) {
		if (!ind_group_applies(&ind_groups[g], p))
			continue;
		for (k = 0; k < sizeof ind_groups[g].ids / sizeof ind_groups[g].ids[0]; k++)
			if (ind_groups[g].ids[k] != NULL && strcmp(ind_groups[g].ids[k], id) == 0) {
				*col = (int)k;
				return &ind_groups[g];
			}
	}
	return NULL;
}

/*
 * Run group g for p; vals[i] gets the value of ind_defs[i] for each
 * indicator of the group.
 */
int
ind_group_run(struct db *db, const struct ind_group *g, const struct ind_period *p, long *vals,
    bf_error *err)
{
	long cols[sizeof g->ids / sizeof g->ids[0]];
	sqlite3_stmt *st;
	size_t k, i;
	int rc = BF_OK;

	if (p->all && g->join != NULL) {
		memset(cols, 0, sizeof cols);
		if ((rc = g->join(db, p, cols, err)) != BF_OK)
			return rc;
		for (k = 0; k < sizeof g->ids / sizeof g->ids[0] && g->ids[k] != NULL; k++)
			vals[ind_find(g->ids[k]) - ind_defs] = cols[k];
		return BF_OK;
	}
	if ((st = ind_prepare(db, p->all ? g->all : g->range, err)) == NULL)
		return err->code;
	ind_bind_period(st, p, NULL);
	if (sqlite3_step(st) == SQLITE_ROW) {
		for (k = 0; k < sizeof g->ids / sizeof g->ids[0] && g->ids[k] != NULL; k++)
			for (i = 0; i < IND_NDEFS; i++)
				if (strcmp(ind_defs[i].id, g->ids[k]) == 0)
					vals[i] = sqlite3_column_int64(st, (int)k);
	} else {
		rc = db_fail(db, err, "计算指标");
	}
	sqlite3_finalize(st);
	return rc;
}

/* Value of one definition. */
int
ind_eval(struct db *db, const struct ind_def *d, const struct ind_period *p, const char *code,
    long *value, bf_error *err)
{
	const struct ind_group *g;
	long vals[IND_NDEFS];
	strbuf sql;
	int rc, col;

	if ((g = ind_group_of(d->id, p, &col)) != NULL) {
		memset(vals, 0, sizeof vals);
		rc = ind_group_run(db, g, p, vals, err);
		*value = vals[d - ind_defs];
		return rc;
	}
	if (p->all && d->all != NULL)
		return ind_scalar(db, d->all, p, code, value, err);
	if (d->count != NULL)
		return ind_scalar(db, d->count, p, code, value, err);
	sb_init(&sql);
	sb_addf(&sql, "SELECT count(*) FROM person p WHERE p.community_code BETWEEN :lo AND :hi AND (%s)",
	    d->cond);
	rc = ind_scalar(db, sb_str(&sql), p, code, value, err);
	sb_free(&sql);
	return rc;
}

/* One indicator's value. */
int
indicators_value(struct db *db, const struct ind_period *p, const char *id, const char *code,
    long *value, bf_error *err)
{
	const struct ind_def *d = ind_find(id);

	*value = 0;
	if (d == NULL)
		return err_set(err, BF_EINVAL, "未知指标“%s”", id);
	return ind_eval(db, d, p, code, value, err);
}

/* Append one row to a growing array. */
struct ind_row *
ind_push(struct ind_row **v, int *n, int *cap)
{
	struct ind_row *r;

	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		*v = xrealloc(*v, (size_t)*cap * sizeof **v);
	}
	r = &(*v)[(*n)++];
	memset(r, 0, sizeof *r);
	return r;
}

/* Category rows: one per code held at the end of the month. */
int
ind_categories(struct db *db, const struct ind_period *p, struct ind_row **v, int *n, int *cap,
    bf_error *err)
{
	static const char sql[] =
	    "SELECT c.code, count(DISTINCT c.person_id) FROM person_category c"
	    " JOIN person p ON p.id = c.person_id"
	    " WHERE p.community_code BETWEEN :lo AND :hi AND c.recognised_on <= :me"
	    " AND (c.ended_on IS NULL OR c.ended_on > :me) AND (c.expires_on IS NULL OR c.expires_on > :me)"
	    " GROUP BY c.code ORDER BY c.code";
	static const char sql_all[] =
	    "SELECT c.code, count(DISTINCT c.person_id) FROM person_category c WHERE c.recognised_on <= :me"
	    " AND (c.ended_on IS NULL OR c.ended_on > :me) AND (c.expires_on IS NULL OR c.expires_on > :me)"
	    " GROUP BY c.code ORDER BY c.code";
	const struct ind_def *d = ind_find("difficult_cat");
	sqlite3_stmt *st = ind_prepare(db, p->all ? sql_all : sql, err);
	struct ind_row *r;
	int step;

	if (st == NULL)
		return err->code;
	ind_bind_period(st, p, NULL);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		r = ind_push(v, n, cap);
		snprintf(r->id, sizeof r->id, "%s", d->id);
		snprintf(r->code, sizeof r->code, "%s", st_text(st, 0));
		snprintf(r->label, sizeof r->label, "类别 %s", r->code);
		r->unit = d->unit;
		r->indent = d->indent;
		r->drill = 1;
		r->value = sqlite3_column_int64(st, 1);
	}
	if (step != SQLITE_DONE)
		step = db_fail(db, err, "按类别统计就业困难人员");
	else
		step = BF_OK;
	sqlite3_finalize(st);
	return step;
}

/*
 * Persons on file with an open follow-up overdue at p's :asof, per
 * caseworker (ascending caseworker id, NULL first), for the whole city:
 * driven from the open follow-ups due before :asof (followup_state), a
 * few tens of thousands, instead of a probe for each of its 1,000,000
 * persons.  *ids and *counts are owned by the caller (free()).
 */
int
ind_overdue_by_worker(struct db *db, const struct ind_period *p, int64_t **ids, long **counts,
    int *n, bf_error *err)
{
	static const char sql[] =
	    "SELECT coalesce(p.caseworker_id, 0), count(DISTINCT p.id) FROM followup f"
	    " JOIN person p ON p.id = f.person_id"
	    " WHERE f.done_on IS NULL AND f.due_on < :asof AND p.status <> 'closed'"
	    " GROUP BY p.caseworker_id ORDER BY 1";
	sqlite3_stmt *st = ind_prepare(db, sql, err);
	int cap = 0, step;

	*ids = NULL;
	*counts = NULL;
	*n = 0;
	if (st == NULL)
		return err->code;
	ind_bind_period(st, p, NULL);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			*ids = xrealloc(*ids, (size_t)cap * sizeof **ids);
			*counts = xrealloc(*counts, (size_t)cap * sizeof **counts);
		}
		(*ids)[*n] = sqlite3_column_int64(st, 0);
		(*counts)[(*n)++] = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		free(*ids);
		free(*counts);
		*ids = NULL;
		*counts = NULL;
		*n = 0;
		return db_fail(db, err, "按社区工作人员统计回访逾期");
	}
	return BF_OK;
}

/* Overdue count of caseworker id in the ascending ids[n], 0 if absent. */
static long
ind_overdue_find(const int64_t *ids, const long *counts, int n, int64_t id)
{
	int lo = 0, hi = n - 1, mid;

	while (lo <= hi) {
		mid = lo + (hi - lo) / 2;
		if (ids[mid] == id)
			return counts[mid];
		if (ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return 0;
}

/*
 * Open cases per caseworker, most first, into *out (the caller's,
 * free()).  A range (a district's 50,000 persons at most) is one pass
 * over its persons with a probe for an overdue follow-up each.  The whole
 * city counts the open cases in person_caseworker alone, grouped in its
 * order; its overdue numbers come from ind_overdue_by_worker
 * (ind_workers_overdue sets them).
 */
int
ind_workers_open(struct db *db, const struct ind_period *p, struct ind_worker **out, int *n,
    bf_error *err)
{
	static const char sql[] =
	    "SELECT coalesce(p.caseworker_id, 0), coalesce(u.login, ''), coalesce(u.name, ''), count(*),"
	    " sum(EXISTS (SELECT 1 FROM followup fo WHERE fo.person_id = p.id AND fo.done_on IS NULL"
	    "   AND fo.due_on < :asof))"
	    " FROM person p LEFT JOIN app_user u ON u.id = p.caseworker_id"
	    " WHERE" IND_IN_RANGE " AND p.status <> 'closed'"
	    " GROUP BY 1 ORDER BY 4 DESC, 2";
	static const char sql_all[] =
	    "SELECT coalesce(w.caseworker_id, 0), coalesce(u.login, ''), coalesce(u.name, ''), w.n, 0"
	    " FROM (SELECT p.caseworker_id, count(*) AS n FROM person p WHERE p.status <> 'closed'"
	    " GROUP BY p.caseworker_id) w LEFT JOIN app_user u ON u.id = w.caseworker_id ORDER BY 4 DESC, 2";
	sqlite3_stmt *st;
	struct ind_worker *v = NULL, *w;
	int cap = 0, step;

	*out = NULL;
	*n = 0;
	if ((st = ind_prepare(db, p->all ? sql_all : sql, err)) == NULL)
		return err->code;
	ind_bind_period(st, p, NULL);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			v = xrealloc(v, (size_t)cap * sizeof *v);
		}
		w = &v[(*n)++];
		memset(w, 0, sizeof *w);
		w->id = sqlite3_column_int64(st, 0);
		snprintf(w->login, sizeof w->login, "%s", st_text(st, 1));
		snprintf(w->name, sizeof w->name, "%s", st_text(st, 2));
		w->open = sqlite3_column_int64(st, 3);
		w->overdue = sqlite3_column_int64(st, 4);
	}
	if (step != SQLITE_DONE) {
		free(v);
		*n = 0;
		step = db_fail(db, err, "按社区工作人员统计");
		sqlite3_finalize(st);
		return step;
	}
	sqlite3_finalize(st);
	*out = v;
	return BF_OK;
}

/* The whole city: each caseworker's overdue number from ind_overdue_by_worker's ids[n]. */
void
ind_workers_overdue(struct ind_worker *w, int nw, const int64_t *ids, const long *counts, int n)
{
	int i;

	for (i = 0; i < nw; i++)
		w[i].overdue = ind_overdue_find(ids, counts, n, w[i].id);
}

/* Every indicator for p. */
int
indicators_compute(struct db *db, const struct ind_period *p, struct ind_row **out, int *n,
    bf_error *err)
{
	return ind_report(db, p, out, n, NULL, NULL, err);
}

/* Open cases per caseworker in p's range, most first. */
int
indicators_workers(struct db *db, const struct ind_period *p, struct ind_worker **out, int *n,
    bf_error *err)
{
	int64_t *oids = NULL;
	long *ocounts = NULL;
	int on = 0, rc;

	*out = NULL;
	*n = 0;
	if (p->all && (rc = ind_overdue_by_worker(db, p, &oids, &ocounts, &on, err)) != BF_OK)
		return rc;
	if ((rc = ind_workers_open(db, p, out, n, err)) == BF_OK && p->all)
		ind_workers_overdue(*out, *n, oids, ocounts, on);
	free(oids);
	free(ocounts);
	return rc;
}
