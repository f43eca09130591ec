/*
 * error.c -- status codes and the message buffer errors travel in.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util/error.h"

/* Reset e to "no error". */
void
err_clear(bf_error *e)
{
	if (e != NULL) {
		e->code = BF_OK;
		e->msg[0] = '\0';
	}
}

/*
 * Length of the longest prefix of s of at most max bytes that does not end
 * inside a UTF-8 sequence, so a clipped message never shows a broken glyph.
 */
size_t
utf8_clip(const char *s, size_t max)
{
	size_t len = strlen(s);

	if (len <= max)
		return len;
	len = max;
	while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
		len--;
	return len;
}

/* Store a formatted message and code in e (when not NULL); return code. */
int
err_set(bf_error *e, int code, const char *fmt, ...)
{
	va_list ap;
	char tmp[BF_ERROR_MSG_MAX * 2];
	size_t n;

	if (e == NULL)
		return code;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	n = utf8_clip(tmp, sizeof e->msg - 1);
	memcpy(e->msg, tmp, n);
	e->msg[n] = '\0';
	e->code = code;
	return code;
}

/* Put context before the current message ("第 3 行：" + msg). */
int
err_prefix(bf_error *e, const char *fmt, ...)
{
	va_list ap;
	char tmp[BF_ERROR_MSG_MAX * 2];
	size_t n;
	int k;

	if (e == NULL)
		return BF_OK;
	va_start(ap, fmt);
	k = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (k < 0)
		return e->code;
	n = strlen(tmp);
	snprintf(tmp + n, sizeof tmp - n, "%s", e->msg);
	n = utf8_clip(tmp, sizeof e->msg - 1);
	memcpy(e->msg, tmp, n);
	e->msg[n] = '\0';
	return e->code;
}

/* A stable English name for a status code, for logs and tests. */
const char *
err_status_name(int code)
{
	static const char *const names[] = {
		"ok", "invalid", "not-found", "conflict", "duplicate",
		"permission", "io", "db", "busy", "schema", "usage",
	};

	if (code < 0 || (size_t)code >= sizeof names / sizeof names[0])
		return "unknown";
	return names[code];
}
