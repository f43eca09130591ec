/* cmd_export.c -- placeholder until the exporter lands. */
#include "config.h"

#include "cli/cli.h"
#include "cli/commands.h"

int
cmd_export(struct cli_env *env, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_usage_error(env, "export", "尚未实现");
	return CLI_USAGE;
}
