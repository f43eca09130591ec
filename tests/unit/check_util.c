/*
 * check_util.c -- unit tests for src/util: strbuf, errors, JSON writing.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "runner.h"
#include "util/error.h"
#include "util/idmap.h"
#include "util/json.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

START_TEST(test_strbuf_appends)
{
	strbuf sb;
	char *s;

	sb_init(&sb);
	ck_assert_str_eq(sb_str(&sb), "");
	sb_add(&sb, "张三");
	sb_addc(&sb, ',');
	sb_addf(&sb, "%d岁", 43);
	ck_assert_str_eq(sb_str(&sb), "张三,43岁");
	ck_assert_uint_eq(sb.len, strlen("张三,43岁"));
	sb_truncate(&sb, 6);
	ck_assert_str_eq(sb_str(&sb), "张三");
	s = sb_detach(&sb);
	ck_assert_str_eq(s, "张三");
	ck_assert_ptr_null(sb.buf);
	free(s);
}
END_TEST

START_TEST(test_strbuf_grow_then_detach_is_empty)
{
	strbuf sb;
	char *s;

	sb_init(&sb);
	sb_grow(&sb, 16);
	ck_assert_str_eq(sb_str(&sb), "");
	s = sb_detach(&sb);
	ck_assert_str_eq(s, "");
	free(s);
}
END_TEST

START_TEST(test_strbuf_grows_large)
{
	strbuf sb;
	int i;

	sb_init(&sb);
	for (i = 0; i < 10000; i++)
		sb_add(&sb, "帮扶");
	ck_assert_uint_eq(sb.len, 60000);
	ck_assert_int_eq(sb.buf[sb.len], '\0');
	sb_free(&sb);
}
END_TEST

START_TEST(test_err_set_and_prefix)
{
	bf_error e;

	err_clear(&e);
	ck_assert_int_eq(e.code, BF_OK);
	ck_assert_int_eq(err_set(&e, BF_EINVAL, "校验码错误，应为 %c", 'X'), BF_EINVAL);
	ck_assert_str_eq(e.msg, "校验码错误，应为 X");
	err_prefix(&e, "第 %d 行：", 3);
	ck_assert_str_eq(e.msg, "第 3 行：校验码错误，应为 X");
	ck_assert_int_eq(err_set(NULL, BF_EDB, "ignored"), BF_EDB);
	ck_assert_str_eq(err_status_name(BF_ECONFLICT), "conflict");
	ck_assert_str_eq(err_status_name(999), "unknown");
}
END_TEST

START_TEST(test_err_never_splits_a_character)
{
	bf_error e;
	strbuf sb;
	size_t i;
	int j;

	sb_init(&sb);
	for (j = 0; j < 1000; j++)
		sb_add(&sb, "字");
	err_set(&e, BF_EINVAL, "%s", sb_str(&sb));
	ck_assert_uint_lt(strlen(e.msg), BF_ERROR_MSG_MAX);
	ck_assert_uint_eq(strlen(e.msg) % 3, 0);
	for (i = 0; i < strlen(e.msg); i += 3)
		ck_assert_int_eq(memcmp(e.msg + i, "字", 3), 0);
	sb_free(&sb);
}
END_TEST

START_TEST(test_json_escapes)
{
	strbuf sb;
	int first = 1;

	sb_init(&sb);
	sb_addc(&sb, '{');
	json_add_key(&sb, &first, "name");
	json_add_string(&sb, "王\"小\"红\n");
	json_add_key(&sb, &first, "phone");
	json_add_string(&sb, NULL);
	json_add_key(&sb, &first, "c");
	json_add_string(&sb, "\x01\\");
	sb_addc(&sb, '}');
	ck_assert_str_eq(sb_str(&sb),
	    "{\"name\":\"王\\\"小\\\"红\\n\",\"phone\":null,\"c\":\"\\u0001\\\\\"}");
	sb_free(&sb);
}
END_TEST

/* The id map grows from its smallest table to 2^20 slots, keeps every value, holds INT64_MIN and 0. */
START_TEST(test_idmap_grows)
{
	struct idmap m;
	const long *v;
	int64_t i;
	long bad = 0;

	idmap_init(&m, 0);
	for (i = 1; i <= 300000; i++)
		*idmap_put(&m, i * 7919 - 3000000) += (long)i;
	for (i = 1; i <= 300000; i += 3)
		*idmap_put(&m, i * 7919 - 3000000) += 1;
	ck_assert_uint_eq(m.n, 300000);
	ck_assert_uint_eq(m.cap, (size_t)1 << 20);
	for (i = 1; i <= 300000; i++)
		if ((v = idmap_get(&m, i * 7919 - 3000000)) == NULL || *v != (long)i + (i % 3 == 1))
			bad++;
	ck_assert_int_eq(bad, 0);
	ck_assert_ptr_null(idmap_get(&m, 1));
	ck_assert_ptr_null(idmap_get(&m, INT64_MIN));
	*idmap_put(&m, INT64_MIN) = 5;
	*idmap_put(&m, 0) = 6;
	ck_assert_int_eq(*idmap_get(&m, INT64_MIN), 5);
	ck_assert_int_eq(*idmap_get(&m, 0), 6);
	ck_assert_int_eq(*idmap_put(&m, INT64_MIN), 5);
	ck_assert_uint_eq(m.n, 300002);
	idmap_free(&m);
	idmap_free(&m);
	idmap_free(NULL);
}
END_TEST

START_TEST(test_xasprintf)
{
	char *s = xasprintf("%s-%03d", "社区", 7);

	ck_assert_str_eq(s, "社区-007");
	free(s);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("util");
	TCase *tc = tcase_create("util");

	tcase_add_test(tc, test_strbuf_appends);
	tcase_add_test(tc, test_strbuf_grow_then_detach_is_empty);
	tcase_add_test(tc, test_strbuf_grows_large);
	tcase_add_test(tc, test_err_set_and_prefix);
	tcase_add_test(tc, test_err_never_splits_a_character);
	tcase_add_test(tc, test_json_escapes);
	tcase_add_test(tc, test_xasprintf);
	tcase_add_test(tc, test_idmap_grows);
	suite_add_tcase(s, tc);
	return s;
}
