/*
 * privacy.h -- who sees which sensitive field in full.  Form fields
 * marked `pii` carry a mask (idcard, phone, last4, name, all); whether
 * the mask applies depends on the role of the user and on whether they
 * asked to see the value in full (an action written to the audit log).
 *
 * The policy, one table row per role and mask kind (privacy.c):
 *   caseworker  phone, all (address, health)  in full: they phone and
 *               visit their own persons, and their scope is their own
 *               community; idcard, last4 (certificate numbers) masked.
 *   supervisor  everything masked; they oversee, they do not phone.
 *   admin       everything masked.
 * Revealing (`r` in the person file, `search --full`) shows the value in
 * full for any role and is logged as a 'view' row.
 */
#ifndef BF_APP_PRIVACY_H
#define BF_APP_PRIVACY_H

struct form_field;

/* 1 if role sees fields with mask in full without revealing. */
int	privacy_full(const char *role, const char *mask);
/* f's value as shown to role (revealed: in full); caller frees. */
char	*privacy_display(const char *role, const struct form_field *f, const char *value, int revealed);

#endif
