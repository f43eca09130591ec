/*
 * date.c -- calendar dates as people type them and as the database stores
 * them (ISO 'YYYY-MM-DD'), ages, and date arithmetic.
 *
 * Proleptic Gregorian calendar, years 1800..9999.  Day numbers count from
 * 1970-01-01 using the era-based conversion of H. Hinnant's "chrono-
 * compatible low-level date algorithms", which needs no tables and no
 * loops.  There is no clock here: "today" is always the caller's.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/normalize.h"

#define DATE_YEAR_MIN 1800
#define DATE_YEAR_MAX 9999

static const int date_mdays[12] = {
	31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
};

/* 1 if y is a Gregorian leap year. */
int
date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days in month m of year y; 0 if m is not 1..12. */
int
date_days_in_month(int y, int m)
{
	if (m < 1 || m > 12)
		return 0;
	return date_mdays[m - 1] + (m == 2 && date_is_leap(y));
}

/* 1 if y-m-d is a real day in the supported range 1800..9999. */
int
date_valid(int y, int m, int d)
{
	if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX)
		return 0;
	return d >= 1 && d <= date_days_in_month(y, m);
}

/*
 * Check y-m-d and say precisely what is wrong with it: the year range, the
 * month, a day no month has, or a day this month lacks.
 */
int
date_check(int y, int m, int d, bf_error *err)
{
	if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX)
		return err_set(err, BF_EINVAL, "年份 %d 超出范围（%d–%d）",
		    y, DATE_YEAR_MIN, DATE_YEAR_MAX);
	if (m < 1 || m > 12)
		return err_set(err, BF_EINVAL, "月份 %d 无效", m);
	if (d < 1 || d > 31)
		return err_set(err, BF_EINVAL, "日 %d 无效", d);
	if (d > date_days_in_month(y, m))
		return err_set(err, BF_EINVAL, "%d 年 %d 月没有 %d 日", y, m, d);
	return BF_OK;
}

/*
 * Read a run of ASCII digits at *pp (at most max of them) into *val; return
 * how many were read and advance *pp.  More than max digits reads none.
 */
static int
date_digits(const char **pp, int max, int *val)
{
	const char *p = *pp;
	int n = 0, v = 0;

	while (*p >= '0' && *p <= '9') {
		if (++n > max)
			return 0;
		v = v * 10 + (*p++ - '0');
	}
	*val = v;
	*pp = p;
	return n;
}

/* Skip ASCII spaces. */
static void
date_skip_spaces(const char **pp)
{
	while (**pp == ' ')
		(*pp)++;
}

/* If *pp starts with word, skip it (and spaces around it) and return 1. */
static int
date_take(const char **pp, const char *word)
{
	const char *p = *pp;
	size_t n = strlen(word);

	date_skip_spaces(&p);
	if (strncmp(p, word, n) != 0)
		return 0;
	p += n;
	date_skip_spaces(&p);
	*pp = p;
	return 1;
}

/*
 * The separators people write between year, month and day: the second one
 * must match the first, and "年 月" may end in an optional "日".
 */
static const struct date_sep {
	const char *first;
	const char *second;
	const char *last;	/* optional trailing word, or NULL */
} date_seps[] = {
	{ "-", "-", NULL },
	{ "/", "/", NULL },
	{ ".", ".", NULL },
	{ "年", "月", "日" },
};

/* Split s (already folded and trimmed) into y, m, d; 0 if the shape is wrong. */
static int
date_split(const char *s, int *y, int *m, int *d)
{
	const char *p = s;
	size_t i;
	int n;

	n = date_digits(&p, 8, y);
	if (n == 8 && *p == '\0') {		/* 20240506 */
		*d = *y % 100;
		*m = *y / 100 % 100;
		*y /= 10000;
		return 1;
	}
	if (n != 4)
		return 0;
	for (i = 0; i < sizeof date_seps / sizeof date_seps[0]; i++) {
		const struct date_sep *sep = &date_seps[i];

		p = s + 4;
		if (!date_take(&p, sep->first) || date_digits(&p, 2, m) == 0 ||
		    !date_take(&p, sep->second) || date_digits(&p, 2, d) == 0)
			continue;
		if (sep->last != NULL)
			date_take(&p, sep->last);
		return *p == '\0';
	}
	return 0;
}

/*
 * Parse 2024-05-06, 2024/5/6, 2024.5.6, 2024年5月6日, 20240506, with
 * full-width digits and surrounding spaces.  BF_OK with *out set, or
 * BF_EINVAL with a message naming what is wrong.
 */
