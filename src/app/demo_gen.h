/*
 * demo_gen.h -- a deterministic synthetic caseload for demonstrations and
 * benchmarks: persons with their categories, unemployment registrations,
 * plans and measures, services, follow-ups, employment outcomes and case
 * events, as plain structs holding the column values of schema.sql.
 *
 * Pure: no I/O, no SQL, no clock (today is a parameter), no globals.  The
 * same seed, today and org list give the same output on every machine
 * (own PRNG, integer arithmetic only).  A separate writer inserts the
 * structs with prepared statements; child rows refer to each other by
 * index within the person (e.g. a service's measure), which the writer
 * turns into row ids.
 *
 * Conventions for every struct below:
 *   - text columns are NUL-terminated UTF-8 in fixed arrays; an empty
 *     string stands for SQL NULL (columns that are NOT NULL are never
 *     empty);
 *   - dates are 'YYYY-MM-DD', timestamps 'YYYY-MM-DD HH:MM:SS';
 *   - ids of app_user rows (caseworkers) are those the caller passed in
 *     struct demo_org; 0 stands for NULL;
 *   - an index field of -1 stands for NULL.
 * Dates of things that happened (birth, registration, services, done
 * follow-ups, job starts, events, created_at) are never after today; due
 * dates of things not yet done (open follow-ups, plan measures, plan
 * targets, category expiry, subsidy ends) may lie ahead.
 *
 * The mix, per 1,000 persons: status registered 140, recognised 100,
 * assisting 300, employed 200, stable 160, closed 100; about 5,100
 * services and follow-ups together (2.2 and 2.9 a person).
 */
#ifndef BF_APP_DEMO_GEN_H
#define BF_APP_DEMO_GEN_H

#include <stddef.h>
#include <stdint.h>

#define DEMO_DATE_LEN	11	/* "2024-05-06" plus NUL */
#define DEMO_TS_LEN	20	/* "2024-05-06 09:30:00" plus NUL */
#define DEMO_CODE_LEN	4	/* "06", "99" plus NUL */
#define DEMO_ORG_LEN	13	/* 12-digit org code plus NUL */
#define DEMO_NAME_LEN	16	/* up to 5 Han characters */
#define DEMO_PY_LEN	32	/* name pinyin */
#define DEMO_TEXT_LEN	128	/* addresses, employers, service content */
#define DEMO_SHORT_LEN	48	/* reasons, results, posts */
#define DEMO_STATUS_LEN	12	/* "recognised" plus NUL */

#define DEMO_MAX_CATEGORIES	5
#define DEMO_MAX_REGISTRATIONS	2
#define DEMO_MAX_PLANS		2
#define DEMO_MAX_MEASURES	12
#define DEMO_MAX_SERVICES	40
#define DEMO_MAX_FOLLOWUPS	40
#define DEMO_MAX_EMPLOYMENTS	2
#define DEMO_MAX_EVENTS		8

/* One community the caseload lives in, with the caseworker who owns it. */
struct demo_org {
	const char *code;	/* 12-digit community code "500103001001"; its first 6 digits are the district */
	const char *name;	/* community name for addresses ("东方广场社区居民委员会"); NULL: none */
	int64_t	caseworker_id;	/* app_user.id of the responsible caseworker; 0: none */
};

/* The caller's list of communities; demo_gen_new copies what it needs. */
struct demo_orgs {
	const struct demo_org *v;
	size_t	n;		/* at least 1 */
};

/* person_category */
struct demo_category {
	char	code[DEMO_CODE_LEN];		/* list difficulty_category (core/category.h) */
	char	recognised_on[DEMO_DATE_LEN];
	char	evidence[DEMO_SHORT_LEN];
	char	expires_on[DEMO_DATE_LEN];
	char	ended_on[DEMO_DATE_LEN];
	char	end_reason[DEMO_SHORT_LEN];
	int	derived;			/* 1 for 01, 06, 11 (category_derive) */
	char	note[DEMO_SHORT_LEN];
	char	created_at[DEMO_TS_LEN];
};

