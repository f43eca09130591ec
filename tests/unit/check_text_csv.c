/*
 * check_text_csv.c -- unit tests for src/text/csv.c: plain and quoted
 * fields, doubled quotes, commas and line breaks inside quotes, CRLF, LF
 * and lone CR, the UTF-8 BOM, ragged rows, blank rows, a missing closing
 * quote, input arriving in tiny pieces, and the field writer.
 */
#include "config.h"

#include <string.h>

#include "runner.h"
#include "text/csv.h"
#include "util/strbuf.h"

/* Read the next row of c, expecting one. */
static void
next_row(struct csv *c)
{
	bf_error err;
	int got = -1;

	ck_assert_int_eq(csv_next(c, &got, &err), BF_OK);
	ck_assert_int_eq(got, 1);
}

/* Expect the end of input. */
static void
expect_end(struct csv *c)
{
	bf_error err;
	int got = -1;

	ck_assert_int_eq(csv_next(c, &got, &err), BF_OK);
	ck_assert_int_eq(got, 0);
}

START_TEST(test_plain_rows)
{
	static const char in[] = "姓名,身份证号\n张三,500103199001011234\n";
	struct csv *c = csv_new_mem(in, strlen(in));

	next_row(c);
	ck_assert_uint_eq(csv_nfields(c), 2);
	ck_assert_str_eq(csv_field(c, 0), "姓名");
	ck_assert_str_eq(csv_field(c, 1), "身份证号");
	ck_assert_str_eq(csv_field(c, 2), "");
	ck_assert_int_eq(csv_line(c), 1);
	next_row(c);
	ck_assert_str_eq(csv_field(c, 0), "张三");
	ck_assert_int_eq(csv_line(c), 2);
	expect_end(c);
	expect_end(c);
	ck_assert_int_eq(csv_bom(c), 0);
	csv_free(c);
}
END_TEST

START_TEST(test_quotes_commas_newlines)
{
	static const char in[] =
	    "a,\"b,c\",\"say \"\"hi\"\"\"\r\n"
	    "\"line1\nline2\",\"\",x\r\n"
	    "last,\"q\"";
	struct csv *c = csv_new_mem(in, strlen(in));

	next_row(c);
	ck_assert_uint_eq(csv_nfields(c), 3);
	ck_assert_str_eq(csv_field(c, 1), "b,c");
	ck_assert_str_eq(csv_field(c, 2), "say \"hi\"");
	next_row(c);
	ck_assert_int_eq(csv_line(c), 2);
	ck_assert_int_eq(csv_end_line(c), 3);
	ck_assert_str_eq(csv_field(c, 0), "line1\nline2");
	ck_assert_str_eq(csv_field(c, 1), "");
	ck_assert_str_eq(csv_field(c, 2), "x");
	next_row(c);
	ck_assert_int_eq(csv_line(c), 4);	/* the quoted newline took a line */
	ck_assert_int_eq(csv_end_line(c), 4);
	ck_assert_uint_eq(csv_nfields(c), 2);
	ck_assert_str_eq(csv_field(c, 1), "q");
	expect_end(c);
	csv_free(c);
}
END_TEST

START_TEST(test_crlf_cr_bom_trailing_empty)
{
	static const char in[] = "\xEF\xBB\xBF" "id,name\r\n1,\r2,b,\r\n";
	struct csv *c = csv_new_mem(in, strlen(in));

	next_row(c);
	ck_assert_int_eq(csv_bom(c), 1);
	ck_assert_str_eq(csv_field(c, 0), "id");
	next_row(c);
	ck_assert_uint_eq(csv_nfields(c), 2);
	ck_assert_str_eq(csv_field(c, 1), "");
	ck_assert_int_eq(csv_line(c), 2);
	next_row(c);
	ck_assert_int_eq(csv_line(c), 3);
	ck_assert_uint_eq(csv_nfields(c), 3);	/* ragged: reported by the caller */
	ck_assert_str_eq(csv_field(c, 2), "");
	expect_end(c);
	csv_free(c);
}
END_TEST

