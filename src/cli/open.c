/*
 * open.c -- opening the session a command works on, with the error
 * printed for people the same way by every command.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app/session.h"
#include "cli/cli.h"
#include "forms/diag.h"
#include "store/db.h"

/*
 * Open env's database (creating its directory first when flags has
 * DB_CREATE) and log in.  Returns CLI_OK, or CLI_PROBLEM after printing
 * why not.
 */
int
cli_open(struct cli_env *env, const char *cmd, int flags, struct app_session **out)
{
	bf_error err;
	char msg[256];

	err_clear(&err);
	if ((flags & DB_CREATE) && cli_make_parent_dir(env->db_path, msg, sizeof msg) != 0) {
		fprintf(stderr, "%s%s%s：%s\n", env->progname, *cmd ? " " : "", cmd, msg);
		return CLI_PROBLEM;
	}
	if (app_open(env->db_path, flags, out, &err) != BF_OK) {
		fprintf(stderr, "%s%s%s：%s\n", env->progname, *cmd ? " " : "", cmd, err.msg);
		return CLI_PROBLEM;
	}
	return CLI_OK;
}

/*
 * cli_open, then load the form set (import, export).  A set with problems
 * is refused with every problem printed.
 */
int
cli_open_forms(struct cli_env *env, const char *cmd, int flags, struct app_session **out)
{
	struct forms_diags diags;
	bf_error err;
	int rc;

	if ((rc = cli_open(env, cmd, flags, out)) != CLI_OK)
		return rc;
	forms_diags_init(&diags);
	if (app_load_forms(*out, env->forms_dir, &diags, &err) != BF_OK) {
		forms_diags_print(&diags, stderr);
		fprintf(stderr, "%s%s%s：%s\n", env->progname, *cmd ? " " : "", cmd, err.msg);
		forms_diags_free(&diags);
		app_close(*out);
		*out = NULL;
		return CLI_PROBLEM;
	}
	forms_diags_free(&diags);
	return CLI_OK;
}

/* Print err for cmd and return CLI_PROBLEM. */
int
cli_fail(const struct cli_env *env, const char *cmd, const bf_error *err)
{
	fprintf(stderr, "%s %s：%s\n", env->progname, cmd, err->msg);
	return CLI_PROBLEM;
}
