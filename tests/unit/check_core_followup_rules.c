/*
 * check_core_followup_rules.c -- unit tests for src/core/followup_rules.c:
 * monthly follow-ups, the 1/3/6-month stability schedule, the six-month
 * no-contact warning, month-end and leap-day dates, custom intervals.
 */
#include "config.h"

#include <string.h>

#include "runner.h"
#include "core/followup_rules.h"

/* A date literal for the tests. */
static bf_date
D(int y, int m, int d)
{
	bf_date r;

	r.y = y;
	r.m = m;
	r.d = d;
	return r;
}

/* d as ISO text (one of two rotating buffers). */
static const char *
iso(bf_date d)
{
	static char buf[2][DATE_ISO_LEN];
	static int i;

	i = !i;
	date_format(d, buf[i]);
	return buf[i];
}

START_TEST(test_defaults)
{
	struct followup_params p;

	followup_params_default(&p);
	ck_assert_int_eq(p.unemployed_months, 1);
	ck_assert_int_eq(p.nstability, 3);
	ck_assert_int_eq(p.stability_months[0], 1);
	ck_assert_int_eq(p.stability_months[1], 3);
	ck_assert_int_eq(p.stability_months[2], 6);
	ck_assert_int_eq(p.no_contact_months, 6);
}
END_TEST

START_TEST(test_monthly)
{
	bf_date last = D(2024, 4, 20), early = D(2024, 2, 1);

	/* no contact yet: a month after registration */
	ck_assert_str_eq(iso(followup_next_unemployed(NULL, D(2024, 3, 15), NULL)),
	    "2024-04-15");
	/* a month after the last contact */
	ck_assert_str_eq(iso(followup_next_unemployed(NULL, D(2024, 3, 15), &last)),
	    "2024-05-20");
	/* a contact from before the registration does not count */
	ck_assert_str_eq(iso(followup_next_unemployed(NULL, D(2024, 3, 15), &early)),
	    "2024-04-15");
	/* month ends clamp */
	ck_assert_str_eq(iso(followup_next_unemployed(NULL, D(2024, 1, 31), NULL)),
	    "2024-02-29");
	ck_assert_str_eq(iso(followup_next_unemployed(NULL, D(2023, 1, 31), NULL)),
	    "2023-02-28");
	ck_assert_str_eq(iso(followup_next_unemployed(NULL, D(2024, 12, 15), NULL)),
	    "2025-01-15");
}
END_TEST

START_TEST(test_monthly_custom_interval)
{
	struct followup_params p;

	followup_params_default(&p);
	p.unemployed_months = 2;
	ck_assert_str_eq(iso(followup_next_unemployed(&p, D(2024, 3, 15), NULL)),
	    "2024-05-15");
}
END_TEST

START_TEST(test_stability_schedule)
{
	struct followup_due due[FOLLOWUP_MAX_STABILITY];
	int n;

	n = followup_stability_schedule(NULL, D(2024, 1, 31), due);
	ck_assert_int_eq(n, 3);
	ck_assert_str_eq(iso(due[0].due), "2024-02-29");
	ck_assert_int_eq(due[0].months, 1);
	ck_assert_str_eq(due[0].kind, "stable_1m");
	ck_assert_str_eq(iso(due[1].due), "2024-04-30");
	ck_assert_str_eq(due[1].kind, "stable_3m");
	ck_assert_str_eq(iso(due[2].due), "2024-07-31");
	ck_assert_str_eq(due[2].kind, "stable_6m");
	/* a job started on a leap day */
	n = followup_stability_schedule(NULL, D(2024, 2, 29), due);
	ck_assert_str_eq(iso(due[0].due), "2024-03-29");
	ck_assert_str_eq(iso(due[2].due), "2024-08-29");
}
END_TEST

START_TEST(test_next_stability)
{
	struct followup_due d;

	ck_assert_int_eq(followup_next_stability(NULL, D(2024, 5, 6), 0, &d), 1);
	ck_assert_str_eq(iso(d.due), "2024-06-06");
	ck_assert_str_eq(d.kind, "stable_1m");
	ck_assert_int_eq(followup_next_stability(NULL, D(2024, 5, 6), 1, &d), 1);
	ck_assert_str_eq(iso(d.due), "2024-08-06");
	ck_assert_int_eq(followup_next_stability(NULL, D(2024, 5, 6), 2, &d), 1);
	ck_assert_str_eq(iso(d.due), "2024-11-06");
	ck_assert_str_eq(d.kind, "stable_6m");
	ck_assert_int_eq(followup_next_stability(NULL, D(2024, 5, 6), 3, &d), 0);
	ck_assert_int_eq(followup_next_stability(NULL, D(2024, 5, 6), -1, &d), 1);
	ck_assert_str_eq(d.kind, "stable_1m");
}
END_TEST

