/*
 * check_forms_load.c -- unit tests for the form loader and whole-set
 * checks (src/forms/yaml_load.c, check.c, path.c): one broken fixture per
 * kind of problem under tests/fixtures/forms/, each asserting the exact
 * LINE:COLUMN and message; and the shipped form set (forms/) loading
 * clean against the real schema.sql.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runner.h"
#include "forms/check.h"
#include "forms/lists.h"
#include "forms/path.h"
#include "forms/yaml_load.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* has_column for fixtures: every column but "wechat". */
static int
fixture_has_column(void *ctx, const char *table, const char *column)
{
	(void)ctx;
	(void)table;
	return strcmp(column, "wechat") != 0;
}

/* Load one fixture file and check it; "LINE:COL: message" lines. Caller frees. */
static char *
problems_of(const char *name)
{
	char *path = xasprintf("%s/tests/fixtures/forms/%s", BANGFU_SRCDIR, name);
	struct form_set *set = form_set_new();
	struct forms_diags d;
	strbuf sb;
	size_t i;

	forms_diags_init(&d);
	if (forms_load_file(set, path, name, &d) == 0)
		forms_check(set, fixture_has_column, NULL, &d);
	forms_diags_sort(&d);
	sb_init(&sb);
	for (i = 0; i < d.n; i++) {
		ck_assert_str_eq(d.v[i].file, name);
		sb_addf(&sb, "%d:%d: %s\n", d.v[i].line, d.v[i].col, d.v[i].msg);
	}
	forms_diags_free(&d);
	form_set_free(set);
	free(path);
	return sb_detach(&sb);
}

