# unit tests for src/store
check_PROGRAMS += tests/unit/check_store_db
TESTS += tests/unit/check_store_db
tests_unit_check_store_db_SOURCES = tests/unit/check_store_db.c tests/unit/store_fixture.h $(UNIT_RUNNER)
tests_unit_check_store_db_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_store_db_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_store_person
TESTS += tests/unit/check_store_person
tests_unit_check_store_person_SOURCES = tests/unit/check_store_person.c tests/unit/store_fixture.h $(UNIT_RUNNER)
tests_unit_check_store_person_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_store_person_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_store_history
TESTS += tests/unit/check_store_history
tests_unit_check_store_history_SOURCES = tests/unit/check_store_history.c tests/unit/store_fixture.h \
	tests/unit/personfile_fixture.h $(UNIT_RUNNER)
tests_unit_check_store_history_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_store_history_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_store_children
TESTS += tests/unit/check_store_children
tests_unit_check_store_children_SOURCES = tests/unit/check_store_children.c tests/unit/store_fixture.h \
	tests/unit/personfile_fixture.h $(UNIT_RUNNER)
tests_unit_check_store_children_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_store_children_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_store_ops
TESTS += tests/unit/check_store_ops
tests_unit_check_store_ops_SOURCES = tests/unit/check_store_ops.c tests/unit/store_fixture.h $(UNIT_RUNNER)
tests_unit_check_store_ops_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_store_ops_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_store_supervisor
TESTS += tests/unit/check_store_supervisor
tests_unit_check_store_supervisor_SOURCES = tests/unit/check_store_supervisor.c tests/unit/store_fixture.h \
	tests/unit/personfile_fixture.h $(UNIT_RUNNER)
tests_unit_check_store_supervisor_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_store_supervisor_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_store_bulk
TESTS += tests/unit/check_store_bulk
tests_unit_check_store_bulk_SOURCES = tests/unit/check_store_bulk.c tests/unit/store_fixture.h $(UNIT_RUNNER)
tests_unit_check_store_bulk_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_store_bulk_LDADD = $(UNIT_LDADD)
