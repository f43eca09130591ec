/*
 * category.c -- 就业困难人员 categories: the code list of domain-data.md
 * §3.3 and the three that follow from dates already on file.
 *
 *   01 登记失业的"4050"人员: women from 40, men from 50, with an active
 *      unemployment registration (Chongqing requires both).
 *   06 离校两年内高校毕业生: from leaving school until two years later
 *      (inclusive), with an active registration by default.
 *   11 连续失业一年以上人员: registered unemployed for a year or more.
 *
 * Each rule fills one result row with a sentence saying why it holds or
 * why not; a caseworker confirms before anything is recognised.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/category.h"

static const struct category_def category_list[] = {
	{ "01", "登记失业的“4050”人员", 1, 1,
	  "由身份证号和失业登记自动判断：女满 40 周岁、男满 50 周岁，且有有效失业登记" },
	{ "02", "残疾人员", 1, 0, "残疾人证号（20 位），记录类别和等级" },
	{ "03", "低保家庭人员", 1, 0, "低保证号或民政比对结果" },
	{ "04", "零就业家庭人员", 1, 0, "家庭成员登记" },
	{ "05", "脱贫人口（含防止返贫监测对象）", 1, 0,
	  "乡村振兴/农业农村部门的系统标识（要求本市户籍）" },
	{ "06", "离校两年内高校毕业生", 1, 1,
	  "毕业证书和毕业时间（登记失业），超过 2 年自动失效" },
	{ "07", "复员退伍军人", 1, 0, "退出现役证" },
	{ "08", "刑满释放人员", 1, 0, "释放证明书或解除社区矫正宣告书" },
	{ "09", "戒毒康复人员", 1, 0, "相关决定书" },
	{ "10", "化解过剩产能企业职工", 1, 0, "单位证明" },
	{ "11", "连续失业一年以上人员", 0, 1, "由失业登记日期自动计算" },
	{ "12", "被征地农民", 0, 0, "征地证明" },
	{ "99", "市政府确定的其他就业困难人员", 1, 0, "备注" },
};

#define CATEGORY_NDEFS (sizeof category_list / sizeof category_list[0])

/* The whole code list, in code order. */
const struct category_def *
category_defs(size_t *n)
{
	*n = CATEGORY_NDEFS;
	return category_list;
}

/* The definition of code, or NULL. */
const struct category_def *
category_find(const char *code)
{
	size_t i;

	if (code == NULL)
		return NULL;
	for (i = 0; i < CATEGORY_NDEFS; i++)
		if (strcmp(category_list[i].code, code) == 0)
			return &category_list[i];
	return NULL;
}

/* The label of code, or NULL. */
const char *
category_label(const char *code)
{
	const struct category_def *d = category_find(code);

	return d ? d->label : NULL;
}

/* The defaults: 40/50, two years after school, one year unemployed. */
void
category_params_default(struct category_params *p)
{
	p->female_4050_age = 40;
	p->male_4050_age = 50;
	p->graduate_months = 24;
	p->graduate_needs_registration = 1;
	p->long_unemployed_months = 12;
}

static void category_why(struct category_result *, const char *, ...)
	__attribute__((format(printf, 2, 3)));

/* Format the explanation into r->why, clipped on a character boundary. */
static void
category_why(struct category_result *r, const char *fmt, ...)
{
	char tmp[CATEGORY_WHY_MAX * 2];
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	n = utf8_clip(tmp, sizeof r->why - 1);
	memcpy(r->why, tmp, n);
	r->why[n] = '\0';
}

/*
 * A span of months in words, to follow a Chinese word directly: " 1 年 2
 * 个月", " 2 年", " 5 个月" (a space before the digits), "不足 1 个月".
 */
static void
category_span(int months, char *buf, size_t len)
{
	if (months <= 0)
		snprintf(buf, len, "不足 1 个月");
	else if (months < 12)
		snprintf(buf, len, " %d 个月", months);
	else if (months % 12 == 0)
		snprintf(buf, len, " %d 年", months / 12);
	else
		snprintf(buf, len, " %d 年 %d 个月", months / 12, months % 12);
}

/* "男" or "女" (or "性别不详"). */
static const char *
category_sex(int sex)
{
	return sex == 1 ? "男" : sex == 2 ? "女" : "性别不详";
}

/* The later of a and b. */
static bf_date
category_later(bf_date a, bf_date b)
{
	return date_cmp(a, b) >= 0 ? a : b;
}

/* Start a result row for code. */
static void
category_start(struct category_result *r, const char *code)
{
	memset(r, 0, sizeof *r);
	snprintf(r->code, sizeof r->code, "%s", code);
	r->label = category_label(code);
}

/* 01 登记失业的"4050"人员. */
static void
category_rule_4050(const struct category_params *p, const struct category_facts *f,
    bf_date today, struct category_result *r)
{
	int age = date_age(f->birth, today);
	int need = f->sex == 1 ? p->male_4050_age : p->female_4050_age;

	category_start(r, CATEGORY_4050);
	if (f->sex != 1 && f->sex != 2)
		category_why(r, "性别不详，无法判断“4050”");
	else if (age < need)
		category_why(r, "%s，%d 岁，未满 %d 周岁", category_sex(f->sex), age, need);
	else if (!f->registered)
		category_why(r, "%s，%d 岁，但没有有效的失业登记", category_sex(f->sex), age);
	else {
		r->applies = 1;
		r->since = category_later(date_birthday(f->birth, need), f->registered_on);
		category_why(r, "%s，%d 岁，已登记失业 → %s", category_sex(f->sex), age,
		    r->label);
	}
}

