/*
 * cmd_backup.c -- `bangfu backup FILE [--force]`: an online, consistent
 * copy of the database (others keep working meanwhile), checked before
 * it is put in place.  An existing FILE is kept unless --force.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>

#include "app/session.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "store/backup.h"
#include "store/db.h"

/* Parse options, open the database, write the copy, report it. */
int
cmd_backup(struct cli_env *env, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "force", no_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct app_session *s;
	struct backup_info info;
	bf_error err;
	int c, rc, force = 0;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'd') {
			env->db_path = optarg;
		} else if (c == 'f') {
			force = 1;
		} else {
			cli_usage_error(env, "backup", "无效选项 %s", argv[optind - 1]);
			return CLI_USAGE;
		}
	}
	if (argc - optind != 1) {
		cli_usage_error(env, "backup", argc - optind == 0 ? "需要备份文件名" : "多余的参数");
		return CLI_USAGE;
	}
	if ((rc = cli_open(env, "backup", 0, &s)) != CLI_OK)
		return rc;
	err_clear(&err);
	rc = backup_write(s->db, argv[optind], force, &info, &err);
	app_close(s);
	if (rc != BF_OK) {
		cli_fail(env, "backup", &err);
		return rc == BF_EUSAGE ? CLI_USAGE : CLI_PROBLEM;
	}
	printf("已备份到 %s：人员 %lld，审计记录 %lld，最后修改 %s；完整性检查通过\n",
	    argv[optind], (long long)info.persons, (long long)info.audit_rows,
	    info.last_change[0] ? info.last_change : "无");
	return CLI_OK;
}
