/*
 * cmd_init.c -- `bangfu init`: create the database (schema, organisation
 * tree, the first user as administrator) or upgrade an older one.
 * Running it again on a current database changes nothing.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>

#include "app/session.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "store/db.h"
#include "store/schema.h"
#include "store/user.h"

int
cmd_init(struct cli_env *env, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 }
	};
	struct app_session *s;
	const struct db_actor *a;
	int c, rc;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c != 'd') {
			cli_usage_error(env, "init", "无效选项 %s", argv[optind - 1]);
			return CLI_USAGE;
		}
		env->db_path = optarg;
	}
	if (optind < argc) {
		cli_usage_error(env, "init", "多余的参数 %s", argv[optind]);
		return CLI_USAGE;
	}
	if ((rc = cli_open(env, "init", DB_CREATE, &s)) != CLI_OK)
		return rc;
	a = db_actor(s->db);
	printf("数据库已就绪：%s（结构版本 %d）\n当前用户：%s（%s）\n",
	    env->db_path, SCHEMA_VERSION, a->login, user_role_label(a->role));
	app_close(s);
	return CLI_OK;
}
