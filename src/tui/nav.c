/*
 * nav.c -- how screens open one another: the person file, the person
 * form in the editor, the caseload.  The only file that knows which
 * screen does what, so screens do not include each other.
 */
#include "config.h"

#include "app/session.h"
#include "store/caseload.h"
#include "tui/screens.h"

/* Open the file of a person. */
void
nav_open_person(struct tui *t, int64_t person_id)
{
	tui_message(t, MSG_INFO, "档案 %lld", (long long)person_id);
}

/* Register a new person. */
void
nav_new_person(struct tui *t)
{
	tui_message(t, MSG_INFO, "新登记");
}

/* Edit a person's basic form. */
void
nav_edit_person(struct tui *t, int64_t person_id)
{
	tui_message(t, MSG_INFO, "修改 %lld", (long long)person_id);
}

/* The caseload list. */
void
nav_caseload(struct tui *t, const struct caseload_filter *filter, int search_first)
{
	tui_push(t, caseload_screen_new(t, filter, search_first));
}
