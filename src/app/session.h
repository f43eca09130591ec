/*
 * session.h -- what every use of the program starts with: the database
 * opened (created if asked), the acting user logged in by Unix login,
 * and, once the form engine is loaded, the form set.  Shared by the
 * terminal interface and the commands.
 */
#ifndef BF_APP_SESSION_H
#define BF_APP_SESSION_H

#include "util/error.h"

#include "forms/diag.h"

struct db;
struct form_set;

struct app_session {
	struct db	*db;
	struct form_set	*forms;		/* NULL when opened without forms */
	char		 login[64];
};

/*
 * Open path (flags from store/db.h) and log the Unix user in.  On
 * success *out is owned by the caller (app_close).
 */
int	app_open(const char *path, int flags, struct app_session **out, bf_error *err);
/*
 * Load the form set (from forms_dir, or the search path when NULL) into
 * s.  A set with problems is refused: BF_EINVAL, every problem in diags
 * (caller-initialised), and s->forms stays NULL.
 */
int	app_load_forms(struct app_session *s, const char *forms_dir, struct forms_diags *diags,
	    bf_error *err);
void	app_close(struct app_session *s);       /* NULL is fine */

#endif
