/*
 * formrec.h -- moving values between a form (what people see and type,
 * field id -> value) and a stored row (column -> value, or extra.ID):
 * the one mapping the form editor, the importer and the exporter share.
 */
#ifndef BF_APP_FORMREC_H
#define BF_APP_FORMREC_H

#include <stdint.h>

#include "util/error.h"

struct app_session;
struct form;
struct form_record;
struct rec;

/*
 * Fields of form into r: a field with `column` sets that column (blank:
 * NULL), one without sets "extra.ID"; derived fields without a column
 * (age) and group fields are not stored.
 */
void	app_rec_from_form(const struct form *f, const struct form_record *fr, struct rec *r);
/* The inverse: a stored row's values into the form's fields. */
void	app_form_from_rec(const struct form *f, const struct rec *r, struct form_record *fr);
/*
 * Save the person form: into person *id (0: a new person; then *id is
 * set), refusing a stale edit (version) or a duplicate citizen ID
 * (*existing set when the user may open it).
 */
int	app_person_save(struct app_session *s, const struct form_record *fr, int64_t *id,
	    int64_t *version, int64_t *existing, bf_error *err);
/* Load person id into a new form record (caller frees); its version in *version. */
int	app_person_load(struct app_session *s, int64_t id, struct form_record **out,
	    int64_t *version, bf_error *err);

#endif
