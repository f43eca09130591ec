# unit tests for src/text (add check_*.c programs here)
check_PROGRAMS += tests/unit/check_text_utf8
TESTS += tests/unit/check_text_utf8
tests_unit_check_text_utf8_SOURCES = tests/unit/check_text_utf8.c $(UNIT_RUNNER)
tests_unit_check_text_utf8_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_text_utf8_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_text_width
TESTS += tests/unit/check_text_width
tests_unit_check_text_width_SOURCES = tests/unit/check_text_width.c $(UNIT_RUNNER)
tests_unit_check_text_width_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_text_width_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_text_lineedit
TESTS += tests/unit/check_text_lineedit
tests_unit_check_text_lineedit_SOURCES = tests/unit/check_text_lineedit.c $(UNIT_RUNNER)
tests_unit_check_text_lineedit_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_text_lineedit_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_text_pinyin
TESTS += tests/unit/check_text_pinyin
tests_unit_check_text_pinyin_SOURCES = tests/unit/check_text_pinyin.c $(UNIT_RUNNER)
tests_unit_check_text_pinyin_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_text_pinyin_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_text_csv
TESTS += tests/unit/check_text_csv
tests_unit_check_text_csv_SOURCES = tests/unit/check_text_csv.c $(UNIT_RUNNER)
tests_unit_check_text_csv_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_text_csv_LDADD = $(UNIT_LDADD)
