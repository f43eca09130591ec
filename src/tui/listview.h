/*
 * listview.h -- a virtual table for lists of any length (the caseload):
 * the rows come from a data source by keyset paging, and the widget holds
 * only about one screenful plus a small margin on either side, so memory
 * and the work per key stay constant however many rows there are.
 *
 * The source sees only keys: "give me up to limit rows after (or before)
 * this row".  Each row carries an opaque key (typically the sort value
 * and the id, i.e. exactly what a WHERE (sort, id) > (?, ?) query needs)
 * and its cells as strings.  A total count is optional.
 *
 * Layout of the area given to listview_draw: a header row, the data
 * rows, and one hint row at the bottom ("第 1-20 行 / 共 1000 行").
 */
#ifndef BF_TUI_LISTVIEW_H
#define BF_TUI_LISTVIEW_H

#include <curses.h>
#include <stdint.h>

#include "tui/keymap.h"

#define LISTVIEW_MAX_COLS 16
#define LISTVIEW_KEY_SORT 64

enum listview_align { LV_LEFT, LV_RIGHT, LV_CENTER };

struct listview_column {
	const char		*header;	/* Chinese column title (borrowed) */
	int			 width;		/* columns; 0 = take what is left */
	enum listview_align	 align;
};

/* Where a row sits in the order; the widget copies it and never looks inside. */
struct list_key {
	int64_t	id;
	int64_t	num;				/* a numeric sort value, if any */
	char	sort[LISTVIEW_KEY_SORT];	/* a text sort value, if any */
};

struct list_row {
	struct list_key	 key;
	char		*cells[LISTVIEW_MAX_COLS];	/* owned by the row (list_row_set) */
};

enum list_dir { LIST_BEFORE = -1, LIST_AFTER = 1 };

struct list_source {
	void	*ctx;
	/*
	 * Fill out[0..limit) with the rows after (LIST_AFTER) or before
	 * (LIST_BEFORE) the row with key from, nearest first: for
	 * LIST_BEFORE out[0] is the row just before from.  from == NULL
	 * means the start (LIST_AFTER: the first rows) or the end
	 * (LIST_BEFORE: the last rows, last first).  Set each row's key and
	 * cells (list_row_set).  Return the rows filled (fewer than limit
	 * at the end of the data), or -1 on error.
	 */
	int	(*fetch)(void *ctx, const struct list_key *from, enum list_dir dir,
		    int limit, struct list_row *out);
	/* Total number of rows, or -1 if unknown; may be NULL. */
	long	(*count)(void *ctx);
	/* Enter on a row (ACT_OPEN / ACT_PICK); may be NULL. */
	void	(*activate)(void *ctx, const struct list_row *row);
};

struct listview {
	const struct listview_column	*cols;	/* borrowed */
	int				 ncols;
	struct list_source		 src;
	struct list_row			*rows;	/* the window of rows held */
	int				 nrows, cap;
	int				 top;	/* first row shown (index into rows) */
	int				 sel;	/* selected row (index into rows) */
	int				 page;	/* data rows shown (from the last draw) */
	int				 at_start, at_end; /* rows[] reaches that end of the data */
	long				 first_index;	/* position of rows[0] in the data, -1 unknown */
	long				 last_from_end;	/* rows after rows[nrows-1], -1 unknown */
	long				 total;		/* -1 unknown */
	int				 error;		/* the source failed last time */
	int				 loaded;	/* fetched at least once */
	/* Geometry of the last draw, for clicks. */
	int				 y0, x0, h, w;
};

/* The list's key rows (Up/Down, PgUp/PgDn, Home/End, Enter); end with ACT_NONE. */
extern const struct keybind listview_keys[];

/* Set up over a source; nothing is fetched until the first draw or reload. */
void	listview_init(struct listview *lv, const struct listview_column *cols, int ncols,
	    const struct list_source *src);
void	listview_free(struct listview *lv);          /* frees the rows held; NULL is fine */
void	listview_reload(struct listview *lv);        /* refetch the first page */
void	listview_draw(struct listview *lv, WINDOW *w, int y, int x, int h, int cols);
int	listview_action(struct listview *lv, enum action a);  /* 1 if handled */
int	listview_key(struct listview *lv, const struct key *k); /* listview_keys; 1 if handled */
int	listview_click(struct listview *lv, int y, int x);     /* select the row hit; 1 if one was */
const struct list_row *listview_selected(const struct listview *lv); /* borrowed, or NULL */
int	listview_rows_held(const struct listview *lv);
/* Set (copy) cell col of a row the source is filling; NULL means "". */
void	list_row_set(struct list_row *row, int col, const char *text);
/* Position hint into buf: "第 1-20 行 / 共 1000 行". */
void	listview_hint(const struct listview *lv, char *buf, size_t len);

#endif