START_TEST(test_blank_rows_and_ragged)
{
	static const char in[] = "a,b,c\n\n,,\n1,2\n1,2,3,4\n";
	struct csv *c = csv_new_mem(in, strlen(in));

	next_row(c);
	next_row(c);
	ck_assert_int_eq(csv_row_blank(c), 1);
	ck_assert_uint_eq(csv_nfields(c), 1);
	next_row(c);
	ck_assert_int_eq(csv_row_blank(c), 1);
	ck_assert_uint_eq(csv_nfields(c), 3);
	next_row(c);
	ck_assert_int_eq(csv_row_blank(c), 0);
	ck_assert_uint_eq(csv_nfields(c), 2);
	ck_assert_int_eq(csv_line(c), 4);
	next_row(c);
	ck_assert_uint_eq(csv_nfields(c), 4);
	expect_end(c);
	csv_free(c);
}
END_TEST

START_TEST(test_unterminated_quote)
{
	static const char in[] = "a,b\n1,\"open\nstill open\n";
	struct csv *c = csv_new_mem(in, strlen(in));
	bf_error err;
	int got;

	next_row(c);
	ck_assert_int_eq(csv_next(c, &got, &err), BF_EINVAL);
	ck_assert_ptr_nonnull(strstr(err.msg, "第 2 行"));
	csv_free(c);
}
END_TEST

START_TEST(test_lenient_stray_quotes)
{
	static const char in[] = "ab\"c,\"x\"y\n";
	struct csv *c = csv_new_mem(in, strlen(in));

	next_row(c);
	ck_assert_str_eq(csv_field(c, 0), "ab\"c");
	ck_assert_str_eq(csv_field(c, 1), "xy");
	csv_free(c);
}
END_TEST

/* A read callback that hands out one byte at a time. */
struct trickle {
	const char	*s;
	size_t		 n, pos;
};

static int
trickle_read(void *ctx, char *buf, size_t cap, size_t *got, bf_error *err)
{
	struct trickle *t = ctx;

	(void)cap;
	(void)err;
	*got = 0;
	if (t->pos < t->n) {
		buf[0] = t->s[t->pos++];
		*got = 1;
	}
	return BF_OK;
}

START_TEST(test_byte_at_a_time)
{
	static const char in[] = "\xEF\xBB\xBF" "x,\"a\"\"b\r\nc\"\r\n\"\",张三\r\n";
	struct trickle t = { in, sizeof in - 1, 0 };
	struct csv *c = csv_new(trickle_read, &t);

	next_row(c);
	ck_assert_int_eq(csv_bom(c), 1);
	ck_assert_str_eq(csv_field(c, 0), "x");
	ck_assert_str_eq(csv_field(c, 1), "a\"b\r\nc");
	next_row(c);
	ck_assert_uint_eq(csv_nfields(c), 2);
	ck_assert_str_eq(csv_field(c, 0), "");
	ck_assert_str_eq(csv_field(c, 1), "张三");
	ck_assert_int_eq(csv_line(c), 3);
	expect_end(c);
	csv_free(c);
}
END_TEST

START_TEST(test_write_fields)
{
	strbuf sb;

	sb_init(&sb);
	csv_add_field(&sb, "plain");
	sb_addc(&sb, ',');
	csv_add_field(&sb, "a,b");
	sb_addc(&sb, ',');
	csv_add_field(&sb, "say \"hi\"");
	sb_addc(&sb, ',');
	csv_add_field(&sb, "two\nlines");
	sb_addc(&sb, ',');
	csv_add_field(&sb, "");
	ck_assert_str_eq(sb_str(&sb), "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",");
	sb_free(&sb);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("text_csv");
	TCase *tc = tcase_create("csv");

	tcase_add_test(tc, test_plain_rows);
	tcase_add_test(tc, test_quotes_commas_newlines);
	tcase_add_test(tc, test_crlf_cr_bom_trailing_empty);
	tcase_add_test(tc, test_blank_rows_and_ragged);
	tcase_add_test(tc, test_unterminated_quote);
	tcase_add_test(tc, test_lenient_stray_quotes);
	tcase_add_test(tc, test_byte_at_a_time);
	tcase_add_test(tc, test_write_fields);
	suite_add_tcase(s, tc);
	return s;
}
