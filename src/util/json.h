/*
 * json.h -- writing JSON text into a strbuf.
 *
 * Only writing: reading JSON (the `extra` column, audit rows) is left to
 * SQLite's JSON functions in the store layer.
 */
#ifndef BF_JSON_H
#define BF_JSON_H

#include "util/strbuf.h"

void	json_add_string(strbuf *sb, const char *s);   /* quoted and escaped; NULL -> null */
void	json_add_key(strbuf *sb, int *first, const char *key); /* ,"key": */

#endif
