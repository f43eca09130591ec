/*
 * listview.c -- a virtual table over a keyset-paged data source.
 *
 * rows[] is a sliding window over the data: the rows shown plus up to
 * LV_MARGIN rows either side.  Moving past either end of the window asks
 * the source for more rows after the last (or before the first) row held,
 * and rows that drift more than LV_MARGIN away from the page are freed,
 * so paging from the first row of a million to the last holds the same
 * few dozen rows all the way.  Positions ("第 n 行") are tracked while
 * they are known: from the start after Home, from the end after End.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/width.h"
#include "tui/draw.h"
#include "tui/listview.h"
#include "util/xalloc.h"

#define LV_MARGIN 8		/* rows kept beyond the page on either side */
#define LV_DEFAULT_PAGE 20	/* page size before the first draw */

const struct keybind listview_keys[] = {
	{ KEY_UP, 0, ACT_UP, "Up", NULL },
	{ KEY_DOWN, 0, ACT_DOWN, "Down", NULL },
	{ KEY_PPAGE, 0, ACT_PAGE_UP, "PgUp", NULL },
	{ KEY_NPAGE, 0, ACT_PAGE_DOWN, "PgDn", NULL },
	{ KEY_HOME, 0, ACT_FIRST, "Home", NULL },
	{ KEY_END, 0, ACT_LAST, "End", NULL },
	{ KEY_ENTER, 0, ACT_OPEN, "Enter", "打开" },
	{ 0, 0, ACT_NONE, NULL, NULL }
};

/* Set (copy) one cell of a row being filled. */
void
list_row_set(struct list_row *row, int col, const char *text)
{
	if (col < 0 || col >= LISTVIEW_MAX_COLS)
		return;
	free(row->cells[col]);
	row->cells[col] = xstrdup(text != NULL ? text : "");
}

/* Free a row's cells. */
static void
lv_row_clear(struct list_row *row)
{
	int i;

	for (i = 0; i < LISTVIEW_MAX_COLS; i++) {
		free(row->cells[i]);
		row->cells[i] = NULL;
	}
}

/* Set up over src; the first draw (or listview_reload) fetches. */
void
listview_init(struct listview *lv, const struct listview_column *cols, int ncols,
    const struct list_source *src)
{
	memset(lv, 0, sizeof *lv);
	lv->cols = cols;
	lv->ncols = ncols > LISTVIEW_MAX_COLS ? LISTVIEW_MAX_COLS : ncols;
	lv->src = *src;
	lv->page = LV_DEFAULT_PAGE;
	lv->first_index = lv->last_from_end = lv->total = -1;
	lv->y0 = -1;
}

/* Drop every row held. */
static void
lv_clear(struct listview *lv)
{
	int i;

	for (i = 0; i < lv->nrows; i++)
		lv_row_clear(&lv->rows[i]);
	lv->nrows = 0;
	lv->top = lv->sel = 0;
}

/* Free the rows; lv can be initialised again. */
void
listview_free(struct listview *lv)
{
	if (lv == NULL)
		return;
	lv_clear(lv);
	free(lv->rows);
	lv->rows = NULL;
	lv->cap = 0;
}

/* Room for n rows in rows[]. */
static void
lv_reserve(struct listview *lv, int n)
{
	if (n <= lv->cap)
		return;
	lv->rows = xreallocarray(lv->rows, (size_t)n, sizeof lv->rows[0]);
	memset(lv->rows + lv->cap, 0, (size_t)(n - lv->cap) * sizeof lv->rows[0]);
	lv->cap = n;
}

/* Ask the source for up to want rows; returns them in a new array (count in *n). */
static struct list_row *
lv_fetch(struct listview *lv, const struct list_key *from, enum list_dir dir,
    int want, int *n)
{
	struct list_row *tmp = xcalloc((size_t)want, sizeof *tmp);
	int i, got;

	got = lv->src.fetch(lv->src.ctx, from, dir, want, tmp);
	if (got < 0 || got > want) {
		for (i = 0; i < want; i++)
			lv_row_clear(&tmp[i]);
		lv->error = 1;
		got = 0;
	} else {
		lv->error = 0;
		for (i = got; i < want; i++)
			lv_row_clear(&tmp[i]);	/* a source may have started a row */
	}
	*n = got;
	return tmp;
}

/* Both ends' positions known: so is the total. */
static void
lv_note_total(struct listview *lv)
{
	if (lv->first_index >= 0 && lv->last_from_end >= 0)
		lv->total = lv->first_index + lv->nrows + lv->last_from_end;
}

