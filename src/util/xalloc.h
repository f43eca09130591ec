/*
 * xalloc.h -- allocation wrappers that abort on out-of-memory.
 *
 * A case-management program cannot do anything sensible when malloc fails
 * (it would only corrupt work), so these print a message and abort.  Every
 * pointer they return is owned by the caller and released with free().
 */
#ifndef BF_XALLOC_H
#define BF_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);                      /* caller frees */
void *xcalloc(size_t nmemb, size_t size);     /* caller frees; zeroed */
void *xrealloc(void *p, size_t n);            /* caller frees the result */
void *xreallocarray(void *p, size_t nmemb, size_t size); /* overflow-checked */
char *xstrdup(const char *s);                 /* caller frees */
char *xstrndup(const char *s, size_t n);      /* caller frees; NUL-terminated */
char *xasprintf(const char *fmt, ...)         /* caller frees */
	__attribute__((format(printf, 1, 2)));

#endif
