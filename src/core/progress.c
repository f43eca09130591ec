/*
 * progress.c -- how far a plan has got.
 *
 * Each measure counts at most its target toward the plan's figure, so
 * seven job referrals against a target of three do not hide a training
 * course not yet given: the overall percentage reaches 100 only when every
 * measure is done.  Percentages round down for the same reason.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/progress.h"
#include "util/error.h"

/* What a measure contributes: delivered clamped to 0..target. */
static long
progress_capped(const struct progress_measure *m)
{
	long target = m->target > 0 ? m->target : 0;

	if (m->delivered <= 0)
		return 0;
	return m->delivered < target ? m->delivered : target;
}

/* 1 if the measure has delivered its target (a target of 0 is done). */
int
progress_measure_done(const struct progress_measure *m)
{
	return m->delivered >= m->target;
}

/* 1 if the measure is not done and its due date is before today. */
int
progress_measure_overdue(const struct progress_measure *m, bf_date today)
{
	return !progress_measure_done(m) && m->has_due && date_cmp(m->due, today) < 0;
}

/* floor(100 * part / whole) for whole > 0. */
static int
progress_percent(long part, long whole)
{
	return (int)(part * 100 / whole);
}

/* One measure's percentage, 0..100 (100 for a target of 0). */
int
progress_measure_percent(const struct progress_measure *m)
{
	if (m->target <= 0)
		return 100;
	return progress_percent(progress_capped(m), m->target);
}

/* Sum up the n measures as of today into *out. */
void
progress_compute(const struct progress_measure *m, size_t n, bf_date today,
    struct progress *out)
{
	size_t i;

	out->measures = (int)n;
	out->done = out->overdue = 0;
	out->target_total = out->delivered_total = 0;
	for (i = 0; i < n; i++) {
		out->target_total += m[i].target > 0 ? m[i].target : 0;
		out->delivered_total += progress_capped(&m[i]);
		out->done += progress_measure_done(&m[i]);
		out->overdue += progress_measure_overdue(&m[i], today);
	}
	out->all_done = n > 0 && out->done == out->measures;
	if (out->target_total > 0)
		out->percent = progress_percent(out->delivered_total, out->target_total);
	else
		out->percent = out->all_done ? 100 : 0;
}

/* A one-line summary for lists and reports, clipped on a character boundary. */
void
progress_summary(const struct progress *p, char *buf, size_t len)
{
	char tmp[PROGRESS_SUMMARY_MAX * 2];
	size_t n;
	int k;

	if (len == 0)
		return;
	if (p->measures == 0)
		snprintf(tmp, sizeof tmp, "没有帮扶措施");
	else {
		k = snprintf(tmp, sizeof tmp, "%d/%d 项措施完成，服务 %ld/%ld 次（%d%%）",
		    p->done, p->measures, p->delivered_total, p->target_total,
		    p->percent);
		if (p->overdue > 0 && k > 0 && (size_t)k < sizeof tmp)
			snprintf(tmp + k, sizeof tmp - (size_t)k, "，逾期 %d 项",
			    p->overdue);
	}
	n = utf8_clip(tmp, len - 1);
	memcpy(buf, tmp, n);
	buf[n] = '\0';
}
