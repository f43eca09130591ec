/*
 * check_forms_eval.c -- unit tests for the evaluator and values
 * (src/forms/eval.c, condition.c, value.c, lists.c, record.c) over
 * tests/fixtures/forms/good.yaml: show_if and required_if, hidden fields
 * not required, typed comparisons of integers and dates, validate rules
 * and their severities, derived fields, normalisation and masks.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "runner.h"
#include "forms/check.h"
#include "forms/eval.h"
#include "forms/extra.h"
#include "forms/lists.h"
#include "forms/path.h"
#include "forms/value.h"
#include "forms/yaml_load.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

static struct form_set *set;
static const struct form *form;
static struct form_record *rec;
static const bf_date today = { 2024, 6, 1 };

/* Load good.yaml once per test (check's fork mode isolates tests). */
static void
setup(void)
{
	char *path = xasprintf("%s/tests/fixtures/forms/good.yaml", BANGFU_SRCDIR);
	struct forms_diags d;

	forms_diags_init(&d);
	set = form_set_new();
	ck_assert_uint_eq(forms_load_file(set, path, "good.yaml", &d), 0);
	ck_assert_uint_eq(forms_check(set, NULL, NULL, &d), 0);
	forms_diags_free(&d);
	free(path);
	form = form_set_find(set, "good");
	rec = form_record_new();
}

static void
teardown(void)
{
	form_record_free(rec);
	form_set_free(set);
}

/* The field called id. */
static const struct form_field *
field(const char *id)
{
	const struct form_field *f = form_find_field(form, id);

	ck_assert_msg(f != NULL, "no field %s", id);
	return f;
}

/* All problems of the record as "E|W field: message" lines; caller frees. */
static char *
problems(void)
{
	struct form_problems p;
	strbuf sb;
	size_t i;

	form_problems_init(&p);
	form_validate_record(form, rec, today, &p);
	sb_init(&sb);
	for (i = 0; i < p.n; i++)
		sb_addf(&sb, "%c %s: %s\n", p.v[i].severity == FSEV_ERROR ? 'E' : 'W',
		    p.v[i].field, p.v[i].msg);
	form_problems_free(&p);
	return sb_detach(&sb);
}

/* Assert the record's problems are exactly want. */
static void
expect_problems(const char *want)
{
	char *got = problems();

	ck_assert_str_eq(got, want);
	free(got);
}

/* A valid base record: a man's citizen ID. */
static void
base(void)
{
	form_record_set(rec, "citizen_id", "500103198503151230");
}

/* Normalise in for field id: the stored value, or "!message". Caller frees. */
static char *
norm(const char *id, const char *in)
{
	char *out;
	bf_error err;

	err_clear(&err);
	if (form_value_normalise(field(id), in, today, &out, &err) != BF_OK)
		return xasprintf("!%s", err.msg);
	return out;
}

