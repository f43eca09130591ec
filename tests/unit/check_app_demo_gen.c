/*
 * check_app_demo_gen.c -- unit tests for src/app/demo_gen.c, the
 * synthetic caseload: valid and unique citizen IDs that agree with sex and
 * birth date, every code from its list, dates in order, case events that
 * follow the allowed transitions, determinism per seed, realistic
 * proportions, and the 1-3-1-1 graduate plan.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "runner.h"
#include "app/demo_gen.h"
#include "app/demo_names.h"
#include "core/casestate.h"
#include "core/category.h"
#include "core/date.h"
#include "core/idcard.h"
#include "core/phone.h"
#include "core/retire.h"
#include "text/pinyin.h"
#include "util/strbuf.h"

#define N_PERSONS 10000
#define TODAY "2026-11-30"

static const struct demo_org test_org_list[] = {
	{ "500103001001", "七星岗社区居民委员会", 11 },
	{ "500106002003", "天星桥社区居民委员会", 12 },
	{ "500241100201", "石堤村民委员会", 13 },
	{ "500112001002", NULL, 14 },
	{ "500235105201", "向阳村民委员会", 0 },
};
static const struct demo_orgs test_orgs = {
	test_org_list, sizeof test_org_list / sizeof test_org_list[0]
};

/* 1 if s is one of the NULL-terminated list. */
static int
in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

static const char *const ethnicities[] = {
	"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15",
	"16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30",
	"31", "32", "33", "34", "35", "36", "37", "38", "39", "40", "41", "42", "43", "44", "45",
	"46", "47", "48", "49", "50", "51", "52", "53", "54", "55", "56", "97", "98", NULL
};
static const char *const educations[] = {
	"11", "14", "21", "31", "41", "44", "47", "61", "71", "81", "90", NULL
};
static const char *const maritals[] = { "10", "20", "30", "40", "90", NULL };
static const char *const politicals[] = {
	"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", NULL
};
static const char *const healths[] = { "1", "2", "3", "6", NULL };
static const char *const hukou_types[] = { "10", "20", NULL };
static const char *const relations[] = {
	"10", "20", "30", "51", "52", "71", "73", "75", "77", NULL
};
static const char *const retire_bases[] = { "50", "55", "60", NULL };
static const char *const reasons[] = {
	"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "99", NULL
};
static const char *const cancel_reasons[] = {
	"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", NULL
};
static const char *const measure_types[] = {
	"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14",
	"15", "16", "99", NULL
};
static const char *const methods[] = { "1", "2", "3", "4", "9", NULL };
static const char *const forms[] = { "11", "12", "13", "21", "31", "32", "41", "51", NULL };
static const char *const kinds[] = { "monthly", "stable_1m", "stable_3m", "stable_6m", "manual", NULL };
static const char *const plan_statuses[] = { "draft", "active", "completed", "revised", NULL };

/* A generator over the test orgs. */
static struct demo_gen *
new_gen(uint64_t seed)
{
	struct demo_gen *g = demo_gen_new(seed, TODAY, &test_orgs);

	ck_assert_ptr_nonnull(g);
	return g;
}

/* bf_date of an ISO string, asserting it is one. */
static bf_date
D(const char *s)
{
	bf_date d;

	ck_assert_msg(date_parse(s, &d, NULL) == BF_OK, "not a date: '%s'", s);
	ck_assert_int_eq((int)strlen(s), 10);
	return d;
}

/* Order of ISO dates/timestamps as text: a <= b. */
static void
le(const char *a, const char *b, const char *what, const struct demo_person *p)
{
	ck_assert_msg(strncmp(a, b, 10) <= 0, "%s: %s > %s (person %s)", what, a, b, p->citizen_id);
}

/* The comparator for qsort over citizen IDs. */
static int
cmp_id(const void *a, const void *b)
{
	return strcmp(a, b);
}

