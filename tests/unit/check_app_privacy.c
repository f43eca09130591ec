/*
 * check_app_privacy.c -- the masking policy: a caseworker sees the phone
 * and address of their persons but not the ID or certificate numbers;
 * supervisors and administrators see everything masked; revealing shows
 * everything to anyone.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "app/privacy.h"
#include "forms/model.h"
#include "runner.h"

/* A pii field of type t with mask m (NULL: the type's default). */
static struct form_field
field(enum form_type t, const char *m)
{
	struct form_field f;

	memset(&f, 0, sizeof f);
	f.type = t;
	f.pii = 1;
	f.mask = (char *)m;
	return f;
}

/* privacy_display, compared and freed. */
static void
shows(const char *role, const struct form_field *f, const char *v, int revealed, const char *want)
{
	char *got = privacy_display(role, f, v, revealed);

	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(test_policy_table)
{
	struct form_field phone = field(FT_PHONE, NULL), id = field(FT_ID_CARD, NULL);
	struct form_field cert = field(FT_TEXT, "last4"), addr = field(FT_TEXT, "all");

	ck_assert_int_eq(privacy_full("caseworker", "phone"), 1);
	ck_assert_int_eq(privacy_full("caseworker", "idcard"), 0);
	ck_assert_int_eq(privacy_full("supervisor", "phone"), 0);
	ck_assert_int_eq(privacy_full("admin", "all"), 0);
	shows("caseworker", &phone, "13812345678", 0, "13812345678");
	shows("caseworker", &addr, "解放碑1号", 0, "解放碑1号");
	{
		char *m = privacy_display("caseworker", &id, "500103199001011234", 0);

		ck_assert_str_ne(m, "500103199001011234");
		free(m);
	}
	shows("supervisor", &phone, "13812345678", 1, "13812345678");
	shows("admin", &cert, "51010219900101123441", 1, "51010219900101123441");
}
END_TEST

START_TEST(test_masked_for_supervisors)
{
	struct form_field phone = field(FT_PHONE, NULL), addr = field(FT_TEXT, "all");
	char *a = privacy_display("supervisor", &phone, "13812345678", 0);
	char *b = privacy_display("admin", &addr, "解放碑1号", 0);

	ck_assert_ptr_null(strstr(a, "1234"));
	ck_assert_ptr_null(strstr(b, "解放碑"));
	free(a);
	free(b);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("app_privacy");
	TCase *tc = tcase_create("privacy");

	tcase_add_test(tc, test_policy_table);
	tcase_add_test(tc, test_masked_for_supervisors);
	suite_add_tcase(s, tc);
	return s;
}
