/*
 * strbuf.h -- a growable, always NUL-terminated byte string.
 *
 * Used wherever text is assembled piecewise (JSON for the audit log, CSV
 * rows, messages).  A strbuf owns its buffer; sb_free() releases it and
 * sb_detach() hands it to the caller.
 */
#ifndef BF_STRBUF_H
#define BF_STRBUF_H

#include <stddef.h>

typedef struct strbuf {
	char	*buf;	/* NULL until the first append */
	size_t	 len;	/* bytes used, not counting the NUL */
	size_t	 cap;	/* bytes allocated */
} strbuf;

void	 sb_init(strbuf *sb);                       /* empty, allocates nothing */
void	 sb_free(strbuf *sb);                       /* frees and re-inits */
void	 sb_reset(strbuf *sb);                      /* keeps the allocation */
void	 sb_grow(strbuf *sb, size_t extra);         /* room for extra more bytes */
void	 sb_addn(strbuf *sb, const char *s, size_t n);
void	 sb_add(strbuf *sb, const char *s);
void	 sb_addc(strbuf *sb, char c);
void	 sb_addf(strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void	 sb_truncate(strbuf *sb, size_t len);       /* shorten to len bytes */
const char *sb_str(const strbuf *sb);               /* borrowed; "" when empty */
char	*sb_detach(strbuf *sb);                     /* caller frees; sb is re-inited */

#endif
