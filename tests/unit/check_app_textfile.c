/*
 * check_app_textfile.c -- unit tests for src/app/textfile.c: UTF-8 with
 * and without BOM, GB18030 detected and converted (bytes as Excel on
 * Chinese Windows writes them), a character cut by the read buffer, and a
 * file in neither encoding refused with its line.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/textfile.h"
#include "runner.h"
#include "text/csv.h"
#include "util/strbuf.h"

/* Open len bytes of s as a textfile, expecting status want; returns the contents as UTF-8. */
static char *
slurp(const char *s, size_t len, int want, enum textfile_enc *enc, bf_error *err)
{
	FILE *fp = fmemopen((void *)s, len, "rb");
	struct textfile *tf;
	strbuf sb;
	char buf[7];		/* tiny, to cut characters */
	size_t got;

	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(textfile_open_stream(fp, "t.csv", &tf, err), want);
	if (want != BF_OK) {
		fclose(fp);
		return NULL;
	}
	*enc = textfile_encoding(tf);
	sb_init(&sb);
	do {
		ck_assert_int_eq(textfile_read(tf, buf, sizeof buf, &got, err), BF_OK);
		sb_addn(&sb, buf, got);
	} while (got > 0);
	textfile_close(tf);
	fclose(fp);
	return sb_detach(&sb);
}

START_TEST(test_utf8)
{
	static const char in[] = "姓名,身份证号\n张三,１２３\n";
	enum textfile_enc enc;
	bf_error err;
	char *out = slurp(in, strlen(in), BF_OK, &enc, &err);

	ck_assert_int_eq(enc, TEXTFILE_UTF8);
	ck_assert_str_eq(out, in);
	free(out);
}
END_TEST

START_TEST(test_utf8_bom)
{
	static const char in[] = "\xEF\xBB\xBF姓名\r\n";
	enum textfile_enc enc;
	bf_error err;
	char *out = slurp(in, strlen(in), BF_OK, &enc, &err);

	ck_assert_int_eq(enc, TEXTFILE_UTF8_BOM);
	ck_assert_str_eq(textfile_encoding_label(enc), "UTF-8（带 BOM）");
	ck_assert_str_eq(out, in);	/* the CSV reader drops the BOM */
	free(out);
}
END_TEST

START_TEST(test_gb18030)
{
	/* "姓名,身份证号\r\n张三,１２３\r\n" in GB18030 (GBK range) */
	static const char in[] =
	    "\xd0\xd5\xc3\xfb,\xc9\xed\xb7\xdd\xd6\xa4\xba\xc5\r\n"
	    "\xd5\xc5\xc8\xfd,\xa3\xb1\xa3\xb2\xa3\xb3\r\n";
	enum textfile_enc enc;
	bf_error err;
	char *out = slurp(in, strlen(in), BF_OK, &enc, &err);

	ck_assert_int_eq(enc, TEXTFILE_GB18030);
	ck_assert_str_eq(textfile_encoding_label(enc), "GB18030/GBK");
	ck_assert_str_eq(out, "姓名,身份证号\r\n张三,１２３\r\n");
	free(out);
}
END_TEST

START_TEST(test_gb18030_four_byte)
{
	/* "€𠀀" : GBK's A2E3 and a four-byte GB18030 sequence */
	static const char in[] = "\xa2\xe3\x95\x32\x82\x36";
	enum textfile_enc enc;
	bf_error err;
	char *out = slurp(in, sizeof in - 1, BF_OK, &enc, &err);

	ck_assert_int_eq(enc, TEXTFILE_GB18030);
	ck_assert_str_eq(out, "€𠀀");
	free(out);
}
END_TEST

START_TEST(test_neither)
{
	/* line 2 has a byte that no GB18030 sequence starts with */
	static const char in[] = "\xd5\xc5\n\xff\xff\n";
	enum textfile_enc enc;
	bf_error err;

	ck_assert_ptr_null(slurp(in, sizeof in - 1, BF_EINVAL, &enc, &err));
	ck_assert_ptr_nonnull(strstr(err.msg, "第 2 行"));
}
END_TEST

START_TEST(test_through_csv)
{
	static const char in[] = "\xd0\xd5\xc3\xfb,\"a\r\n\xd5\xc5\"\r\n";
	FILE *fp = fmemopen((void *)in, sizeof in - 1, "rb");
	struct textfile *tf;
	struct csv *c;
	bf_error err;
	int got;

	ck_assert_int_eq(textfile_open_stream(fp, "t.csv", &tf, &err), BF_OK);
	c = csv_new(textfile_read, tf);
	ck_assert_int_eq(csv_next(c, &got, &err), BF_OK);
	ck_assert_int_eq(got, 1);
	ck_assert_str_eq(csv_field(c, 0), "姓名");
	ck_assert_str_eq(csv_field(c, 1), "a\r\n张");
	csv_free(c);
	textfile_close(tf);
	fclose(fp);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("app_textfile");
	TCase *tc = tcase_create("textfile");

	tcase_add_test(tc, test_utf8);
	tcase_add_test(tc, test_utf8_bom);
	tcase_add_test(tc, test_gb18030);
	tcase_add_test(tc, test_gb18030_four_byte);
	tcase_add_test(tc, test_neither);
	tcase_add_test(tc, test_through_csv);
	suite_add_tcase(s, tc);
	return s;
}
