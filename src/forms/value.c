/*
 * value.c -- normalising, checking and displaying one field's value (see
 * value.h).  Each field type has a row in the table at the end of the
 * normalisers: what the stored form is and what input it accepts.  The
 * rules for citizen IDs, phone numbers and dates are src/core's.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/idcard.h"
#include "core/normalize.h"
#include "core/phone.h"
#include "forms/lists.h"
#include "forms/value.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

typedef int (*value_fn)(const struct form_field *f, const char *s, bf_date today,
    strbuf *out, bf_error *err);

/* 1 for blank (NULL, empty, white space only). */
int
form_value_blank(const char *s)
{
	return norm_is_blank(s);
}

/* s without ASCII and ideographic white space at both ends; caller frees. */
static char *
value_trim(const char *s)
{
	const char *end;

	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		else if (strncmp(s, "\xe3\x80\x80", 3) == 0)	/* U+3000 */
			s += 3;
		else
			break;
	}
	end = s + strlen(s);
	for (;;) {
		if (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r'))
			end--;
		else if (end - s >= 3 && strncmp(end - 3, "\xe3\x80\x80", 3) == 0)
			end -= 3;
		else
			break;
	}
	return xstrndup(s, (size_t)(end - s));
}

/* Copy s without the thousands separators people type. */
static void
value_strip_commas(const char *s, strbuf *out)
{
	for (; *s != '\0'; s++)
		if (*s != ',')
			sb_addc(out, *s);
}

/* Parse a date, or "today" as today; 1 if s is one. */
int
form_value_date(const char *s, bf_date today, bf_date *out)
{
	if (s == NULL)
		return 0;
	if (strcmp(s, "today") == 0) {
		*out = today;
		return 1;
	}
	return date_parse(s, out, NULL) == BF_OK;
}

/* Check a number against the field's min and max. */
static int
value_check_number(const struct form_field *f, double v, bf_error *err)
{
	double lim;

	if (f->min != NULL && form_value_number(f->min, &lim) && v < lim)
		return err_set(err, BF_EINVAL, "不能小于 %s", f->min);
	if (f->max != NULL && form_value_number(f->max, &lim) && v > lim)
		return err_set(err, BF_EINVAL, "不能大于 %s", f->max);
	return BF_OK;
}

/* text, long_text: trimmed; min/max count characters. */
static int
value_text(const struct form_field *f, const char *s, bf_date today, strbuf *out, bf_error *err)
{
	size_t n = norm_char_count(s);
	double lim;

	(void)today;
	if (f->max != NULL && form_value_number(f->max, &lim) && (double)n > lim)
		return err_set(err, BF_EINVAL, "不能超过 %s 个字（现有 %zu 个）", f->max, n);
	if (f->min != NULL && form_value_number(f->min, &lim) && (double)n < lim)
		return err_set(err, BF_EINVAL, "至少 %s 个字（现有 %zu 个）", f->min, n);
	sb_add(out, s);
	return BF_OK;
}

/* Does s (commas removed) look like [+-]digits[.digits]? Digits after the point in *frac. */
static int
value_decimal_shape(const char *s, size_t *frac)
{
	size_t i = 0, digits = 0;

	*frac = 0;
	if (s[i] == '+' || s[i] == '-')
		i++;
	for (; isdigit((unsigned char)s[i]); i++)
		digits++;
	if (s[i] == '.') {
		for (i++; isdigit((unsigned char)s[i]); i++)
			(*frac)++;
		if (*frac == 0)
			return 0;
	}
	return s[i] == '\0' && digits > 0 && i < 40;
}

/* Parse a number as the engine does ([+-]digits[.digits], "1,234.5", full-width digits); 1 if s is one. */
int
form_value_number(const char *s, double *out)
{
	char *h = norm_halfwidth_trim(s);
	strbuf sb;
	size_t frac;
	int ok;

	sb_init(&sb);
	value_strip_commas(h, &sb);
	free(h);
	ok = value_decimal_shape(sb_str(&sb), &frac);
	if (ok)
		*out = strtod(sb_str(&sb), NULL);
	sb_free(&sb);
	return ok;
}

