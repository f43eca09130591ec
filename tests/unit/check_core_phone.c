/*
 * check_core_phone.c -- unit tests for src/core/phone.c: mobile numbers
 * with country codes and separators, Chongqing and other landlines, the
 * messages for wrong input, and masking.
 */
#include "config.h"

#include <string.h>

#include "runner.h"
#include "core/phone.h"

/* Parse s as a mobile number: the 11 digits, or the error message. */
static const char *
mobile(const char *s)
{
	static char buf[BF_ERROR_MSG_MAX];
	char out[PHONE_MOBILE_LEN + 1];
	bf_error err;

	err_clear(&err);
	if (phone_parse_mobile(s, out, &err) != BF_OK) {
		ck_assert_int_eq(err.code, BF_EINVAL);
		strcpy(buf, err.msg);
	} else
		strcpy(buf, out);
	return buf;
}

/* Parse s as a landline (or either kind): the stored form, or the message. */
static const char *
landline_or_any(const char *s, int any)
{
	static char buf[BF_ERROR_MSG_MAX];
	char out[PHONE_MAX_LEN + 1];
	bf_error err;
	int rc;

	err_clear(&err);
	rc = any ? phone_parse_any(s, out, sizeof out, &err)
	    : phone_parse_landline(s, out, sizeof out, &err);
	if (rc != BF_OK) {
		ck_assert_int_eq(err.code, BF_EINVAL);
		strcpy(buf, err.msg);
	} else
		strcpy(buf, out);
	return buf;
}

static const char *
landline(const char *s)
{
	return landline_or_any(s, 0);
}

static const char *
any(const char *s)
{
	return landline_or_any(s, 1);
}

START_TEST(test_mobile_accepted)
{
	ck_assert_str_eq(mobile("13800138000"), "13800138000");
	ck_assert_str_eq(mobile("138 0013 8000"), "13800138000");
	ck_assert_str_eq(mobile("138-0013-8000"), "13800138000");
	ck_assert_str_eq(mobile("+86 138 0013 8000"), "13800138000");
	ck_assert_str_eq(mobile("+86-13800138000"), "13800138000");
	ck_assert_str_eq(mobile("8613800138000"), "13800138000");
	ck_assert_str_eq(mobile("008613800138000"), "13800138000");
	ck_assert_str_eq(mobile("(+86)13800138000"), "13800138000");
	ck_assert_str_eq(mobile("１３８００１３８０００"), "13800138000");
	ck_assert_str_eq(mobile("＋８６　１３８－００１３－８０００"), "13800138000");
	ck_assert_str_eq(mobile("　13800138000　"), "13800138000");
	/* every second digit 3-9 */
	ck_assert_str_eq(mobile("13000000000"), "13000000000");
	ck_assert_str_eq(mobile("14500000000"), "14500000000");
	ck_assert_str_eq(mobile("15000000000"), "15000000000");
	ck_assert_str_eq(mobile("16600000000"), "16600000000");
	ck_assert_str_eq(mobile("17000000000"), "17000000000");
	ck_assert_str_eq(mobile("18000000000"), "18000000000");
	ck_assert_str_eq(mobile("19900000000"), "19900000000");
}
END_TEST

START_TEST(test_mobile_messages)
{
	ck_assert_str_eq(mobile("1380013800"), "手机号码应为 11 位，实际为 10 位");
	ck_assert_str_eq(mobile("138001380001"), "手机号码应为 11 位，实际为 12 位");
	/* 13-digit IoT numbers are not contact numbers */
	ck_assert_str_eq(mobile("1440012345678"), "手机号码应为 11 位，实际为 13 位");
	ck_assert_str_eq(mobile("12800138000"), "手机号码第 2 位应为 3–9，实际为 2");
	ck_assert_str_eq(mobile("11800138000"), "手机号码第 2 位应为 3–9，实际为 1");
	ck_assert_str_eq(mobile("10800138000"), "手机号码第 2 位应为 3–9，实际为 0");
	ck_assert_str_eq(mobile("23800138000"), "手机号码第 1 位应为 1，实际为 2");
	ck_assert_str_eq(mobile("023-61234567"), "手机号码第 1 位应为 1，实际为 0");
	ck_assert_str_eq(mobile("138a0138000"), "手机号码第 4 位“a”不是数字");
	ck_assert_str_eq(mobile("138〇0138000"), "手机号码第 4 位“〇”不是数字");
	ck_assert_str_eq(mobile("138\xfe" "0138000"), "手机号码第 4 位“\xEF\xBF\xBD”不是数字");
	ck_assert_str_eq(mobile("138.0013.8000"), "手机号码应为 11 位，实际为 13 位");
	ck_assert_str_eq(mobile(""), "手机号码为空");
	ck_assert_str_eq(mobile("　"), "手机号码为空");
	ck_assert_str_eq(mobile(NULL), "手机号码为空");
	ck_assert_str_eq(mobile("+86"), "手机号码为空");
}
END_TEST

