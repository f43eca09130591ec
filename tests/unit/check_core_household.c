/*
 * check_core_household.c -- unit tests for src/core/household.c: the
 * zero-employment rule, which members decide it, working-age boundaries
 * (16th birthday, retirement day, leap-day births), unknown birth dates,
 * and the explanation.
 */
#include "config.h"

#include <string.h>

#include "runner.h"
#include "core/household.h"

static const bf_date today = { 2024, 5, 6 };

/* A member literal: able, willing, employed flags. */
static struct household_member
P(const char *name, int sex, int y, int m, int d, int able, int willing, int employed)
{
	struct household_member r;

	memset(&r, 0, sizeof r);
	r.name = name;
	r.sex = sex;
	r.birth.y = y;
	r.birth.m = m;
	r.birth.d = d;
	r.able = able;
	r.willing = willing;
	r.employed = employed;
	return r;
}

/* 1 if s ends with a complete UTF-8 character (every sequence is whole). */
static int
utf8_whole(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int need;

	while (*p != 0) {
		need = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 :
		    (*p & 0xF0) == 0xE0 ? 2 : (*p & 0xF8) == 0xF0 ? 3 : -1;
		if (need < 0)
			return 0;
		for (p++; need > 0; need--, p++)
			if ((*p & 0xC0) != 0x80)
				return 0;
	}
	return 1;
}

START_TEST(test_zero_employment)
{
	/* a couple out of work, a school child, a grandmother drawing a pension */
	struct household_member m[] = {
		P("张三", 1, 1978, 3, 1, 1, 1, 0),
		P("李四", 2, 1980, 7, 9, 1, 1, 0),
		P("张小三", 1, 2010, 1, 1, 1, 1, 0),
		P("王婆婆", 2, 1950, 1, 1, 1, 1, 0),
	};
	enum household_class cls[4];
	struct household_result r;

	household_assess(m, 4, today, cls, &r);
	ck_assert_int_eq(r.state, HOUSEHOLD_ZERO_SUSPECTED);
	ck_assert_int_eq(r.suspected_zero, 1);
	ck_assert_int_eq(r.n_unemployed, 2);
	ck_assert_int_eq(r.n_employed, 0);
	ck_assert_int_eq(r.n_excluded, 2);
	ck_assert_int_eq(cls[0], HOUSEHOLD_UNEMPLOYED);
	ck_assert_int_eq(cls[1], HOUSEHOLD_UNEMPLOYED);
	ck_assert_int_eq(cls[2], HOUSEHOLD_UNDER_AGE);
	ck_assert_int_eq(cls[3], HOUSEHOLD_RETIRED);
	ck_assert_str_eq(r.why,
	    "劳动年龄内有劳动能力和就业意愿的 2 人（张三、李四）均未就业 → 疑似零就业家庭，请核实");
}
END_TEST

START_TEST(test_one_employed_clears)
{
	struct household_member m[] = {
		P("张三", 1, 1978, 3, 1, 1, 1, 0),
		P("李四", 2, 1980, 7, 9, 1, 1, 1),
	};
	struct household_result r;

	household_assess(m, 2, today, NULL, &r);
	ck_assert_int_eq(r.state, HOUSEHOLD_HAS_EMPLOYED);
	ck_assert_int_eq(r.suspected_zero, 0);
	ck_assert_str_eq(r.why, "李四已就业 → 不是零就业家庭");
}
END_TEST

START_TEST(test_unable_and_unwilling_not_counted)
{
	struct household_member m[] = {
		P("张三", 1, 1978, 3, 1, 0, 1, 0),	/* unable */
		P("李四", 2, 1980, 7, 9, 1, 0, 0),	/* unwilling */
		P("张五", 1, 2000, 2, 29, 1, 1, 0),	/* counts */
	};
	enum household_class cls[3];
	struct household_result r;

	household_assess(m, 3, today, cls, &r);
	ck_assert_int_eq(cls[0], HOUSEHOLD_UNABLE);
	ck_assert_int_eq(cls[1], HOUSEHOLD_UNWILLING);
	ck_assert_int_eq(cls[2], HOUSEHOLD_UNEMPLOYED);
	ck_assert_int_eq(r.suspected_zero, 1);
	ck_assert_str_eq(r.why,
	    "劳动年龄内有劳动能力和就业意愿的 1 人（张五）未就业 → 疑似零就业家庭，请核实");
	/* nobody left who counts: not flagged */
	m[2].able = 0;
	household_assess(m, 3, today, cls, &r);
	ck_assert_int_eq(r.state, HOUSEHOLD_NONE_ELIGIBLE);
	ck_assert_int_eq(r.suspected_zero, 0);
	ck_assert_str_eq(r.why,
	    "没有劳动年龄内有劳动能力和就业意愿的成员 → 不认定为零就业家庭");
}
END_TEST

START_TEST(test_employed_outside_working_age_does_not_clear)
{
	/* a pensioner with a job does not clear the flag */
	struct household_member m[] = {
		P("张三", 1, 1978, 3, 1, 1, 1, 0),
		P("张爷爷", 1, 1955, 3, 1, 1, 1, 1),
	};
	enum household_class cls[2];
	struct household_result r;

	household_assess(m, 2, today, cls, &r);
	ck_assert_int_eq(cls[1], HOUSEHOLD_RETIRED);
	ck_assert_int_eq(r.suspected_zero, 1);
}
END_TEST

