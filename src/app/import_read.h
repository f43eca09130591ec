/*
 * import_read.h -- the reading half of `bangfu import`: a thread of its
 * own reads the ledger's rows, maps them to the form's fields, and has
 * the form engine normalise and validate each one, while the importer
 * (import.c) saves the rows before it.  Rows come out in file order
 * through a bounded queue, so memory stays flat whatever the file size.
 *
 * The reader never touches the database: everything that needs it (IDs
 * already on file, the residence community, scope) is the importer's.
 */
#ifndef BF_APP_IMPORT_READ_H
#define BF_APP_IMPORT_READ_H

#include <stddef.h>

#include "core/date.h"
#include "util/error.h"

struct csv;
struct rec;
struct form;
struct form_field;
struct form_record;

/* One column of the file. */
struct import_col {
	char			*header;	/* as written, trimmed */
	const struct form_field	*f;		/* NULL: ignored */
};

/* A problem the form engine found in a row. */
struct import_fix {
	char	*field;		/* field id */
	char	*msg;		/* in Chinese */
};

/* One data row, read and checked. */
struct import_item {
	long		 line, end_line;	/* lines the row starts and ends on */
	size_t		 nfields;	/* fields the row had */
	char		**vals;		/* ncols fields as read; NULL if nfields != ncols */
	struct form_record *fr;		/* normalised, defaults filled; NULL with vals */
	char		 id[19];	/* normalised citizen ID, "" if missing or invalid */
	long		 dup_of;	/* line the ID first appeared on in the file, else 0 */
	int		 ok;		/* no error in fix */
	struct import_fix *fix;
	size_t		 nfix;
	/* for a good row: the person row to insert, derived columns filled (person_prepare) */
	struct rec	*rec;		/* NULL if not good, or prep says why not */
	bf_error	 prep;
};

struct import_reader_cfg {
	struct csv		*csv;		/* positioned after the header row */
	const struct form	*form;
	const struct form_field	*idf;		/* the citizen ID field */
	const struct import_col	*cols;
	size_t			 ncols;
	bf_date			 today;
};

struct import_reader;

/* Start reading (cfg and what it points to must outlive the reader). */
int	import_reader_start(const struct import_reader_cfg *cfg, struct import_reader **out,
	    bf_error *err);
/*
 * The next row in file order into *item, or NULL at the end of the file;
 * the row is the reader's, valid until the next call.  An unreadable file
 * (broken quoting, a bad byte) ends the rows with that error.
 */
int	import_reader_next(struct import_reader *rd, struct import_item **item, bf_error *err);
/* Stop the thread (if still reading) and free the reader; NULL is fine. */
void	import_reader_stop(struct import_reader *rd);

/*
 * Normalise fr and validate it with the form engine, as a form typed in
 * the terminal: 1 if it has no error; each error appended to *fix (*nfix
 * of them; the caller frees them with import_fixes_free).
 */
int	import_check_record(const struct form *form, struct form_record *fr, bf_date today,
	    struct import_fix **fix, size_t *nfix);
void	import_fixes_free(struct import_fix *fix, size_t nfix);
/* The row's values as read, over fr (only mapped, non-blank fields). */
void	import_item_apply(const struct import_item *it, const struct import_col *cols, size_t ncols,
	    struct form_record *fr);

#endif
