/*
 * import.h -- importing a person ledger (台账) from CSV: the header mapped
 * to a form's fields, every row normalised and validated by the form
 * engine like a form typed in the terminal, good rows saved in batches,
 * bad rows written to a report with their reasons.
 */
#ifndef BF_APP_IMPORT_H
#define BF_APP_IMPORT_H

#include <stddef.h>

#include "app/textfile.h"
#include "util/error.h"

struct app_session;

#define IMPORT_BATCH_ROWS 2000

struct import_opts {
	const char	*path;		/* the CSV file */
	const char	*form;		/* form name; NULL = "person" */
	const char	*report;	/* report path; NULL = PATH minus .csv + ".rejected.csv" */
	int		 update;	/* update persons already on file */
	int		 dry_run;	/* validate and report, write nothing */
	int		 batch;		/* rows per transaction; 0 = IMPORT_BATCH_ROWS */
	/* after each committed batch: the last line committed */
	void		(*committed)(void *ctx, long line);
	void		*ctx;
};

struct import_result {
	long		 read;		/* data rows read (blank rows not counted) */
	long		 imported;	/* new persons */
	long		 updated;	/* existing persons updated (--update) */
	long		 rejected;	/* rows not imported because of problems */
	long		 dups;		/* of the rejected: repeats of an ID earlier in the file */
	long		 existing;	/* IDs already on file, left alone (no --update) */
	long		 problems;	/* lines written to the report */
	enum textfile_enc enc;
	char		**unknown;	/* header names that match no field (ignored) */
	size_t		 nunknown;
	char		*report;	/* the report path, or NULL if nothing to report */
	double		 secs;
};

/*
 * Import o->path into s (forms loaded).  BF_OK when the file was read to
 * the end, whatever the rows held (see res); otherwise the file could not
 * be used (unreadable, bad encoding, a required column missing, broken
 * quoting) with a Chinese message in err, and batches before the problem
 * stay committed (res says how far).  res is the caller's (import_result_free).
 */
int	app_import(struct app_session *s, const struct import_opts *o, struct import_result *res,
	    bf_error *err);
void	import_result_free(struct import_result *res);

#endif