START_TEST(test_sixteenth_birthday)
{
	struct household_member m[] = {
		P("小明", 1, 2008, 5, 6, 1, 1, 0),
	};
	struct household_result r;
	bf_date day_before = { 2024, 5, 5 };
	enum household_class cls[1];

	household_assess(m, 1, day_before, cls, &r);
	ck_assert_int_eq(cls[0], HOUSEHOLD_UNDER_AGE);
	ck_assert_int_eq(r.state, HOUSEHOLD_NONE_ELIGIBLE);
	household_assess(m, 1, today, cls, &r);		/* 16 today */
	ck_assert_int_eq(cls[0], HOUSEHOLD_UNEMPLOYED);
	ck_assert_int_eq(r.suspected_zero, 1);
}
END_TEST

START_TEST(test_leap_day_sixteenth_birthday)
{
	/* born 2008-02-29: 16 on 2024-02-29 */
	struct household_member m[] = {
		P("小红", 2, 2008, 2, 29, 1, 1, 0),
	};
	bf_date d28 = { 2024, 2, 28 }, d29 = { 2024, 2, 29 };
	enum household_class cls[1];
	struct household_result r;

	household_assess(m, 1, d28, cls, &r);
	ck_assert_int_eq(cls[0], HOUSEHOLD_UNDER_AGE);
	household_assess(m, 1, d29, cls, &r);
	ck_assert_int_eq(cls[0], HOUSEHOLD_UNEMPLOYED);
}
END_TEST

START_TEST(test_retirement_day)
{
	/* man born 1965-01-15 retires 2025-02-15; woman (50) born 1975-01-10 on 2025-02-10 */
	struct household_member m[] = {
		P("老张", 1, 1965, 1, 15, 1, 1, 0),
		P("老李", 2, 1975, 1, 10, 1, 1, 0),
	};
	bf_date a = { 2025, 2, 9 }, b = { 2025, 2, 10 }, c = { 2025, 2, 15 };
	enum household_class cls[2];
	struct household_result r;

	household_assess(m, 2, a, cls, &r);
	ck_assert_int_eq(r.n_unemployed, 2);
	household_assess(m, 2, b, cls, &r);
	ck_assert_int_eq(cls[0], HOUSEHOLD_UNEMPLOYED);
	ck_assert_int_eq(cls[1], HOUSEHOLD_RETIRED);
	/* on the 55 basis she is still of working age */
	m[1].basis = RETIRE_FEMALE_55;
	household_assess(m, 2, b, cls, &r);
	ck_assert_int_eq(cls[1], HOUSEHOLD_UNEMPLOYED);
	household_assess(m, 2, c, cls, &r);
	ck_assert_int_eq(cls[0], HOUSEHOLD_RETIRED);
	ck_assert_int_eq(r.n_unemployed, 1);
}
END_TEST

START_TEST(test_unknown_birth_and_names)
{
	struct household_member m[] = {
		P(NULL, 1, 1978, 3, 1, 1, 1, 0),
		P("", 2, 0, 0, 0, 1, 1, 1),		/* unknown birth, employed */
		P("王五", 1, 1985, 2, 29, 1, 1, 0),	/* not a real day */
	};
	enum household_class cls[3];
	struct household_result r;

	household_assess(m, 3, today, cls, &r);
	ck_assert_int_eq(cls[1], HOUSEHOLD_NO_BIRTH);
	ck_assert_int_eq(cls[2], HOUSEHOLD_NO_BIRTH);
	ck_assert_int_eq(r.suspected_zero, 1);
	ck_assert_str_eq(r.why,
	    "劳动年龄内有劳动能力和就业意愿的 1 人（成员 1）未就业 → 疑似零就业家庭，请核实"
	    "；2 人出生日期不详（成员 2、王五），未计入");
}
END_TEST

START_TEST(test_empty_and_large)
{
	struct household_member m[40];
	struct household_result r;
	size_t i;

	household_assess(NULL, 0, today, NULL, &r);
	ck_assert_int_eq(r.state, HOUSEHOLD_NONE_ELIGIBLE);
	/* more members than the internal stack array; no class array given */
	for (i = 0; i < 40; i++)
		m[i] = P("某某某某某某某某", 1, 1980, 1, 1, 1, 1, 0);
	household_assess(m, 40, today, NULL, &r);
	ck_assert_int_eq(r.n_unemployed, 40);
	ck_assert_int_eq(r.suspected_zero, 1);
	/* the explanation is clipped on a character boundary */
	ck_assert_uint_lt(strlen(r.why), HOUSEHOLD_WHY_MAX);
	ck_assert_uint_gt(strlen(r.why), HOUSEHOLD_WHY_MAX - 4);
	ck_assert(utf8_whole(r.why));
}
END_TEST

START_TEST(test_labels)
{
	ck_assert_str_eq(household_class_label(HOUSEHOLD_UNEMPLOYED), "未就业");
	ck_assert_str_eq(household_class_label(HOUSEHOLD_EMPLOYED), "已就业");
	ck_assert_str_eq(household_class_label(HOUSEHOLD_RETIRED), "已达退休年龄");
	ck_assert_str_eq(household_class_label(HOUSEHOLD_UNDER_AGE), "未满 16 周岁");
	ck_assert_str_eq(household_class_label((enum household_class)99), "");
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("core_household");
	TCase *tc = tcase_create("household");

	tcase_add_test(tc, test_zero_employment);
	tcase_add_test(tc, test_one_employed_clears);
	tcase_add_test(tc, test_unable_and_unwilling_not_counted);
	tcase_add_test(tc, test_employed_outside_working_age_does_not_clear);
	tcase_add_test(tc, test_sixteenth_birthday);
	tcase_add_test(tc, test_leap_day_sixteenth_birthday);
	tcase_add_test(tc, test_retirement_day);
	tcase_add_test(tc, test_unknown_birth_and_names);
	tcase_add_test(tc, test_empty_and_large);
	tcase_add_test(tc, test_labels);
	suite_add_tcase(s, tc);
	return s;
}