/* Assert the problems of fixture name are exactly want. */
static void
expect(const char *name, const char *want)
{
	char *got = problems_of(name);

	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(test_good)
{
	expect("good.yaml", "");
}
END_TEST

START_TEST(test_bad_syntax)
{
	expect("bad-syntax.yaml",
	    "2:10: YAML 语法错误：此处不能出现“键: 值”（缩进或冒号有误？）\n");
	expect("tab-indent.yaml",
	    "8:1: YAML 语法错误：出现了不能开始任何记号的字符（制表符请换成空格）\n");
}
END_TEST

START_TEST(test_bad_utf8)
{
	/* libyaml gives a byte offset; the column counts characters */
	expect("bad-utf8.yaml", "2:10: YAML 语法错误：不是有效的 UTF-8 编码（请另存为 UTF-8）\n");
}
END_TEST

START_TEST(test_empty)
{
	expect("empty.yaml", "1:1: 文件为空：应定义一个表单（form:）或代码表（list:）\n");
}
END_TEST

START_TEST(test_two_documents)
{
	expect("two-docs.yaml",
	    "6:1: 一个文件只能有一个 YAML 文档（“---”之后的内容请放到另一个文件）\n");
}
END_TEST

START_TEST(test_unknown_key)
{
	expect("unknown-key.yaml", "11:9: 字段中有未知的键“colour”\n");
}
END_TEST

START_TEST(test_dup_key)
{
	expect("dup-key.yaml", "11:9: 字段中的键“label”重复\n");
}
END_TEST

START_TEST(test_wrong_type)
{
	expect("wrong-type.yaml",
	    "11:19: “required”的值应为 true 或 false，实际为“maybe”\n"
	    "12:16: “width”的值应为 0–9999 的整数，实际为“wide”\n"
	    "15:15: 未知的字段类型“number”\n"
	    "19:18: “aliases”的值应为列表\n");
}
END_TEST

START_TEST(test_missing_keys)
{
	expect("missing-keys.yaml",
	    "1:1: 表单缺少“label”\n"
	    "1:1: 表单缺少“record”\n"
	    "6:9: 字段缺少“label”\n");
}
END_TEST

START_TEST(test_dup_id)
{
	expect("dup-id.yaml", "14:13: 字段标识“name”重复（第 8 行已定义）\n");
}
END_TEST

START_TEST(test_dup_code)
{
	expect("dup-code.yaml", "6:5: 代码“10”重复（第 4 行已有）\n");
}
END_TEST

START_TEST(test_unknown_list)
{
	expect("unknown-list.yaml", "11:18: 未知的代码表“gender”（lists/ 目录中没有）\n");
}
END_TEST

START_TEST(test_unknown_field_ref)
{
	expect("unknown-field-ref.yaml", "11:18: 条件引用了不存在的字段“marriage”\n");
}
END_TEST

START_TEST(test_cyclic)
{
	expect("cyclic.yaml", "11:18: 显示条件循环引用：a → c → b → a\n");
}
END_TEST

START_TEST(test_required_never_shown)
{
	expect("required-never-shown.yaml",
	    "14:13: 必填字段“spouse”永远不会显示：它的显示条件不可能成立\n");
}
END_TEST

START_TEST(test_bad_column)
{
	expect("bad-column.yaml",
	    "11:17: 数据库表“person”中没有列“wechat”（不在表中的字段请去掉 column，存入 extra）\n");
}
END_TEST

START_TEST(test_alias)
{
	expect("alias.yaml", "8:9: 不支持 YAML 别名（*名称）：这里的内容被再次引用，请直接写出\n");
}
END_TEST

START_TEST(test_bad_literal)
{
	expect("bad-literal.yaml",
	    "23:39: “2O”不是字段“marital”的选项代码\n"
	    "27:18: “gt”只能用于数字或日期字段，“name”是文本字段\n"
	    "31:36: “yesterday”不是日期（应为 2024-05-06 或 today）\n");
}
END_TEST

START_TEST(test_bad_condition)
{
	expect("bad-condition.yaml",
	    "14:42: 一个条件只能有一个运算符，“ne”多余（请用 and/or 组合）\n"
	    "18:18: 条件缺少运算符（eq、ne、in、gt、ge、lt、le、set、and、or、not 之一）\n"
	    "22:18: 条件“and”不能有“field”\n");
}
END_TEST

START_TEST(test_dup_header)
{
	expect("dup-header.yaml",
	    "12:9: 字段“landline”的名称“联系电话”与字段“phone”重复，导入时无法区分\n"
	    "15:9: 字段“mobile2”的别名“手机号码”与字段“phone”重复，导入时无法区分\n");
}
END_TEST

START_TEST(test_by_header)
{
	char *path = xasprintf("%s/forms/person.yaml", BANGFU_SRCDIR);
	struct form_set *set = form_set_new();
	struct forms_diags d;
	const struct form *f;

	forms_diags_init(&d);
	ck_assert_uint_eq(forms_load_file(set, path, "person.yaml", &d), 0);
	f = form_set_find(set, "person");
	ck_assert_str_eq(form_fields_by_header(f->fields, f->nfields, "身份证号")->id, "citizen_id");
	ck_assert_str_eq(form_fields_by_header(f->fields, f->nfields, "公民身份号码")->id, "citizen_id");
	ck_assert_str_eq(form_fields_by_header(f->fields, f->nfields, "phone")->id, "phone");
	ck_assert_ptr_null(form_fields_by_header(f->fields, f->nfields, "微信"));
	forms_diags_free(&d);
	form_set_free(set);
	free(path);
}
END_TEST

/* Loading garbage never crashes and always reports something. */
START_TEST(test_garbage)
{
	static const char *const inputs[] = {
		"", "[", "{", "- - - -", "form: [", "form: x\nsections: 3\n",
		"list: x\noptions: [1, 2]\n", "&a [*a]", "form: x\nsections:\n  - &s {id: a, fields: [*s]}\n",
		"list: x\nlabel: y\noptions:\n  - {code: 1}\n", "\xef\xbb\xbf" "form: x\n",
		"form: x\nlabel: y\nrecord: person\nsections:\n  - id: a\n    label: b\n    fields:\n"
		"      - {id: g, label: g, type: group, fields: [{id: h, label: h, type: group, fields: []}]}\n",
	};
	size_t i;

	for (i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		struct form_set *set = form_set_new();
		struct forms_diags d;

		forms_diags_init(&d);
		forms_load_yaml(set, "g.yaml", inputs[i], strlen(inputs[i]), &d);
		forms_check(set, NULL, NULL, &d);
		ck_assert_msg(d.n > 0, "no problem reported for input %zu", i);
		forms_diags_free(&d);
		form_set_free(set);
	}
}
END_TEST

/* ---- the shipped form set against schema.sql --------------------------- */

struct schema {
	char	**cols;		/* "table.column" */
	size_t	  n;
};

/* Read CREATE TABLE blocks of schema.sql: each line inside starting with a tab and a name is a column. */
static void
schema_read(struct schema *s)
{
	char *path = xasprintf("%s/schema.sql", BANGFU_SRCDIR);
	FILE *fp = fopen(path, "r");
	char line[512], table[64] = "", col[64];

	ck_assert_ptr_nonnull(fp);
	s->cols = NULL;
	s->n = 0;
	while (fgets(line, sizeof line, fp) != NULL) {
		if (sscanf(line, "CREATE TABLE %63[a-z_] (", table) == 1)
			continue;
		if (line[0] == ')')
			table[0] = '\0';
		else if (table[0] != '\0' && line[0] == '\t' &&
		    sscanf(line + 1, "%63[a-z_]", col) == 1) {
			s->cols = xreallocarray(s->cols, s->n + 1, sizeof *s->cols);
			s->cols[s->n++] = xasprintf("%s.%s", table, col);
		}
	}
	fclose(fp);
	free(path);
}

/* has_column from the parsed schema. */
static int
schema_has(void *ctx, const char *table, const char *column)
{
	struct schema *s = ctx;
	char *key = xasprintf("%s.%s", table, column);
	size_t i;
	int found = 0;

	for (i = 0; i < s->n && !found; i++)
		found = strcmp(s->cols[i], key) == 0;
	free(key);
	return found;
}

START_TEST(test_shipped_forms)
{
	struct schema s;
	struct form_set *set = NULL;
	struct forms_diags d;
	char *dir = xasprintf("%s/forms", BANGFU_SRCDIR);
	const struct form *person;
	const struct form_field *f;
	size_t i, problems;

	schema_read(&s);
	ck_assert(schema_has(&s, "person", "citizen_id"));
	ck_assert(!schema_has(&s, "person", "wechat"));
	forms_diags_init(&d);
	problems = forms_load_dir(dir, schema_has, &s, &set, &d);
	if (problems != 0)
		forms_diags_print(&d, stderr);
	ck_assert_uint_eq(problems, 0);
	ck_assert_uint_eq(set->nforms, 11);
	person = form_set_find(set, "person");
	ck_assert_ptr_nonnull(person);
	f = form_find_field(person, "ethnicity");
	ck_assert_str_eq(form_option_label(f, "15"), "土家族");
	ck_assert_uint_eq(form_set_list(set, "ethnicity")->noptions, 58);
	ck_assert_ptr_nonnull(form_set_find(set, "household"));
	forms_diags_free(&d);
	form_set_free(set);
	free(dir);
	for (i = 0; i < s.n; i++)
		free(s.cols[i]);
	free(s.cols);
}
END_TEST

START_TEST(test_load_dir_missing)
{
	struct form_set *set = NULL;
	struct forms_diags d;

	forms_diags_init(&d);
	ck_assert_uint_eq(forms_load_dir("/nonexistent/forms/", NULL, NULL, &set, &d), 1);
	ck_assert_str_eq(d.v[0].file, "/nonexistent/forms");
	forms_diags_free(&d);
	form_set_free(set);
}
END_TEST

START_TEST(test_find_dir)
{
	char *dir;

	dir = forms_find_dir("/nonexistent");
	ck_assert_ptr_null(dir);
	setenv("BANGFU_FORMS", BANGFU_SRCDIR "/tests/fixtures", 1);
	dir = forms_find_dir(NULL);
	ck_assert_str_eq(dir, BANGFU_SRCDIR "/tests/fixtures");
	free(dir);
	unsetenv("BANGFU_FORMS");
	setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
	dir = forms_find_dir(NULL);
	ck_assert_ptr_nonnull(dir);	/* sysconfdir, pkgdatadir or the source tree */
	free(dir);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("forms_load");
	TCase *tc = tcase_create("load");

	tcase_add_test(tc, test_good);
	tcase_add_test(tc, test_bad_syntax);
	tcase_add_test(tc, test_bad_utf8);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_two_documents);
	tcase_add_test(tc, test_unknown_key);
	tcase_add_test(tc, test_dup_key);
	tcase_add_test(tc, test_wrong_type);
	tcase_add_test(tc, test_missing_keys);
	tcase_add_test(tc, test_dup_id);
	tcase_add_test(tc, test_dup_code);
	tcase_add_test(tc, test_unknown_list);
	tcase_add_test(tc, test_unknown_field_ref);
	tcase_add_test(tc, test_cyclic);
	tcase_add_test(tc, test_required_never_shown);
	tcase_add_test(tc, test_bad_column);
	tcase_add_test(tc, test_alias);
	tcase_add_test(tc, test_bad_literal);
	tcase_add_test(tc, test_bad_condition);
	tcase_add_test(tc, test_dup_header);
	tcase_add_test(tc, test_by_header);
	tcase_add_test(tc, test_garbage);
	tcase_add_test(tc, test_shipped_forms);
	tcase_add_test(tc, test_load_dir_missing);
	tcase_add_test(tc, test_find_dir);
	suite_add_tcase(s, tc);
	return s;
}
