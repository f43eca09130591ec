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
 */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "core/date.h"
#include "store/db.h"
#include "store/db_private.h"
#include "store/indicators.h"
#include "store/orgunit.h"
#include "util/idmap.h"
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
/* The 1-3-1-1 template: forms/plans/grad_1311.yaml; demo data and older rows say graduate_1311. */
#define IND_1311_PLAN \
	"pl.template IN ('grad_1311', 'graduate_1311')" \
	" AND pl.status IN ('active', 'completed') AND pl.made_on <= :me"
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

struct ind_def {
	const char	*id;
	const char	*label;
	const char	*unit;
	int		 indent;
	const char	*cond;		/* persons behind the number (p) */
	const char	*count;		/* NULL: count persons matching cond */
	const char	*all;		/* the same number when the range holds every person, or NULL */
};

/* The indicators, in the order reports list them. */
static const struct ind_def ind_defs[] = {
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

/*
 * Indicators computed together: the statement's columns are the values
 * of ids, in order.  `range` counts within :lo..:hi, `all` when the range
 * holds every person on file; without `all` the whole city takes each
 * indicator's own `all` instead (a GROUP BY person with the condition in
 * WHERE costs half of two max() per row there).  Per-person numbers group
 * the rows by person and sum max(condition) over the groups: the person
 * counts once however many of their rows match, as `cond`'s EXISTS does.
 */
struct ind_group {
	const char	*ids[6];
	const char	*range;		/* NULL: a range takes each indicator's own statement */
	const char	*all;
	/* the whole city by a join in C (instead of `all`): cols[k] gets ids[k] */
	int		(*join)(struct db *db, const struct ind_period *p, long *cols, bf_error *err);
};

static int ind_join_plans(struct db *, const struct ind_period *, long *, bf_error *);
static int ind_join_no_contact(struct db *, const struct ind_period *, long *, bf_error *);

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
#define IND_MEASURE_WHERE " WHERE pl.status = 'active' AND pl.made_on <= :me"

static const struct ind_group ind_groups[] = {
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

#define IND_NGROUPS (sizeof ind_groups / sizeof ind_groups[0])
#define IND_NDEFS (sizeof ind_defs / sizeof ind_defs[0])

/* The definition of id, or NULL. */
static const struct ind_def *
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
static void
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
static sqlite3_stmt *
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

/*
 * The whole city's joins in C.  SQLite joins by nested loops only: the
 * `all` statements these replace probed service once per measure of every
 * active plan (about 875,000 probes, 0.55 s at 1,000,000 persons), once
 * per measure of every 1-3-1-1 plan (0.2 s) and once per person on file
 * for six months (about 260,000, 0.45 s).  Here each side is read once in
 * index order and the two are matched in memory: arrays over the ids
 * (which are row ids, nearly dense), an idmap (util/idmap.h) for ids far
 * from the others.  At 1,000,000 persons that holds about 45 MiB for the
 * length of a report (services per measure 18 MiB, the active plans'
 * measures 14 MiB, the 1-3-1-1 rows 13 MiB, the persons 128 KiB of bits):
 * fine for a report computed on request, which is why only the whole city
 * does this (a range stays with its statements, which read its persons,
 * and the caseload list with `cond`).  The 1-3-1-1 rows are sorted here:
 * an ORDER BY would sort them in SQLite at twice the cost.
 */
#define IND_SERVED_SQL \
	"SELECT measure_id, count(*) FROM service WHERE measure_id IS NOT NULL AND served_on <= :me" \
	" GROUP BY measure_id"
#define IND_MEASURES_SQL \
	"SELECT m.id, m.target_count FROM plan pl JOIN plan_measure m ON m.plan_id = pl.id" IND_MEASURE_WHERE
#define IND_1311_SQL \
	"SELECT pl.person_id, pl.id, m.id, m.target_count FROM plan pl" \
	" LEFT JOIN plan_measure m ON m.plan_id = pl.id WHERE " IND_1311_PLAN
/* Open persons on file for six months, and the persons served in the six months to :asof. */
#define IND_NC_PERSONS_SQL \
	"SELECT p.id FROM person p WHERE p.status <> 'closed'" \
	" AND p.created_at < date(:asof, '-6 months', '+1 day')"
/* service_month holds no person_id: +served_on keeps the planner on service_person, read whole. */
#define IND_NC_SERVED_SQL \
	"SELECT DISTINCT s.person_id FROM service s" \
	" WHERE +s.served_on > date(:asof, '-6 months') AND +s.served_on <= :asof"

/* Prepare sql bound to p, or NULL (err set). */
static sqlite3_stmt *
ind_prepare_bound(struct db *db, const char *sql, const struct ind_period *p, bf_error *err)
{
	sqlite3_stmt *st = ind_prepare(db, sql, err);

	if (st != NULL)
		ind_bind_period(st, p, NULL);
	return st;
}

/* Finish a statement stepped to step: BF_OK at SQLITE_DONE, else the error. */
static int
ind_finish(struct db *db, sqlite3_stmt *st, int step, bf_error *err)
{
	int rc = step == SQLITE_DONE ? BF_OK : db_fail(db, err, "计算指标");

	sqlite3_finalize(st);
	return rc;
}

/*
 * Services per measure up to :me.  Measure ids are row ids, nearly
 * dense: those in [lo, lo + n) (lo the least measure id, n at most
 * IND_SERVED_DENSE) are counted in an array, any others in an idmap.
 */
struct ind_served {
	int64_t		 lo;
	size_t		 n;
	long		*dense;
	struct idmap	 sparse;
};

/* At most 8M measures counted in the array (64 MiB), the rest in the idmap. */
#define IND_SERVED_DENSE ((size_t)1 << 23)

/* A measure of an active plan (measures_planned, measures_done). */
struct ind_measure {
	int64_t	id;
	long	target;
};

/* A row of a 1-3-1-1 plan: its person, itself, a measure (0 if none) and its target. */
struct ind_grad {
	int64_t	person, plan, measure;
	int	has_measure;
	long	target;
};

/* What the whole city's plan indicators are computed from (ind_plans_total). */
struct ind_plans {
	struct ind_served	 served;
	struct ind_measure	*m;
	size_t			 nm, capm;
	struct ind_grad		*g;
	size_t			 ng, capg;
};

/* The count of measure id in s, added as 0 if new. */
static long *
ind_served_slot(struct ind_served *s, int64_t id)
{
	if (id >= s->lo && (uint64_t)id - (uint64_t)s->lo < s->n)
		return &s->dense[(uint64_t)id - (uint64_t)s->lo];
	return idmap_put(&s->sparse, id);
}

/* The count of measure id in s (0 if it has no services). */
static long
ind_served_get(const struct ind_served *s, int64_t id)
{
	const long *v;

	if (id >= s->lo && (uint64_t)id - (uint64_t)s->lo < s->n)
		return s->dense[(uint64_t)id - (uint64_t)s->lo];
	v = idmap_get(&s->sparse, id);
	return v != NULL ? *v : 0;
}

/* Free what the plan passes collected (pl may be reused after memset 0). */
static void
ind_plans_free(struct ind_plans *pl)
{
	free(pl->served.dense);
	idmap_free(&pl->served.sparse);
	free(pl->m);
	free(pl->g);
	memset(pl, 0, sizeof *pl);
}

/*
 * Pass 1: the services per measure up to :me, in service_measure order,
 * into pl->served sized by the least and greatest measure id (two index
 * lookups).
 */
static int
ind_plans_served(struct db *db, const struct ind_period *p, struct ind_plans *pl, bf_error *err)
{
	static const char span[] =
	    "SELECT (SELECT min(id) FROM plan_measure), (SELECT max(id) FROM plan_measure)";
	struct ind_served *s = &pl->served;
	sqlite3_stmt *st;
	int64_t lo, hi;
	int step;

	idmap_init(&s->sparse, 0);
	if ((st = ind_prepare(db, span, err)) == NULL)
		return err->code;
	if ((step = sqlite3_step(st)) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		lo = sqlite3_column_int64(st, 0);
		hi = sqlite3_column_int64(st, 1);
		s->lo = lo;
		s->n = (uint64_t)hi - (uint64_t)lo < IND_SERVED_DENSE ? (size_t)((uint64_t)hi - (uint64_t)lo) + 1
		    : IND_SERVED_DENSE;
		s->dense = xcalloc(s->n, sizeof *s->dense);
	}
	sqlite3_finalize(st);
	if (step != SQLITE_ROW)
		return db_fail(db, err, "计算指标");
	if ((st = ind_prepare_bound(db, IND_SERVED_SQL, p, err)) == NULL)
		return err->code;
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		*ind_served_slot(s, sqlite3_column_int64(st, 0)) = (long)sqlite3_column_int64(st, 1);
	return ind_finish(db, st, step, err);
}

/* Pass 2: the measures of the active plans, with their targets, into pl->m. */
static int
ind_plans_measures(struct db *db, const struct ind_period *p, struct ind_plans *pl, bf_error *err)
{
	sqlite3_stmt *st = ind_prepare_bound(db, IND_MEASURES_SQL, p, err);
	int step;

	if (st == NULL)
		return err->code;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (pl->nm == pl->capm) {
			pl->capm = pl->capm ? pl->capm * 2 : 1 << 14;
			pl->m = xrealloc(pl->m, pl->capm * sizeof *pl->m);
		}
		pl->m[pl->nm].id = sqlite3_column_int64(st, 0);
		pl->m[pl->nm++].target = (long)sqlite3_column_int64(st, 1);
	}
	return ind_finish(db, st, step, err);
}

/* Pass 3: the 1-3-1-1 plans with their measures (a row without one for a plan without), into pl->g. */
static int
ind_plans_1311(struct db *db, const struct ind_period *p, struct ind_plans *pl, bf_error *err)
{
	sqlite3_stmt *st = ind_prepare_bound(db, IND_1311_SQL, p, err);
	struct ind_grad *g;
	int step;

	if (st == NULL)
		return err->code;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (pl->ng == pl->capg) {
			pl->capg = pl->capg ? pl->capg * 2 : 1 << 12;
			pl->g = xrealloc(pl->g, pl->capg * sizeof *pl->g);
		}
		g = &pl->g[pl->ng++];
		g->person = sqlite3_column_int64(st, 0);
		g->plan = sqlite3_column_int64(st, 1);
		g->has_measure = sqlite3_column_type(st, 2) != SQLITE_NULL;
		g->measure = sqlite3_column_int64(st, 2);
		g->target = (long)sqlite3_column_int64(st, 3);
	}
	return ind_finish(db, st, step, err);
}

