/*
 * demo_names.h -- the word tables the synthetic caseload generator
 * (demo_gen.c) draws from: surnames weighted by real frequency, given-name
 * characters for men and women, Chongqing districts, roads, employers,
 * occupations.  Data only; every table is static and read-only.
 */
#ifndef BF_APP_DEMO_NAMES_H
#define BF_APP_DEMO_NAMES_H

#include <stddef.h>

/* A table entry drawn with probability weight / (sum of weights). */
struct demo_weighted {
	const char *s;
	int	weight;
};

/* A Chongqing district or county (NBS 2023). */
struct demo_district {
	const char *code;	/* "500103" */
	const char *name;	/* "渝中区" */
	int	minority;	/* 1 where 土家族 and 苗族 are common (渝东南) */
	int	rural;		/* 1 for the counties (县, mostly rural hukou) */
};

/* A word list. */
struct demo_words {
	const char *const *v;
	size_t	n;
};

extern const struct demo_weighted demo_surnames[];
extern const size_t demo_nsurnames;
extern const struct demo_words demo_given_male;		/* one Han character each */
extern const struct demo_words demo_given_female;
extern const struct demo_district demo_districts[];
extern const size_t demo_ndistricts;
extern const struct demo_words demo_roads;		/* "解放路" */
extern const struct demo_words demo_towns;		/* "龙溪": village and town stems */
extern const struct demo_words demo_firm_stems;		/* "渝兴" */
extern const struct demo_words demo_firm_trades;	/* "物流" */
extern const struct demo_words demo_firm_suffixes;	/* "有限公司" */
extern const struct demo_words demo_occupations;	/* "普工" */
extern const struct demo_words demo_platforms;		/* gig-work platforms for 灵活就业 */
extern const struct demo_words demo_public_posts;	/* 公益性岗位 posts */
extern const struct demo_words demo_schools;		/* universities for graduates' notes */

#endif