/* integer: optional sign and digits, thousands separators dropped. */
static int
value_integer(const struct form_field *f, const char *s, bf_date today, strbuf *out, bf_error *err)
{
	strbuf sb;
	size_t frac;
	long long v;
	int rc;

	(void)today;
	sb_init(&sb);
	value_strip_commas(s, &sb);
	if (!value_decimal_shape(sb_str(&sb), &frac) || strchr(sb_str(&sb), '.') != NULL ||
	    sb.len > 18) {
		sb_free(&sb);
		return err_set(err, BF_EINVAL, "“%s”不是整数", s);
	}
	v = strtoll(sb_str(&sb), NULL, 10);
	sb_free(&sb);
	if ((rc = value_check_number(f, (double)v, err)) != BF_OK)
		return rc;
	sb_addf(out, "%lld", v);
	return BF_OK;
}

/* decimal: a number with an optional fractional part, kept as typed. */
static int
value_decimal(const struct form_field *f, const char *s, bf_date today, strbuf *out, bf_error *err)
{
	strbuf sb;
	size_t frac;
	double v;
	int rc;

	(void)today;
	sb_init(&sb);
	value_strip_commas(s, &sb);
	if (!value_decimal_shape(sb_str(&sb), &frac)) {
		sb_free(&sb);
		return err_set(err, BF_EINVAL, "“%s”不是数字", s);
	}
	v = strtod(sb_str(&sb), NULL);
	if ((rc = value_check_number(f, v, err)) != BF_OK) {
		sb_free(&sb);
		return rc;
	}
	sb_add(out, sb_str(&sb)[0] == '+' ? sb_str(&sb) + 1 : sb_str(&sb));
	sb_free(&sb);
	return BF_OK;
}

/* money: yuan, at most 2 decimals, "¥" and "元" allowed; "3500" or "3500.50". */
static int
value_money(const struct form_field *f, const char *s, bf_date today, strbuf *out, bf_error *err)
{
	strbuf sb;
	const char *p = s, *end;
	size_t frac;
	double v;
	int rc;

	(void)today;
	if (strncmp(p, "\xef\xbf\xa5", 3) == 0)		/* U+FFE5 ￥ */
		p += 3;
	else if (strncmp(p, "\xc2\xa5", 2) == 0)	/* U+00A5 ¥ */
		p += 2;
	end = p + strlen(p);
	if (end - p >= 3 && strcmp(end - 3, "元") == 0)
		end -= 3;
	sb_init(&sb);
	{
		char *body = xstrndup(p, (size_t)(end - p));

		value_strip_commas(body, &sb);
		free(body);
	}
	if (!value_decimal_shape(sb_str(&sb), &frac) || frac > 2) {
		rc = err_set(err, BF_EINVAL, frac > 2 ? "金额最多保留两位小数：“%s”" :
		    "“%s”不是金额", s);
		sb_free(&sb);
		return rc;
	}
	if (sb.len - (frac > 0 ? frac + 1 : 0) > 13) {
		sb_free(&sb);
		return err_set(err, BF_EINVAL, "金额过大：“%s”", s);
	}
	v = strtod(sb_str(&sb), NULL);
	sb_free(&sb);
	if (v < 0)
		return err_set(err, BF_EINVAL, "金额不能为负数");
	if ((rc = value_check_number(f, v, err)) != BF_OK)
		return rc;
	{
		long long cents = (long long)(v * 100 + 0.5);

		if (cents % 100 == 0)
			sb_addf(out, "%lld", cents / 100);
		else
			sb_addf(out, "%lld.%02lld", cents / 100, cents % 100);
	}
	return BF_OK;
}