/* Assert normalising in for field id gives want. */
static void
expect_norm(const char *id, const char *in, const char *want)
{
	char *got = norm(id, in);

	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(test_clean)
{
	base();
	expect_problems("");
}
END_TEST

START_TEST(test_required_missing)
{
	expect_problems("E citizen_id: 请填写“公民身份号码”\n");
}
END_TEST

START_TEST(test_show_if_in)
{
	base();
	ck_assert(!form_is_visible(field("spouse_name"), rec, today));
	form_record_set(rec, "marital", "10");
	ck_assert(!form_is_visible(field("spouse_name"), rec, today));
	form_record_set(rec, "marital", "20");
	ck_assert(form_is_visible(field("spouse_name"), rec, today));
	form_record_set(rec, "marital", "21");
	ck_assert(form_is_visible(field("spouse_name"), rec, today));
}
END_TEST

START_TEST(test_required_if)
{
	base();
	form_record_set(rec, "marital", "20");
	ck_assert(form_is_required(field("spouse_name"), rec, today));
	expect_problems("E spouse_name: 请填写“配偶姓名”\n");
	form_record_set(rec, "marital", "21");
	ck_assert(!form_is_required(field("spouse_name"), rec, today));
	expect_problems("W marital: 婚姻状况：选项“21 初婚”已停用，请改选其他选项\n");
}
END_TEST

START_TEST(test_hidden_not_required)
{
	base();
	/* child_note is required: true but only shown for more than 2 children */
	form_record_set(rec, "children", "2");
	ck_assert(!form_is_required(field("child_note"), rec, today));
	expect_problems("");
	form_record_set(rec, "children", "3");
	ck_assert(form_is_required(field("child_note"), rec, today));
	expect_problems("E child_note: 请填写“子女情况”\n");
	/* a hidden field's value is not validated */
	form_record_set(rec, "children", "1");
	form_record_set(rec, "spouse_name", "一个很长很长的名字");
	expect_problems("");
}
END_TEST

START_TEST(test_typed_integer)
{
	base();
	/* "10" > "2" as numbers (as text it would be smaller) */
	form_record_set(rec, "children", "10");
	ck_assert(form_is_visible(field("child_note"), rec, today));
	form_record_set(rec, "children", "１０");
	ck_assert(form_is_visible(field("child_note"), rec, today));
	form_record_set(rec, "children", "");
	ck_assert(!form_is_visible(field("child_note"), rec, today));
}
END_TEST

START_TEST(test_typed_date)
{
	base();
	ck_assert(!form_is_visible(field("long_unemployed"), rec, today));
	form_record_set(rec, "unemployed_since", "2019/12/31");
	ck_assert(form_is_visible(field("long_unemployed"), rec, today));
	form_record_set(rec, "unemployed_since", "2020年1月1日");
	ck_assert(!form_is_visible(field("long_unemployed"), rec, today));
	form_record_set(rec, "unemployed_since", "2009-9-9");	/* text order would say > 2020 */
	ck_assert(form_is_visible(field("long_unemployed"), rec, today));
}
END_TEST

START_TEST(test_validate_severities)
{
	base();
	form_record_set(rec, "registered_on", "2024-05-01");
	form_record_set(rec, "unemployed_since", "2024-05-02");
	expect_problems("E unemployed_since: 失业时间不能晚于失业登记日期\n");
	form_record_set(rec, "unemployed_since", "1999-12-31");
	expect_problems("W unemployed_since: 失业时间早于 2000 年，请核对\n");
	form_record_set(rec, "unemployed_since", "2024-05-01");
	expect_problems("");
}
END_TEST

START_TEST(test_validate_one_field)
{
	struct form_problems p;

	form_problems_init(&p);
	form_record_set(rec, "children", "11");
	ck_assert_uint_eq(form_validate_field(field("children"), rec, today, &p), 1);
	ck_assert_str_eq(p.v[0].field, "children");
	ck_assert_str_eq(p.v[0].msg, "子女人数：不能大于 10");
	form_problems_free(&p);
	form_record_set(rec, "registered_on", "2024-06-02");
	ck_assert_uint_eq(form_validate_field(field("registered_on"), rec, today, &p), 1);
	ck_assert_str_eq(p.v[0].msg, "登记日期：不能晚于 2024-06-01（今天）");
	form_problems_free(&p);
	form_record_set(rec, "citizen_id", "500103198503151231");
	ck_assert_uint_eq(form_validate_field(field("citizen_id"), rec, today, &p), 1);
	ck_assert_str_eq(p.v[0].msg, "公民身份号码校验码错误：第 18 位应为 0，实际为 1");
	form_problems_free(&p);
}
END_TEST

START_TEST(test_pattern_and_select_many)
{
	base();
	form_record_set(rec, "categories", "01");
	ck_assert(!form_is_visible(field("disability_cert"), rec, today));
	form_record_set(rec, "categories", "01,02");
	ck_assert(form_is_visible(field("disability_cert"), rec, today));
	form_record_set(rec, "disability_cert", "123");
	expect_problems("E disability_cert: 残疾人证号应为 20 位\n");
	form_record_set(rec, "disability_cert", "50010319850315123043");
	expect_problems("");
}
END_TEST

START_TEST(test_section_show_if_and_boolean)
{
	base();
	form_record_normalise(form->fields, form->nfields, rec, today);
	/* a man: the women-only section is hidden, so retire_basis is not required */
	ck_assert(!form_is_visible(field("retire_basis"), rec, today));
	expect_problems("");
	form_record_set(rec, "citizen_id", "500103199001010029");
	form_record_set(rec, "sex", NULL);
	form_record_set(rec, "birth_date", NULL);
	form_record_normalise(form->fields, form->nfields, rec, today);
	ck_assert_str_eq(form_record_get(rec, "sex"), "2");
	expect_problems("E retire_basis: 请填写“原退休年龄”\n");
	form_record_set(rec, "retire_basis", "55");
	form_record_set(rec, "benefit", "是");
	ck_assert(form_is_visible(field("benefit_to"), rec, today));
	expect_problems("E benefit_to: 请填写“领取截止日期”\n");
	form_record_set(rec, "benefit", "0");
	ck_assert(!form_is_visible(field("benefit_to"), rec, today));
	expect_problems("");
}
END_TEST

START_TEST(test_derive)
{
	char *v;

	form_record_set(rec, "citizen_id", "５００１０３１９８５０３１５１２３０");
	form_record_normalise(form->fields, form->nfields, rec, today);
	ck_assert_str_eq(form_record_get(rec, "citizen_id"), "500103198503151230");
	ck_assert_str_eq(form_record_get(rec, "sex"), "1");
	ck_assert_str_eq(form_record_get(rec, "birth_date"), "1985-03-15");
	ck_assert_str_eq(form_record_get(rec, "age"), "39");
	v = form_derive_value(field("age"), rec, (bf_date){ 2025, 3, 15 });
	ck_assert_str_eq(v, "40");
	free(v);
	form_record_set(rec, "sex", "2");
	expect_problems("E sex: 性别：与公民身份号码不符：号码中为男，填写的是女\n"
	    "E retire_basis: 请填写“原退休年龄”\n");	/* the typed sex shows the section */
}
END_TEST

START_TEST(test_normalise)
{
	expect_norm("citizen_id", " 11010519491231002x ", "11010519491231002X");
	expect_norm("registered_on", "2024年5月6日", "2024-05-06");
	expect_norm("registered_on", "２０２４．５．６", "2024-05-06");
	expect_norm("phone", "+86 138 0013 8000", "13800138000");
	expect_norm("phone", "(023)6123-4567", "023-61234567");
	expect_norm("income", "¥3,500.5", "3500.50");
	expect_norm("income", "３５００元", "3500");
	expect_norm("income", "12.345", "!金额最多保留两位小数：“12.345”");
	expect_norm("income", "200000", "!不能大于 100000");
	expect_norm("ratio", "+0.75", "0.75");
	expect_norm("children", "１２", "!不能大于 10");
	expect_norm("children", "1,0", "10");
	expect_norm("children", "两个", "!“两个”不是整数");
	expect_norm("marital", "已婚", "20");
	expect_norm("marital", "20", "20");
	expect_norm("marital", "同居", "!“同居”不是可选的值");
	expect_norm("categories", "零就业家庭人员、01", "01,04");
	expect_norm("categories", "04，02 02", "02,04");
	expect_norm("benefit", "是", "1");
	expect_norm("benefit", "否", "0");
	expect_norm("benefit", "也许", "!应为“是”或“否”，实际为“也许”");
	expect_norm("community", "500103", "500103000000");
	expect_norm("community", "5001", "!区划代码应为 6、9 或 12 位数字，实际为“5001”");
	expect_norm("worker", "li.si", "li.si");
	expect_norm("spouse_name", "\xe3\x80\x80 张三 ", "张三");
	expect_norm("spouse_name", "欧阳娜娜娜娜", "!不能超过 5 个字（现有 6 个）");
	expect_norm("spouse_name", "   ", "");
}
END_TEST

START_TEST(test_display_and_masks)
{
	char *s;

	s = form_value_display(field("citizen_id"), "500103198503151230");
	ck_assert_str_eq(s, "**************1230");
	free(s);
	s = form_value_display(field("phone"), "13800138000");
	ck_assert_str_eq(s, "138****8000");
	free(s);
	s = form_value_display(field("marital"), "21");
	ck_assert_str_eq(s, "初婚");
	free(s);
	s = form_value_display(field("categories"), "01,04");
	ck_assert_str_eq(s, "4050人员、零就业家庭人员");
	free(s);
	s = form_value_display(field("benefit"), "0");
	ck_assert_str_eq(s, "否");
	free(s);
	s = form_value_mask("idcard", "500103198503151230");
	ck_assert_str_eq(s, "500103********1230");
	free(s);
	s = form_value_mask("name", "欧阳修");
	ck_assert_str_eq(s, "欧**");
	free(s);
	s = form_value_mask("last4", "张三");
	ck_assert_str_eq(s, "**");
	free(s);
	s = form_value_mask("all", "x");
	ck_assert_str_eq(s, "******");
	free(s);
	s = form_value_mask("none", "x");
	ck_assert_str_eq(s, "x");
	free(s);
	ck_assert_str_eq(form_option_label(field("marital"), "99"), "99");
}
END_TEST

START_TEST(test_defaults)
{
	form_record_defaults(form->fields, form->nfields, rec, today);
	ck_assert_str_eq(form_record_get(rec, "registered_on"), "2024-06-01");
	ck_assert_ptr_null(form_record_get(rec, "marital"));
}
END_TEST

START_TEST(test_record)
{
	form_record_set(rec, "a", "1");
	form_record_set(rec, "b", "2");
	form_record_set(rec, "a", "3");
	ck_assert_str_eq(form_record_get(rec, "a"), "3");
	form_record_set(rec, "a", NULL);
	ck_assert_ptr_null(form_record_get(rec, "a"));
	ck_assert_str_eq(form_record_get(rec, "b"), "2");
	ck_assert_uint_eq(rec->n, 1);
}
END_TEST

START_TEST(test_extra_json)
{
	char *json;

	base();
	form_record_normalise(form->fields, form->nfields, rec, today);
	form_record_set(rec, "marital", "10");
	form_record_set(rec, "spouse_name", "王\"五");	/* hidden: not saved */
	form_record_set(rec, "children", "1");
	json = form_extra_json(form->fields, form->nfields, rec, today);
	/* citizen_id, sex, birth_date have columns; age is computed */
	ck_assert_str_eq(json, "{\"marital\":\"10\",\"children\":\"1\"}");
	free(json);
	form_record_set(rec, "marital", "20");
	json = form_extra_json(form->fields, form->nfields, rec, today);
	ck_assert_str_eq(json, "{\"marital\":\"20\",\"spouse_name\":\"王\\\"五\",\"children\":\"1\"}");
	free(json);
	ck_assert(!form_field_in_extra(field("age")));
	ck_assert(!form_field_in_extra(field("citizen_id")));
}
END_TEST

/* A group row of the shipped household form. */
START_TEST(test_group_row)
{
	struct form_set *shipped = NULL;
	struct forms_diags d;
	struct form_problems p;
	struct form_record *row = form_record_new();
	const struct form_field *members;

	forms_diags_init(&d);
	form_problems_init(&p);
	ck_assert_uint_eq(forms_load_dir(BANGFU_SRCDIR "/forms", NULL, NULL, &shipped, &d), 0);
	members = form_find_field(form_set_find(shipped, "household"), "members");
	ck_assert_int_eq(members->type, FT_GROUP);
	ck_assert_uint_eq(members->nsummary, 5);
	form_record_set(row, "relation", "10");
	form_record_set(row, "working_age", "1");
	form_record_set(row, "able", "0");
	form_record_set(row, "employment", "1");
	ck_assert(!form_is_visible(form_fields_find(members->fields, members->nfields, "willing"),
	    row, today));
	ck_assert_uint_eq(form_validate_row(members, row, today, &p), 1);
	ck_assert_uint_eq(p.n, 2);
	ck_assert_str_eq(p.v[0].msg, "请填写“姓名”");
	ck_assert_int_eq(p.v[1].severity, FSEV_WARNING);
	ck_assert_str_eq(p.v[1].msg, "无劳动能力的成员填写了“就业”，请核对");
	form_problems_free(&p);
	form_record_free(row);
	forms_diags_free(&d);
	form_set_free(shipped);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("forms_eval");
	TCase *tc = tcase_create("eval");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_clean);
	tcase_add_test(tc, test_required_missing);
	tcase_add_test(tc, test_show_if_in);
	tcase_add_test(tc, test_required_if);
	tcase_add_test(tc, test_hidden_not_required);
	tcase_add_test(tc, test_typed_integer);
	tcase_add_test(tc, test_typed_date);
	tcase_add_test(tc, test_validate_severities);
	tcase_add_test(tc, test_validate_one_field);
	tcase_add_test(tc, test_pattern_and_select_many);
	tcase_add_test(tc, test_section_show_if_and_boolean);
	tcase_add_test(tc, test_derive);
	tcase_add_test(tc, test_normalise);
	tcase_add_test(tc, test_display_and_masks);
	tcase_add_test(tc, test_defaults);
	tcase_add_test(tc, test_record);
	tcase_add_test(tc, test_extra_json);
	tcase_add_test(tc, test_group_row);
	suite_add_tcase(s, tc);
	return s;
}