START_TEST(test_ids_valid_and_unique)
{
	struct demo_gen *g = new_gen(1);
	struct demo_person *p = malloc(sizeof *p);
	char (*ids)[19] = malloc(N_PERSONS * sizeof *ids);
	struct idcard id;
	bf_error err;
	bf_date today = D(TODAY);
	char rev[19];
	int i;

	demo_person_clear(p);
	for (i = 0; i < N_PERSONS; i++) {
		ck_assert_int_eq(demo_gen_person(g, p), BF_OK);
		ck_assert_msg(idcard_parse(p->citizen_id, today, &id, &err) == BF_OK, "%s: %s",
		    p->citizen_id, err.msg);
		ck_assert_str_eq(id.number, p->citizen_id);
		ck_assert_int_eq(idcard_check_consistent(&id, p->sex[0] - '0', D(p->birth_date), &err), BF_OK);
		ck_assert_int_eq(strncmp(p->citizen_id, p->hukou_region, 6), 0);
		idcard_reverse(p->citizen_id, rev);
		ck_assert_str_eq(rev, p->id_rev);
		ck_assert_int_eq(p->id_from15, 0);
		memcpy(ids[i], p->citizen_id, 19);
	}
	ck_assert_uint_eq(demo_gen_count(g), N_PERSONS);
	qsort(ids, N_PERSONS, sizeof *ids, cmp_id);
	for (i = 1; i < N_PERSONS; i++)
		ck_assert_msg(strcmp(ids[i - 1], ids[i]) != 0, "duplicate ID %s", ids[i]);
	free(ids);
	free(p);
	demo_gen_free(g);
}
END_TEST

START_TEST(test_codes_in_lists)
{
	struct demo_gen *g = new_gen(2);
	struct demo_person *p = malloc(sizeof *p);
	char mobile[PHONE_MOBILE_LEN + 1], land[PHONE_MAX_LEN + 1];
	enum case_status st;
	strbuf sb;
	size_t k;
	int i, j, found;

	sb_init(&sb);
	demo_person_clear(p);
	for (i = 0; i < N_PERSONS; i++) {
		demo_gen_person(g, p);
		ck_assert(p->sex[0] == '1' || p->sex[0] == '2');
		ck_assert(in_list(p->ethnicity, ethnicities));
		ck_assert(in_list(p->education, educations));
		ck_assert(in_list(p->marital, maritals));
		ck_assert(in_list(p->political, politicals));
		ck_assert(in_list(p->health, healths));
		ck_assert(in_list(p->hukou_type, hukou_types));
		ck_assert(in_list(p->emergency_relation, relations));
		ck_assert(in_list(p->retire_basis, retire_bases));
		ck_assert(p->sex[0] == '2' || strcmp(p->retire_basis, "60") == 0);
		for (found = 0, k = 0; k < demo_ndistricts; k++)
			found |= strcmp(p->hukou_region, demo_districts[k].code) == 0;
		ck_assert_msg(found, "hukou_region %s", p->hukou_region);
		ck_assert(p->org < test_orgs.n);
		ck_assert_str_eq(p->community_code, test_orgs.v[p->org].code);
		ck_assert(p->caseworker_id == test_orgs.v[p->org].caseworker_id);
		ck_assert_int_eq(case_status_from_code(p->status, &st), BF_OK);
		ck_assert(p->name[0] && p->address[0] && p->hukou_address[0]);
		/* pinyin columns agree with text/pinyin */
		sb_reset(&sb);
		pinyin_name_initials(p->name, &sb);
		ck_assert_str_eq(p->name_py, sb_str(&sb));
		sb_reset(&sb);
		pinyin_name_full(p->name, &sb);
		ck_assert_str_eq(p->name_pinyin, sb_str(&sb));
		ck_assert(strlen(p->name_chars) > strlen(p->name));
		if (p->phone[0]) {
			ck_assert_int_eq(phone_parse_mobile(p->phone, mobile, NULL), BF_OK);
			ck_assert_str_eq(mobile, p->phone);
		}
		if (p->emergency_phone[0])
			ck_assert_int_eq(phone_parse_mobile(p->emergency_phone, mobile, NULL), BF_OK);
		if (p->landline[0]) {
			ck_assert_int_eq(phone_parse_landline(p->landline, land, sizeof land, NULL), BF_OK);
			ck_assert_str_eq(land, p->landline);
		}
		ck_assert(p->emergency_name[0]);
		for (j = 0; j < p->ncategories; j++) {
			ck_assert_ptr_nonnull(category_find(p->categories[j].code));
			ck_assert_int_eq(p->categories[j].derived,
			    category_find(p->categories[j].code)->derived);
		}
		ck_assert_int_ge(p->nregistrations, 1);
		for (j = 0; j < p->nregistrations; j++) {
			ck_assert(in_list(p->registrations[j].reason, reasons));
			ck_assert((p->registrations[j].cancelled_on[0] == '\0') ==
			    (p->registrations[j].cancel_reason[0] == '\0'));
			if (p->registrations[j].cancel_reason[0])
				ck_assert(in_list(p->registrations[j].cancel_reason, cancel_reasons));
		}
		for (j = 0; j < p->nplans; j++)
			ck_assert(in_list(p->plans[j].status, plan_statuses));
		for (j = 0; j < p->nmeasures; j++) {
			ck_assert(in_list(p->measures[j].type, measure_types));
			ck_assert(p->measures[j].plan >= 0 && p->measures[j].plan < p->nplans);
			ck_assert_int_ge(p->measures[j].target_count, 1);
		}
		for (j = 0; j < p->nservices; j++) {
			ck_assert(in_list(p->services[j].type, measure_types));
			ck_assert(in_list(p->services[j].method, methods));
			ck_assert(p->services[j].measure >= -1 && p->services[j].measure < p->nmeasures);
			if (p->services[j].measure >= 0)
				ck_assert_str_eq(p->services[j].type, p->measures[p->services[j].measure].type);
		}
		for (j = 0; j < p->nfollowups; j++) {
			ck_assert(in_list(p->followups[j].kind, kinds));
			ck_assert(p->followups[j].service >= -1 && p->followups[j].service < p->nservices);
			if (p->followups[j].done_on[0])
				ck_assert(in_list(p->followups[j].method, methods));
		}
		for (j = 0; j < p->nemployments; j++) {
			ck_assert(in_list(p->employments[j].form, forms));
			ck_assert_int_gt(p->employments[j].monthly_income, 0);
			ck_assert(strcmp(p->employments[j].form, "12") != 0 ||
			    p->employments[j].subsidy_until[0]);
			ck_assert(p->employments[j].credit_code[0] == '\0' ||
			    strlen(p->employments[j].credit_code) == 18);
		}
	}
	sb_free(&sb);
	free(p);
	demo_gen_free(g);
}
END_TEST