/* date: any shape date_parse reads, stored ISO; min/max are dates or "today". */
static int
value_date(const struct form_field *f, const char *s, bf_date today, strbuf *out, bf_error *err)
{
	bf_date d, lim;
	char iso[DATE_ISO_LEN], lim_iso[DATE_ISO_LEN];
	int rc;

	if ((rc = date_parse(s, &d, err)) != BF_OK)
		return rc;
	if (f->min != NULL && form_value_date(f->min, today, &lim) && date_cmp(d, lim) < 0) {
		date_format(lim, lim_iso);
		return err_set(err, BF_EINVAL, "不能早于 %s", lim_iso);
	}
	if (f->max != NULL && form_value_date(f->max, today, &lim) && date_cmp(d, lim) > 0) {
		date_format(lim, lim_iso);
		return err_set(err, BF_EINVAL, "不能晚于 %s%s", lim_iso,
		    strcmp(f->max, "today") == 0 ? "（今天）" : "");
	}
	date_format(d, iso);
	sb_add(out, iso);
	return BF_OK;
}

/* Words read as yes and no. */
static const struct { const char *word; const char *value; } value_bools[] = {
	{ "1", "1" }, { "0", "0" }, { "是", "1" }, { "否", "0" },
	{ "true", "1" }, { "false", "0" }, { "yes", "1" }, { "no", "0" },
	{ "y", "1" }, { "n", "0" }, { "有", "1" }, { "无", "0" },
	{ "√", "1" }, { "×", "0" }, { "TRUE", "1" }, { "FALSE", "0" },
	{ "Y", "1" }, { "N", "0" },
};

/* boolean: stored "1" or "0". */
static int
value_boolean(const struct form_field *f, const char *s, bf_date today, strbuf *out, bf_error *err)
{
	size_t i;

	(void)f;
	(void)today;
	for (i = 0; i < sizeof value_bools / sizeof value_bools[0]; i++)
		if (strcmp(value_bools[i].word, s) == 0) {
			sb_add(out, value_bools[i].value);
			return BF_OK;
		}
	return err_set(err, BF_EINVAL, "应为“是”或“否”，实际为“%s”", s);
}

/* One option by code or label; NULL (err set) if neither. */
static const struct form_option *
value_option(const struct form_field *f, const char *s, bf_error *err)
{
	const struct form_option *o = form_option_find(f, s);

	const struct form_option *opts;
	char *half, *label;
	size_t i, n;

	if (o == NULL)
		o = form_option_by_label(f, s);
	if (o == NULL) {
		/* the value arrives made half-width: compare labels made so too ("50 周岁(女职工)") */
		half = norm_halfwidth_trim(s);
		opts = form_field_options(f, &n);
		for (i = 0; i < n && o == NULL; i++) {
			label = norm_halfwidth_trim(opts[i].label);
			if (strcmp(label, half) == 0)
				o = &opts[i];
			free(label);
		}
		free(half);
	}
	if (o == NULL)
		err_set(err, BF_EINVAL, "“%s”不是可选的值", s);
	return o;
}

/* select_one: a code, or an option's label turned into its code. */
static int
value_select_one(const struct form_field *f, const char *s, bf_date today, strbuf *out, bf_error *err)
{
	const struct form_option *o;

	(void)today;
	if ((o = value_option(f, s, err)) == NULL)
		return BF_EINVAL;
	sb_add(out, o->code);
	return BF_OK;
}

/* Is c (at s) a separator between select_many items? Its length, or 0. */
static size_t
value_separator(const char *s)
{
	static const char *const seps[] = { ",", ";", " ", "|", "/", "、", "；", "，", NULL };
	size_t i;

	for (i = 0; seps[i] != NULL; i++)
		if (strncmp(s, seps[i], strlen(seps[i])) == 0)
			return strlen(seps[i]);
	return 0;
}

