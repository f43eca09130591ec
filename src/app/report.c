/*
 * report.c -- rendering the indicator report (text, CSV, xlsx).
 *
 * The numbers come from store/indicators.c; this file only adds names
 * (the unit's name, category labels from the code list
 * difficulty_category) and lays them out.  CSV quotes every text field
 * and writes a UTF-8 byte order mark so that spreadsheet programs used in
 * the offices open the Chinese text correctly.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef HAVE_XLSXWRITER
#include <xlsxwriter.h>
#endif

#include "app/report.h"
#include "forms/model.h"
#include "store/db.h"
#include "store/orgunit.h"
#include "text/width.h"
#include "util/strbuf.h"

/* Label of category code from the code list, or "类别 CODE". */
void
app_report_category_label(const struct form_set *forms, const char *code, char *out, size_t len)
{
	const struct form_list *l = forms != NULL ? form_set_list(forms, "difficulty_category") : NULL;
	size_t i;

	for (i = 0; l != NULL && i < l->noptions; i++) {
		if (strcmp(l->options[i].code, code) == 0) {
			snprintf(out, len, "%s", l->options[i].label);
			return;
		}
	}
	snprintf(out, len, "类别 %s", code);
}

/* Compute and label the report. */
int
app_report_make(struct db *db, const struct form_set *forms, const char *org, const char *month,
    struct app_report *r, bf_error *err)
{
	struct org_unit u;
	int i, rc;

	memset(r, 0, sizeof *r);
	if ((rc = indicators_period(db, org, month, &r->period, err)) != BF_OK)
		return rc;
	if ((rc = orgunit_get(db, org != NULL && org[0] ? org : db_actor(db)->org, &u, err)) != BF_OK)
		return rc;
	snprintf(r->org_name, sizeof r->org_name, "%s", u.name);
	snprintf(r->org_code, sizeof r->org_code, "%s", u.code);
	if ((rc = indicators_report(db, &r->period, &r->rows, &r->nrows, &r->workers, &r->nworkers,
	    err)) != BF_OK) {
		app_report_free(r);
		return rc;
	}
	for (i = 0; i < r->nrows; i++)
		if (r->rows[i].code[0] != '\0')
			app_report_category_label(forms, r->rows[i].code, r->rows[i].label,
			    sizeof r->rows[i].label);
	return BF_OK;
}

/* Free what app_report_make allocated. */
void
app_report_free(struct app_report *r)
{
	if (r == NULL)
		return;
	free(r->rows);
	free(r->workers);
	r->rows = NULL;
	r->workers = NULL;
	r->nrows = r->nworkers = 0;
}

/* Aligned text for a terminal or a printer. */
int
app_report_text(const struct app_report *r, FILE *fp)
{
	strbuf sb;
	int i;

	sb_init(&sb);
	fprintf(fp, "帮扶工作指标  %s（%s）  %s\n", r->org_name, r->org_code, r->period.month);
	fprintf(fp, "统计期：%s 至 %s；状态截至 %s\n\n", r->period.ms, r->period.me, r->period.asof);
	for (i = 0; i < r->nrows; i++) {
		const struct ind_row *w = &r->rows[i];

		sb_reset(&sb);
		sb_add(&sb, w->indent ? "    " : "");
		width_pad(&sb, w->label, w->indent ? 40 : 44);
		fprintf(fp, "%s %8ld %s\n", sb_str(&sb), w->value, w->unit);
	}
	fprintf(fp, "\n各社区工作人员在册个案（未结案）\n");
	for (i = 0; i < r->nworkers; i++) {
		const struct ind_worker *w = &r->workers[i];

		char name[160];

		if (w->id == 0)
			snprintf(name, sizeof name, "（未分配）");
		else
			snprintf(name, sizeof name, "%s（%s）", w->name[0] ? w->name : w->login, w->login);
		sb_reset(&sb);
		sb_add(&sb, "    ");
		width_pad(&sb, name, 40);
		fprintf(fp, "%s %8ld 人  回访逾期 %ld 人\n", sb_str(&sb), w->open, w->overdue);
	}
	sb_free(&sb);
	return ferror(fp) ? BF_EIO : BF_OK;
}

