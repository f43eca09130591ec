/*
 * fuzz_date.c -- libFuzzer harness for date parsing (the many ways people
 * write a date: 2024-05-06, 2024年5月6日, 20240506 ...).  A date that
 * parses must be a real day, print as ISO and parse back to itself, and
 * survive the day-count round trip and the age and month arithmetic.
 * Built and run by tests/fuzz/run.sh.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One input: parse and check the invariants of a parsed date. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const bf_date today = { 2024, 6, 1 };
	char *s = malloc(size + 1);
	char iso[DATE_ISO_LEN];
	bf_date d, back;
	bf_error err;

	memcpy(s, data, size);
	s[size] = '\0';
	if (date_parse(s, &d, &err) == BF_OK) {
		if (!date_valid(d.y, d.m, d.d))
			abort();
		date_format(d, iso);
		if (date_parse(iso, &back, &err) != BF_OK || date_cmp(back, d) != 0)
			abort();
		if (date_cmp(date_from_days(date_to_days(d)), d) != 0)
			abort();
		if (date_cmp(date_add_days(date_add_days(d, 400), -400), d) != 0)
			abort();
		if (date_cmp(d, today) <= 0 && (date_age(d, today) < 0 || date_months_between(d, today) < 0))
			abort();
	}
	free(s);
	return 0;
}
