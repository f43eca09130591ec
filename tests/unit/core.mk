# unit tests for src/core
check_PROGRAMS += tests/unit/check_core_date
TESTS += tests/unit/check_core_date
tests_unit_check_core_date_SOURCES = tests/unit/check_core_date.c $(UNIT_RUNNER)
tests_unit_check_core_date_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_core_date_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_core_normalize
TESTS += tests/unit/check_core_normalize
tests_unit_check_core_normalize_SOURCES = tests/unit/check_core_normalize.c $(UNIT_RUNNER)
tests_unit_check_core_normalize_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_core_normalize_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_core_idcard
TESTS += tests/unit/check_core_idcard
tests_unit_check_core_idcard_SOURCES = tests/unit/check_core_idcard.c $(UNIT_RUNNER)
tests_unit_check_core_idcard_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_core_idcard_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_core_phone
TESTS += tests/unit/check_core_phone
tests_unit_check_core_phone_SOURCES = tests/unit/check_core_phone.c $(UNIT_RUNNER)
tests_unit_check_core_phone_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_core_phone_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_core_retire
TESTS += tests/unit/check_core_retire
tests_unit_check_core_retire_SOURCES = tests/unit/check_core_retire.c $(UNIT_RUNNER)
tests_unit_check_core_retire_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_core_retire_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_core_casestate
TESTS += tests/unit/check_core_casestate
tests_unit_check_core_casestate_SOURCES = tests/unit/check_core_casestate.c $(UNIT_RUNNER)
tests_unit_check_core_casestate_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_core_casestate_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_core_category
TESTS += tests/unit/check_core_category
tests_unit_check_core_category_SOURCES = tests/unit/check_core_category.c $(UNIT_RUNNER)
tests_unit_check_core_category_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_core_category_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_core_progress
TESTS += tests/unit/check_core_progress
tests_unit_check_core_progress_SOURCES = tests/unit/check_core_progress.c $(UNIT_RUNNER)
tests_unit_check_core_progress_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_core_progress_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_core_followup_rules
TESTS += tests/unit/check_core_followup_rules
tests_unit_check_core_followup_rules_SOURCES = tests/unit/check_core_followup_rules.c $(UNIT_RUNNER)
tests_unit_check_core_followup_rules_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_core_followup_rules_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_core_household
TESTS += tests/unit/check_core_household
tests_unit_check_core_household_SOURCES = tests/unit/check_core_household.c $(UNIT_RUNNER)
tests_unit_check_core_household_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_core_household_LDADD = $(UNIT_LDADD)