/* One CSV field, quoted. */
static void
report_csv_field(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}

/* CSV: one row per indicator, then one per caseworker. */
int
app_report_csv(const struct app_report *r, FILE *fp)
{
	int i;

	fputs("\xef\xbb\xbf", fp);
	fputs("单位代码,单位,月份,指标代码,类别代码,指标,数值,计量单位\n", fp);
	for (i = 0; i < r->nrows; i++) {
		const struct ind_row *w = &r->rows[i];

		fprintf(fp, "%s,", r->org_code);
		report_csv_field(fp, r->org_name);
		fprintf(fp, ",%s,%s,%s,", r->period.month, w->id, w->code);
		report_csv_field(fp, w->label);
		fprintf(fp, ",%ld,%s\n", w->value, w->unit);
	}
	for (i = 0; i < r->nworkers; i++) {
		const struct ind_worker *w = &r->workers[i];

		fprintf(fp, "%s,", r->org_code);
		report_csv_field(fp, r->org_name);
		fprintf(fp, ",%s,caseload,%s,", r->period.month, w->login);
		report_csv_field(fp, w->id ? w->name : "（未分配）");
		fprintf(fp, ",%ld,人\n", w->open);
	}
	return ferror(fp) ? BF_EIO : BF_OK;
}

/* .xlsx: one sheet of indicators, one of caseloads. */
int
app_report_xlsx(const struct app_report *r, const char *path, bf_error *err)
{
#ifdef HAVE_XLSXWRITER
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws, *ws2;
	lxw_format *bold;
	char title[256];
	int i;

	if (wb == NULL)
		return err_set(err, BF_EIO, "无法创建文件 %s", path);
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	ws = workbook_add_worksheet(wb, "指标");
	ws2 = workbook_add_worksheet(wb, "个案数");
	snprintf(title, sizeof title, "帮扶工作指标  %s（%s）  %s", r->org_name, r->org_code,
	    r->period.month);
	worksheet_write_string(ws, 0, 0, title, bold);
	worksheet_write_string(ws, 1, 0, "指标代码", bold);
	worksheet_write_string(ws, 1, 1, "指标", bold);
	worksheet_write_string(ws, 1, 2, "数值", bold);
	worksheet_write_string(ws, 1, 3, "单位", bold);
	worksheet_set_column(ws, 1, 1, 40, NULL);
	for (i = 0; i < r->nrows; i++) {
		const struct ind_row *w = &r->rows[i];
		char id[40];

		snprintf(id, sizeof id, "%s%s%s", w->id, w->code[0] ? ":" : "", w->code);
		worksheet_write_string(ws, (lxw_row_t)(i + 2), 0, id, NULL);
		worksheet_write_string(ws, (lxw_row_t)(i + 2), 1, w->label, NULL);
		worksheet_write_number(ws, (lxw_row_t)(i + 2), 2, (double)w->value, NULL);
		worksheet_write_string(ws, (lxw_row_t)(i + 2), 3, w->unit, NULL);
	}
	worksheet_write_string(ws2, 0, 0, "登录名", bold);
	worksheet_write_string(ws2, 0, 1, "姓名", bold);
	worksheet_write_string(ws2, 0, 2, "在册个案", bold);
	worksheet_write_string(ws2, 0, 3, "回访逾期", bold);
	for (i = 0; i < r->nworkers; i++) {
		const struct ind_worker *w = &r->workers[i];

		worksheet_write_string(ws2, (lxw_row_t)(i + 1), 0, w->login, NULL);
		worksheet_write_string(ws2, (lxw_row_t)(i + 1), 1, w->id ? w->name : "（未分配）", NULL);
		worksheet_write_number(ws2, (lxw_row_t)(i + 1), 2, (double)w->open, NULL);
		worksheet_write_number(ws2, (lxw_row_t)(i + 1), 3, (double)w->overdue, NULL);
	}
	if (workbook_close(wb) != LXW_NO_ERROR)
		return err_set(err, BF_EIO, "写入 %s 失败", path);
	return BF_OK;
#else
	(void)r;
	(void)path;
	return err_set(err, BF_EINVAL, "本程序编译时未找到 libxlsxwriter，不能导出 .xlsx；请改用 --format csv");
#endif
}
