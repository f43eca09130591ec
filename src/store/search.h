/*
 * search.h -- finding people the way caseworkers ask for them: a Chinese
 * name or part of it (张, 小红), pinyin initials or full pinyin (zs,
 * zhangsan), a citizen ID in full or its last 4 to 8 characters, or a
 * mobile number.  Always within the acting user's scope.
 */
#ifndef BF_STORE_SEARCH_H
#define BF_STORE_SEARCH_H

#include <stdint.h>

#include "util/error.h"

struct db;

/* One person as lists and search results show them. */
struct person_brief {
	int64_t	id;
	char	name[64];
	char	sex[2];			/* '1' male, '2' female */
	char	birth_date[11];
	char	citizen_id[19];
	char	phone[21];
	char	community_code[13];
	char	community[96];		/* its name */
	char	status[16];		/* case status code */
};

enum search_kind {
	SEARCH_NONE,		/* blank query */
	SEARCH_NAME,		/* Chinese characters: substring of the name */
	SEARCH_PINYIN,		/* Latin letters: initials or full pinyin prefix */
	SEARCH_ID,		/* a whole 15- or 18-character citizen ID */
	SEARCH_ID_TAIL,		/* the last 4-8 characters of an ID */
	SEARCH_PHONE		/* an 11-digit mobile number */
};

/*
 * What kind of query this is, and its normalised form in norm (full-width
 * characters made half-width, letters lower-case, spaces removed; a
 * 15-digit ID upgraded to 18).
 */
enum search_kind search_classify(const char *query, char *norm, size_t normlen);
const char *search_kind_label(enum search_kind k); /* "姓名", static */
/* Up to max matches into out, in a stable order; *n how many. */
int	search_persons(struct db *db, const char *query, struct person_brief *out, int max,
	    int *n, bf_error *err);

#endif
