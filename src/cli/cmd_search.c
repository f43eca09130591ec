/*
 * cmd_search.c -- `bangfu search QUERY`: the terminal interface's search,
 * one person per line (tab-separated, for scripts), citizen IDs masked
 * unless --full is given.  --time prints how long the query took.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "app/session.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "core/casestate.h"
#include "core/idcard.h"
#include "store/db.h"
#include "store/history.h"
#include "store/search.h"

#define SEARCH_DEFAULT_LIMIT 50
#define SEARCH_MAX_LIMIT 10000

/* Milliseconds since an arbitrary point. */
static double
search_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Print one hit. */
static void
search_print(const struct person_brief *b, int full)
{
	enum case_status cs;
	char id[32];

	if (full)
		snprintf(id, sizeof id, "%s", b->citizen_id);
	else
		idcard_mask(b->citizen_id, id, sizeof id);
	printf("%lld\t%s\t%s\t%s\t%s\t%s\t%s\n", (long long)b->id, b->name,
	    b->sex[0] == '1' ? "男" : b->sex[0] == '2' ? "女" : "",
	    b->birth_date, id, b->community,
	    case_status_from_code(b->status, &cs) == BF_OK ? case_status_label(cs) : b->status);
}

int
cmd_search(struct cli_env *env, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "limit", required_argument, NULL, 'n' },
		{ "full", no_argument, NULL, 'f' },
		{ "time", no_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	struct app_session *s;
	struct person_brief *hits;
	bf_error err;
	char norm[256], *end;
	int c, rc, n, i, limit = SEARCH_DEFAULT_LIMIT, full = 0, timing = 0;
	double t0, t1;

	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			env->db_path = optarg;
			break;
		case 'n':
			limit = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || limit < 1 || limit > SEARCH_MAX_LIMIT) {
				cli_usage_error(env, "search", "--limit 应为 1 到 %d 的整数：%s",
				    SEARCH_MAX_LIMIT, optarg);
				return CLI_USAGE;
			}
			break;
		case 'f':
			full = 1;
			break;
		case 't':
			timing = 1;
			break;
		default:
			cli_usage_error(env, "search", "无效选项 %s", argv[optind - 1]);
			return CLI_USAGE;
		}
	}
	if (optind != argc - 1) {
		cli_usage_error(env, "search", "需要一个查询词（姓名、拼音首字母、身份证号或尾号、手机号）");
		return CLI_USAGE;
	}
	if (search_classify(argv[optind], norm, sizeof norm) == SEARCH_NONE) {
		cli_usage_error(env, "search", "查询词不能为空");
		return CLI_USAGE;
	}
	/* --full writes who saw which full ID to the audit log, so it needs to write. */
	if ((rc = cli_open(env, "search", full ? 0 : DB_READONLY, &s)) != CLI_OK)
		return rc;
	hits = calloc((size_t)limit, sizeof *hits);
	if (hits == NULL) {
		app_close(s);
		return CLI_PROBLEM;
	}
	t0 = search_ms();
	rc = search_persons(s->db, argv[optind], hits, limit, &n, &err);
	t1 = search_ms();
	if (rc != BF_OK) {
		rc = cli_fail(env, "search", &err);
	} else {
		for (i = 0; i < n; i++) {
			if (full && history_log_view(s->db, hits[i].id, "完整身份证号（search --full）",
			    &err) != BF_OK) {
				fprintf(stderr, "%s search：%s\n", env->progname, err.msg);
				full = 0;
			}
			search_print(&hits[i], full);
		}
		if (n == 0)
			fprintf(stderr, "没有找到符合“%s”的人员（按%s查找）\n", argv[optind],
			    search_kind_label(search_classify(argv[optind], norm, sizeof norm)));
		if (timing)
			fprintf(stderr, "找到 %d 人，按%s查找，用时 %.2f 毫秒\n", n,
			    search_kind_label(search_classify(argv[optind], norm, sizeof norm)),
			    t1 - t0);
		rc = CLI_OK;
	}
	free(hits);
	app_close(s);
	return rc;
}