/* Fetch up to want rows after the row with key from (NULL: from the start). */
static void
lv_more_after_key(struct listview *lv, const struct list_key *from, int want)
{
	struct list_row *tmp;
	int n;

	if (lv->at_end || want <= 0)
		return;
	tmp = lv_fetch(lv, from, LIST_AFTER, want, &n);
	if (n > 0) {
		lv_reserve(lv, lv->nrows + n);
		memcpy(lv->rows + lv->nrows, tmp, (size_t)n * sizeof *tmp);
		lv->nrows += n;
	}
	free(tmp);
	if (n < want && !lv->error) {
		lv->at_end = 1;
		lv->last_from_end = 0;
	} else if (lv->last_from_end >= 0) {
		lv->last_from_end -= n;
	}
	lv_note_total(lv);
}

/* Fetch up to want rows after the last row held (from the start if none). */
static void
lv_more_after(struct listview *lv, int want)
{
	lv_more_after_key(lv, lv->nrows > 0 ? &lv->rows[lv->nrows - 1].key : NULL, want);
}

/* Fetch up to want rows before the first row held (from the end if none). */
static void
lv_more_before(struct listview *lv, int want)
{
	struct list_row *tmp;
	int n, i;

	if (lv->at_start || want <= 0)
		return;
	tmp = lv_fetch(lv, lv->nrows > 0 ? &lv->rows[0].key : NULL,
	    LIST_BEFORE, want, &n);
	if (n > 0) {
		lv_reserve(lv, lv->nrows + n);
		if (lv->nrows > 0)
			memmove(lv->rows + n, lv->rows, (size_t)lv->nrows * sizeof lv->rows[0]);
		for (i = 0; i < n; i++)
			lv->rows[n - 1 - i] = tmp[i];	/* nearest first: reverse */
		lv->nrows += n;
		lv->top += n;
		lv->sel += n;
	}
	free(tmp);
	if (n < want && !lv->error) {
		lv->at_start = 1;
		lv->first_index = 0;
	} else if (lv->first_index >= 0) {
		lv->first_index -= n;
	}
	lv_note_total(lv);
}

/* Free rows more than LV_MARGIN away from the page. */
static void
lv_trim(struct listview *lv)
{
	int drop, i, keep_end;

	drop = lv->top - LV_MARGIN;
	if (drop > 0) {
		for (i = 0; i < drop; i++)
			lv_row_clear(&lv->rows[i]);
		memmove(lv->rows, lv->rows + drop, (size_t)(lv->nrows - drop) * sizeof lv->rows[0]);
		memset(lv->rows + lv->nrows - drop, 0, (size_t)drop * sizeof lv->rows[0]);
		lv->nrows -= drop;
		lv->top -= drop;
		lv->sel -= drop;
		lv->at_start = 0;
		if (lv->first_index >= 0)
			lv->first_index += drop;
	}
	keep_end = lv->top + lv->page + LV_MARGIN;
	if (lv->nrows > keep_end) {
		drop = lv->nrows - keep_end;
		for (i = keep_end; i < lv->nrows; i++)
			lv_row_clear(&lv->rows[i]);
		lv->nrows = keep_end;
		lv->at_end = 0;
		if (lv->last_from_end >= 0)
			lv->last_from_end += drop;
	}
}

/*
 * After any move or resize: fill the page (fetching as needed), keep the
 * selection on it, and trim the window back to page + margins.
 */
static void
lv_settle(struct listview *lv)
{
	int short_by;

	if (lv->nrows - lv->top < lv->page + LV_MARGIN)
		lv_more_after(lv, lv->top + lv->page + LV_MARGIN - lv->nrows);
	short_by = lv->page - (lv->nrows - lv->top);
	if (short_by > 0 && lv->at_end) {
		/* The last page is not full: show rows from above instead. */
		if (lv->top < short_by + LV_MARGIN)
			lv_more_before(lv, short_by + LV_MARGIN - lv->top);
		lv->top = lv->nrows - lv->page > 0 ? lv->nrows - lv->page : 0;
	}
	if (lv->top < 0)
		lv->top = 0;
	if (lv->sel >= lv->nrows)
		lv->sel = lv->nrows - 1;
	if (lv->sel < 0)
		lv->sel = 0;
	if (lv->sel < lv->top)
		lv->top = lv->sel;
	if (lv->sel >= lv->top + lv->page)
		lv->top = lv->sel - lv->page + 1;
	lv_trim(lv);
}

/* Start over from the first row (Home). */
static void
lv_home(struct listview *lv)
{
	lv_clear(lv);
	lv->at_start = 1;
	lv->at_end = 0;
	lv->first_index = 0;
	lv->last_from_end = -1;
	lv_more_after(lv, lv->page + LV_MARGIN);
	lv_settle(lv);
}

/* Start over from the last row (End). */
static void
lv_end(struct listview *lv)
{
	lv_clear(lv);
	lv->at_start = 0;
	lv->at_end = 1;
	lv->first_index = -1;
	lv->last_from_end = 0;
	lv_more_before(lv, lv->page + LV_MARGIN);
	lv->sel = lv->nrows - 1;
	lv->top = lv->nrows - lv->page > 0 ? lv->nrows - lv->page : 0;
	lv_settle(lv);
}

