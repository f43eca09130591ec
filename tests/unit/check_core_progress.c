/*
 * check_core_progress.c -- unit tests for src/core/progress.c: per-measure
 * figures, capping at the target, rounding down, overdue measures, "all
 * done", and the summary line.
 */
#include "config.h"

#include <string.h>

#include "runner.h"
#include "core/progress.h"

static const bf_date today = { 2024, 5, 6 };

/* A measure with target t, delivered d, due on due (has_due if due.y != 0). */
static struct progress_measure
M(int t, int d, int y, int m, int day)
{
	struct progress_measure r;

	r.target = t;
	r.delivered = d;
	r.has_due = y != 0;
	r.due.y = y;
	r.due.m = m;
	r.due.d = day;
	return r;
}

START_TEST(test_measure)
{
	struct progress_measure m = M(3, 1, 2024, 6, 1);

	ck_assert_int_eq(progress_measure_percent(&m), 33);
	ck_assert(!progress_measure_done(&m));
	ck_assert(!progress_measure_overdue(&m, today));
	m.delivered = 3;
	ck_assert_int_eq(progress_measure_percent(&m), 100);
	ck_assert(progress_measure_done(&m));
	m.delivered = 7;			/* over-delivered: still 100 */
	ck_assert_int_eq(progress_measure_percent(&m), 100);
	m = M(0, 0, 0, 0, 0);			/* nothing to deliver */
	ck_assert_int_eq(progress_measure_percent(&m), 100);
	ck_assert(progress_measure_done(&m));
	m = M(2, -1, 0, 0, 0);			/* bad input counts as none */
	ck_assert_int_eq(progress_measure_percent(&m), 0);
}
END_TEST

START_TEST(test_overdue_boundary)
{
	struct progress_measure m = M(1, 0, 2024, 5, 6);

	ck_assert(!progress_measure_overdue(&m, today));	/* due today */
	m.due.d = 5;
	ck_assert(progress_measure_overdue(&m, today));		/* due yesterday */
	m.delivered = 1;
	ck_assert(!progress_measure_overdue(&m, today));	/* done */
	m = M(1, 0, 0, 0, 0);
	ck_assert(!progress_measure_overdue(&m, today));	/* no due date */
}
END_TEST

START_TEST(test_plan_capped)
{
	/* the 1-3-1-1 graduate package: guidance 1, referrals 3, training 1, internship 1 */
	struct progress_measure m[] = {
		M(1, 1, 2024, 4, 30),
		M(3, 7, 2024, 5, 31),	/* seven referrals count as three */
		M(1, 0, 2024, 5, 1),	/* overdue */
		M(1, 0, 2024, 6, 30),
	};
	struct progress p;

	progress_compute(m, 4, today, &p);
	ck_assert_int_eq(p.measures, 4);
	ck_assert_int_eq(p.done, 2);
	ck_assert_int_eq(p.overdue, 1);
	ck_assert_int_eq(p.target_total, 6);
	ck_assert_int_eq(p.delivered_total, 4);
	ck_assert_int_eq(p.percent, 66);	/* 4/6 rounds down */
	ck_assert_int_eq(p.all_done, 0);
	m[2].delivered = 1;
	m[3].delivered = 1;
	progress_compute(m, 4, today, &p);
	ck_assert_int_eq(p.percent, 100);
	ck_assert_int_eq(p.all_done, 1);
	ck_assert_int_eq(p.overdue, 0);
}
END_TEST

START_TEST(test_never_100_until_done)
{
	struct progress_measure m[2];
	struct progress p;

	m[0] = M(199, 199, 0, 0, 0);
	m[1] = M(1, 0, 0, 0, 0);
	progress_compute(m, 2, today, &p);
	ck_assert_int_eq(p.percent, 99);
	ck_assert_int_eq(p.all_done, 0);
}
END_TEST

START_TEST(test_empty_and_zero_targets)
{
	struct progress_measure m[2];
	struct progress p;

	progress_compute(NULL, 0, today, &p);
	ck_assert_int_eq(p.measures, 0);
	ck_assert_int_eq(p.percent, 0);
	ck_assert_int_eq(p.all_done, 0);
	m[0] = M(0, 0, 0, 0, 0);
	m[1] = M(0, 2, 0, 0, 0);
	progress_compute(m, 2, today, &p);
	ck_assert_int_eq(p.target_total, 0);
	ck_assert_int_eq(p.delivered_total, 0);
	ck_assert_int_eq(p.percent, 100);
	ck_assert_int_eq(p.all_done, 1);
}
END_TEST

START_TEST(test_summary)
{
	struct progress_measure m[] = {
		M(1, 1, 0, 0, 0), M(3, 2, 2024, 5, 1), M(1, 0, 2024, 5, 5),
	};
	struct progress p;
	char buf[PROGRESS_SUMMARY_MAX];

	progress_compute(m, 3, today, &p);
	progress_summary(&p, buf, sizeof buf);
	ck_assert_str_eq(buf, "1/3 项措施完成，服务 3/5 次（60%），逾期 2 项");
	m[1].delivered = 3;
	m[2].delivered = 1;
	progress_compute(m, 3, today, &p);
	progress_summary(&p, buf, sizeof buf);
	ck_assert_str_eq(buf, "3/3 项措施完成，服务 5/5 次（100%）");
	progress_compute(NULL, 0, today, &p);
	progress_summary(&p, buf, sizeof buf);
	ck_assert_str_eq(buf, "没有帮扶措施");
	/* clipped on a character boundary: "没有" is 6 bytes */
	progress_summary(&p, buf, 8);
	ck_assert_str_eq(buf, "没有");
	progress_summary(&p, buf, 1);
	ck_assert_str_eq(buf, "");
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("core_progress");
	TCase *tc = tcase_create("progress");

	tcase_add_test(tc, test_measure);
	tcase_add_test(tc, test_overdue_boundary);
	tcase_add_test(tc, test_plan_capped);
	tcase_add_test(tc, test_never_100_until_done);
	tcase_add_test(tc, test_empty_and_zero_targets);
	tcase_add_test(tc, test_summary);
	suite_add_tcase(s, tc);
	return s;
}
