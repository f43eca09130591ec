/*
 * cmd_demo_data.c -- `bangfu demo-data --persons N [--seed S]`: add a
 * realistic synthetic caseload (valid Chongqing citizen IDs, plausible
 * names, categories, plans, services and follow-ups) for demonstrations
 * and benchmarks.  Also what `bangfu --demo` runs on first use.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "app/demo.h"
#include "app/session.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "store/db.h"

#define DEMO_MAX_PERSONS 10000000L
#define DEMO_FIRST_USE_PERSONS 3000L

/* Progress on stderr, one line rewritten in place on a terminal. */
static void
demo_progress(void *ctx, long done, long total)
{
	int tty = *(int *)ctx;

	if (tty)
		fprintf(stderr, "\r已生成 %ld / %ld 人", done, total);
	if (tty && done == total)
		fputc('\n', stderr);
}

/* Print what was written. */
static void
demo_report(const struct demo_totals *t, double secs)
{
	printf("已生成演示数据：人员 %ld，困难类别 %ld，失业登记 %ld，帮扶计划 %ld（措施 %ld），"
	    "服务记录 %ld，回访 %ld，就业 %ld，状态变更 %ld，社区工作人员 %ld；用时 %.1f 秒\n",
	    t->persons, t->categories, t->registrations, t->plans, t->measures, t->services,
	    t->followups, t->employments, t->events, t->users, secs);
}

/* Generate into an open session. */
static int
demo_run(const struct cli_env *env, struct app_session *s, long persons, unsigned long long seed)
{
	struct demo_totals tot;
	struct timespec t0, t1;
	bf_error err;
	int tty = isatty(STDERR_FILENO);

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (demo_load(s, persons, seed, demo_progress, &tty, &tot, &err) != BF_OK) {
		if (tty)
			fputc('\n', stderr);
		return cli_fail(env, "demo-data", &err);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	demo_report(&tot, (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
	return CLI_OK;
}

int
cmd_demo_data(struct cli_env *env, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "persons", required_argument, NULL, 'p' },
		{ "seed", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	struct app_session *s;
	long persons = -1;
	unsigned long long seed = 1;
	char *end;
	int c, rc;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			env->db_path = optarg;
			break;
		case 'p':
			persons = strtol(optarg, &end, 10);
			if (*end != '\0' || persons < 1 || persons > DEMO_MAX_PERSONS) {
				cli_usage_error(env, "demo-data", "--persons 应为 1 到 %ld 的整数：%s",
				    DEMO_MAX_PERSONS, optarg);
				return CLI_USAGE;
			}
			break;
		case 's':
			seed = strtoull(optarg, &end, 10);
			if (*end != '\0' || optarg[0] == '-') {
				cli_usage_error(env, "demo-data", "--seed 应为非负整数：%s", optarg);
				return CLI_USAGE;
			}
			break;
		default:
			cli_usage_error(env, "demo-data", "无效选项 %s", argv[optind - 1]);
			return CLI_USAGE;
		}
	}
	if (persons < 0 || optind < argc) {
		cli_usage_error(env, "demo-data", "需要 --persons 人数");
		return CLI_USAGE;
	}
	if ((rc = cli_open(env, "demo-data", DB_CREATE, &s)) != CLI_OK)
		return rc;
	rc = demo_run(env, s, persons, seed);
	app_close(s);
	return rc;
}

/*
 * --demo: the first time, create the demo database and fill it with a
 * few thousand persons; afterwards just use it.
 */
int
cli_demo_prepare(struct cli_env *env)
{
	struct app_session *s;
	int rc;

	if (access(env->db_path, F_OK) == 0)
		return CLI_OK;
	fprintf(stderr, "首次使用演示模式：正在建立演示数据库 %s …\n", env->db_path);
	if ((rc = cli_open(env, "--demo", DB_CREATE, &s)) != CLI_OK)
		return rc;
	rc = demo_run(env, s, DEMO_FIRST_USE_PERSONS, 1);
	app_close(s);
	return rc;
}
