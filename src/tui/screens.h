/*
 * screens.h -- the screens of the program and how one opens another.
 * Each screen lives in its own file; nav.c is the one place that knows
 * which screen shows a person, edits a form or lists the caseload.
 */
#ifndef BF_TUI_SCREENS_H
#define BF_TUI_SCREENS_H

#include <stdint.h>

#include "tui/tui.h"

struct caseload_filter;

struct screen *home_screen_new(struct tui *t);                       /* home.c */
/* The caseload list (filter may be NULL); search_first starts with "/" active. */
struct screen *caseload_screen_new(struct tui *t, const struct caseload_filter *filter,
	    int search_first);                                          /* caseload.c */

/* Indicators for org and month ("" = the user's unit, this month). */
struct screen *dashboard_screen_new(struct tui *t, const char *org, const char *month); /* dashboard.c */

/* The caseload browser across the org tree, from the user's unit. */
struct screen *orgtree_screen_new(struct tui *t);                    /* orgtree.c */

/* The audit-log browser (administrators and supervisors). */
struct screen *auditlog_screen_new(struct tui *t);                   /* auditlog.c */

/* Navigation (nav.c). */
void	nav_open_person(struct tui *t, int64_t person_id);
void	nav_new_person(struct tui *t);
void	nav_edit_person(struct tui *t, int64_t person_id);
void	nav_caseload(struct tui *t, const struct caseload_filter *filter, int search_first);
void	nav_dashboard(struct tui *t);                                   /* the user's unit, this month */
void	nav_orgtree(struct tui *t);
void	nav_auditlog(struct tui *t);

/* Start the interface on an open session (run.c); returns 0 or an exit status. */
int	tui_run(struct app_session *s, bf_error *err);

#endif
