# unit tests for src/tui (headless: curses on /dev/null)
TUI_FIXTURE = tests/unit/tui_fixture.c tests/unit/tui_fixture.h

check_PROGRAMS += tests/unit/check_tui_draw
TESTS += tests/unit/check_tui_draw
tests_unit_check_tui_draw_SOURCES = tests/unit/check_tui_draw.c $(TUI_FIXTURE) $(UNIT_RUNNER)
tests_unit_check_tui_draw_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_tui_draw_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_tui_listview
TESTS += tests/unit/check_tui_listview
tests_unit_check_tui_listview_SOURCES = tests/unit/check_tui_listview.c $(TUI_FIXTURE) $(UNIT_RUNNER)
tests_unit_check_tui_listview_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_tui_listview_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_tui_tabs
TESTS += tests/unit/check_tui_tabs
tests_unit_check_tui_tabs_SOURCES = tests/unit/check_tui_tabs.c $(TUI_FIXTURE) $(UNIT_RUNNER)
tests_unit_check_tui_tabs_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_tui_tabs_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_tui_select
TESTS += tests/unit/check_tui_select
tests_unit_check_tui_select_SOURCES = tests/unit/check_tui_select.c $(TUI_FIXTURE) $(UNIT_RUNNER)
tests_unit_check_tui_select_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_tui_select_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_tui_textview
TESTS += tests/unit/check_tui_textview
tests_unit_check_tui_textview_SOURCES = tests/unit/check_tui_textview.c $(TUI_FIXTURE) $(UNIT_RUNNER)
tests_unit_check_tui_textview_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_tui_textview_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_tui_formedit
TESTS += tests/unit/check_tui_formedit
tests_unit_check_tui_formedit_SOURCES = tests/unit/check_tui_formedit.c $(TUI_FIXTURE) $(UNIT_RUNNER)
tests_unit_check_tui_formedit_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_tui_formedit_LDADD = $(UNIT_LDADD)
check_PROGRAMS += tests/unit/check_tui_person
TESTS += tests/unit/check_tui_person
tests_unit_check_tui_person_SOURCES = tests/unit/check_tui_person.c tests/unit/store_fixture.h \
	tests/unit/personfile_fixture.h $(TUI_FIXTURE) $(UNIT_RUNNER)
tests_unit_check_tui_person_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_tui_person_LDADD = $(UNIT_LDADD)

check_PROGRAMS += tests/unit/check_tui_chart
TESTS += tests/unit/check_tui_chart
tests_unit_check_tui_chart_SOURCES = tests/unit/check_tui_chart.c $(UNIT_RUNNER)
tests_unit_check_tui_chart_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_tui_chart_LDADD = $(UNIT_LDADD)
