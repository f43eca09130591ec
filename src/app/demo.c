/*
 * demo.c -- writing generated persons.  Communities are taken evenly from
 * the whole city's list (about one per hundred persons, at least four),
 * each gets a caseworker account (cw + its code), and every person's rows
 * go in with the generator's indices turned into row ids.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/demo.h"
#include "app/demo_gen.h"
#include "app/session.h"
#include "store/bulk.h"
#include "store/db.h"
#include "store/orgunit.h"
#include "util/xalloc.h"

#define DEMO_BATCH		2000	/* persons per transaction */
#define DEMO_PER_COMMUNITY	100
#define DEMO_MIN_COMMUNITIES	4
#define DEMO_ORGS_MAX		16384

static const char *const cols_user[] = {
	"login", "name", "role", "org_code", "created_at", NULL };
static const char *const cols_person[] = {
	"citizen_id", "id_rev", "id_from15", "name", "name_py", "name_pinyin", "name_chars",
	"sex", "birth_date", "ethnicity", "education", "marital", "political", "health",
	"hukou_type", "hukou_region", "hukou_address", "community_code", "address", "phone",
	"landline", "emergency_name", "emergency_relation", "emergency_phone", "retire_basis",
	"status", "status_since", "exit_reason", "caseworker_id", "created_at", "updated_at", "extra",
	NULL };
static const char *const cols_category[] = {
	"person_id", "code", "recognised_on", "evidence", "expires_on", "ended_on", "end_reason",
	"derived", "note", "created_at", NULL };
static const char *const cols_registration[] = {
	"person_id", "registered_on", "unemployed_since", "reason", "prev_employer",
	"prev_occupation", "prev_income_band", "benefit", "benefit_from", "benefit_to", "card_no",
	"cancelled_on", "cancel_reason", "created_at", NULL };
static const char *const cols_plan[] = {
	"person_id", "version_no", "supersedes", "template", "status", "goal", "made_on",
	"target_on", "responsible", "approved_by", "approved_on", "created_at", NULL };
static const char *const cols_measure[] = {
	"plan_id", "type", "target_count", "due_on", "worker_id", "note", NULL };
static const char *const cols_service[] = {
	"person_id", "measure_id", "served_on", "type", "method", "content", "result",
	"next_contact_on", "worker_id", "created_at", NULL };
static const char *const cols_followup[] = {
	"person_id", "due_on", "kind", "done_on", "method", "result", "service_id", "worker_id",
	"created_at", NULL };
static const char *const cols_employment[] = {
	"person_id", "form", "employer", "credit_code", "post", "started_on", "ended_on",
	"end_reason", "monthly_income", "insured", "subsidy_until", "created_at", NULL };
static const char *const cols_event[] = {
	"person_id", "at", "from_status", "to_status", "reason", "user_id", NULL };

/* Integers as text for binding; buffers are rotated so several fit in one row. */
struct demo_nums {
	char	buf[12][24];
	int	next;
};

/* id as text, or NULL for 0 / a negative index. */
static const char *
demo_id(struct demo_nums *nb, int64_t id)
{
	char *b;

	if (id <= 0)
		return NULL;
	b = nb->buf[nb->next++ % 12];
	snprintf(b, 24, "%lld", (long long)id);
	return b;
}

/* An integer as text (0 included); negative = NULL when null_neg. */
static const char *
demo_int(struct demo_nums *nb, long v, int null_neg)
{
	char *b;

	if (null_neg && v < 0)
		return NULL;
	b = nb->buf[nb->next++ % 12];
	snprintf(b, 24, "%ld", v);
	return b;
}

/* "" means NULL in generated structs. */
static const char *
demo_s(const char *s)
{
	return s[0] != '\0' ? s : NULL;
}

/*
 * The person form asks for the school and graduation date of anyone with
 * a degree or vocational diploma; the generator has no such columns, so
 * they are made here, in `extra`, from the education and birth date.
 */
