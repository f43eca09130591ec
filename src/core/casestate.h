/*
 * casestate.h -- the life cycle of a case and which moves are allowed.
 *
 *   registered (已登记) -> recognised (已认定) -> assisting (帮扶中)
 *     -> employed (已就业) -> stable (稳定就业) -> closed (已退出)
 *   with a lost job reopening the case (employed/stable -> assisting) and an
 *   exit possible from any open state, always with a reason.
 *
 * The allowed moves (casestate.c keeps them as a table):
 *   registered -> recognised 认定, assisting 纳入帮扶, employed 实现就业, closed 退出*
 *   recognised -> assisting 纳入帮扶, employed 实现就业, closed 退出*
 *   assisting  -> employed 实现就业, closed 退出*
 *   employed   -> stable 稳定就业, assisting 失业重开*, closed 退出*
 *   stable     -> assisting 失业重开*, closed 退出*
 *   closed     -> registered 重新登记*
 * (* a reason is required)
 */
#ifndef BF_CORE_CASESTATE_H
#define BF_CORE_CASESTATE_H

#include "util/error.h"

enum case_status {
	CASE_REGISTERED,
	CASE_RECOGNISED,
	CASE_ASSISTING,
	CASE_EMPLOYED,
	CASE_STABLE,
	CASE_CLOSED,
	CASE_NSTATUS
};

const char *case_status_code(enum case_status s);     /* "registered"; static; "" if out of range */
const char *case_status_label(enum case_status s);    /* "已登记"; static; "未知状态" if out of range */
int	case_status_from_code(const char *code, enum case_status *out); /* BF_OK or BF_EINVAL */
int	case_status_is_open(enum case_status s);       /* 1 for every status but CASE_CLOSED */
/*
 * May a case move from -> to?  BF_OK, or BF_EINVAL with a message:
 * "案件已是“帮扶中”状态", "不能从“已登记”变为“稳定就业”（可以变为：已认定、
 * 帮扶中、已就业、已退出）", "退出必须填写原因".  Moves into CASE_CLOSED,
 * reopenings and re-registration require a reason that is not blank.
 */
int	case_transition_check(enum case_status from, enum case_status to,
	    const char *reason, bf_error *err);
const char *case_transition_label(enum case_status from, enum case_status to); /* "实现就业", or NULL if not allowed */
int	case_transition_needs_reason(enum case_status from, enum case_status to); /* 1 if allowed and needs a reason */
/* Statuses reachable from from, in menu order, written to out; returns how many. */
int	case_transitions_from(enum case_status from, enum case_status out[CASE_NSTATUS]);

#endif
