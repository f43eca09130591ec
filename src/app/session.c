/*
 * session.c -- opening a session: database, then the acting user.
 */
#include "config.h"

#include <stdlib.h>

#include "app/session.h"
#include "store/db.h"
#include "store/user.h"
#include "util/xalloc.h"

/* Open the database at path and log in as this process's Unix user. */
int
app_open(const char *path, int flags, struct app_session **out, bf_error *err)
{
	struct app_session *s;
	int rc;

	*out = NULL;
	s = xcalloc(1, sizeof *s);
	if ((rc = db_open(path, flags, &s->db, err)) != BF_OK ||
	    (rc = user_unix_login(s->login, sizeof s->login, err)) != BF_OK ||
	    (rc = user_login(s->db, s->login, err)) != BF_OK) {
		app_close(s);
		return rc;
	}
	*out = s;
	return BF_OK;
}

/* Close the database and free the session. */
void
app_close(struct app_session *s)
{
	if (s == NULL)
		return;
	db_close(s->db);
	free(s);
}
