/*
 * idcard.c -- citizen identity numbers (公民身份号码, GB 11643-1999).
 *
 * Validation goes from the outside in, so the message points at the first
 * thing a person can fix: the length, a character that is not a digit, the
 * birth date (a real day, not before 1900, not after today), the province
 * code, and last the ISO 7064 MOD 11-2 check character, naming the one
 * expected.  Legacy 15-digit numbers (GB 11643-1989) are upgraded to 18 by
 * inserting "19" before the two-digit year and appending the check
 * character (domain-data.md §1.4).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/idcard.h"
#include "core/normalize.h"

#define IDCARD_LEN15 15
#define IDCARD_YEAR_MIN 1900

/* Weights 2^(18-i) mod 11 for i = 1..17, and the check character by S mod 11. */
static const int idcard_weight[17] = {
	7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2
};
static const char idcard_check[11] = {
	'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'
};

/*
 * Province-level codes (the first two digits) that GB/T 2260 assigns,
 * including 81-83 for residence permits of Hong Kong, Macao and Taiwan
 * residents (domain-data.md §1.5).
 */
static const struct idcard_province_range {
	int lo, hi;
} idcard_provinces[] = {
	{ 11, 15 }, { 21, 23 }, { 31, 37 }, { 41, 46 }, { 50, 54 },
	{ 61, 65 }, { 81, 83 },
};

/* The check character for the first 17 characters of body17; 0 if not digits. */
char
idcard_check_char(const char *body17)
{
	int i, s = 0;

	if (body17 == NULL)
		return 0;
	for (i = 0; i < 17; i++) {
		if (body17[i] < '0' || body17[i] > '9')
			return 0;
		s += (body17[i] - '0') * idcard_weight[i];
	}
	return idcard_check[s % 11];
}

/* 1 if the two digits at s are a province code. */
static int
idcard_province_known(const char *s)
{
	int code = (s[0] - '0') * 10 + (s[1] - '0');
	size_t i;

	for (i = 0; i < sizeof idcard_provinces / sizeof idcard_provinces[0]; i++)
		if (code >= idcard_provinces[i].lo && code <= idcard_provinces[i].hi)
			return 1;
	return 0;
}

/* Upgrade a 15-digit number to 18 characters; BF_EINVAL if not 15 digits. */
int
idcard_upgrade15(const char *id15, char out[IDCARD_LEN + 1])
{
	char tmp[IDCARD_LEN + 1];
	int i;

	if (id15 == NULL || strlen(id15) != IDCARD_LEN15)
		return BF_EINVAL;
	for (i = 0; i < IDCARD_LEN15; i++)
		if (id15[i] < '0' || id15[i] > '9')
			return BF_EINVAL;
	memcpy(tmp, id15, 6);
	tmp[6] = '1';
	tmp[7] = '9';
	memcpy(tmp + 8, id15 + 6, 9);
	tmp[17] = idcard_check_char(tmp);
	tmp[18] = '\0';
	memcpy(out, tmp, sizeof tmp);
	return BF_OK;
}

/*
 * Check the length and the characters of t (folded and trimmed) and copy
 * it, upper-cased, to num; *len gets 15 or 18.  BF_EINVAL with a message
 * naming the length or the first bad character.
 */
static int
idcard_shape(const char *t, char num[IDCARD_LEN + 1], int *len, bf_error *err)
{
	size_t nchars = norm_char_count(t), n;
	char ch[NORM_CHAR_SHOW_MAX];
	int pos;

	if (nchars == 0)
		return err_set(err, BF_EINVAL, "公民身份号码为空");
	if (nchars != IDCARD_LEN && nchars != IDCARD_LEN15)
		return err_set(err, BF_EINVAL,
		    "公民身份号码应为 18 位（或 15 位旧号码），实际为 %zu 位",
		    nchars);
	for (pos = 1; *t != '\0'; pos++, t += n) {
		n = norm_char_len(t);
		if (*t >= '0' && *t <= '9') {
			num[pos - 1] = *t;
			continue;
		}
		if (pos == IDCARD_LEN && (*t == 'X' || *t == 'x')) {
			num[pos - 1] = 'X';
			continue;
		}
		norm_char_show(t, ch);
		if (pos == IDCARD_LEN)
			return err_set(err, BF_EINVAL,
			    "公民身份号码第 18 位“%s”应为数字或 X", ch);
		return err_set(err, BF_EINVAL, "公民身份号码第 %d 位“%s”不是数字",
		    pos, ch);
	}
	num[nchars] = '\0';
	*len = (int)nchars;
	return BF_OK;
}

/* The number of the n digits at s. */
static int
idcard_num(const char *s, int n)
{
	int v = 0;

	while (n-- > 0)
		v = v * 10 + (*s++ - '0');
	return v;
}

/*
 * Check the birth date in digits 7-14 of num: a real day, not before 1900,
 * not after today.  *birth gets it.
 */
