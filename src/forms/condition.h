/*
 * condition.h -- evaluating show_if / required_if / validate conditions.
 *
 * Comparisons are typed by the compared field: integers, decimals and
 * money compare as numbers, dates as dates ("today" is today), everything
 * else as text; a select_many value "01,04" equals each of its codes.  An
 * empty value is never gt/ge/lt/le anything and is in no list.  The
 * caller says what a field's value is (the evaluator passes "" for hidden
 * fields, so a condition on a hidden field sees it empty).
 */
#ifndef BF_FORMS_CONDITION_H
#define BF_FORMS_CONDITION_H

#include "core/date.h"
#include "forms/model.h"

/* The effective value of field f (borrowed; NULL or "" for empty). */
typedef const char *(*cond_value_fn)(void *ctx, const struct form_field *f, const char *id);

/* 1 if c holds; c NULL holds. */
int	cond_eval(const struct form_cond *c, cond_value_fn value, void *ctx, bf_date today);
/* The operator's YAML name ("eq"). */
const char *cond_op_name(enum cond_op op);

#endif
