/*
 * check_app_demo_gen.c -- unit tests for src/app/demo_gen.c, the
 * synthetic caseload: valid and unique citizen IDs that agree with sex and
 * birth date, every code from its list, dates in order, case events that
 * follow the allowed transitions, determinism per seed, realistic
 * proportions, and the 1-3-1-1 graduate plan.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
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

static const char *const sexes[] = { "1", "2", NULL };
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

static void require(int ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * Fail the test with a message when ok is 0.  Used instead of ck_assert in
 * the loops: every passing ck_assert writes its location to check's pipe,
 * which over 10,000 persons costs more than generating them.
 */
static void
require(int ok, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (ok)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	ck_abort_msg("%s", msg);
}

/* Fail unless got == want; what names got.  Arguments are evaluated once. */
static void
expect_eq(long got, long want, const char *what)
{
	require(got == want, "%s: %ld, expected %ld", what, got, want);
}

/* Fail unless got >= min. */
static void
expect_ge(long got, long min, const char *what)
{
	require(got >= min, "%s: %ld, expected at least %ld", what, got, min);
}

/* Fail unless got > min. */
static void
expect_gt(long got, long min, const char *what)
{
	require(got > min, "%s: %ld, expected more than %ld", what, got, min);
}

/* Fail unless got <= max. */
static void
expect_le(long got, long max, const char *what)
{
	require(got <= max, "%s: %ld, expected at most %ld", what, got, max);
}

/* Fail unless the strings are equal. */
static void
expect_str(const char *got, const char *want, const char *what)
{
	require(strcmp(got, want) == 0, "%s: '%s', expected '%s'", what, got, want);
}

/* bf_date of an ISO string, asserting it is one. */
static bf_date
D(const char *s)
{
	bf_date d;

	require(date_parse(s, &d, NULL) == BF_OK, "not a date: '%s'", s);
	expect_eq((long)strlen(s), 10, "date length");
	return d;
}

/* Order of ISO dates/timestamps as text: a <= b. */
static void
le(const char *a, const char *b, const char *what, const struct demo_person *p)
{
	require(strncmp(a, b, 10) <= 0, "%s: %s > %s (person %s)", what, a, b, p->citizen_id);
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
	int i, rc;

	demo_person_clear(p);
	for (i = 0; i < N_PERSONS; i++) {
		rc = demo_gen_person(g, p);
		expect_eq(rc, BF_OK, "demo_gen_person");
		rc = idcard_parse(p->citizen_id, today, &id, &err);
		require(rc == BF_OK, "%s: %s", p->citizen_id, err.msg);
		expect_str(id.number, p->citizen_id, "normalised ID");
		rc = idcard_check_consistent(&id, p->sex[0] - '0', D(p->birth_date), &err);
		require(rc == BF_OK, "%s: %s", p->citizen_id, err.msg);
		require(strncmp(p->citizen_id, p->hukou_region, 6) == 0, "%s: region %s",
		    p->citizen_id, p->hukou_region);
		idcard_reverse(p->citizen_id, rev);
		expect_str(p->id_rev, rev, "id_rev");
		expect_eq(p->id_from15, 0, "id_from15");
		memcpy(ids[i], p->citizen_id, 19);
	}
	expect_eq((long)demo_gen_count(g), N_PERSONS, "demo_gen_count");
	qsort(ids, N_PERSONS, sizeof *ids, cmp_id);
	for (i = 1; i < N_PERSONS; i++)
		require(strcmp(ids[i - 1], ids[i]) != 0, "duplicate ID %s", ids[i]);
	free(ids);
	free(p);
	demo_gen_free(g);
}
END_TEST

/* Fail unless value is in list; field and the person's ID go in the message. */
static void
code(const char *value, const char *const *list, const char *field, const struct demo_person *p)
{
	require(in_list(value, list), "%s: '%s' is not in the list (person %s)", field, value,
	    p->citizen_id);
}

