/*
 * runner.h -- the one main() every check unit-test program shares.
 */
#ifndef BF_TEST_RUNNER_H
#define BF_TEST_RUNNER_H

#include <check.h>

/* Run s with TAP on stdout (for automake's tap-driver); exit status. */
int	run_suite(Suite *s);

/* Each test program defines this and gets main() from runner.c. */
Suite	*test_suite(void);

#endif
