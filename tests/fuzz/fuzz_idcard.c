/*
 * fuzz_idcard.c -- libFuzzer harness for citizen-ID parsing: any bytes
 * as the typed or imported number.  A number that parses must come back
 * normalised (18 characters, valid check character, a real birth date)
 * and must parse again to the same result; masking and reversing must
 * stay inside their buffers.  Built and run by tests/fuzz/run.sh.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/idcard.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One input: parse, check what came back, mask, reverse, upgrade. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const bf_date today = { 2024, 6, 1 };
	char *s = malloc(size + 1);
	struct idcard id, again;
	char out[64], rev[IDCARD_LEN + 1], up[IDCARD_LEN + 1];
	bf_error err;

	memcpy(s, data, size);
	s[size] = '\0';
	if (idcard_parse(s, today, &id, &err) == BF_OK) {
		if (strlen(id.number) != IDCARD_LEN || idcard_check_char(id.number) != id.number[17] ||
		    !date_valid(id.birth.y, id.birth.m, id.birth.d) || (id.sex != 1 && id.sex != 2))
			abort();
		if (idcard_parse(id.number, today, &again, &err) != BF_OK ||
		    strcmp(again.number, id.number) != 0 || date_cmp(again.birth, id.birth) != 0)
			abort();
		idcard_check_consistent(&id, id.sex, id.birth, &err);
	}
	idcard_mask(s, out, sizeof out);
	idcard_mask(s, out, 4);
	idcard_reverse(s, rev);
	idcard_check_char(s);
	idcard_upgrade15(s, up);
	free(s);
	return 0;
}