/* qsort order of 1-3-1-1 rows: by person, then plan. */
static int
ind_grad_cmp(const void *a, const void *b)
{
	const struct ind_grad *x = a, *y = b;

	if (x->person != y->person)
		return x->person < y->person ? -1 : 1;
	return x->plan < y->plan ? -1 : x->plan > y->plan;
}

/*
 * The plan indicators from the three passes: cols[0] grad_1311 (persons
 * with a 1-3-1-1 plan), cols[1] grad_1311_done (of them, those with one
 * whose measures, one at least, all had their target of services by :me:
 * IND_1311_DONE), cols[2] measures_planned (the targets of the active
 * plans' measures), cols[3] measures_done (min(target, services) of each).
 * Sorts pl->g.
 */
static void
ind_plans_total(struct ind_plans *pl, long *cols)
{
	size_t i, j, k;
	long done;
	int person_done, met;

	for (i = 0; i < pl->nm; i++) {
		done = ind_served_get(&pl->served, pl->m[i].id);
		cols[2] += pl->m[i].target;
		cols[3] += done < pl->m[i].target ? done : pl->m[i].target;
	}
	if (pl->ng > 0)		/* pl->g is NULL then, which qsort may not be given */
		qsort(pl->g, pl->ng, sizeof *pl->g, ind_grad_cmp);
	for (i = 0; i < pl->ng; i = j) {
		person_done = 0;
		for (j = i; j < pl->ng && pl->g[j].person == pl->g[i].person; j = k) {
			met = pl->g[j].has_measure;
			for (k = j; k < pl->ng && pl->g[k].person == pl->g[j].person &&
			    pl->g[k].plan == pl->g[j].plan; k++)
				if (!pl->g[k].has_measure ||
				    pl->g[k].target > ind_served_get(&pl->served, pl->g[k].measure))
					met = 0;
			person_done |= met;
		}
		cols[0]++;
		cols[1] += person_done;
	}
}

