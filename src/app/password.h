/*
 * password.h -- password hashing for the optional per-user password:
 * argon2id through libsodium (crypto_pwhash_str, interactive limits),
 * when configure found libsodium; otherwise every call says so in
 * Chinese and nothing is stored.
 */
#ifndef BF_APP_PASSWORD_H
#define BF_APP_PASSWORD_H

#include <stddef.h>

#include "util/error.h"

struct db;

#define APP_PASSWORD_HASH_MAX 128

int	app_password_available(void);         /* 1 if built with libsodium */
/* Hash pw into out (APP_PASSWORD_HASH_MAX bytes). */
int	app_password_hash(const char *pw, char *out, size_t len, bf_error *err);
/* 1 if pw matches hash. */
int	app_password_check(const char *hash, const char *pw);
/* Set login's password (NULL or "": clear it). */
int	app_password_set(struct db *db, const char *login, const char *pw, bf_error *err);
/*
 * Does the acting user need a password?  *needed is 1 when a hash is
 * stored; then app_password_login checks pw and writes the 'login' audit
 * row (success or failure).
 */
int	app_password_needed(struct db *db, int *needed, bf_error *err);
int	app_password_login(struct db *db, const char *pw, bf_error *err);

#endif
