/*
 * export.c -- the caseload exporter behind `bangfu export`.
 *
 * Walks the filtered caseload a page at a time by keyset (caseload_page),
 * loads each person's stored row and turns it into the person form's
 * values, so memory stays flat whatever the size of the caseload.  The
 * output formats are a table of writers (open, row, close).  The CSV
 * writer prefixes long digit strings (citizen IDs) with a tab so that
 * Excel keeps them as text instead of rounding them to 15 digits; the
 * importer trims it away again.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef HAVE_XLSXWRITER
#include <xlsxwriter.h>
#endif

#include "app/export.h"
#include "app/formrec.h"
#include "app/session.h"
#include "forms/eval.h"
#include "forms/model.h"
#include "forms/record.h"
#include "forms/value.h"
#include "store/caseload.h"
#include "store/db.h"
#include "store/history.h"
#include "store/record.h"
#include "text/csv.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define EXPORT_PAGE 4096	/* rows per keyset page: about 2.5 MB */

/* An output being written. */
struct export_out {
	const char	*path;		/* final path, or NULL for stdout */
	char		*tmp;		/* where it is written first */
	FILE		*fp;
	strbuf		 line;
#ifdef HAVE_XLSXWRITER
	lxw_workbook	*wb;
	lxw_worksheet	*ws;
#endif
	long		 row;
};

struct export_writer {
	const char	*name;
	int		 available;
	int		(*open)(struct export_out *w, bf_error *err);
	int		(*row)(struct export_out *w, char *const *cells, size_t n, bf_error *err);
	int		(*close)(struct export_out *w, bf_error *err);
};

/* ---- CSV ----------------------------------------------------------------- */

/* Open the CSV output and write the BOM. */
static int
export_csv_open(struct export_out *w, bf_error *err)
{
	w->fp = w->tmp != NULL ? fopen(w->tmp, "wb") : stdout;
	if (w->fp == NULL)
		return err_set(err, BF_EIO, "不能写入 %s", w->path);
	fputs("\xEF\xBB\xBF", w->fp);
	return BF_OK;
}

/* 1 if s is more than 11 digits (Excel would show it as a rounded number). */
static int
export_long_number(const char *s)
{
	size_t n = strspn(s, "0123456789");

	return n > 11 && (s[n] == '\0' || (s[n] == 'X' && s[n + 1] == '\0' && n == 17));
}

/* One CSV row, CRLF-terminated. */
static int
export_csv_row(struct export_out *w, char *const *cells, size_t n, bf_error *err)
{
	size_t i;

	sb_reset(&w->line);
	for (i = 0; i < n; i++) {
		if (i > 0)
			sb_addc(&w->line, ',');
		if (w->row > 0 && export_long_number(cells[i]))
			sb_addc(&w->line, '\t');
		csv_add_field(&w->line, cells[i]);
	}
	sb_add(&w->line, "\r\n");
	if (fwrite(w->line.buf, 1, w->line.len, w->fp) != w->line.len)
		return err_set(err, BF_EIO, "写入 %s 出错", w->path ? w->path : "标准输出");
	w->row++;
	return BF_OK;
}

/* Finish the CSV output. */
static int
export_csv_close(struct export_out *w, bf_error *err)
{
	int bad = w->fp == stdout ? fflush(w->fp) != 0 : fclose(w->fp) != 0;

	w->fp = NULL;
	return bad ? err_set(err, BF_EIO, "写入 %s 出错", w->path ? w->path : "标准输出") : BF_OK;
}

/* ---- xlsx ---------------------------------------------------------------- */

#ifdef HAVE_XLSXWRITER
/* A workbook with one sheet, rows streamed to disk. */
static int
export_xlsx_open(struct export_out *w, bf_error *err)
{
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE };

	if ((w->wb = workbook_new_opt(w->tmp, &opt)) == NULL ||
	    (w->ws = workbook_add_worksheet(w->wb, "名单")) == NULL)
		return err_set(err, BF_EIO, "不能建立 %s", w->path);
	return BF_OK;
}

/* One row of strings (IDs stay text). */
static int
export_xlsx_row(struct export_out *w, char *const *cells, size_t n, bf_error *err)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (cells[i][0] != '\0' &&
		    worksheet_write_string(w->ws, (lxw_row_t)w->row, (lxw_col_t)i, cells[i], NULL)
		    != LXW_NO_ERROR)
			return err_set(err, BF_EIO, "写入 %s 第 %ld 行出错", w->path, w->row + 1);
	w->row++;
	return BF_OK;
}

