/*
 * run.c -- starting and ending the terminal interface on a session.
 */
#include "config.h"

#include <stdio.h>

#include "app/session.h"
#include "store/db.h"
#include "store/user.h"
#include "tui/screens.h"

/* Run the interface until the user quits. */
int
tui_run(struct app_session *s, bf_error *err)
{
	const struct db_actor *a = db_actor(s->db);
	struct tui t = { 0 };
	char label[160];

	if (term_start(err) != BF_OK)
		return err->code;
	snprintf(label, sizeof label, "%s（%s）", a->name[0] ? a->name : a->login,
	    user_role_label(a->role));
	t.app = s;
	t.user_label = label;
	tui_push(&t, home_screen_new(&t));
	tui_loop(&t);
	while (t.depth > 0)
		tui_pop(&t);
	term_stop();
	return BF_OK;
}
