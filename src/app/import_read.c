/*
 * import_read.c -- reading and checking ledger rows in a thread of their
 * own (see import_read.h).
 *
 * Why a thread: at a million rows, parsing, normalising and validating
 * took about a third of the import and saving the rest; on two cores the
 * two halves now overlap.  The reader shares nothing mutable with the
 * importer but the queue: the form set and the column map are read-only,
 * and each row is the importer's until it asks for the next handful,
 * when the used ones come back to the reader to be freed.
 */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/formrec.h"
#include "app/import_read.h"
#include "forms/diag.h"
#include "forms/eval.h"
#include "forms/model.h"
#include "forms/record.h"
#include "forms/value.h"
#include "store/person.h"
#include "store/record.h"
#include "text/csv.h"
#include "util/hash.h"
#include "util/xalloc.h"

/* Rows read ahead of the importer: enough to ride out a commit. */
#define IMPORT_QUEUE 1024
/*
 * Rows handed over at a time.  One at a time, the slower side woke the
 * other for every row: a context switch per row, a fifth of the time.
 */
#define IMPORT_HANDFUL 64

/* ---- citizen IDs seen in the file: an open-addressing hash set ---------- */

struct idseen {
	char	id[19];
	long	line;		/* 0: empty slot */
};

struct idset {
	struct idseen	*v;
	size_t		 cap, n;	/* cap a power of two */
};

/* The line id was first seen on, or 0 after recording it at line. */
static long
idset_check(struct idset *s, const char *id, long line)
{
	struct idseen *old;
	size_t i, oldcap;

	if (s->n * 2 >= s->cap) {
		old = s->v;
		oldcap = s->cap;
		s->cap = oldcap ? oldcap * 2 : 1024;
		s->v = xcalloc(s->cap, sizeof *s->v);
		s->n = 0;
		for (i = 0; i < oldcap; i++)
			if (old[i].line != 0)
				idset_check(s, old[i].id, old[i].line);
		free(old);
	}
	for (i = hash_str(id) & (s->cap - 1); s->v[i].line != 0; i = (i + 1) & (s->cap - 1))
		if (strcmp(s->v[i].id, id) == 0)
			return s->v[i].line;
	snprintf(s->v[i].id, sizeof s->v[i].id, "%s", id);
	s->v[i].line = line;
	s->n++;
	return 0;
}

/* ---- the reader ---------------------------------------------------------- */

struct import_reader {
	struct import_reader_cfg cfg;
	struct idset	 seen;
	pthread_t	 thread;
	pthread_mutex_t	 mu;
	pthread_cond_t	 can_put, can_get;
	struct import_item *q[IMPORT_QUEUE];
	size_t		 head, n;
	int		 put_waits, get_waits;	/* a side is asleep on its condition */
	int		 done;		/* the reader has put its last row */
	int		 stop;		/* the importer wants no more rows */
	int		 rc;		/* why reading ended */
	bf_error	 err;
	/* the reader's handful being filled, and the importer's being emptied */
	struct import_item *out[IMPORT_HANDFUL];
	size_t		 nout;
	struct import_item *in[IMPORT_HANDFUL];
	size_t		 nin, iin;
	/*
	 * The importer's used handful, back to be freed here: freed by the
	 * thread that did not allocate them, glibc's malloc took a lock per
	 * row on the reader's arena (a tenth of the importer's time).
	 */
	struct import_item *spent[IMPORT_HANDFUL];
	size_t		 nspent;
};

/* Free a row. */
static void
import_item_free(struct import_item *it)
{
	size_t i;

	if (it == NULL)
		return;
	if (it->vals != NULL)
		for (i = 0; it->vals[i] != NULL; i++)
			free(it->vals[i]);
	free(it->vals);
	form_record_free(it->fr);
	if (it->rec != NULL) {
		rec_clear(it->rec);
		free(it->rec);
	}
	import_fixes_free(it->fix, it->nfix);
	free(it);
}

/* The row's values over fr: a new person, or (--update) the one on file. */
void
import_item_apply(const struct import_item *it, const struct import_col *cols, size_t ncols,
    struct form_record *fr)
{
	size_t i;

	for (i = 0; i < ncols; i++)
		if (cols[i].f != NULL && !form_value_blank(it->vals[i]))
			form_record_set(fr, cols[i].f->id, it->vals[i]);
}

/* The citizen ID of fr, normalised, into id ("" if missing or invalid). */
static void
import_read_id(const struct import_reader_cfg *c, const struct form_record *fr, char id[19])
{
	const char *raw = form_record_get(fr, c->idf->id);
	char *norm = NULL;
	bf_error err;

	id[0] = '\0';
	if (raw != NULL && form_value_normalise(c->idf, raw, c->today, &norm, &err) == BF_OK)
		snprintf(id, 19, "%s", norm);
	free(norm);
}

