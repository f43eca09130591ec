/*
 * progress.h -- how far a plan (一人一策) has got: per measure delivered
 * against target, the plan's overall percentage, what is overdue, and
 * whether everything is done.  The store feeds one struct per measure.
 */
#ifndef BF_CORE_PROGRESS_H
#define BF_CORE_PROGRESS_H

#include <stddef.h>

#include "core/date.h"

#define PROGRESS_SUMMARY_MAX 128

struct progress_measure {
	int	target;		/* planned count (plan_measure.target_count), >= 0 */
	int	delivered;	/* services counted toward it */
	int	has_due;
	bf_date	due;		/* plan_measure.due_on */
};

struct progress {
	int	measures;		/* how many measures */
	int	done;			/* measures with delivered >= target */
	int	overdue;		/* not done and due before today */
	long	target_total;		/* sum of targets */
	long	delivered_total;	/* sum of delivered, each capped at its target */
	int	percent;		/* floor(100 * delivered_total / target_total); 100 only when all done */
	int	all_done;		/* 1 if there is a measure and every one is done */
};

int	progress_measure_done(const struct progress_measure *m);                 /* delivered >= target */
int	progress_measure_overdue(const struct progress_measure *m, bf_date today); /* not done, due < today */
int	progress_measure_percent(const struct progress_measure *m);              /* 0..100, floor; 100 if target 0 */
/* Sum up n measures (m may be NULL when n is 0) as of today. */
void	progress_compute(const struct progress_measure *m, size_t n, bf_date today, struct progress *out);
/* "3/5 项措施完成，服务 7/9 次（77%），逾期 1 项" into buf (clipped to len). */
void	progress_summary(const struct progress *p, char *buf, size_t len);

#endif