/* select_many: codes or labels separated by , ; 、 or spaces; stored "01,04" in option order. */
static int
value_select_many(const struct form_field *f, const char *s, bf_date today, strbuf *out, bf_error *err)
{
	const struct form_option *opts;
	unsigned char *chosen;
	size_t n, i;
	strbuf item;
	const char *p = s;
	int rc = BF_OK;

	(void)today;
	opts = form_field_options(f, &n);
	chosen = xcalloc(n + 1, 1);
	sb_init(&item);
	while (rc == BF_OK) {
		size_t sep = *p != '\0' ? value_separator(p) : 1;

		if (sep > 0) {
			if (item.len > 0) {
				const struct form_option *o = value_option(f, sb_str(&item), err);

				if (o == NULL)
					rc = BF_EINVAL;
				else
					chosen[o - opts] = 1;
			}
			sb_reset(&item);
			if (*p == '\0')
				break;
			p += sep;
		} else
			sb_addc(&item, *p++);
	}
	for (i = 0; rc == BF_OK && i < n; i++)
		if (chosen[i]) {
			if (out->len > 0)
				sb_addc(out, ',');
			sb_add(out, opts[i].code);
		}
	sb_free(&item);
	free(chosen);
	return rc;
}

/* id_card: 18 characters (15-digit numbers upgraded), checked by core. */
static int
value_id_card(const struct form_field *f, const char *s, bf_date today, strbuf *out, bf_error *err)
{
	struct idcard id;
	int rc;

	(void)f;
	if ((rc = idcard_parse(s, today, &id, err)) != BF_OK)
		return rc;
	sb_add(out, id.number);
	return BF_OK;
}

/* phone: mobile (11 digits, +86 dropped) or landline "023-61234567". */
static int
value_phone(const struct form_field *f, const char *s, bf_date today, strbuf *out, bf_error *err)
{
	char buf[PHONE_MAX_LEN + 1];
	int rc;

	(void)f;
	(void)today;
	if ((rc = phone_parse_any(s, buf, sizeof buf, err)) != BF_OK)
		return rc;
	sb_add(out, buf);
	return BF_OK;
}

/* org_unit: a 6-, 9- or 12-digit division code, stored padded to 12. */
static int
value_org_unit(const struct form_field *f, const char *s, bf_date today, strbuf *out, bf_error *err)
{
	size_t n = strlen(s), i;

	(void)f;
	(void)today;
	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			break;
	if (i < n || (n != 6 && n != 9 && n != 12))
		return err_set(err, BF_EINVAL, "区划代码应为 6、9 或 12 位数字，实际为“%s”", s);
	sb_add(out, s);
	for (; n < 12; n++)
		sb_addc(out, '0');
	return BF_OK;
}

/* user: a login name. */
static int
value_user(const struct form_field *f, const char *s, bf_date today, strbuf *out, bf_error *err)
{
	size_t i;

	(void)f;
	(void)today;
	for (i = 0; s[i] != '\0'; i++)
		if (!isalnum((unsigned char)s[i]) && strchr("_.-", s[i]) == NULL)
			return err_set(err, BF_EINVAL, "登录名只能包含字母、数字、下划线、点和连字符：“%s”", s);
	if (i > 32)
		return err_set(err, BF_EINVAL, "登录名不能超过 32 个字符");
	sb_add(out, s);
	return BF_OK;
}

/* group: has rows, not a value. */
static int
value_group(const struct form_field *f, const char *s, bf_date today, strbuf *out, bf_error *err)
{
	(void)f;
	(void)s;
	(void)today;
	(void)out;
	return err_set(err, BF_EINVAL, "子表没有单个值");
}

/* Per type: the normaliser, and whether input is folded to half-width first. */
static const struct {
	value_fn	fn;
	int		fold;
} value_types[FT_COUNT] = {
	[FT_TEXT]        = { value_text, 0 },
	[FT_LONG_TEXT]   = { value_text, 0 },
	[FT_INTEGER]     = { value_integer, 1 },
	[FT_DECIMAL]     = { value_decimal, 1 },
	[FT_MONEY]       = { value_money, 1 },
	[FT_DATE]        = { value_date, 0 },	/* date_parse folds itself; keeps 年月日 */
	[FT_BOOLEAN]     = { value_boolean, 1 },
	[FT_SELECT_ONE]  = { value_select_one, 1 },
	[FT_SELECT_MANY] = { value_select_many, 1 },
	[FT_ID_CARD]     = { value_id_card, 0 },
	[FT_PHONE]       = { value_phone, 0 },
	[FT_ORG_UNIT]    = { value_org_unit, 1 },
	[FT_USER]        = { value_user, 1 },
	[FT_GROUP]       = { value_group, 0 },
};