/* Normalise and validate fr; see import_read.h. */
int
import_check_record(const struct form *form, struct form_record *fr, bf_date today,
    struct import_fix **fix, size_t *nfix)
{
	struct form_problems probs;
	size_t i;
	int ok;

	form_record_normalise(form->fields, form->nfields, fr, today);
	form_problems_init(&probs);
	form_validate_record(form, fr, today, &probs);
	ok = form_problems_errors(&probs) == 0;
	for (i = 0; i < probs.n; i++) {
		if (probs.v[i].severity != FSEV_ERROR)
			continue;
		*fix = xreallocarray(*fix, *nfix + 1, sizeof **fix);
		(*fix)[*nfix].field = xstrdup(probs.v[i].field);
		(*fix)[(*nfix)++].msg = xstrdup(probs.v[i].msg);
	}
	form_problems_free(&probs);
	return ok;
}

/* Free what import_check_record appended. */
void
import_fixes_free(struct import_fix *fix, size_t nfix)
{
	size_t i;

	for (i = 0; i < nfix; i++) {
		free(fix[i].field);
		free(fix[i].msg);
	}
	free(fix);
}

/* Check it->fr as a new person (defaults filled), keeping the errors. */
static void
import_read_check(const struct import_reader_cfg *c, struct import_item *it)
{
	form_record_defaults(c->form->fields, c->form->nfields, it->fr, c->today);
	it->ok = import_check_record(c->form, it->fr, c->today, &it->fix, &it->nfix);
}

/*
 * The person row of a good row, with the columns derived from the name
 * and the ID (pinyin, sex, birth date ...), so that the importer only
 * checks it against the database and inserts it.
 */
static void
import_read_prepare(const struct import_reader_cfg *c, struct import_item *it)
{
	char today[DATE_ISO_LEN];

	date_format(c->today, today);
	it->rec = xcalloc(1, sizeof *it->rec);
	rec_init(it->rec, "person");
	app_rec_from_form(c->form, it->fr, it->rec);
	if (person_prepare(it->rec, today, &it->prep) != BF_OK) {
		rec_clear(it->rec);
		free(it->rec);
		it->rec = NULL;
	}
}

/* Read the current CSV row into a new item. */
static struct import_item *
import_read_row(struct import_reader *rd)
{
	const struct import_reader_cfg *c = &rd->cfg;
	struct import_item *it = xcalloc(1, sizeof *it);
	size_t i;

	it->line = csv_line(c->csv);
	it->end_line = csv_end_line(c->csv);
	it->nfields = csv_nfields(c->csv);
	if (it->nfields != c->ncols)
		return it;
	it->vals = xcalloc(c->ncols + 1, sizeof *it->vals);
	for (i = 0; i < c->ncols; i++)
		it->vals[i] = xstrdup(csv_field(c->csv, i));
	it->fr = form_record_new();
	import_item_apply(it, c->cols, c->ncols, it->fr);
	import_read_id(c, it->fr, it->id);
	if (it->id[0] != '\0')
		it->dup_of = idset_check(&rd->seen, it->id, it->line);
	import_read_check(c, it);
	if (it->ok && it->dup_of == 0)
		import_read_prepare(c, it);
	return it;
}

/*
 * Queue the reader's handful, and with last say that no more will come
 * (rc, err: why).  0 if the importer has stopped listening.
 */
static int
import_read_flush(struct import_reader *rd, int last, int rc, const bf_error *err)
{
	struct import_item *spent[IMPORT_HANDFUL];
	size_t i = 0, nspent;
	int listening;

	pthread_mutex_lock(&rd->mu);
	while (i < rd->nout && !rd->stop) {
		while (rd->n == IMPORT_QUEUE && !rd->stop) {
			rd->put_waits = 1;
			pthread_cond_wait(&rd->can_put, &rd->mu);
			rd->put_waits = 0;
		}
		for (; i < rd->nout && rd->n < IMPORT_QUEUE && !rd->stop; i++)
			rd->q[(rd->head + rd->n++) % IMPORT_QUEUE] = rd->out[i];
		if (rd->get_waits)
			pthread_cond_signal(&rd->can_get);
	}
	listening = !rd->stop;
	if (last && listening) {
		rd->done = 1;
		rd->rc = rc;
		if (err != NULL)
			rd->err = *err;
		pthread_cond_signal(&rd->can_get);
	}
	nspent = rd->nspent;
	memcpy(spent, rd->spent, nspent * sizeof *spent);
	rd->nspent = 0;
	pthread_mutex_unlock(&rd->mu);
	for (; i < rd->nout; i++)	/* not taken: the importer stopped */
		import_item_free(rd->out[i]);
	rd->nout = 0;
	while (nspent > 0)
		import_item_free(spent[--nspent]);
	return listening;
}