static void
demo_extra(const struct demo_person *p, char *out, size_t len)
{
	static const struct {
		const char	*education;
		int		 age;		/* age at graduation */
		const char	*schools[4];
	} grads[] = {
		{ "11", 25, { "重庆大学", "西南大学", "重庆医科大学", "西南政法大学" } },
		{ "14", 22, { "重庆邮电大学", "重庆交通大学", "重庆师范大学", "重庆工商大学" } },
		{ "21", 22, { "重庆理工大学", "长江师范学院", "重庆三峡学院", "重庆文理学院" } },
		{ "31", 21, { "重庆城市管理职业学院", "重庆工业职业技术学院", "重庆电子工程职业学院",
		    "重庆工程职业技术学院" } },
		{ "41", 18, { "重庆市工业学校", "重庆市商务高级技工学校", "重庆市农业学校",
		    "重庆市轻工业学校" } },
	};
	size_t i, n = 0;
	int y;

	n += (size_t)snprintf(out + n, len - n, "{");
	if (strcmp(p->health, "6") == 0)
		/* 残疾人证号: the citizen ID, the disability category (1-7) and grade (1-4). */
		n += (size_t)snprintf(out + n, len - n, "\"disability_cert\":\"%s%c%c\"",
		    p->citizen_id, '1' + p->citizen_id[15] % 7, '1' + p->citizen_id[14] % 4);
	for (i = 0; i < sizeof grads / sizeof grads[0] && n < len; i++) {
		if (strcmp(p->education, grads[i].education) != 0)
			continue;
		y = atoi(p->birth_date) + grads[i].age;
		if (y > atoi(p->created_at))
			y = atoi(p->created_at) - 1;
		n += (size_t)snprintf(out + n, len - n, "%s\"school\":\"%s\",\"graduated_on\":\"%04d-07-01\"",
		    n > 1 ? "," : "", grads[i].schools[p->citizen_id[16] % 4], y);
	}
	if (n < len)
		snprintf(out + n, len - n, "}");
}

/*
 * A mobile number made from the ID for persons the generator left
 * without one: the person form requires a mobile number, and so does an
 * emergency contact.  salt keeps the two different.
 */
static void
demo_mobile(const struct demo_person *p, int salt, char out[12])
{
	snprintf(out, 12, "1%c%.9s", "3456789"[(p->citizen_id[17] + salt) % 7],
	    p->citizen_id + 8 - salt % 2);	/* digits 8..16 (or 7..15): never the X */
}

