/*
 * cmd_transfer.c -- `bangfu transfer PERSON_ID --to-org CODE
 * [--to-worker LOGIN] --reason TEXT`: hand a person over to another
 * community or caseworker (supervisors and administrators).
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "app/session.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "store/db.h"
#include "store/transfer.h"

/* bangfu transfer PERSON_ID --to-org CODE [--to-worker LOGIN] --reason TEXT */
int
cmd_transfer(struct cli_env *env, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "to-org", required_argument, NULL, 'o' },
		{ "to-worker", required_argument, NULL, 'w' },
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	const char *org = NULL, *worker = NULL, *reason = NULL;
	struct transfer_result res;
	struct app_session *s;
	bf_error err;
	long long id;
	char *end;
	int c, rc;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'o': org = optarg; break;
		case 'w': worker = optarg; break;
		case 'r': reason = optarg; break;
		default:
			cli_usage_error(env, "transfer", "无效选项 %s", argv[optind - 1]);
			return CLI_USAGE;
		}
	}
	if (optind != argc - 1 || org == NULL || reason == NULL) {
		cli_usage_error(env, "transfer", "需要人员编号、--to-org 和 --reason");
		return CLI_USAGE;
	}
	id = strtoll(argv[optind], &end, 10);
	if (*end != '\0' || id <= 0) {
		cli_usage_error(env, "transfer", "人员编号应为正整数：%s", argv[optind]);
		return CLI_USAGE;
	}
	if ((rc = cli_open(env, "transfer", 0, &s)) != CLI_OK)
		return rc;
	if (transfer_person(s->db, (int64_t)id, org, worker, reason, &res, &err) != BF_OK) {
		app_close(s);
		return cli_fail(env, "transfer", &err);
	}
	printf("已将人员 %lld 从 %s 转到 %s，移交未完成回访 %d 条\n", id, res.from_community,
	    res.to_community, res.followups_moved);
	app_close(s);
	return CLI_OK;
}
