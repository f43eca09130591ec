/*
 * person_fields.h -- how the person file names and shows a stored value:
 * which form field describes a column of a table (so its Chinese label,
 * code labels and mask apply), the value as displayed, and a whole
 * record laid out as "label：value" lines.  When no form describes a
 * table the column names are shown instead.
 */
#ifndef BF_TUI_PERSON_FIELDS_H
#define BF_TUI_PERSON_FIELDS_H

#include "forms/model.h"
#include "store/record.h"
#include "tui/textview.h"

struct db;

/*
 * The field describing column of table ("extra.KEY" for a site field):
 * looked up in form first (when its record is table), then in every form
 * saving to table, then in every group field of that table.  Borrowed
 * from set; NULL if none (or set is NULL).
 */
const struct form_field *pfield_find(const struct form_set *set, const char *form,
	    const char *table, const char *column);
/* The label of column of table: the field's, else the column name (borrowed). */
const char *pfield_label(const struct form_set *set, const char *form, const char *table,
	    const char *column);
/*
 * value as displayed for field f (NULL: as stored): option labels, masks
 * of pii fields, the name of an org unit.  NULL value gives "".  Caller frees.
 */
char	*pfield_display(struct db *db, const struct form_field *f, const char *value);
/* Full years from birth ("YYYY-MM-DD") to today, or -1 if either is not a date. */
int	pfield_age(const char *birth, const char *today);
/*
 * Add every field of r to tv in the order of the form describing its
 * table (section titles too when sections is set; blank conditional
 * fields left out,
 * derived ages computed for today), then any extra fields the form does
 * not list.  Without a form: every column but the book-keeping ones.
 */
void	pfield_rec_view(struct textview *tv, struct db *db, const struct form_set *set,
	    const char *form, const struct rec *r, const char *today, int sections);
/* The Chinese name of a table of the person file ("失业登记"), or table itself (static). */
const char *pfield_table_label(const char *table);

#endif
