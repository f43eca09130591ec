# tests: check unit tests (tests/unit), command-line and terminal end-to-end
# tests (tests/cli, tests/tui).  Every test speaks TAP.
TEST_EXTENSIONS = .sh
LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
SH_LOG_DRIVER = $(LOG_DRIVER)
SH_LOG_COMPILER = $(SHELL)
AM_TESTS_ENVIRONMENT = \
	LC_ALL=C.UTF-8; export LC_ALL; \
	top_srcdir='$(abs_top_srcdir)'; export top_srcdir; \
	top_builddir='$(abs_top_builddir)'; export top_builddir; \
	BANGFU='$(abs_top_builddir)/src/bangfu'; export BANGFU; \
	BANGFU_FORMS='$(abs_top_srcdir)/forms'; export BANGFU_FORMS; \
	TMUX_BIN='$(TMUX)'; export TMUX_BIN; \
	SQLITE3_BIN='$(SQLITE3)'; export SQLITE3_BIN; \
	CK_DEFAULT_TIMEOUT=$${CK_DEFAULT_TIMEOUT:-60}; export CK_DEFAULT_TIMEOUT;

# Shared by every unit-test program.
UNIT_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(BANGFU_EXT_CFLAGS)
UNIT_LDADD = $(BANGFU_LIBS) $(CHECK_LIBS) $(BANGFU_EXT_LIBS)
UNIT_RUNNER = tests/unit/runner.c tests/unit/runner.h

include tests/unit/util.mk
include tests/unit/core.mk
include tests/unit/text.mk
include tests/unit/store.mk
include tests/unit/forms.mk
include tests/unit/app.mk
include tests/unit/tui.mk
include tests/unit/cli.mk
include tests/cli/local.mk
include tests/tui/local.mk
include tests/crash/local.mk
include tests/fuzz/local.mk

TESTS += tests/layers.sh
dist_check_SCRIPTS += tests/layers.sh tests/lib.sh
EXTRA_DIST += tests/fixtures
