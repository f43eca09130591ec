/*
 * category.h -- 就业困难人员 categories (domain-data.md §3.3): the code
 * list, and the ones that follow from facts the file already holds, each
 * with a sentence saying why, for a caseworker to confirm (认定).
 *
 * Derived by rule: 01 登记失业的"4050"人员 (sex, age, active unemployment
 * registration), 06 离校两年内高校毕业生 (graduation date; expires two
 * years later), 11 连续失业一年以上人员 (registration date).  The others
 * need evidence and are recorded by hand.  Pure: today is a parameter and
 * the store feeds plain structs.
 */
#ifndef BF_CORE_CATEGORY_H
#define BF_CORE_CATEGORY_H

#include <stddef.h>

#include "core/date.h"
#include "core/retire.h"

#define CATEGORY_4050		"01"
#define CATEGORY_GRADUATE	"06"
#define CATEGORY_LONG_UNEMPLOYED "11"

#define CATEGORY_CODE_MAX 3	/* "06" plus NUL */
#define CATEGORY_WHY_MAX 256
#define CATEGORY_MAX_DERIVED 3	/* 01, 06, 11 */

struct category_def {
	const char *code;	/* "01" */
	const char *label;	/* "登记失业的“4050”人员" */
	int	cq_list;	/* 1 if on Chongqing's published list */
	int	derived;	/* 1 if category_derive() proposes it */
	const char *evidence;	/* what proves it */
};

/* The whole list in code order; *n gets its length.  Static. */
const struct category_def *category_defs(size_t *n);
/* The definition of code, or NULL.  Static. */
const struct category_def *category_find(const char *code);
const char *category_label(const char *code);   /* static; NULL if unknown */
const char *category_abbr(const char *code);    /* "4050", "残疾" for narrow columns; static; NULL if unknown */

/* The rules' numbers (every number a parameter). */
struct category_params {
	int	female_4050_age;		/* 40 */
	int	male_4050_age;			/* 50 */
	int	graduate_months;		/* 24: 离校两年内 */
	int	graduate_needs_registration;	/* 1: 06 is for registered unemployed graduates */
	int	long_unemployed_months;		/* 12: 连续失业一年以上 */
};
void	category_params_default(struct category_params *p);

/* What the file says about the person. */
struct category_facts {
	int	sex;			/* 1 male, 2 female */
	bf_date	birth;
	enum retire_basis basis;	/* 0: retire_default_basis(sex) */
	int	registered;		/* 1 if an unemployment registration is active */
	bf_date	registered_on;		/* its date (when registered) */
	int	graduated;		/* 1 if graduated_on is known */
	bf_date	graduated_on;		/* date of leaving school (毕业) */
};

/*
 * One derived category for one person on one day: whether the rule holds
 * and why (or why not), so the caller can propose recognising it (applies
 * and not held) or ending it (held and no longer applies).
 */
struct category_result {
	char	code[CATEGORY_CODE_MAX];
	const char *label;		/* static */
	int	applies;		/* 1 if the rule holds today */
	bf_date	since;			/* when applies: first day the rule held */
	int	has_expiry;		/* 06: the period ends */
	bf_date	expires_on;		/* last day it holds (inclusive) */
	char	why[CATEGORY_WHY_MAX];	/* "女，43 岁，已登记失业 → 登记失业的“4050”人员" */
};

/*
 * Evaluate the rule-based categories 01, 06, 11 for f on today: out gets
 * one row each, in code order, every row with its explanation.  Returns
 * how many apply.  p NULL means the defaults.  Outside the legal working
 * age (under 16, or retired per retire.h), or with no valid birth date,
 * none applies.
 */
int	category_derive(const struct category_params *p, const struct category_facts *f,
	    bf_date today, struct category_result out[CATEGORY_MAX_DERIVED]);

#endif