/*
 * The plans of the whole city (grad_1311, grad_1311_done,
 * measures_planned, measures_done): the three passes, then their totals.
 */
static int
ind_join_plans(struct db *db, const struct ind_period *p, long *cols, bf_error *err)
{
	struct ind_plans pl;
	int rc;

	memset(&pl, 0, sizeof pl);
	if ((rc = ind_plans_served(db, p, &pl, err)) == BF_OK &&
	    (rc = ind_plans_measures(db, p, &pl, err)) == BF_OK &&
	    (rc = ind_plans_1311(db, p, &pl, err)) == BF_OK)
		ind_plans_total(&pl, cols);
	ind_plans_free(&pl);
	return rc;
}

/*
 * A set of person ids: person ids are row ids, nearly dense, so those in
 * [lo, lo + n) (lo the least person id, n at most IND_IDSET_DENSE) are
 * bits, 128 KiB for a million persons, which stay in the cache where an
 * idmap of them would not; any others are in an idmap.
 */
struct ind_idset {
	int64_t		 lo;
	size_t		 n;
	unsigned char	*bits;
	struct idmap	 sparse;
};

/* At most 128M persons as bits (16 MiB), the rest in the idmap. */
#define IND_IDSET_DENSE ((size_t)1 << 27)

/* An empty set sized by the least and greatest person id (two index lookups). */
static int
ind_idset_init(struct db *db, struct ind_idset *s, bf_error *err)
{
	static const char span[] = "SELECT (SELECT min(id) FROM person), (SELECT max(id) FROM person)";
	sqlite3_stmt *st;
	uint64_t width;
	int step;

	memset(s, 0, sizeof *s);
	idmap_init(&s->sparse, 0);
	if ((st = ind_prepare(db, span, err)) == NULL)
		return err->code;
	if ((step = sqlite3_step(st)) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		s->lo = sqlite3_column_int64(st, 0);
		width = (uint64_t)sqlite3_column_int64(st, 1) - (uint64_t)s->lo;
		s->n = width < IND_IDSET_DENSE ? (size_t)width + 1 : IND_IDSET_DENSE;
		s->bits = xcalloc(s->n / 8 + 1, 1);
	}
	sqlite3_finalize(st);
	return step == SQLITE_ROW ? BF_OK : db_fail(db, err, "计算指标");
}

