/*
 * cmd_init.c -- `bangfu init`: create the database (schema, organisation
 * tree, the first user as administrator) or upgrade an older one.
 * Running it again on a current database changes nothing.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <grp.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/session.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "store/db.h"
#include "store/schema.h"
#include "store/user.h"

/*
 * --group NAME: give the database and its -wal/-shm files to group NAME
 * with mode 0660, for a station server where several Unix accounts use one
 * database.  Returns CLI_OK or CLI_PROBLEM after printing why not.
 */
static int
init_share_group(const struct cli_env *env, const char *group)
{
	static const char *const suffix[] = { "", "-wal", "-shm" };
	struct group *g = getgrnam(group);
	char path[4096];
	size_t i;

	if (g == NULL) {
		fprintf(stderr, "%s init：没有名为 %s 的用户组\n", env->progname, group);
		return CLI_PROBLEM;
	}
	for (i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		snprintf(path, sizeof path, "%s%s", env->db_path, suffix[i]);
		if (i > 0 && access(path, F_OK) != 0)
			continue;
		if (chown(path, (uid_t)-1, g->gr_gid) != 0 || chmod(path, 0660) != 0) {
			fprintf(stderr, "%s init：无法把 %s 交给用户组 %s：%s\n", env->progname, path, group,
			    strerror(errno));
			return CLI_PROBLEM;
		}
	}
	return CLI_OK;
}

/* bangfu init [--group NAME] */
int
cmd_init(struct cli_env *env, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "group", required_argument, NULL, 'g' },
		{ NULL, 0, NULL, 0 }
	};
	struct app_session *s;
	const struct db_actor *a;
	const char *group = NULL;
	int c, rc;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'g') {
			group = optarg;
			continue;
		}
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
	if (group != NULL) {
		if ((rc = init_share_group(env, group)) != CLI_OK)
			return rc;
		printf("数据库已交给用户组 %s（权限 0660）\n", group);
	}
	return CLI_OK;
}