/* Write one generated person and its rows. */
static int
demo_write(struct bulk *b, const struct demo_person *p, struct demo_totals *tot, bf_error *err)
{
	int64_t pid, plan_ids[DEMO_MAX_PLANS], measure_ids[DEMO_MAX_MEASURES];
	int64_t service_ids[DEMO_MAX_SERVICES], id;
	struct demo_nums nb = { .next = 0 };
	char extra[256], phone[12], ephone[12];
	int i, rc;

	demo_extra(p, extra, sizeof extra);
	if (p->phone[0] != '\0')
		snprintf(phone, sizeof phone, "%s", p->phone);
	else
		demo_mobile(p, 0, phone);
	if (p->emergency_phone[0] != '\0' || p->emergency_name[0] == '\0')
		snprintf(ephone, sizeof ephone, "%s", p->emergency_phone);
	else
		demo_mobile(p, 1, ephone);
	{
		const char *v[] = { p->citizen_id, p->id_rev, demo_int(&nb, p->id_from15, 0), p->name,
		    p->name_py, p->name_pinyin, p->name_chars, p->sex, p->birth_date,
		    demo_s(p->ethnicity), demo_s(p->education), demo_s(p->marital),
		    demo_s(p->political), demo_s(p->health), demo_s(p->hukou_type),
		    demo_s(p->hukou_region), demo_s(p->hukou_address), p->community_code,
		    demo_s(p->address), phone, demo_s(p->landline),
		    demo_s(p->emergency_name), demo_s(p->emergency_relation), demo_s(ephone),
		    /* the form records an original retirement age for women only (50/55) */
		    p->sex[0] == '2' ? demo_s(p->retire_basis) : NULL, p->status, p->status_since,
		    demo_s(p->exit_reason), demo_id(&nb, p->caseworker_id), p->created_at,
		    p->updated_at, extra };

		if ((rc = bulk_row(b, "person", cols_person, v, &pid, err)) != BF_OK)
			return rc;
	}
	tot->persons++;
	for (i = 0; i < p->ncategories; i++) {
		const struct demo_category *c = &p->categories[i];
		const char *v[] = { demo_id(&nb, pid), c->code, c->recognised_on, demo_s(c->evidence),
		    demo_s(c->expires_on), demo_s(c->ended_on), demo_s(c->end_reason),
		    demo_int(&nb, c->derived, 0), demo_s(c->note), c->created_at };

		nb.next = 0;
		if ((rc = bulk_row(b, "person_category", cols_category, v, NULL, err)) != BF_OK)
			return rc;
		tot->categories++;
	}
	for (i = 0; i < p->nregistrations; i++) {
		const struct demo_registration *r = &p->registrations[i];
		const char *v[] = { demo_id(&nb, pid), r->registered_on, demo_s(r->unemployed_since),
		    demo_s(r->reason), demo_s(r->prev_employer), demo_s(r->prev_occupation),
		    demo_s(r->prev_income_band), demo_int(&nb, r->benefit, 0), demo_s(r->benefit_from),
		    demo_s(r->benefit_to), demo_s(r->card_no), demo_s(r->cancelled_on),
		    demo_s(r->cancel_reason), r->created_at };

		nb.next = 0;
		if ((rc = bulk_row(b, "registration", cols_registration, v, NULL, err)) != BF_OK)
			return rc;
		tot->registrations++;
	}
	for (i = 0; i < p->nplans; i++) {
		const struct demo_plan *pl = &p->plans[i];
		const char *v[] = { demo_id(&nb, pid), demo_int(&nb, pl->version_no, 0),
		    pl->supersedes >= 0 ? demo_id(&nb, plan_ids[pl->supersedes]) : NULL,
		    demo_s(pl->template_id), pl->status, demo_s(pl->goal), pl->made_on,
		    demo_s(pl->target_on), demo_s(pl->responsible), demo_id(&nb, pl->approved_by),
		    demo_s(pl->approved_on), pl->created_at };

		nb.next = 0;
		if ((rc = bulk_row(b, "plan", cols_plan, v, &plan_ids[i], err)) != BF_OK)
			return rc;
		tot->plans++;
	}
	for (i = 0; i < p->nmeasures; i++) {
		const struct demo_measure *m = &p->measures[i];
		const char *v[] = { demo_id(&nb, plan_ids[m->plan]), m->type,
		    demo_int(&nb, m->target_count, 0), demo_s(m->due_on), demo_id(&nb, m->worker_id),
		    demo_s(m->note) };

		nb.next = 0;
		if ((rc = bulk_row(b, "plan_measure", cols_measure, v, &measure_ids[i], err)) != BF_OK)
			return rc;
		tot->measures++;
	}
	for (i = 0; i < p->nservices; i++) {
		const struct demo_service *sv = &p->services[i];
		const char *v[] = { demo_id(&nb, pid),
		    sv->measure >= 0 ? demo_id(&nb, measure_ids[sv->measure]) : NULL, sv->served_on,
		    sv->type, demo_s(sv->method), demo_s(sv->content), demo_s(sv->result),
		    demo_s(sv->next_contact_on), demo_id(&nb, sv->worker_id), sv->created_at };

		nb.next = 0;
		if ((rc = bulk_row(b, "service", cols_service, v, &service_ids[i], err)) != BF_OK)
			return rc;
		tot->services++;
	}
	for (i = 0; i < p->nfollowups; i++) {
		const struct demo_followup *f = &p->followups[i];
		const char *v[] = { demo_id(&nb, pid), f->due_on, f->kind, demo_s(f->done_on),
		    demo_s(f->method), demo_s(f->result),
		    f->service >= 0 ? demo_id(&nb, service_ids[f->service]) : NULL,
		    demo_id(&nb, f->worker_id), f->created_at };

		nb.next = 0;
		if ((rc = bulk_row(b, "followup", cols_followup, v, NULL, err)) != BF_OK)
			return rc;
		tot->followups++;
	}
	for (i = 0; i < p->nemployments; i++) {
		const struct demo_employment *e = &p->employments[i];
		const char *v[] = { demo_id(&nb, pid), e->form, demo_s(e->employer),
		    demo_s(e->credit_code), demo_s(e->post), e->started_on, demo_s(e->ended_on),
		    demo_s(e->end_reason), demo_int(&nb, e->monthly_income, 1),
		    demo_int(&nb, e->insured, 1), demo_s(e->subsidy_until), e->created_at };

		nb.next = 0;
		if ((rc = bulk_row(b, "employment", cols_employment, v, &id, err)) != BF_OK)
			return rc;
		tot->employments++;
	}
	for (i = 0; i < p->nevents; i++) {
		const struct demo_event *ev = &p->events[i];
		const char *v[] = { demo_id(&nb, pid), ev->at, demo_s(ev->from_status), ev->to_status,
		    demo_s(ev->reason), demo_id(&nb, ev->user_id) };

		nb.next = 0;
		if ((rc = bulk_row(b, "case_event", cols_event, v, NULL, err)) != BF_OK)
			return rc;
		tot->events++;
	}
	return BF_OK;
}

