# command-line tests (TAP shell scripts)
TESTS += tests/cli/commands.sh
dist_check_SCRIPTS += tests/cli/commands.sh
TESTS += tests/cli/forms-check.sh
dist_check_SCRIPTS += tests/cli/forms-check.sh
TESTS += tests/cli/supervisor.sh
dist_check_SCRIPTS += tests/cli/supervisor.sh
