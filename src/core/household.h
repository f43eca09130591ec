/*
 * household.h -- zero-employment households (零就业家庭, domain-data.md
 * §3.4): a household is flagged "suspected zero-employment" for a
 * caseworker to confirm when every member of legal working age who is
 * able and willing to work is unemployed, and there is at least one such
 * member.  One working-age member in work clears it.
 */
#ifndef BF_CORE_HOUSEHOLD_H
#define BF_CORE_HOUSEHOLD_H

#include <stddef.h>

#include "core/date.h"
#include "core/retire.h"

#define HOUSEHOLD_WHY_MAX 512

struct household_member {
	const char *name;		/* for the explanation; NULL: "成员 N" */
	int	sex;			/* 1 male, 2 female */
	bf_date	birth;			/* y == 0 (or not a real day): unknown */
	enum retire_basis basis;	/* 0: retire_default_basis(sex) */
	int	able;			/* 有劳动能力 */
	int	willing;		/* 有就业意愿 */
	int	employed;
};

/* How each member counts, in the order the rule looks at them. */
enum household_class {
	HOUSEHOLD_NO_BIRTH,	/* birth date unknown: not counted */
	HOUSEHOLD_UNDER_AGE,	/* under 16 */
	HOUSEHOLD_RETIRED,	/* reached retirement age */
	HOUSEHOLD_EMPLOYED,	/* working age and employed (able/willing aside) */
	HOUSEHOLD_UNABLE,	/* working age, no capacity to work */
	HOUSEHOLD_UNWILLING,	/* working age, does not want work */
	HOUSEHOLD_UNEMPLOYED	/* working age, able, willing, not employed: counts */
};

enum household_state {
	HOUSEHOLD_ZERO_SUSPECTED,	/* flag it: 疑似零就业家庭 */
	HOUSEHOLD_HAS_EMPLOYED,		/* someone of working age is employed */
	HOUSEHOLD_NONE_ELIGIBLE		/* no working-age, able, willing member */
};

struct household_result {
	enum household_state state;
	int	suspected_zero;		/* 1 if state == HOUSEHOLD_ZERO_SUSPECTED */
	int	n_unemployed;		/* members classed HOUSEHOLD_UNEMPLOYED */
	int	n_employed;		/* members classed HOUSEHOLD_EMPLOYED */
	int	n_excluded;		/* all the others */
	char	why[HOUSEHOLD_WHY_MAX];	/* names the members that decide it */
};

/*
 * Assess n members on today.  cls (may be NULL) gets each member's class,
 * in member order.  out->why: "劳动年龄内有劳动能力和就业意愿的 2 人（张三、
 * 李四）均未就业 → 疑似零就业家庭，请核实", "王五已就业 → 不是零就业家庭", ...
 */
void	household_assess(const struct household_member *m, size_t n, bf_date today,
	    enum household_class *cls, struct household_result *out);
const char *household_class_label(enum household_class c);   /* "未就业", ...; static */

#endif