/* registration (失业登记); at most one has cancelled_on empty. */
struct demo_registration {
	char	registered_on[DEMO_DATE_LEN];
	char	unemployed_since[DEMO_DATE_LEN];	/* <= registered_on */
	char	reason[DEMO_CODE_LEN];			/* list unemployment_reason, domain-data.md §4.12 */
	char	prev_employer[DEMO_TEXT_LEN];
	char	prev_occupation[DEMO_SHORT_LEN];
	char	prev_income_band[DEMO_SHORT_LEN];	/* "2000以下", "2000-3000", ... */
	int	benefit;				/* 0/1: 失业保险金 */
	char	benefit_from[DEMO_DATE_LEN];
	char	benefit_to[DEMO_DATE_LEN];
	char	card_no[DEMO_SHORT_LEN];		/* 就业创业证号 */
	char	cancelled_on[DEMO_DATE_LEN];
	char	cancel_reason[DEMO_CODE_LEN];		/* "1".."10", domain-data.md §3.2 */
	char	created_at[DEMO_TS_LEN];
};

/* plan (一人一策) */
struct demo_plan {
	int	version_no;			/* 1, 2 */
	int	supersedes;			/* index into plans, or -1 */
	char	template_id[DEMO_SHORT_LEN];	/* plan.template: "graduate_1311", ... */
	char	status[DEMO_STATUS_LEN];	/* draft, active, completed, revised */
	char	goal[DEMO_TEXT_LEN];
	char	made_on[DEMO_DATE_LEN];
	char	target_on[DEMO_DATE_LEN];
	char	responsible[DEMO_SHORT_LEN];
	int64_t	approved_by;			/* app_user.id or 0 */
	char	approved_on[DEMO_DATE_LEN];
	char	created_at[DEMO_TS_LEN];
};

/* plan_measure */
struct demo_measure {
	int	plan;				/* index into plans */
	char	type[DEMO_CODE_LEN];		/* list measure_type, domain-data.md §4.15 */
	int	target_count;			/* >= 1 */
	char	due_on[DEMO_DATE_LEN];
	int64_t	worker_id;
	char	note[DEMO_SHORT_LEN];
};

/* service (服务记录) */
struct demo_service {
	int	measure;			/* index into measures, or -1 */
	char	served_on[DEMO_DATE_LEN];
	char	type[DEMO_CODE_LEN];		/* list measure_type */
	char	method[DEMO_CODE_LEN];		/* list contact_method: 1 电话 2 上门 3 来站 4 线上 9 其他 */
	char	content[DEMO_TEXT_LEN];
	char	result[DEMO_SHORT_LEN];
	char	next_contact_on[DEMO_DATE_LEN];
	int64_t	worker_id;
	char	created_at[DEMO_TS_LEN];
};

/* followup (回访) */
struct demo_followup {
	char	due_on[DEMO_DATE_LEN];
	char	kind[DEMO_STATUS_LEN];		/* monthly, stable_1m, stable_3m, stable_6m */
	char	done_on[DEMO_DATE_LEN];		/* empty: open */
	char	method[DEMO_CODE_LEN];		/* contact_method when done */
	char	result[DEMO_SHORT_LEN];
	int	service;			/* index into services, or -1 */
	int64_t	worker_id;
	char	created_at[DEMO_TS_LEN];
};

/* employment (就业情况) */
struct demo_employment {
	char	form[DEMO_CODE_LEN];		/* list employment_form, domain-data.md §4.11 */
	char	employer[DEMO_TEXT_LEN];
	char	credit_code[DEMO_SHORT_LEN];	/* 18-character 统一社会信用代码, or empty */
	char	post[DEMO_SHORT_LEN];
	char	started_on[DEMO_DATE_LEN];
	char	ended_on[DEMO_DATE_LEN];
	char	end_reason[DEMO_SHORT_LEN];
	int	monthly_income;			/* yuan; -1: NULL */
	int	insured;			/* 0/1; -1: NULL */
	char	subsidy_until[DEMO_DATE_LEN];	/* 公益性岗位 (form 12) only */
	char	created_at[DEMO_TS_LEN];
};

/* case_event: every status change, the first from NULL to registered. */
struct demo_event {
	char	at[DEMO_TS_LEN];
	char	from_status[DEMO_STATUS_LEN];	/* empty for the first */
	char	to_status[DEMO_STATUS_LEN];
	char	reason[DEMO_SHORT_LEN];
	int64_t	user_id;
};