START_TEST(test_dates_in_order)
{
	struct demo_gen *g = new_gen(3);
	struct demo_person *p = malloc(sizeof *p);
	const struct demo_registration *r, *r0;
	const struct demo_employment *job;
	enum case_status from, to;
	bf_error err;
	int i, j, active, reopened = 0, current;

	demo_person_clear(p);
	for (i = 0; i < N_PERSONS; i++) {
		demo_gen_person(g, p);
		/* the current registration is the last; an earlier one was cancelled by a job */
		r = &p->registrations[p->nregistrations - 1];
		r0 = &p->registrations[0];
		if (p->nregistrations > 1) {
			reopened++;
			ck_assert(r0->cancelled_on[0]);
			le(r0->registered_on, r0->cancelled_on, "earlier registration", p);
			ck_assert(strcmp(r0->cancelled_on, r->registered_on) < 0);
			ck_assert_str_eq(r0->card_no, r->card_no);
			ck_assert_str_eq(p->employments[0].started_on, r0->cancelled_on);
			ck_assert_str_eq(p->employments[0].ended_on, r->unemployed_since);
			ck_assert(p->employments[0].end_reason[0]);
		}
		le(p->birth_date, r0->registered_on, "birth <= first registration", p);
		D(p->birth_date);
		le(p->birth_date, r->registered_on, "birth <= registration", p);
		ck_assert(strcmp(p->birth_date, r->registered_on) < 0);
		ck_assert_msg(retire_in_working_age(D(p->birth_date), (enum retire_basis)atoi(p->retire_basis),
		    D(r->registered_on)), "not of working age when registered: %s", p->citizen_id);
		if (r->unemployed_since[0])
			le(r->unemployed_since, r->registered_on, "unemployed_since", p);
		le(r->registered_on, TODAY, "registration", p);
		ck_assert_int_eq(strncmp(r0->registered_on, p->created_at, 10), 0);
		le(p->created_at, p->updated_at, "updated_at", p);
		if (r->benefit) {
			le(r->benefit_from, r->benefit_to, "benefit", p);
			le(r->registered_on, r->benefit_from, "benefit", p);
		}
		active = 0;
		for (j = 0; j < p->nregistrations; j++)
			active += p->registrations[j].cancelled_on[0] == '\0';
		ck_assert_int_le(active, 1);
		/* open unemployment for the first three statuses only */
		ck_assert_int_eq(active, strcmp(p->status, "registered") == 0 ||
		    strcmp(p->status, "recognised") == 0 || strcmp(p->status, "assisting") == 0);
		if (r->cancelled_on[0]) {
			le(r->registered_on, r->cancelled_on, "cancelled", p);
			le(r->cancelled_on, TODAY, "cancelled", p);
		}
		for (j = 0; j < p->ncategories; j++) {
			le(r->registered_on, p->categories[j].recognised_on, "category", p);
			le(p->categories[j].recognised_on, TODAY, "category", p);
			if (p->categories[j].ended_on[0])
				le(p->categories[j].recognised_on, p->categories[j].ended_on, "category end", p);
		}
		for (j = 0; j < p->nplans; j++) {
			le(r->registered_on, p->plans[j].made_on, "plan", p);
			le(p->plans[j].made_on, TODAY, "plan", p);
			le(p->plans[j].made_on, p->plans[j].target_on, "plan target", p);
			if (p->plans[j].supersedes >= 0)
				le(p->plans[p->plans[j].supersedes].made_on, p->plans[j].made_on, "revision", p);
		}
		for (j = 0; j < p->nservices; j++) {
			const struct demo_service *s = &p->services[j];

			le(r->registered_on, s->served_on, "service", p);
			le(s->served_on, TODAY, "service", p);
			if (s->measure >= 0)
				le(p->plans[p->measures[s->measure].plan].made_on, s->served_on, "measure", p);
			if (r->cancelled_on[0] && s->measure >= 0)
				le(s->served_on, r->cancelled_on, "service before the end", p);
		}
		for (j = 0; j < p->nfollowups; j++) {
			const struct demo_followup *f = &p->followups[j];

			le(r->registered_on, f->due_on, "follow-up due", p);
			if (f->done_on[0]) {
				le(f->done_on, TODAY, "follow-up done", p);
				le(r->registered_on, f->done_on, "follow-up done", p);
			} else {
				/* an open one is due at most about a month after today */
				ck_assert(date_diff_days(D(TODAY), D(f->due_on)) <= 200);
			}
			le(f->created_at, TODAY, "follow-up created", p);
			if (strncmp(f->kind, "stable", 6) == 0) {
				ck_assert_int_ge(p->nemployments, 1);
				ck_assert(strcmp(p->employments[p->nemployments - 1].started_on, f->due_on) < 0);
			}
		}
		current = 0;
		for (j = 0; j < p->nemployments; j++) {
			job = &p->employments[j];
			le(r0->registered_on, job->started_on, "job", p);
			le(job->started_on, TODAY, "job", p);
			if (job->ended_on[0])
				le(job->started_on, job->ended_on, "job end", p);
			else {
				current++;
				le(r->registered_on, job->started_on, "current job", p);
				ck_assert_str_eq(job->started_on, r->cancelled_on);
			}
		}
		/* events: from NULL to registered, then allowed moves, in time order */
		ck_assert_int_ge(p->nevents, 1);
		ck_assert_str_eq(p->events[0].from_status, "");
		ck_assert_str_eq(p->events[0].to_status, "registered");
		ck_assert_str_eq(p->events[0].at, p->created_at);
		for (j = 1; j < p->nevents; j++) {
			ck_assert(strcmp(p->events[j - 1].at, p->events[j].at) < 0);
			ck_assert_str_eq(p->events[j].from_status, p->events[j - 1].to_status);
			ck_assert_int_eq(case_status_from_code(p->events[j].from_status, &from), BF_OK);
			ck_assert_int_eq(case_status_from_code(p->events[j].to_status, &to), BF_OK);
			ck_assert_msg(case_transition_check(from, to, p->events[j].reason, &err) == BF_OK,
			    "%s: %s", p->citizen_id, err.msg);
		}
		le(p->events[p->nevents - 1].at, TODAY, "event", p);
		ck_assert_str_eq(p->events[p->nevents - 1].to_status, p->status);
		ck_assert_int_eq(strncmp(p->events[p->nevents - 1].at, p->status_since, 10), 0);
		ck_assert_int_eq(p->exit_reason[0] != '\0', strcmp(p->status, "closed") == 0);
		if (strcmp(p->status, "recognised") == 0)
			ck_assert_int_ge(p->ncategories, 1);
		ck_assert_int_eq(current, strcmp(p->status, "employed") == 0 ||
		    strcmp(p->status, "stable") == 0 || strncmp(p->exit_reason, "稳定就业", strlen("稳定就业")) == 0);
	}
	ck_assert_int_gt(reopened, N_PERSONS / 100);
	free(p);
	demo_gen_free(g);
}
END_TEST

