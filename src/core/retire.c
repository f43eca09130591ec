/*
 * retire.c -- legal working age and the statutory retirement age, which
 * rises gradually from 2025 under the NPC Standing Committee decision of
 * 2024-09-13 (domain-data.md §3.7):
 *
 *   idx   = (birth year - start year) * 12 + (birth month - start month)
 *   delay = idx < 0 ? 0 : min(max delay, idx / step + 1)
 *   retirement month = birth year-month + basis years + delay months
 *
 * The published points hold: a man born 1965-01 retires at 60 years and
 * 1 month in 2025-02, one born 1970-01 at 61 years 4 months; a woman on
 * the 50 basis born 1975-01 at 50 years 1 month.
 */
#include "config.h"

#include "core/retire.h"

/* One row per original retirement age. */
static const struct retire_rule {
	enum retire_basis basis;
	int	start_y, start_m;	/* first birth month that is delayed */
	int	step;			/* months of birth per month of delay */
	int	max_delay;		/* months */
} retire_rules[] = {
	{ RETIRE_MALE_60,   1965, 1, 4, 36 },
	{ RETIRE_FEMALE_55, 1970, 1, 4, 36 },
	{ RETIRE_FEMALE_50, 1975, 1, 2, 60 },
};

/* The rule for basis, or NULL for a value outside the enum. */
static const struct retire_rule *
retire_rule(enum retire_basis basis)
{
	size_t i;

	for (i = 0; i < sizeof retire_rules / sizeof retire_rules[0]; i++)
		if (retire_rules[i].basis == basis)
			return &retire_rules[i];
	return NULL;
}

/* Men 60; women 50 (workers), the suggested default (domain-data.md §3.7). */
enum retire_basis
retire_default_basis(int sex)
{
	return sex == 1 ? RETIRE_MALE_60 : RETIRE_FEMALE_50;
}

/* Months by which retirement is delayed for someone born in birth's month. */
int
retire_delay_months(bf_date birth, enum retire_basis basis)
{
	const struct retire_rule *r = retire_rule(basis);
	int idx, delay;

	if (r == NULL)
		return 0;
	idx = (birth.y - r->start_y) * 12 + (birth.m - r->start_m);
	if (idx < 0)
		return 0;
	delay = idx / r->step + 1;
	return delay < r->max_delay ? delay : r->max_delay;
}

/* The retirement age in months: basis years plus the delay. */
int
retire_age_months(bf_date birth, enum retire_basis basis)
{
	return (int)basis * 12 + retire_delay_months(birth, basis);
}

/* Year and month in which retirement falls. */
void
retire_month(bf_date birth, enum retire_basis basis, int *year, int *month)
{
	int total = birth.y * 12 + (birth.m - 1) + retire_age_months(birth, basis);

	*year = total / 12;
	*month = total % 12 + 1;
}

/*
 * The day on which the retirement age is reached: the birthday's day in
 * the retirement month, clamped to that month's end (born on the 31st,
 * retiring in a 30-day month: the 30th).
 */
bf_date
retire_date(bf_date birth, enum retire_basis basis)
{
	return date_add_months(birth, retire_age_months(birth, basis));
}

/* 1 if on falls in the legal working age: 16th birthday to the day before retirement. */
int
retire_in_working_age(bf_date birth, enum retire_basis basis, bf_date on)
{
	return date_age(birth, on) >= WORKING_AGE_MIN &&
	    date_cmp(on, retire_date(birth, basis)) < 0;
}

/*
 * 1 if fewer than years years remain before the retirement date (距法定
 * 退休年龄不足 N 年), or it has passed: retire_date < on + years.
 */
int
retire_within_years(bf_date birth, enum retire_basis basis, bf_date on, int years)
{
	return date_cmp(retire_date(birth, basis), date_add_months(on, years * 12)) < 0;
}

/* "4050" by age alone: women 40 and over, men 50 and over, on that day. */
int
is_4050(int sex, bf_date birth, bf_date on)
{
	int age = date_age(birth, on);

	if (sex == 1)
		return age >= 50;
	if (sex == 2)
		return age >= 40;
	return 0;
}
