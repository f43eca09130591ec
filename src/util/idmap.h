/*
 * idmap.h -- an open-addressing hash map from 64-bit ids (row ids) to a
 * long, for joins done in C over whole tables: the indicator report for
 * the whole city counts services per measure and keeps a set of persons
 * (store/indicators_join.c), in arrays over the ids that are nearly dense and
 * in an idmap for any others.  Linear probing, at most half full, grown
 * by doubling; 16 bytes a slot, so a million ids take 32 MiB: fine for a
 * report computed on request, not for anything a keypress runs.
 */
#ifndef BF_UTIL_IDMAP_H
#define BF_UTIL_IDMAP_H

#include <stddef.h>
#include <stdint.h>

struct idmap {
	int64_t	*keys;		/* IDMAP_EMPTY: free slot */
	long	*vals;
	size_t	 cap;		/* slots, a power of two */
	size_t	 n;		/* ids held, the one equal to IDMAP_EMPTY included */
	int	 has_empty;	/* the id IDMAP_EMPTY is held (in empty_val) */
	long	 empty_val;
};

#define IDMAP_EMPTY INT64_MIN

void	idmap_init(struct idmap *m, size_t expect);	/* room for expect ids before growing */
void	idmap_free(struct idmap *m);			/* NULL is fine; m can be reused after init */
long	*idmap_put(struct idmap *m, int64_t id);	/* id's value (0 if new), valid until the next put */
const long *idmap_get(const struct idmap *m, int64_t id); /* id's value, NULL if absent */

#endif
