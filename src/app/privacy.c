/*
 * privacy.c -- the masking policy table (see privacy.h).
 */
#include "config.h"

#include <string.h>

#include "app/privacy.h"
#include "forms/model.h"
#include "forms/value.h"

/* Role and mask kinds shown in full without revealing; anything else is masked. */
static const struct {
	const char	*role;
	const char	*mask;
} privacy_table[] = {
	{ "caseworker", "phone" },
	{ "caseworker", "all" },
};

/* Does role see mask in full? */
int
privacy_full(const char *role, const char *mask)
{
	size_t i;

	if (role == NULL || mask == NULL)
		return 0;
	for (i = 0; i < sizeof privacy_table / sizeof privacy_table[0]; i++)
		if (strcmp(privacy_table[i].role, role) == 0 && strcmp(privacy_table[i].mask, mask) == 0)
			return 1;
	return 0;
}

/* The kind of mask f gets (as the form engine decides it). */
static const char *
privacy_mask_kind(const struct form_field *f)
{
	if (f->mask != NULL)
		return f->mask;
	if (f->type == FT_ID_CARD)
		return "idcard";
	return f->type == FT_PHONE ? "phone" : "all";
}

/* The value as this role sees it. */
char *
privacy_display(const char *role, const struct form_field *f, const char *value, int revealed)
{
	struct form_field plain;

	if (f->pii && (revealed || privacy_full(role, privacy_mask_kind(f)))) {
		plain = *f;
		plain.pii = 0;
		return form_value_display(&plain, value);
	}
	return form_value_display(f, value);
}
