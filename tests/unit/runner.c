/*
 * runner.c -- main() for the check unit tests: TAP output on stdout so
 * automake's tap-driver counts every test case, fork mode left on so a
 * crash fails one test instead of the whole program.
 */
#include "config.h"

#include <stdlib.h>

#include "runner.h"

int
run_suite(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;

	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

int
main(void)
{
	return run_suite(test_suite());
}
