/*
 * plan.h -- 一人一策 use cases: a plan made from a template (forms/plans),
 * its status moves (draft -> active -> completed), a revision that keeps
 * the old version (status revised, the new one supersedes it, services
 * carried over to the copied measures), and its progress.
 */
#ifndef BF_APP_PLAN_H
#define BF_APP_PLAN_H

#include <stdint.h>

#include "core/progress.h"
#include "forms/plantpl.h"
#include "util/error.h"

struct app_session;

/*
 * A new draft plan for person_id from template tpl, made today: goal,
 * target date and one measure per template line with its due date.
 * Refused while the person has a draft or active plan (revise it).
 * *plan_id gets the new plan.
 */
int	app_plan_from_template(struct app_session *s, int64_t person_id, const struct plantpl *tpl,
	    int64_t *plan_id, bf_error *err);
/*
 * Move plan plan_id to status to ("active", "completed"), checked against
 * the table draft -> active, active -> completed.
 */
int	app_plan_set_status(struct app_session *s, int64_t plan_id, const char *to, bf_error *err);
/*
 * Revise plan plan_id (draft or active): a copy with version_no + 1,
 * supersedes = plan_id and the same status, its measures copied and the
 * services counted toward them moved over; the old plan becomes
 * revised.  *new_id gets the copy.
 */
int	app_plan_revise(struct app_session *s, int64_t plan_id, int64_t *new_id, bf_error *err);
/* Progress of plan plan_id (of person_id) as of today. */
int	app_plan_progress(struct app_session *s, int64_t person_id, int64_t plan_id,
	    struct progress *out, bf_error *err);
/* The label of plan status code ("草稿"); static; the code itself if unknown. */
const char *app_plan_status_label(const char *code);

#endif
