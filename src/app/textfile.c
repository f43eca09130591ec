/*
 * textfile.c -- encoding detection and conversion for imported files.
 *
 * Detection reads the whole file once: first as UTF-8 (carrying a
 * character split across buffers over to the next one); if any byte
 * sequence is not UTF-8, the file is converted from GB18030 into a
 * scratch buffer to prove it converts, so a file in neither encoding is
 * refused before any row is imported.  Then the file is rewound and read
 * for real, through iconv when it is GB18030.
 */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "app/textfile.h"
#include "text/utf8.h"
#include "util/xalloc.h"

#define TEXTFILE_BUFSIZE 65536

struct textfile {
	FILE		*fp;
	int		 own;		/* fp opened here */
	char		*name;
	enum textfile_enc enc;
	iconv_t		 cd;		/* GB18030 -> UTF-8, or (iconv_t)-1 */
	char		 in[TEXTFILE_BUFSIZE];
	size_t		 inlen;
	int		 ineof;
	long long	 offset;	/* input bytes converted so far */
	long		 line;		/* newlines in them */
};

/* Labels of the encodings, as the import summary names them. */
static const char *const textfile_labels[] = {
	[TEXTFILE_UTF8] = "UTF-8",
	[TEXTFILE_UTF8_BOM] = "UTF-8（带 BOM）",
	[TEXTFILE_GB18030] = "GB18030/GBK",
};

/* The label of an encoding. */
const char *
textfile_encoding_label(enum textfile_enc e)
{
	return e <= TEXTFILE_GB18030 ? textfile_labels[e] : "?";
}

/* The detected encoding. */
enum textfile_enc
textfile_encoding(const struct textfile *tf)
{
	return tf->enc;
}

/* Count newlines in n bytes. */
static long
textfile_newlines(const char *s, size_t n)
{
	long k = 0;
	const char *p = s, *end = s + n;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		k++;
		p++;
	}
	return k;
}

