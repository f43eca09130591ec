/*
 * import.c -- the ledger importer behind `bangfu import`.
 *
 * One pass over the file: the header row is mapped to the form's fields
 * (id, label or alias), then each row becomes a form record that the form
 * engine normalises and validates exactly as it would a form typed in the
 * terminal -- in the reading thread of import_read.c, while this side
 * saves the rows before it.  Rows are saved through app/formrec.c and
 * store/person.c, so the same rules (derived columns, duplicate IDs,
 * scope, versions, one audit row per person) hold as for the editor.
 * Rows are committed IMPORT_BATCH_ROWS at a time; each row is its own
 * savepoint inside the batch, so a row the store refuses is undone alone.
 * A kill leaves whole batches.  A dry run does the same work and rolls
 * every batch back.  Into an empty database the person table's secondary
 * indexes are built once at the end (store/bulk.c).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "app/formrec.h"
#include "app/import.h"
#include "app/import_read.h"
#include "app/session.h"
#include "app/textfile.h"
#include "core/date.h"
#include "core/normalize.h"
#include "forms/model.h"
#include "forms/record.h"
#include "forms/value.h"
#include "store/bulk.h"
#include "store/db.h"
#include "store/history.h"
#include "store/orgunit.h"
#include "store/person.h"
#include "store/record.h"
#include "text/csv.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* ---- the run ---------------------------------------------------------- */

struct import_run {
	struct app_session	*s;
	const struct import_opts *o;
	struct import_result	*res;
	const struct form	*form;
	const struct form_field	*idf;		/* the id_card field that keys persons */
	struct import_col	*cols;
	size_t			 ncols;
	bf_date			 today;
	const struct import_item *cur;		/* the row being saved */
	FILE			*rep;		/* the report, opened on first use */
	strbuf			 line;		/* scratch for report lines */
	struct csv		*csv;
	int			 deferred;	/* person indexes dropped, rebuilt at the end */
};

/* Write one report line: file line, column, value, reason. */
static int
import_report(struct import_run *r, long line, const char *column, const char *value,
    const char *reason, bf_error *err)
{
	char num[24];

	if (r->rep == NULL) {
		if ((r->rep = fopen(r->res->report, "wb")) == NULL)
			return err_set(err, BF_EIO, "不能写报告文件 %s", r->res->report);
		fputs("\xEF\xBB\xBF行号,列,值,原因\r\n", r->rep);
	}
	snprintf(num, sizeof num, "%ld", line);
	sb_reset(&r->line);
	sb_add(&r->line, num);
	sb_addc(&r->line, ',');
	csv_add_field(&r->line, column);
	sb_addc(&r->line, ',');
	csv_add_field(&r->line, value);
	sb_addc(&r->line, ',');
	csv_add_field(&r->line, reason);
	sb_add(&r->line, "\r\n");
	fwrite(r->line.buf, 1, r->line.len, r->rep);
	r->res->problems++;
	return BF_OK;
}

/* The header a field was read from ("" if the file has no such column), and its raw value. */
static void
import_col_of(const struct import_run *r, const char *field_id, const char **header,
    const char **value)
{
	size_t i;

	*header = "";
	*value = "";
	for (i = 0; i < r->ncols; i++) {
		if (r->cols[i].f != NULL && strcmp(r->cols[i].f->id, field_id) == 0) {
			*header = r->cols[i].header;
			*value = r->cur->vals != NULL ? r->cur->vals[i] : "";
			return;
		}
	}
}

/* Report a problem with field_id (NULL: the whole row). */
static int
import_problem(struct import_run *r, const char *field_id, const char *reason, bf_error *err)
{
	const struct form_field *f;
	const char *header = "", *value = "";

	if (field_id != NULL) {
		import_col_of(r, field_id, &header, &value);
		if (*header == '\0' && (f = form_find_field(r->form, field_id)) != NULL)
			header = f->label;
	}
	return import_report(r, r->cur->line, header, value, reason, err);
}

