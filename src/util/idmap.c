/*
 * idmap.c -- the id hash map of idmap.h: Fibonacci hashing of the id
 * into a power-of-two table, linear probing, doubling when half full.
 * The one id that marks a free slot (INT64_MIN) is kept beside the table.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "util/idmap.h"
#include "util/xalloc.h"

/* The first slot to try for id in a table of cap slots. */
static size_t
idmap_slot(int64_t id, size_t cap)
{
	uint64_t h = (uint64_t)id * UINT64_C(0x9E3779B97F4A7C15);

	return (size_t)(h >> 32 ^ h) & (cap - 1);
}

/* Allocate an empty table of cap slots (a power of two). */
static void
idmap_alloc(struct idmap *m, size_t cap)
{
	size_t i;

	m->cap = cap;
	m->keys = xmalloc(cap * sizeof *m->keys);
	m->vals = xcalloc(cap, sizeof *m->vals);
	for (i = 0; i < cap; i++)
		m->keys[i] = IDMAP_EMPTY;
}

/* An empty map with room for expect ids before it grows. */
void
idmap_init(struct idmap *m, size_t expect)
{
	size_t cap = 16;

	memset(m, 0, sizeof *m);
	while (cap / 2 < expect)
		cap *= 2;
	idmap_alloc(m, cap);
}

/* Free the table (m may be NULL). */
void
idmap_free(struct idmap *m)
{
	if (m == NULL)
		return;
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}

/* Double the table, moving every id to its slot there. */
static void
idmap_grow(struct idmap *m)
{
	int64_t *keys = m->keys;
	long *vals = m->vals;
	size_t cap = m->cap, i, j;

	idmap_alloc(m, cap * 2);
	for (i = 0; i < cap; i++) {
		if (keys[i] == IDMAP_EMPTY)
			continue;
		for (j = idmap_slot(keys[i], m->cap); m->keys[j] != IDMAP_EMPTY; j = (j + 1) & (m->cap - 1))
			;
		m->keys[j] = keys[i];
		m->vals[j] = vals[i];
	}
	free(keys);
	free(vals);
}

/* The value of id, added with 0 if absent; the pointer is valid until the next put. */
long *
idmap_put(struct idmap *m, int64_t id)
{
	size_t j;

	if (id == IDMAP_EMPTY) {
		if (!m->has_empty) {
			m->has_empty = 1;
			m->empty_val = 0;
			m->n++;
		}
		return &m->empty_val;
	}
	if ((m->n + 1) * 2 > m->cap)
		idmap_grow(m);
	for (j = idmap_slot(id, m->cap); m->keys[j] != IDMAP_EMPTY; j = (j + 1) & (m->cap - 1))
		if (m->keys[j] == id)
			return &m->vals[j];
	m->keys[j] = id;
	m->vals[j] = 0;
	m->n++;
	return &m->vals[j];
}

/* The value of id, or NULL if the map does not hold it. */
const long *
idmap_get(const struct idmap *m, int64_t id)
{
	size_t j;

	if (id == IDMAP_EMPTY)
		return m->has_empty ? &m->empty_val : NULL;
	for (j = idmap_slot(id, m->cap); m->keys[j] != IDMAP_EMPTY; j = (j + 1) & (m->cap - 1))
		if (m->keys[j] == id)
			return &m->vals[j];
	return NULL;
}
