/*
 * cmd_check.c -- `bangfu check`: integrity and foreign-key checks and
 * spot checks of the audit log against the data, one line per check in
 * Chinese.  Exit status 1 when any check found a problem.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>

#include "app/session.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "store/check.h"
#include "store/db.h"

/* check_report_fn: one line per check. */
static void
check_print(void *ctx, const struct check_result *r)
{
	(void)ctx;
	if (r->problems == 0)
		printf("通过  %s\n", r->label);
	else
		printf("问题  %s：%lld 处。%s\n", r->label, (long long)r->problems, r->detail);
}

/* Parse options, open the database, run and print every check. */
int
cmd_check(struct cli_env *env, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 }
	};
	struct app_session *s;
	int64_t problems = 0;
	bf_error err;
	int c, rc;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c != 'd') {
			cli_usage_error(env, "check", "无效选项 %s", argv[optind - 1]);
			return CLI_USAGE;
		}
		env->db_path = optarg;
	}
	if (optind < argc) {
		cli_usage_error(env, "check", "多余的参数 %s", argv[optind]);
		return CLI_USAGE;
	}
	if ((rc = cli_open(env, "check", 0, &s)) != CLI_OK)
		return rc;
	err_clear(&err);
	rc = check_run(s->db, check_print, NULL, &problems, &err);
	app_close(s);
	if (rc != BF_OK)
		return cli_fail(env, "check", &err);
	if (problems > 0) {
		printf("检查发现 %lld 处问题：%s\n", (long long)problems, env->db_path);
		return CLI_PROBLEM;
	}
	printf("检查完毕，未发现问题：%s\n", env->db_path);
	return CLI_OK;
}
