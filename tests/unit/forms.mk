# unit tests for src/forms (add check_*.c programs here)
check_PROGRAMS += tests/unit/check_forms_load
TESTS += tests/unit/check_forms_load
tests_unit_check_forms_load_SOURCES = tests/unit/check_forms_load.c $(UNIT_RUNNER)
tests_unit_check_forms_load_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_forms_load_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_forms_eval
TESTS += tests/unit/check_forms_eval
tests_unit_check_forms_eval_SOURCES = tests/unit/check_forms_eval.c $(UNIT_RUNNER)
tests_unit_check_forms_eval_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_forms_eval_LDADD = $(UNIT_LDADD)