/*
 * Pick communities evenly over the city and make sure each has a
 * caseworker account ("cw" + code); fills orgs[0..*n).
 */
static int
demo_orgs(struct app_session *s, struct bulk *b, struct demo_gen *names, long persons,
    struct org_unit *all, struct demo_org *orgs, size_t *n, struct demo_totals *tot, bf_error *err)
{
	static char logins[DEMO_ORGS_MAX][20];
	struct demo_person staff;
	char now[20];
	int nall = 0, rc;
	size_t want, i;
	int64_t id;

	if ((rc = orgunit_communities(s->db, ORG_CITY, all, DEMO_ORGS_MAX, &nall, err)) != BF_OK)
		return rc;
	if (nall == 0)
		return err_set(err, BF_EINVAL, "数据库中没有社区");
	want = (size_t)(persons / DEMO_PER_COMMUNITY);
	if (want < DEMO_MIN_COMMUNITIES)
		want = DEMO_MIN_COMMUNITIES;
	if (want > (size_t)nall)
		want = (size_t)nall;
	db_now(s->db, now);
	for (i = 0; i < want; i++) {
		struct org_unit *u = &all[i * (size_t)nall / want];
		const char *v[] = { logins[i], staff.name, "caseworker", u->code, now };

		snprintf(logins[i], sizeof logins[i], "cw%s", u->code);
		demo_gen_person(names, &staff);
		rc = bulk_row(b, "app_user", cols_user, v, &id, err);
		if (rc == BF_EDUP) {		/* from an earlier run: reuse it */
			err_clear(err);
			id = 0;
		} else if (rc != BF_OK) {
			return rc;
		} else {
			tot->users++;
		}
		orgs[i].code = u->code;
		orgs[i].name = u->name;
		orgs[i].caseworker_id = id;
	}
	*n = want;
	return BF_OK;
}

/* Generate and write persons. */
int
demo_load(struct app_session *s, long persons, uint64_t seed, demo_progress_fn progress,
    void *ctx, struct demo_totals *totals, bf_error *err)
{
	struct org_unit *all = xcalloc(DEMO_ORGS_MAX, sizeof *all);
	struct demo_org *orgs = xcalloc(DEMO_ORGS_MAX, sizeof *orgs);
	struct demo_person *p = xcalloc(1, sizeof *p);
	struct demo_gen *g = NULL, *names = NULL;
	struct demo_orgs list;
	struct bulk *b = NULL;
	char today[11], note[128];
	size_t norgs = 0;
	long i;
	int rc;

	memset(totals, 0, sizeof *totals);
	db_today(s->db, today);
	if ((rc = bulk_begin(s->db, "demo-data", &b, err)) != BF_OK)
		goto out;
	{
		struct demo_org one = { "500103001003", NULL, 0 };
		struct demo_orgs first = { &one, 1 };

		names = demo_gen_new(seed ^ 0x5eed5eedULL, today, &first);
	}
	if (names == NULL) {
		rc = err_set(err, BF_EINVAL, "无法生成演示数据（日期 %s）", today);
		goto out;
	}
	if ((rc = demo_orgs(s, b, names, persons, all, orgs, &norgs, totals, err)) != BF_OK)
		goto out;
	list.v = orgs;
	list.n = norgs;
	if ((g = demo_gen_new(seed, today, &list)) == NULL) {
		rc = err_set(err, BF_EINVAL, "无法生成演示数据");
		goto out;
	}
	for (i = 0; i < persons; i++) {
		demo_gen_person(g, p);
		if ((rc = demo_write(b, p, totals, err)) != BF_OK) {
			if (rc == BF_EDUP)	/* an ID from an earlier run with this seed */
				rc = err_set(err, BF_EDUP, "演示数据与库中已有人员的身份证号重复，请换一个 --seed");
			err_prefix(err, "写入第 %ld 人时出错：", i + 1);
			goto out;
		}
		if ((i + 1) % DEMO_BATCH == 0) {
			if ((rc = bulk_commit(b, err)) != BF_OK)
				goto out;
			if (progress != NULL)
				progress(ctx, i + 1, persons);
		}
	}
	snprintf(note, sizeof note, "demo-data：%ld 人，种子 %llu", persons, (unsigned long long)seed);
	rc = bulk_finish(b, note, err);
	b = NULL;
	if (progress != NULL)
		progress(ctx, persons, persons);
out:
	bulk_abort(b);
	demo_gen_free(g);
	demo_gen_free(names);
	free(p);
	free(orgs);
	free(all);
	return rc;
}