START_TEST(test_same_seed_same_output)
{
	struct demo_gen *a = new_gen(77), *b = new_gen(77), *c = new_gen(78);
	struct demo_person *pa = malloc(sizeof *pa), *pb = malloc(sizeof *pb), *pc = malloc(sizeof *pc);
	int i, differ = 0;

	demo_person_clear(pa);
	demo_person_clear(pb);
	demo_person_clear(pc);
	for (i = 0; i < 2000; i++) {
		demo_gen_person(a, pa);
		demo_gen_person(b, pb);
		demo_gen_person(c, pc);
		ck_assert_int_eq(memcmp(pa, pb, sizeof *pa), 0);
		differ += strcmp(pa->citizen_id, pc->citizen_id) != 0;
	}
	ck_assert_int_gt(differ, 1990);
	free(pa);
	free(pb);
	free(pc);
	demo_gen_free(a);
	demo_gen_free(b);
	demo_gen_free(c);
}
END_TEST

START_TEST(test_proportions)
{
	static const char *const statuses[] = {
		"registered", "recognised", "assisting", "employed", "stable", "closed"
	};
	/* expected share per mille, +- 25 */
	static const int expect[] = { 140, 100, 300, 200, 160, 100 };
	static const char *const special[] = { "单", "曾", "仇", "解", "区", "查", "朴", "欧阳", NULL };
	struct demo_gen *g = new_gen(4);
	struct demo_person *p = malloc(sizeof *p);
	int count[6] = { 0 }, i, k, j, men = 0, phones = 0, specials = 0, grads = 0, c4050 = 0, c11 = 0;
	int ages[8] = { 0 }, age;
	long contacts = 0;
	bf_date today = D(TODAY);

	demo_person_clear(p);
	for (i = 0; i < N_PERSONS; i++) {
		demo_gen_person(g, p);
		for (k = 0; k < 6; k++)
			count[k] += strcmp(p->status, statuses[k]) == 0;
		contacts += p->nservices + p->nfollowups;
		men += p->sex[0] == '1';
		phones += p->phone[0] != '\0';
		for (k = 0; special[k]; k++)
			specials += strncmp(p->name, special[k], strlen(special[k])) == 0;
		for (j = 0; j < p->ncategories; j++) {
			grads += strcmp(p->categories[j].code, "06") == 0;
			c4050 += strcmp(p->categories[j].code, "01") == 0;
			c11 += strcmp(p->categories[j].code, "11") == 0;
		}
		age = date_age(D(p->birth_date), today);
		ck_assert_int_ge(age, 16);
		ck_assert_int_le(age, 66);
		ages[age / 10 < 8 ? age / 10 : 7]++;
	}
	for (k = 0; k < 6; k++)
		ck_assert_msg(abs(count[k] * 1000 / N_PERSONS - expect[k]) <= 25, "%s: %d",
		    statuses[k], count[k]);
	ck_assert_msg(contacts >= 45L * N_PERSONS / 10 && contacts <= 55L * N_PERSONS / 10,
	    "%ld services and follow-ups", contacts);
	ck_assert(men > N_PERSONS * 45 / 100 && men < N_PERSONS * 55 / 100);
	ck_assert(phones > N_PERSONS * 88 / 100 && phones < N_PERSONS * 97 / 100);
	ck_assert_int_gt(specials, 5);
	ck_assert_int_gt(grads, N_PERSONS / 20);
	ck_assert_int_gt(c4050, N_PERSONS / 10);
	ck_assert_int_gt(c11, 0);
	ck_assert_int_gt(ages[2], N_PERSONS / 10);	/* 20s: graduates */
	ck_assert_int_gt(ages[4] + ages[5], N_PERSONS / 4);	/* 40s and 50s: 4050 */
	free(p);
	demo_gen_free(g);
}
END_TEST

