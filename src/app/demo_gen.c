/*
 * demo_gen.c -- the synthetic caseload generator (see demo_gen.h).
 *
 * Each person is built backwards from today: first the case status (in
 * realistic proportions), then the dates that status needs (registration,
 * job start, closure), then a profile (graduate, "4050", other adult,
 * young worker) that fixes the age, education and registration reason,
 * then the rows: categories derived by core/category where it says so
 * and a few recorded by hand, a plan from a template with its measures,
 * services delivering the measures, follow-ups per core/followup_rules
 * between contacts, and an employment outcome with stability checks.
 *
 * Randomness is xoshiro256** seeded through splitmix64; integer maths
 * only, so a seed gives the same caseload everywhere.  Nothing is
 * allocated per person: rows are fixed arrays in the caller's struct.
 */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "app/demo_gen.h"
#include "app/demo_names.h"
#include "core/casestate.h"
#include "core/category.h"
#include "core/date.h"
#include "core/followup_rules.h"
#include "core/idcard.h"
#include "core/retire.h"
#include "text/pinyin.h"
#include "util/error.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* Profiles: who the person is, which fixes age and registration reason. */
enum demo_group {
	DEMO_GRADUATE,		/* 离校两年内高校毕业生 */
	DEMO_OLDER,		/* "4050": women 40+, men 50+ */
	DEMO_ADULT,		/* other adults */
	DEMO_YOUNG,		/* 16-24, not a graduate */
	DEMO_NGROUPS
};

/* How a closed case ended. */
enum demo_exit {
	DEMO_EXIT_JOB,		/* stable in work, then closed */
	DEMO_EXIT_NO_CONTACT,	/* six months without contact */
	DEMO_EXIT_RETIRED,	/* reached retirement age */
	DEMO_EXIT_OTHER		/* other registration-cancelling reasons */
};

struct demo_exit_def {
	enum demo_exit kind;
	const char *reason;		/* person.exit_reason */
	const char *cancel;		/* registration.cancel_reason */
	int	weight;
};

static const struct demo_exit_def demo_exits[] = {
	{ DEMO_EXIT_JOB, "稳定就业满6个月，退出帮扶", "1", 45 },
	{ DEMO_EXIT_NO_CONTACT, "连续6个月未与公共就业服务机构联系", "9", 18 },
	{ DEMO_EXIT_RETIRED, "达到法定退休年龄，享受基本养老保险待遇", "4", 10 },
	{ DEMO_EXIT_OTHER, "本人终止就业要求", "8", 12 },
	{ DEMO_EXIT_OTHER, "入学、服兵役或移居境外", "6", 8 },
	{ DEMO_EXIT_OTHER, "完全丧失劳动能力", "5", 3 },
	{ DEMO_EXIT_OTHER, "迁出本市，转移接续", "10", 4 },
};

/* Case status proportions (per 100). */
static const int demo_status_weight[CASE_NSTATUS] = {
	[CASE_REGISTERED] = 14, [CASE_RECOGNISED] = 10, [CASE_ASSISTING] = 30,
	[CASE_EMPLOYED] = 20, [CASE_STABLE] = 16, [CASE_CLOSED] = 10,
};

static const int demo_group_weight[DEMO_NGROUPS] = {
	[DEMO_GRADUATE] = 18, [DEMO_OLDER] = 30, [DEMO_ADULT] = 42, [DEMO_YOUNG] = 10,
};

static const struct demo_weighted demo_edu_graduate[] = {
	{ "21", 58 }, { "31", 36 }, { "14", 6 },
};
static const struct demo_weighted demo_edu_young[] = {
	{ "71", 35 }, { "61", 25 }, { "44", 15 }, { "47", 12 }, { "41", 10 }, { "81", 3 },
};
static const struct demo_weighted demo_edu_adult[] = {
	{ "71", 30 }, { "61", 20 }, { "41", 9 }, { "44", 7 }, { "47", 6 },
	{ "31", 14 }, { "21", 8 }, { "81", 5 }, { "90", 1 },
};
static const struct demo_weighted demo_edu_older[] = {
	{ "71", 40 }, { "81", 18 }, { "61", 20 }, { "41", 6 }, { "44", 3 },
	{ "47", 3 }, { "31", 6 }, { "21", 2 }, { "90", 2 },
};

static const struct demo_weighted demo_ethnic_common[] = {
	{ "01", 930 }, { "15", 45 }, { "06", 15 }, { "03", 4 }, { "08", 2 },
	{ "07", 2 }, { "12", 2 },
};
static const struct demo_weighted demo_ethnic_southeast[] = {
	{ "01", 380 }, { "15", 420 }, { "06", 190 }, { "12", 5 }, { "03", 5 },
};

static const struct demo_weighted demo_health[] = {
	{ "1", 85 }, { "2", 8 }, { "3", 5 }, { "6", 2 },
};

/* Registration reasons (domain-data.md §4.12) for adults. */
static const struct demo_weighted demo_reason_adult[] = {
	{ "01", 24 }, { "02", 20 }, { "03", 25 }, { "04", 8 }, { "05", 7 },
	{ "10", 10 }, { "09", 3 }, { "07", 1 }, { "99", 2 },
};
static const struct demo_weighted demo_reason_young[] = {
	{ "11", 55 }, { "03", 25 }, { "10", 15 }, { "01", 5 },
};

static const char *const demo_income_bands[] = {
	"2000以下", "2000-3000", "3000-5000", "5000以上",
};

/* How an earlier job ended: the new registration's reason and the job's end reason. */
struct demo_job_loss {
	const char *reason;
	const char *end_reason;
};

static const struct demo_job_loss demo_job_losses[] = {
	{ "01", "劳动合同期满终止" },
	{ "02", "用人单位解除劳动合同" },
	{ "03", "本人辞职" },
	{ "04", "用人单位破产关闭" },
};

/* Employment forms (domain-data.md §4.11) and their registration cancel reasons. */
struct demo_form_def {
	const char *form;
	const char *cancel;	/* "1" 录用, "2" 个体/创业, "3" 稳定收入 */
	int	weight_general;
	int	weight_hardship;	/* for persons holding a hardship category */
	int	income_lo, income_hi;
	int	insured_per_mille;
};

static const struct demo_form_def demo_forms[] = {
	{ "11", "1", 46, 30, 2400, 6500, 950 },
	{ "21", "3", 24, 20, 1500, 5000, 300 },
	{ "12", "1", 4, 25, 2100, 2100, 1000 },
	{ "13", "1", 4, 10, 2100, 3500, 900 },
	{ "31", "2", 9, 5, 2500, 8000, 500 },
	{ "32", "2", 3, 1, 3000, 12000, 800 },
	{ "41", "3", 3, 5, 1800, 3500, 200 },
	{ "51", "1", 7, 4, 3500, 7000, 700 },
};

/* Measures (domain-data.md §4.15): the service line each type writes. */
struct demo_measure_def {
	const char *type;
	const char *content;
	const char *results[3];
	const char *methods;	/* contact_method codes to draw from */
};

static const struct demo_measure_def demo_measure_defs[] = {
	{ "01", "宣讲失业保险、社保补贴、创业担保贷款等就业创业政策",
	  { "已知晓相关政策", "已领取政策明白卡", "已知晓，暂不申请" }, "1134" },
	{ "02", "开展职业指导，分析求职意向和就业障碍，制定求职计划",
	  { "已明确求职方向", "求职意愿增强", "需继续跟进" }, "2333" },
	{ "03", "推荐岗位并提供用人单位联系方式，协助准备面试",
	  { "已面试，待通知", "未录用", "本人放弃" }, "1134" },
	{ "04", "推荐参加职业技能培训（电工、养老护理、中式烹调等）",
	  { "已报名参训", "已结业并取得证书", "培训进行中" }, "3314" },
	{ "05", "提供创业培训和创业担保贷款咨询",
	  { "已参加创业培训", "已提交贷款申请", "暂缓创业" }, "3324" },
	{ "06", "推荐到见习基地参加就业见习，落实见习补贴",
	  { "已上岗见习", "见习期满", "见习进行中" }, "3312" },
	{ "07", "推荐公益性岗位，协助办理岗位安置手续",
	  { "已安置上岗", "待安置", "本人放弃" }, "2233" },
	{ "08", "协助申请灵活就业人员社会保险补贴",
	  { "已受理", "已审核通过", "材料待补齐" }, "3344" },
	{ "10", "协助申请一次性求职创业补贴", { "已受理", "已发放", "材料待补齐" }, "3344" },
	{ "13", "对接零工市场和就业驿站，推送零工信息",
	  { "已推送岗位信息", "已参加零工对接", "暂无合适零工" }, "1444" },
};

/* A plan template: its id, goal, and measures as (type, count, days after the plan). */
struct demo_template_measure {
	const char *type;
	int	count;
	int	due_days;
};

struct demo_template {
	const char *id;
	const char *goal;
	int	target_days;
	struct demo_template_measure m[6];
	int	nm;
};

static const struct demo_template demo_templates[] = {
	{ "graduate_1311", "离校未就业高校毕业生“1311”服务，6个月内实现就业", 180,
	  { { "02", 1, 30 }, { "03", 3, 90 }, { "04", 1, 120 }, { "06", 1, 150 } }, 4 },
	{ "hardship_basic", "就业困难人员帮扶，3个月内实现就业或公益性岗位兜底", 90,
	  { { "01", 1, 10 }, { "02", 1, 30 }, { "03", 3, 75 }, { "07", 1, 90 } }, 4 },
	{ "older_flexible", "“4050”人员帮扶，引导灵活就业并申请社保补贴", 120,
	  { { "02", 1, 30 }, { "13", 2, 60 }, { "03", 2, 90 }, { "08", 1, 120 } }, 4 },
	{ "general", "登记失业人员帮扶，3个月内实现就业", 90,
	  { { "01", 1, 10 }, { "02", 1, 30 }, { "03", 2, 75 }, { "04", 1, 90 } }, 4 },
	{ "young_skill", "青年技能提升，参加培训后推荐就业", 150,
	  { { "02", 1, 30 }, { "04", 1, 90 }, { "03", 2, 150 }, { "10", 1, 60 } }, 4 },
};

enum { DEMO_T_GRADUATE, DEMO_T_HARDSHIP, DEMO_T_OLDER, DEMO_T_GENERAL, DEMO_T_YOUNG };

