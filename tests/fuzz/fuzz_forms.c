/*
 * fuzz_forms.c -- libFuzzer harness for the form loader: the input bytes
 * are one YAML file, loaded into a fresh form set, checked as a whole
 * set, and every form it defines evaluated against an empty record and a
 * record holding each field's default.  The loader must never crash,
 * hang or leak, whatever the bytes.  Built and run by tests/fuzz/run.sh.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "forms/check.h"
#include "forms/eval.h"
#include "forms/yaml_load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* has_column for the fuzzer: a few columns exist, others do not. */
static int
fuzz_has_column(void *ctx, const char *table, const char *column)
{
	(void)ctx;
	return table[0] != 'x' && column[0] != 'x';
}

/* Evaluate every form of set on an empty record and on its defaults. */
static void
fuzz_eval(const struct form_set *set)
{
	const bf_date today = { 2024, 6, 1 };
	size_t i;

	for (i = 0; i < set->nforms; i++) {
		const struct form *f = set->forms[i];
		struct form_record *rec = form_record_new();
		struct form_problems p;

		form_problems_init(&p);
		form_validate_record(f, rec, today, &p);
		form_record_defaults(f->fields, f->nfields, rec, today);
		form_record_normalise(f->fields, f->nfields, rec, today);
		form_validate_record(f, rec, today, &p);
		form_problems_free(&p);
		form_record_free(rec);
	}
}

/* One input: load, check and (if clean) evaluate; free everything. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct form_set *set = form_set_new();
	struct forms_diags diags;

	forms_diags_init(&diags);
	if (forms_load_yaml(set, "fuzz.yaml", (const char *)data, size, &diags) == 0 &&
	    forms_check(set, fuzz_has_column, NULL, &diags) == 0)
		fuzz_eval(set);
	forms_diags_sort(&diags);
	forms_diags_free(&diags);
	form_set_free(set);
	return 0;
}
