/*
 * casestate.c -- the life cycle of a case and which moves are allowed.
 *
 * The statuses and the allowed moves are two tables; nothing else here
 * knows the rules.  A move either needs a reason (closing, reopening after
 * a lost job, registering a closed case again) or does not.
 */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "core/casestate.h"
#include "core/normalize.h"
#include "util/strbuf.h"

/* Code stored in person.status and the label people see, by status. */
static const struct case_status_info {
	const char *code;
	const char *label;
} case_statuses[CASE_NSTATUS] = {
	[CASE_REGISTERED] = { "registered", "已登记" },
	[CASE_RECOGNISED] = { "recognised", "已认定" },
	[CASE_ASSISTING] =  { "assisting",  "帮扶中" },
	[CASE_EMPLOYED] =   { "employed",   "已就业" },
	[CASE_STABLE] =     { "stable",     "稳定就业" },
	[CASE_CLOSED] =     { "closed",     "已退出" },
};

/* Every allowed move, in the order a menu offers them. */
static const struct case_transition {
	enum case_status from, to;
	const char *label;
	int	needs_reason;
} case_transitions[] = {
	{ CASE_REGISTERED, CASE_RECOGNISED, "认定",     0 },
	{ CASE_REGISTERED, CASE_ASSISTING,  "纳入帮扶", 0 },
	{ CASE_REGISTERED, CASE_EMPLOYED,   "实现就业", 0 },
	{ CASE_REGISTERED, CASE_CLOSED,     "退出",     1 },
	{ CASE_RECOGNISED, CASE_ASSISTING,  "纳入帮扶", 0 },
	{ CASE_RECOGNISED, CASE_EMPLOYED,   "实现就业", 0 },
	{ CASE_RECOGNISED, CASE_CLOSED,     "退出",     1 },
	{ CASE_ASSISTING,  CASE_EMPLOYED,   "实现就业", 0 },
	{ CASE_ASSISTING,  CASE_CLOSED,     "退出",     1 },
	{ CASE_EMPLOYED,   CASE_STABLE,     "稳定就业", 0 },
	{ CASE_EMPLOYED,   CASE_ASSISTING,  "失业重开", 1 },
	{ CASE_EMPLOYED,   CASE_CLOSED,     "退出",     1 },
	{ CASE_STABLE,     CASE_ASSISTING,  "失业重开", 1 },
	{ CASE_STABLE,     CASE_CLOSED,     "退出",     1 },
	{ CASE_CLOSED,     CASE_REGISTERED, "重新登记", 1 },
};

#define CASE_NTRANSITIONS (sizeof case_transitions / sizeof case_transitions[0])

/* 1 if s is one of the statuses. */
static int
case_status_ok(enum case_status s)
{
	return (int)s >= 0 && s < CASE_NSTATUS;
}

/* "registered" for CASE_REGISTERED; "" for a value outside the enum. */
const char *
case_status_code(enum case_status s)
{
	return case_status_ok(s) ? case_statuses[s].code : "";
}

/* "已登记" for CASE_REGISTERED; "未知状态" for a value outside the enum. */
const char *
case_status_label(enum case_status s)
{
	return case_status_ok(s) ? case_statuses[s].label : "未知状态";
}

/* The status stored as code; BF_EINVAL for anything else (NULL included). */
int
case_status_from_code(const char *code, enum case_status *out)
{
	int i;

	if (code == NULL)
		return BF_EINVAL;
	for (i = 0; i < CASE_NSTATUS; i++)
		if (strcmp(code, case_statuses[i].code) == 0) {
			*out = (enum case_status)i;
			return BF_OK;
		}
	return BF_EINVAL;
}

/* 1 unless the case is closed. */
int
case_status_is_open(enum case_status s)
{
	return case_status_ok(s) && s != CASE_CLOSED;
}

/* The table row for from -> to, or NULL if the move is not allowed. */
static const struct case_transition *
case_transition_find(enum case_status from, enum case_status to)
{
	size_t i;

	for (i = 0; i < CASE_NTRANSITIONS; i++)
		if (case_transitions[i].from == from && case_transitions[i].to == to)
			return &case_transitions[i];
	return NULL;
}

/* "实现就业" for assisting -> employed, or NULL if the move is not allowed. */
const char *
case_transition_label(enum case_status from, enum case_status to)
{
	const struct case_transition *t = case_transition_find(from, to);

	return t ? t->label : NULL;
}

/* 1 if the allowed move from -> to needs a reason; 0 otherwise. */
int
case_transition_needs_reason(enum case_status from, enum case_status to)
{
	const struct case_transition *t = case_transition_find(from, to);

	return t ? t->needs_reason : 0;
}

/* The statuses reachable from from, in menu order, into out; their number. */
int
case_transitions_from(enum case_status from, enum case_status out[CASE_NSTATUS])
{
	size_t i;
	int n = 0;

	for (i = 0; i < CASE_NTRANSITIONS; i++)
		if (case_transitions[i].from == from)
			out[n++] = case_transitions[i].to;
	return n;
}

/*
 * May a case move from -> to?  BF_OK, or BF_EINVAL with a message: unknown
 * statuses, no move at all, a move the table lacks (listing the ones it
 * has), or a missing reason.  A reason of only spaces is missing.
 */
int
case_transition_check(enum case_status from, enum case_status to,
    const char *reason, bf_error *err)
{
	const struct case_transition *t;
	enum case_status next[CASE_NSTATUS];
	strbuf sb;
	int n, i, rc;

	if (!case_status_ok(from))
		return err_set(err, BF_EINVAL, "未知的案件状态 %d", (int)from);
	if (!case_status_ok(to))
		return err_set(err, BF_EINVAL, "未知的案件状态 %d", (int)to);
	if (from == to)
		return err_set(err, BF_EINVAL, "案件已是“%s”状态",
		    case_statuses[from].label);
	if ((t = case_transition_find(from, to)) == NULL) {
		sb_init(&sb);
		n = case_transitions_from(from, next);
		for (i = 0; i < n; i++) {
			if (i > 0)
				sb_add(&sb, "、");
			sb_add(&sb, case_statuses[next[i]].label);
		}
		rc = err_set(err, BF_EINVAL,
		    "不能从“%s”变为“%s”（可以变为：%s）",
		    case_statuses[from].label, case_statuses[to].label,
		    sb_str(&sb));
		sb_free(&sb);
		return rc;
	}
	if (t->needs_reason && norm_is_blank(reason))
		return err_set(err, BF_EINVAL, "%s必须填写原因", t->label);
	return BF_OK;
}