START_TEST(test_graduate_1311_plan)
{
	struct demo_gen *g = new_gen(5);
	struct demo_person *p = malloc(sizeof *p);
	int i, j, k, plans = 0, delivered;
	int n01, n02, n03, n04, n06;

	demo_person_clear(p);
	for (i = 0; i < N_PERSONS; i++) {
		demo_gen_person(g, p);
		for (j = 0; j < p->nplans; j++) {
			if (strcmp(p->plans[j].template_id, "graduate_1311") != 0)
				continue;
			plans++;
			n01 = n02 = n03 = n04 = n06 = 0;
			for (k = 0; k < p->nmeasures; k++) {
				const struct demo_measure *m = &p->measures[k];

				if (m->plan != j)
					continue;
				n01 += strcmp(m->type, "01") == 0 ? m->target_count : 0;
				n02 += strcmp(m->type, "02") == 0 ? m->target_count : 0;
				n03 += strcmp(m->type, "03") == 0 ? m->target_count : 0;
				n04 += strcmp(m->type, "04") == 0 ? m->target_count : 0;
				n06 += strcmp(m->type, "06") == 0 ? m->target_count : 0;
			}
			ck_assert_int_eq(n01, 0);
			ck_assert_int_eq(n02, 1);
			ck_assert_int_eq(n03, 3);
			ck_assert_int_eq(n04, 1);
			ck_assert_int_eq(n06, 1);
		}
		/* never more services for a measure than it plans */
		for (k = 0; k < p->nmeasures; k++) {
			delivered = 0;
			for (j = 0; j < p->nservices; j++)
				delivered += p->services[j].measure == k;
			ck_assert_int_le(delivered, p->measures[k].target_count);
		}
	}
	ck_assert_int_gt(plans, N_PERSONS / 30);
	free(p);
	demo_gen_free(g);
}
END_TEST

START_TEST(test_rejects_bad_arguments)
{
	static const struct demo_org bad_list[] = { { "50010300100", NULL, 1 } };
	struct demo_orgs bad = { bad_list, 1 }, empty = { test_org_list, 0 };

	ck_assert_ptr_null(demo_gen_new(1, "2026-02-30", &test_orgs));
	ck_assert_ptr_null(demo_gen_new(1, NULL, &test_orgs));
	ck_assert_ptr_null(demo_gen_new(1, TODAY, &bad));
	ck_assert_ptr_null(demo_gen_new(1, TODAY, &empty));
	ck_assert_ptr_null(demo_gen_new(1, TODAY, NULL));
	demo_gen_free(NULL);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("demo_gen");
	TCase *tc = tcase_create("demo_gen");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_ids_valid_and_unique);
	tcase_add_test(tc, test_codes_in_lists);
	tcase_add_test(tc, test_dates_in_order);
	tcase_add_test(tc, test_same_seed_same_output);
	tcase_add_test(tc, test_proportions);
	tcase_add_test(tc, test_graduate_1311_plan);
	tcase_add_test(tc, test_rejects_bad_arguments);
	suite_add_tcase(s, tc);
	return s;
}
