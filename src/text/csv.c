/*
 * csv.c -- an RFC 4180 CSV reader driven by a read callback, one row at a
 * time, and the matching field writer.
 *
 * The reader is a four-state machine over bytes.  A row's fields are kept
 * NUL-separated in one growing buffer with an array of start offsets, so
 * reading a row allocates nothing once the buffers have grown to the
 * longest row.  Lenient where spreadsheets are sloppy: a quote inside an
 * unquoted field, or text after a closing quote, is taken literally.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "text/csv.h"
#include "util/xalloc.h"

#define CSV_BUFSIZE 65536

enum csv_state {
	CSV_START,	/* at the start of a field */
	CSV_PLAIN,	/* inside an unquoted field */
	CSV_QUOTED,	/* inside a quoted field */
	CSV_QUOTE	/* a quote seen inside a quoted field: "" or the end */
};

struct csv {
	csv_read_fn	 read;
	void		*ctx;
	const char	*mem;		/* csv_new_mem: the whole input */
	size_t		 memlen;
	char		*buf;		/* read buffer (callback input) */
	const char	*p, *end;	/* unread bytes */
	int		 eof, started, bom, skip_lf;
	long		 line;		/* current line (1-based) */
	long		 row_line;	/* where the current row started */
	long		 end_line;	/* and where it ended */
	strbuf		 data;		/* fields, each NUL-terminated */
	size_t		*offs;		/* field starts in data */
	size_t		 n, cap;
};

/* A reader over a callback. */
struct csv *
csv_new(csv_read_fn read, void *ctx)
{
	struct csv *c = xcalloc(1, sizeof *c);

	c->read = read;
	c->ctx = ctx;
	c->buf = xmalloc(CSV_BUFSIZE);
	c->line = 1;
	sb_init(&c->data);
	return c;
}

/* A reader over a buffer in memory (borrowed). */
struct csv *
csv_new_mem(const char *buf, size_t len)
{
	struct csv *c = xcalloc(1, sizeof *c);

	c->mem = buf;
	c->memlen = len;
	c->line = 1;
	sb_init(&c->data);
	return c;
}

/* Free a reader. */
void
csv_free(struct csv *c)
{
	if (c == NULL)
		return;
	free(c->buf);
	free(c->offs);
	sb_free(&c->data);
	free(c);
}

/* Refill the unread bytes; sets eof when there are no more. */
static int
csv_fill(struct csv *c, bf_error *err)
{
	size_t got = 0;
	int rc;

	if (c->mem != NULL) {
		if (c->started) {
			c->eof = 1;
			return BF_OK;
		}
		c->p = c->mem;
		c->end = c->mem + c->memlen;
	} else {
		if ((rc = c->read(c->ctx, c->buf, CSV_BUFSIZE, &got, err)) != BF_OK)
			return rc;
		/* the first bytes may arrive one at a time: gather a whole BOM */
		while (!c->started && got > 0 && got < 3 &&
		    memcmp(c->buf, "\xEF\xBB\xBF", got) == 0) {
			size_t more = 0;

			if ((rc = c->read(c->ctx, c->buf + got, CSV_BUFSIZE - got, &more, err)) != BF_OK)
				return rc;
			if (more == 0)
				break;
			got += more;
		}
		if (got == 0) {
			c->eof = 1;
			return BF_OK;
		}
		c->p = c->buf;
		c->end = c->buf + got;
	}
	if (!c->started) {
		c->started = 1;
		if (c->end - c->p >= 3 && memcmp(c->p, "\xEF\xBB\xBF", 3) == 0) {
			c->bom = 1;
			c->p += 3;
		}
	}
	if (c->p == c->end && c->mem != NULL)
		c->eof = 1;
	return BF_OK;
}

/* End the field being read. */
static void
csv_end_field(struct csv *c, size_t *start)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 32;
		c->offs = xreallocarray(c->offs, c->cap, sizeof *c->offs);
	}
	c->offs[c->n++] = *start;
	sb_addc(&c->data, '\0');
	*start = c->data.len;
}

