/*
 * casestate.h -- the life cycle of a case and which moves are allowed.
 *
 *   registered (已登记) -> recognised (已认定) -> assisting (帮扶中)
 *     -> employed (已就业) -> stable (稳定就业) -> closed (已退出)
 *   with a lost job reopening the case (employed/stable -> assisting) and an
 *   exit possible from any open state, always with a reason.
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

const char *case_status_code(enum case_status s);     /* "registered"; static */
const char *case_status_label(enum case_status s);    /* "已登记"; static */
int	case_status_from_code(const char *code, enum case_status *out); /* BF_OK or BF_EINVAL */
/*
 * May a case move from -> to?  BF_OK, or BF_EINVAL with a message.  Moves
 * into CASE_CLOSED and reopenings require a non-empty reason.
 */
int	case_transition_check(enum case_status from, enum case_status to,
	    const char *reason, bf_error *err);
const char *case_transition_label(enum case_status from, enum case_status to); /* "实现就业", or NULL if not allowed */

#endif
