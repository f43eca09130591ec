# unit tests for src/tui (headless: curses on /dev/null)
check_PROGRAMS += tests/unit/check_tui_draw
TESTS += tests/unit/check_tui_draw
tests_unit_check_tui_draw_SOURCES = tests/unit/check_tui_draw.c $(UNIT_RUNNER)
tests_unit_check_tui_draw_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_tui_draw_LDADD = $(UNIT_LDADD)