/*
 * Fetch again, keeping the page where it was when possible: the rows
 * after the one above the page are read again (data may have changed),
 * and the selection keeps its place on the page.
 */
void
listview_reload(struct listview *lv)
{
	struct list_key anchor;
	struct list_row *tmp;
	long pos = -1;
	int off = lv->sel - lv->top, have = 0, n;

	if (lv->nrows > 0 && lv->top > 0) {
		anchor = lv->rows[lv->top - 1].key;
		have = 1;
	} else if (lv->nrows > 0 && !lv->at_start) {
		tmp = lv_fetch(lv, &lv->rows[0].key, LIST_BEFORE, 1, &n);
		if (n == 1) {
			anchor = tmp[0].key;
			have = 1;
		}
		lv_row_clear(&tmp[0]);
		free(tmp);
	}
	if (have && lv->first_index >= 0)
		pos = lv->first_index + lv->top;
	lv->total = lv->src.count != NULL ? lv->src.count(lv->src.ctx) : -1;
	if (!have) {
		lv_home(lv);
	} else {
		lv_clear(lv);
		lv->at_start = lv->at_end = 0;
		lv->first_index = pos;
		lv->last_from_end = -1;
		lv_more_after_key(lv, &anchor, lv->page + LV_MARGIN);
		lv_settle(lv);
	}
	lv->sel = lv->top + off;
	lv_settle(lv);
}

/* Page up or down by one page. */
static void
lv_page(struct listview *lv, int dir)
{
	if (dir > 0) {
		lv_more_after(lv, lv->top + 2 * lv->page + LV_MARGIN - lv->nrows);
		if (lv->top + lv->page < lv->nrows) {
			lv->top += lv->page;
			lv->sel += lv->page;
		} else {
			lv->sel = lv->nrows - 1;	/* already on the last page */
		}
	} else {
		if (lv->top < lv->page + LV_MARGIN)
			lv_more_before(lv, lv->page + LV_MARGIN - lv->top);
		if (lv->top > 0) {
			lv->top = lv->top > lv->page ? lv->top - lv->page : 0;
			lv->sel = lv->sel > lv->page ? lv->sel - lv->page : 0;
		} else {
			lv->sel = 0;
		}
	}
	lv_settle(lv);
}

/* Move the selection by one row. */
static void
lv_step(struct listview *lv, int dir)
{
	if (dir > 0 && lv->sel + 1 >= lv->nrows)
		lv_more_after(lv, LV_MARGIN);
	if (dir < 0 && lv->sel == 0)
		lv_more_before(lv, LV_MARGIN);
	if (dir > 0 && lv->sel + 1 < lv->nrows)
		lv->sel++;
	if (dir < 0 && lv->sel > 0)
		lv->sel--;
	lv_settle(lv);
}

/* Act on one of listview_keys' actions. */
int
listview_action(struct listview *lv, enum action a)
{
	switch (a) {
	case ACT_UP:
		lv_step(lv, -1);
		return 1;
	case ACT_DOWN:
		lv_step(lv, 1);
		return 1;
	case ACT_PAGE_UP:
		lv_page(lv, -1);
		return 1;
	case ACT_PAGE_DOWN:
		lv_page(lv, 1);
		return 1;
	case ACT_FIRST:
		lv_home(lv);
		return 1;
	case ACT_LAST:
		lv_end(lv);
		return 1;
	case ACT_OPEN:
	case ACT_PICK:
		if (lv->nrows > 0 && lv->src.activate != NULL)
			lv->src.activate(lv->src.ctx, &lv->rows[lv->sel]);
		return 1;
	default:
		return 0;
	}
}

/* A key from listview_keys. */
int
listview_key(struct listview *lv, const struct key *k)
{
	enum action a = keymap_lookup(listview_keys, k);

	return a != ACT_NONE && listview_action(lv, a);
}

/* Select the row drawn at (y, x). */
int
listview_click(struct listview *lv, int y, int x)
{
	int r;

	if (lv->y0 < 0 || x < lv->x0 || x >= lv->x0 + lv->w)
		return 0;
	r = y - lv->y0 - 1;
	if (r < 0 || r >= lv->page || lv->top + r >= lv->nrows)
		return 0;
	lv->sel = lv->top + r;
	return 1;
}

/* The selected row, or NULL when the list is empty. */
const struct list_row *
listview_selected(const struct listview *lv)
{
	return lv->nrows > 0 ? &lv->rows[lv->sel] : NULL;
}

/* How many rows the widget holds now (tests check it stays small). */
int
listview_rows_held(const struct listview *lv)
{
	return lv->nrows;
}

