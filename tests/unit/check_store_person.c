/*
 * check_store_person.c -- unit tests for saving persons (derived columns,
 * duplicates, stale edits, scope, extra fields, audit rows), search and
 * the paged caseload.
 */
#include "config.h"

#include <sqlite3.h>

#include "runner.h"
#include "store/caseload.h"
#include "store/person.h"
#include "store/record.h"
#include "store/search.h"
#include "store_fixture.h"

#define COMM_A	"500103001003"	/* 华一坡社区, 七星岗街道, 渝中区 */
#define COMM_B	"500103001006"	/* 临华路社区, same street */
#define COMM_C	"500101001001"	/* 万州区 */

/* Save a new person; returns its id (asserts success). */
static int64_t
add_person(struct db *db, const char *name, const char *body17, const char *community,
    const char *phone)
{
	struct rec r;
	char id[19];
	int64_t existing, pid;
	bf_error err;

	fixture_id(body17, id);
	rec_init(&r, "person");
	rec_set(&r, "name", name);
	rec_set(&r, "citizen_id", id);
	rec_set(&r, "community_code", community);
	if (phone != NULL)
		rec_set(&r, "phone", phone);
	if (person_save(db, &r, &existing, &err) != BF_OK)
		ck_abort_msg("person_save %s: %s", name, err.msg);
	pid = r.id;
	rec_clear(&r);
	return pid;
}

