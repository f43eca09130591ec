/*
 * bench_store.c -- timings of what a keypress costs on a large database:
 * search by each kind of query, caseload pages (first and 1000th, each
 * filter), opening a person, saving a form, the home worklist, and the
 * monthly indicator report (bangfu report) for the city, the largest
 * district and the largest street of that district.  Each
 * operation runs several times; the median and the worst are printed in
 * milliseconds, beside the sqlite3 shell's time for the same SQL when
 * bench/run.sh supplies it.  Run by `make bench`, never by `make check`.
 *
 * usage: bench_store DB [REPEAT [SQLFILE]]
 * BENCH_LOGIN=login in the environment acts as that user (a caseworker's
 * or a street's view) instead of the Unix user.
 *
 * With SQLFILE, the statements each operation ran (as the SQLite library
 * expanded them, with the bound values written in) are written there, one
 * a line: label TAB median ms TAB SQL.  bench/run.sh runs them again in
 * the sqlite3 shell and prints the two times side by side.  Statements on
 * connections the store opens itself (the city report's second
 * connection) are captured too: an automatic extension traces every
 * connection opened while an operation is captured.
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <sqlite3.h>

#include "app/report.h"
#include "app/session.h"
#include "store/caseload.h"
#include "store/db.h"
#include "store/person.h"
#include "store/record.h"
#include "store/search.h"
#include "store/user.h"
#include "store/worklist.h"

#define BENCH_MAX_REPEAT 64

struct bench_ctx {
	struct app_session	*s;
	const char		*arg;
	struct caseload_filter	 filter;
	int64_t			 person;
};

typedef int (*bench_fn)(struct bench_ctx *c);

/* Where the statements of the operation being captured go (NULL: none). */
static FILE *bench_sql_out;
static char bench_sql[64][4096];
static int bench_nsql;
static int bench_capturing;	/* an operation's statements are being captured */
static pthread_mutex_t bench_sql_mu = PTHREAD_MUTEX_INITIALIZER;	/* the trace runs in threads */

/* Trace callback: keep the expanded text of each statement started. */
static int
bench_trace(unsigned type, void *ctx, void *p, void *x)
{
	char *sql;

	(void)ctx;
	(void)x;
	if (type != SQLITE_TRACE_STMT)
		return 0;
	pthread_mutex_lock(&bench_sql_mu);
	if (bench_capturing && bench_nsql < 64 && (sql = sqlite3_expanded_sql(p)) != NULL) {
		if (strncmp(sql, "--", 2) != 0)		/* not a trigger's own line */
			snprintf(bench_sql[bench_nsql++], sizeof bench_sql[0], "%s", sql);
		sqlite3_free(sql);
	}
	pthread_mutex_unlock(&bench_sql_mu);
	return 0;
}

/* Automatic extension: trace each connection opened (they are captured while bench_capturing). */
static int
bench_connect(sqlite3 *db, const char **msg, const void *api)
{
	(void)msg;
	(void)api;
	if (bench_sql_out != NULL)
		sqlite3_trace_v2(db, SQLITE_TRACE_STMT, bench_trace, NULL);
	return SQLITE_OK;
}

/* Milliseconds on the monotonic clock. */
static double
bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* One search. */
static int
bench_search(struct bench_ctx *c)
{
	struct person_brief hits[50];
	bf_error err;
	int n;

	return search_persons(c->s->db, c->arg, hits, 50, &n, &err) == BF_OK ? n : -1;
}

/* The first page of the caseload with c->filter. */
static int
bench_page1(struct bench_ctx *c)
{
	struct caseload_row rows[20];
	bf_error err;
	int n;

	return caseload_page(c->s->db, &c->filter, NULL, 1, rows, 20, &n, &err) == BF_OK ? n : -1;
}

/* Page 1000: walk there once (not timed), then time fetching the next page. */
static struct caseload_key bench_key1000;

static int
bench_walk_to_1000(struct bench_ctx *c)
{
	struct caseload_row rows[20];
	bf_error err;
	int n = 0, i;

	memset(&bench_key1000, 0, sizeof bench_key1000);
	for (i = 0; i < 999; i++) {
		if (caseload_page(c->s->db, &c->filter, i ? &bench_key1000 : NULL, 1, rows, 20,
		    &n, &err) != BF_OK || n == 0)
			return i;
		bench_key1000 = rows[n - 1].key;
	}
	return i;
}

static int
bench_page1000(struct bench_ctx *c)
{
	struct caseload_row rows[20];
	bf_error err;
	int n;

	return caseload_page(c->s->db, &c->filter, &bench_key1000, 1, rows, 20, &n, &err) == BF_OK
	    ? n : -1;
}

