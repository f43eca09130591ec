/*
 * formedit.h -- the form editor screen: any YAML form (forms/NAME.yaml)
 * drawn as sections of labelled one-line fields and edited in place.
 *
 * The editor knows nothing of the database: it edits a struct form_record
 * and hands it to the caller's save callback, already normalised and
 * validated with the form engine (forms/eval.h), so the terminal, the
 * importer and the command line agree on what is valid.
 *
 * Group fields (type: group, e.g. household members) are kept in the same
 * record under the keys
 *     GROUP          the number of rows, as decimal text ("3"), unset for none
 *     GROUP[i].CHILD the value of child field CHILD in row i (0-based)
 * e.g. "members" = "2", "members[0].name" = "张三", "members[1].name" = "李四".
 * Rows are contiguous; deleting a row moves the later ones up.
 */
#ifndef BF_TUI_FORMEDIT_H
#define BF_TUI_FORMEDIT_H

#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "forms/model.h"
#include "forms/record.h"
#include "tui/select.h"
#include "tui/tui.h"
#include "util/error.h"

struct formedit_ops {
	void	*ctx;
	/* Save the normalised, validated record; BF_OK or an error (message shown, record kept). */
	int	(*save)(void *ctx, struct form_record *rec, bf_error *err);
	/*
	 * Optional: is this id_card value already on file (another record than
	 * the one edited)?  1 and *id and a short description ("张三，华一坡社区")
	 * if so, else 0.
	 */
	int	(*find_duplicate)(void *ctx, const struct form_field *f, const char *value,
		    int64_t *id, char *desc, size_t desclen);
	/*
	 * Optional: open that existing record instead.  Called after the user
	 * agrees and after the editor has closed (it may push a screen).
	 */
	void	(*open_existing)(void *ctx, struct tui *t, int64_t id);
	/*
	 * Optional: options for org_unit / user fields (caller-owned array
	 * valid while the screen lives): BF_OK with *items and *n set, or an
	 * error code when there are none (the field then cannot be chosen).
	 */
	int	(*options)(void *ctx, const struct form_field *f, const struct select_item **items,
		    int *n);
	/* Optional: after a successful save, once the editor has closed (it may push a screen). */
	void	(*saved)(void *ctx, struct tui *t);
	/* Optional: free ctx when the editor goes away (the editor then owns it). */
	void	(*release)(void *ctx);
	/*
	 * Optional: keep rec as an unsaved draft (rec NULL: forget it, the
	 * editor closed with changes the user discarded).  Called every
	 * $BANGFU_DRAFT_SECONDS (default 30) while typing, and by
	 * formedit_keep_draft.
	 */
	void	(*draft)(void *ctx, const struct form_record *rec);
};

/*
 * The editor for form over rec (ownership of rec taken; freed with the
 * screen).  ops is copied.  Defaults are not applied here: a caller
 * creating a record calls form_record_defaults first.  Push the result
 * with tui_push; it pops itself after a successful save.
 */
struct screen *formedit_new(const struct form *form, struct form_record *rec,
	    const struct formedit_ops *ops, const char *title, bf_date today);

/* The record being edited (borrowed; for tests and callers that peek). */
const struct form_record *formedit_record(const struct screen *s);
/* Id of the field that has the focus, or NULL (borrowed). */
const char *formedit_focus(const struct screen *s);
/* Move the focus to the field with id (the field left is not checked); 1 if it is shown and editable. */
int	formedit_set_focus(struct screen *s, const char *id);
/* The message shown beside field id, or NULL (borrowed). */
const char *formedit_message(const struct screen *s, const char *id);
/* Count the record as changed (it was restored from a draft, not read from the database). */
void	formedit_mark_changed(struct screen *s);
/* Hand unsaved changes to ops.draft now (the terminal is going away). */
void	formedit_keep_draft(struct screen *s);

/* Group rows stored in a record (see the top of this file). */
int	formedit_rows_count(const struct form_record *rec, const struct form_field *group);
/* Row i as a record of its own; caller frees with form_record_free. */
struct form_record *formedit_row_get(const struct form_record *rec,
	    const struct form_field *group, int i);
/* Store row (borrowed) as row i; i == count appends. */
void	formedit_row_put(struct form_record *rec, const struct form_field *group, int i,
	    const struct form_record *row);
/* Delete row i, moving later rows up. */
void	formedit_row_delete(struct form_record *rec, const struct form_field *group, int i);

#endif
