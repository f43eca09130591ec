/*
 * cmd_import.c -- `bangfu import FILE.csv [--form F] [--update] [--dry-run]
 * [--report FILE] [--batch N]`: import a person ledger through app/import.c
 * and print the summary.  Exit status 0 when every row went in (or was
 * already on file), 1 when rows were rejected (see the report) or the file
 * could not be used, 2 on usage errors.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "app/import.h"
#include "app/session.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "store/db.h"

#define IMPORT_MAX_BATCH 100000

/* After each committed batch: how far the database now is. */
static void
import_committed(void *ctx, long line)
{
	(void)ctx;
	fprintf(stderr, "已提交到第 %ld 行\n", line);
}

/* The summary on stdout, problems pointed to on stderr. */
static void
import_print(const struct import_opts *o, const struct import_result *r)
{
	size_t i;

	if (r->nunknown > 0) {
		fputs("未识别的列（已忽略）：", stdout);
		for (i = 0; i < r->nunknown; i++)
			printf("%s%s", i ? "、" : "", r->unknown[i]);
		putchar('\n');
	}
	printf("%s读取 %ld 行，导入 %ld，更新 %ld，拒绝 %ld，文件内重复 %ld，已存在 %ld；"
	    "编码 %s；用时 %.2f 秒\n", o->dry_run ? "试运行（未写入数据库）：" : "",
	    r->read, r->imported, r->updated, r->rejected, r->dups, r->existing,
	    textfile_encoding_label(r->enc), r->secs);
	if (r->report != NULL)
		printf("有问题的行已写入 %s（%ld 条）\n", r->report, r->problems);
}

int
cmd_import(struct cli_env *env, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "form", required_argument, NULL, 'f' },
		{ "update", no_argument, NULL, 'u' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "report", required_argument, NULL, 'r' },
		{ "batch", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 }
	};
	struct import_opts o = { 0 };
	struct import_result res;
	struct app_session *s;
	bf_error err;
	char *end;
	int c, rc;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			env->db_path = optarg;
			break;
		case 'f':
			o.form = optarg;
			break;
		case 'u':
			o.update = 1;
			break;
		case 'n':
			o.dry_run = 1;
			break;
		case 'r':
			o.report = optarg;
			break;
		case 'b':
			o.batch = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || o.batch < 1 || o.batch > IMPORT_MAX_BATCH) {
				cli_usage_error(env, "import", "--batch 应为 1 到 %d 的整数：%s",
				    IMPORT_MAX_BATCH, optarg);
				return CLI_USAGE;
			}
			break;
		default:
			cli_usage_error(env, "import", "无效选项 %s", argv[optind - 1]);
			return CLI_USAGE;
		}
	}
	if (optind != argc - 1) {
		cli_usage_error(env, "import", "需要一个 CSV 文件");
		return CLI_USAGE;
	}
	o.path = argv[optind];
	o.committed = import_committed;
	if ((rc = cli_open_forms(env, "import", 0, &s)) != CLI_OK)
		return rc;
	if (app_import(s, &o, &res, &err) != BF_OK) {
		if (res.read > 0)
			import_print(&o, &res);
		rc = cli_fail(env, "import", &err);
	} else {
		import_print(&o, &res);
		rc = res.rejected > 0 ? CLI_PROBLEM : CLI_OK;
	}
	import_result_free(&res);
	app_close(s);
	return rc;
}
