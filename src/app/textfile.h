/*
 * textfile.h -- reading a text file people bring from spreadsheets,
 * whatever encoding it was saved in: UTF-8 with or without a byte order
 * mark, or GB18030 (which includes GBK and GB2312: what Excel and WPS
 * write on Chinese Windows when saving "CSV").  The encoding is detected
 * by reading the file once: valid UTF-8 throughout is UTF-8, anything
 * else must convert cleanly from GB18030 (with glibc iconv) or the file
 * is refused before a single row is used.  Reading then yields UTF-8, a
 * buffer at a time, in the shape text/csv.h's read callback wants.
 */
#ifndef BF_APP_TEXTFILE_H
#define BF_APP_TEXTFILE_H

#include <stddef.h>
#include <stdio.h>

#include "util/error.h"

enum textfile_enc { TEXTFILE_UTF8, TEXTFILE_UTF8_BOM, TEXTFILE_GB18030 };

struct textfile;

/* Open path and detect its encoding; *out owned by caller (textfile_close). */
int	textfile_open(const char *path, struct textfile **out, bf_error *err);
/* The same over an open stream (borrowed, must be seekable: a file or fmemopen). */
int	textfile_open_stream(FILE *fp, const char *name, struct textfile **out, bf_error *err);
void	textfile_close(struct textfile *tf);                         /* NULL is fine */
enum textfile_enc textfile_encoding(const struct textfile *tf);
const char *textfile_encoding_label(enum textfile_enc e);             /* "GB18030", static */
/* csv_read_fn: up to cap bytes of UTF-8 into buf, *got = 0 at the end. */
int	textfile_read(void *tf, char *buf, size_t cap, size_t *got, bf_error *err);

#endif
