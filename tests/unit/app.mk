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

check_PROGRAMS += tests/unit/check_app_textfile
TESTS += tests/unit/check_app_textfile
tests_unit_check_app_textfile_SOURCES = tests/unit/check_app_textfile.c $(UNIT_RUNNER)
tests_unit_check_app_textfile_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_app_textfile_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_app_export
TESTS += tests/unit/check_app_export
tests_unit_check_app_export_SOURCES = tests/unit/check_app_export.c tests/unit/store_fixture.h tests/unit/forms_fixture.h $(UNIT_RUNNER)
tests_unit_check_app_export_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_app_export_LDADD = $(UNIT_LDADD)
check_PROGRAMS += tests/unit/check_app_casework
TESTS += tests/unit/check_app_casework
tests_unit_check_app_casework_SOURCES = tests/unit/check_app_casework.c tests/unit/personfile_fixture.h tests/unit/store_fixture.h $(UNIT_RUNNER)
tests_unit_check_app_casework_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_app_casework_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_app_import
TESTS += tests/unit/check_app_import
tests_unit_check_app_import_SOURCES = tests/unit/check_app_import.c tests/unit/store_fixture.h tests/unit/forms_fixture.h $(UNIT_RUNNER)
tests_unit_check_app_import_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_app_import_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_app_indicators
TESTS += tests/unit/check_app_indicators
tests_unit_check_app_indicators_SOURCES = tests/unit/check_app_indicators.c tests/unit/store_fixture.h $(UNIT_RUNNER)
tests_unit_check_app_indicators_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_app_indicators_LDADD = $(UNIT_LDADD)
