/*
 * fuzz_csv.c -- libFuzzer harness for the CSV reader behind `bangfu
 * import`: any bytes as a ledger file.  The reader must never crash, hang
 * or leak; reading the bytes from memory and through the callback a few
 * bytes at a time must give the same rows; and rows written back with
 * csv_add_field must read back the same.  Built and run by
 * tests/fuzz/run.sh.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/csv.h"
#include "util/strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The callback source: the input in pieces of 1 to 7 bytes. */
struct fuzz_src {
	const uint8_t	*data;
	size_t		 size, pos;
};

/* csv_read_fn over struct fuzz_src. */
static int
fuzz_read(void *ctx, char *buf, size_t cap, size_t *got, bf_error *err)
{
	struct fuzz_src *s = ctx;
	size_t n = 1 + s->pos % 7;

	(void)err;
	if (n > cap)
		n = cap;
	if (n > s->size - s->pos)
		n = s->size - s->pos;
	memcpy(buf, s->data + s->pos, n);
	s->pos += n;
	*got = n;
	return BF_OK;
}

/* Rows of a and b, read in step, must match; returns 1 if both read to the end. */
static int
fuzz_same(struct csv *a, struct csv *b, strbuf *out)
{
	int ga, gb, ra, rb;
	size_t i;
	bf_error ea, eb;

	for (;;) {
		ra = csv_next(a, &ga, &ea);
		rb = csv_next(b, &gb, &eb);
		if (ra != rb || (ra == BF_OK && ga != gb))
			abort();
		if (ra != BF_OK || !ga)
			return ra == BF_OK;
		if (csv_nfields(a) != csv_nfields(b) || csv_line(a) != csv_line(b) ||
		    csv_end_line(a) != csv_end_line(b) || csv_line(a) > csv_end_line(a))
			abort();
		for (i = 0; i < csv_nfields(a); i++) {
			if (strcmp(csv_field(a, i), csv_field(b, i)) != 0)
				abort();
			if (out != NULL) {
				if (i > 0)
					sb_addc(out, ',');
				csv_add_field(out, csv_field(a, i));
			}
		}
		if (out != NULL)
			sb_add(out, "\r\n");
	}
}

/* One input: memory against pieces, then the written-back rows against themselves. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_src src = { data, size, 0 };
	struct csv *a = csv_new_mem((const char *)data, size);
	struct csv *b = csv_new(fuzz_read, &src);
	strbuf out;
	int whole;

	sb_init(&out);
	whole = fuzz_same(a, b, &out);
	csv_free(a);
	csv_free(b);
	/*
	 * Written back, the rows must read the same again -- unless a NUL
	 * byte cut a field short, or the written text starts with a byte
	 * order mark (a first field beginning with one), which the reader
	 * rightly skips.
	 */
	if (whole && memchr(data, '\0', size) == NULL && strncmp(sb_str(&out), "\xef\xbb\xbf", 3) != 0) {
		struct csv *c = csv_new_mem((const char *)data, size);
		struct csv *d = csv_new_mem(sb_str(&out), strlen(sb_str(&out)));

		fuzz_same(c, d, NULL);
		csv_free(c);
		csv_free(d);
	}
	sb_free(&out);
	return 0;
}