START_TEST(test_codes_in_lists)
{
	struct demo_gen *g = new_gen(2);
	struct demo_person *p = malloc(sizeof *p);
	char mobile[PHONE_MOBILE_LEN + 1], land[PHONE_MAX_LEN + 1];
	const struct category_def *cat;
	const struct demo_registration *r;
	const struct demo_service *sv;
	const struct demo_followup *f;
	const struct demo_employment *e;
	enum case_status st;
	strbuf sb;
	size_t k;
	int i, j, found;

	sb_init(&sb);
	demo_person_clear(p);
	for (i = 0; i < N_PERSONS; i++) {
		demo_gen_person(g, p);
		code(p->sex, sexes, "sex", p);
		code(p->ethnicity, ethnicities, "ethnicity", p);
		code(p->education, educations, "education", p);
		code(p->marital, maritals, "marital", p);
		code(p->political, politicals, "political", p);
		code(p->health, healths, "health", p);
		code(p->hukou_type, hukou_types, "hukou_type", p);
		code(p->emergency_relation, relations, "emergency_relation", p);
		code(p->retire_basis, retire_bases, "retire_basis", p);
		require(p->sex[0] == '2' || strcmp(p->retire_basis, "60") == 0, "men retire at 60");
		for (found = 0, k = 0; k < demo_ndistricts; k++)
			found |= strcmp(p->hukou_region, demo_districts[k].code) == 0;
		require(found, "hukou_region %s", p->hukou_region);
		require(p->org < test_orgs.n, "org index %zu", p->org);
		expect_str(p->community_code, test_orgs.v[p->org].code, "community_code");
		expect_eq(p->caseworker_id, test_orgs.v[p->org].caseworker_id, "caseworker_id");
		expect_eq(case_status_from_code(p->status, &st), BF_OK, "status");
		require(p->name[0] && p->address[0] && p->hukou_address[0] && p->emergency_name[0],
		    "empty name or address");
		/* pinyin columns agree with text/pinyin */
		sb_reset(&sb);
		pinyin_name_initials(p->name, &sb);
		expect_str(p->name_py, sb_str(&sb), "name_py");
		sb_reset(&sb);
		pinyin_name_full(p->name, &sb);
		expect_str(p->name_pinyin, sb_str(&sb), "name_pinyin");
		require(strlen(p->name_chars) > strlen(p->name), "name_chars '%s'", p->name_chars);
		if (p->phone[0]) {
			expect_eq(phone_parse_mobile(p->phone, mobile, NULL), BF_OK, "phone");
			expect_str(mobile, p->phone, "phone");
		}
		if (p->emergency_phone[0])
			expect_eq(phone_parse_mobile(p->emergency_phone, mobile, NULL), BF_OK, "emergency_phone");
		if (p->landline[0]) {
			expect_eq(phone_parse_landline(p->landline, land, sizeof land, NULL), BF_OK, "landline");
			expect_str(land, p->landline, "landline");
		}
		for (j = 0; j < p->ncategories; j++) {
			cat = category_find(p->categories[j].code);
			require(cat != NULL, "category %s", p->categories[j].code);
			expect_eq(p->categories[j].derived, cat->derived, "category derived");
		}
		expect_ge(p->nregistrations, 1, "registrations");
		for (j = 0; j < p->nregistrations; j++) {
			r = &p->registrations[j];
			code(r->reason, reasons, "registration reason", p);
			require(!r->cancelled_on[0] == !r->cancel_reason[0], "cancelled without reason");
			if (r->cancel_reason[0])
				code(r->cancel_reason, cancel_reasons, "cancel_reason", p);
		}
		for (j = 0; j < p->nplans; j++)
			code(p->plans[j].status, plan_statuses, "plan status", p);
		for (j = 0; j < p->nmeasures; j++) {
			code(p->measures[j].type, measure_types, "measure type", p);
			require(p->measures[j].plan >= 0 && p->measures[j].plan < p->nplans, "measure plan");
			expect_ge(p->measures[j].target_count, 1, "target_count");
		}
		for (j = 0; j < p->nservices; j++) {
			sv = &p->services[j];
			code(sv->type, measure_types, "service type", p);
			code(sv->method, methods, "service method", p);
			require(sv->measure >= -1 && sv->measure < p->nmeasures, "service measure");
			if (sv->measure >= 0)
				expect_str(sv->type, p->measures[sv->measure].type, "service type");
		}
		for (j = 0; j < p->nfollowups; j++) {
			f = &p->followups[j];
			code(f->kind, kinds, "follow-up kind", p);
			require(f->service >= -1 && f->service < p->nservices, "follow-up service");
			if (f->done_on[0])
				code(f->method, methods, "follow-up method", p);
		}
		for (j = 0; j < p->nemployments; j++) {
			e = &p->employments[j];
			code(e->form, forms, "employment form", p);
			expect_gt(e->monthly_income, 0, "monthly_income");
			require(strcmp(e->form, "12") != 0 || e->subsidy_until[0], "public post subsidy");
			require(!e->credit_code[0] || strlen(e->credit_code) == 18, "credit code");
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
	const struct demo_service *sv;
	const struct demo_followup *f;
	const struct demo_event *ev;
	enum case_status from, to;
	bf_error err;
	int i, j, active, reopened = 0, current, working;

	demo_person_clear(p);
	for (i = 0; i < N_PERSONS; i++) {
		demo_gen_person(g, p);
		/* the current registration is the last; an earlier one was cancelled by a job */
		r = &p->registrations[p->nregistrations - 1];
		r0 = &p->registrations[0];
		if (p->nregistrations > 1) {
			reopened++;
			require(r0->cancelled_on[0] != '\0', "earlier registration still active");
			le(r0->registered_on, r0->cancelled_on, "earlier registration", p);
			require(strcmp(r0->cancelled_on, r->registered_on) < 0, "registrations overlap");
			expect_str(r0->card_no, r->card_no, "card_no");
			expect_str(p->employments[0].started_on, r0->cancelled_on, "earlier job start");
			expect_str(p->employments[0].ended_on, r->unemployed_since, "earlier job end");
			require(p->employments[0].end_reason[0] != '\0', "earlier job end reason");
		}
		require(strcmp(p->birth_date, r0->registered_on) < 0, "born after registering");
		working = retire_in_working_age(D(p->birth_date), (enum retire_basis)atoi(p->retire_basis),
		    D(r->registered_on));
		require(working, "not of working age when registered: %s", p->citizen_id);
		if (r->unemployed_since[0])
			le(r->unemployed_since, r->registered_on, "unemployed_since", p);
		le(r->registered_on, TODAY, "registration", p);
		require(strncmp(r0->registered_on, p->created_at, 10) == 0, "created_at");
		le(p->created_at, p->updated_at, "updated_at", p);
		if (r->benefit) {
			le(r->registered_on, r->benefit_from, "benefit", p);
			le(r->benefit_from, r->benefit_to, "benefit", p);
		}
		active = 0;
		for (j = 0; j < p->nregistrations; j++)
			active += p->registrations[j].cancelled_on[0] == '\0';
		/* an active registration exactly while unemployed */
		expect_eq(active, strcmp(p->status, "registered") == 0 ||
		    strcmp(p->status, "recognised") == 0 || strcmp(p->status, "assisting") == 0,
		    "active registrations");
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
			sv = &p->services[j];
			le(r->registered_on, sv->served_on, "service", p);
			le(sv->served_on, TODAY, "service", p);
			if (sv->measure >= 0)
				le(p->plans[p->measures[sv->measure].plan].made_on, sv->served_on, "measure", p);
			if (r->cancelled_on[0] && sv->measure >= 0)
				le(sv->served_on, r->cancelled_on, "service after the job", p);
		}
		for (j = 0; j < p->nfollowups; j++) {
			f = &p->followups[j];
			le(r->registered_on, f->due_on, "follow-up due", p);
			le(f->created_at, TODAY, "follow-up created", p);
			le(f->created_at, f->due_on, "follow-up scheduled after it is due", p);
			if (f->done_on[0]) {
				le(f->created_at, f->done_on, "follow-up done before it was scheduled", p);
				le(r->registered_on, f->done_on, "follow-up done", p);
				le(f->done_on, TODAY, "follow-up done", p);
			} else {
				/* an open one falls due within the next stability interval */
				expect_le(date_diff_days(D(TODAY), D(f->due_on)), 200, "open follow-up");
			}
			if (strncmp(f->kind, "stable", 6) == 0) {
				expect_ge(p->nemployments, 1, "employments");
				job = &p->employments[p->nemployments - 1];
				require(strcmp(job->started_on, f->due_on) < 0, "stability check before the job");
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
				expect_str(job->started_on, r->cancelled_on, "registration ends with the job");
			}
		}
		/* events: from NULL to registered, then allowed moves, in time order */
		expect_ge(p->nevents, 1, "events");
		expect_str(p->events[0].from_status, "", "first event");
		expect_str(p->events[0].to_status, "registered", "first event");
		expect_str(p->events[0].at, p->created_at, "first event");
		for (j = 1; j < p->nevents; j++) {
			ev = &p->events[j];
			require(strcmp(ev[-1].at, ev->at) < 0, "events out of order: %s", p->citizen_id);
			expect_str(ev->from_status, ev[-1].to_status, "event chain");
			expect_eq(case_status_from_code(ev->from_status, &from), BF_OK, "from_status");
			expect_eq(case_status_from_code(ev->to_status, &to), BF_OK, "to_status");
			require(case_transition_check(from, to, ev->reason, &err) == BF_OK, "%s: %s",
			    p->citizen_id, err.msg);
		}
		ev = &p->events[p->nevents - 1];
		le(ev->at, TODAY, "event", p);
		expect_str(ev->to_status, p->status, "last event");
		require(strncmp(ev->at, p->status_since, 10) == 0, "status_since");
		expect_eq(p->exit_reason[0] != '\0', strcmp(p->status, "closed") == 0, "exit_reason");
		if (strcmp(p->status, "recognised") == 0)
			expect_ge(p->ncategories, 1, "categories of a recognised person");
		expect_eq(current, strcmp(p->status, "employed") == 0 || strcmp(p->status, "stable") == 0 ||
		    strncmp(p->exit_reason, "稳定就业", strlen("稳定就业")) == 0, "current jobs");
	}
	expect_gt(reopened, N_PERSONS / 100, "reopened cases");
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
		require(memcmp(pa, pb, sizeof *pa) == 0, "person %d differs", i);
		differ += strcmp(pa->citizen_id, pc->citizen_id) != 0;
	}
	expect_gt(differ, 1990, "different IDs for another seed");
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
	static const int share[] = { 140, 100, 300, 200, 160, 100 };
	static const char *const special[] = { "单", "曾", "仇", "解", "区", "查", "朴", "欧阳", NULL };
	struct demo_gen *g = new_gen(4);
	struct demo_person *p = malloc(sizeof *p);
	int count[6] = { 0 }, ages[8] = { 0 }, i, k, j, age;
	int men = 0, phones = 0, specials = 0, grads = 0, c4050 = 0, c11 = 0;
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
		require(age >= 16 && age <= 66, "age %d", age);
		ages[age / 10 < 8 ? age / 10 : 7]++;
	}
	for (k = 0; k < 6; k++)
		require(abs(count[k] * 1000 / N_PERSONS - share[k]) <= 25, "%s: %d", statuses[k], count[k]);
	/* the benchmark's 5 services and follow-ups a person */
	require(contacts >= 45L * N_PERSONS / 10 && contacts <= 55L * N_PERSONS / 10,
	    "%ld services and follow-ups", contacts);
	require(men > N_PERSONS * 45 / 100 && men < N_PERSONS * 55 / 100, "%d men", men);
	require(phones > N_PERSONS * 88 / 100 && phones < N_PERSONS * 97 / 100, "%d phones", phones);
	expect_gt(specials, 5, "special-reading surnames");
	expect_gt(grads, N_PERSONS / 20, "category 06");
	expect_gt(c4050, N_PERSONS / 10, "category 01");
	expect_gt(c11, 0, "category 11");
	expect_gt(ages[2], N_PERSONS / 10, "in their twenties");
	expect_gt(ages[4] + ages[5], N_PERSONS / 4, "in their forties and fifties");
	free(p);
	demo_gen_free(g);
}
END_TEST