/* 06 离校两年内高校毕业生. */
static void
category_rule_graduate(const struct category_params *p, const struct category_facts *f,
    bf_date today, struct category_result *r)
{
	char grad[DATE_ISO_LEN], until[DATE_ISO_LEN], span[32];

	category_start(r, CATEGORY_GRADUATE);
	if (!f->graduated) {
		category_why(r, "没有高校毕业时间");
		return;
	}
	date_format(f->graduated_on, grad);
	if (date_cmp(f->graduated_on, today) > 0) {
		category_why(r, "毕业时间 %s 晚于今天", grad);
		return;
	}
	r->has_expiry = 1;
	r->expires_on = date_add_months(f->graduated_on, p->graduate_months);
	date_format(r->expires_on, until);
	category_span(p->graduate_months, span, sizeof span);
	if (date_cmp(today, r->expires_on) > 0)
		category_why(r, "%s 毕业，离校已超过%s（%s 到期）", grad, span, until);
	else if (p->graduate_needs_registration && !f->registered)
		category_why(r, "%s 毕业，离校%s内（至 %s），但没有有效的失业登记",
		    grad, span, until);
	else {
		r->applies = 1;
		r->since = p->graduate_needs_registration ?
		    category_later(f->graduated_on, f->registered_on) : f->graduated_on;
		category_why(r, "%s 毕业，离校%s内（至 %s）%s → %s", grad, span, until,
		    p->graduate_needs_registration ? "，已登记失业" : "", r->label);
	}
}

/* 11 连续失业一年以上人员. */
static void
category_rule_long_unemployed(const struct category_params *p,
    const struct category_facts *f, bf_date today, struct category_result *r)
{
	char reg[DATE_ISO_LEN], span[32], need[32];
	int months;

	category_start(r, CATEGORY_LONG_UNEMPLOYED);
	if (!f->registered) {
		category_why(r, "没有有效的失业登记");
		return;
	}
	date_format(f->registered_on, reg);
	months = date_months_between(f->registered_on, today);
	category_span(months, span, sizeof span);
	category_span(p->long_unemployed_months, need, sizeof need);
	if (months < p->long_unemployed_months)
		category_why(r, "%s 登记失业，连续失业%s，未满%s", reg, span, need);
	else {
		r->applies = 1;
		r->since = date_add_months(f->registered_on, p->long_unemployed_months);
		category_why(r, "%s 登记失业，已连续失业%s → %s", reg, span, r->label);
	}
}

/*
 * If f's birth date is unknown, or f is outside the legal working age on
 * today, say so in every row and return 1.
 */
static int
category_outside_working_age(const struct category_facts *f, bf_date today,
    struct category_result out[CATEGORY_MAX_DERIVED])
{
	enum retire_basis basis = f->basis ? f->basis : retire_default_basis(f->sex);
	char when[DATE_ISO_LEN];
	int i, age, known;

	known = date_valid(f->birth.y, f->birth.m, f->birth.d);
	if (known && retire_in_working_age(f->birth, basis, today))
		return 0;
	age = known ? date_age(f->birth, today) : 0;
	for (i = 0; i < CATEGORY_MAX_DERIVED; i++) {
		out[i].applies = 0;
		out[i].has_expiry = 0;
		memset(&out[i].since, 0, sizeof out[i].since);
		memset(&out[i].expires_on, 0, sizeof out[i].expires_on);
		if (!known)
			category_why(&out[i], "出生日期不详，无法判断");
		else if (age < WORKING_AGE_MIN)
			category_why(&out[i], "%d 岁，未满 %d 周岁，不在法定劳动年龄内",
			    age, WORKING_AGE_MIN);
		else {
			date_format(retire_date(f->birth, basis), when);
			category_why(&out[i], "已于 %s 达到法定退休年龄", when);
		}
	}
	return 1;
}

/*
 * Evaluate 01, 06 and 11 for f on today into out (one row each, in code
 * order); return how many apply.
 */
int
category_derive(const struct category_params *p, const struct category_facts *f,
    bf_date today, struct category_result out[CATEGORY_MAX_DERIVED])
{
	struct category_params defaults;
	int i, n = 0;

	if (p == NULL) {
		category_params_default(&defaults);
		p = &defaults;
	}
	category_rule_4050(p, f, today, &out[0]);
	category_rule_graduate(p, f, today, &out[1]);
	category_rule_long_unemployed(p, f, today, &out[2]);
	if (category_outside_working_age(f, today, out))
		return 0;
	for (i = 0; i < CATEGORY_MAX_DERIVED; i++)
		n += out[i].applies;
	return n;
}

/*
 * The short names caseworkers use in ledgers (4050, 零就业 ...), for list
 * columns too narrow for the full label.
 */
const char *
category_abbr(const char *code)
{
	static const struct { const char *code, *abbr; } abbrs[] = {
		{ "01", "4050" }, { "02", "残疾" }, { "03", "低保" }, { "04", "零就业" },
		{ "05", "脱贫" }, { "06", "高校毕业生" }, { "07", "退役军人" },
		{ "08", "刑释" }, { "09", "戒毒康复" }, { "10", "去产能" },
		{ "11", "长期失业" }, { "12", "失地农民" }, { "99", "其他" },
	};
	size_t i;

	for (i = 0; code != NULL && i < sizeof abbrs / sizeof abbrs[0]; i++)
		if (strcmp(abbrs[i].code, code) == 0)
			return abbrs[i].abbr;
	return NULL;
}
