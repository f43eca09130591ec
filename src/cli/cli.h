/*
 * cli.h -- the non-interactive commands (`bangfu init`, `bangfu search` ...)
 * and what they share.
 *
 * Each command lives in its own file (cmd_NAME.c) as one function, and is
 * listed once in the table in commands.c, which also gives its usage line
 * and the summary shown by `bangfu --help`.  Commands print messages for
 * people in Simplified Chinese and return an exit status:
 * 0 success, 1 the input had problems (reported), 2 usage error.
 */
#ifndef BF_CLI_H
#define BF_CLI_H

#include <stdio.h>

enum { CLI_OK = 0, CLI_PROBLEM = 1, CLI_USAGE = 2 };

/* What main() resolved from the global options and the environment. */
struct cli_env {
	const char	*progname;	/* argv[0] basename, for messages */
	const char	*db_path;	/* --db, $BANGFU_DB, or the XDG default */
	const char	*forms_dir;	/* --forms DIR, or NULL for the search path */
	int		 demo;		/* --demo given */
	int		 db_explicit;	/* db_path came from --db or $BANGFU_DB */
};

typedef int (*cli_fn)(struct cli_env *env, int argc, char **argv);

struct cli_command {
	const char	*name;		/* as typed: "search", "demo-data" */
	cli_fn		 run;		/* argv[0] is the command name */
	const char	*usage;		/* arguments, e.g. "QUERY" */
	const char	*summary;	/* one line, Chinese */
};

const struct cli_command *cli_find(const char *name);  /* NULL if unknown */
const struct cli_command *cli_commands(void);           /* NULL-name terminated */
void	cli_print_help(FILE *fp, const char *progname);
void	cli_usage_error(const struct cli_env *env, const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

struct app_session;

/* Open env's database and log in (open.c); prints the error itself. */
int	cli_open(struct cli_env *env, const char *cmd, int flags, struct app_session **out);
/* cli_open, then load the form set (env->forms_dir); prints problems itself. */
int	cli_open_forms(struct cli_env *env, const char *cmd, int flags, struct app_session **out);
int	cli_demo_prepare(struct cli_env *env);         /* --demo: create and fill the demo database once */
struct bf_error;
int	cli_fail(const struct cli_env *env, const char *cmd, const struct bf_error *err); /* prints; CLI_PROBLEM */

/* Paths (paths.c).  Returned strings are owned by the caller. */
char	*cli_default_db_path(void);      /* $BANGFU_DB, else XDG data dir */
char	*cli_demo_db_path(void);         /* XDG data dir / demo.db */
int	 cli_make_parent_dir(const char *path, char *err, size_t errlen);

#endif
