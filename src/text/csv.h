/*
 * csv.h -- reading CSV as spreadsheets write it (RFC 4180): fields
 * separated by commas, quoted with double quotes when they hold commas,
 * quotes ("" inside quotes) or line breaks; rows ended by CRLF or LF; an
 * optional UTF-8 byte order mark at the start.  Bytes come from a read
 * callback, so a file of any size is read a buffer at a time and an
 * encoding converter can sit in front of it; the reader itself does no
 * I/O and knows nothing of encodings.  Also writing one CSV field.
 */
#ifndef BF_TEXT_CSV_H
#define BF_TEXT_CSV_H

#include <stddef.h>

#include "util/error.h"
#include "util/strbuf.h"

/* Fill buf with up to cap bytes; *got = 0 at the end.  BF_OK or an error in err. */
typedef int (*csv_read_fn)(void *ctx, char *buf, size_t cap, size_t *got, bf_error *err);

struct csv;

struct csv *csv_new(csv_read_fn read, void *ctx);            /* caller frees with csv_free */
struct csv *csv_new_mem(const char *buf, size_t len);        /* reads buf (borrowed); csv_free */
void	csv_free(struct csv *c);                              /* NULL is fine */

/*
 * Read the next row: BF_OK and *got = 1 with the row available through
 * the functions below, or *got = 0 at the end.  An unterminated quoted
 * field at the end of input is an error (BF_EINVAL, naming the line it
 * started on).
 */
int	csv_next(struct csv *c, int *got, bf_error *err);
size_t	csv_nfields(const struct csv *c);                     /* fields in the current row */
const char *csv_field(const struct csv *c, size_t i);         /* borrowed until csv_next; "" past the end */
long	csv_line(const struct csv *c);                        /* line the current row starts on (1-based) */
long	csv_end_line(const struct csv *c);                    /* line it ends on */
int	csv_bom(const struct csv *c);                         /* 1 if the input began with a UTF-8 BOM */
int	csv_row_blank(const struct csv *c);                   /* 1 if every field of the row is empty */

/* Append s to sb as one CSV field, quoted when it needs to be. */
void	csv_add_field(strbuf *sb, const char *s);

#endif