/* Add id to s. */
static void
ind_idset_add(struct ind_idset *s, int64_t id)
{
	uint64_t k = (uint64_t)id - (uint64_t)s->lo;

	if (id >= s->lo && k < s->n)
		s->bits[k / 8] |= (unsigned char)(1u << (k % 8));
	else
		idmap_put(&s->sparse, id);
}

/* Does s hold id? */
static int
ind_idset_has(const struct ind_idset *s, int64_t id)
{
	uint64_t k = (uint64_t)id - (uint64_t)s->lo;

	if (id >= s->lo && k < s->n)
		return (s->bits[k / 8] >> (k % 8)) & 1;
	return idmap_get(&s->sparse, id) != NULL;
}

/* Free s. */
static void
ind_idset_free(struct ind_idset *s)
{
	free(s->bits);
	idmap_free(&s->sparse);
	memset(s, 0, sizeof *s);
}

/*
 * no_contact_6m for the whole city: the open persons on file for six
 * months (IND_NO_CONTACT without its NOT EXISTS) into a set, less those
 * of them among the persons served in the six months to :asof (one pass
 * over service_person in person order, each person once).
 */
static int
ind_join_no_contact(struct db *db, const struct ind_period *p, long *cols, bf_error *err)
{
	struct ind_idset persons;
	sqlite3_stmt *st = NULL;
	int step, rc;

	if ((rc = ind_idset_init(db, &persons, err)) == BF_OK &&
	    (st = ind_prepare_bound(db, IND_NC_PERSONS_SQL, p, err)) == NULL)
		rc = err->code;
	if (rc == BF_OK) {
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			ind_idset_add(&persons, sqlite3_column_int64(st, 0));
			cols[0]++;
		}
		if ((rc = ind_finish(db, st, step, err)) == BF_OK &&
		    (st = ind_prepare_bound(db, IND_NC_SERVED_SQL, p, err)) == NULL)
			rc = err->code;
	}
	if (rc == BF_OK) {
		while ((step = sqlite3_step(st)) == SQLITE_ROW)
			cols[0] -= ind_idset_has(&persons, sqlite3_column_int64(st, 0));
		rc = ind_finish(db, st, step, err);
	}
	ind_idset_free(&persons);
	return rc;
}

