/*
 * person_work.h -- the case-work actions of the person file (一人一档):
 * status changes, accepting derived categories and ending one, plans
 * from templates and their status and revisions, confirming a household
 * flag, and the extra lines the tabs show (household flags, plan
 * progress).  Each action asks what it needs in modal popups, calls the
 * app layer, reports in the status line and returns 1 when the file
 * changed (the screen then reloads).
 */
#ifndef BF_TUI_PERSON_WORK_H
#define BF_TUI_PERSON_WORK_H

#include <stddef.h>
#include <stdint.h>

struct app_session;
struct rec;
struct textview;
struct tui;

int	pwork_status(struct tui *t, struct app_session *app, int64_t pid);      /* `t` */
int	pwork_category_accept(struct tui *t, struct app_session *app, int64_t pid); /* `a` on 认定 */
int	pwork_category_end(struct tui *t, struct app_session *app, const struct rec *row); /* `x` */
int	pwork_plan_new(struct tui *t, struct app_session *app, int64_t pid);    /* `n` on 帮扶计划 */
int	pwork_plan_advance(struct tui *t, struct app_session *app, const struct rec *plan); /* `a` */
int	pwork_plan_revise(struct tui *t, struct app_session *app, const struct rec *plan);  /* `R` */
int	pwork_household_confirm(struct tui *t, struct app_session *app, int64_t pid); /* `c` on 家庭 */
/* The household's flags and its assessment, as lines of tv. */
void	pwork_household_lines(struct textview *tv, struct app_session *app, int64_t hh);
/* "进度 6/6（100%）" of a plan into buf ("" on error). */
void	pwork_plan_progress(struct app_session *app, int64_t pid, int64_t plan_id, char *buf,
	    size_t len);

#endif