/* Open a person's file: the row and its caseload summary. */
static int
bench_open(struct bench_ctx *c)
{
	struct rec r;
	bf_error err;
	int rc;

	rec_init(&r, "person");
	rc = rec_load(c->s->db, "person", c->person, &r, &err);
	rec_clear(&r);
	return rc == BF_OK ? 1 : -1;
}

/* Save the person form (an update of one field, with audit). */
static int
bench_save(struct bench_ctx *c)
{
	struct rec r;
	int64_t existing;
	bf_error err;
	int rc;

	rec_init(&r, "person");
	if (rec_load(c->s->db, "person", c->person, &r, &err) != BF_OK)
		return -1;
	rec_set(&r, "address", rec_get(&r, "address") && strlen(rec_get(&r, "address")) % 2
	    ? "重庆市渝中区解放碑 1 号" : "重庆市渝中区解放碑 2 号");
	rc = person_save(c->s->db, &r, &existing, &err);
	rec_clear(&r);
	return rc == BF_OK ? 1 : -1;
}

/* The home screen's three lists. */
static int
bench_home(struct bench_ctx *c)
{
	struct work_item items[5];
	bf_error err;
	int k, n, total, sum = 0;

	for (k = 0; k < WORK_NKINDS; k++) {
		if (worklist_items(c->s->db, k, items, 5, &n, &total, &err) != BF_OK)
			return -1;
		sum += n;
	}
	return sum;
}

/* The monthly indicator report of org c->arg ("" = the actor's unit), as bangfu report makes it. */
static int
bench_report(struct bench_ctx *c)
{
	struct app_report r;
	bf_error err;
	int n;

	if (app_report_make(c->s->db, c->s->forms, c->arg, "2026-10", &r, &err) != BF_OK) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	n = r.nrows;
	app_report_free(&r);
	return n;
}

/*
 * The code of the group with the most persons among those of f by
 * prefix_len digits into out[13]; "" if none.
 */
static void
bench_largest(struct db *db, const char *org, int prefix_len, char out[13])
{
	struct caseload_group g[128];
	struct caseload_filter f;
	bf_error err;
	int n = 0, i, best = -1;

	memset(&f, 0, sizeof f);
	snprintf(f.org, sizeof f.org, "%s", org);
	out[0] = '\0';
	if (caseload_groups(db, &f, prefix_len, g, 128, &n, &err) != BF_OK)
		return;
	for (i = 0; i < n; i++)
		if (best < 0 || g[i].count > g[best].count)
			best = i;
	if (best >= 0)
		snprintf(out, 13, "%s", g[best].key);
}

/* qsort of doubles. */
static int
bench_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Time fn repeat times; print a table row. */
static void
bench_run(const char *label, bench_fn fn, struct bench_ctx *c, int repeat)
{
	double t[BENCH_MAX_REPEAT], t0;
	int i, n = 0;

	bench_nsql = 0;
	bench_capturing = 1;
	fn(c);		/* warm the cache once, as a user's second keypress would */
	pthread_mutex_lock(&bench_sql_mu);
	bench_capturing = 0;
	pthread_mutex_unlock(&bench_sql_mu);
	for (i = 0; i < repeat; i++) {
		t0 = bench_now();
		n = fn(c);
		t[i] = bench_now() - t0;
	}
	qsort(t, (size_t)repeat, sizeof t[0], bench_cmp);
	printf("%-34s %8.2f %8.2f %8d\n", label, t[repeat / 2], t[repeat - 1], n);
	fflush(stdout);
	for (i = 0; bench_sql_out != NULL && i < bench_nsql; i++)
		fprintf(bench_sql_out, "%s\t%.2f\t%s\n", label, t[repeat / 2], bench_sql[i]);
}

/* Peak resident memory so far, in MB. */
static double
bench_rss_mb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss / 1024.0;
}