/* Write the workbook out. */
static int
export_xlsx_close(struct export_out *w, bf_error *err)
{
	lxw_error e = workbook_close(w->wb);

	w->wb = NULL;
	return e == LXW_NO_ERROR ? BF_OK
	    : err_set(err, BF_EIO, "写入 %s 出错：%s", w->path, lxw_strerror(e));
}
#define EXPORT_XLSX_FNS 1, export_xlsx_open, export_xlsx_row, export_xlsx_close
#else
#define EXPORT_XLSX_FNS 0, NULL, NULL, NULL
#endif

static const struct export_writer export_writers[EXPORT_NFORMATS] = {
	[EXPORT_CSV] = { "csv", 1, export_csv_open, export_csv_row, export_csv_close },
	[EXPORT_XLSX] = { "xlsx", EXPORT_XLSX_FNS },
};

/* A format by name. */
int
export_format_parse(const char *name, enum export_format *out)
{
	int i;

	for (i = 0; i < EXPORT_NFORMATS; i++)
		if (strcmp(export_writers[i].name, name) == 0) {
			*out = (enum export_format)i;
			return BF_OK;
		}
	return BF_EINVAL;
}

/* Whether the format was built in. */
int
export_format_available(enum export_format f)
{
	return f < EXPORT_NFORMATS && export_writers[f].available;
}

/* ---- the export ----------------------------------------------------------- */

/* Roles that may export unmasked data. */
static const char *const export_full_roles[] = { "admin", "supervisor" };

/* May the acting user export everything? */
static int
export_may_full(struct db *db)
{
	size_t i;

	for (i = 0; i < sizeof export_full_roles / sizeof export_full_roles[0]; i++)
		if (strcmp(db_actor(db)->role, export_full_roles[i]) == 0)
			return 1;
	return 0;
}

/* The exported fields of form f (not groups); *n set; caller frees the array. */
static const struct form_field **
export_fields(const struct form *f, size_t *n)
{
	const struct form_field **v = xcalloc(f->nfields + 1, sizeof *v);
	size_t i;

	*n = 0;
	for (i = 0; i < f->nfields; i++)
		if (f->fields[i]->type != FT_GROUP)
			v[(*n)++] = f->fields[i];
	return v;
}

/* One person's cells (caller frees each). */
static int
export_person(struct app_session *s, const struct form *form, const struct form_field **fields,
    size_t n, int64_t id, int full, bf_date today, char **cells, bf_error *err)
{
	struct form_record *fr = form_record_new();
	struct rec r;
	const char *v;
	char *derived;
	size_t i;
	int rc;

	rec_init(&r, "person");
	if ((rc = rec_load(s->db, "person", id, &r, err)) != BF_OK)
		goto out;
	app_form_from_rec(form, &r, fr);
	for (i = 0; i < n; i++) {
		v = form_record_get(fr, fields[i]->id);
		derived = NULL;
		if (v == NULL && fields[i]->derive != NULL)
			v = derived = form_derive_value(fields[i], fr, today);
		cells[i] = full ? form_value_label(fields[i], v) : form_value_display(fields[i], v);
		free(derived);
	}
out:
	rec_clear(&r);
	form_record_free(fr);
	return rc;
}

/* What was exported, for the audit log. */
static char *
export_note(const struct export_opts *o, long rows)
{
	const struct caseload_filter *f = &o->filter;
	strbuf sb;

	sb_init(&sb);
	sb_addf(&sb, "导出 %s 到 %s：%ld 人，%s", export_writers[o->format].name,
	    o->out ? o->out : "标准输出", rows, o->full ? "完整信息（未脱敏）" : "敏感信息已脱敏");
	if (f->status[0])
		sb_addf(&sb, "；状态 %s", f->status);
	if (f->category[0])
		sb_addf(&sb, "；类别 %s", f->category);
	if (f->org[0])
		sb_addf(&sb, "；单位 %s", f->org);
	if (f->caseworker_id)
		sb_addf(&sb, "；经办人 %lld", (long long)f->caseworker_id);
	if (f->overdue)
		sb_add(&sb, "；仅回访逾期");
	return sb_detach(&sb);
}

