/*
 * phone.h -- Chinese mobile numbers and landlines (domain-data.md §5).
 *
 * Input may have full-width digits, spaces, dashes and a country code;
 * what is stored is 11 digits for a mobile and "023-61234567" (area code,
 * dash, local number, optional "-extension") for a landline.
 */
#ifndef BF_CORE_PHONE_H
#define BF_CORE_PHONE_H

#include <stddef.h>

#include "util/error.h"

#define PHONE_MOBILE_LEN 11
#define PHONE_MAX_LEN 20	/* longest normalised number: 0AAA-NNNNNNNN-EEEEEE */

/*
 * Mobile: strip +86/86/0086, spaces, dashes and parentheses, full-width
 * digits; then 1[3-9] followed by 9 digits.  out gets the 11 digits.
 * BF_EINVAL: "手机号码为空", "手机号码应为 11 位，实际为 10 位",
 * "手机号码第 4 位“a”不是数字", "手机号码第 1 位应为 1，实际为 0",
 * "手机号码第 2 位应为 3–9，实际为 2".
 */
int	phone_parse_mobile(const char *input, char out[PHONE_MOBILE_LEN + 1], bf_error *err);
/*
 * Landline: (023-)?[2-8]ddddddd, or another area code 0AA(A)-NNNNNNN(N),
 * optional -extension (1-6 digits); no area code means 023; "(023)" and
 * an area code run into the number ("02361234567") are read too.  out
 * (PHONE_MAX_LEN + 1 bytes suffice) gets "023-61234567[-801]".
 * BF_EINVAL: "重庆固定电话号码应为 8 位，实际为 7 位", "区号 0234 无效：…",
 * "12333 是服务号码，不能作为个人联系电话", ...
 */
int	phone_parse_landline(const char *input, char *out, size_t outlen, bf_error *err);
/* Either kind: mobile if it looks like one (leading 1 or +86), else landline. */
int	phone_parse_any(const char *input, char *out, size_t outlen, bf_error *err);
/* "138****5678", "023-****4567"; clipped to outlen. */
void	phone_mask(const char *number, char *out, size_t outlen);

#endif
