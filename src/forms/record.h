/*
 * record.h -- a record as the form engine sees it: field id -> value
 * string, as typed, imported or read from the database.  The TUI, the
 * importer and the exporter all hand the evaluator one of these.
 */
#ifndef BF_FORMS_RECORD_H
#define BF_FORMS_RECORD_H

#include <stddef.h>
#include <stdint.h>

struct form_record_kv {
	char	*id;
	char	*value;
	uint32_t hash;		/* of id: most lookups are misses, settled without strcmp */
};

struct form_record {
	struct form_record_kv *v;
	size_t	 n, cap;
};

/*
 * A repeatable group's rows are "GROUP[i].CHILD", their count under
 * "GROUP".  Editing a stored row, "GROUP" FORM_GROUP_STORED holds how many
 * rows the group already has on file: the form adds rows to them, so the
 * editor says they exist rather than showing an empty group.
 */
#define FORM_GROUP_STORED ".stored"

struct form_record *form_record_new(void);                /* caller frees with form_record_free */
void	form_record_free(struct form_record *r);          /* NULL ok */
void	form_record_set(struct form_record *r, const char *id, const char *value); /* copies; NULL value removes */
const char *form_record_get(const struct form_record *r, const char *id); /* borrowed; NULL if unset */

#endif
