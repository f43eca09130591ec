/*
 * household.c -- zero-employment households (零就业家庭).
 *
 * The national definition (就业服务与就业管理规定 §40) counts the members
 * of legal working age; the usual local refinement counts only those able
 * and willing to work.  Each member is classed once, by a fixed order of
 * questions (is the birth date known, under 16, retired, employed, able,
 * willing), and the household follows from the classes.  Only members of
 * working age count either way: a pensioner's job does not clear the flag.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/household.h"
#include "util/error.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

static const char *household_class_labels[] = {
	[HOUSEHOLD_NO_BIRTH] = "出生日期不详",
	[HOUSEHOLD_UNDER_AGE] = "未满 16 周岁",
	[HOUSEHOLD_RETIRED] = "已达退休年龄",
	[HOUSEHOLD_EMPLOYED] = "已就业",
	[HOUSEHOLD_UNABLE] = "无劳动能力",
	[HOUSEHOLD_UNWILLING] = "无就业意愿",
	[HOUSEHOLD_UNEMPLOYED] = "未就业",
};

/* The label of c, or "" outside the enum. */
const char *
household_class_label(enum household_class c)
{
	if ((int)c < 0 || (size_t)c >= sizeof household_class_labels /
	    sizeof household_class_labels[0])
		return "";
	return household_class_labels[c];
}

/* How member m counts on today. */
static enum household_class
household_classify(const struct household_member *m, bf_date today)
{
	enum retire_basis basis;

	if (!date_valid(m->birth.y, m->birth.m, m->birth.d))
		return HOUSEHOLD_NO_BIRTH;
	if (date_age(m->birth, today) < WORKING_AGE_MIN)
		return HOUSEHOLD_UNDER_AGE;
	basis = m->basis ? m->basis : retire_default_basis(m->sex);
	if (!retire_in_working_age(m->birth, basis, today))
		return HOUSEHOLD_RETIRED;
	if (m->employed)
		return HOUSEHOLD_EMPLOYED;
	if (!m->able)
		return HOUSEHOLD_UNABLE;
	if (!m->willing)
		return HOUSEHOLD_UNWILLING;
	return HOUSEHOLD_UNEMPLOYED;
}

/* Append the names of the members of class want, joined by "、". */
static void
household_names(strbuf *sb, const struct household_member *m, size_t n,
    const enum household_class *cls, enum household_class want)
{
	size_t i;
	int first = 1;

	for (i = 0; i < n; i++) {
		if (cls[i] != want)
			continue;
		if (!first)
			sb_add(sb, "、");
		first = 0;
		if (m[i].name != NULL && m[i].name[0] != '\0')
			sb_add(sb, m[i].name);
		else
			sb_addf(sb, "成员 %zu", i + 1);
	}
}

/* Write the explanation for out->state into out->why. */
static void
household_explain(const struct household_member *m, size_t n,
    const enum household_class *cls, struct household_result *out)
{
	strbuf sb;
	size_t i, len;
	int nobirth = 0;

	for (i = 0; i < n; i++)
		nobirth += cls[i] == HOUSEHOLD_NO_BIRTH;
	sb_init(&sb);
	switch (out->state) {
	case HOUSEHOLD_ZERO_SUSPECTED:
		sb_addf(&sb, "劳动年龄内有劳动能力和就业意愿的 %d 人（", out->n_unemployed);
		household_names(&sb, m, n, cls, HOUSEHOLD_UNEMPLOYED);
		sb_addf(&sb, "）%s未就业 → 疑似零就业家庭，请核实",
		    out->n_unemployed > 1 ? "均" : "");
		break;
	case HOUSEHOLD_HAS_EMPLOYED:
		household_names(&sb, m, n, cls, HOUSEHOLD_EMPLOYED);
		sb_add(&sb, "已就业 → 不是零就业家庭");
		break;
	case HOUSEHOLD_NONE_ELIGIBLE:
		sb_add(&sb, "没有劳动年龄内有劳动能力和就业意愿的成员 → 不认定为零就业家庭");
		break;
	}
	if (nobirth > 0) {
		sb_addf(&sb, "；%d 人出生日期不详（", nobirth);
		household_names(&sb, m, n, cls, HOUSEHOLD_NO_BIRTH);
		sb_add(&sb, "），未计入");
	}
	len = utf8_clip(sb_str(&sb), sizeof out->why - 1);
	memcpy(out->why, sb_str(&sb), len);
	out->why[len] = '\0';
	sb_free(&sb);
}

/* Assess the n members of a household on today. */
void
household_assess(const struct household_member *m, size_t n, bf_date today,
    enum household_class *cls, struct household_result *out)
{
	enum household_class stack[16], *c = cls;
	size_t i;

	if (c == NULL)
		c = n <= 16 ? stack : xreallocarray(NULL, n, sizeof *c);
	memset(out, 0, sizeof *out);
	for (i = 0; i < n; i++) {
		c[i] = household_classify(&m[i], today);
		if (c[i] == HOUSEHOLD_UNEMPLOYED)
			out->n_unemployed++;
		else if (c[i] == HOUSEHOLD_EMPLOYED)
			out->n_employed++;
		else
			out->n_excluded++;
	}
	if (out->n_employed > 0)
		out->state = HOUSEHOLD_HAS_EMPLOYED;
	else if (out->n_unemployed > 0)
		out->state = HOUSEHOLD_ZERO_SUSPECTED;
	else
		out->state = HOUSEHOLD_NONE_ELIGIBLE;
	out->suspected_zero = out->state == HOUSEHOLD_ZERO_SUSPECTED;
	household_explain(m, n, c, out);
	if (c != cls && c != stack)
		free(c);
}
