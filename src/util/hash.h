/*
 * hash.h -- FNV-1a, the one string hash of the program: small tables
 * keyed by field ids, column names and citizen IDs, where a few bytes
 * hashed beat a chain of strcmp.
 */
#ifndef BF_UTIL_HASH_H
#define BF_UTIL_HASH_H

#include <stdint.h>

/* Continue hash h over the NUL-terminated s (start with HASH_INIT). */
static inline uint32_t
hash_add(uint32_t h, const char *s)
{
	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

#define HASH_INIT 2166136261u

/* The hash of s. */
static inline uint32_t
hash_str(const char *s)
{
	return hash_add(HASH_INIT, s);
}

#endif