/* Where the page is: from the start when known, else from the end. */
void
listview_hint(const struct listview *lv, char *buf, size_t len)
{
	int shown = lv->nrows - lv->top < lv->page ? lv->nrows - lv->top : lv->page;
	long first = -1, from_end;

	if (lv->nrows == 0) {
		snprintf(buf, len, "（没有记录）");
		return;
	}
	if (lv->first_index >= 0)
		first = lv->first_index + lv->top;
	else if (lv->total >= 0 && lv->last_from_end >= 0)
		first = lv->total - lv->last_from_end - lv->nrows + lv->top;
	if (first >= 0 && lv->total >= 0)
		snprintf(buf, len, "第 %ld-%ld 行 / 共 %ld 行", first + 1, first + shown, lv->total);
	else if (first >= 0)
		snprintf(buf, len, "第 %ld-%ld 行", first + 1, first + shown);
	else if (lv->last_from_end >= 0) {
		from_end = lv->last_from_end + (lv->nrows - lv->top - shown);
		snprintf(buf, len, "倒数第 %ld-%ld 行", from_end + shown, from_end + 1);
	} else
		snprintf(buf, len, " ");
}

/* One cell, aligned in width columns; cut with "~" if too long. */
static void
lv_cell(WINDOW *w, int y, int x, int width, const char *text, enum listview_align al,
    attr_t attr)
{
	int tw = width_str(text);

	if (tw > width || al == LV_LEFT)
		draw_text_cut(w, y, x, width, text, attr);
	else if (al == LV_RIGHT)
		draw_text_right(w, y, x, width, text, attr);
	else {
		draw_fill(w, y, x, (width - tw) / 2, attr);
		draw_text(w, y, x + (width - tw) / 2, width - (width - tw) / 2, text, attr);
	}
}

/* Column widths for cols screen columns (flexible columns share what is left). */
static void
lv_widths(const struct listview *lv, int cols, int *wid)
{
	int i, fixed = 0, flex = 0, rest;

	for (i = 0; i < lv->ncols; i++) {
		fixed += lv->cols[i].width + (i > 0 ? 1 : 0);
		if (lv->cols[i].width <= 0)
			flex++;
	}
	rest = cols - fixed;
	for (i = 0; i < lv->ncols; i++) {
		wid[i] = lv->cols[i].width;
		if (wid[i] <= 0)
			wid[i] = rest > 0 ? rest / flex : 0;
	}
}

/* One line of cells (the header when row is NULL). */
static void
lv_draw_line(const struct listview *lv, WINDOW *w, int y, const int *wid,
    const struct list_row *row, attr_t attr)
{
	int i, cx = lv->x0, room;
	const char *text;

	draw_fill(w, y, lv->x0, lv->w, attr);
	for (i = 0; i < lv->ncols; i++) {
		room = lv->x0 + lv->w - cx;
		if (room <= 0)
			break;
		if (wid[i] < room)
			room = wid[i];
		text = row == NULL ? lv->cols[i].header : row->cells[i];
		lv_cell(w, y, cx, room, text != NULL ? text : "",
		    row == NULL ? LV_LEFT : lv->cols[i].align, attr);
		cx += wid[i] + 1;
	}
}

/*
 * Draw the header, the page of rows (selection highlighted) and the hint
 * line in h rows by cols columns at (y, x).  A changed height (resize)
 * re-pages around the selection, which stays selected.
 */
void
listview_draw(struct listview *lv, WINDOW *w, int y, int x, int h, int cols)
{
	int wid[LISTVIEW_MAX_COLS], page = h - 2, i;
	char hint[128];

	if (page < 1)
		page = 1;
	lv->y0 = y;
	lv->x0 = x;
	lv->h = h;
	lv->w = cols;
	if (!lv->loaded) {
		lv->page = page;
		lv->loaded = 1;
		listview_reload(lv);
	} else if (page != lv->page) {
		lv->page = page;
		lv_settle(lv);
	}
	lv_widths(lv, cols, wid);
	lv_draw_line(lv, w, y, wid, NULL, theme_attr(ROLE_HEADER));
	for (i = 0; i < lv->page && i + 1 < h; i++) {
		if (lv->top + i < lv->nrows)
			lv_draw_line(lv, w, y + 1 + i, wid, &lv->rows[lv->top + i],
			    theme_attr(lv->top + i == lv->sel ? ROLE_SELECTED : ROLE_NORMAL));
		else
			draw_fill(w, y + 1 + i, x, cols, A_NORMAL);
	}
	if (h < 2)
		return;
	if (lv->error)
		draw_text_cut(w, y + h - 1, x, cols, "读取数据出错",
		    theme_attr(ROLE_STATUS_ERROR));
	else {
		listview_hint(lv, hint, sizeof hint);
		draw_text_right(w, y + h - 1, x, cols, hint, theme_attr(ROLE_DIM));
	}
}
