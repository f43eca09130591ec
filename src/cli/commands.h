/*
 * commands.h -- one entry point per command, each defined in cmd_NAME.c.
 * Arguments as for cli_fn in cli.h.
 */
#ifndef BF_CLI_COMMANDS_H
#define BF_CLI_COMMANDS_H

#include "cli/cli.h"

int	cmd_init(struct cli_env *env, int argc, char **argv);
int	cmd_search(struct cli_env *env, int argc, char **argv);
int	cmd_user(struct cli_env *env, int argc, char **argv);
int	cmd_demo_data(struct cli_env *env, int argc, char **argv);
int	cmd_forms(struct cli_env *env, int argc, char **argv);
int	cmd_backup(struct cli_env *env, int argc, char **argv);
int	cmd_restore(struct cli_env *env, int argc, char **argv);
int	cmd_check(struct cli_env *env, int argc, char **argv);
int	cmd_report(struct cli_env *env, int argc, char **argv);
int	cmd_transfer(struct cli_env *env, int argc, char **argv);
int	cmd_import(struct cli_env *env, int argc, char **argv);
int	cmd_export(struct cli_env *env, int argc, char **argv);

#endif