int
main(int argc, char **argv)
{
	struct bench_ctx c;
	bf_error err;
	int repeat = argc > 2 ? atoi(argv[2]) : 15;
	char cid[32], tail4[32], tail6[32], phone[32], surname[8], given2[16], py[16];
	static const struct {
		const char	*label;
		const char	*status, *category;
		int		 overdue;
	} filters[] = {
		{ "全部（按姓名）", "", "", 0 },
		{ "状态=帮扶中", "assisting", "", 0 },
		{ "类别=4050", "", "01", 0 },
		{ "逾期回访", "", "", 1 },
	};
	size_t i;
	char label[128];

	if (argc < 2) {
		fprintf(stderr, "用法：bench_store 数据库 [重复次数]\n");
		return 2;
	}
	if (repeat < 1 || repeat > BENCH_MAX_REPEAT)
		repeat = 15;
	if (argc > 3 && (bench_sql_out = fopen(argv[3], "w")) == NULL) {
		perror(argv[3]);
		return 1;
	}
	memset(&c, 0, sizeof c);
	sqlite3_auto_extension((void (*)(void))bench_connect);
	if (app_open(argv[1], 0, &c.s, &err) != BF_OK) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	if (getenv("BENCH_LOGIN") != NULL &&
	    user_login(c.s->db, getenv("BENCH_LOGIN"), &err) != BF_OK) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	/* Queries taken from a person in the middle of the table. */
	{
		struct caseload_row rows[1];
		struct caseload_filter f;
		int n;

		memset(&f, 0, sizeof f);
		f.sort = CASELOAD_BY_NEWEST;
		caseload_page(c.s->db, &f, NULL, 1, rows, 1, &n, &err);
		c.person = n > 0 ? rows[0].p.id / 2 : 1;
		if (n > 0 && getenv("BENCH_LOGIN") != NULL)	/* the middle may be out of scope */
			c.person = rows[0].p.id;
	}
	{
		struct rec r;
		const char *name;

		rec_init(&r, "person");
		if (rec_load(c.s->db, "person", c.person, &r, &err) != BF_OK) {
			fprintf(stderr, "%s\n", err.msg);
			return 1;
		}
		snprintf(cid, sizeof cid, "%s", rec_get(&r, "citizen_id"));
		snprintf(tail4, sizeof tail4, "%s", cid + 14);
		snprintf(tail6, sizeof tail6, "%s", cid + 12);
		snprintf(phone, sizeof phone, "%s", rec_get(&r, "phone") ? rec_get(&r, "phone") : "13800138000");
		name = rec_get(&r, "name");
		snprintf(surname, sizeof surname, "%.3s", name);
		snprintf(given2, sizeof given2, "%.6s", name + 3 < name + strlen(name) ? name + 3 : name);
		snprintf(py, sizeof py, "%.2s", rec_get(&r, "name_py"));
		rec_clear(&r);
	}
	printf("%-34s %8s %8s %8s\n", "操作", "中位ms", "最慢ms", "结果数");
	c.arg = surname;
	snprintf(label, sizeof label, "查找 姓“%s”（单字）", surname);
	bench_run(label, bench_search, &c, repeat);
	c.arg = given2;
	snprintf(label, sizeof label, "查找 名“%s”（子串）", given2);
	bench_run(label, bench_search, &c, repeat);
	c.arg = py;
	snprintf(label, sizeof label, "查找 拼音首字母 %s", py);
	bench_run(label, bench_search, &c, repeat);
	c.arg = tail4;
	bench_run("查找 身份证后 4 位", bench_search, &c, repeat);
	c.arg = tail6;
	bench_run("查找 身份证后 6 位", bench_search, &c, repeat);
	c.arg = cid;
	bench_run("查找 完整身份证号", bench_search, &c, repeat);
	c.arg = phone;
	bench_run("查找 手机号", bench_search, &c, repeat);
	for (i = 0; i < sizeof filters / sizeof filters[0]; i++) {
		memset(&c.filter, 0, sizeof c.filter);
		snprintf(c.filter.status, sizeof c.filter.status, "%s", filters[i].status);
		snprintf(c.filter.category, sizeof c.filter.category, "%s", filters[i].category);
		c.filter.overdue = filters[i].overdue;
		snprintf(label, sizeof label, "名单第 1 页 %s", filters[i].label);
		bench_run(label, bench_page1, &c, repeat);
		bench_walk_to_1000(&c);
		if (i == 0)	/* design.md: under 30 MB while paging */
			printf("%-34s %8.1f MB\n", "翻 1000 页后峰值常驻内存", bench_rss_mb());
		snprintf(label, sizeof label, "名单第 1000 页 %s", filters[i].label);
		bench_run(label, bench_page1000, &c, repeat);
	}
	bench_run("打开档案", bench_open, &c, repeat);
	bench_run("保存表单（含审计）", bench_save, &c, repeat);
	bench_run("今日工作（三个清单）", bench_home, &c, repeat);
	printf("峰值常驻内存 %.1f MB\n", bench_rss_mb());
	/*
	 * design.md: the monthly report over 1,000,000 persons under 1 s.
	 * Last, as it maps the file (store/indicators_run.c): the mapped pages
	 * it reads count as resident memory from then on.
	 */
	{
		char district[13], street[13];
		int rrepeat = repeat < 5 ? repeat : 5;

		bench_largest(c.s->db, "", 6, district);
		bench_largest(c.s->db, district, 9, street);
		c.arg = "";
		bench_run("月度指标报表 全市", bench_report, &c, rrepeat);
		c.arg = district;
		snprintf(label, sizeof label, "月度指标报表 区县 %s", district);
		bench_run(label, bench_report, &c, rrepeat);
		c.arg = street;
		snprintf(label, sizeof label, "月度指标报表 街道 %s", street);
		bench_run(label, bench_report, &c, rrepeat);
	}
	app_close(c.s);
	if (bench_sql_out != NULL)
		fclose(bench_sql_out);
	return 0;
}
