/*
 * json.c -- writing JSON text into a strbuf.
 */
#include "config.h"

#include <stdio.h>

#include "util/json.h"

/* Append s as a JSON string literal; UTF-8 passes through unescaped. */
void
json_add_string(strbuf *sb, const char *s)
{
	const unsigned char *p;

	if (s == NULL) {
		sb_add(sb, "null");
		return;
	}
	sb_addc(sb, '"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':  sb_add(sb, "\\\""); break;
		case '\\': sb_add(sb, "\\\\"); break;
		case '\n': sb_add(sb, "\\n"); break;
		case '\r': sb_add(sb, "\\r"); break;
		case '\t': sb_add(sb, "\\t"); break;
		default:
			if (*p < 0x20)
				sb_addf(sb, "\\u%04x", *p);
			else
				sb_addc(sb, (char)*p);
		}
	}
	sb_addc(sb, '"');
}

/* Append an object key, with the separating comma unless it is the first. */
void
json_add_key(strbuf *sb, int *first, const char *key)
{
	if (!*first)
		sb_addc(sb, ',');
	*first = 0;
	json_add_string(sb, key);
	sb_addc(sb, ':');
}
