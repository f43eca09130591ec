# command-line tests (TAP shell scripts)
TESTS += tests/cli/commands.sh
dist_check_SCRIPTS += tests/cli/commands.sh
TESTS += tests/cli/forms-check.sh
dist_check_SCRIPTS += tests/cli/forms-check.sh
TESTS += tests/cli/backup.sh
dist_check_SCRIPTS += tests/cli/backup.sh
TESTS += tests/cli/environments.sh
dist_check_SCRIPTS += tests/cli/environments.sh
TESTS += tests/cli/supervisor.sh
dist_check_SCRIPTS += tests/cli/supervisor.sh
TESTS += tests/cli/import.sh
dist_check_SCRIPTS += tests/cli/import.sh
TESTS += tests/cli/export.sh
dist_check_SCRIPTS += tests/cli/export.sh
TESTS += tests/cli/import-kill.sh
dist_check_SCRIPTS += tests/cli/import-kill.sh