static int
idcard_birth(const char *num, bf_date today, bf_date *birth, bf_error *err)
{
	int y = idcard_num(num + 6, 4), m = idcard_num(num + 10, 2);
	int d = idcard_num(num + 12, 2), dim;
	const char *ds = num + 6;

	dim = date_days_in_month(y, m);
	if (dim == 0)
		return err_set(err, BF_EINVAL,
		    "出生日期 %.4s-%.2s-%.2s 不存在（月份 %d 无效）",
		    ds, ds + 4, ds + 6, m);
	if (d < 1 || d > 31)
		return err_set(err, BF_EINVAL,
		    "出生日期 %.4s-%.2s-%.2s 不存在（日 %d 无效）",
		    ds, ds + 4, ds + 6, d);
	if (m == 2 && d == 29 && !date_is_leap(y))
		return err_set(err, BF_EINVAL,
		    "出生日期 %.4s-%.2s-%.2s 不存在（%d 年不是闰年）",
		    ds, ds + 4, ds + 6, y);
	if (d > dim)
		return err_set(err, BF_EINVAL,
		    "出生日期 %.4s-%.2s-%.2s 不存在（%d 年 %d 月只有 %d 天）",
		    ds, ds + 4, ds + 6, y, m, dim);
	if (y < IDCARD_YEAR_MIN)
		return err_set(err, BF_EINVAL, "出生日期 %.4s-%.2s-%.2s 早于 %d 年",
		    ds, ds + 4, ds + 6, IDCARD_YEAR_MIN);
	birth->y = y;
	birth->m = m;
	birth->d = d;
	if (date_cmp(*birth, today) > 0)
		return err_set(err, BF_EINVAL, "出生日期 %.4s-%.2s-%.2s 晚于今天",
		    ds, ds + 4, ds + 6);
	return BF_OK;
}

/*
 * Normalise and validate input (full-width digits and X, surrounding
 * spaces, lower-case x); today bounds the birth date.  BF_OK with *out
 * filled, or BF_EINVAL with a message and *out untouched.
 */
int
idcard_parse(const char *input, bf_date today, struct idcard *out, bf_error *err)
{
	struct idcard id;
	char *t = norm_halfwidth_trim(input);
	char num[IDCARD_LEN + 1], want;
	int len = 0, rc;

	memset(&id, 0, sizeof id);
	rc = idcard_shape(t, num, &len, err);
	free(t);
	if (rc != BF_OK)
		return rc;
	if (len == IDCARD_LEN15) {
		idcard_upgrade15(num, id.number);
		id.from15 = 1;
	} else
		memcpy(id.number, num, sizeof num);
	if ((rc = idcard_birth(id.number, today, &id.birth, err)) != BF_OK)
		return rc;
	if (id.number[0] == '9')
		id.foreign = 1;
	else if (idcard_province_known(id.number))
		id.region_known = 1;
	else
		return err_set(err, BF_EINVAL,
		    "公民身份号码前两位“%.2s”不是有效的省级行政区划代码",
		    id.number);
	want = idcard_check_char(id.number);
	if (id.number[17] != want)
		return err_set(err, BF_EINVAL,
		    "公民身份号码校验码错误：第 18 位应为 %c，实际为 %c",
		    want, id.number[17]);
	id.sex = (id.number[16] - '0') % 2 ? 1 : 2;
	*out = id;
	err_clear(err);
	return BF_OK;
}

/* Label of a GB/T 2261.1 sex code, for messages. */
static const char *
idcard_sex_label(int sex)
{
	return sex == 1 ? "男" : sex == 2 ? "女" : "未知";
}

/*
 * Do the sex and birth date typed into a form agree with the number?
 * BF_OK, or BF_EINVAL saying which field differs and what the number says.
 */
int
idcard_check_consistent(const struct idcard *id, int sex, bf_date birth,
    bf_error *err)
{
	char want[DATE_ISO_LEN], got[DATE_ISO_LEN];

	if (sex != id->sex)
		return err_set(err, BF_EINVAL,
		    "性别与公民身份号码不符：号码第 17 位表示%s，填写的是%s",
		    idcard_sex_label(id->sex), idcard_sex_label(sex));
	if (date_cmp(birth, id->birth) != 0) {
		date_format(id->birth, want);
		date_format(birth, got);
		return err_set(err, BF_EINVAL,
		    "出生日期与公民身份号码不符：号码中为 %s，填写的是 %s",
		    want, got);
	}
	return BF_OK;
}

/*
 * Append the n-byte character s to out (outlen bytes, *used in use) if it
 * fits with the NUL; return 0 when it does not.
 */
static int
idcard_put(char *out, size_t outlen, size_t *used, const char *s, size_t n)
{
	if (*used + n >= outlen)
		return 0;
	memcpy(out + *used, s, n);
	*used += n;
	out[*used] = '\0';
	return 1;
}

/*
 * Mask a number for lists: the first 6 and last 4 characters stay, the rest
 * become '*' ("500103********1230").  Shorter than 11 characters: all '*'.
 * out is truncated to outlen - 1 bytes on a character boundary.
 */
void
idcard_mask(const char *number, char *out, size_t outlen)
{
	size_t count, i, n, used = 0;
	const char *p;

	if (outlen == 0)
		return;
	out[0] = '\0';
	if (number == NULL)
		return;
	count = norm_char_count(number);
	for (i = 0, p = number; i < count; i++, p += n) {
		n = norm_char_len(p);
		if (count >= 11 && (i < 6 || i >= count - 4)) {
			if (!idcard_put(out, outlen, &used, p, n))
				break;
		} else if (!idcard_put(out, outlen, &used, "*", 1))
			break;
	}
}

/*
 * The last (up to) 18 bytes of number in reverse order, for tail search:
 * the store indexes reversed numbers, so "ends with 1230" becomes the
 * prefix query "0321".  Numbers are ASCII.
 */
void
idcard_reverse(const char *number, char out[IDCARD_LEN + 1])
{
	size_t len = number ? strlen(number) : 0, i;

	if (len > IDCARD_LEN) {
		number += len - IDCARD_LEN;
		len = IDCARD_LEN;
	}
	for (i = 0; i < len; i++)
		out[i] = number[len - 1 - i];
	out[len] = '\0';
}