/* Does group g compute its indicators for p (a range, or the whole city)? */
static int
ind_group_applies(const struct ind_group *g, const struct ind_period *p)
{
	return p->all ? g->all != NULL || g->join != NULL : g->range != NULL;
}

/* The group computing indicator id for p and its column there, or NULL. */
static const struct ind_group *
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
static int
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
static int
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
static struct ind_row *
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
static int
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
static int
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
static int
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
static void
ind_workers_overdue(struct ind_worker *w, int nw, const int64_t *ids, const long *counts, int n)
{
	int i;

	for (i = 0; i < nw; i++)
		w[i].overdue = ind_overdue_find(ids, counts, n, w[i].id);
}

/*
 * A report's statements as jobs that one or two connections take in turn
 * (ind_run_jobs): each job writes only its own part of the run, so the
 * two threads share nothing but the index of the next job.
 */
struct ind_run;

struct ind_job {
	int		(*fn)(struct ind_run *r, struct db *db, const void *arg, bf_error *err);
	const void	*arg;
};

/* At most: every definition, every group, the plan passes, categories, two for the caseworkers. */
#define IND_MAXJOBS (IND_NDEFS + IND_NGROUPS + 6)

struct ind_run {
	const struct ind_period	*p;
	struct ind_job		 jobs[IND_MAXJOBS];
	size_t			 njobs;
	size_t			 next;		/* the next job to take (under mu) */
	int			 failed;	/* a job failed: take no more (under mu) */
	pthread_mutex_t		 mu;
	long			 vals[IND_NDEFS];	/* by ind_defs index */
	struct ind_plans	 plans;		/* the whole city's plan passes */
	int			 plans_on;
	struct ind_row		*cats;		/* category rows */
	int			 ncats, capcats;
	int			 want_workers;
	struct ind_worker	*workers;
	int			 nworkers;
	int64_t			*oids;		/* the whole city's overdue per caseworker */
	long			*ocounts;
	int			 on;
};

/* Job: group arg. */
static int
ind_job_group(struct ind_run *r, struct db *db, const void *arg, bf_error *err)
{
	return ind_group_run(db, arg, r->p, r->vals, err);
}

