/*
 * followup_rules.h -- when the next follow-up (回访) is due: monthly while
 * a person is registered unemployed, stability checks 1, 3 and 6 months
 * after a job starts, and the warning when there has been no contact for
 * six months (cancellation reason 9 of domain-data.md §3.2: 连续 6 个月未
 * 与公共就业服务机构联系).  Every interval is a parameter; a NULL params
 * pointer means the defaults.
 */
#ifndef BF_CORE_FOLLOWUP_RULES_H
#define BF_CORE_FOLLOWUP_RULES_H

#include <stddef.h>

#include "core/date.h"

#define FOLLOWUP_MAX_STABILITY 6
#define FOLLOWUP_KIND_MAX 16
#define FOLLOWUP_CANCEL_NO_CONTACT "9"	/* registration.cancel_reason code */
#define FOLLOWUP_MSG_MAX 256

struct followup_params {
	int	unemployed_months;			/* 1: monthly while unemployed */
	int	stability_months[FOLLOWUP_MAX_STABILITY]; /* 1, 3, 6 */
	int	nstability;				/* 3 */
	int	no_contact_months;			/* 6 */
};

/* One scheduled stability follow-up. */
struct followup_due {
	bf_date	due;
	int	months;				/* after the job started */
	char	kind[FOLLOWUP_KIND_MAX];	/* followup.kind: "stable_1m" */
};

void	followup_params_default(struct followup_params *p);
/* Monthly follow-up: unemployed_months after the later of registered_on and *last_contact (NULL: no contact yet). */
bf_date	followup_next_unemployed(const struct followup_params *p, bf_date registered_on,
	    const bf_date *last_contact);
/* Stability follow-ups for a job started on started_on, in order; returns how many. */
int	followup_stability_schedule(const struct followup_params *p, bf_date started_on,
	    struct followup_due out[FOLLOWUP_MAX_STABILITY]);
/* The first not yet done (done = how many are done): 1 with *out set, or 0 if all are done. */
int	followup_next_stability(const struct followup_params *p, bf_date started_on, int done,
	    struct followup_due *out);
/* The day on which "no contact for no_contact_months" begins to hold. */
bf_date	followup_no_contact_date(const struct followup_params *p, bf_date registered_on,
	    const bf_date *last_contact);
/*
 * 1 if there has been no contact since the later of registered_on and
 * *last_contact for no_contact_months by today; msg (may be NULL) gets the
 * warning, "" when there is none: "已连续 6 个月未联系（最后联系
 * 2023-11-05），可按注销原因 9“连续 6 个月未与公共就业服务机构联系”注销失业登记".
 */
int	followup_no_contact(const struct followup_params *p, bf_date registered_on,
	    const bf_date *last_contact, bf_date today, char *msg, size_t msglen);
long	followup_days_overdue(bf_date due, bf_date today);  /* today - due; 0 if not yet overdue */

#endif
