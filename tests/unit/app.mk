# unit tests for src/app
check_PROGRAMS += tests/unit/check_app_demo_gen
TESTS += tests/unit/check_app_demo_gen
tests_unit_check_app_demo_gen_SOURCES = tests/unit/check_app_demo_gen.c $(UNIT_RUNNER)
tests_unit_check_app_demo_gen_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_app_demo_gen_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_app_privacy
TESTS += tests/unit/check_app_privacy
tests_unit_check_app_privacy_SOURCES = tests/unit/check_app_privacy.c $(UNIT_RUNNER)
tests_unit_check_app_privacy_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_app_privacy_LDADD = $(UNIT_LDADD)
