/*
 * cmd_user.c -- `bangfu user add|list|disable|enable`: managing who may
 * use the database.  Identity is the Unix login; only an administrator
 * may add or disable users (the first user of a database is one).
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "app/password.h"
#include "app/session.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "store/db.h"
#include "store/user.h"

#define USER_LIST_MAX 10000

/* user add LOGIN --role R --org CODE [--name NAME] */
static int
user_cmd_add(struct cli_env *env, struct app_session *s, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "role", required_argument, NULL, 'r' },
		{ "org", required_argument, NULL, 'o' },
		{ "name", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	const char *role = "caseworker", *org = NULL, *name = NULL;
	bf_error err;
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'r': role = optarg; break;
		case 'o': org = optarg; break;
		case 'n': name = optarg; break;
		default:
			cli_usage_error(env, "user", "无效选项 %s", argv[optind - 1]);
			return CLI_USAGE;
		}
	}
	if (optind != argc - 1 || org == NULL) {
		cli_usage_error(env, "user", "user add 需要登录名和 --org 单位代码");
		return CLI_USAGE;
	}
	if (user_add(s->db, argv[optind], name, role, org, NULL, &err) != BF_OK)
		return cli_fail(env, "user add", &err);
	printf("已添加用户 %s（%s）\n", argv[optind], user_role_label(role));
	return CLI_OK;
}

/* user set LOGIN --role R --org CODE */
static int
user_cmd_set(struct cli_env *env, struct app_session *s, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "role", required_argument, NULL, 'r' },
		{ "org", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	const char *role = NULL, *org = NULL;
	bf_error err;
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'r': role = optarg; break;
		case 'o': org = optarg; break;
		default:
			cli_usage_error(env, "user", "无效选项 %s", argv[optind - 1]);
			return CLI_USAGE;
		}
	}
	if (optind != argc - 1 || org == NULL || role == NULL) {
		cli_usage_error(env, "user", "user set 需要登录名、--role 角色和 --org 单位代码");
		return CLI_USAGE;
	}
	if (user_set_role(s->db, argv[optind], role, org, &err) != BF_OK)
		return cli_fail(env, "user set", &err);
	printf("已将用户 %s 改为%s（%s）\n", argv[optind], user_role_label(role), org);
	return CLI_OK;
}

/*
 * Read a password: from the terminal without echo (asked twice), or one
 * line of standard input when it is not a terminal (scripts).  Returns 0
 * on success.
 */
static int
user_read_password(char *out, size_t len)
{
	char again[256];
	struct termios old, quiet;
	int tty = isatty(STDIN_FILENO), i;
	size_t n;

	for (i = 0; i < (tty ? 2 : 1); i++) {
		char *dst = i == 0 ? out : again;
		size_t dlen = i == 0 ? len : sizeof again;

		if (tty) {
			fprintf(stderr, i == 0 ? "新密码：" : "再输入一次：");
			tcgetattr(STDIN_FILENO, &old);
			quiet = old;
			quiet.c_lflag &= ~(tcflag_t)ECHO;
			tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
		}
		dst[0] = '\0';
		if (fgets(dst, (int)dlen, stdin) == NULL)
			dst[0] = '\0';
		if (tty) {
			tcsetattr(STDIN_FILENO, TCSANOW, &old);
			fputc('\n', stderr);
		}
		n = strlen(dst);
		while (n > 0 && (dst[n - 1] == '\n' || dst[n - 1] == '\r'))
			dst[--n] = '\0';
	}
	if (tty && strcmp(out, again) != 0) {
		fprintf(stderr, "两次输入的密码不一致\n");
		return -1;
	}
	return 0;
}

/* user passwd LOGIN [--clear] */
static int
user_cmd_passwd(struct cli_env *env, struct app_session *s, int argc, char **argv)
{
	char pw[256] = "";
	bf_error err;
	int clear = argc == 3 && strcmp(argv[2], "--clear") == 0;

	if (argc != 2 && !clear) {
		cli_usage_error(env, "user", "user passwd 需要一个登录名（可加 --clear 取消密码）");
		return CLI_USAGE;
	}
	if (!clear && !app_password_available()) {
		fprintf(stderr, "%s user passwd：本程序编译时未找到 libsodium，不能使用密码登录\n",
		    env->progname);
		return CLI_PROBLEM;
	}
	if (!clear && user_read_password(pw, sizeof pw) != 0)
		return CLI_PROBLEM;
	if (app_password_set(s->db, argv[1], clear ? NULL : pw, &err) != BF_OK) {
		memset(pw, 0, sizeof pw);
		return cli_fail(env, "user passwd", &err);
	}
	memset(pw, 0, sizeof pw);
	printf(clear ? "已取消用户 %s 的密码\n" : "已设置用户 %s 的密码\n", argv[1]);
	return CLI_OK;
}

/* user list */
static int
user_cmd_list(struct cli_env *env, struct app_session *s)
{
	static struct user_row rows[USER_LIST_MAX];
	bf_error err;
	int n, i;

	if (user_list(s->db, rows, USER_LIST_MAX, &n, &err) != BF_OK)
		return cli_fail(env, "user list", &err);
	for (i = 0; i < n; i++)
		printf("%s\t%s\t%s\t%s\t%s%s\n", rows[i].login, rows[i].name,
		    user_role_label(rows[i].role), rows[i].org, rows[i].org_name,
		    rows[i].disabled == USER_PENDING ? "\t待开通" : rows[i].disabled ? "\t已停用" : "");
	return CLI_OK;
}

int
cmd_user(struct cli_env *env, int argc, char **argv)
{
	struct app_session *s;
	bf_error err;
	int rc, disable;

	if (argc < 2) {
		cli_usage_error(env, "user", "需要子命令 add、list、disable 或 enable");
		return CLI_USAGE;
	}
	if (strcmp(argv[1], "add") != 0 && strcmp(argv[1], "list") != 0 && strcmp(argv[1], "set") != 0 &&
	    strcmp(argv[1], "passwd") != 0 &&
	    strcmp(argv[1], "disable") != 0 && strcmp(argv[1], "enable") != 0) {
		cli_usage_error(env, "user", "未知子命令 %s", argv[1]);
		return CLI_USAGE;
	}
	if ((rc = cli_open(env, "user", 0, &s)) != CLI_OK)
		return rc;
	if (strcmp(argv[1], "add") == 0) {
		rc = user_cmd_add(env, s, argc - 1, argv + 1);
	} else if (strcmp(argv[1], "set") == 0) {
		rc = user_cmd_set(env, s, argc - 1, argv + 1);
	} else if (strcmp(argv[1], "passwd") == 0) {
		rc = user_cmd_passwd(env, s, argc - 1, argv + 1);
	} else if (strcmp(argv[1], "list") == 0) {
		rc = user_cmd_list(env, s);
	} else if (argc != 3) {
		cli_usage_error(env, "user", "user %s 需要一个登录名", argv[1]);
		rc = CLI_USAGE;
	} else {
		disable = strcmp(argv[1], "disable") == 0;
		if (user_set_disabled(s->db, argv[2], disable, &err) != BF_OK)
			rc = cli_fail(env, "user", &err);
		else
			printf("已%s用户 %s\n", disable ? "停用" : "启用", argv[2]);
	}
	app_close(s);
	return rc;
}
