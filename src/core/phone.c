/*
 * phone.c -- Chinese mobile numbers and landlines (domain-data.md §5).
 *
 * Mobile numbers use the lenient rule most government forms use,
 * 1[3-9] followed by nine digits, after removing +86/86/0086, spaces and
 * dashes; carriers are not checked (numbers move between carriers since
 * 2019).  Landlines are area code plus local number: Chongqing's 023 takes
 * eight digits starting 2-8 and is the default when no area code is typed;
 * elsewhere 7-8 digits starting 2-9.  Area codes starting 01 or 02 (010,
 * 020-029) have three digits, all others four, which is how a number typed
 * without a dash is split.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/normalize.h"
#include "core/phone.h"
#include "util/strbuf.h"

#define PHONE_CQ_AREA "023"
#define PHONE_EXT_MAX 6

/* Copy s to a new strbuf without the characters in drop. */
static void
phone_strip(strbuf *sb, const char *s, const char *drop)
{
	for (; *s != '\0'; s++)
		if (strchr(drop, *s) == NULL)
			sb_addc(sb, *s);
}

/* 1 if s is a non-empty run of ASCII digits. */
static int
phone_all_digits(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/* s without a leading +86, 0086, or 86 in front of eleven more digits. */
static const char *
phone_skip_country(const char *s)
{
	if (strncmp(s, "+86", 3) == 0)
		return s + 3;
	if (strncmp(s, "0086", 4) == 0)
		return s + 4;
	if (strncmp(s, "86", 2) == 0 && norm_char_count(s) == 2 + PHONE_MOBILE_LEN)
		return s + 2;
	return s;
}

/* Check the mobile number in s (already cleaned); copy it to out. */
static int
phone_check_mobile(const char *s, char out[PHONE_MOBILE_LEN + 1], bf_error *err)
{
	size_t nchars = norm_char_count(s), n;
	char ch[NORM_CHAR_SHOW_MAX];
	const char *p;
	int pos;

	if (nchars == 0)
		return err_set(err, BF_EINVAL, "手机号码为空");
	if (nchars != PHONE_MOBILE_LEN)
		return err_set(err, BF_EINVAL, "手机号码应为 11 位，实际为 %zu 位",
		    nchars);
	for (pos = 1, p = s; *p != '\0'; pos++, p += n) {
		n = norm_char_show(p, ch);
		if (*p < '0' || *p > '9')
			return err_set(err, BF_EINVAL,
			    "手机号码第 %d 位“%s”不是数字", pos, ch);
	}
	if (s[0] != '1')
		return err_set(err, BF_EINVAL, "手机号码第 1 位应为 1，实际为 %c",
		    s[0]);
	if (s[1] < '3')
		return err_set(err, BF_EINVAL, "手机号码第 2 位应为 3–9，实际为 %c",
		    s[1]);
	memcpy(out, s, PHONE_MOBILE_LEN + 1);
	return BF_OK;
}

/*
 * Mobile: fold full-width, strip spaces, dashes, parentheses and
 * +86/86/0086, then
 * 1[3-9] and nine digits.  BF_OK with the 11 digits in out, or BF_EINVAL
 * ("手机号码应为 11 位，实际为 10 位", "手机号码第 2 位应为 3–9，实际为 2").
 */
int
phone_parse_mobile(const char *input, char out[PHONE_MOBILE_LEN + 1], bf_error *err)
{
	char *t = norm_halfwidth_trim(input);
	strbuf sb;
	int rc;

	sb_init(&sb);
	phone_strip(&sb, t, " -()");
	rc = phone_check_mobile(phone_skip_country(sb_str(&sb)), out, err);
	sb_free(&sb);
	free(t);
	return rc;
}

/*
 * Check an area code: a leading 0, then not 0, three digits for 01x/02x
 * and four for the rest.
 */
static int
phone_check_area(const char *area, bf_error *err)
{
	size_t want;

	if (area[0] != '0' || area[1] == '\0')
		return err_set(err, BF_EINVAL, "区号 %s 无效：区号以 0 开头", area);
	if (area[1] == '0')
		return err_set(err, BF_EINVAL,
		    "区号 %s 无效：00 是国际冠码，不是区号", area);
	want = area[1] == '1' || area[1] == '2' ? 3 : 4;
	if (strlen(area) != want)
		return err_set(err, BF_EINVAL,
		    "区号 %s 无效：以 01、02 开头的区号为 3 位（如 023），其余为 4 位（如 0871）",
		    area);
	return BF_OK;
}

/* Check the local number for the given area code. */
static int
phone_check_local(const char *area, const char *local, bf_error *err)
{
	size_t len = strlen(local);

	if (strcmp(area, PHONE_CQ_AREA) == 0) {
		if (len != 8)
			return err_set(err, BF_EINVAL,
			    "重庆固定电话号码应为 8 位，实际为 %zu 位", len);
		if (local[0] < '2' || local[0] > '8')
			return err_set(err, BF_EINVAL,
			    "重庆固定电话号码首位应为 2–8，实际为 %c", local[0]);
		return BF_OK;
	}
	if (len < 7 || len > 8)
		return err_set(err, BF_EINVAL,
		    "固定电话号码（区号 %s）应为 7–8 位，实际为 %zu 位", area, len);
	if (local[0] < '2')
		return err_set(err, BF_EINVAL,
		    "固定电话号码首位应为 2–9，实际为 %c", local[0]);
	return BF_OK;
}

/*
 * Split the cleaned landline s ("023-61234567-801", "02361234567",
 * "61234567") into area, local and extension (each at most 15 chars).
 */
static int
phone_split_landline(const char *s, char area[16], char local[16], char ext[16],
    bf_error *err)
{
	char groups[3][16], ch[NORM_CHAR_SHOW_MAX];
	const char *p = s, *dash;
	size_t len, alen;
	int n = 0, i;

	for (;;) {
		dash = strchr(p, '-');
		len = dash ? (size_t)(dash - p) : strlen(p);
		if (n == 3)
			return err_set(err, BF_EINVAL,
			    "无法识别的固定电话：%s，请用 023-61234567 或 023-61234567-801", s);
		if (len == 0 || len >= sizeof groups[0])
			return err_set(err, BF_EINVAL,
			    "无法识别的固定电话：%s，请用 023-61234567 或 023-61234567-801", s);
		memcpy(groups[n], p, len);
		groups[n][len] = '\0';
		n++;
		if (dash == NULL)
			break;
		p = dash + 1;
	}
	for (i = 0; i < n; i++) {
		for (p = groups[i]; *p != '\0'; p += len) {
			len = norm_char_show(p, ch);
			if (*p < '0' || *p > '9')
				return err_set(err, BF_EINVAL,
				    "固定电话中有非数字字符“%s”", ch);
		}
	}
	area[0] = local[0] = ext[0] = '\0';
	if (groups[0][0] != '0') {		/* no area code: Chongqing */
		if (n == 3)
			return err_set(err, BF_EINVAL,
			    "固定电话 %s 的区号应以 0 开头", s);
		strcpy(area, PHONE_CQ_AREA);
		strcpy(local, groups[0]);
		if (n == 2)
			strcpy(ext, groups[1]);
		return BF_OK;
	}
	if (n >= 2) {
		strcpy(area, groups[0]);
		strcpy(local, groups[1]);
		if (n == 3)
			strcpy(ext, groups[2]);
		return BF_OK;
	}
	/* area code and number run together: 01x/02x take 3 digits, others 4 */
	alen = groups[0][1] == '1' || groups[0][1] == '2' ? 3 : 4;
	if (groups[0][1] == '0' || strlen(groups[0]) <= alen) {
		strcpy(area, groups[0]);
		return BF_OK;			/* phone_check_area says what */
	}
	memcpy(area, groups[0], alen);
	area[alen] = '\0';
	strcpy(local, groups[0] + alen);
	return BF_OK;
}

/*
 * Landline: (023-)?[2-8]ddddddd, or another area code 0AA(A)-NNNNNNN(N),
 * optional -extension of 1-6 digits; "(023)61234567" is read too.  out gets
 * "023-61234567" or "023-61234567-801".
 */
int
phone_parse_landline(const char *input, char *out, size_t outlen, bf_error *err)
{
	char *t = norm_halfwidth_trim(input);
	char area[16], local[16], ext[16], merged[16];
	strbuf sb;
	const char *s;
	size_t i;
	int rc;

	sb_init(&sb);
	/* "(023)6123 4567": the parenthesis closes the area code */
	phone_strip(&sb, t, " (");
	for (i = 0; i < sb.len; i++)
		if (sb.buf[i] == ')')
			sb.buf[i] = '-';
	s = sb_str(&sb);
	if (*s == '\0')
		rc = err_set(err, BF_EINVAL, "固定电话为空");
	else if (s[0] == '1' && phone_all_digits(s) && strlen(s) == 5)
		rc = err_set(err, BF_EINVAL, "%s 是服务号码，不能作为个人联系电话", s);
	else if (s[0] == '1' && phone_all_digits(s) && strlen(s) == PHONE_MOBILE_LEN)
		rc = err_set(err, BF_EINVAL, "%s 是手机号码，不是固定电话", s);
	else if ((rc = phone_split_landline(s, area, local, ext, err)) == BF_OK &&
	    (rc = phone_check_area(area, err)) == BF_OK) {
		/* "023-6123-4567": a dash inside the local number, not an extension */
		if (ext[0] != '\0' && strlen(local) + strlen(ext) < sizeof local &&
		    phone_check_local(area, local, NULL) != BF_OK) {
			strcpy(merged, local);
			strcat(merged, ext);
			if (phone_check_local(area, merged, NULL) == BF_OK) {
				strcpy(local, merged);
				ext[0] = '\0';
			}
		}
		rc = phone_check_local(area, local, err);
		if (rc == BF_OK && strlen(ext) > PHONE_EXT_MAX)
			rc = err_set(err, BF_EINVAL, "分机号应为 1–6 位，实际为 %zu 位",
			    strlen(ext));
		else if (rc == BF_OK && (size_t)snprintf(out, outlen, "%s-%s%s%s", area, local,
		    ext[0] ? "-" : "", ext) >= outlen)
			rc = err_set(err, BF_EINVAL, "电话号码缓冲区太小（%zu 字节）",
			    outlen);
	}
	sb_free(&sb);
	free(t);
	return rc;
}

/*
 * Either kind: what looks like a mobile number (a leading 1 other than a
 * five-digit service number, or a country code) is read as one, anything
 * else as a landline; the message comes from that reading.
 */
int
phone_parse_any(const char *input, char *out, size_t outlen, bf_error *err)
{
	char *t = norm_halfwidth_trim(input);
	char mobile[PHONE_MOBILE_LEN + 1];
	const char *s;
	strbuf sb;
	int rc, is_mobile;

	sb_init(&sb);
	phone_strip(&sb, t, " -()");
	s = sb_str(&sb);
	is_mobile = s[0] == '+' || strncmp(s, "0086", 4) == 0 ||
	    (strncmp(s, "86", 2) == 0 && norm_char_count(s) == 13) ||
	    (s[0] == '1' && strlen(s) != 5);
	if (*s == '\0')
		rc = err_set(err, BF_EINVAL, "电话号码为空");
	else if (!is_mobile)
		rc = phone_parse_landline(input, out, outlen, err);
	else if ((rc = phone_parse_mobile(input, mobile, err)) == BF_OK) {
		if (outlen < sizeof mobile)
			rc = err_set(err, BF_EINVAL, "电话号码缓冲区太小（%zu 字节）",
			    outlen);
		else
			memcpy(out, mobile, sizeof mobile);
	}
	sb_free(&sb);
	free(t);
	return rc;
}

/* Append c to out (outlen bytes, *used in use) if it fits with the NUL. */
static void
phone_put(char *out, size_t outlen, size_t *used, char c)
{
	if (*used + 1 < outlen) {
		out[(*used)++] = c;
		out[*used] = '\0';
	}
}

/*
 * Mask a stored number for lists: a mobile keeps its first 3 and last 4
 * digits ("138****5678"); a landline keeps its area code, the last 4 digits
 * of the local number and the extension ("023-****4567"); anything else
 * keeps its last 4 characters.  ASCII input; clipped to outlen.
 */
void
phone_mask(const char *number, char *out, size_t outlen)
{
	size_t len, used = 0, i, from = 0, to, keep_from;
	const char *dash;

	if (outlen == 0)
		return;
	out[0] = '\0';
	if (number == NULL)
		return;
	len = strlen(number);
	if (len == PHONE_MOBILE_LEN && number[0] == '1' && phone_all_digits(number)) {
		for (i = 0; i < len; i++)
			phone_put(out, outlen, &used, i < 3 || i >= 7 ? number[i] : '*');
		return;
	}
	to = len;
	if (number[0] == '0' && (dash = strchr(number, '-')) != NULL) {
		from = (size_t)(dash - number) + 1;
		dash = strchr(number + from, '-');
		if (dash != NULL)
			to = (size_t)(dash - number);
	}
	keep_from = to - from > 4 ? to - 4 : from;
	for (i = 0; i < len; i++)
		phone_put(out, outlen, &used,
		    i < from || i >= to || i >= keep_from ? number[i] : '*');
}
