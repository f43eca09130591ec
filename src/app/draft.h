/*
 * draft.h -- keeping a form's unsaved values for the user who typed
 * them: written when the terminal hangs up (SIGHUP, SIGTERM, closed
 * window) and every so often while typing, offered back the next time
 * that user opens the same form of the same person.
 */
#ifndef BF_APP_DRAFT_H
#define BF_APP_DRAFT_H

#include <stdint.h>

#include "util/error.h"

struct app_session;
struct form_record;

/*
 * Keep fr as the draft of form for (person_id, record_id); 0 means new.
 * version: the version of the record the values were typed against.
 */
int	app_draft_save(struct app_session *s, const char *form, int64_t person_id,
	    int64_t record_id, int64_t version, const struct form_record *fr, bf_error *err);
/*
 * The draft of form for (person_id, record_id): *out (caller frees with
 * form_record_free), the version it was typed against (a save then fails
 * with a conflict if the record changed since) and when it was saved;
 * BF_ENOTFOUND when none.
 */
int	app_draft_find(struct app_session *s, const char *form, int64_t person_id,
	    int64_t record_id, struct form_record **out, int64_t *version, char saved_at[20],
	    bf_error *err);
/* Forget that draft (saved or discarded). */
int	app_draft_discard(struct app_session *s, const char *form, int64_t person_id,
	    int64_t record_id, bf_error *err);

#endif
