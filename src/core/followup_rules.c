/*
 * followup_rules.c -- when the next follow-up is due.
 *
 * Intervals count in calendar months with month-end clamping (a contact on
 * 01-31 makes the next one due 02-28 or 02-29).  A follow-up due today is
 * not yet overdue; the six-month warning holds from the day six months
 * after the last contact.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/followup_rules.h"
#include "util/error.h"

#define FOLLOWUP_CANCEL_MONTHS 6	/* what reason 9 requires */

/* Monthly while unemployed; stability at 1, 3 and 6 months; warn after 6. */
void
followup_params_default(struct followup_params *p)
{
	memset(p, 0, sizeof *p);
	p->unemployed_months = 1;
	p->stability_months[0] = 1;
	p->stability_months[1] = 3;
	p->stability_months[2] = 6;
	p->nstability = 3;
	p->no_contact_months = 6;
}

/* p, or the defaults in *buf when p is NULL. */
static const struct followup_params *
followup_params_or_default(const struct followup_params *p, struct followup_params *buf)
{
	if (p != NULL)
		return p;
	followup_params_default(buf);
	return buf;
}

/* The later of registered_on and *last_contact. */
static bf_date
followup_since(bf_date registered_on, const bf_date *last_contact)
{
	if (last_contact != NULL && date_cmp(*last_contact, registered_on) > 0)
		return *last_contact;
	return registered_on;
}

/* Due date of the next monthly follow-up of a registered unemployed person. */
bf_date
followup_next_unemployed(const struct followup_params *p, bf_date registered_on,
    const bf_date *last_contact)
{
	struct followup_params def;

	p = followup_params_or_default(p, &def);
	return date_add_months(followup_since(registered_on, last_contact),
	    p->unemployed_months);
}

/* Fill *out for the i-th stability follow-up of a job started on started_on. */
static void
followup_stability_at(const struct followup_params *p, bf_date started_on, int i,
    struct followup_due *out)
{
	out->months = p->stability_months[i];
	out->due = date_add_months(started_on, out->months);
	snprintf(out->kind, sizeof out->kind, "stable_%dm", out->months % 1000);
}

/* How many stability follow-ups p asks for (clamped to the array). */
static int
followup_nstability(const struct followup_params *p)
{
	if (p->nstability < 0)
		return 0;
	return p->nstability < FOLLOWUP_MAX_STABILITY ? p->nstability
	    : FOLLOWUP_MAX_STABILITY;
}

/* Every stability follow-up of a job started on started_on; returns how many. */
int
followup_stability_schedule(const struct followup_params *p, bf_date started_on,
    struct followup_due out[FOLLOWUP_MAX_STABILITY])
{
	struct followup_params def;
	int i, n;

	p = followup_params_or_default(p, &def);
	n = followup_nstability(p);
	for (i = 0; i < n; i++)
		followup_stability_at(p, started_on, i, &out[i]);
	return n;
}

/* The next stability follow-up after done of them: 1 and *out, or 0 if none is left. */
int
followup_next_stability(const struct followup_params *p, bf_date started_on, int done,
    struct followup_due *out)
{
	struct followup_params def;

	p = followup_params_or_default(p, &def);
	if (done < 0)
		done = 0;
	if (done >= followup_nstability(p))
		return 0;
	followup_stability_at(p, started_on, done, out);
	return 1;
}

/* The day from which the no-contact warning holds. */
bf_date
followup_no_contact_date(const struct followup_params *p, bf_date registered_on,
    const bf_date *last_contact)
{
	struct followup_params def;

	p = followup_params_or_default(p, &def);
	return date_add_months(followup_since(registered_on, last_contact),
	    p->no_contact_months);
}

static void followup_msg(char *, size_t, const char *, ...)
	__attribute__((format(printf, 3, 4)));

/* Format into msg (msglen bytes, may be NULL), clipped on a character boundary. */
static void
followup_msg(char *msg, size_t msglen, const char *fmt, ...)
{
	char tmp[FOLLOWUP_MSG_MAX * 2];
	va_list ap;
	size_t n;

	if (msg == NULL || msglen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	n = utf8_clip(tmp, msglen - 1);
	memcpy(msg, tmp, n);
	msg[n] = '\0';
}

/* 1 if the no-contact warning holds today; msg gets it (or ""). */
int
followup_no_contact(const struct followup_params *p, bf_date registered_on,
    const bf_date *last_contact, bf_date today, char *msg, size_t msglen)
{
	struct followup_params def;
	char since[DATE_ISO_LEN];
	int contacted;

	p = followup_params_or_default(p, &def);
	if (date_cmp(today, followup_no_contact_date(p, registered_on, last_contact)) < 0) {
		followup_msg(msg, msglen, "%s", "");
		return 0;
	}
	contacted = last_contact != NULL && date_cmp(*last_contact, registered_on) >= 0;
	date_format(followup_since(registered_on, last_contact), since);
	/* reason 9 needs six full months; a shorter site setting only warns */
	followup_msg(msg, msglen, "已连续 %d 个月未联系（%s %s）%s",
	    p->no_contact_months, contacted ? "最后联系" : "登记后未联系，登记于",
	    since, p->no_contact_months >= FOLLOWUP_CANCEL_MONTHS ?
	    "，可按注销原因 " FOLLOWUP_CANCEL_NO_CONTACT
	    "“连续 6 个月未与公共就业服务机构联系”注销失业登记" : "");
	return 1;
}

/* Days a follow-up due on due is overdue on today (0 if due today or later). */
long
followup_days_overdue(bf_date due, bf_date today)
{
	long d = date_diff_days(due, today);

	return d > 0 ? d : 0;
}