/* One integer from a query. */
static long
query_long(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	long v = -1;

	ck_assert_int_eq(sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

START_TEST(test_save_derives_columns)
{
	struct fixture fx;
	struct rec r;
	int64_t id;
	bf_error err;

	fixture_open(&fx);
	id = add_person(fx.db, " 曾小红 ", "50010319850312002", COMM_A, NULL);
	rec_init(&r, "person");
	ck_assert_int_eq(rec_load(fx.db, "person", id, &r, &err), BF_OK);
	ck_assert_str_eq(rec_get(&r, "name"), "曾小红");
	ck_assert_str_eq(rec_get(&r, "name_py"), "zxh");
	ck_assert_str_eq(rec_get(&r, "name_pinyin"), "zengxiaohong");
	ck_assert_str_eq(rec_get(&r, "name_chars"), "曾 小 红");
	ck_assert_str_eq(rec_get(&r, "sex"), "2");
	ck_assert_str_eq(rec_get(&r, "birth_date"), "1985-03-12");
	ck_assert_str_eq(rec_get(&r, "status"), "registered");
	ck_assert_str_eq(rec_get(&r, "status_since"), "2024-06-01");
	ck_assert_str_eq(rec_get(&r, "created_at"), "2024-06-01 10:00:00");
	ck_assert_int_eq(r.version, 1);
	rec_clear(&r);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_bad_id_and_missing_fields_refused)
{
	struct fixture fx;
	struct rec r;
	char cid[19];
	int64_t existing;
	bf_error err;

	fixture_open(&fx);
	rec_init(&r, "person");
	rec_set(&r, "name", "张三");
	rec_set(&r, "community_code", COMM_A);
	rec_set(&r, "citizen_id", "500103198503120021");
	ck_assert_int_eq(person_save(fx.db, &r, &existing, &err), BF_EINVAL);
	ck_assert_ptr_nonnull(strstr(err.msg, "校验码"));
	rec_set(&r, "citizen_id", "");
	ck_assert_int_eq(person_save(fx.db, &r, &existing, &err), BF_EINVAL);
	ck_assert_str_eq(err.msg, "公民身份号码不能为空");
	rec_set(&r, "name", "  ");
	ck_assert_int_eq(person_save(fx.db, &r, &existing, &err), BF_EINVAL);
	ck_assert_str_eq(err.msg, "姓名不能为空");
	rec_set(&r, "name", "张三");
	fixture_id("50010319850312002", cid);
	rec_set(&r, "citizen_id", cid);
	rec_set(&r, "community_code", "500103001000");
	ck_assert_int_eq(person_save(fx.db, &r, &existing, &err), BF_EINVAL);
	ck_assert_str_eq(err.msg, "常住社区应选到社区（村）一级，七星岗街道 是上级单位");
	rec_set(&r, "community_code", COMM_A);
	rec_set(&r, "nickname", "x");
	ck_assert_int_eq(person_save(fx.db, &r, &existing, &err), BF_EINVAL);
	ck_assert_str_eq(err.msg, "表 person 没有字段 nickname");
	ck_assert_int_eq(query_long(fx.db, "SELECT count(*) FROM person"), 0);
	rec_clear(&r);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_duplicate_id_points_to_existing)
{
	struct fixture fx;
	struct rec r;
	int64_t id, existing;
	char cid[19];
	bf_error err;

	fixture_open(&fx);
	id = add_person(fx.db, "张三", "50010319850312001", COMM_A, NULL);
	fixture_id("50010319850312001", cid);
	rec_init(&r, "person");
	rec_set(&r, "name", "张三丰");
	rec_set(&r, "citizen_id", cid);
	rec_set(&r, "community_code", COMM_B);
	ck_assert_int_eq(person_save(fx.db, &r, &existing, &err), BF_EDUP);
	ck_assert_int_eq(existing, id);
	ck_assert_ptr_nonnull(strstr(err.msg, "已登记（张三，档案号 1），不能重复建档"));
	/* A caseworker of another community learns nothing about the person. */
	ck_assert_int_eq(user_add(fx.db, "cw", "王五", "caseworker", COMM_B, NULL, &err), BF_OK);
	ck_assert_int_eq(user_login(fx.db, "cw", &err), BF_OK);
	ck_assert_int_eq(person_save(fx.db, &r, &existing, &err), BF_EDUP);
	ck_assert_int_eq(existing, 0);
	ck_assert_ptr_null(strstr(err.msg, "张三"));
	ck_assert_ptr_nonnull(strstr(err.msg, "已在其他社区登记"));
	/* Looking the ID up does not name the file either. */
	ck_assert_int_eq(person_find_by_citizen_id(fx.db, cid, &existing, &err), BF_EPERM);
	ck_assert_int_eq(existing, 0);
	ck_assert_ptr_null(strstr(err.msg, "档案号"));
	ck_assert_ptr_nonnull(strstr(err.msg, "已在其他社区登记"));
	rec_clear(&r);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_stale_edit_refused)
{
	struct fixture fx;
	struct rec a, b;
	int64_t id, existing;
	bf_error err;

	fixture_open(&fx);
	id = add_person(fx.db, "李四", "50010319900101003", COMM_A, NULL);
	rec_init(&a, "person");
	rec_init(&b, "person");
	ck_assert_int_eq(rec_load(fx.db, "person", id, &a, &err), BF_OK);
	ck_assert_int_eq(rec_load(fx.db, "person", id, &b, &err), BF_OK);
	rec_set(&a, "phone", "13800138000");
	ck_assert_int_eq(person_save(fx.db, &a, &existing, &err), BF_OK);
	ck_assert_int_eq(a.version, 2);
	rec_set(&b, "phone", "13900139000");
	ck_assert_int_eq(person_save(fx.db, &b, &existing, &err), BF_ECONFLICT);
	ck_assert_str_eq(err.msg, "保存被拒绝：这条记录已被 admin1 于 2024-06-01 10:00 修改。"
	    "您输入的内容仍保留在屏幕上，请核对后重新打开再改");
	ck_assert_str_eq(rec_get(&b, "phone"), "13900139000");
	ck_assert_int_eq(query_long(fx.db, "SELECT count(*) FROM person WHERE phone = '13800138000'"), 1);
	rec_clear(&a);
	rec_clear(&b);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_extra_fields_round_trip_and_audit)
{
	struct fixture fx;
	struct rec r;
	int64_t id, existing;
	bf_error err;

	fixture_open(&fx);
	id = add_person(fx.db, "王芳", "50010319920202004", COMM_A, NULL);
	rec_init(&r, "person");
	ck_assert_int_eq(rec_load(fx.db, "person", id, &r, &err), BF_OK);
	rec_set(&r, "extra.wechat", "wangfang_92");
	ck_assert_int_eq(person_save(fx.db, &r, &existing, &err), BF_OK);
	rec_set(&r, "extra.bad key", "x");
	ck_assert_int_eq(person_save(fx.db, &r, &existing, &err), BF_EINVAL);
	rec_unset(&r, "extra.bad key");
	ck_assert_int_eq(rec_load(fx.db, "person", id, &r, &err), BF_OK);
	ck_assert_str_eq(rec_get(&r, "extra.wechat"), "wangfang_92");
	ck_assert_int_eq(query_long(fx.db,
	    "SELECT count(*) FROM audit_log WHERE tbl = 'person' AND person_id = 1"), 2);
	ck_assert_int_eq(query_long(fx.db,
	    "SELECT count(*) FROM audit_log WHERE action = 'update' AND user_id = 1"
	    " AND json_extract(before, '$.extra') = '{}'"
	    " AND json_extract(after, '$.extra') LIKE '%wangfang_92%'"), 1);
	/* The log cannot be edited. */
	ck_assert_int_eq(db_exec(fx.db, "DELETE FROM audit_log", &err), BF_EINVAL);
	ck_assert_ptr_nonnull(strstr(err.msg, "审计日志只能追加"));
	rec_clear(&r);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_status_transitions_write_events)
{
	struct fixture fx;
	int64_t id;
	bf_error err;

	fixture_open(&fx);
	id = add_person(fx.db, "赵六", "50010319700505005", COMM_A, NULL);
	ck_assert_int_eq(person_set_status(fx.db, id, "stable", NULL, &err), BF_EINVAL);
	ck_assert_int_eq(person_set_status(fx.db, id, "closed", "", &err), BF_EINVAL);
	ck_assert_int_eq(person_set_status(fx.db, id, "recognised", NULL, &err), BF_OK);
	ck_assert_int_eq(person_set_status(fx.db, id, "closed", "迁出本市", &err), BF_OK);
	ck_assert_int_eq(query_long(fx.db, "SELECT count(*) FROM case_event WHERE person_id = 1"), 2);
	ck_assert_int_eq(query_long(fx.db,
	    "SELECT count(*) FROM person WHERE status = 'closed' AND exit_reason = '迁出本市'"), 1);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_search_kinds)
{
	struct fixture fx;
	struct person_brief hits[16];
	char norm[64];
	bf_error err;
	int n;

	fixture_open(&fx);
	add_person(fx.db, "张三", "50010319850312001", COMM_A, "13800138000");
	add_person(fx.db, "张三丰", "50010319700101002", COMM_B, NULL);
	add_person(fx.db, "李小张", "50010119900101003", COMM_C, NULL);
	add_person(fx.db, "单田芳", "50010319600101004", COMM_A, NULL);

	ck_assert_int_eq(search_classify("ＺＳ", norm, sizeof norm), SEARCH_PINYIN);
	ck_assert_str_eq(norm, "zs");
	ck_assert_int_eq(search_classify("+86 138-0013-8000", norm, sizeof norm), SEARCH_PHONE);
	ck_assert_str_eq(norm, "13800138000");
	ck_assert_int_eq(search_classify("１２３４", norm, sizeof norm), SEARCH_ID_TAIL);
	ck_assert_int_eq(search_classify("  ", norm, sizeof norm), SEARCH_NONE);

	ck_assert_int_eq(search_persons(fx.db, "张", hits, 16, &n, &err), BF_OK);
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(search_persons(fx.db, "张三", hits, 16, &n, &err), BF_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(search_persons(fx.db, "三丰", hits, 16, &n, &err), BF_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(hits[0].name, "张三丰");
	ck_assert_int_eq(search_persons(fx.db, "zs", hits, 16, &n, &err), BF_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(hits[0].name, "张三");
	ck_assert_str_eq(hits[0].community, "华一坡社区");
	ck_assert_int_eq(search_persons(fx.db, "ZSF", hits, 16, &n, &err), BF_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(search_persons(fx.db, "std", hits, 16, &n, &err), BF_OK);
	ck_assert_int_eq(n, 0);		/* 单 as a surname is Shàn */
	ck_assert_int_eq(search_persons(fx.db, "stf", hits, 16, &n, &err), BF_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(search_persons(fx.db, "shantian", hits, 16, &n, &err), BF_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(search_persons(fx.db, "13800138000", hits, 16, &n, &err), BF_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(hits[0].name, "张三");
	ck_assert_int_eq(search_persons(fx.db, hits[0].citizen_id, hits, 16, &n, &err), BF_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(search_persons(fx.db, hits[0].citizen_id + 12, hits, 16, &n, &err), BF_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(hits[0].name, "张三");
	/* 15-digit legacy number of 张三丰 (born 1970). */
	ck_assert_int_eq(search_persons(fx.db, "500103700101002", hits, 16, &n, &err), BF_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(hits[0].name, "张三丰");
	/* Quotes and FTS syntax in a query are just text. */
	ck_assert_int_eq(search_persons(fx.db, "张\" OR \"李", hits, 16, &n, &err), BF_OK);
	ck_assert_int_eq(n, 0);

	/* A caseworker of 临华路社区 sees only their own people. */
	ck_assert_int_eq(user_add(fx.db, "cw", "王五", "caseworker", COMM_B, NULL, &err), BF_OK);
	ck_assert_int_eq(user_login(fx.db, "cw", &err), BF_OK);
	ck_assert_int_eq(search_persons(fx.db, "张", hits, 16, &n, &err), BF_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(hits[0].name, "张三丰");
	ck_assert_int_eq(search_persons(fx.db, "13800138000", hits, 16, &n, &err), BF_OK);
	ck_assert_int_eq(n, 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(test_caseload_pages_by_keyset)
{
	struct fixture fx;
	struct caseload_filter f;
	struct caseload_row rows[8];
	struct caseload_key key;
	char body[18], seen[40][64];
	bf_error err;
	int i, n, total = 0;
	long count;

	fixture_open(&fx);
	for (i = 0; i < 30; i++) {
		static const char *const names[] = { "王", "李", "张", "刘", "陈" };
		char name[32];

		snprintf(name, sizeof name, "%s%s%d", names[i % 5], "某", i);
		snprintf(body, sizeof body, "500103198001%02d%03d", i % 28 + 1, i + 1);
		add_person(fx.db, name, body, i < 20 ? COMM_A : COMM_B, NULL);
	}
	memset(&f, 0, sizeof f);
	ck_assert_int_eq(caseload_count(fx.db, &f, &count, &err), BF_OK);
	ck_assert_int_eq(count, 30);
	ck_assert_int_eq(caseload_page(fx.db, &f, NULL, 1, rows, 8, &n, &err), BF_OK);
	while (n > 0) {
		for (i = 0; i < n; i++) {
			if (total > 0)
				ck_assert(strcmp(seen[total - 1], rows[i].key.name_py) <= 0);
			snprintf(seen[total++], 64, "%s", rows[i].key.name_py);
		}
		key = rows[n - 1].key;
		ck_assert_int_eq(caseload_page(fx.db, &f, &key, 1, rows, 8, &n, &err), BF_OK);
	}
	ck_assert_int_eq(total, 30);
	/* Backward from the end gives the last page in list order. */
	ck_assert_int_eq(caseload_page(fx.db, &f, NULL, 0, rows, 8, &n, &err), BF_OK);
	ck_assert_int_eq(n, 8);
	ck_assert_str_eq(rows[7].key.name_py, seen[29]);
	ck_assert_str_eq(rows[0].key.name_py, seen[22]);
	key = rows[0].key;
	ck_assert_int_eq(caseload_page(fx.db, &f, &key, 0, rows, 8, &n, &err), BF_OK);
	ck_assert_str_eq(rows[7].key.name_py, seen[21]);
	/* Filters. */
	snprintf(f.org, sizeof f.org, "%s", COMM_B);
	ck_assert_int_eq(caseload_count(fx.db, &f, &count, &err), BF_OK);
	ck_assert_int_eq(count, 10);
	snprintf(f.org, sizeof f.org, "500103001");
	ck_assert_int_eq(caseload_count(fx.db, &f, &count, &err), BF_OK);
	ck_assert_int_eq(count, 30);
	snprintf(f.status, sizeof f.status, "closed");
	ck_assert_int_eq(caseload_count(fx.db, &f, &count, &err), BF_OK);
	ck_assert_int_eq(count, 0);
	f.status[0] = '\0';
	ck_assert_int_eq(db_exec(fx.db, "INSERT INTO person_category (person_id, code, recognised_on,"
	    " created_at) VALUES (3, '01', '2024-01-01', '2024-01-01')", &err), BF_OK);
	ck_assert_int_eq(db_exec(fx.db, "INSERT INTO followup (person_id, due_on, created_at)"
	    " VALUES (3, '2024-05-01', '2024-01-01'), (4, '2024-07-01', '2024-01-01')", &err), BF_OK);
	snprintf(f.category, sizeof f.category, "01");
	ck_assert_int_eq(caseload_page(fx.db, &f, NULL, 1, rows, 8, &n, &err), BF_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(rows[0].p.id, 3);
	ck_assert_str_eq(rows[0].categories, "01");
	ck_assert_str_eq(rows[0].next_followup, "2024-05-01");
	f.category[0] = '\0';
	f.overdue = 1;
	ck_assert_int_eq(caseload_count(fx.db, &f, &count, &err), BF_OK);
	ck_assert_int_eq(count, 1);
	f.overdue = 0;
	f.sort = CASELOAD_BY_NEWEST;
	f.org[0] = '\0';
	ck_assert_int_eq(caseload_page(fx.db, &f, NULL, 1, rows, 8, &n, &err), BF_OK);
	ck_assert_int_eq(rows[0].p.id, 30);
	key = rows[7].key;
	ck_assert_int_eq(caseload_page(fx.db, &f, &key, 1, rows, 8, &n, &err), BF_OK);
	ck_assert_int_eq(rows[0].p.id, 22);
	fixture_close(&fx);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("store_person");
	TCase *tc = tcase_create("person");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_save_derives_columns);
	tcase_add_test(tc, test_bad_id_and_missing_fields_refused);
	tcase_add_test(tc, test_duplicate_id_points_to_existing);
	tcase_add_test(tc, test_stale_edit_refused);
	tcase_add_test(tc, test_extra_fields_round_trip_and_audit);
	tcase_add_test(tc, test_status_transitions_write_events);
	tcase_add_test(tc, test_search_kinds);
	tcase_add_test(tc, test_caseload_pages_by_keyset);
	suite_add_tcase(s, tc);
	return s;
}
