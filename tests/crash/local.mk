# crash-safety harness: a writer linked with the library, killed with
# SIGKILL at random moments by tests/crash/run.sh, which then checks the
# database.  `make check` runs a short version; `make crash-test` runs
# CRASH_KILLS (default 500) kills.
check_PROGRAMS += tests/crash/crash_writer
tests_crash_crash_writer_SOURCES = tests/crash/crash_writer.c
tests_crash_crash_writer_CFLAGS = $(AM_CFLAGS) $(BANGFU_EXT_CFLAGS)
tests_crash_crash_writer_LDADD = $(BANGFU_LIBS) $(BANGFU_EXT_LIBS)
TESTS += tests/crash/run.sh tests/crash/concurrent.sh
dist_check_SCRIPTS += tests/crash/run.sh tests/crash/concurrent.sh

crash-test: tests/crash/crash_writer src/bangfu
	$(AM_TESTS_ENVIRONMENT) CRASH_KILLS=$${CRASH_KILLS:-500} \
		$(SHELL) $(top_srcdir)/tests/crash/run.sh
.PHONY: crash-test