START_TEST(test_landline_chongqing)
{
	ck_assert_str_eq(landline("023-61234567"), "023-61234567");
	ck_assert_str_eq(landline("02361234567"), "023-61234567");
	ck_assert_str_eq(landline("61234567"), "023-61234567");
	ck_assert_str_eq(landline("6123 4567"), "023-61234567");
	ck_assert_str_eq(landline("(023)61234567"), "023-61234567");
	ck_assert_str_eq(landline("（０２３）６１２３　４５６７"), "023-61234567");
	ck_assert_str_eq(landline("023-6123-4567"), "023-61234567");
	ck_assert_str_eq(landline("023-61234567-801"), "023-61234567-801");
	ck_assert_str_eq(landline("61234567-8"), "023-61234567-8");
	ck_assert_str_eq(landline("023 2123 4567"), "023-21234567");
	ck_assert_str_eq(landline("023-81234567"), "023-81234567");
}
END_TEST

START_TEST(test_landline_chongqing_messages)
{
	ck_assert_str_eq(landline("6123456"), "重庆固定电话号码应为 8 位，实际为 7 位");
	ck_assert_str_eq(landline("023-6123456"), "重庆固定电话号码应为 8 位，实际为 7 位");
	ck_assert_str_eq(landline("023-91234567"), "重庆固定电话号码首位应为 2–8，实际为 9");
	ck_assert_str_eq(landline("11234567"), "重庆固定电话号码首位应为 2–8，实际为 1");
	ck_assert_str_eq(landline("023-61234567-1234567"), "分机号应为 1–6 位，实际为 7 位");
	ck_assert_str_eq(landline("12333"), "12333 是服务号码，不能作为个人联系电话");
	ck_assert_str_eq(landline("13800138000"), "13800138000 是手机号码，不是固定电话");
	ck_assert_str_eq(landline("023-6123a567"), "固定电话中有非数字字符“a”");
	ck_assert_str_eq(landline("023--61234567"),
	    "无法识别的固定电话：023--61234567，请用 023-61234567 或 023-61234567-801");
	ck_assert_str_eq(landline("023-6123-4567-8-9"),
	    "无法识别的固定电话：023-6123-4567-8-9，请用 023-61234567 或 023-61234567-801");
	ck_assert_str_eq(landline(""), "固定电话为空");
	ck_assert_str_eq(landline("23-61234567-1"), "固定电话 23-61234567-1 的区号应以 0 开头");
}
END_TEST

START_TEST(test_landline_other_areas)
{
	ck_assert_str_eq(landline("010-61234567"), "010-61234567");
	ck_assert_str_eq(landline("01061234567"), "010-61234567");
	ck_assert_str_eq(landline("028-8123456"), "028-8123456");
	ck_assert_str_eq(landline("0871-6123456"), "0871-6123456");
	ck_assert_str_eq(landline("08716123456"), "0871-6123456");
	ck_assert_str_eq(landline("0871-61234567"), "0871-61234567");
	ck_assert_str_eq(landline("087161234567"), "0871-61234567");
	ck_assert_str_eq(landline("0755-29123456-12"), "0755-29123456-12");
	ck_assert_str_eq(landline("021-91234567"), "021-91234567");
}
END_TEST