/* The thread: every data row, then the end. */
static void *
import_read_main(void *arg)
{
	struct import_reader *rd = arg;
	bf_error err;
	int rc, got;

	err_clear(&err);
	for (;;) {
		if ((rc = csv_next(rd->cfg.csv, &got, &err)) != BF_OK || !got)
			break;
		if (csv_row_blank(rd->cfg.csv))
			continue;
		rd->out[rd->nout++] = import_read_row(rd);
		if (rd->nout == IMPORT_HANDFUL && !import_read_flush(rd, 0, BF_OK, NULL))
			return NULL;
	}
	import_read_flush(rd, 1, rc, rc == BF_OK ? NULL : &err);
	return NULL;
}

/* Start the thread. */
int
import_reader_start(const struct import_reader_cfg *cfg, struct import_reader **out, bf_error *err)
{
	struct import_reader *rd = xcalloc(1, sizeof *rd);

	*out = NULL;
	rd->cfg = *cfg;
	pthread_mutex_init(&rd->mu, NULL);
	pthread_cond_init(&rd->can_put, NULL);
	pthread_cond_init(&rd->can_get, NULL);
	if (pthread_create(&rd->thread, NULL, import_read_main, rd) != 0) {
		pthread_mutex_destroy(&rd->mu);
		pthread_cond_destroy(&rd->can_put);
		pthread_cond_destroy(&rd->can_get);
		free(rd);
		return err_set(err, BF_EIO, "不能启动读取线程");
	}
	*out = rd;
	return BF_OK;
}

/* The next row (borrowed until the next call), or NULL at the end. */
int
import_reader_next(struct import_reader *rd, struct import_item **item, bf_error *err)
{
	struct import_item *spent[IMPORT_HANDFUL];
	size_t nspent = 0;
	int rc = BF_OK;

	*item = NULL;
	if (rd->iin < rd->nin) {
		*item = rd->in[rd->iin++];
		return BF_OK;
	}
	pthread_mutex_lock(&rd->mu);
	if (rd->nspent == 0) {		/* the reader frees the used handful */
		memcpy(rd->spent, rd->in, rd->nin * sizeof *rd->in);
		rd->nspent = rd->nin;
	} else {			/* it has not come for the last one: free it here */
		memcpy(spent, rd->in, rd->nin * sizeof *rd->in);
		nspent = rd->nin;
	}
	rd->nin = rd->iin = 0;
	while (rd->n == 0 && !rd->done) {
		rd->get_waits = 1;
		pthread_cond_wait(&rd->can_get, &rd->mu);
		rd->get_waits = 0;
	}
	while (rd->n > 0 && rd->nin < IMPORT_HANDFUL) {
		rd->in[rd->nin++] = rd->q[rd->head];
		rd->head = (rd->head + 1) % IMPORT_QUEUE;
		rd->n--;
	}
	/* wake the reader once there is room for a handful, not for every row */
	if (rd->put_waits && IMPORT_QUEUE - rd->n >= IMPORT_HANDFUL)
		pthread_cond_signal(&rd->can_put);
	if (rd->nin == 0 && (rc = rd->rc) != BF_OK)
		*err = rd->err;
	pthread_mutex_unlock(&rd->mu);
	while (nspent > 0)
		import_item_free(spent[--nspent]);
	if (rd->nin > 0)
		*item = rd->in[rd->iin++];
	return rc;
}

/* Stop and free. */
void
import_reader_stop(struct import_reader *rd)
{
	if (rd == NULL)
		return;
	pthread_mutex_lock(&rd->mu);
	rd->stop = 1;
	pthread_cond_signal(&rd->can_put);
	pthread_mutex_unlock(&rd->mu);
	pthread_join(rd->thread, NULL);
	while (rd->n > 0) {
		import_item_free(rd->q[rd->head]);
		rd->head = (rd->head + 1) % IMPORT_QUEUE;
		rd->n--;
	}
	while (rd->nin > 0)		/* used or not, they are the reader's */
		import_item_free(rd->in[--rd->nin]);
	while (rd->nspent > 0)
		import_item_free(rd->spent[--rd->nspent]);
	free(rd->seen.v);
	pthread_mutex_destroy(&rd->mu);
	pthread_cond_destroy(&rd->can_put);
	pthread_cond_destroy(&rd->can_get);
	free(rd);
}