/* Normalise in for field f; see value.h. */
int
form_value_normalise(const struct form_field *f, const char *in, bf_date today,
    char **out, bf_error *err)
{
	strbuf sb;
	char *s;
	int rc;

	*out = NULL;
	if (form_value_blank(in)) {
		*out = xstrdup("");
		return BF_OK;
	}
	s = value_types[f->type].fold ? norm_halfwidth_trim(in) : value_trim(in);
	sb_init(&sb);
	rc = value_types[f->type].fn(f, s, today, &sb, err);
	free(s);
	if (rc != BF_OK) {
		sb_free(&sb);
		return rc;
	}
	*out = sb_detach(&sb);
	return BF_OK;
}

/* The default for a new record; see value.h. */
char *
form_value_default(const struct form_field *f, bf_date today)
{
	char iso[DATE_ISO_LEN];

	if (f->def == NULL)
		return NULL;
	if (f->type == FT_DATE && strcmp(f->def, "today") == 0) {
		date_format(today, iso);
		return xstrdup(iso);
	}
	return xstrdup(f->def);
}

/* Mask value by mask name; see value.h. */
char *
form_value_mask(const char *mask, const char *value)
{
	char buf[64];
	strbuf sb;
	size_t n, i, len;
	const char *p;

	if (value == NULL)
		value = "";
	if (mask == NULL || strcmp(mask, "none") == 0 || value[0] == '\0')
		return xstrdup(value);
	if (strcmp(mask, "idcard") == 0) {
		idcard_mask(value, buf, sizeof buf);
		return xstrdup(buf);
	}
	if (strcmp(mask, "phone") == 0) {
		phone_mask(value, buf, sizeof buf);
		return xstrdup(buf);
	}
	sb_init(&sb);
	n = norm_char_count(value);
	if (strcmp(mask, "last4") == 0) {
		for (i = 0, p = value; i < n; i++, p += len) {
			len = norm_char_len(p);
			if (n > 4 && i >= n - 4)
				sb_addn(&sb, p, len);
			else
				sb_addc(&sb, '*');
		}
	} else if (strcmp(mask, "name") == 0) {
		len = norm_char_len(value);
		sb_addn(&sb, value, len);
		for (i = 1; i < n; i++)
			sb_addc(&sb, '*');
	} else
		sb_add(&sb, "******");
	return sb_detach(&sb);
}

/* The mask a pii field gets when its definition names none. */
static const char *
value_default_mask(const struct form_field *f)
{
	if (f->mask != NULL)
		return f->mask;
	switch (f->type) {
	case FT_ID_CARD:
		return "idcard";
	case FT_PHONE:
		return "phone";
	default:
		return "all";
	}
}

/* The value as displayed; see value.h. */
char *
form_value_display(const struct form_field *f, const char *value)
{
	if (value == NULL || value[0] == '\0')
		return xstrdup("");
	if (f->pii)
		return form_value_mask(value_default_mask(f), value);
	return form_value_label(f, value);
}

/* The value for people, unmasked: option labels, 是/否; see value.h. */
char *
form_value_label(const struct form_field *f, const char *value)
{
	if (value == NULL || value[0] == '\0')
		return xstrdup("");
	switch (f->type) {
	case FT_SELECT_ONE:
		return xstrdup(form_option_label(f, value));
	case FT_SELECT_MANY:
		return form_option_labels(f, value);
	case FT_BOOLEAN:
		return xstrdup(strcmp(value, "1") == 0 ? "是" : strcmp(value, "0") == 0 ? "否" : value);
	default:
		return xstrdup(value);
	}
}