/* Job: definition arg, not computed by a group. */
static int
ind_job_def(struct ind_run *r, struct db *db, const void *arg, bf_error *err)
{
	const struct ind_def *d = arg;

	return ind_eval(db, d, r->p, NULL, &r->vals[d - ind_defs], err);
}

/* Job: the category rows. */
static int
ind_job_categories(struct ind_run *r, struct db *db, const void *arg, bf_error *err)
{
	(void)arg;
	return ind_categories(db, r->p, &r->cats, &r->ncats, &r->capcats, err);
}

/* Job: the whole city's services per measure (plan pass 1). */
static int
ind_job_served(struct ind_run *r, struct db *db, const void *arg, bf_error *err)
{
	(void)arg;
	return ind_plans_served(db, r->p, &r->plans, err);
}

/* Job: the whole city's measures of active plans (plan pass 2). */
static int
ind_job_measures(struct ind_run *r, struct db *db, const void *arg, bf_error *err)
{
	(void)arg;
	return ind_plans_measures(db, r->p, &r->plans, err);
}

/* Job: the whole city's 1-3-1-1 plans (plan pass 3). */
static int
ind_job_1311(struct ind_run *r, struct db *db, const void *arg, bf_error *err)
{
	(void)arg;
	return ind_plans_1311(db, r->p, &r->plans, err);
}

/* Job: open cases per caseworker. */
static int
ind_job_workers(struct ind_run *r, struct db *db, const void *arg, bf_error *err)
{
	(void)arg;
	return ind_workers_open(db, r->p, &r->workers, &r->nworkers, err);
}

/* Job: the whole city's overdue follow-ups per caseworker. */
static int
ind_job_overdue(struct ind_run *r, struct db *db, const void *arg, bf_error *err)
{
	(void)arg;
	return ind_overdue_by_worker(db, r->p, &r->oids, &r->ocounts, &r->on, err);
}

/* Add a job. */
static void
ind_run_add(struct ind_run *r, int (*fn)(struct ind_run *, struct db *, const void *, bf_error *),
    const void *arg)
{
	r->jobs[r->njobs].fn = fn;
	r->jobs[r->njobs++].arg = arg;
}

/*
 * The jobs of p, the longest first (measured at 1,000,000 persons) so
 * that two connections end close together: the plan passes and
 * no-contact (the whole city's joins in C), the caseworkers, the groups,
 * the indicators of their own, the categories.
 */
static void
ind_run_plan(struct ind_run *r)
{
	size_t i;
	int col;

	if (r->p->all) {
		r->plans_on = 1;
		ind_run_add(r, ind_job_served, NULL);
		ind_run_add(r, ind_job_measures, NULL);
	}
	for (i = 0; i < IND_NGROUPS; i++)
		if (ind_groups[i].join != NULL && ind_groups[i].join != ind_join_plans &&
		    ind_group_applies(&ind_groups[i], r->p))
			ind_run_add(r, ind_job_group, &ind_groups[i]);
	if (r->p->all)
		ind_run_add(r, ind_job_1311, NULL);
	if (r->want_workers) {
		if (r->p->all)
			ind_run_add(r, ind_job_overdue, NULL);
		ind_run_add(r, ind_job_workers, NULL);
	}
	for (i = 0; i < IND_NGROUPS; i++)
		if (ind_groups[i].join == NULL && ind_group_applies(&ind_groups[i], r->p))
			ind_run_add(r, ind_job_group, &ind_groups[i]);
	for (i = 0; i < IND_NDEFS; i++) {
		if (strcmp(ind_defs[i].id, "difficult_cat") == 0)
			continue;
		if (ind_group_of(ind_defs[i].id, r->p, &col) == NULL)
			ind_run_add(r, ind_job_def, &ind_defs[i]);
	}
	ind_run_add(r, ind_job_categories, NULL);
}