/* s without surrounding spaces (ASCII and the ideographic space U+3000); caller frees. */
static char *
import_trim(const char *s)
{
	size_t n;

	for (;;) {
		if (*s == ' ' || *s == '\t')
			s++;
		else if (strncmp(s, "\xE3\x80\x80", 3) == 0)
			s += 3;
		else
			break;
	}
	n = strlen(s);
	for (;;) {
		if (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		else if (n >= 3 && strncmp(s + n - 3, "\xE3\x80\x80", 3) == 0)
			n -= 3;
		else
			break;
	}
	return xstrndup(s, n);
}

/* Does name, made half-width, equal h (already half-width)? */
static int
import_same_halfwidth(const char *name, const char *h)
{
	char *n = name != NULL ? norm_halfwidth_trim(name) : NULL;
	int same = n != NULL && strcmp(n, h) == 0;

	free(n);
	return same;
}

/*
 * The field a header means: exactly its id, label or alias, else the same
 * once full-width letters and brackets are made half-width on both sides
 * ("常住地社区(村)" for "常住地社区（村）").
 */
static const struct form_field *
import_field_for_header(const struct form *form, const char *header)
{
	const struct form_field *f = form_fields_by_header(form->fields, form->nfields, header);
	char *h;
	size_t i, j;

	if (f != NULL)
		return f;
	h = norm_halfwidth_trim(header);
	for (i = 0; i < form->nfields && f == NULL; i++) {
		if (import_same_halfwidth(form->fields[i]->id, h) ||
		    import_same_halfwidth(form->fields[i]->label, h))
			f = form->fields[i];
		for (j = 0; j < form->fields[i]->naliases && f == NULL; j++)
			if (import_same_halfwidth(form->fields[i]->aliases[j], h))
				f = form->fields[i];
	}
	free(h);
	return f;
}

/* Map the header row to fields; refuse duplicate and missing required columns. */
static int
import_header(struct import_run *r, bf_error *err)
{
	const struct form_field *f;
	struct import_col *c;
	size_t i, j;

	r->ncols = csv_nfields(r->csv);
	r->cols = xcalloc(r->ncols, sizeof *r->cols);
	for (i = 0; i < r->ncols; i++) {
		c = &r->cols[i];
		c->header = import_trim(csv_field(r->csv, i));
		if (c->header[0] == '\0')
			continue;
		f = import_field_for_header(r->form, c->header);
		if (f == NULL || f->type == FT_GROUP) {
			r->res->unknown = xreallocarray(r->res->unknown, r->res->nunknown + 1,
			    sizeof *r->res->unknown);
			r->res->unknown[r->res->nunknown++] = xstrdup(c->header);
			continue;
		}
		for (j = 0; j < i; j++)
			if (r->cols[j].f == f)
				return err_set(err, BF_EINVAL, "表头第 %zu 列“%s”和第 %zu 列“%s”都对应“%s”",
				    j + 1, r->cols[j].header, i + 1, c->header, f->label);
		c->f = f;
	}
	for (i = 0; i < r->form->nfields; i++) {
		f = r->form->fields[i];
		if (f->type == FT_GROUP || !f->required || f->derive != NULL || f->def != NULL)
			continue;
		if (r->o->update && f != r->idf)
			continue;
		for (j = 0; j < r->ncols && r->cols[j].f != f; j++)
			;
		if (j == r->ncols)
			return err_set(err, BF_EINVAL, "缺少必填的列“%s”（表头可写字段名、标识 %s%s%s）",
			    f->label, f->id, f->naliases ? " 或别名 " : "",
			    f->naliases ? f->aliases[0] : "");
	}
	return BF_OK;
}

/*
 * The residence must be a community on file (the form engine sees only
 * twelve digits): clears *ok and reports it otherwise.
 */
static int
import_check_community(struct import_run *r, const struct form_record *fr, int *ok, bf_error *err)
{
	const char *cc = form_record_get(fr, "community_code");
	struct org_unit u;
	bf_error oerr;

	if (!*ok || cc == NULL || form_value_blank(cc))
		return BF_OK;
	if (orgunit_get(r->s->db, cc, &u, &oerr) != BF_OK ||
	    orgunit_check_community(&u, &oerr) != BF_OK) {
		*ok = 0;
		return import_problem(r, "community_code", oerr.msg, err);
	}
	return BF_OK;
}

/* Report the errors the form engine found in a row. */
static int
import_report_fixes(struct import_run *r, const struct import_fix *fix, size_t nfix, bf_error *err)
{
	size_t i;
	int rc = BF_OK;

	for (i = 0; i < nfix && rc == BF_OK; i++)
		rc = import_problem(r, fix[i].field, fix[i].msg, err);
	return rc;
}

/* Validate fr (a person on file with the row's values over it); report every error. */
static int
import_validate(struct import_run *r, struct form_record *fr, int *ok, bf_error *err)
{
	struct import_fix *fix = NULL;
	size_t nfix = 0;
	int rc;

	*ok = import_check_record(r->form, fr, r->today, &fix, &nfix);
	rc = import_report_fixes(r, fix, nfix, err);
	import_fixes_free(fix, nfix);
	return rc == BF_OK ? import_check_community(r, fr, ok, err) : rc;
}

/*
 * Save fr over person id read at version, or (id 0) it->rec, the new
 * person the reader prepared, in a savepoint of its own; BF_OK or the
 * store's refusal in serr.
 */
static int
import_save(struct import_run *r, const struct import_item *it, const struct form_record *fr,
    int64_t id, int64_t version, bf_error *serr)
{
	int64_t newid = id, existing;
	int rc;

	if (id == 0 && it->rec == NULL) {
		*serr = it->prep;
		return serr->code;
	}
	if ((rc = db_begin(r->s->db, serr)) != BF_OK)
		return rc;
	rc = id == 0 ? person_save_prepared(r->s->db, it->rec, &existing, serr)
	    : app_person_save(r->s, fr, &newid, &version, &existing, serr);
	if (rc != BF_OK) {
		db_rollback(r->s->db);
		return rc;
	}
	return db_commit(r->s->db, serr);
}

/*
 * One data row, read and checked by the reader: look the ID up on file,
 * then save it new, or over the person on file with --update (checked
 * again here, merged), or report why not.
 */
static int
import_row(struct import_run *r, struct import_item *it, bf_error *err)
{
	struct form_record *fr = NULL;
	struct import_result *res = r->res;
	int64_t existing = 0;
	int64_t version = 0;
	char msg[256];
	bf_error serr;
	int rc = BF_OK, ok = it->ok, dup = it->dup_of != 0;

	r->cur = it;
	res->read++;
	if (it->vals == NULL) {
		snprintf(msg, sizeof msg, "本行有 %zu 列，表头有 %zu 列（可能是引号或逗号不配对），整行未导入",
		    it->nfields, r->ncols);
		res->rejected++;
		return import_problem(r, NULL, msg, err);
	}
	if (dup) {
		snprintf(msg, sizeof msg, "公民身份号码与第 %ld 行重复，本行未导入", it->dup_of);
		if ((rc = import_problem(r, r->idf->id, msg, err)) != BF_OK)
			return rc;
	}
	if (!dup && it->id[0] != '\0' &&
	    (rc = person_find_by_citizen_id(r->s->db, it->id, &existing, &serr)) != BF_OK) {
		if (rc != BF_EPERM) {
			*err = serr;
			return rc;
		}
		/* held in another community: rejected without naming the file */
		res->rejected++;
		return import_problem(r, r->idf->id, serr.msg, err);
	}
	if (existing != 0 && !r->o->update) {
		res->existing++;
		snprintf(msg, sizeof msg, "已登记（档案号 %lld），未指定 --update，未更新",
		    (long long)existing);
		return import_problem(r, r->idf->id, msg, err);
	}
	if (existing != 0) {
		/* update: the file's non-blank values over what is on file */
		if (app_person_load(r->s, existing, &fr, &version, &serr) != BF_OK) {
			res->rejected++;
			return import_problem(r, r->idf->id, serr.msg, err);
		}
		import_item_apply(it, r->cols, r->ncols, fr);
		rc = import_validate(r, fr, &ok, err);
	} else if ((rc = import_report_fixes(r, it->fix, it->nfix, err)) == BF_OK) {
		rc = import_check_community(r, it->fr, &ok, err);
	}
	if (rc != BF_OK)
		goto out;
	if (!ok || dup) {
		res->rejected++;
		res->dups += dup;
		goto out;
	}
	if (import_save(r, it, fr, existing, version, &serr) != BF_OK) {
		res->rejected++;
		rc = import_problem(r, serr.code == BF_EDUP ? r->idf->id : NULL, serr.msg, err);
		goto out;
	}
	if (existing != 0)
		res->updated++;
	else
		res->imported++;
out:
	form_record_free(fr);
	return rc;
}

/* End a batch: commit (or roll back in a dry run) and tell the caller. */
static int
import_end_batch(struct import_run *r, long last_line, bf_error *err)
{
	int rc;

	if (r->o->dry_run) {
		db_rollback(r->s->db);
		return BF_OK;
	}
	if ((rc = db_commit(r->s->db, err)) != BF_OK)
		return rc;
	if (r->o->committed != NULL)
		r->o->committed(r->o->ctx, last_line);
	return BF_OK;
}

/* The audit row of the whole import. */
static int
import_audit(struct import_run *r, bf_error *err)
{
	const struct import_result *res = r->res;
	char *note;
	int rc;

	note = xasprintf("导入 %s（%s）：读取 %ld 行，导入 %ld，更新 %ld，拒绝 %ld，"
	    "文件内重复 %ld，已存在 %ld", r->o->path, textfile_encoding_label(res->enc),
	    res->read, res->imported, res->updated, res->rejected, res->dups, res->existing);
	if ((rc = db_begin(r->s->db, err)) == BF_OK) {
		if ((rc = history_log_event(r->s->db, "import", r->form->record, note, err)) == BF_OK)
			rc = db_commit(r->s->db, err);
		else
			db_rollback(r->s->db);
	}
	free(note);
	return rc;
}

/* The default report path: PATH without .csv, plus .rejected.csv. */
static char *
import_report_path(const char *path)
{
	size_t n = strlen(path);

	if (n > 4 && strcasecmp(path + n - 4, ".csv") == 0)
		n -= 4;
	return xasprintf("%.*s.rejected.csv", (int)n, path);
}

/*
 * Into an empty database (a station's first ledger), the person table's
 * secondary indexes and name index are built once after the last row
 * instead of row by row (store/bulk.c; a kill leaves them to the next
 * open).  Inside the first batch's transaction.
 */
static int
import_defer_indexes(struct import_run *r, bf_error *err)
{
	if (r->o->dry_run)
		return BF_OK;
	return bulk_defer_indexes(r->s->db, &r->deferred, err);
}

/* Build what import_defer_indexes dropped; err is kept if already set. */
static int
import_rebuild_indexes(struct import_run *r, int rc, bf_error *err)
{
	bf_error rerr;

	if (!r->deferred)
		return rc;
	r->deferred = 0;
	if (bulk_recover(r->s->db, &rerr) != BF_OK && rc == BF_OK) {
		*err = rerr;
		rc = rerr.code;
	}
	return rc;
}

/* Save every row the reader hands over; see import.h. */
static int
import_rows(struct import_run *r, bf_error *err)
{
	struct import_reader_cfg cfg = {
		r->csv, r->form, r->idf, r->cols, r->ncols, r->today
	};
	struct import_reader *rd;
	struct import_item *it;
	long in_batch = 0, last_line = 0;
	int rc, open_tx = 0, batch = r->o->batch > 0 ? r->o->batch : IMPORT_BATCH_ROWS;

	if ((rc = import_reader_start(&cfg, &rd, err)) != BF_OK)
		return rc;
	db_set_large_cache(r->s->db, 1);
	for (;;) {
		if ((rc = import_reader_next(rd, &it, err)) != BF_OK || it == NULL)
			break;
		if (!open_tx) {
			if ((rc = db_begin(r->s->db, err)) != BF_OK)
				break;
			open_tx = 1;
			if (r->res->read == 0 && (rc = import_defer_indexes(r, err)) != BF_OK)
				break;
		}
		rc = import_row(r, it, err);
		last_line = it->end_line;
		r->cur = NULL;
		if (rc != BF_OK)
			break;
		if (++in_batch == batch) {
			open_tx = 0;
			in_batch = 0;
			if ((rc = import_end_batch(r, last_line, err)) != BF_OK)
				break;
		}
	}
	import_reader_stop(rd);
	if (rc == BF_OK && open_tx) {
		open_tx = 0;
		rc = import_end_batch(r, last_line, err);
	}
	if (open_tx)
		db_rollback(r->s->db);
	rc = import_rebuild_indexes(r, rc, err);
	db_set_large_cache(r->s->db, 0);
	return rc;
}

/* Import a ledger. */
int
app_import(struct app_session *s, const struct import_opts *o, struct import_result *res,
    bf_error *err)
{
	struct import_run r;
	struct textfile *tf = NULL;
	struct timespec t0, t1;
	char today[11];
	size_t i;
	int rc, got;

	memset(res, 0, sizeof *res);
	memset(&r, 0, sizeof r);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	r.s = s;
	r.o = o;
	r.res = res;
	sb_init(&r.line);
	if (s->forms == NULL || (r.form = form_set_find(s->forms, o->form ? o->form : "person")) == NULL)
		return err_set(err, BF_EINVAL, "没有名为“%s”的表单", o->form ? o->form : "person");
	if (strcmp(r.form->record, "person") != 0)
		return err_set(err, BF_EINVAL, "目前只能导入人员台账（表单 person），“%s”保存到 %s",
		    r.form->name, r.form->record);
	for (i = 0; i < r.form->nfields && r.idf == NULL; i++)
		if (r.form->fields[i]->type == FT_ID_CARD && r.form->fields[i]->column != NULL &&
		    strcmp(r.form->fields[i]->column, "citizen_id") == 0)
			r.idf = r.form->fields[i];
	if (r.idf == NULL)
		return err_set(err, BF_EINVAL, "表单“%s”没有保存到 citizen_id 的身份证号字段", r.form->name);
	db_today(s->db, today);
	if ((rc = date_parse(today, &r.today, err)) != BF_OK)
		return rc;
	res->report = o->report ? xstrdup(o->report) : import_report_path(o->path);
	if ((rc = textfile_open(o->path, &tf, err)) != BF_OK)
		goto out;
	res->enc = textfile_encoding(tf);
	r.csv = csv_new(textfile_read, tf);
	if ((rc = csv_next(r.csv, &got, err)) != BF_OK)
		goto out;
	if (!got || csv_row_blank(r.csv)) {
		rc = err_set(err, BF_EINVAL, "%s 第一行应为表头（字段名），但文件是空的或第一行为空", o->path);
		goto out;
	}
	if ((rc = import_header(&r, err)) != BF_OK || (rc = import_rows(&r, err)) != BF_OK)
		goto out;
	if (!o->dry_run)
		rc = import_audit(&r, err);
out:
	if (r.rep != NULL && fclose(r.rep) != 0 && rc == BF_OK)
		rc = err_set(err, BF_EIO, "写报告文件 %s 出错", res->report);
	if (r.rep == NULL) {
		free(res->report);
		res->report = NULL;
	}
	for (i = 0; i < r.ncols; i++)
		free(r.cols[i].header);
	free(r.cols);
	sb_free(&r.line);
	csv_free(r.csv);
	textfile_close(tf);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	res->secs = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	return rc;
}

/* Free what a result owns. */
void
import_result_free(struct import_result *res)
{
	size_t i;

	if (res == NULL)
		return;
	for (i = 0; i < res->nunknown; i++)
		free(res->unknown[i]);
	free(res->unknown);
	free(res->report);
	res->unknown = NULL;
	res->nunknown = 0;
	res->report = NULL;
}
