/*
 * orgunit.h -- the organisation tree (city, district, street, community)
 * seeded from the embedded Chongqing division codes, and lookups on it.
 */
#ifndef BF_STORE_ORGUNIT_H
#define BF_STORE_ORGUNIT_H

#include <stddef.h>

#include "util/error.h"

struct db;

#define ORG_CODE_LEN	12
#define ORG_CITY	"500000000000"

struct org_unit {
	char	code[ORG_CODE_LEN + 1];
	char	name[96];
	char	level[12];	/* city, district, street, community */
	char	parent[ORG_CODE_LEN + 1];
};

/* Look up one unit by its code (6, 9 or 12 digits accepted). */
int	orgunit_get(struct db *db, const char *code, struct org_unit *out, bf_error *err);
/* BF_OK if u is a community (村/社区), where persons live; else why not. */
int	orgunit_check_community(const struct org_unit *u, bf_error *err);
/* Normalise a 6/9/12-digit code to 12 digits; BF_EINVAL with a message if malformed. */
int	orgunit_code12(const char *code, char out[ORG_CODE_LEN + 1], bf_error *err);
/* Length of the code prefix shared by a unit's subtree (2, 6, 9 or 12). */
int	orgunit_prefix_len(const char *level);
/* The codes of u's subtree are those in [lo, hi]: the prefix padded with 0s and 9s. */
void	orgunit_range(const struct org_unit *u, char lo[ORG_CODE_LEN + 1], char hi[ORG_CODE_LEN + 1]);
/*
 * Units under parent (direct children), in code order, at most max;
 * returns how many were written to out.
 */
int	orgunit_children(struct db *db, const char *parent, struct org_unit *out,
	    int max, int *n, bf_error *err);
/* Communities in the subtree of root, in code order (max of them). */
int	orgunit_communities(struct db *db, const char *root, struct org_unit *out,
	    int max, int *n, bf_error *err);

#endif
