# terminal end-to-end tests in tmux (TAP shell scripts)

# A test-only driver showing the widgets on one screen (never installed).
check_PROGRAMS += tests/tui/widget_demo
tests_tui_widget_demo_SOURCES = tests/tui/widget_demo.c
tests_tui_widget_demo_CFLAGS = $(AM_CFLAGS) $(BANGFU_EXT_CFLAGS)
tests_tui_widget_demo_LDADD = $(BANGFU_LIBS) $(BANGFU_EXT_LIBS)

TESTS += tests/tui/widgets.sh
dist_check_SCRIPTS += tests/tui/widgets.sh

# End-to-end tests of the real program (tui_common.sh is their shared set-up).
TESTS += tests/tui/register.sh
dist_check_SCRIPTS += tests/tui/register.sh tests/tui/tui_common.sh
TESTS += tests/tui/search_edit.sh
dist_check_SCRIPTS += tests/tui/search_edit.sh
TESTS += tests/tui/unsaved.sh
dist_check_SCRIPTS += tests/tui/unsaved.sh
TESTS += tests/tui/draft.sh
dist_check_SCRIPTS += tests/tui/draft.sh
TESTS += tests/tui/conflict.sh
dist_check_SCRIPTS += tests/tui/conflict.sh
TESTS += tests/tui/supervisor.sh
dist_check_SCRIPTS += tests/tui/supervisor.sh
TESTS += tests/tui/password.sh
dist_check_SCRIPTS += tests/tui/password.sh
TESTS += tests/tui/yaml_field.sh
dist_check_SCRIPTS += tests/tui/yaml_field.sh
TESTS += tests/tui/plan.sh
dist_check_SCRIPTS += tests/tui/plan.sh
TESTS += tests/tui/household.sh
dist_check_SCRIPTS += tests/tui/household.sh