/* person and all its child rows. */
struct demo_person {
	char	citizen_id[19];			/* 18 characters, valid GB 11643 check character */
	char	id_rev[19];			/* citizen_id reversed */
	int	id_from15;			/* always 0 */
	char	name[DEMO_NAME_LEN];
	char	name_py[DEMO_PY_LEN];		/* "zs" */
	char	name_pinyin[DEMO_PY_LEN * 2];	/* "zhangsan" */
	char	name_chars[DEMO_NAME_LEN * 2];	/* "张 三" */
	char	sex[2];				/* "1" or "2", as the ID's 17th digit says */
	char	birth_date[DEMO_DATE_LEN];	/* as in the ID */
	char	ethnicity[DEMO_CODE_LEN];	/* GB 3304: "01" 汉族, "15" 土家族 ... */
	char	education[DEMO_CODE_LEN];	/* GB/T 4658 short list: 11 14 21 31 41 44 47 61 71 81 90 */
	char	marital[DEMO_CODE_LEN];		/* 10 20 30 40 90 */
	char	political[DEMO_CODE_LEN];	/* GB/T 4762: 01 .. 13 */
	char	health[DEMO_CODE_LEN];		/* GB/T 2261.3 short list: 1 2 3 6 */
	char	hukou_type[DEMO_CODE_LEN];	/* 10 城镇, 20 农村 */
	char	hukou_region[DEMO_CODE_LEN * 2];/* 6-digit Chongqing district code */
	char	hukou_address[DEMO_TEXT_LEN];
	char	community_code[DEMO_ORG_LEN];	/* one of the caller's orgs */
	char	address[DEMO_TEXT_LEN];
	char	phone[12];			/* 11-digit mobile, or empty */
	char	landline[16];			/* "023-6xxxxxxx", or empty */
	char	emergency_name[DEMO_NAME_LEN];
	/* GB/T 4761: 10 配偶, 20 子, 30 女, 51 父亲, 52 母亲, 71 兄, 73 弟, 75 姐, 77 妹 */
	char	emergency_relation[DEMO_CODE_LEN];
	char	emergency_phone[12];
	char	retire_basis[DEMO_CODE_LEN];	/* "60", "50", "55" */
	char	status[DEMO_STATUS_LEN];	/* registered recognised assisting employed stable closed */
	char	status_since[DEMO_DATE_LEN];	/* date of the last event */
	char	exit_reason[DEMO_SHORT_LEN];	/* closed only */
	size_t	org;				/* index into the caller's orgs */
	int64_t	caseworker_id;			/* that org's caseworker_id */
	char	created_at[DEMO_TS_LEN];
	char	updated_at[DEMO_TS_LEN];

	int	ncategories;
	struct demo_category categories[DEMO_MAX_CATEGORIES];
	int	nregistrations;			/* 1 or 2, in date order: the last is the current one */
	struct demo_registration registrations[DEMO_MAX_REGISTRATIONS];
	int	nplans;
	struct demo_plan plans[DEMO_MAX_PLANS];
	int	nmeasures;
	struct demo_measure measures[DEMO_MAX_MEASURES];
	int	nservices;
	struct demo_service services[DEMO_MAX_SERVICES];
	int	nfollowups;
	struct demo_followup followups[DEMO_MAX_FOLLOWUPS];
	int	nemployments;			/* in date order: an earlier, ended job, then the current one */
	struct demo_employment employments[DEMO_MAX_EMPLOYMENTS];
	int	nevents;			/* at least 1, in time order */
	struct demo_event events[DEMO_MAX_EVENTS];
};

struct demo_gen;

/*
 * A generator for seed as of today ("YYYY-MM-DD", 2000 or later) over
 * orgs (copied: neither the array nor its strings need outlive the call).
 * Persons are spread evenly over the orgs.  Caller frees with
 * demo_gen_free.  NULL if today is not a date or orgs is empty or has a
 * code that is not 12 digits.
 */
struct demo_gen *demo_gen_new(uint64_t seed, const char *today, const struct demo_orgs *orgs);
/*
 * Fill *out with the next person; BF_OK.  Every field of the person and of
 * the rows below each count is written; rows past the counts are left as
 * they were.  Citizen IDs never repeat within a generator.
 */
int	demo_gen_person(struct demo_gen *g, struct demo_person *out);
/* How many persons g has produced. */
uint64_t demo_gen_count(const struct demo_gen *g);
void	demo_person_clear(struct demo_person *p);	/* zero every field and count; owns nothing */
void	demo_gen_free(struct demo_gen *g);		/* accepts NULL */

#endif