START_TEST(test_landline_other_messages)
{
	ck_assert_str_eq(landline("0234-61234567"),
	    "区号 0234 无效：以 01、02 开头的区号为 3 位（如 023），其余为 4 位（如 0871）");
	ck_assert_str_eq(landline("087-6123456"),
	    "区号 087 无效：以 01、02 开头的区号为 3 位（如 023），其余为 4 位（如 0871）");
	ck_assert_str_eq(landline("0086-61234567"),
	    "区号 0086 无效：00 是国际冠码，不是区号");
	ck_assert_str_eq(landline("0871-612345"),
	    "固定电话号码（区号 0871）应为 7–8 位，实际为 6 位");
	ck_assert_str_eq(landline("0871-612345678"),
	    "固定电话号码（区号 0871）应为 7–8 位，实际为 9 位");
	ck_assert_str_eq(landline("0871-1123456"), "固定电话号码首位应为 2–9，实际为 1");
	ck_assert_str_eq(landline("0871"),
	    "固定电话号码（区号 0871）应为 7–8 位，实际为 0 位");
}
END_TEST

START_TEST(test_landline_small_buffer)
{
	char out[8];
	bf_error err;

	ck_assert_int_eq(phone_parse_landline("023-61234567", out, sizeof out, &err),
	    BF_EINVAL);
	ck_assert_str_eq(err.msg, "电话号码缓冲区太小（8 字节）");
	ck_assert_int_eq(phone_parse_any("13800138000", out, sizeof out, &err),
	    BF_EINVAL);
}
END_TEST

START_TEST(test_any)
{
	ck_assert_str_eq(any("13800138000"), "13800138000");
	ck_assert_str_eq(any("+86 138 0013 8000"), "13800138000");
	ck_assert_str_eq(any("023-61234567"), "023-61234567");
	ck_assert_str_eq(any("61234567"), "023-61234567");
	ck_assert_str_eq(any("(023) 6123 4567"), "023-61234567");
	ck_assert_str_eq(any("0871-6123456-9"), "0871-6123456-9");
	ck_assert_str_eq(any("1380013800"), "手机号码应为 11 位，实际为 10 位");
	ck_assert_str_eq(any("12800138000"), "手机号码第 2 位应为 3–9，实际为 2");
	ck_assert_str_eq(any("12333"), "12333 是服务号码，不能作为个人联系电话");
	ck_assert_str_eq(any("6123456"), "重庆固定电话号码应为 8 位，实际为 7 位");
	ck_assert_str_eq(any(""), "电话号码为空");
	ck_assert_str_eq(any(" - "), "电话号码为空");
}
END_TEST

START_TEST(test_mask)
{
	char out[32];

	phone_mask("13812345678", out, sizeof out);
	ck_assert_str_eq(out, "138****5678");
	phone_mask("023-61234567", out, sizeof out);
	ck_assert_str_eq(out, "023-****4567");
	phone_mask("0871-6123456", out, sizeof out);
	ck_assert_str_eq(out, "0871-***3456");
	phone_mask("023-61234567-801", out, sizeof out);
	ck_assert_str_eq(out, "023-****4567-801");
	phone_mask("61234567", out, sizeof out);
	ck_assert_str_eq(out, "****4567");
	phone_mask("1234", out, sizeof out);
	ck_assert_str_eq(out, "1234");
	phone_mask("", out, sizeof out);
	ck_assert_str_eq(out, "");
	phone_mask(NULL, out, sizeof out);
	ck_assert_str_eq(out, "");
	phone_mask("13812345678", out, 6);
	ck_assert_str_eq(out, "138**");
	phone_mask("13812345678", out, 0);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("core_phone");
	TCase *tc = tcase_create("phone");

	tcase_add_test(tc, test_mobile_accepted);
	tcase_add_test(tc, test_mobile_messages);
	tcase_add_test(tc, test_landline_chongqing);
	tcase_add_test(tc, test_landline_chongqing_messages);
	tcase_add_test(tc, test_landline_other_areas);
	tcase_add_test(tc, test_landline_other_messages);
	tcase_add_test(tc, test_landline_small_buffer);
	tcase_add_test(tc, test_any);
	tcase_add_test(tc, test_mask);
	suite_add_tcase(s, tc);
	return s;
}