/* Write every matching person through writer wr. */
static int
export_rows(struct app_session *s, const struct export_opts *o, const struct form *form,
    const struct export_writer *wr, struct export_out *w, long *rows, bf_error *err)
{
	struct caseload_row *page = xcalloc(EXPORT_PAGE, sizeof *page);
	struct caseload_key key;
	const struct form_field **fields;
	char **cells, today_s[11];
	bf_date today;
	size_t nf, i;
	int n, k, rc, first = 1;

	fields = export_fields(form, &nf);
	cells = xcalloc(nf + 1, sizeof *cells);
	db_today(s->db, today_s);
	if ((rc = date_parse(today_s, &today, err)) != BF_OK)
		goto out;
	for (i = 0; i < nf; i++)
		cells[i] = (char *)fields[i]->label;
	if ((rc = wr->row(w, cells, nf, err)) != BF_OK)
		goto out;
	memset(cells, 0, (nf + 1) * sizeof *cells);
	for (;;) {
		if ((rc = caseload_page(s->db, &o->filter, first ? NULL : &key, 1, page, EXPORT_PAGE,
		    &n, err)) != BF_OK)
			goto out;
		first = 0;
		for (k = 0; k < n && rc == BF_OK; k++) {
			rc = export_person(s, form, fields, nf, page[k].p.id, o->full, today, cells, err);
			if (rc == BF_OK)
				rc = wr->row(w, cells, nf, err);
			for (i = 0; i < nf; i++) {
				free(cells[i]);
				cells[i] = NULL;
			}
			if (rc == BF_OK)
				(*rows)++;
		}
		if (rc != BF_OK || n < EXPORT_PAGE)
			break;
		key = page[n - 1].key;
	}
out:
	free(cells);
	free(fields);
	free(page);
	return rc;
}

/* Export the caseload; see export.h. */
int
app_export(struct app_session *s, const struct export_opts *o, long *rows, bf_error *err)
{
	const struct export_writer *wr;
	const struct form *form;
	struct export_out w;
	char *note;
	struct stat st;
	int rc, in_place = 0;

	*rows = 0;
	if (o->format >= EXPORT_NFORMATS || !export_writers[o->format].available)
		return err_set(err, BF_EINVAL, "本程序编译时没有 libxlsxwriter，不能导出 .xlsx；"
		    "请改用 --format csv（Excel 和 WPS 都能直接打开）");
	wr = &export_writers[o->format];
	if (o->format != EXPORT_CSV && o->out == NULL)
		return err_set(err, BF_EUSAGE, "导出 %s 需要用 --out 指定文件", wr->name);
	if (db_actor(s->db)->id == 0)
		return err_set(err, BF_EPERM, "尚未登录，不能导出");
	if (o->full && !export_may_full(s->db))
		return err_set(err, BF_EPERM, "只有系统管理员和督导人员可以导出完整的身份证号、电话等敏感信息"
		    "（--full）；请去掉 --full 导出脱敏名单");
	if (s->forms == NULL || (form = form_set_find(s->forms, o->form ? o->form : "person")) == NULL)
		return err_set(err, BF_EINVAL, "没有人员表单（person.yaml）");
	memset(&w, 0, sizeof w);
	sb_init(&w.line);
	w.path = o->out;
	/*
	 * A regular file is written beside the target and renamed over it, so
	 * a failed export leaves no half file; a device or pipe (/dev/stdout,
	 * a FIFO) is written in place: renaming over it would replace it.
	 */
	if (o->out != NULL && stat(o->out, &st) == 0 && !S_ISREG(st.st_mode)) {
		w.tmp = xstrdup(o->out);
		in_place = 1;
	} else if (o->out != NULL) {
		w.tmp = xasprintf("%s.tmp%ld", o->out, (long)getpid());
	}
	if ((rc = wr->open(&w, err)) == BF_OK) {
		/* one snapshot for the whole file */
		if ((rc = db_begin_read(s->db, err)) == BF_OK) {
			rc = export_rows(s, o, form, wr, &w, rows, err);
			if (rc == BF_OK)
				rc = db_commit(s->db, err);
			else
				db_rollback(s->db);
		}
		if (wr->close(&w, rc == BF_OK ? err : NULL) != BF_OK && rc == BF_OK)
			rc = err->code;
	}
	if (rc == BF_OK) {	/* the audit row before the file is handed over */
		note = export_note(o, *rows);
		if ((rc = db_begin(s->db, err)) == BF_OK) {
			if ((rc = history_log_event(s->db, "export", "person", note, err)) == BF_OK)
				rc = db_commit(s->db, err);
			else
				db_rollback(s->db);
		}
		free(note);
	}
	if (rc == BF_OK && w.tmp != NULL && !in_place && rename(w.tmp, o->out) != 0)
		rc = err_set(err, BF_EIO, "不能写入 %s", o->out);
	if (rc != BF_OK && w.tmp != NULL && !in_place)
		unlink(w.tmp);
	free(w.tmp);
	sb_free(&w.line);
	return rc;
}