/* Take and run jobs on db until none are left or one has failed. */
static int
ind_run_jobs(struct ind_run *r, struct db *db, bf_error *err)
{
	const struct ind_job *j;
	bf_error ignored;
	int rc;

	/* Large ranges read much of the file: map it rather than copy pages. */
	db_exec(db, "PRAGMA mmap_size = 2147483648", &ignored);
	for (;;) {
		pthread_mutex_lock(&r->mu);
		j = !r->failed && r->next < r->njobs ? &r->jobs[r->next++] : NULL;
		pthread_mutex_unlock(&r->mu);
		if (j == NULL)
			return BF_OK;
		if ((rc = j->fn(r, db, j->arg, err)) != BF_OK) {
			pthread_mutex_lock(&r->mu);
			r->failed = 1;
			pthread_mutex_unlock(&r->mu);
			return rc;
		}
	}
}

/* The second connection's thread. */
struct ind_helper {
	struct ind_run	*r;
	struct db	*db;
	bf_error	 err;
	int		 rc;
};

/* Thread body: take jobs on the second connection, then end its transaction and close it. */
static void *
ind_helper_main(void *arg)
{
	struct ind_helper *h = arg;

	h->rc = ind_run_jobs(h->r, h->db, &h->err);
	db_rollback(h->db);
	db_close(h->db);
	return NULL;
}