/* Read the whole stream as UTF-8: 1 if valid throughout, 0 if not, -1 on a read error. */
static int
textfile_scan_utf8(FILE *fp, int *bom)
{
	char buf[TEXTFILE_BUFSIZE + 4];
	size_t carry = 0, n, len, bad;
	int first = 1;

	*bom = 0;
	for (;;) {
		n = fread(buf + carry, 1, TEXTFILE_BUFSIZE, fp);
		if (n == 0 && ferror(fp))
			return -1;
		len = carry + n;
		if (first && len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
			*bom = 1;
		first = 0;
		if (utf8_valid(buf, len, &bad)) {
			carry = 0;
		} else if (n > 0 && len - bad < 4) {
			/* maybe a character cut by the buffer end: keep it for the next round */
			carry = len - bad;
			memmove(buf, buf + bad, carry);
		} else {
			return 0;
		}
		if (n == 0)
			return carry == 0;
	}
}

/* Convert the next piece of GB18030 input into out. */
static int
textfile_convert(struct textfile *tf, char *out, size_t cap, size_t *got, bf_error *err)
{
	char *ip, *op = out;
	size_t ileft, oleft = cap, used, r, n;

	*got = 0;
	for (;;) {
		if (!tf->ineof && tf->inlen < sizeof tf->in) {
			n = fread(tf->in + tf->inlen, 1, sizeof tf->in - tf->inlen, tf->fp);
			if (n == 0 && ferror(tf->fp))
				return err_set(err, BF_EIO, "读取 %s 出错", tf->name);
			if (n == 0)
				tf->ineof = 1;
			tf->inlen += n;
		}
		if (tf->inlen == 0)
			break;
		ip = tf->in;
		ileft = tf->inlen;
		errno = 0;
		r = iconv(tf->cd, &ip, &ileft, &op, &oleft);
		used = tf->inlen - ileft;
		tf->line += textfile_newlines(tf->in, used);
		tf->offset += (long long)used;
		memmove(tf->in, ip, ileft);
		tf->inlen = ileft;
		if (r == (size_t)-1 && errno == EILSEQ)
			return err_set(err, BF_EINVAL, "%s 第 %ld 行（第 %lld 字节）有无法识别的字节："
			    "文件既不是有效的 UTF-8，也不是 GB18030/GBK 编码", tf->name, tf->line + 1,
			    tf->offset + 1);
		if (r == (size_t)-1 && errno == EINVAL && tf->ineof)
			return err_set(err, BF_EINVAL, "%s 末尾有不完整的字符（GB18030 编码）", tf->name);
		if (op != out)
			break;
	}
	*got = (size_t)(op - out);
	return BF_OK;
}

/* Rewind to the start for the real reading. */
static int
textfile_rewind(struct textfile *tf, bf_error *err)
{
	if (fseek(tf->fp, 0, SEEK_SET) != 0)
		return err_set(err, BF_EIO, "不能重新读取 %s（需要普通文件）", tf->name);
	clearerr(tf->fp);
	tf->inlen = 0;
	tf->ineof = 0;
	tf->offset = 0;
	tf->line = 0;
	if (tf->cd != (iconv_t)-1)
		iconv(tf->cd, NULL, NULL, NULL, NULL);
	return BF_OK;
}

/* Detect the encoding of tf's stream and leave it ready to read. */
static int
textfile_detect(struct textfile *tf, bf_error *err)
{
	char *scratch;
	size_t got;
	int bom, rc, valid = textfile_scan_utf8(tf->fp, &bom);

	if (valid < 0)
		return err_set(err, BF_EIO, "读取 %s 出错", tf->name);
	if (valid) {
		tf->enc = bom ? TEXTFILE_UTF8_BOM : TEXTFILE_UTF8;
		return textfile_rewind(tf, err);
	}
	if (bom)
		return err_set(err, BF_EINVAL, "%s 以 UTF-8 标记开头，但含有不是 UTF-8 的字节", tf->name);
	tf->enc = TEXTFILE_GB18030;
	if ((tf->cd = iconv_open("UTF-8", "GB18030")) == (iconv_t)-1)
		return err_set(err, BF_EIO, "本系统不支持 GB18030 编码转换（iconv）");
	if ((rc = textfile_rewind(tf, err)) != BF_OK)
		return rc;
	scratch = xmalloc(TEXTFILE_BUFSIZE);
	do {
		rc = textfile_convert(tf, scratch, TEXTFILE_BUFSIZE, &got, err);
	} while (rc == BF_OK && got > 0);
	free(scratch);
	return rc == BF_OK ? textfile_rewind(tf, err) : rc;
}

/* Wrap an open stream and detect its encoding. */
int
textfile_open_stream(FILE *fp, const char *name, struct textfile **out, bf_error *err)
{
	struct textfile *tf = xcalloc(1, sizeof *tf);
	int rc;

	tf->fp = fp;
	tf->name = xstrdup(name);
	tf->cd = (iconv_t)-1;
	if ((rc = textfile_detect(tf, err)) != BF_OK) {
		textfile_close(tf);
		*out = NULL;
		return rc;
	}
	*out = tf;
	return BF_OK;
}

/* Open a file and detect its encoding. */
int
textfile_open(const char *path, struct textfile **out, bf_error *err)
{
	FILE *fp = fopen(path, "rb");
	int rc;

	*out = NULL;
	if (fp == NULL)
		return err_set(err, BF_EIO, "不能打开 %s：%s", path, strerror(errno));
	if ((rc = textfile_open_stream(fp, path, out, err)) != BF_OK) {
		fclose(fp);
		return rc;
	}
	(*out)->own = 1;
	return BF_OK;
}

/* Close (and the file, when opened here). */
void
textfile_close(struct textfile *tf)
{
	if (tf == NULL)
		return;
	if (tf->cd != (iconv_t)-1)
		iconv_close(tf->cd);
	if (tf->own)
		fclose(tf->fp);
	free(tf->name);
	free(tf);
}

/* The next piece of the file as UTF-8. */
int
textfile_read(void *ctx, char *buf, size_t cap, size_t *got, bf_error *err)
{
	struct textfile *tf = ctx;

	if (tf->enc == TEXTFILE_GB18030)
		return textfile_convert(tf, buf, cap, got, err);
	*got = fread(buf, 1, cap, tf->fp);
	if (*got == 0 && ferror(tf->fp))
		return err_set(err, BF_EIO, "读取 %s 出错", tf->name);
	return BF_OK;
}
