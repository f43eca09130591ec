/*
 * phone.h -- Chinese mobile numbers and Chongqing landlines.
 */
#ifndef BF_CORE_PHONE_H
#define BF_CORE_PHONE_H

#include <stddef.h>

#include "util/error.h"

#define PHONE_MOBILE_LEN 11

/*
 * Mobile: strip +86/86/0086, spaces and dashes, full-width digits; then
 * 1[3-9] followed by 9 digits.  out gets the 11 digits.
 */
int	phone_parse_mobile(const char *input, char out[PHONE_MOBILE_LEN + 1], bf_error *err);
/*
 * Landline: (023-)?[2-8]ddddddd, or another area code 0AA(A)-NNNNNNN(N),
 * optional -extension.  out gets "023-XXXXXXXX" form.
 */
int	phone_parse_landline(const char *input, char *out, size_t outlen, bf_error *err);
/* Either kind: mobile first, then landline. */
int	phone_parse_any(const char *input, char *out, size_t outlen, bf_error *err);
void	phone_mask(const char *number, char *out, size_t outlen);   /* "138****5678" */

#endif
