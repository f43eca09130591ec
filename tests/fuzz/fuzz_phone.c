/*
 * fuzz_phone.c -- libFuzzer harness for phone numbers (mobile and
 * landline, with +86, spaces, dashes, full-width digits ...).  A number
 * that parses must fit its buffer and parse again to itself; masking
 * must stay inside its buffer.  Built and run by tests/fuzz/run.sh.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/phone.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One input: every parser, and each result parsed again. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	char mobile[PHONE_MOBILE_LEN + 1], any[PHONE_MAX_LEN + 1], again[PHONE_MAX_LEN + 1];
	char land[PHONE_MAX_LEN + 1], masked[64];
	bf_error err;

	memcpy(s, data, size);
	s[size] = '\0';
	if (phone_parse_mobile(s, mobile, &err) == BF_OK &&
	    (strlen(mobile) != PHONE_MOBILE_LEN || phone_parse_mobile(mobile, again, &err) != BF_OK ||
	    strcmp(again, mobile) != 0))
		abort();
	if (phone_parse_any(s, any, sizeof any, &err) == BF_OK &&
	    (phone_parse_any(any, again, sizeof again, &err) != BF_OK || strcmp(again, any) != 0))
		abort();
	phone_parse_landline(s, land, sizeof land, &err);
	phone_parse_landline(s, land, 5, &err);
	phone_mask(s, masked, sizeof masked);
	phone_mask(s, masked, 3);
	free(s);
	return 0;
}
