/*
 * cmd_export.c -- `bangfu export [--out FILE] [--format csv|xlsx] [--full]
 * [--status S] [--category C] [--org CODE] [--overdue]`: the caseload with
 * the list screen's filters, through app/export.c.  Without --out, CSV
 * goes to standard output; the format follows the file name (.xlsx) when
 * --format is not given.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "app/export.h"
#include "app/session.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "core/casestate.h"
#include "core/category.h"
#include "store/db.h"

/* Copy a filter value, refusing one too long for its field. */
static int
export_opt_copy(struct cli_env *env, const char *opt, char *dst, size_t len, const char *val)
{
	if (strlen(val) >= len || *val == '\0') {
		cli_usage_error(env, "export", "%s 的值无效：%s", opt, val);
		return CLI_USAGE;
	}
	memcpy(dst, val, strlen(val) + 1);
	return CLI_OK;
}

/* Check the filter values against the code tables. */
static int
export_check_filter(struct cli_env *env, const struct caseload_filter *f)
{
	enum case_status cs;

	if (f->status[0] && strcmp(f->status, "open") != 0 &&
	    case_status_from_code(f->status, &cs) != BF_OK) {
		cli_usage_error(env, "export", "未知的个案状态：%s（可用 open 表示未结案）", f->status);
		return CLI_USAGE;
	}
	if (f->category[0] && category_find(f->category) == NULL) {
		cli_usage_error(env, "export", "未知的困难类别代码：%s", f->category);
		return CLI_USAGE;
	}
	return CLI_OK;
}

int
cmd_export(struct cli_env *env, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "out", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'F' },
		{ "full", no_argument, NULL, 'f' },
		{ "status", required_argument, NULL, 's' },
		{ "category", required_argument, NULL, 'c' },
		{ "org", required_argument, NULL, 'g' },
		{ "overdue", no_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 }
	};
	struct export_opts o;
	struct app_session *s;
	const char *format = NULL;
	size_t len;
	bf_error err;
	long rows;
	int c, rc = CLI_OK;

	memset(&o, 0, sizeof o);
	optind = 0;
	while (rc == CLI_OK && (c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			env->db_path = optarg;
			break;
		case 'o':
			o.out = optarg;
			break;
		case 'F':
			format = optarg;
			break;
		case 'f':
			o.full = 1;
			break;
		case 's':
			rc = export_opt_copy(env, "--status", o.filter.status, sizeof o.filter.status, optarg);
			break;
		case 'c':
			rc = export_opt_copy(env, "--category", o.filter.category,
			    sizeof o.filter.category, optarg);
			break;
		case 'g':
			rc = export_opt_copy(env, "--org", o.filter.org, sizeof o.filter.org, optarg);
			break;
		case 'v':
			o.filter.overdue = 1;
			break;
		default:
			cli_usage_error(env, "export", "无效选项 %s", argv[optind - 1]);
			return CLI_USAGE;
		}
	}
	if (rc != CLI_OK)
		return rc;
	if (optind != argc) {
		cli_usage_error(env, "export", "多余的参数：%s", argv[optind]);
		return CLI_USAGE;
	}
	if (format == NULL && o.out != NULL && (len = strlen(o.out)) > 5 &&
	    strcasecmp(o.out + len - 5, ".xlsx") == 0)
		format = "xlsx";
	if (format != NULL && export_format_parse(format, &o.format) != BF_OK) {
		cli_usage_error(env, "export", "--format 应为 csv 或 xlsx：%s", format);
		return CLI_USAGE;
	}
	if (o.format == EXPORT_XLSX && !export_format_available(EXPORT_XLSX)) {
		fprintf(stderr, "%s export：本程序编译时没有 libxlsxwriter，不能导出 .xlsx；"
		    "请改用 --format csv（Excel 和 WPS 都能直接打开）\n", env->progname);
		return CLI_PROBLEM;
	}
	if (o.format != EXPORT_CSV && o.out == NULL) {
		cli_usage_error(env, "export", "导出 xlsx 需要用 --out 指定文件");
		return CLI_USAGE;
	}
	o.filter.sort = CASELOAD_BY_NAME;
	if ((rc = export_check_filter(env, &o.filter)) != CLI_OK)
		return rc;
	if ((rc = cli_open_forms(env, "export", 0, &s)) != CLI_OK)
		return rc;
	if (app_export(s, &o, &rows, &err) != BF_OK) {
		rc = cli_fail(env, "export", &err);
	} else {
		if (o.out != NULL)
			printf("已导出 %ld 人到 %s（%s）\n", rows, o.out,
			    o.full ? "完整信息，已记入审计日志" : "敏感信息已脱敏");
		rc = CLI_OK;
	}
	app_close(s);
	return rc;
}
