/*
 * cmd_report.c -- `bangfu report`: the monthly indicators of one org unit
 * (default: the user's own) printed as text, or exported as CSV or .xlsx.
 * Exports are written to the audit log.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app/report.h"
#include "app/session.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "forms/diag.h"
#include "store/auditlog.h"
#include "store/db.h"

/* Formats, in the order --format lists them. */
static const char *const report_formats[] = { "text", "csv", "xlsx", NULL };

/* Index of name in report_formats, or -1. */
static int
report_format(const char *name)
{
	int i;

	for (i = 0; report_formats[i] != NULL; i++)
		if (strcmp(report_formats[i], name) == 0)
			return i;
	return -1;
}

/* Write the report to fp (text or csv) or to out (xlsx). */
static int
report_emit(struct app_report *r, int fmt, const char *out, bf_error *err)
{
	FILE *fp = stdout;
	int rc;

	if (fmt == 2)
		return app_report_xlsx(r, out, err);
	if (out != NULL && (fp = fopen(out, "w")) == NULL)
		return err_set(err, BF_EIO, "无法写入 %s", out);
	rc = fmt == 1 ? app_report_csv(r, fp) : app_report_text(r, fp);
	if (fp != stdout && fclose(fp) != 0)
		rc = BF_EIO;
	if (rc != BF_OK)
		return err_set(err, rc, "写入报表失败");
	return BF_OK;
}

/*
 * bangfu report [--org CODE] [--month YYYY-MM] [--format text|csv|xlsx]
 * [--output FILE] [--time]
 */
int
cmd_report(struct cli_env *env, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "org", required_argument, NULL, 'o' },
		{ "month", required_argument, NULL, 'm' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'O' },
		{ "time", no_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	const char *org = "", *month = "", *out = NULL;
	struct forms_diags diags;
	struct app_session *s;
	struct app_report r;
	struct timespec t0, t1;
	bf_error err;
	int c, fmt = 0, timing = 0, rc;
	char note[128];

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'o': org = optarg; break;
		case 'm': month = optarg; break;
		case 'O': out = optarg; break;
		case 't': timing = 1; break;
		case 'f':
			if ((fmt = report_format(optarg)) < 0) {
				cli_usage_error(env, "report", "格式应为 text、csv 或 xlsx，不是“%s”", optarg);
				return CLI_USAGE;
			}
			break;
		default:
			cli_usage_error(env, "report", "无效选项 %s", argv[optind - 1]);
			return CLI_USAGE;
		}
	}
	if (optind < argc) {
		cli_usage_error(env, "report", "多余的参数 %s", argv[optind]);
		return CLI_USAGE;
	}
	if (fmt == 2 && out == NULL) {
		cli_usage_error(env, "report", "导出 xlsx 需要 --output 文件名");
		return CLI_USAGE;
	}
	if ((rc = cli_open(env, "report", 0, &s)) != CLI_OK)
		return rc;
	err_clear(&err);
	forms_diags_init(&diags);
	if (app_load_forms(s, env->forms_dir, &diags, &err) != BF_OK)
		err_clear(&err);	/* category codes then stay unlabelled */
	forms_diags_free(&diags);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (app_report_make(s->db, s->forms, org, month, &r, &err) != BF_OK) {
		app_close(s);
		return cli_fail(env, "report", &err);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	rc = report_emit(&r, fmt, out, &err);
	if (rc == BF_OK && fmt != 0) {
		snprintf(note, sizeof note, "指标报表 %s %s %s", r.org_code, r.period.month,
		    report_formats[fmt]);
		rc = auditlog_export(s->db, "report", 0, note, &err);
	}
	if (rc == BF_OK && timing)
		fprintf(stderr, "用时 %.1f 毫秒\n",
		    (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
	app_report_free(&r);
	app_close(s);
	return rc == BF_OK ? CLI_OK : cli_fail(env, "report", &err);
}
