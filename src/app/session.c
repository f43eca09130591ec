/*
 * session.c -- opening a session: database, then the acting user.
 */
#include "config.h"

#include <stdlib.h>

#include "app/formset.h"
#include "app/session.h"
#include "forms/model.h"
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
	form_set_free(s->forms);
	free(s);
}

/* Load and check the forms; refuse a set with any problem. */
int
app_load_forms(struct app_session *s, const char *forms_dir, struct forms_diags *diags,
    bf_error *err)
{
	struct form_set *set = NULL;
	size_t n = app_forms_load(forms_dir, &set, diags);

	if (n > 0) {
		form_set_free(set);
		return err_set(err, BF_EINVAL, "表单定义有 %zu 个问题，请先修正", n);
	}
	form_set_free(s->forms);
	s->forms = set;
	return BF_OK;
}
