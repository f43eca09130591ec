/*
 * user.h -- the people who use bangfu (app_user): who is acting, their
 * role and their organisation unit, which together decide their scope.
 *
 * Identity is the Unix login.  The first login to use a new database
 * becomes its administrator for the whole city; other logins are recorded
 * on first use but have no access until an administrator gives them a role
 * and a unit (`bangfu user add`).
 */
#ifndef BF_STORE_USER_H
#define BF_STORE_USER_H

#include <stdint.h>

#include "util/error.h"

struct db;
struct db_actor;

#define USER_PENDING 2	/* app_user.disabled: registered on first use, no access yet */

struct user_row {
	int64_t	id;
	char	login[64];
	char	name[64];
	char	role[16];
	char	org[13];
	char	org_name[96];
	int	disabled;
};

/*
 * Make login the acting user of db (sets db_actor and its scope).  The
 * first user of an empty database is created as admin; an unknown or
 * disabled login is refused with BF_EPERM and a message saying what to do.
 */
int	user_login(struct db *db, const char *login, bf_error *err);
/* The Unix login of this process (getpwuid), into out. */
int	user_unix_login(char *out, size_t outlen, bf_error *err);
/* Add a user, or give a pending one a role and unit (admin only when an actor is set). */
int	user_add(struct db *db, const char *login, const char *name, const char *role,
	    const char *org, int64_t *id, bf_error *err);
/* Change a user's role and org unit (admin only; keeps one admin). */
int	user_set_role(struct db *db, const char *login, const char *role, const char *org, bf_error *err);
/* Enable or disable a user. */
int	user_set_disabled(struct db *db, const char *login, int disabled, bf_error *err);
/* Users in login order, at most max. */
int	user_list(struct db *db, struct user_row *out, int max, int *n, bf_error *err);
/* Chinese label of a role ("社区工作人员"), static. */
const char *user_role_label(const char *role);
/* Compute an actor's scope bounds from its org unit. */
int	user_scope(struct db *db, struct db_actor *a, bf_error *err);

#endif