/* Categories recorded by hand (not derived): chance per mille, evidence. */
struct demo_manual_category {
	const char *code;
	int	per_mille;
	const char *evidence;
};

static const struct demo_manual_category demo_manual_categories[] = {
	{ "03", 60, "低保证" },
	{ "04", 20, "零就业家庭认定表" },
	{ "05", 50, "防返贫监测系统标识" },
	{ "07", 30, "退出现役证" },
	{ "08", 10, "释放证明书" },
	{ "09", 5, "社区康复决定书" },
	{ "10", 10, "原单位证明" },
	{ "12", 30, "征地安置证明" },
};

/* GB/T 4761 relations: the relative's sex (0: the person's opposite) and surname. */
struct demo_relation {
	const char *code;
	int	sex;
	int	same_surname;
};

static const struct demo_relation demo_relations[] = {
	{ "10", 0, 0 }, { "20", 1, 1 }, { "30", 2, 1 }, { "51", 1, 1 }, { "52", 2, 0 },
	{ "71", 1, 1 }, { "73", 1, 1 }, { "75", 2, 1 }, { "77", 2, 1 },
};

/* Emergency-contact relations by the person's age group. */
static const char *const demo_relations_young[] = { "51", "52", "71", "75" };
static const char *const demo_relations_adult[] = { "10", "10", "10", "51", "52", "71", "73", "75", "77" };
static const char *const demo_relations_older[] = { "10", "10", "20", "30", "71", "73", "75", "77" };

/* Mobile number prefixes (domain-data.md §5.1, voice segments). */
static const char *const demo_mobile_prefixes[] = {
	"130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
	"153", "155", "156", "157", "158", "159", "166", "173", "175", "176", "177", "178",
	"180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "193", "195",
	"198", "199",
};

/* Characters of the 统一社会信用代码 (GB 32100) and their check weights. */
static const char demo_usci_chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int demo_usci_weights[17] = {
	1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
};

struct demo_gen {
	uint64_t s[4];			/* xoshiro256** state */
	long	today;			/* day number */
	bf_date	today_d;
	char	(*org_code)[DEMO_ORG_LEN];	/* the caller's community codes, copied */
	int64_t	*org_worker;		/* and their caseworker ids */
	size_t	norgs;
	size_t	*org_district;		/* index into demo_districts per org */
	char	(*org_short)[64];	/* community name without 居民委员会/村民委员会, or "" */
	int	*surname_cum;		/* cumulative surname weights */
	int	surname_total;
	uint64_t *ids;			/* open-addressing set of 17-digit ID bodies, 0 = empty */
	size_t	ids_cap;		/* power of two */
	size_t	ids_n;
	uint64_t count;
	char	(*surname_py)[8];	/* initials of each surname, as text/pinyin reads it */
	char	(*surname_full)[24];	/* full pinyin of each surname */
	const char **male_py;		/* pinyin of each given-name character */
	const char **female_py;
	long	iso_first;		/* iso and days cover iso_first .. iso_first + iso_n - 1 */
	long	iso_n;
	char	(*iso)[DEMO_DATE_LEN];	/* ISO text of each day in that range */
	bf_date	*days;			/* and its date */
	strbuf	sb;
	struct followup_params fp;
	struct category_params cp;
};

/* What is decided about one person before its rows are written. */
struct demo_ctx {
	enum case_status status;
	enum demo_group group;
	const struct demo_exit_def *exit;
	int	sex;
	enum retire_basis basis;
	bf_date	birth;
	long	birth_day;
	long	reg;			/* registration day */
	long	job;			/* job start, or -1 */
	long	closed;			/* closure day, or -1 */
	long	window_end;		/* end of the unemployed period (exclusive) */
	int	open_unemployed;	/* window runs to today */
	int	lost_contact;		/* contacts stop early */
	long	graduated;		/* day, or -1 */
	size_t	district;		/* of the community */
	size_t	hukou_district;
	int	hardship;		/* holds a category */
	size_t	surname;		/* index into demo_surnames */
	long	prior_reg;		/* an earlier episode: registered, */
	long	prior_job;		/* found a job, */
	long	prior_end;		/* lost it (the current unemployed_since); -1: none */
	const struct demo_job_loss *loss;	/* how the earlier job ended */
	int	plan_template;		/* -1: no plan */
	long	plan_day;
	long	sday[DEMO_MAX_SERVICES];	/* served_on day of each service */
};

/* splitmix64 step: used to spread the seed over the xoshiro state. */
static uint64_t
demo_splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* x rotated left by k bits. */
static uint64_t
demo_rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

/* The next 64 random bits (xoshiro256**). */
static uint64_t
demo_next(struct demo_gen *g)
{
	uint64_t r = demo_rotl(g->s[1] * 5, 7) * 9;
	uint64_t t = g->s[1] << 17;

	g->s[2] ^= g->s[0];
	g->s[3] ^= g->s[1];
	g->s[1] ^= g->s[2];
	g->s[0] ^= g->s[3];
	g->s[2] ^= t;
	g->s[3] = demo_rotl(g->s[3], 45);
	return r;
}

/* A number in [0, n) (n >= 1), by multiply-shift. */
static uint32_t
demo_below(struct demo_gen *g, uint32_t n)
{
	return (uint32_t)(((demo_next(g) >> 32) * (uint64_t)n) >> 32);
}

/* A number in [lo, hi]; lo when hi < lo. */
static long
demo_uniform(struct demo_gen *g, long lo, long hi)
{
	if (hi <= lo)
		return lo;
	return lo + (long)demo_below(g, (uint32_t)(hi - lo + 1));
}

/* 1 with probability per_mille / 1000. */
static int
demo_chance(struct demo_gen *g, int per_mille)
{
	return (int)demo_below(g, 1000) < per_mille;
}

/* An index into weights[0..n) drawn by weight. */
static size_t
demo_pick_index(struct demo_gen *g, const int *weights, size_t n)
{
	int total = 0, r;
	size_t i;

	for (i = 0; i < n; i++)
		total += weights[i];
	r = (int)demo_below(g, (uint32_t)total);
	for (i = 0; i + 1 < n; i++) {
		if (r < weights[i])
			return i;
		r -= weights[i];
	}
	return n - 1;
}

/* A string of t[0..n) drawn by weight. */
static const char *
demo_pick_weighted(struct demo_gen *g, const struct demo_weighted *t, size_t n)
{
	int total = 0, r;
	size_t i;

	for (i = 0; i < n; i++)
		total += t[i].weight;
	r = (int)demo_below(g, (uint32_t)total);
	for (i = 0; i + 1 < n; i++) {
		if (r < t[i].weight)
			return t[i].s;
		r -= t[i].weight;
	}
	return t[n - 1].s;
}

/* A word of w, uniformly. */
static const char *
demo_pick(struct demo_gen *g, const struct demo_words *w)
{
	return w->v[demo_below(g, (uint32_t)w->n)];
}

/* A string of v[0..n), uniformly. */
static const char *
demo_pick_str(struct demo_gen *g, const char *const *v, size_t n)
{
	return v[demo_below(g, (uint32_t)n)];
}

