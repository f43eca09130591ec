/*
 * run.c -- starting and ending the terminal interface on a session.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "app/password.h"
#include "app/session.h"
#include "store/db.h"
#include "store/user.h"
#include "tui/screens.h"

#define RUN_PASSWORD_TRIES 3

/* Read one line from the terminal without echo into out. */
static void
run_read_secret(const char *prompt, char *out, size_t len)
{
	struct termios old, quiet;
	int tty = isatty(STDIN_FILENO);
	size_t n;

	fprintf(stderr, "%s", prompt);
	fflush(stderr);
	if (tty) {
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
	}
	if (fgets(out, (int)len, stdin) == NULL)
		out[0] = '\0';
	if (tty)
		tcsetattr(STDIN_FILENO, TCSANOW, &old);
	fputc('\n', stderr);
	n = strlen(out);
	while (n > 0 && (out[n - 1] == '\n' || out[n - 1] == '\r'))
		out[--n] = '\0';
}

/*
 * A user with a password (set with `bangfu user passwd`) types it before
 * the interface opens: three tries, each written to the audit log.
 */
static int
run_password(struct app_session *s, bf_error *err)
{
	char pw[256];
	int needed, i, rc = BF_OK;

	if ((rc = app_password_needed(s->db, &needed, err)) != BF_OK || !needed)
		return rc;
	for (i = 0; i < RUN_PASSWORD_TRIES; i++) {
		run_read_secret("密码：", pw, sizeof pw);
		rc = app_password_login(s->db, pw, err);
		memset(pw, 0, sizeof pw);
		if (rc == BF_OK || rc != BF_EPERM)
			return rc;
		fprintf(stderr, "%s\n", err->msg);
	}
	return err_set(err, BF_EPERM, "密码连续 %d 次不正确", RUN_PASSWORD_TRIES);
}

/* Run the interface until the user quits. */
int
tui_run(struct app_session *s, bf_error *err)
{
	const struct db_actor *a = db_actor(s->db);
	struct tui t = { 0 };
	char label[160];

	if (run_password(s, err) != BF_OK)
		return err->code;
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