/* PRAGMA data_version of db (-1 on error). */
static long
ind_data_version(struct db *db)
{
	sqlite3_stmt *st = NULL;
	long v = -1;

	if (sqlite3_prepare_v2(db_handle(db), "PRAGMA data_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Begin a read transaction on db and read, which fixes its snapshot. */
static int
ind_snapshot(struct db *db, bf_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_begin_read(db, err)) != BF_OK)
		return rc;
	if ((st = ind_prepare(db, "SELECT count(*) FROM (SELECT 1 FROM person LIMIT 1)", err)) == NULL) {
		db_rollback(db);
		return err->code;
	}
	rc = sqlite3_step(st) == SQLITE_ROW ? BF_OK : db_fail(db, err, "开始读事务");
	sqlite3_finalize(st);
	if (rc != BF_OK)
		db_rollback(db);
	return rc;
}

/*
 * A second, read-only connection to db's file for a report, in a read
 * transaction on the same snapshot as one begun here on
 * db; NULL (db alone then) if db is in a transaction of its own (its
 * uncommitted rows would be missing on the second) or the file cannot be
 * opened again.
 *
 * The same snapshot: SQLite here has no sqlite3_snapshot_open, so both
 * read transactions begin here one after the other, and a commit by
 * another process between the two would give the second a newer
 * snapshot.  PRAGMA data_version on the second connection tells: it is
 * read before db begins and again once the second has begun; if it did
 * not change, no commit came between the first read and the second, and
 * db's snapshot, begun between them, is the same.  Otherwise both end
 * and begin again (a few times; then db alone computes the report).
 */
static struct db *
ind_second(struct db *db, bf_error *err)
{
	struct db *db2;
	bf_error e;
	long v;
	int try;

	if (!sqlite3_get_autocommit(db_handle(db)) || db_open(db_path(db), DB_READONLY, &db2, &e) != BF_OK)
		return NULL;
	for (try = 0; try < 5; try++) {
		if ((v = ind_data_version(db2)) < 0 || ind_snapshot(db, err) != BF_OK)
			break;
		if (ind_snapshot(db2, &e) != BF_OK) {
			db_rollback(db);
			break;
		}
		if (ind_data_version(db2) == v)
			return db2;
		db_rollback(db2);
		db_rollback(db);
	}
	db_close(db2);
	return NULL;
}

/*
 * Run r's jobs on db and a second connection (ind_second) in a thread
 * as well, each taking the next job when done with one (on db alone if
 * there can be no second).  Two cores nearly halve the time; a street's
 * report, a tenth of a second, pays 2 ms for the second connection.
 */
static int
ind_run_all(struct ind_run *r, struct db *db, bf_error *err)
{
	struct ind_helper h;
	pthread_t t;
	int rc, began = 0;

	memset(&h, 0, sizeof h);
	h.r = r;
	if ((h.db = ind_second(db, err)) != NULL) {
		began = 1;
		if (pthread_create(&t, NULL, ind_helper_main, &h) != 0) {
			db_rollback(h.db);
			db_close(h.db);
			h.db = NULL;
		}
	}
	rc = ind_run_jobs(r, db, err);
	if (h.db != NULL) {
		pthread_join(t, NULL);
		if (rc == BF_OK && h.rc != BF_OK) {
			*err = h.err;
			rc = h.rc;
		}
	}
	if (began)
		db_rollback(db);
	return rc;
}

/* Free what a run holds. */
static void
ind_run_free(struct ind_run *r)
{
	ind_plans_free(&r->plans);
	free(r->cats);
	free(r->workers);
	free(r->oids);
	free(r->ocounts);
	pthread_mutex_destroy(&r->mu);
}

/*
 * The report of p: every indicator into *out (*n rows) and, with
 * workers, the open cases per caseworker into *workers (*nworkers); both
 * the caller's (free()).
 */
static int
ind_report(struct db *db, const struct ind_period *p, struct ind_row **out, int *n,
    struct ind_worker **workers, int *nworkers, bf_error *err)
{
	struct ind_run r;
	struct ind_row *v = NULL, *row;
	long plan_cols[4] = { 0, 0, 0, 0 };
	static const char *plan_ids[] = { "grad_1311", "grad_1311_done", "measures_planned", "measures_done" };
	int cap = 0, rc, i;
	size_t k;

	*out = NULL;
	*n = 0;
	memset(&r, 0, sizeof r);
	r.p = p;
	r.want_workers = workers != NULL;
	pthread_mutex_init(&r.mu, NULL);
	ind_run_plan(&r);
	if ((rc = ind_run_all(&r, db, err)) != BF_OK) {
		ind_run_free(&r);
		return rc;
	}
	if (r.plans_on) {
		ind_plans_total(&r.plans, plan_cols);
		for (k = 0; k < 4; k++)
			r.vals[ind_find(plan_ids[k]) - ind_defs] = plan_cols[k];
	}
	for (k = 0; k < IND_NDEFS; k++) {
		const struct ind_def *d = &ind_defs[k];

		if (strcmp(d->id, "difficult_cat") == 0) {
			for (i = 0; i < r.ncats; i++)
				*ind_push(&v, n, &cap) = r.cats[i];
			continue;
		}
		row = ind_push(&v, n, &cap);
		snprintf(row->id, sizeof row->id, "%s", d->id);
		snprintf(row->label, sizeof row->label, "%s", d->label);
		row->unit = d->unit;
		row->indent = d->indent;
		row->drill = d->cond != NULL;
		row->value = r.vals[k];
	}
	*out = v;
	if (workers != NULL) {
		if (p->all)
			ind_workers_overdue(r.workers, r.nworkers, r.oids, r.ocounts, r.on);
		*workers = r.workers;
		*nworkers = r.nworkers;
		r.workers = NULL;
	}
	ind_run_free(&r);
	return BF_OK;
}

/* Every indicator for p. */
int
indicators_compute(struct db *db, const struct ind_period *p, struct ind_row **out, int *n,
    bf_error *err)
{
	return ind_report(db, p, out, n, NULL, NULL, err);
}

/* Every indicator and the caseloads for p (a report). */
int
indicators_report(struct db *db, const struct ind_period *p, struct ind_row **rows, int *nrows,
    struct ind_worker **workers, int *nworkers, bf_error *err)
{
	*workers = NULL;
	*nworkers = 0;
	return ind_report(db, p, rows, nrows, workers, nworkers, err);
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