START_TEST(test_graduate_1311_plan)
{
	static const char *const types[] = { "01", "02", "03", "04", "06" };
	static const int want[] = { 0, 1, 3, 1, 1 };	/* 1 职业指导, 3 岗位推荐, 1 培训, 1 见习 */
	struct demo_gen *g = new_gen(5);
	struct demo_person *p = malloc(sizeof *p);
	const struct demo_measure *m;
	int i, j, k, t, plans = 0, delivered, n[5];

	demo_person_clear(p);
	for (i = 0; i < N_PERSONS; i++) {
		demo_gen_person(g, p);
		for (j = 0; j < p->nplans; j++) {
			if (strcmp(p->plans[j].template_id, "graduate_1311") != 0)
				continue;
			plans++;
			memset(n, 0, sizeof n);
			for (k = 0; k < p->nmeasures; k++) {
				m = &p->measures[k];
				for (t = 0; t < 5 && m->plan == j; t++)
					n[t] += strcmp(m->type, types[t]) == 0 ? m->target_count : 0;
			}
			for (t = 0; t < 5; t++)
				expect_eq(n[t], want[t], types[t]);
		}
		/* never more services for a measure than it plans */
		for (k = 0; k < p->nmeasures; k++) {
			delivered = 0;
			for (j = 0; j < p->nservices; j++)
				delivered += p->services[j].measure == k;
			expect_le(delivered, p->measures[k].target_count, "services for a measure");
		}
	}
	expect_gt(plans, N_PERSONS / 30, "1-3-1-1 plans");
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
