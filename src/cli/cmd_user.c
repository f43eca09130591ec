/*
 * cmd_user.c -- `bangfu user add|list|disable|enable`: managing who may
 * use the database.  Identity is the Unix login; only an administrator
 * may add or disable users (the first user of a database is one).
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "app/session.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "store/db.h"
#include "store/user.h"

#define USER_LIST_MAX 10000

/* user add LOGIN --role R --org CODE [--name NAME] */
static int
user_cmd_add(struct cli_env *env, struct app_session *s, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "role", required_argument, NULL, 'r' },
		{ "org", required_argument, NULL, 'o' },
		{ "name", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	const char *role = "caseworker", *org = NULL, *name = NULL;
	bf_error err;
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'r': role = optarg; break;
		case 'o': org = optarg; break;
		case 'n': name = optarg; break;
		default:
			cli_usage_error(env, "user", "无效选项 %s", argv[optind - 1]);
			return CLI_USAGE;
		}
	}
	if (optind != argc - 1 || org == NULL) {
		cli_usage_error(env, "user", "user add 需要登录名和 --org 单位代码");
		return CLI_USAGE;
	}
	if (user_add(s->db, argv[optind], name, role, org, NULL, &err) != BF_OK)
		return cli_fail(env, "user add", &err);
	printf("已添加用户 %s（%s）\n", argv[optind], user_role_label(role));
	return CLI_OK;
}

/* user set LOGIN --role R --org CODE */
static int
user_cmd_set(struct cli_env *env, struct app_session *s, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "role", required_argument, NULL, 'r' },
		{ "org", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	const char *role = NULL, *org = NULL;
	bf_error err;
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'r': role = optarg; break;
		case 'o': org = optarg; break;
		default:
			cli_usage_error(env, "user", "无效选项 %s", argv[optind - 1]);
			return CLI_USAGE;
		}
	}
	if (optind != argc - 1 || org == NULL || role == NULL) {
		cli_usage_error(env, "user", "user set 需要登录名、--role 角色和 --org 单位代码");
		return CLI_USAGE;
	}
	if (user_set_role(s->db, argv[optind], role, org, &err) != BF_OK)
		return cli_fail(env, "user set", &err);
	printf("已将用户 %s 改为%s（%s）\n", argv[optind], user_role_label(role), org);
	return CLI_OK;
}

/* user list */
static int
user_cmd_list(struct cli_env *env, struct app_session *s)
{
	static struct user_row rows[USER_LIST_MAX];
	bf_error err;
	int n, i;

	if (user_list(s->db, rows, USER_LIST_MAX, &n, &err) != BF_OK)
		return cli_fail(env, "user list", &err);
	for (i = 0; i < n; i++)
		printf("%s\t%s\t%s\t%s\t%s%s\n", rows[i].login, rows[i].name,
		    user_role_label(rows[i].role), rows[i].org, rows[i].org_name,
		    rows[i].disabled ? "\t已停用" : "");
	return CLI_OK;
}

int
cmd_user(struct cli_env *env, int argc, char **argv)
{
	struct app_session *s;
	bf_error err;
	int rc, disable;

	if (argc < 2) {
		cli_usage_error(env, "user", "需要子命令 add、list、disable 或 enable");
		return CLI_USAGE;
	}
	if (strcmp(argv[1], "add") != 0 && strcmp(argv[1], "list") != 0 && strcmp(argv[1], "set") != 0 &&
	    strcmp(argv[1], "disable") != 0 && strcmp(argv[1], "enable") != 0) {
		cli_usage_error(env, "user", "未知子命令 %s", argv[1]);
		return CLI_USAGE;
	}
	if ((rc = cli_open(env, "user", 0, &s)) != CLI_OK)
		return rc;
	if (strcmp(argv[1], "add") == 0) {
		rc = user_cmd_add(env, s, argc - 1, argv + 1);
	} else if (strcmp(argv[1], "set") == 0) {
		rc = user_cmd_set(env, s, argc - 1, argv + 1);
	} else if (strcmp(argv[1], "list") == 0) {
		rc = user_cmd_list(env, s);
	} else if (argc != 3) {
		cli_usage_error(env, "user", "user %s 需要一个登录名", argv[1]);
		rc = CLI_USAGE;
	} else {
		disable = strcmp(argv[1], "disable") == 0;
		if (user_set_disabled(s->db, argv[2], disable, &err) != BF_OK)
			rc = cli_fail(env, "user", &err);
		else
			printf("已%s用户 %s\n", disable ? "停用" : "启用", argv[2]);
	}
	app_close(s);
	return rc;
}
