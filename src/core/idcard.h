/*
 * idcard.h -- citizen identity numbers (公民身份号码, GB 11643-1999).
 *
 * 18 characters: 6-digit address code, 8-digit birth date, 3-digit sequence
 * (odd for men, even for women) and an ISO 7064 MOD 11-2 check character
 * (0-9 or X).  Legacy 15-digit numbers (GB 11643-1989) are upgraded.
 * Foreigners' permanent residence ID numbers (first digit 9) have the same
 * layout and check character and are accepted.
 */
#ifndef BF_CORE_IDCARD_H
#define BF_CORE_IDCARD_H

#include <stddef.h>

#include "core/date.h"
#include "util/error.h"

#define IDCARD_LEN 18

struct idcard {
	char	number[IDCARD_LEN + 1];	/* normalised: 18 chars, 'X' upper-case */
	bf_date	birth;
	int	sex;			/* 1 male, 2 female (GB/T 2261.1) */
	int	from15;			/* 1 if upgraded from a 15-digit number */
	int	region_known;		/* 1 if the first two digits are a province code (11-15 ... 81-83) */
	int	foreign;		/* 1 for a foreigner's permanent residence ID (first digit 9) */
};

/*
 * Normalise and validate input (full-width digits, spaces, lower-case x are
 * accepted).  today bounds the birth date.  BF_OK with *out filled, or
 * BF_EINVAL with a precise message and *out untouched.  Checked in order:
 *   "公民身份号码为空"
 *   "公民身份号码应为 18 位（或 15 位旧号码），实际为 17 位"
 *   "公民身份号码第 5 位“a”不是数字" / "公民身份号码第 18 位“Y”应为数字或 X"
 *   "出生日期 1985-02-29 不存在（1985 年不是闰年）" (also 月份/日 无效,
 *     "1999 年 2 月只有 28 天"), "出生日期 1899-12-31 早于 1900 年",
 *     "出生日期 2030-01-01 晚于今天"
 *   "公民身份号码前两位“00”不是有效的省级行政区划代码"
 *   "公民身份号码校验码错误：第 18 位应为 0，实际为 9"
 */
int	idcard_parse(const char *input, bf_date today, struct idcard *out, bf_error *err);
/*
 * Do a form's sex and birth date agree with the parsed number?  BF_OK, or
 * BF_EINVAL: "性别与公民身份号码不符：号码第 17 位表示女，填写的是男",
 * "出生日期与公民身份号码不符：号码中为 1985-03-15，填写的是 1985-03-16".
 */
int	idcard_check_consistent(const struct idcard *id, int sex, bf_date birth, bf_error *err);
char	idcard_check_char(const char *body17);            /* '0'-'9' or 'X'; 0 if not 17 digits */
int	idcard_upgrade15(const char *id15, char out[IDCARD_LEN + 1]); /* BF_OK or BF_EINVAL (not 15 digits); no date check */
/* "500103********1230": first 6 and last 4 characters kept; under 11 characters all '*'; clipped to outlen. */
void	idcard_mask(const char *number, char *out, size_t outlen);
void	idcard_reverse(const char *number, char out[IDCARD_LEN + 1]); /* last <= 18 bytes reversed, for tail search */

#endif