START_TEST(test_stability_custom)
{
	struct followup_params p;
	struct followup_due due[FOLLOWUP_MAX_STABILITY];

	followup_params_default(&p);
	p.stability_months[3] = 12;
	p.nstability = 4;
	ck_assert_int_eq(followup_stability_schedule(&p, D(2024, 5, 6), due), 4);
	ck_assert_str_eq(due[3].kind, "stable_12m");
	ck_assert_str_eq(iso(due[3].due), "2025-05-06");
	p.nstability = 99;	/* clamped to the array */
	ck_assert_int_eq(followup_stability_schedule(&p, D(2024, 5, 6), due),
	    FOLLOWUP_MAX_STABILITY);
	p.nstability = 0;
	ck_assert_int_eq(followup_stability_schedule(&p, D(2024, 5, 6), due), 0);
}
END_TEST

START_TEST(test_no_contact)
{
	bf_date last = D(2023, 11, 5);
	char msg[FOLLOWUP_MSG_MAX];

	ck_assert_str_eq(iso(followup_no_contact_date(NULL, D(2023, 6, 1), &last)),
	    "2024-05-05");
	/* the day before six months: no warning */
	strcpy(msg, "x");
	ck_assert_int_eq(followup_no_contact(NULL, D(2023, 6, 1), &last, D(2024, 5, 4),
	    msg, sizeof msg), 0);
	ck_assert_str_eq(msg, "");
	/* six months on the day */
	ck_assert_int_eq(followup_no_contact(NULL, D(2023, 6, 1), &last, D(2024, 5, 5),
	    msg, sizeof msg), 1);
	ck_assert_str_eq(msg,
	    "已连续 6 个月未联系（最后联系 2023-11-05），可按注销原因 9“连续 6 个月未与公共就业服务机构联系”注销失业登记");
	/* never contacted: counted from the registration */
	ck_assert_int_eq(followup_no_contact(NULL, D(2023, 8, 31), NULL, D(2024, 2, 28),
	    msg, sizeof msg), 0);
	ck_assert_int_eq(followup_no_contact(NULL, D(2023, 8, 31), NULL, D(2024, 2, 29),
	    msg, sizeof msg), 1);
	ck_assert_str_eq(msg,
	    "已连续 6 个月未联系（登记后未联系，登记于 2023-08-31），可按注销原因 9“连续 6 个月未与公共就业服务机构联系”注销失业登记");
	/* msg may be NULL */
	ck_assert_int_eq(followup_no_contact(NULL, D(2023, 8, 31), NULL, D(2025, 1, 1),
	    NULL, 0), 1);
	/* clipped on a character boundary */
	ck_assert_int_eq(followup_no_contact(NULL, D(2023, 8, 31), NULL, D(2025, 1, 1),
	    msg, 8), 1);
	ck_assert_str_eq(msg, "已连");
}
END_TEST

START_TEST(test_no_contact_shorter_setting)
{
	struct followup_params p;
	char msg[FOLLOWUP_MSG_MAX];

	followup_params_default(&p);
	p.no_contact_months = 3;
	ck_assert_int_eq(followup_no_contact(&p, D(2024, 1, 10), NULL, D(2024, 4, 10),
	    msg, sizeof msg), 1);
	/* three months is a warning, not a reason to cancel */
	ck_assert_str_eq(msg, "已连续 3 个月未联系（登记后未联系，登记于 2024-01-10）");
}
END_TEST

START_TEST(test_days_overdue)
{
	ck_assert_int_eq(followup_days_overdue(D(2024, 5, 6), D(2024, 5, 6)), 0);
	ck_assert_int_eq(followup_days_overdue(D(2024, 5, 6), D(2024, 5, 1)), 0);
	ck_assert_int_eq(followup_days_overdue(D(2024, 5, 6), D(2024, 5, 7)), 1);
	ck_assert_int_eq(followup_days_overdue(D(2024, 2, 28), D(2024, 3, 1)), 2);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("core_followup_rules");
	TCase *tc = tcase_create("followup_rules");

	tcase_add_test(tc, test_defaults);
	tcase_add_test(tc, test_monthly);
	tcase_add_test(tc, test_monthly_custom_interval);
	tcase_add_test(tc, test_stability_schedule);
	tcase_add_test(tc, test_next_stability);
	tcase_add_test(tc, test_stability_custom);
	tcase_add_test(tc, test_no_contact);
	tcase_add_test(tc, test_no_contact_shorter_setting);
	tcase_add_test(tc, test_days_overdue);
	suite_add_tcase(s, tc);
	return s;
}
