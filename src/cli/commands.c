/*
 * commands.c -- the table of commands: one row per command, in the order
 * `bangfu --help` lists them.  Adding a command means adding its file
 * (cmd_NAME.c), its prototype below and its row here.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"

static const struct cli_command cli_table[] = {
	{ "init", cmd_init, "[--db 路径] [--group 用户组]", "建立或升级数据库（可重复运行）" },
	{ "search", cmd_search, "查询词 [--limit N] [--full] [--time]",
	  "按姓名、拼音首字母、身份证号（尾号）或手机号查找人员" },
	{ "import", cmd_import, "文件.csv [--form 表单] [--update] [--dry-run] [--report 文件] [--batch N]",
	  "导入人员台账（UTF-8 或 GB18030/GBK，自动识别）；有问题的行写入报告" },
	{ "export", cmd_export,
	  "[--out 文件] [--format csv|xlsx] [--full] [--status 状态] [--category 类别] [--org 代码] [--overdue]",
	  "导出名单（CSV 为带 BOM 的 UTF-8，Excel/WPS 可直接打开）；敏感信息默认脱敏" },
	{ "demo-data", cmd_demo_data, "--persons N [--seed S]",
	  "生成演示用的模拟个案（有效身份证号、常见姓名、计划、服务与回访）" },
	{ "user", cmd_user, "add 登录名 --role 角色 --org 代码 | set 登录名 --role 角色 --org 代码 | passwd 登录名 | list | disable 登录名",
	  "管理用户（仅系统管理员）" },
	{ "report", cmd_report, "[--org 代码] [--month YYYY-MM] [--format text|csv|xlsx] [--output 文件]",
	  "帮扶工作指标月报（按单位、月份，从记录计算）" },
	{ "transfer", cmd_transfer, "人员编号 --to-org 社区代码 [--to-worker 登录名] --reason 原因",
	  "转移个案到其他社区或社区工作人员（回访随之移交）" },
	{ "forms", cmd_forms, "check [目录]", "检查表单定义（YAML），逐条报告问题" },
	{ "backup", cmd_backup, "文件 [--force]", "在线备份数据库（他人可继续工作），备份经完整性检查" },
	{ "restore", cmd_restore, "文件", "检查备份后用它替换数据库，原库另存为 .bak（仅系统管理员）" },
	{ "check", cmd_check, "", "检查数据库完整性、记录关联和审计日志，发现问题时退出状态为 1" },
	{ NULL, NULL, NULL, NULL }
};

/* The command called name, or NULL. */
const struct cli_command *
cli_find(const char *name)
{
	const struct cli_command *c;

	for (c = cli_table; c->name != NULL; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

/* All commands, terminated by a row whose name is NULL. */
const struct cli_command *
cli_commands(void)
{
	return cli_table;
}

/* `bangfu --help`: global options, then one line per command. */
void
cli_print_help(FILE *fp, const char *progname)
{
	const struct cli_command *c;
	char left[256];

	fprintf(fp,
	    "用法：%s [全局选项] [命令 [参数]]\n"
	    "帮扶：社区就业援助个案管理（一人一档、一人一策）。\n"
	    "不带命令时打开终端界面。\n\n"
	    "全局选项：\n"
	    "  --db 路径        使用指定的数据库文件（默认 $BANGFU_DB，\n"
	    "                   否则 $XDG_DATA_HOME/bangfu/bangfu.db）\n"
	    "  --demo           使用演示数据库（首次使用时自动生成示例个案）\n"
	    "  --forms 目录     从指定目录读取表单定义\n"
	    "  -h, --help       显示本帮助\n"
	    "  -V, --version    显示版本\n\n"
	    "命令：\n", progname);
	for (c = cli_table; c->name != NULL; c++) {
		snprintf(left, sizeof left, "%s %s", c->name, c->usage);
		if (strlen(left) > 60)	/* long usage: summary on the next line */
			fprintf(fp, "  %s\n  %-30s %s\n", left, "", c->summary);
		else
			fprintf(fp, "  %-30s %s\n", left, c->summary);
	}
	fprintf(fp,
	    "\n退出状态：0 成功；1 输入有问题（已报告）；2 用法错误。\n");
}

/* Report a usage error for cmd in Chinese, with the command's usage line. */
void
cli_usage_error(const struct cli_env *env, const char *cmd, const char *fmt, ...)
{
	const struct cli_command *c = cli_find(cmd);
	va_list ap;

	fprintf(stderr, "%s %s：", env->progname, cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (c != NULL)
		fprintf(stderr, "用法：%s %s %s\n", env->progname, c->name, c->usage);
}
