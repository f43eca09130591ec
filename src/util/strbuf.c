/*
 * strbuf.c -- a growable, always NUL-terminated byte string.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/xalloc.h"

/* Start empty; nothing is allocated until the first append. */
void
sb_init(strbuf *sb)
{
	sb->buf = NULL;
	sb->len = 0;
	sb->cap = 0;
}

/* Release the buffer and leave sb empty and reusable. */
void
sb_free(strbuf *sb)
{
	free(sb->buf);
	sb_init(sb);
}

/* Empty the string but keep the allocation for reuse. */
void
sb_reset(strbuf *sb)
{
	sb->len = 0;
	if (sb->buf != NULL)
		sb->buf[0] = '\0';
}

/* Make room for extra more bytes plus the terminating NUL. */
void
sb_grow(strbuf *sb, size_t extra)
{
	size_t need = sb->len + extra + 1;
	size_t cap;

	if (need <= sb->cap)
		return;
	cap = sb->cap ? sb->cap : 64;
	while (cap < need)
		cap *= 2;
	sb->buf = xrealloc(sb->buf, cap);
	sb->cap = cap;
	sb->buf[sb->len] = '\0';	/* a fresh buffer is a valid empty string */
}

/* Append n bytes of s (which need not be NUL-terminated). */
void
sb_addn(strbuf *sb, const char *s, size_t n)
{
	sb_grow(sb, n);
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

/* Append a NUL-terminated string. */
void
sb_add(strbuf *sb, const char *s)
{
	sb_addn(sb, s, strlen(s));
}

/* Append one byte. */
void
sb_addc(strbuf *sb, char c)
{
	sb_addn(sb, &c, 1);
}

/* Append printf-formatted text. */
void
sb_addf(strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	char probe[256];
	int n;

	/* Measure into a small buffer: short texts need only one pass. */
	va_start(ap, fmt);
	n = vsnprintf(probe, sizeof probe, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	if ((size_t)n < sizeof probe) {
		sb_addn(sb, probe, (size_t)n);
		return;
	}
	sb_grow(sb, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

/* Shorten to len bytes; longer values are ignored. */
void
sb_truncate(strbuf *sb, size_t len)
{
	if (len < sb->len) {
		sb->len = len;
		sb->buf[len] = '\0';
	}
}

/* The current contents, borrowed; never NULL. */
const char *
sb_str(const strbuf *sb)
{
	return sb->buf != NULL ? sb->buf : "";
}

/* Hand the buffer to the caller (never NULL) and leave sb empty. */
char *
sb_detach(strbuf *sb)
{
	char *s = sb->buf != NULL ? sb->buf : xstrdup("");

	sb_init(sb);
	return s;
}
