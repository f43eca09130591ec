/*
 * formedit_int.h -- what the files of the form editor share (formedit.c:
 * state, keys and saving; formedit_draw.c: layout and drawing;
 * formedit_group.c: group rows).  Not for other screens: use formedit.h.
 */
#ifndef BF_TUI_FORMEDIT_INT_H
#define BF_TUI_FORMEDIT_INT_H

#include <time.h>

#include "forms/diag.h"
#include "text/lineedit.h"
#include "tui/formedit.h"

/* How a field type is edited. */
enum fe_kind {
	FE_LINE,	/* typed through the line editor */
	FE_BOOL,	/* 是 / 否 */
	FE_SELECT,	/* one code from a popup */
	FE_MULTI,	/* several codes from a popup */
	FE_GROUP	/* child rows in a list of their own */
};

/* One row of the per-type table (formedit.c). */
struct fe_type {
	enum fe_kind	kind;
	int		width;		/* default box width in columns */
	const char	*hint;		/* shown under the form when no help is written */
};

/* One field of the scope being edited. */
struct fe_field {
	const struct form_field	*f;
	struct lineedit		 le;		/* FE_LINE: the text being edited */
	char			*msg;		/* problem shown beside it, or NULL */
	int			 warn;		/* msg is a warning, not an error */
	int			 editable;	/* not readonly or derived */
};

/* A line of the laid-out form. */
enum fe_line_kind { FEL_BLANK, FEL_SECTION, FEL_FIELD, FEL_MSG };

struct fe_line {
	enum fe_line_kind kind;
	int		  idx;		/* field index (FIELD, MSG) */
	const struct form_section *sec;	/* SECTION */
};

struct formedit {
	struct screen		 base;
	const struct form	*form;		/* NULL when editing a group row */
	const struct form_field	*group;		/* the group of a row editor, else NULL */
	struct form_field *const *scope;	/* the fields edited */
	size_t			 n;
	struct form_record	*rec;		/* owned */
	struct formedit_ops	 ops;
	void			*options_ctx;	/* ctx for ops.options */
	void			*owned_ctx;	/* freed with the screen (row editors) */
	bf_date			 today;
	struct fe_field		*fields;	/* n */
	int			 cur;		/* focused field, -1 none */
	int			 top;		/* first layout line shown */
	int			 dirty;
	char			*dup_checked;	/* id_card value last checked for duplicates */
	time_t			 draft_at;	/* when ops.draft last ran (or the editor opened) */
	int			 draft_every;	/* seconds between drafts while typing */
	int			 draft_kept;	/* formedit_keep_draft ran: keep it on close */
	/* layout of the last draw */
	struct fe_line		*lines;
	int			 nlines, cap;
	int			 label_w, box_x, body_h, cols;
};

/* formedit.c */
const struct fe_type *fe_type_of(const struct form_field *f);
int	fe_visible(const struct formedit *fe, int i);
int	fe_focusable(const struct formedit *fe, int i);
char	*fe_display(const struct formedit *fe, int i);   /* caller frees */
int	fe_box_width(const struct formedit *fe, int i);
void	fe_set_value(struct formedit *fe, int i, const char *value);
struct screen *fe_new(const struct form *form, const struct form_field *group,
	    struct form_record *rec, const struct formedit_ops *ops, const char *title,
	    bf_date today);

/* formedit_draw.c */
void	fe_layout(struct formedit *fe, int cols);
void	fe_draw(struct screen *s, struct tui *t);
int	fe_line_of(const struct formedit *fe, int idx);  /* layout line of field idx, -1 */
void	fe_scroll_to(struct formedit *fe, int idx);
int	fe_field_at(const struct formedit *fe, int y);   /* field on screen row y, -1 */

/* formedit_group.c */
void	fe_group_open(struct formedit *fe, struct tui *t, int idx);

#endif
