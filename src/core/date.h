/*
 * date.h -- calendar dates as people type them and as the database stores
 * them (ISO 'YYYY-MM-DD'), ages, and date arithmetic.
 *
 * Pure: there is no clock here; "today" is always a parameter.
 */
#ifndef BF_CORE_DATE_H
#define BF_CORE_DATE_H

#include "util/error.h"

typedef struct bf_date {
	int	y;	/* 1800..9999 */
	int	m;	/* 1..12 */
	int	d;	/* 1..31 */
} bf_date;

#define DATE_ISO_LEN 11	/* "YYYY-MM-DD" plus NUL */

int	date_valid(int y, int m, int d);              /* 1 if a real calendar day in 1800..9999 */
int	date_is_leap(int y);
int	date_days_in_month(int y, int m);                  /* 0 if m is not 1..12 */
/*
 * Like date_valid, but BF_EINVAL with the reason: "年份 1700 超出范围
 * （1800–9999）", "月份 13 无效", "日 32 无效", "2023 年 2 月没有 29 日".
 */
int	date_check(int y, int m, int d, bf_error *err);
/*
 * Parse 2024-05-06, 2024/5/6, 2024.5.6, 2024年5月6日, 20240506, with
 * full-width digits and surrounding spaces.  BF_OK or BF_EINVAL with a
 * message naming what is wrong (see date_check; an unreadable shape gives
 * "无法识别的日期格式：…，请用 2024-05-06").
 */
int	date_parse(const char *s, bf_date *out, bf_error *err);
void	date_format(bf_date d, char out[DATE_ISO_LEN]);   /* ISO */
int	date_cmp(bf_date a, bf_date b);                    /* <0, 0, >0 */
long	date_to_days(bf_date d);                           /* days since 1970-01-01 */
bf_date	date_from_days(long days);
bf_date	date_add_days(bf_date d, long n);
bf_date	date_add_months(bf_date d, int n);                /* clamps to month end: 01-31 +1 -> 02-28/29 */
int	date_age(bf_date birth, bf_date on);               /* full years; a 02-29 birthday counts on 03-01 in common years */
bf_date	date_birthday(bf_date birth, int age);             /* the day date_age reaches age: 2000-02-29, 1 -> 2001-03-01 */
long	date_diff_days(bf_date a, bf_date b);              /* b - a */
int	date_months_between(bf_date a, bf_date b);         /* full months: largest n with a + n months <= b */
int	date_from_ymd(int yyyymmdd, bf_date *out);        /* 20240506 -> date; BF_EINVAL if not real */

#endif
