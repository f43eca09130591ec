/*
 * error.h -- status codes and the message buffer errors travel in.
 *
 * Functions that can fail return an int status (BF_OK or one of the codes
 * below) and, when given a bf_error, fill it with a message for people, in
 * Simplified Chinese, saying what went wrong and where.  The caller owns the
 * bf_error (usually on its stack); nothing below main.c calls exit().
 */
#ifndef BF_ERROR_H
#define BF_ERROR_H

#include <stddef.h>

enum bf_status {
	BF_OK = 0,
	BF_EINVAL,	/* input failed validation */
	BF_ENOTFOUND,	/* no such record */
	BF_ECONFLICT,	/* stale edit: someone else changed the record */
	BF_EDUP,	/* would duplicate a unique value (citizen ID, code) */
	BF_EPERM,	/* outside the user's role or org scope */
	BF_EIO,		/* file system or operating system error */
	BF_EDB,		/* SQLite error */
	BF_EBUSY,	/* database stayed locked past the retry budget */
	BF_ESCHEMA,	/* database from a newer version, or damaged */
	BF_EUSAGE	/* wrong command-line usage */
};

#define BF_ERROR_MSG_MAX 1024

typedef struct bf_error {
	int	code;			/* enum bf_status */
	char	msg[BF_ERROR_MSG_MAX];	/* UTF-8, never split mid-character */
} bf_error;

void	 err_clear(bf_error *e);                 /* e may be NULL */
int	 err_set(bf_error *e, int code, const char *fmt, ...) /* returns code */
	__attribute__((format(printf, 3, 4)));
int	 err_prefix(bf_error *e, const char *fmt, ...) /* prepend context; returns e->code */
	__attribute__((format(printf, 2, 3)));
const char *err_status_name(int code);           /* static string, for logs */
size_t	 utf8_clip(const char *s, size_t max);   /* longest prefix <= max bytes ending on a character boundary */

#endif
