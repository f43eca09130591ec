/*
 * main.c -- bangfu's entry point: global options, then either a command
 * from the command table (src/cli) or the terminal interface (src/tui).
 *
 * This is the only file that calls exit(); everything below returns a
 * status and a message.
 */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/session.h"
#include "cli/cli.h"
#include "store/db.h"
#include "tui/screens.h"

static const char *
main_basename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

/*
 * No command: the interactive program.  The database is created on first
 * use; broken forms are refused with every problem listed, before the
 * terminal is taken over.
 */
static int
main_interactive(struct cli_env *env)
{
	struct app_session *s;
	bf_error err;
	int rc;

	if (env->demo && (rc = cli_demo_prepare(env)) != CLI_OK)
		return rc;
	if ((rc = cli_open_forms(env, "", DB_CREATE, &s)) != CLI_OK)
		return rc;
	rc = tui_run(s, &err);
	app_close(s);
	if (rc != BF_OK) {
		fprintf(stderr, "%s：%s\n", env->progname, err.msg);
		return rc == BF_EUSAGE ? CLI_USAGE : CLI_PROBLEM;
	}
	return CLI_OK;
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "demo", no_argument, NULL, 'D' },
		{ "forms", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct cli_env env;
	const struct cli_command *cmd;
	char *db_owned = NULL;
	int c, rc;

	setlocale(LC_ALL, "");
	/* Past a file-size limit a write fails (and is reported) instead of killing us. */
	signal(SIGXFSZ, SIG_IGN);
	memset(&env, 0, sizeof env);
	env.progname = main_basename(argv[0]);

	opterr = 0;
	/* '+' stops at the command name: its options are its own. */
	while ((c = getopt_long(argc, argv, "+hV", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			env.db_path = optarg;
			env.db_explicit = 1;
			break;
		case 'D':
			env.demo = 1;
			break;
		case 'f':
			env.forms_dir = optarg;
			break;
		case 'h':
			cli_print_help(stdout, env.progname);
			return CLI_OK;
		case 'V':
			printf("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
			return CLI_OK;
		default:
			if (optopt != 0)
				fprintf(stderr, "%s：选项 -%c 无效或缺少参数\n",
				    env.progname, optopt);
			else
				fprintf(stderr, "%s：无效选项 %s\n", env.progname,
				    argv[optind - 1]);
			fprintf(stderr, "用 %s --help 查看用法。\n", env.progname);
			return CLI_USAGE;
		}
	}

	if (env.db_path == NULL) {
		if (env.demo) {
			db_owned = cli_demo_db_path();
		} else {
			db_owned = cli_default_db_path();
			env.db_explicit = getenv("BANGFU_DB") != NULL &&
			    getenv("BANGFU_DB")[0] != '\0';
		}
		env.db_path = db_owned;
	}

	if (optind >= argc) {
		rc = main_interactive(&env);
	} else if ((cmd = cli_find(argv[optind])) != NULL) {
		rc = cmd->run(&env, argc - optind, argv + optind);
	} else {
		fprintf(stderr, "%s：未知命令“%s”。用 %s --help 查看命令列表。\n",
		    env.progname, argv[optind], env.progname);
		rc = CLI_USAGE;
	}
	free(db_owned);
	return rc;
}