/* Copy src into dst (size n), cut at a UTF-8 character boundary if too long. */
static void
demo_set(char *dst, size_t n, const char *src)
{
	size_t len = strlen(src);

	if (len >= n) {
		len = n - 1;
		while (len > 0 && ((unsigned char)src[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(dst, src, len);
	dst[len] = '\0';
}

/* Append src to the string in dst (size n), cut at a character boundary. */
static void
demo_cat(char *dst, size_t n, const char *src)
{
	size_t used = strlen(dst);

	if (used + 1 < n)
		demo_set(dst + used, n - used, src);
}

/* Append the decimal v (>= 0) to the string in dst (size n). */
static void
demo_cat_int(char *dst, size_t n, long v)
{
	char buf[24];
	int i = (int)sizeof buf - 1;

	buf[i] = '\0';
	do {
		buf[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0 && i > 0);
	demo_cat(dst, n, buf + i);
}

/* Write v as exactly width digits at out (no NUL). */
static void
demo_digits(char *out, long v, int width)
{
	while (width-- > 0) {
		out[width] = (char)('0' + v % 10);
		v /= 10;
	}
}

/* Day number day as 'YYYY-MM-DD' (from the table when in range). */
static void
demo_date(const struct demo_gen *g, long day, char out[DEMO_DATE_LEN])
{
	bf_date d;

	if (day >= g->iso_first && day - g->iso_first < g->iso_n) {
		memcpy(out, g->iso[day - g->iso_first], DEMO_DATE_LEN);
		return;
	}
	d = date_from_days(day);

	demo_digits(out, d.y, 4);
	out[4] = '-';
	demo_digits(out + 5, d.m, 2);
	out[7] = '-';
	demo_digits(out + 8, d.d, 2);
	out[10] = '\0';
}

/* A timestamp on day between hour lo and hour hi (exclusive), 'YYYY-MM-DD HH:MM:SS'. */
static void
demo_ts(struct demo_gen *g, long day, int lo, int hi, char out[DEMO_TS_LEN])
{
	uint32_t secs = demo_below(g, (uint32_t)(hi - lo) * 3600);

	demo_date(g, day, out);
	out[10] = ' ';
	demo_digits(out + 11, lo + (long)(secs / 3600), 2);
	out[13] = ':';
	demo_digits(out + 14, (long)(secs / 60 % 60), 2);
	out[16] = ':';
	demo_digits(out + 17, (long)(secs % 60), 2);
	out[19] = '\0';
}

/* Day number of an ISO date this file wrote ('YYYY-MM-DD'). */
static long
demo_iso_day(const char *s)
{
	bf_date d;

	d.y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	d.m = (s[5] - '0') * 10 + (s[6] - '0');
	d.d = (s[8] - '0') * 10 + (s[9] - '0');
	return date_to_days(d);
}

/* Day number of d. */
static long
demo_day(bf_date d)
{
	return date_to_days(d);
}

/* The date of day number day (from the table when in range). */
static bf_date
demo_bf(const struct demo_gen *g, long day)
{
	if (day >= g->iso_first && day - g->iso_first < g->iso_n)
		return g->days[day - g->iso_first];
	return date_from_days(day);
}

/* Day number of day moved by months (clamped to month end). */
static long
demo_add_months(const struct demo_gen *g, long day, int months)
{
	return date_to_days(date_add_months(demo_bf(g, day), months));
}


/* The smaller of a and b. */
static long
demo_min(long a, long b)
{
	return a < b ? a : b;
}

/* The larger of a and b. */
static long
demo_max(long a, long b)
{
	return a > b ? a : b;
}

/* Is the 17-digit body in the ID set?  Insert it if not; 1 if it was new. */
static int
demo_id_insert(struct demo_gen *g, uint64_t body)
{
	size_t mask, i, j;
	uint64_t *old;
	size_t oldcap;

	if ((g->ids_n + 1) * 2 > g->ids_cap) {
		old = g->ids;
		oldcap = g->ids_cap;
		g->ids_cap = oldcap ? oldcap * 2 : 1024;
		g->ids = xcalloc(g->ids_cap, sizeof *g->ids);
		mask = g->ids_cap - 1;
		for (j = 0; j < oldcap; j++) {
			if (old[j] == 0)
				continue;
			i = (size_t)((old[j] * 0x9E3779B97F4A7C15ULL) >> 20) & mask;
			while (g->ids[i] != 0)
				i = (i + 1) & mask;
			g->ids[i] = old[j];
		}
		free(old);
	}
	mask = g->ids_cap - 1;
	i = (size_t)((body * 0x9E3779B97F4A7C15ULL) >> 20) & mask;
	while (g->ids[i] != 0) {
		if (g->ids[i] == body)
			return 0;
		i = (i + 1) & mask;
	}
	g->ids[i] = body;
	g->ids_n++;
	return 1;
}

/* The pinyin of one UTF-8 Han character, or "". */
static const char *
demo_char_pinyin(const char *ch)
{
	const unsigned char *u = (const unsigned char *)ch;
	const char *py;
	uint32_t cp;

	if ((u[0] & 0xF0) != 0xE0)
		return "";
	cp = ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
	py = pinyin_of(cp);
	return py ? py : "";
}

/*
 * Pinyin for the name pools, once: each surname as text/pinyin reads it
 * in front of a given name (its surname reading: 单 shan), each given-name
 * character by its common reading.  Names are then spelled by pasting.
 */
static void
demo_name_tables(struct demo_gen *g)
{
	char name[DEMO_NAME_LEN];
	size_t i, len;

	g->surname_py = xreallocarray(NULL, demo_nsurnames, sizeof *g->surname_py);
	g->surname_full = xreallocarray(NULL, demo_nsurnames, sizeof *g->surname_full);
	for (i = 0; i < demo_nsurnames; i++) {
		/* read "surname + 一" and drop the "yi" of 一 */
		demo_set(name, sizeof name, demo_surnames[i].s);
		demo_cat(name, sizeof name, "一");
		sb_reset(&g->sb);
		pinyin_name_full(name, &g->sb);
		len = g->sb.len >= 2 ? g->sb.len - 2 : 0;
		sb_truncate(&g->sb, len);
		demo_set(g->surname_full[i], sizeof g->surname_full[i], sb_str(&g->sb));
		sb_reset(&g->sb);
		pinyin_name_initials(name, &g->sb);
		sb_truncate(&g->sb, g->sb.len ? g->sb.len - 1 : 0);
		demo_set(g->surname_py[i], sizeof g->surname_py[i], sb_str(&g->sb));
	}
	g->male_py = xreallocarray(NULL, demo_given_male.n, sizeof *g->male_py);
	for (i = 0; i < demo_given_male.n; i++)
		g->male_py[i] = demo_char_pinyin(demo_given_male.v[i]);
	g->female_py = xreallocarray(NULL, demo_given_female.n, sizeof *g->female_py);
	for (i = 0; i < demo_given_female.n; i++)
		g->female_py[i] = demo_char_pinyin(demo_given_female.v[i]);
}

/* A community name for addresses: name without its committee suffix, into out. */
static void
demo_org_short(const char *name, char *out, size_t n)
{
	static const char *const suffixes[] = { "居民委员会", "村民委员会" };
	size_t len, sl, k;

	out[0] = '\0';
	if (name == NULL)
		return;
	demo_set(out, n, name);
	len = strlen(out);
	for (k = 0; k < sizeof suffixes / sizeof suffixes[0]; k++) {
		sl = strlen(suffixes[k]);
		if (len > sl && strcmp(out + len - sl, suffixes[k]) == 0)
			out[len - sl] = '\0';
	}
}

/*
 * A generator for seed on today over orgs.  What it needs of orgs is
 * copied (nothing is borrowed); each org's district is looked up once.
 */
struct demo_gen *
demo_gen_new(uint64_t seed, const char *today, const struct demo_orgs *orgs)
{
	struct demo_gen *g;
	bf_date t;
	bf_error err;
	uint64_t x = seed;
	size_t i, k;
	int j;

	if (today == NULL || orgs == NULL || orgs->n == 0 || orgs->v == NULL)
		return NULL;
	err_clear(&err);
	if (date_parse(today, &t, &err) != BF_OK || t.y < 2000)
		return NULL;
	for (i = 0; i < orgs->n; i++) {
		const char *c = orgs->v[i].code;

		if (c == NULL || strlen(c) != 12)
			return NULL;
		for (j = 0; j < 12; j++)
			if (c[j] < '0' || c[j] > '9')
				return NULL;
	}
	g = xcalloc(1, sizeof *g);
	for (j = 0; j < 4; j++)
		g->s[j] = demo_splitmix(&x);
	g->today_d = t;
	g->today = date_to_days(t);
	g->norgs = orgs->n;
	g->org_code = xreallocarray(NULL, orgs->n, sizeof *g->org_code);
	g->org_worker = xreallocarray(NULL, orgs->n, sizeof *g->org_worker);
	for (i = 0; i < orgs->n; i++) {
		memcpy(g->org_code[i], orgs->v[i].code, DEMO_ORG_LEN);
		g->org_worker[i] = orgs->v[i].caseworker_id;
	}
	g->org_district = xreallocarray(NULL, orgs->n, sizeof *g->org_district);
	for (i = 0; i < orgs->n; i++) {
		g->org_district[i] = i % demo_ndistricts;	/* not in Chongqing: any district */
		for (k = 0; k < demo_ndistricts; k++)
			if (strncmp(orgs->v[i].code, demo_districts[k].code, 6) == 0) {
				g->org_district[i] = k;
				break;
			}
	}
	g->org_short = xreallocarray(NULL, orgs->n, sizeof *g->org_short);
	for (i = 0; i < orgs->n; i++)
		demo_org_short(orgs->v[i].name, g->org_short[i], sizeof g->org_short[i]);
	g->surname_cum = xreallocarray(NULL, demo_nsurnames, sizeof *g->surname_cum);
	for (i = 0; i < demo_nsurnames; i++) {
		g->surname_total += demo_surnames[i].weight;
		g->surname_cum[i] = g->surname_total;
	}
	sb_init(&g->sb);
	demo_name_tables(g);
	/* ISO text for every day from 101 years ago to 6 years ahead */
	g->iso_first = 0;
	g->iso_n = 0;
	{
		long first = g->today - 101 * 366, n = 107 * 366, d;
		char (*iso)[DEMO_DATE_LEN] = xreallocarray(NULL, (size_t)n, sizeof *iso);

		g->days = xreallocarray(NULL, (size_t)n, sizeof *g->days);
		for (d = 0; d < n; d++) {
			demo_date(g, first + d, iso[d]);
			g->days[d] = date_from_days(first + d);
		}
		g->iso = iso;
		g->iso_first = first;
		g->iso_n = n;
	}
	followup_params_default(&g->fp);
	category_params_default(&g->cp);
	return g;
}

/* Free g and everything it holds; NULL is fine. */
void
demo_gen_free(struct demo_gen *g)
{
	if (g == NULL)
		return;
	free(g->org_code);
	free(g->org_worker);
	free(g->org_district);
	free(g->org_short);
	free(g->surname_cum);
	free(g->ids);
	free(g->surname_py);
	free(g->surname_full);
	free(g->male_py);
	free(g->female_py);
	free(g->iso);
	free(g->days);
	sb_free(&g->sb);
	free(g);
}

/* How many persons g has produced. */
uint64_t
demo_gen_count(const struct demo_gen *g)
{
	return g->count;
}

/* Zero every field and row count of p. */
void
demo_person_clear(struct demo_person *p)
{
	memset(p, 0, sizeof *p);
}

/* The index of a surname drawn by frequency (binary search over the cumulative weights). */
static size_t
demo_surname_index(struct demo_gen *g)
{
	int r = (int)demo_below(g, (uint32_t)g->surname_total);
	size_t lo = 0, hi = demo_nsurnames - 1, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (r < g->surname_cum[mid])
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* A surname drawn by frequency. */
static const char *
demo_surname(struct demo_gen *g)
{
	return demo_surnames[demo_surname_index(g)].s;
}

/*
 * A full name for sex (1/2) into out, with the surname of index sur
 * (demo_nsurnames or more: drawn), given name of one or two characters.
 * py and full (NULL: not wanted) get its pinyin initials and full pinyin.
 * Returns the surname index.
 */
static size_t
demo_name(struct demo_gen *g, int sex, size_t sur, char out[DEMO_NAME_LEN], char *py, size_t pylen,
    char *full, size_t fulllen)
{
	const struct demo_words *w = sex == 1 ? &demo_given_male : &demo_given_female;
	const char **wpy = sex == 1 ? g->male_py : g->female_py;
	size_t k, n = demo_chance(g, 780) ? 2 : 1;
	uint32_t gi;

	if (sur >= demo_nsurnames)
		sur = demo_surname_index(g);
	demo_set(out, DEMO_NAME_LEN, demo_surnames[sur].s);
	if (py)
		demo_set(py, pylen, g->surname_py[sur]);
	if (full)
		demo_set(full, fulllen, g->surname_full[sur]);
	for (k = 0; k < n; k++) {
		gi = demo_below(g, (uint32_t)w->n);
		demo_cat(out, DEMO_NAME_LEN, w->v[gi]);
		if (py && wpy[gi][0]) {
			char ini[2] = { wpy[gi][0], '\0' };

			demo_cat(py, pylen, ini);
		}
		if (full)
			demo_cat(full, fulllen, wpy[gi]);
	}
	return sur;
}

/* An 11-digit mobile number into out. */
static void
demo_mobile(struct demo_gen *g, char out[12])
{
	memcpy(out, demo_pick_str(g, demo_mobile_prefixes,
	    sizeof demo_mobile_prefixes / sizeof demo_mobile_prefixes[0]), 3);
	demo_digits(out + 3, (long)demo_below(g, 100000000), 8);
	out[11] = '\0';
}

/* An employer name, "重庆渝兴物流有限公司", into out. */
static void
demo_employer(struct demo_gen *g, char *out, size_t n)
{
	demo_set(out, n, demo_chance(g, 500) ? "重庆" : "重庆市");
	demo_cat(out, n, demo_pick(g, &demo_firm_stems));
	demo_cat(out, n, demo_pick(g, &demo_firm_trades));
	demo_cat(out, n, demo_pick(g, &demo_firm_suffixes));
}

/*
 * A 统一社会信用代码 for a firm registered in district: '9' '1'|'2',
 * the district code, 9 digits, and the GB 32100 check character.
 */
static void
demo_credit_code(struct demo_gen *g, const char *district, char kind, char *out, size_t n)
{
	char c[19];
	int i, sum = 0, chk;

	if (n < sizeof c) {
		out[0] = '\0';
		return;
	}
	c[0] = '9';
	c[1] = kind;
	memcpy(c + 2, district, 6);
	for (i = 8; i < 17; i++)
		c[i] = (char)('0' + demo_below(g, 10));
	for (i = 0; i < 17; i++)
		sum += (int)(strchr(demo_usci_chars, c[i]) - demo_usci_chars) * demo_usci_weights[i];
	chk = (31 - sum % 31) % 31;
	c[17] = demo_usci_chars[chk];
	c[18] = '\0';
	memcpy(out, c, sizeof c);
}

/* Birth day for an age between lo and hi full years on day at. */
static long
demo_birth_for_age(struct demo_gen *g, long at, int lo, int hi)
{
	return at - demo_uniform(g, (long)lo * 36525 / 100 + 1, (long)(hi + 1) * 36525 / 100 - 1);
}

/* Retirement basis for sex: men 60; women 50 (workers) or 55 (cadres). */
static enum retire_basis
demo_basis(struct demo_gen *g, int sex)
{
	if (sex == 1)
		return RETIRE_MALE_60;
	return demo_chance(g, 800) ? RETIRE_FEMALE_50 : RETIRE_FEMALE_55;
}

/*
 * Decide the status and its anchor dates: registration, job start,
 * closure, and the end of the unemployed period.
 */
static void
demo_plan_dates(struct demo_gen *g, struct demo_ctx *c)
{
	long t = g->today;
	int w[sizeof demo_exits / sizeof demo_exits[0]];
	size_t i;

	c->status = (enum case_status)demo_pick_index(g, demo_status_weight, CASE_NSTATUS);
	c->job = c->closed = -1;
	c->exit = NULL;
	c->open_unemployed = 0;
	c->lost_contact = 0;
	switch (c->status) {
	case CASE_REGISTERED:
		c->reg = t - demo_uniform(g, 0, 75);
		break;
	case CASE_RECOGNISED:
		c->reg = t - demo_uniform(g, 5, 200);
		break;
	case CASE_ASSISTING:
		/* a few long-term unemployed (连续失业一年以上) */
		c->reg = t - (demo_chance(g, 60) ? demo_uniform(g, 365, 700) : demo_uniform(g, 10, 130));
		break;
	case CASE_EMPLOYED:
		c->job = t - demo_uniform(g, 0, 170);
		c->reg = c->job - demo_uniform(g, 20, 120);
		break;
	case CASE_STABLE:
		c->job = t - demo_uniform(g, 195, 720);
		c->reg = c->job - demo_uniform(g, 20, 120);
		break;
	default:
		for (i = 0; i < sizeof w / sizeof w[0]; i++)
			w[i] = demo_exits[i].weight;
		c->exit = &demo_exits[demo_pick_index(g, w, sizeof w / sizeof w[0])];
		c->closed = t - demo_uniform(g, 0, 540);
		switch (c->exit->kind) {
		case DEMO_EXIT_JOB:
			/* closed when the six-month check is done */
			c->job = c->closed - demo_uniform(g, 185, 200);
			c->reg = c->job - demo_uniform(g, 20, 120);
			break;
		case DEMO_EXIT_NO_CONTACT:
			c->lost_contact = 1;
			c->reg = c->closed - demo_uniform(g, 190, 300);
			break;
		default:
			c->reg = c->closed - demo_uniform(g, 30, 200);
			break;
		}
		break;
	}
	if (c->job >= 0)
		c->window_end = c->job;
	else if (c->closed >= 0)
		c->window_end = c->closed;
	else {
		c->window_end = t + 1;
		c->open_unemployed = 1;
		c->lost_contact = c->status != CASE_REGISTERED && demo_chance(g, 40);
	}
}

/* Age, sex, birth and graduation for the person's profile; 1 if consistent. */
static int
demo_pick_person(struct demo_gen *g, struct demo_ctx *c)
{
	bf_date reg = demo_bf(g, c->reg);
	long lastday = c->closed >= 0 ? c->closed : g->today;
	int y;

	c->graduated = -1;
	c->sex = demo_chance(g, 500) ? 1 : 2;
	if (c->exit && c->exit->kind == DEMO_EXIT_RETIRED)
		c->group = DEMO_OLDER;
	else
		c->group = (enum demo_group)demo_pick_index(g, demo_group_weight, DEMO_NGROUPS);
	c->basis = demo_basis(g, c->sex);
	switch (c->group) {
	case DEMO_GRADUATE:
		y = reg.m > 6 ? reg.y : reg.y - 1;
		if (demo_chance(g, 350) && c->reg - date_to_days((bf_date){ y - 1, 6, 30 }) < 720)
			y--;
		c->graduated = date_to_days((bf_date){ y, 6, 30 });
		c->birth_day = date_to_days((bf_date){ y - 22 - (int)demo_uniform(g, 0, 2), 1, 1 })
		    + demo_uniform(g, 0, 364);
		break;
	case DEMO_OLDER:
		if (c->exit && c->exit->kind == DEMO_EXIT_RETIRED) {
			/* born so that retirement falls shortly before the closure */
			bf_date b = demo_bf(g, c->closed - demo_uniform(g, 0, 25));
			int d;

			b = date_add_months(b, -(int)c->basis * 12);
			d = retire_delay_months(b, c->basis);
			b = date_add_months(b, -d);
			c->birth_day = date_to_days(b);
			while (date_to_days(retire_date(demo_bf(g, c->birth_day), c->basis)) > c->closed)
				c->birth_day -= 28;
		} else if (c->sex == 2)
			c->birth_day = demo_birth_for_age(g, c->reg, 40, c->basis == RETIRE_FEMALE_50 ? 48 : 53);
		else
			c->birth_day = demo_birth_for_age(g, c->reg, 50, 58);
		break;
	case DEMO_ADULT:
		c->birth_day = demo_birth_for_age(g, c->reg, 25, c->sex == 2 ? 39 : 49);
		break;
	default:
		c->birth_day = demo_birth_for_age(g, c->reg, 16, 24);
		break;
	}
	c->birth = demo_bf(g, c->birth_day);
	if (date_age(c->birth, reg) < WORKING_AGE_MIN)
		return 0;
	if (!retire_in_working_age(c->birth, c->basis, reg))
		return 0;
	/* open cases are of working age today; closed ones up to the closure */
	if (!(c->exit && c->exit->kind == DEMO_EXIT_RETIRED) &&
	    !retire_in_working_age(c->birth, c->basis, demo_bf(g, lastday)))
		return 0;
	return 1;
}

/* The citizen ID for the person: unique within g, valid check character. */
static void
demo_citizen_id(struct demo_gen *g, struct demo_ctx *c, struct demo_person *p)
{
	char body[18];
	uint64_t v;
	long seq0, seq;
	size_t dist = c->hukou_district, tries;
	int i;

	for (tries = 0;; tries++) {
		memcpy(body, demo_districts[dist].code, 6);
		demo_digits(body + 6, c->birth.y, 4);
		demo_digits(body + 10, c->birth.m, 2);
		demo_digits(body + 12, c->birth.d, 2);
		/* the sequence number is odd for men, even for women */
		seq0 = (long)demo_below(g, 500);
		for (i = 0; i < 500; i++) {
			seq = ((seq0 + i) % 500) * 2 + (c->sex == 1 ? 1 : 0);
			demo_digits(body + 14, seq, 3);
			v = 0;
			for (int k = 0; k < 17; k++)
				v = v * 10 + (uint64_t)(body[k] - '0');
			if (demo_id_insert(g, v))
				goto found;
		}
		dist = (dist + 1) % demo_ndistricts;	/* all 500 taken: next district */
		if (tries > demo_ndistricts)
			abort();			/* over 19,000 people born on one day */
	}
found:
	c->hukou_district = dist;
	memcpy(p->citizen_id, body, 17);
	p->citizen_id[17] = idcard_check_char(body);
	p->citizen_id[18] = '\0';
	idcard_reverse(p->citizen_id, p->id_rev);
}

/* Name, its pinyin and per-character tokens. */
static void
demo_person_name(struct demo_gen *g, struct demo_ctx *c, struct demo_person *p)
{
	const char *s;
	size_t n;

	c->surname = demo_name(g, c->sex, demo_nsurnames, p->name, p->name_py, sizeof p->name_py,
	    p->name_pinyin, sizeof p->name_pinyin);
	/* "张 三": a space between UTF-8 characters */
	n = 0;
	for (s = p->name; *s; s++) {
		if (s != p->name && ((unsigned char)*s & 0xC0) != 0x80 && n + 1 < sizeof p->name_chars)
			p->name_chars[n++] = ' ';
		if (n + 1 < sizeof p->name_chars)
			p->name_chars[n++] = *s;
	}
	p->name_chars[n] = '\0';
}

/* Personal attributes: codes, addresses, phones, emergency contact. */
static void
demo_person_fields(struct demo_gen *g, struct demo_ctx *c, struct demo_person *p)
{
	const struct demo_district *hd = &demo_districts[c->hukou_district];
	const struct demo_district *rd = &demo_districts[c->district];
	int age = date_age(c->birth, g->today_d);
	size_t k;
	const char *rel;

	p->sex[0] = (char)('0' + c->sex);
	p->sex[1] = '\0';
	demo_date(g, c->birth_day, p->birth_date);
	if (hd->minority)
		demo_set(p->ethnicity, sizeof p->ethnicity, demo_pick_weighted(g, demo_ethnic_southeast,
		    sizeof demo_ethnic_southeast / sizeof demo_ethnic_southeast[0]));
	else
		demo_set(p->ethnicity, sizeof p->ethnicity, demo_pick_weighted(g, demo_ethnic_common,
		    sizeof demo_ethnic_common / sizeof demo_ethnic_common[0]));
	switch (c->group) {
	case DEMO_GRADUATE:
		demo_set(p->education, sizeof p->education, demo_pick_weighted(g, demo_edu_graduate,
		    sizeof demo_edu_graduate / sizeof demo_edu_graduate[0]));
		break;
	case DEMO_YOUNG:
		demo_set(p->education, sizeof p->education, demo_pick_weighted(g, demo_edu_young,
		    sizeof demo_edu_young / sizeof demo_edu_young[0]));
		break;
	case DEMO_OLDER:
		demo_set(p->education, sizeof p->education, demo_pick_weighted(g, demo_edu_older,
		    sizeof demo_edu_older / sizeof demo_edu_older[0]));
		break;
	default:
		demo_set(p->education, sizeof p->education, demo_pick_weighted(g, demo_edu_adult,
		    sizeof demo_edu_adult / sizeof demo_edu_adult[0]));
		break;
	}
	if (age < 23)
		demo_set(p->marital, sizeof p->marital, demo_chance(g, 900) ? "10" : "20");
	else if (age < 31)
		demo_set(p->marital, sizeof p->marital, demo_chance(g, 550) ? "10" : "20");
	else {
		static const struct demo_weighted m[] = {
			{ "20", 80 }, { "40", 10 }, { "10", 6 }, { "30", 3 }, { "90", 1 },
		};
		demo_set(p->marital, sizeof p->marital, demo_pick_weighted(g, m, sizeof m / sizeof m[0]));
	}
	if (age < 28) {
		static const struct demo_weighted pol[] = { { "03", 55 }, { "13", 38 }, { "01", 5 }, { "02", 2 } };
		demo_set(p->political, sizeof p->political, demo_pick_weighted(g, pol, sizeof pol / sizeof pol[0]));
	} else {
		static const struct demo_weighted pol[] = { { "13", 90 }, { "01", 8 }, { "03", 1 }, { "05", 1 } };
		demo_set(p->political, sizeof p->political, demo_pick_weighted(g, pol, sizeof pol / sizeof pol[0]));
	}
	demo_set(p->health, sizeof p->health, demo_pick_weighted(g, demo_health,
	    sizeof demo_health / sizeof demo_health[0]));
	demo_set(p->hukou_type, sizeof p->hukou_type,
	    demo_chance(g, hd->rural ? 750 : 400) ? "20" : "10");
	demo_set(p->hukou_region, sizeof p->hukou_region, hd->code);
	/* 户籍地址 */
	demo_set(p->hukou_address, sizeof p->hukou_address, "重庆市");
	demo_cat(p->hukou_address, sizeof p->hukou_address, hd->name);
	if (p->hukou_type[0] == '2') {
		demo_cat(p->hukou_address, sizeof p->hukou_address, demo_pick(g, &demo_towns));
		demo_cat(p->hukou_address, sizeof p->hukou_address, "镇");
		demo_cat(p->hukou_address, sizeof p->hukou_address, demo_pick(g, &demo_towns));
		demo_cat(p->hukou_address, sizeof p->hukou_address, "村");
		demo_cat_int(p->hukou_address, sizeof p->hukou_address, demo_uniform(g, 1, 12));
		demo_cat(p->hukou_address, sizeof p->hukou_address, "组");
	} else {
		demo_cat(p->hukou_address, sizeof p->hukou_address, demo_pick(g, &demo_roads));
	}
	demo_cat_int(p->hukou_address, sizeof p->hukou_address, demo_uniform(g, 1, 300));
	demo_cat(p->hukou_address, sizeof p->hukou_address, "号");
	/* 常住地址, in the community */
	demo_set(p->address, sizeof p->address, "重庆市");
	demo_cat(p->address, sizeof p->address, rd->name);
	demo_cat(p->address, sizeof p->address, g->org_short[p->org]);
	demo_cat(p->address, sizeof p->address, demo_pick(g, &demo_roads));
	demo_cat_int(p->address, sizeof p->address, demo_uniform(g, 1, 300));
	demo_cat(p->address, sizeof p->address, "号");
	demo_cat_int(p->address, sizeof p->address, demo_uniform(g, 1, 6));
	demo_cat(p->address, sizeof p->address, "单元");
	demo_cat_int(p->address, sizeof p->address, demo_uniform(g, 1, 32));
	demo_cat(p->address, sizeof p->address, "-");
	demo_cat_int(p->address, sizeof p->address, demo_uniform(g, 1, 8));
	if (demo_chance(g, 930))
		demo_mobile(g, p->phone);
	else
		p->phone[0] = '\0';
	if (demo_chance(g, 80)) {
		memcpy(p->landline, "023-6", 5);
		demo_digits(p->landline + 5, (long)demo_below(g, 10000000), 7);
		p->landline[12] = '\0';
	} else
		p->landline[0] = '\0';
	/* emergency contact: a parent's or sibling's name shares the surname */
	if (age < 25)
		rel = demo_pick_str(g, demo_relations_young, sizeof demo_relations_young / sizeof demo_relations_young[0]);
	else if (age < 45)
		rel = demo_pick_str(g, demo_relations_adult, sizeof demo_relations_adult / sizeof demo_relations_adult[0]);
	else
		rel = demo_pick_str(g, demo_relations_older, sizeof demo_relations_older / sizeof demo_relations_older[0]);
	demo_set(p->emergency_relation, sizeof p->emergency_relation, rel);
	for (k = 0; k < sizeof demo_relations / sizeof demo_relations[0]; k++)
		if (strcmp(demo_relations[k].code, rel) == 0)
			break;
	if (k == sizeof demo_relations / sizeof demo_relations[0])
		k = 0;
	demo_name(g, demo_relations[k].sex ? demo_relations[k].sex : 3 - c->sex,
	    demo_relations[k].same_surname ? c->surname : demo_nsurnames, p->emergency_name,
	    NULL, 0, NULL, 0);
	if (demo_chance(g, 900))
		demo_mobile(g, p->emergency_phone);
	else
		p->emergency_phone[0] = '\0';
	demo_cat_int(p->retire_basis, sizeof p->retire_basis, (long)c->basis);
}

/* Add a case event from -> to on day. */
static void
demo_event(struct demo_gen *g, struct demo_person *p, int from, enum case_status to, long day,
    const char *reason)
{
	struct demo_event *e;

	if (p->nevents >= DEMO_MAX_EVENTS)
		return;
	e = &p->events[p->nevents];
	/* one hour slot per event keeps same-day events in order */
	demo_ts(g, day, 8 + p->nevents, 9 + p->nevents, e->at);
	p->nevents++;
	demo_set(e->from_status, sizeof e->from_status,
	    from < 0 ? "" : case_status_code((enum case_status)from));
	demo_set(e->to_status, sizeof e->to_status, case_status_code(to));
	demo_set(e->reason, sizeof e->reason, reason ? reason : "");
	e->user_id = p->caseworker_id;
}

/* Add a category row; returns it, or NULL when full. */
static struct demo_category *
demo_add_category(struct demo_gen *g, struct demo_person *p, const char *code, long on,
    const char *evidence, int derived)
{
	struct demo_category *k;
	int i;

	for (i = 0; i < p->ncategories; i++)
		if (strcmp(p->categories[i].code, code) == 0)
			return NULL;
	if (p->ncategories >= DEMO_MAX_CATEGORIES)
		return NULL;
	k = &p->categories[p->ncategories++];
	memset(k, 0, sizeof *k);
	demo_set(k->code, sizeof k->code, code);
	demo_date(g, on, k->recognised_on);
	demo_set(k->evidence, sizeof k->evidence, evidence);
	k->derived = derived;
	demo_ts(g, on, 9, 17, k->created_at);
	return k;
}

/*
 * 就业困难人员 categories: the derived ones on the day they held while
 * registered (core/category), then hand-recorded ones by chance.  Rows
 * end when the registration ends (a job or closure) or 06 expires.
 * Returns the first recognition day, or -1 when none.
 */
static long
demo_categories(struct demo_gen *g, struct demo_ctx *c, struct demo_person *p)
{
	struct category_facts f;
	struct category_result r[CATEGORY_MAX_DERIVED];
	struct demo_category *k;
	long last = demo_min(c->window_end - 1, g->today), on, first = -1;
	long recog = demo_min(c->reg + demo_uniform(g, 0, 20), last);
	size_t i;
	int j;

	p->ncategories = 0;
	if (c->status == CASE_REGISTERED)
		return -1;
	memset(&f, 0, sizeof f);
	f.sex = c->sex;
	f.birth = c->birth;
	f.basis = c->basis;
	f.registered = 1;
	f.registered_on = demo_bf(g, c->reg);
	if (c->graduated >= 0) {
		f.graduated = 1;
		f.graduated_on = demo_bf(g, c->graduated);
	}
	/* 01 and 06 as of the recognition day; 11 as of the last registered day */
	category_derive(&g->cp, &f, demo_bf(g, recog), r);
	for (j = 0; j < 2; j++) {
		if (!r[j].applies)
			continue;
		on = demo_max(recog, demo_day(r[j].since));
		k = demo_add_category(g, p, r[j].code, on, j == 0 ? "身份证号和失业登记" : "毕业证书", 1);
		if (k && r[j].has_expiry) {
			long exp = demo_day(r[j].expires_on);

			demo_date(g, exp, k->expires_on);
			if (exp < last && exp < g->today) {
				demo_date(g, exp + 1, k->ended_on);
				demo_set(k->end_reason, sizeof k->end_reason, "离校已满两年");
			}
		}
	}
	if (last - c->reg >= 360)	/* 11 needs a year; skip the work otherwise */
		category_derive(&g->cp, &f, demo_bf(g, last), r);
	if (last - c->reg >= 360 && r[2].applies) {
		on = demo_min(demo_day(r[2].since) + demo_uniform(g, 0, 10), last);
		demo_add_category(g, p, r[2].code, on, "失业登记日期", 1);
	}
	for (i = 0; i < sizeof demo_manual_categories / sizeof demo_manual_categories[0]; i++) {
		const struct demo_manual_category *m = &demo_manual_categories[i];

		if ((strcmp(m->code, "05") == 0 || strcmp(m->code, "12") == 0) && p->hukou_type[0] != '2')
			continue;
		if (strcmp(m->code, "07") == 0 && c->sex != 1)
			continue;
		if (demo_chance(g, m->per_mille))
			demo_add_category(g, p, m->code, recog, m->evidence, 0);
	}
	if (p->health[0] == '6') {
		char ev[DEMO_SHORT_LEN];

		demo_set(ev, sizeof ev, "残疾人证号 ");
		demo_cat(ev, sizeof ev, p->citizen_id);
		demo_cat_int(ev, sizeof ev, demo_uniform(g, 1, 7));
		demo_cat_int(ev, sizeof ev, demo_uniform(g, 2, 4));
		demo_add_category(g, p, "02", recog, ev, 0);
	}
	if (p->ncategories == 0 && c->status == CASE_RECOGNISED)
		demo_add_category(g, p, p->hukou_type[0] == '2' ? "05" : "03", recog,
		    p->hukou_type[0] == '2' ? "防返贫监测系统标识" : "低保证", 0);
	for (j = 0; j < p->ncategories; j++) {
		k = &p->categories[j];
		if (first < 0 || strcmp(k->recognised_on, p->categories[first].recognised_on) < 0)
			first = j;
		if (!k->ended_on[0] && c->window_end <= g->today) {
			demo_date(g, c->window_end, k->ended_on);
			demo_set(k->end_reason, sizeof k->end_reason,
			    c->job >= 0 ? "已实现就业，失业登记注销" : "失业登记注销");
		}
	}
	c->hardship = p->ncategories > 0;
	return first < 0 ? -1 : demo_iso_day(p->categories[first].recognised_on);
}

/* The unemployment registration (one, active unless the period ended). */
static void
demo_registration(struct demo_gen *g, struct demo_ctx *c, struct demo_person *p,
    const struct demo_form_def *form)
{
	struct demo_registration *r = &p->registrations[p->nregistrations++];
	const char *reason;
	long since, adult = c->birth_day + 16 * 366;

	memset(r, 0, sizeof *r);
	demo_date(g, c->reg, r->registered_on);
	if (c->loss)
		reason = c->loss->reason;
	else if (c->group == DEMO_GRADUATE)
		reason = "06";
	else if (c->group == DEMO_YOUNG)
		reason = demo_pick_weighted(g, demo_reason_young,
		    sizeof demo_reason_young / sizeof demo_reason_young[0]);
	else
		reason = demo_pick_weighted(g, demo_reason_adult,
		    sizeof demo_reason_adult / sizeof demo_reason_adult[0]);
	demo_set(r->reason, sizeof r->reason, reason);
	if (c->prior_end >= 0)
		demo_date(g, c->prior_end, r->unemployed_since);
	else if (c->graduated >= 0)
		demo_date(g, c->graduated, r->unemployed_since);
	else if (strcmp(reason, "11") != 0) {
		since = demo_max(c->reg - demo_uniform(g, 0, 150), demo_min(adult, c->reg));
		demo_date(g, since, r->unemployed_since);
	}
	if (c->prior_end >= 0) {
		demo_set(r->prev_employer, sizeof r->prev_employer, p->employments[0].employer);
		demo_set(r->prev_occupation, sizeof r->prev_occupation, p->employments[0].post);
		demo_set(r->prev_income_band, sizeof r->prev_income_band,
		    demo_income_bands[p->employments[0].monthly_income < 3000 ? 1 : 2]);
	} else if (reason[0] == '0' && reason[1] >= '1' && reason[1] <= '5') {	/* left a job */
		demo_employer(g, r->prev_employer, sizeof r->prev_employer);
		demo_set(r->prev_occupation, sizeof r->prev_occupation, demo_pick(g, &demo_occupations));
		demo_set(r->prev_income_band, sizeof r->prev_income_band, demo_pick_str(g, demo_income_bands,
		    sizeof demo_income_bands / sizeof demo_income_bands[0]));
	} else if (strcmp(reason, "10") == 0) {
		demo_set(r->prev_employer, sizeof r->prev_employer, demo_pick(g, &demo_platforms));
		demo_set(r->prev_income_band, sizeof r->prev_income_band, demo_income_bands[demo_below(g, 2)]);
	}
	/* 失业保险金: involuntary job loss only */
	if ((strcmp(reason, "01") == 0 || strcmp(reason, "02") == 0 || strcmp(reason, "04") == 0) &&
	    demo_chance(g, 450)) {
		long to = demo_add_months(g, c->reg, (int)demo_uniform(g, 3, 24)) - 1;

		if (c->window_end <= g->today)
			to = demo_min(to, c->window_end - 1);
		r->benefit = 1;
		demo_date(g, c->reg, r->benefit_from);
		demo_date(g, demo_max(to, c->reg), r->benefit_to);
	}
	/* 就业创业证号: district, hukou type, year, sequence; one card a person */
	if (p->nregistrations > 1)
		memcpy(r->card_no, p->registrations[0].card_no, sizeof r->card_no);
	else {
		memcpy(r->card_no, demo_districts[c->district].code, 6);
		r->card_no[6] = p->hukou_type[0] == '2' ? '2' : '1';
		r->card_no[7] = (char)('0' + demo_below(g, 10));
		demo_digits(r->card_no + 8, demo_bf(g, c->reg).y % 100, 2);
		demo_digits(r->card_no + 10, (long)demo_below(g, 1000000), 6);
		r->card_no[16] = '\0';
	}
	if (c->window_end <= g->today) {
		demo_date(g, c->window_end, r->cancelled_on);
		demo_set(r->cancel_reason, sizeof r->cancel_reason,
		    c->job >= 0 ? form->cancel : c->exit->cancel);
	}
	demo_ts(g, c->reg, 8, 9, r->created_at);
}

/*
 * A name for the caseworker of org i (plan.responsible), the same on every
 * call: drawn from a copy of g whose PRNG is seeded from the caseworker
 * id (or the org index when there is none), so g's own stream is untouched.
 */
static void
demo_worker_name(const struct demo_gen *g, size_t i, char out[DEMO_NAME_LEN])
{
	struct demo_gen tmp;
	uint64_t x = g->org_worker[i] ? (uint64_t)g->org_worker[i] : ((uint64_t)1 << 40) + i;
	int j;

	tmp = *g;
	for (j = 0; j < 4; j++)
		tmp.s[j] = demo_splitmix(&x);
	demo_name(&tmp, demo_chance(&tmp, 600) ? 2 : 1, demo_nsurnames, out, NULL, 0, NULL, 0);
}

/* The measure definition of type, or the first one. */
static const struct demo_measure_def *
demo_measure_def(const char *type)
{
	size_t i;

	for (i = 0; i < sizeof demo_measure_defs / sizeof demo_measure_defs[0]; i++)
		if (strcmp(demo_measure_defs[i].type, type) == 0)
			return &demo_measure_defs[i];
	return &demo_measure_defs[0];
}

/* Add a service on day of type (measure index or -1); NULL when full. */
static struct demo_service *
demo_add_service(struct demo_gen *g, struct demo_ctx *c, struct demo_person *p, long day,
    const char *type, int measure)
{
	const struct demo_measure_def *d = demo_measure_def(type);
	struct demo_service *s;

	if (p->nservices >= DEMO_MAX_SERVICES)
		return NULL;
	c->sday[p->nservices] = day;
	s = &p->services[p->nservices++];
	s->measure = measure;
	demo_date(g, day, s->served_on);
	demo_set(s->type, sizeof s->type, d->type);
	s->method[0] = d->methods[demo_below(g, (uint32_t)strlen(d->methods))];
	s->method[1] = '\0';
	demo_set(s->content, sizeof s->content, d->content);
	demo_set(s->result, sizeof s->result, d->results[demo_below(g, 3)]);
	if (c->open_unemployed && demo_chance(g, 700))
		demo_date(g, demo_add_months(g, day, 1), s->next_contact_on);
	else
		s->next_contact_on[0] = '\0';
	s->worker_id = p->caseworker_id;
	demo_ts(g, day, 9, 18, s->created_at);
	return s;
}

/* Add a plan version made on day from template t; returns its index. */
static int
demo_add_plan(struct demo_gen *g, struct demo_person *p, const struct demo_template *t, long day,
    const char *status, int supersedes, const char *goal)
{
	struct demo_plan *pl = &p->plans[p->nplans];
	int i;

	memset(pl, 0, sizeof *pl);
	pl->version_no = p->nplans + 1;
	pl->supersedes = supersedes;
	demo_set(pl->template_id, sizeof pl->template_id, t->id);
	demo_set(pl->status, sizeof pl->status, status);
	demo_set(pl->goal, sizeof pl->goal, goal ? goal : t->goal);
	demo_date(g, day, pl->made_on);
	demo_date(g, day + t->target_days, pl->target_on);
	demo_worker_name(g, p->org, pl->responsible);
	demo_ts(g, day, 9, 18, pl->created_at);
	for (i = 0; i < t->nm && p->nmeasures < DEMO_MAX_MEASURES; i++) {
		struct demo_measure *m = &p->measures[p->nmeasures++];

		m->plan = p->nplans;
		demo_set(m->type, sizeof m->type, t->m[i].type);
		m->target_count = t->m[i].count;
		demo_date(g, day + t->m[i].due_days, m->due_on);
		m->worker_id = p->caseworker_id;
		demo_set(m->note, sizeof m->note, "");
	}
	return p->nplans++;
}

/*
 * Deliver the measures of plan index pi (made on day) as services: each
 * unit is planned evenly up to the measure's due day and delivered if it
 * falls before until (exclusive) and today, with chance per mille.
 */
static void
demo_deliver(struct demo_gen *g, struct demo_ctx *c, struct demo_person *p, int pi, long made,
    const struct demo_template *t, long until, int chance)
{
	int i, u, mi = 0;
	long day;

	for (i = 0; i < p->nmeasures; i++) {
		if (p->measures[i].plan != pi)
			continue;
		for (u = 0; u < p->measures[i].target_count; u++) {
			int k = p->measures[i].target_count;
			long span = t->m[mi].due_days;

			day = made + span * (u + 1) / k - demo_uniform(g, 0, span / (2 * k));
			day = demo_max(day, made);
			if (day < until && day <= g->today && demo_chance(g, chance))
				demo_add_service(g, c, p, day, p->measures[i].type, i);
		}
		mi++;
	}
}

/* Sort the services by day (few; insertion sort keeps equal days in order). */
static void
demo_sort_services(struct demo_ctx *c, struct demo_person *p)
{
	struct demo_service tmp;
	long td;
	int i, j;

	for (i = 1; i < p->nservices; i++) {
		if (c->sday[i] >= c->sday[i - 1])
			continue;
		tmp = p->services[i];
		td = c->sday[i];
		for (j = i; j > 0 && c->sday[j - 1] > td; j--) {
			p->services[j] = p->services[j - 1];
			c->sday[j] = c->sday[j - 1];
		}
		p->services[j] = tmp;
		c->sday[j] = td;
	}
}

/* Which template suits the person. */
static int
demo_template_for(struct demo_gen *g, const struct demo_ctx *c)
{
	switch (c->group) {
	case DEMO_GRADUATE:
		return DEMO_T_GRADUATE;
	case DEMO_OLDER:
		return demo_chance(g, 500) ? DEMO_T_OLDER : DEMO_T_HARDSHIP;
	case DEMO_YOUNG:
		return DEMO_T_YOUNG;
	default:
		return c->hardship ? DEMO_T_HARDSHIP : DEMO_T_GENERAL;
	}
}

/* Add a follow-up scheduled on made (the last contact), due on due; NULL when full. */
static struct demo_followup *
demo_add_followup(struct demo_gen *g, struct demo_person *p, long made, long due, const char *kind,
    long done, const char *result)
{
	struct demo_followup *f;

	if (p->nfollowups >= DEMO_MAX_FOLLOWUPS)
		return NULL;
	f = &p->followups[p->nfollowups++];
	demo_date(g, due, f->due_on);
	demo_set(f->kind, sizeof f->kind, kind);
	f->service = -1;
	f->worker_id = p->caseworker_id;
	if (done >= 0) {
		demo_date(g, done, f->done_on);
		f->method[0] = demo_chance(g, 700) ? '1' : demo_chance(g, 600) ? '2' : '4';
		f->method[1] = '\0';
		demo_set(f->result, sizeof f->result, result);
	} else {
		f->done_on[0] = '\0';
		f->method[0] = '\0';
		f->result[0] = '\0';
	}
	demo_ts(g, demo_min(made, g->today), 9, 18, f->created_at);
	return f;
}

static const char *const demo_monthly_results[] = {
	"仍在求职，已推送岗位信息", "暂未就业，有参加培训意愿", "正在面试，等待结果",
	"暂未就业，近期身体不适", "照顾家人，暂缓求职",
};

/*
 * Monthly follow-ups while unemployed: one falls due a month after the
 * last contact (core/followup_rules); services in between are contacts.
 * Contacts stop at cend (exclusive) for people who lost contact.
 */
static void
demo_monthly_followups(struct demo_gen *g, struct demo_ctx *c, struct demo_person *p, long cend)
{
	bf_date regd = demo_bf(g, c->reg), lastd;
	long last = c->reg, due, done;
	int si = 0, nsorted = p->nservices;
	struct demo_followup *f;

	while (p->nfollowups < DEMO_MAX_FOLLOWUPS - FOLLOWUP_MAX_STABILITY) {
		lastd = demo_bf(g, last);
		due = demo_day(followup_next_unemployed(&g->fp, regd, &lastd));
		if (si < nsorted && c->sday[si] <= due) {
			last = demo_max(last, c->sday[si++]);
			continue;
		}
		if (due >= c->window_end) {
			if (c->open_unemployed)
				demo_add_followup(g, p, last, due, "monthly", -1, NULL);
			break;
		}
		if (due >= cend) {
			if (c->open_unemployed)
				demo_add_followup(g, p, last, due, "monthly", -1, NULL);
			break;
		}
		if (c->open_unemployed && demo_add_months(g, due, 1) > g->today && demo_chance(g, 150)) {
			demo_add_followup(g, p, last, due, "monthly", -1, NULL);	/* overdue */
			break;
		}
		done = due + demo_uniform(g, -3, 7);
		done = demo_min(demo_min(done, c->window_end - 1), demo_min(cend - 1, g->today));
		if (done <= last)
			done = last + 1;
		if (done >= demo_min(c->window_end, cend) || done > g->today) {
			if (c->open_unemployed)
				demo_add_followup(g, p, last, due, "monthly", -1, NULL);
			break;
		}
		f = demo_add_followup(g, p, last, due, "monthly", done, demo_pick_str(g, demo_monthly_results,
		    sizeof demo_monthly_results / sizeof demo_monthly_results[0]));
		if (f && f->method[0] == '2' && p->nservices < DEMO_MAX_SERVICES) {
			/* a home visit is also a service record */
			struct demo_service *s = demo_add_service(g, c, p, done, "02", -1);

			if (s) {
				demo_set(s->content, sizeof s->content, "上门回访，了解求职进展并开展职业指导");
				f->service = p->nservices - 1;
			}
		}
		last = done;
	}
}

static const char *const demo_stable_results[] = {
	"在岗稳定，收入正常", "在岗，已签订劳动合同", "工作稳定，无需帮扶",
};

/*
 * Stability checks after the job starts (1, 3, 6 months).  Done ones up
 * to end; the first one not done stays open.  Returns the day the last
 * (six-month) check was done, or -1.
 */
static long
demo_stability_followups(struct demo_gen *g, struct demo_ctx *c, struct demo_person *p, long end,
    int force)
{
	struct followup_due d[FOLLOWUP_MAX_STABILITY];
	int n = followup_stability_schedule(&g->fp, demo_bf(g, c->job), d), i;
	long due, done = -1, prev = c->job;

	for (i = 0; i < n; i++) {
		due = demo_day(d[i].due);
		if (due > end) {
			if (c->closed < 0)
				demo_add_followup(g, p, prev, due, d[i].kind, -1, NULL);
			return -1;
		}
		if (!force && demo_chance(g, 80)) {
			if (c->closed < 0)
				demo_add_followup(g, p, prev, due, d[i].kind, -1, NULL);	/* overdue */
			return -1;
		}
		done = demo_max(prev + 1, demo_min(due + demo_uniform(g, 0, 7), end));
		demo_add_followup(g, p, prev, due, d[i].kind, done, demo_pick_str(g, demo_stable_results,
		    sizeof demo_stable_results / sizeof demo_stable_results[0]));
		prev = done;
	}
	return done;
}

/* The employment outcome that started on c->job, in form f. */
static void
demo_employment(struct demo_gen *g, struct demo_ctx *c, struct demo_person *p,
    const struct demo_form_def *f)
{
	struct demo_employment *e = &p->employments[p->nemployments++];
	const struct demo_district *d = &demo_districts[c->district];

	memset(e, 0, sizeof *e);
	demo_set(e->form, sizeof e->form, f->form);
	switch (atoi(f->form)) {
	case 12:
		demo_set(e->employer, sizeof e->employer, "重庆市");
		demo_cat(e->employer, sizeof e->employer, d->name);
		demo_cat(e->employer, sizeof e->employer, demo_chance(g, 500) ? "城市管理局" : "人力资源和社会保障局");
		demo_credit_code(g, d->code, '1', e->credit_code, sizeof e->credit_code);
		demo_set(e->post, sizeof e->post, demo_pick(g, &demo_public_posts));
		demo_date(g, demo_add_months(g, c->job,
		    retire_within_years(c->birth, c->basis, demo_bf(g, c->job), 5) ? 60 : 36) - 1,
		    e->subsidy_until);
		break;
	case 21:
		demo_set(e->employer, sizeof e->employer, demo_pick(g, &demo_platforms));
		demo_set(e->post, sizeof e->post, "灵活就业");
		break;
	case 31:
		demo_set(e->employer, sizeof e->employer, d->name);
		demo_cat(e->employer, sizeof e->employer, demo_surname(g));
		demo_cat(e->employer, sizeof e->employer, demo_chance(g, 500) ? "记小吃店" : "记便利店");
		demo_credit_code(g, d->code, '2', e->credit_code, sizeof e->credit_code);
		demo_set(e->post, sizeof e->post, "个体经营");
		break;
	case 41:
		demo_set(e->employer, sizeof e->employer, d->name);
		demo_cat(e->employer, sizeof e->employer, demo_pick(g, &demo_towns));
		demo_cat(e->employer, sizeof e->employer, "村以工代赈项目");
		demo_set(e->post, sizeof e->post, "务工");
		break;
	case 51:
		demo_set(e->employer, sizeof e->employer, demo_chance(g, 500) ? "广东省东莞市" : "浙江省宁波市");
		demo_cat(e->employer, sizeof e->employer, demo_pick(g, &demo_firm_stems));
		demo_cat(e->employer, sizeof e->employer, "电子有限公司");
		demo_set(e->post, sizeof e->post, demo_pick(g, &demo_occupations));
		break;
	default:	/* 11, 13, 32 */
		demo_employer(g, e->employer, sizeof e->employer);
		if (strcmp(f->form, "13") == 0)
			demo_cat(e->employer, sizeof e->employer, "就业帮扶车间");
		demo_credit_code(g, d->code, '1', e->credit_code, sizeof e->credit_code);
		demo_set(e->post, sizeof e->post, strcmp(f->form, "32") == 0 ? "法定代表人" :
		    demo_pick(g, &demo_occupations));
		break;
	}
	demo_date(g, c->job, e->started_on);
	e->monthly_income = (int)demo_uniform(g, f->income_lo / 100, f->income_hi / 100) * 100;
	e->insured = demo_chance(g, f->insured_per_mille);
	demo_ts(g, c->job, 9, 18, e->created_at);
}

/* The employment form for the person, by weight (hardship or general). */
static const struct demo_form_def *
demo_form_for(struct demo_gen *g, const struct demo_ctx *c)
{
	int w[sizeof demo_forms / sizeof demo_forms[0]];
	size_t i;

	for (i = 0; i < sizeof w / sizeof w[0]; i++)
		w[i] = c->hardship || c->group == DEMO_OLDER ? demo_forms[i].weight_hardship :
		    demo_forms[i].weight_general;
	return &demo_forms[demo_pick_index(g, w, sizeof w / sizeof w[0])];
}

/*
 * An earlier episode for a reopened case: registered on prior_reg, into
 * a job on prior_job (registration cancelled, reason 1), which ended on
 * prior_end; the case reopens (employed -> assisting) on the current
 * registration.  Writes registrations[0], employments[0] and the events.
 */
static void
demo_prior_episode(struct demo_gen *g, struct demo_ctx *c, struct demo_person *p)
{
	struct demo_registration *r;
	struct demo_employment *e;
	long end = c->reg - demo_uniform(g, 10, 120);
	long job = end - demo_uniform(g, 180, 1000);
	long reg = job - demo_uniform(g, 20, 200);
	char why[DEMO_SHORT_LEN];

	if (date_age(c->birth, demo_bf(g, reg)) < 18 ||
	    !retire_in_working_age(c->birth, c->basis, demo_bf(g, reg)))
		return;
	c->prior_reg = reg;
	c->prior_job = job;
	c->prior_end = end;
	c->loss = &demo_job_losses[demo_below(g, sizeof demo_job_losses / sizeof demo_job_losses[0])];

	r = &p->registrations[p->nregistrations++];
	memset(r, 0, sizeof *r);
	demo_date(g, reg, r->registered_on);
	demo_date(g, reg - demo_uniform(g, 0, 60), r->unemployed_since);
	demo_set(r->reason, sizeof r->reason, demo_pick_weighted(g, demo_reason_adult,
	    sizeof demo_reason_adult / sizeof demo_reason_adult[0]));
	if (r->reason[0] == '0' && r->reason[1] >= '1' && r->reason[1] <= '5') {	/* left a job */
		demo_employer(g, r->prev_employer, sizeof r->prev_employer);
		demo_set(r->prev_occupation, sizeof r->prev_occupation, demo_pick(g, &demo_occupations));
		demo_set(r->prev_income_band, sizeof r->prev_income_band, demo_pick_str(g, demo_income_bands,
		    sizeof demo_income_bands / sizeof demo_income_bands[0]));
	}
	memcpy(r->card_no, demo_districts[c->district].code, 6);
	r->card_no[6] = p->hukou_type[0] == '2' ? '2' : '1';
	r->card_no[7] = (char)('0' + demo_below(g, 10));
	demo_digits(r->card_no + 8, demo_bf(g, reg).y % 100, 2);
	demo_digits(r->card_no + 10, (long)demo_below(g, 1000000), 6);
	r->card_no[16] = '\0';
	demo_date(g, job, r->cancelled_on);
	demo_set(r->cancel_reason, sizeof r->cancel_reason, "1");
	demo_ts(g, reg, 8, 9, r->created_at);

	e = &p->employments[p->nemployments++];
	memset(e, 0, sizeof *e);
	demo_set(e->form, sizeof e->form, "11");
	demo_employer(g, e->employer, sizeof e->employer);
	demo_credit_code(g, demo_districts[c->district].code, '1', e->credit_code, sizeof e->credit_code);
	demo_set(e->post, sizeof e->post, demo_pick(g, &demo_occupations));
	demo_date(g, job, e->started_on);
	demo_date(g, end, e->ended_on);
	demo_set(e->end_reason, sizeof e->end_reason, c->loss->end_reason);
	e->monthly_income = (int)demo_uniform(g, 25, 60) * 100;
	e->insured = 1;
	demo_ts(g, job, 9, 18, e->created_at);

	demo_event(g, p, -1, CASE_REGISTERED, reg, NULL);
	demo_event(g, p, CASE_REGISTERED, CASE_EMPLOYED, job, NULL);
	demo_set(why, sizeof why, "失业重开：");
	demo_cat(why, sizeof why, c->loss->end_reason);
	demo_event(g, p, CASE_EMPLOYED, CASE_ASSISTING, c->reg, why);
}

/* Fill *out with the next person and every row that belongs to it. */
int
demo_gen_person(struct demo_gen *g, struct demo_person *out)
{
	struct demo_ctx c;
	const struct demo_form_def *form = NULL;
	const struct demo_template *t = NULL;
	long recog, cend, plan2 = -1, stable_day = -1, day, until;
	int tries, cur, pi = -1;
	enum case_status st;

	memset(out, 0, offsetof(struct demo_person, ncategories));
	out->nplans = out->nmeasures = out->nservices = out->nfollowups = 0;
	out->nemployments = out->nevents = out->ncategories = out->nregistrations = 0;
	c.plan_template = -1;
	c.hardship = 0;

	/* who and when: retry the profile until ages and dates agree */
	for (tries = 0;; tries++) {
		demo_plan_dates(g, &c);
		if (demo_pick_person(g, &c))
			break;
		if (tries > 50)
			abort();	/* unreachable with these tables */
	}
	out->org = (size_t)demo_below(g, (uint32_t)g->norgs);
	out->caseworker_id = g->org_worker[out->org];
	memcpy(out->community_code, g->org_code[out->org], DEMO_ORG_LEN);
	c.district = g->org_district[out->org];
	c.hukou_district = demo_chance(g, 720) ? c.district : demo_below(g, (uint32_t)demo_ndistricts);
	demo_citizen_id(g, &c, out);
	demo_person_name(g, &c, out);
	demo_person_fields(g, &c, out);
	c.prior_reg = c.prior_job = c.prior_end = -1;
	c.loss = NULL;
	if ((c.status == CASE_ASSISTING || c.status == CASE_EMPLOYED || c.status == CASE_STABLE) &&
	    (c.group == DEMO_ADULT || c.group == DEMO_OLDER) && demo_chance(g, 150))
		demo_prior_episode(g, &c, out);

	/* when contact stops for those who lose touch */
	cend = c.window_end;
	if (c.lost_contact) {
		if (c.closed >= 0)
			day = demo_add_months(g, c.closed, -6) - demo_uniform(g, 0, 30);
		else
			day = g->today - demo_uniform(g, 100, 300);
		cend = demo_max(day, c.reg) + 1;
	}

	recog = demo_categories(g, &c, out);
	if (recog > c.reg + 30 && c.status != CASE_RECOGNISED)
		recog = -1;	/* only 11 (a year on): no recognition step, the plan does not wait */
	if (c.job >= 0)
		form = demo_form_for(g, &c);
	demo_registration(g, &c, out, form);

	/* events: registration (or reopening), recognition */
	if (c.prior_end >= 0)
		cur = CASE_ASSISTING;
	else {
		demo_event(g, out, -1, CASE_REGISTERED, c.reg, NULL);
		cur = CASE_REGISTERED;
	}
	memcpy(out->created_at, out->events[0].at, DEMO_TS_LEN);
	if (recog >= 0 && cur == CASE_REGISTERED && c.status != CASE_REGISTERED) {
		demo_event(g, out, cur, CASE_RECOGNISED, recog, "认定为就业困难人员");
		cur = CASE_RECOGNISED;
	}

	/* plan */
	until = demo_min(c.window_end, cend);
	if (c.status == CASE_ASSISTING ||
	    ((c.status == CASE_EMPLOYED || c.status == CASE_STABLE) && demo_chance(g, 550)) ||
	    (c.status == CASE_CLOSED && demo_chance(g, 500)) ||
	    (c.status == CASE_RECOGNISED && demo_chance(g, 300))) {
		c.plan_template = demo_template_for(g, &c);
		t = &demo_templates[c.plan_template];
		c.plan_day = demo_max(c.reg + demo_uniform(g, 3, 25), recog);
		c.plan_day = demo_min(c.plan_day, demo_min(until - 1, g->today));
		c.plan_day = demo_max(c.plan_day, demo_max(c.reg, recog));
		if (c.status == CASE_RECOGNISED)
			pi = demo_add_plan(g, out, t, c.plan_day, "draft", -1, NULL);
		else if (c.status == CASE_ASSISTING && g->today - c.plan_day > 120 && demo_chance(g, 200)) {
			plan2 = c.plan_day + demo_uniform(g, 60, g->today - c.plan_day);
			pi = demo_add_plan(g, out, t, c.plan_day, "revised", -1, NULL);
			demo_deliver(g, &c, out, pi, c.plan_day, t, demo_min(plan2, until), 850);
			pi = demo_add_plan(g, out, &demo_templates[DEMO_T_GENERAL], plan2, "active", pi,
			    "调整帮扶措施：加强岗位推荐，尽快实现就业");
			t = &demo_templates[DEMO_T_GENERAL];
		} else
			pi = demo_add_plan(g, out, t, c.plan_day,
			    c.status == CASE_ASSISTING ? "active" : "completed", -1, NULL);
		if (c.status != CASE_RECOGNISED) {
			demo_deliver(g, &c, out, pi, plan2 >= 0 ? plan2 : c.plan_day, t, until,
			    c.status == CASE_ASSISTING ? 800 : 850);
			if (cur != CASE_ASSISTING)
				demo_event(g, out, cur, CASE_ASSISTING, c.plan_day, "制定帮扶计划，纳入帮扶");
			cur = CASE_ASSISTING;
		}
	}
	/* intake: policies explained on the day of registration */
	if (demo_chance(g, 350))
		demo_add_service(g, &c, out, c.reg, "01", -1);
	/* the job offer that worked */
	if (c.job >= 0 && (form->form[0] == '1' || form->form[0] == '5') && c.job - 1 > c.reg &&
	    demo_chance(g, 600)) {
		struct demo_service *s = demo_add_service(g, &c, out,
		    demo_max(c.reg + 1, c.job - demo_uniform(g, 3, 20)), "03", -1);

		if (s)
			demo_set(s->result, sizeof s->result, "已录用，签订劳动合同");
	}
	demo_sort_services(&c, out);
	demo_monthly_followups(g, &c, out, cend);

	/* outcome */
	if (c.job >= 0) {
		demo_employment(g, &c, out, form);
		demo_event(g, out, cur, CASE_EMPLOYED, c.job, NULL);
		cur = CASE_EMPLOYED;
		stable_day = demo_stability_followups(g, &c, out, c.closed >= 0 ? c.closed : g->today,
		    c.status == CASE_STABLE || c.status == CASE_CLOSED);
		if (stable_day >= 0) {
			demo_event(g, out, cur, CASE_STABLE, stable_day, "稳定就业满6个月");
			cur = CASE_STABLE;
		}
	}
	if (c.closed >= 0) {
		c.closed = demo_max(c.closed, stable_day);
		demo_event(g, out, cur, CASE_CLOSED, c.closed, c.exit->reason);
		demo_set(out->exit_reason, sizeof out->exit_reason, c.exit->reason);
		cur = CASE_CLOSED;
	}
	st = (enum case_status)cur;
	demo_set(out->status, sizeof out->status, case_status_code(st));
	memcpy(out->status_since, out->events[out->nevents - 1].at, 10);
	out->status_since[10] = '\0';
	memcpy(out->updated_at, out->events[out->nevents - 1].at, DEMO_TS_LEN);
	g->count++;
	return BF_OK;
}
