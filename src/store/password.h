/*
 * password.h -- the optional password of a user (app_user.password_hash)
 * for terminals shared by several people, where the Unix login alone does
 * not tell who sits at the keyboard.  The store keeps the hash only; the
 * hashing (argon2id) is app/password.c.
 */
#ifndef BF_STORE_PASSWORD_H
#define BF_STORE_PASSWORD_H

#include <stddef.h>

#include "util/error.h"

struct db;

/* login's hash into out ("" when the user has no password). */
int	password_get(struct db *db, const char *login, char *out, size_t len, bf_error *err);
/*
 * Set (hash) or clear (NULL) login's password hash.  Administrators may
 * set anyone's; everyone else only their own.
 */
int	password_set(struct db *db, const char *login, const char *hash, bf_error *err);
/* Audit a password login: ok or failed (note says which). */
int	password_log_login(struct db *db, int ok, bf_error *err);

#endif
