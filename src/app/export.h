/*
 * export.h -- exporting the caseload (台账) the list screen shows, with
 * the same filters, as CSV that Excel and WPS open correctly (UTF-8 with
 * BOM, CRLF) or as .xlsx (when built with libxlsxwriter).  Columns are
 * the person form's fields, headed by their labels, option codes written
 * as labels; sensitive fields are masked unless the export is full, which
 * only administrators and supervisors may ask for.  Every export is
 * written to the audit log.
 */
#ifndef BF_APP_EXPORT_H
#define BF_APP_EXPORT_H

#include "store/caseload.h"
#include "util/error.h"

struct app_session;

enum export_format { EXPORT_CSV, EXPORT_XLSX, EXPORT_NFORMATS };

struct export_opts {
	const char		*out;		/* file; NULL: standard output (CSV only) */
	enum export_format	 format;
	int			 full;		/* unmasked (admin, supervisor) */
	struct caseload_filter	 filter;
	const char		*form;		/* NULL = "person" */
};

/* Look up a format by name ("csv", "xlsx"); BF_OK or BF_EINVAL. */
int	export_format_parse(const char *name, enum export_format *out);
/* 1 if this build can write the format. */
int	export_format_available(enum export_format f);
/*
 * Export into o->out (written to a temporary file beside it and renamed
 * at the end, so a failed export leaves no half file).  *rows gets the
 * number of persons written.
 */
int	app_export(struct app_session *s, const struct export_opts *o, long *rows, bf_error *err);

#endif