/* Read the next row. */
int
csv_next(struct csv *c, int *got, bf_error *err)
{
	enum csv_state st = CSV_START;
	size_t start = 0;
	const char *q;
	int rc;
	char ch;

	*got = 0;
	c->n = 0;
	sb_reset(&c->data);
	c->row_line = c->line;
	for (;;) {
		if (c->p == c->end) {
			if (!c->eof && (rc = csv_fill(c, err)) != BF_OK)
				return rc;
			if (c->p == c->end) {
				if (c->eof)
					break;
				continue;
			}
		}
		ch = *c->p;
		if (c->skip_lf) {
			c->skip_lf = 0;
			if (ch == '\n') {
				c->p++;
				continue;
			}
		}
		switch (st) {
		case CSV_START:
		case CSV_PLAIN:
			if (st == CSV_START && ch == '"') {
				st = CSV_QUOTED;
				c->p++;
				break;
			}
			/* copy a run of ordinary bytes at once */
			for (q = c->p; q < c->end && *q != ',' && *q != '\n' && *q != '\r'; q++)
				;
			if (q > c->p) {
				sb_addn(&c->data, c->p, (size_t)(q - c->p));
				c->p = q;
				st = CSV_PLAIN;
				break;
			}
			c->p++;
			csv_end_field(c, &start);
			st = CSV_START;
			if (ch == ',')
				break;
			c->end_line = c->line++;
			c->skip_lf = ch == '\r';
			*got = 1;
			return BF_OK;
		case CSV_QUOTED:
			for (q = c->p; q < c->end && *q != '"' && *q != '\n'; q++)
				;
			if (q > c->p) {
				sb_addn(&c->data, c->p, (size_t)(q - c->p));
				c->p = q;
				break;
			}
			c->p++;
			if (ch == '"') {
				st = CSV_QUOTE;
			} else {
				c->line++;
				sb_addc(&c->data, ch);
			}
			break;
		case CSV_QUOTE:
			if (ch == '"') {
				sb_addc(&c->data, '"');
				c->p++;
				st = CSV_QUOTED;
			} else if (ch == ',' || ch == '\n' || ch == '\r') {
				st = CSV_START;	/* the START case ends the field or row */
				if (ch == ',') {
					c->p++;
					csv_end_field(c, &start);
				}
			} else {
				st = CSV_PLAIN;
			}
			break;
		}
	}
	/* end of input */
	if (st == CSV_QUOTED)
		return err_set(err, BF_EINVAL, "第 %ld 行开始的带引号字段到文件末尾仍未结束（缺少右引号）",
		    c->row_line);
	if (c->n > 0 || st != CSV_START) {
		c->end_line = c->line;
		csv_end_field(c, &start);
		*got = 1;
	}
	return BF_OK;
}

/* Fields in the current row. */
size_t
csv_nfields(const struct csv *c)
{
	return c->n;
}

/* Field i of the current row ("" past the end). */
const char *
csv_field(const struct csv *c, size_t i)
{
	return i < c->n ? c->data.buf + c->offs[i] : "";
}

/* The line the current row started on. */
long
csv_line(const struct csv *c)
{
	return c->row_line;
}

/* The line the current row ended on (later than csv_line for line breaks in quotes). */
long
csv_end_line(const struct csv *c)
{
	return c->end_line;
}

/* Whether the input began with a UTF-8 byte order mark. */
int
csv_bom(const struct csv *c)
{
	return c->bom;
}

/* Whether every field of the current row is empty. */
int
csv_row_blank(const struct csv *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->data.buf[c->offs[i]] != '\0')
			return 0;
	return 1;
}

/* Append one field, quoted if it holds a comma, quote, line break or edge space. */
void
csv_add_field(strbuf *sb, const char *s)
{
	const char *p;
	size_t len = strlen(s);

	if (strpbrk(s, ",\"\r\n") == NULL && (len == 0 || (s[0] != ' ' && s[len - 1] != ' '))) {
		sb_addn(sb, s, len);
		return;
	}
	sb_addc(sb, '"');
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			sb_addc(sb, '"');
		sb_addc(sb, *p);
	}
	sb_addc(sb, '"');
}
