/*
 * cmd_restore.c -- `bangfu restore FILE`: replace the database with a
 * backup, after checking the backup (a bangfu database, not from a newer
 * version, integrity and foreign keys clean).  The database it replaces
 * is kept beside it as DB.YYYYMMDD-HHMMSS.bak.  Administrators only.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app/session.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "store/backup.h"
#include "store/db.h"

/* An existing database may be replaced only by its administrator. */
static int
restore_allowed(struct cli_env *env)
{
	struct app_session *s;
	int rc;

	if (access(env->db_path, F_OK) != 0)
		return CLI_OK;
	if ((rc = cli_open(env, "restore", 0, &s)) != CLI_OK) {
		fprintf(stderr, "%s restore：当前数据库打不开时，请先把它移到别处保存，再恢复到原路径\n",
		    env->progname);
		return rc;
	}
	rc = strcmp(db_actor(s->db)->role, "admin") == 0 ? CLI_OK : CLI_PROBLEM;
	if (rc != CLI_OK)
		fprintf(stderr, "%s restore：只有系统管理员可以恢复数据库\n", env->progname);
	app_close(s);
	return rc;
}

/* Parse options, check the copy, restore it, report. */
int
cmd_restore(struct cli_env *env, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 }
	};
	struct backup_info info;
	char kept[4096];
	bf_error err;
	int c, rc;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c != 'd') {
			cli_usage_error(env, "restore", "无效选项 %s", argv[optind - 1]);
			return CLI_USAGE;
		}
		env->db_path = optarg;
	}
	if (argc - optind != 1) {
		cli_usage_error(env, "restore", argc - optind == 0 ? "需要备份文件名" : "多余的参数");
		return CLI_USAGE;
	}
	err_clear(&err);
	/* Check the copy before anything else, so a bad file changes nothing. */
	if ((rc = backup_verify(argv[optind], &info, &err)) != BF_OK)
		return cli_fail(env, "restore", &err);
	if ((rc = restore_allowed(env)) != CLI_OK)
		return rc;
	rc = backup_restore(argv[optind], env->db_path, kept, sizeof kept, &info, &err);
	if (rc != BF_OK) {
		cli_fail(env, "restore", &err);
		return rc == BF_EUSAGE ? CLI_USAGE : CLI_PROBLEM;
	}
	printf("已从 %s 恢复数据库 %s：人员 %lld，审计记录 %lld，最后修改 %s\n",
	    argv[optind], env->db_path, (long long)info.persons, (long long)info.audit_rows,
	    info.last_change[0] ? info.last_change : "无");
	if (kept[0] != '\0')
		printf("原数据库已保留为 %s\n", kept);
	return CLI_OK;
}