int
date_parse(const char *s, bf_date *out, bf_error *err)
{
	char *t = norm_halfwidth_trim(s);
	int y, m, d, rc;

	if (t[0] == '\0')
		rc = err_set(err, BF_EINVAL, "日期为空，请用 2024-05-06 格式");
	else if (!date_split(t, &y, &m, &d))
		rc = err_set(err, BF_EINVAL,
		    "无法识别的日期格式：%s，请用 2024-05-06", t);
	else if ((rc = date_check(y, m, d, err)) == BF_OK) {
		out->y = y;
		out->m = m;
		out->d = d;
	}
	free(t);
	return rc;
}

/* Write n as exactly width decimal digits (n must fit). */
static void
date_put(char *p, int n, int width)
{
	while (width-- > 0) {
		p[width] = (char)('0' + n % 10);
		n /= 10;
	}
}

/* d as 'YYYY-MM-DD' into out. */
void
date_format(bf_date d, char out[DATE_ISO_LEN])
{
	date_put(out, d.y, 4);
	out[4] = '-';
	date_put(out + 5, d.m, 2);
	out[7] = '-';
	date_put(out + 8, d.d, 2);
	out[10] = '\0';
}

/* Order of a and b: negative, zero or positive. */
int
date_cmp(bf_date a, bf_date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

/* Days from 1970-01-01 to d (negative before). */
long
date_to_days(bf_date d)
{
	long y = d.y - (d.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

/* The date days after 1970-01-01. */
bf_date
date_from_days(long days)
{
	long z = days + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	bf_date r;

	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(yoe + era * 400 + (r.m <= 2));
	return r;
}

/* d moved by n days (n may be negative). */
bf_date
date_add_days(bf_date d, long n)
{
	return date_from_days(date_to_days(d) + n);
}

/*
 * d moved by n months, the day clamped to the end of the target month:
 * 2024-01-31 + 1 is 2024-02-29, 2023-01-31 + 1 is 2023-02-28.
 */
bf_date
date_add_months(bf_date d, int n)
{
	long total = (long)d.y * 12 + (d.m - 1) + n;
	bf_date r;
	int dim;

	r.y = (int)(total >= 0 ? total / 12 : (total - 11) / 12);
	r.m = (int)(total - (long)r.y * 12) + 1;
	dim = date_days_in_month(r.y, r.m);
	r.d = d.d > dim ? dim : d.d;
	return r;
}

/*
 * Full years from birth to on (周岁).  The birthday itself counts: on the
 * birthday the age goes up.  Someone born on 02-29 has the birthday on
 * 03-01 in common years.  Negative when on precedes birth.
 */
int
date_age(bf_date birth, bf_date on)
{
	int age = on.y - birth.y;
	int bm = birth.m, bd = birth.d;

	if (bm == 2 && bd == 29 && !date_is_leap(on.y)) {
		bm = 3;
		bd = 1;
	}
	if (on.m < bm || (on.m == bm && on.d < bd))
		age--;
	return age;
}

/*
 * The day on which someone born on birth reaches age full years, agreeing
 * with date_age: a 02-29 birthday falls on 03-01 in common years.
 */
bf_date
date_birthday(bf_date birth, int age)
{
	bf_date r = birth;

	r.y += age;
	if (r.m == 2 && r.d == 29 && !date_is_leap(r.y)) {
		r.m = 3;
		r.d = 1;
	}
	return r;
}

/* b - a in days. */
long
date_diff_days(bf_date a, bf_date b)
{
	return date_to_days(b) - date_to_days(a);
}

/*
 * Full months from a to b: the largest n with a + n months (clamped, as in
 * date_add_months) not after b.  2024-01-15 to 2024-02-14 is 0, to
 * 2024-02-15 is 1; 2024-01-31 to 2024-02-29 is 1.  Negative when b
 * precedes a.
 */
int
date_months_between(bf_date a, bf_date b)
{
	int n;

	if (date_cmp(b, a) < 0)
		return -date_months_between(b, a);
	n = (b.y - a.y) * 12 + (b.m - a.m);
	if (n > 0 && date_cmp(date_add_months(a, n), b) > 0)
		n--;
	return n;
}

/* 20240506 -> 2024-05-06; BF_EINVAL if that is not a real day. */
int
date_from_ymd(int yyyymmdd, bf_date *out)
{
	int y = yyyymmdd / 10000, m = yyyymmdd / 100 % 100, d = yyyymmdd % 100;

	if (yyyymmdd < 0 || !date_valid(y, m, d))
		return BF_EINVAL;
	out->y = y;
	out->m = m;
	out->d = d;
	return BF_OK;
}
