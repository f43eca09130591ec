/*
 * cmd_forms.c -- `bangfu forms check [DIR]`: load a forms directory (DIR,
 * else --forms, else the search path of forms/path.h), check it, and print
 * every problem as FILE:LINE:COLUMN: message.  Exit 0 when clean (with a
 * one-line summary), 1 when there are problems, 2 on usage errors.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/formset.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "forms/diag.h"
#include "forms/path.h"

/* forms check [DIR] */
static int
forms_check_cmd(struct cli_env *env, int argc, char **argv)
{
	struct forms_diags diags;
	struct form_set *set = NULL;
	const char *dir;
	char *found = NULL;
	size_t problems;

	if (argc > 2) {
		cli_usage_error(env, "forms", "多余的参数“%s”", argv[2]);
		return CLI_USAGE;
	}
	if (argc == 2 && argv[1][0] == '-') {
		cli_usage_error(env, "forms", "未知选项“%s”", argv[1]);
		return CLI_USAGE;
	}
	dir = argc == 2 ? argv[1] : env->forms_dir;
	if (dir == NULL) {
		if ((found = forms_find_dir(NULL)) == NULL) {
			fprintf(stderr, "%s forms check：找不到表单目录（可用 --forms 目录 指定）\n",
			    env->progname);
			return CLI_PROBLEM;
		}
		dir = found;
	}
	forms_diags_init(&diags);
	/* Checked against the schema compiled into this program. */
	problems = app_forms_check_dir(dir, &set, &diags);
	forms_diags_print(&diags, stdout);
	if (problems == 0 && set != NULL)
		printf("表单定义无误：%zu 个表单，%zu 个代码表（%s）。\n",
		    set->nforms, set->nlists, set->dir);
	else
		printf("共发现 %zu 个问题。\n", diags.n);
	forms_diags_free(&diags);
	form_set_free(set);
	free(found);
	return problems == 0 ? CLI_OK : CLI_PROBLEM;
}

/* bangfu forms SUBCOMMAND ...: only "check" so far. */
int
cmd_forms(struct cli_env *env, int argc, char **argv)
{
	if (argc < 2) {
		cli_usage_error(env, "forms", "缺少子命令");
		return CLI_USAGE;
	}
	if (strcmp(argv[1], "check") == 0)
		return forms_check_cmd(env, argc - 1, argv + 1);
	cli_usage_error(env, "forms", "未知的子命令“%s”", argv[1]);
	return CLI_USAGE;
}
