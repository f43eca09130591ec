/*
 * retire.h -- legal working age: 16 up to the statutory retirement age,
 * which rises gradually from 2025 (NPC Standing Committee decision of
 * 2024-09-13; domain-data.md §3.7), and the "4050" rule.
 */
#ifndef BF_CORE_RETIRE_H
#define BF_CORE_RETIRE_H

#include "core/date.h"

enum retire_basis {
	RETIRE_MALE_60 = 60,	/* men: 60 -> 63, one month per 4 from 1965-01 births */
	RETIRE_FEMALE_55 = 55,	/* women cadres: 55 -> 58, one per 4 from 1970-01 */
	RETIRE_FEMALE_50 = 50	/* women workers: 50 -> 55, one per 2 from 1975-01 */
};

#define WORKING_AGE_MIN 16

/* Default basis: men 60, women 50 (workers), as domain-data.md suggests. */
enum retire_basis retire_default_basis(int sex);
int	retire_delay_months(bf_date birth, enum retire_basis basis);  /* 0..36 or 0..60 */
int	retire_age_months(bf_date birth, enum retire_basis basis);    /* basis * 12 + delay: 721 is 60 years 1 month */
/* Retirement falls in this month: birth year-month + basis years + delay. */
void	retire_month(bf_date birth, enum retire_basis basis, int *year, int *month);
/* First day on which the person has reached retirement age (the birthday in that month, clamped). */
bf_date	retire_date(bf_date birth, enum retire_basis basis);
int	retire_in_working_age(bf_date birth, enum retire_basis basis, bf_date on); /* 16th birthday <= on < retire_date */
/* 1 if fewer than N years remain (retire_date < on + N years), or retirement has passed. */
int	retire_within_years(bf_date birth, enum retire_basis basis, bf_date on, int years);
int	is_4050(int sex, bf_date birth, bf_date on);       /* women 40+, men 50+ (age only) */

#endif
