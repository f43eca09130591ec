/*
 * check_tui_person.c -- the person file screen, headless, on a real
 * temporary database and the fixture forms in tests/fixtures/personfile:
 * the header line, switching tabs by keys, actions and clicks, labels
 * and code labels on 基本信息, list headers from forms (and column names
 * where no form exists), the change history with its field diff, the
 * plan detail with delivered counts, revealing the citizen ID (audited),
 * the edit hook and reloading on resume, and scope refusal.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/session.h"
#include "core/idcard.h"
#include "forms/path.h"
#include "forms/value.h"
#include "runner.h"
#include "personfile_fixture.h"
#include "tui/person.h"
#include "tui/tui.h"
#include "tui_fixture.h"

/* Everything the tests set up: database, forms, session, terminal state. */
struct env {
	struct fixture		 fx;
	struct form_set		*forms;
	struct app_session	 app;
	struct tui		 t;
	struct screen		*s;
	int64_t			 pid;
	char			 cid[19];
};

/* What the edit hook saw. */
struct edit_log {
	int		 calls;
	int64_t		 person;
	char		 form[32];
	struct db	*db;
};

/* The edit hook: remember the call and change the phone, as an editor would. */
static void
hook_edit(void *ctx, struct tui *t, int64_t person_id, const char *form_name)
{
	struct edit_log *log = ctx;
	struct rec r;
	int64_t existing;
	bf_error err;

	(void)t;
	log->calls++;
	log->person = person_id;
	snprintf(log->form, sizeof log->form, "%s", form_name);
	rec_init(&r, "person");
	ck_assert_int_eq(rec_load(log->db, "person", person_id, &r, &err), BF_OK);
	rec_set(&r, "phone", "13912345678");
	ck_assert_int_eq(person_save(log->db, &r, &existing, &err), BF_OK);
	rec_clear(&r);
}

/* The fixture forms, from the source tree. */
static struct form_set *
load_forms(void)
{
	const char *top = getenv("top_srcdir");
	struct form_set *set = NULL;
	struct forms_diags d;
	char dir[512];
	size_t n;

	snprintf(dir, sizeof dir, "%s/tests/fixtures/personfile", top != NULL ? top : ".");
	forms_diags_init(&d);
	n = forms_load_dir(dir, NULL, NULL, &set, &d);
	if (n > 0)
		ck_abort_msg("fixture forms: %s", d.v[0].msg);
	forms_diags_free(&d);
	return set;
}

/*
 * A person created by admin1 with a registration and a plan, then edited
 * by caseworker 王五, who is the acting user when the screen opens.
 */
static void
env_open(struct env *e, const struct person_hooks *hooks)
{
	struct rec r;
	int64_t existing, plan, m1;
	char buf[24];
	bf_error err;

	memset(e, 0, sizeof *e);
	fixture_open(&e->fx);
	e->forms = load_forms();
	ck_assert_int_eq(user_add(e->fx.db, "cw", "王五", "caseworker", PF_COMM_A, NULL, &err), BF_OK);
	e->pid = pf_add_person(e->fx.db, "曾小红", "50010319850312002", PF_COMM_A);
	fixture_id("50010319850312002", e->cid);
	pf_add(e->fx.db, "registration", "person_id", "1", "registered_on", "2024-03-01",
	    "reason", "02", NULL);
	plan = pf_add(e->fx.db, "plan", "person_id", "1", "made_on", "2024-05-01",
	    "goal", "三个月内就业", NULL);
	snprintf(buf, sizeof buf, "%lld", (long long)plan);
	m1 = pf_add(e->fx.db, "plan_measure", "plan_id", buf, "type", "01", "target_count", "3",
	    NULL);
	snprintf(buf, sizeof buf, "%lld", (long long)m1);
	pf_add(e->fx.db, "service", "person_id", "1", "served_on", "2024-05-10", "type", "01",
	    "measure_id", buf, "content", "推荐岗位", NULL);
	ck_assert_int_eq(user_login(e->fx.db, "cw", &err), BF_OK);
	db_set_now(e->fx.db, "2024-06-02 09:30:00");
	rec_init(&r, "person");
	ck_assert_int_eq(rec_load(e->fx.db, "person", e->pid, &r, &err), BF_OK);
	rec_set(&r, "education", "21");
	rec_set(&r, "phone", "13800138000");
	rec_set(&r, "extra.school", "重庆大学");
	rec_set(&r, "extra.volunteer", "社区志愿者");	/* a site field no form lists */
	ck_assert_int_eq(person_save(e->fx.db, &r, &existing, &err), BF_OK);
	rec_clear(&r);

	e->app.db = e->fx.db;
	e->app.forms = e->forms;
	snprintf(e->app.login, sizeof e->app.login, "cw");
	e->t.app = &e->app;
	e->t.rows = 24;
	e->t.cols = 80;
	e->s = person_screen_new(&e->app, e->pid, hooks, &err);
	if (e->s == NULL)
		ck_abort_msg("person_screen_new: %s", err.msg);
	e->t.stack[0] = e->s;
	e->t.depth = 1;
}

/* Free the screen, forms and database. */
static void
env_close(struct env *e)
{
	if (e->s != NULL)
		e->s->ops->destroy(e->s);
	form_set_free(e->forms);
	fixture_close(&e->fx);
}

/* Draw the screen into stdscr and read every row back, '\n' between rows. */
static void
draw_all(struct env *e, char *buf, size_t len)
{
	char row[1024];
	size_t used = 0;
	int y;

	erase();
	e->s->ops->draw(e->s, &e->t);
	buf[0] = '\0';
	for (y = 0; y < e->t.rows; y++) {
		tui_fixture_row(y, 0, e->t.cols, row, sizeof row);
		used += (size_t)snprintf(buf + used, len - used, "%s\n", row);
		if (used >= len)
			break;
	}
}

/* Text of one row. */
static void
row_text(struct env *e, int y, char *buf, size_t len)
{
	tui_fixture_row(y, 0, e->t.cols, buf, len);
}

/* A plain character key. */
static int
press(struct env *e, uint32_t ch)
{
	struct key k = { 0, ch };

	return e->s->ops->key(e->s, &e->t, &k);
}

/* Put the person in a household of two. */
static void
add_household(struct env *e)
{
	struct rec p;
	int64_t hid, existing;
	char buf[24];
	bf_error err;

	hid = pf_add(e->fx.db, "household", "community_code", PF_COMM_A, "head_name", "曾大山", NULL);
	snprintf(buf, sizeof buf, "%lld", (long long)hid);
	pf_add(e->fx.db, "household_member", "household_id", buf, "name", "曾大山", "relation", "01",
	    NULL);
	pf_add(e->fx.db, "household_member", "household_id", buf, "person_id", "1", "name", "曾小红",
	    "relation", "02", "employment", "03", NULL);
	rec_init(&p, "person");
	ck_assert_int_eq(rec_load(e->fx.db, "person", e->pid, &p, &err), BF_OK);
	rec_set(&p, "household_id", buf);
	ck_assert_int_eq(person_save(e->fx.db, &p, &existing, &err), BF_OK);
	rec_clear(&p);
}

START_TEST(test_header_line)
{
	struct env e;
	char buf[8192], row[1024], masked[32], expect[256];

	env_open(&e, NULL);
	draw_all(&e, buf, sizeof buf);
	row_text(&e, 1, row, sizeof row);
	idcard_mask(e.cid, masked, sizeof masked);
	snprintf(expect, sizeof expect, "曾小红  女  39 岁  %s  华一坡社区  已登记", masked);
	ck_assert_msg(strstr(row, expect) != NULL, "header: %s", row);
	ck_assert_ptr_null(strstr(buf, e.cid));		/* the full number is nowhere */
	row_text(&e, 2, row, sizeof row);
	ck_assert_ptr_nonnull(strstr(row, "1.基本信息 2.家庭 3.认定 4.帮扶计划 5.服务记录 6.回访 7.就业情况 8.变更记录"));
	ck_assert_str_eq(e.s->title, "一人一档：曾小红");
	/* The loop's frame: title bar and the footer from the key table. */
	tui_redraw(&e.t);
	row_text(&e, 0, row, sizeof row);
	ck_assert_msg(strstr(row, "一人一档：曾小红") != NULL, "%s", row);
	row_text(&e, 23, row, sizeof row);
	ck_assert_msg(strstr(row, "Tab/1-8切换") != NULL, "%s", row);
	ck_assert_ptr_nonnull(strstr(row, "Enter详情"));
	ck_assert_ptr_nonnull(strstr(row, "r显示证号"));
	env_close(&e);
}
END_TEST

START_TEST(test_basic_tab_labels_and_code_labels)
{
	struct env e;
	char buf[8192], *phone;

	env_open(&e, NULL);
	draw_all(&e, buf, sizeof buf);
	ck_assert_int_eq(person_screen_tab(e.s), 0);
	ck_assert_msg(strstr(buf, "身份信息") != NULL, "%s", buf);
	ck_assert_ptr_nonnull(strstr(buf, "姓名"));
	ck_assert_ptr_nonnull(strstr(buf, "曾小红"));
	ck_assert_ptr_nonnull(strstr(buf, "文化程度"));
	ck_assert_ptr_nonnull(strstr(buf, "大学本科"));		/* code 21 shown by its label */
	ck_assert_ptr_null(strstr(buf, "文化程度    21"));
	ck_assert_ptr_nonnull(strstr(buf, "毕业院校"));		/* a form field kept in extra */
	ck_assert_ptr_nonnull(strstr(buf, "重庆大学"));
	ck_assert_ptr_nonnull(strstr(buf, "常住地社区（村）"));
	ck_assert_ptr_nonnull(strstr(buf, "华一坡社区"));
	/* The caseworker phones their own persons: the phone in full (app/privacy.h). */
	phone = form_value_mask("phone", "13800138000");
	ck_assert_msg(strstr(buf, "13800138000") != NULL, "full phone in %s", buf);
	free(phone);
	ck_assert_ptr_nonnull(strstr(buf, "年龄"));
	ck_assert_ptr_nonnull(strstr(buf, "39"));
	ck_assert_ptr_nonnull(strstr(buf, "其他"));		/* site field in no form */
	ck_assert_ptr_nonnull(strstr(buf, "volunteer"));
	ck_assert_ptr_nonnull(strstr(buf, "社区志愿者"));
	/* Registration below, with its form's labels. */
	e.t.rows = 40;
	resizeterm(40, 80);
	draw_all(&e, buf, sizeof buf);
	ck_assert_msg(strstr(buf, "失业登记 2024-03-01") != NULL, "%s", buf);
	ck_assert_ptr_nonnull(strstr(buf, "登记日期"));
	ck_assert_ptr_nonnull(strstr(buf, "2024-03-01"));
	ck_assert_ptr_nonnull(strstr(buf, "单位裁员"));
	env_close(&e);
}
END_TEST

START_TEST(test_tab_switching)
{
	struct env e;
	char buf[8192];

	env_open(&e, NULL);
	draw_all(&e, buf, sizeof buf);
	ck_assert(press(&e, '8'));
	ck_assert_int_eq(person_screen_tab(e.s), 7);
	ck_assert(press(&e, '2'));
	ck_assert_int_eq(person_screen_tab(e.s), 1);
	ck_assert(!press(&e, 'x'));
	ck_assert(e.s->ops->action(e.s, &e.t, ACT_NEXT_TAB));
	ck_assert_int_eq(person_screen_tab(e.s), 2);
	ck_assert(e.s->ops->action(e.s, &e.t, ACT_PREV_TAB));
	ck_assert(e.s->ops->action(e.s, &e.t, ACT_PREV_TAB));
	ck_assert_int_eq(person_screen_tab(e.s), 0);
	ck_assert(e.s->ops->action(e.s, &e.t, ACT_PREV_TAB));	/* wraps */
	ck_assert_int_eq(person_screen_tab(e.s), 7);
	/* Tab and the arrows are in the key table. */
	{
		struct key tab = { 0, KEY_TAB_CHAR }, right = { KEY_RIGHT, 0 };

		ck_assert_int_eq(keymap_lookup(e.s->keys, &tab), ACT_NEXT_TAB);
		ck_assert_int_eq(keymap_lookup(e.s->keys, &right), ACT_NEXT_TAB);
	}
	/* Clicks: "1.基本信息 2.家庭 ..." puts 家庭 at 11-16 and 变更记录 at 65-74. */
	draw_all(&e, buf, sizeof buf);
	ck_assert(e.s->ops->click(e.s, &e.t, 2, 12));
	ck_assert_int_eq(person_screen_tab(e.s), 1);
	draw_all(&e, buf, sizeof buf);
	ck_assert(e.s->ops->click(e.s, &e.t, 2, 70));
	ck_assert_int_eq(person_screen_tab(e.s), 7);
	draw_all(&e, buf, sizeof buf);
	ck_assert(!e.s->ops->click(e.s, &e.t, 2, 79));
	ck_assert_int_eq(person_screen_tab(e.s), 7);
	env_close(&e);
}
END_TEST

START_TEST(test_history_lists_edit_and_enter_shows_diff)
{
	struct env e;
	char buf[8192], row[1024];

	env_open(&e, NULL);
	press(&e, '8');
	draw_all(&e, buf, sizeof buf);
	row_text(&e, 3, row, sizeof row);
	ck_assert_msg(strstr(row, "时间") != NULL && strstr(row, "操作人") != NULL, "%s", row);
	row_text(&e, 4, row, sizeof row);	/* newest first: 王五's edit */
	ck_assert_msg(strstr(row, "2024-06-02 09:30") != NULL, "%s", row);
	ck_assert_ptr_nonnull(strstr(row, "王五"));
	ck_assert_ptr_nonnull(strstr(row, "修改"));
	ck_assert_ptr_nonnull(strstr(row, "基本信息"));
	ck_assert_ptr_nonnull(strstr(buf, "新建"));
	ck_assert_ptr_nonnull(strstr(buf, "失业登记"));
	ck_assert_ptr_nonnull(strstr(buf, "admin1"));

	ck_assert(e.s->ops->action(e.s, &e.t, ACT_OPEN));
	draw_all(&e, buf, sizeof buf);
	row_text(&e, 3, row, sizeof row);
	ck_assert_msg(strstr(row, "王五") != NULL && strstr(row, "修改") != NULL, "%s", row);
	ck_assert_msg(strstr(buf, "文化程度") != NULL, "%s", buf);
	ck_assert_ptr_nonnull(strstr(buf, "（空） → 大学本科"));	/* before and after, labelled */
	ck_assert_ptr_nonnull(strstr(buf, "毕业院校"));
	ck_assert_ptr_nonnull(strstr(buf, "（空） → 重庆大学"));
	ck_assert_ptr_nonnull(strstr(buf, "手机号码"));
	ck_assert_ptr_nonnull(strstr(buf, "volunteer"));
	ck_assert_ptr_nonnull(strstr(buf, "13800138000"));	/* the caseworker's own person */
	ck_assert_ptr_null(strstr(buf, "updated_at"));
	ck_assert_ptr_null(strstr(buf, "version"));
	ck_assert_ptr_null(strstr(buf, "姓名"));		/* unchanged */
	/* Esc closes the diff, then leaves the screen to the loop. */
	ck_assert(e.s->ops->action(e.s, &e.t, ACT_BACK));
	draw_all(&e, buf, sizeof buf);
	row_text(&e, 3, row, sizeof row);
	ck_assert_ptr_nonnull(strstr(row, "操作人"));
	ck_assert(!e.s->ops->action(e.s, &e.t, ACT_BACK));
	/* The registration's insert: its values with the registration form's labels. */
	ck_assert(e.s->ops->action(e.s, &e.t, ACT_DOWN));
	ck_assert(e.s->ops->action(e.s, &e.t, ACT_DOWN));
	ck_assert(e.s->ops->action(e.s, &e.t, ACT_DOWN));
	ck_assert(e.s->ops->action(e.s, &e.t, ACT_OPEN));
	draw_all(&e, buf, sizeof buf);
	row_text(&e, 3, row, sizeof row);
	ck_assert_msg(strstr(row, "新建") != NULL && strstr(row, "失业登记") != NULL, "%s", row);
	ck_assert_ptr_nonnull(strstr(buf, "登记日期：2024-03-01"));
	ck_assert_ptr_nonnull(strstr(buf, "失业原因：单位裁员"));
	ck_assert_ptr_null(strstr(buf, "person_id"));
	ck_assert_ptr_null(strstr(buf, "→"));
	env_close(&e);
}
END_TEST

START_TEST(test_child_lists_and_plan_detail)
{
	struct env e;
	char buf[8192], row[1024];

	env_open(&e, NULL);
	press(&e, '4');
	draw_all(&e, buf, sizeof buf);
	row_text(&e, 3, row, sizeof row);
	ck_assert_msg(strstr(row, "制定日期") != NULL, "%s", row);	/* the plan form's labels */
	ck_assert_ptr_nonnull(strstr(row, "帮扶目标"));
	row_text(&e, 4, row, sizeof row);
	ck_assert_ptr_nonnull(strstr(row, "2024-05-01"));
	ck_assert_ptr_nonnull(strstr(row, "三个月内就业"));
	ck_assert(e.s->ops->action(e.s, &e.t, ACT_OPEN));
	draw_all(&e, buf, sizeof buf);
	ck_assert_msg(strstr(buf, "帮扶措施") != NULL, "%s", buf);
	ck_assert_ptr_nonnull(strstr(buf, "职业介绍"));
	ck_assert_ptr_nonnull(strstr(buf, "已完成 1 / 计划 3 次"));
	/* No service form in the fixtures: the column names head the list. */
	press(&e, '5');
	draw_all(&e, buf, sizeof buf);
	row_text(&e, 3, row, sizeof row);
	ck_assert_msg(strstr(row, "served_on") != NULL, "%s", row);
	ck_assert_ptr_nonnull(strstr(buf, "推荐岗位"));
	/* No household yet. */
	press(&e, '2');
	draw_all(&e, buf, sizeof buf);
	ck_assert_ptr_nonnull(strstr(buf, "尚未登记家庭情况"));
	/* A household appears after resume; no household form: column names. */
	add_household(&e);
	e.s->ops->resume(e.s, &e.t);
	ck_assert_int_eq(person_screen_tab(e.s), 1);
	draw_all(&e, buf, sizeof buf);
	ck_assert_msg(strstr(buf, "head_name") != NULL, "%s", buf);
	ck_assert_ptr_nonnull(strstr(buf, "曾大山"));
	ck_assert_ptr_nonnull(strstr(buf, "家庭成员（2 人）"));
	ck_assert_ptr_nonnull(strstr(buf, "relation：01"));
	ck_assert_ptr_nonnull(strstr(buf, "employment：03"));
	/* An empty list. */
	press(&e, '7');
	draw_all(&e, buf, sizeof buf);
	ck_assert_ptr_nonnull(strstr(buf, "没有记录"));
	/* Larger terminals work too. */
	resizeterm(30, 120);
	e.t.rows = 30;
	e.t.cols = 120;
	press(&e, '1');
	draw_all(&e, buf, sizeof buf);
	ck_assert_ptr_nonnull(strstr(buf, "大学本科"));
	env_close(&e);
}
END_TEST

START_TEST(test_reveal_writes_audit_row)
{
	struct env e;
	char buf[8192], row[1024];

	env_open(&e, NULL);
	ck_assert_int_eq(pf_query_long(e.fx.db, "SELECT count(*) FROM audit_log WHERE action = 'view'"), 0);
	ck_assert(e.s->ops->action(e.s, &e.t, ACT_REVEAL));
	ck_assert_int_eq(e.t.msg_kind, MSG_INFO);
	draw_all(&e, buf, sizeof buf);
	row_text(&e, 1, row, sizeof row);
	ck_assert_msg(strstr(row, e.cid) != NULL, "%s", row);
	ck_assert_int_eq(pf_query_long(e.fx.db, "SELECT count(*) FROM audit_log WHERE action = 'view'"
	    " AND person_id = 1 AND note = '完整身份证号'"
	    " AND user_id = (SELECT id FROM app_user WHERE login = 'cw')"), 1);
	/* The view shows in the history. */
	press(&e, '8');
	draw_all(&e, buf, sizeof buf);
	row_text(&e, 4, row, sizeof row);
	ck_assert_msg(strstr(row, "查看") != NULL, "%s", row);
	/* r again masks without another row. */
	ck_assert(e.s->ops->action(e.s, &e.t, ACT_REVEAL));
	draw_all(&e, buf, sizeof buf);
	row_text(&e, 1, row, sizeof row);
	ck_assert_ptr_null(strstr(row, e.cid));
	ck_assert_int_eq(pf_query_long(e.fx.db, "SELECT count(*) FROM audit_log WHERE action = 'view'"), 1);
	env_close(&e);
}
END_TEST

START_TEST(test_edit_hook_and_resume)
{
	struct env e;
	struct edit_log log;
	struct person_hooks hooks = { &log, hook_edit, NULL };
	char buf[8192], *phone;

	memset(&log, 0, sizeof log);
	env_open(&e, &hooks);
	log.db = e.fx.db;
	draw_all(&e, buf, sizeof buf);
	ck_assert(e.s->ops->action(e.s, &e.t, ACT_EDIT));
	ck_assert_int_eq(log.calls, 1);
	ck_assert_int_eq(log.person, e.pid);
	ck_assert_str_eq(log.form, "person");
	e.s->ops->resume(e.s, &e.t);
	draw_all(&e, buf, sizeof buf);
	phone = form_value_mask("phone", "13912345678");
	ck_assert_msg(strstr(buf, "13912345678") != NULL, "%s", buf);	/* caseworker: in full */
	free(phone);
	press(&e, '4');
	ck_assert(e.s->ops->action(e.s, &e.t, ACT_EDIT));
	ck_assert_str_eq(log.form, "plan");
	/* Ctrl-L reloads too, and leaves the repaint to the loop. */
	pf_add(e.fx.db, "plan", "person_id", "1", "made_on", "2024-06-02", "goal", "参加培训", NULL);
	ck_assert(!e.s->ops->action(e.s, &e.t, ACT_REFRESH));
	draw_all(&e, buf, sizeof buf);
	ck_assert_msg(strstr(buf, "参加培训") != NULL, "%s", buf);
	env_close(&e);
}
END_TEST

START_TEST(test_no_hook_and_out_of_scope)
{
	struct env e;
	struct screen *other;
	bf_error err;

	env_open(&e, NULL);
	ck_assert(e.s->ops->action(e.s, &e.t, ACT_EDIT));
	ck_assert_int_eq(e.t.msg_kind, MSG_ERROR);
	ck_assert_int_eq(user_login(e.fx.db, "admin1", &err), BF_OK);
	ck_assert_int_eq(user_add(e.fx.db, "wz", "万州员", "caseworker", PF_COMM_C, NULL, &err), BF_OK);
	ck_assert_int_eq(user_login(e.fx.db, "wz", &err), BF_OK);
	other = person_screen_new(&e.app, e.pid, NULL, &err);
	ck_assert_ptr_null(other);
	ck_assert_int_eq(err.code, BF_EPERM);
	other = person_screen_new(&e.app, 99, NULL, &err);
	ck_assert_ptr_null(other);
	ck_assert_int_eq(err.code, BF_ENOTFOUND);
	env_close(&e);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("tui_person");
	TCase *tc = tcase_create("person");

	tcase_set_timeout(tc, 30);
	tcase_add_checked_fixture(tc, tui_fixture_setup, tui_fixture_teardown);
	tcase_add_test(tc, test_header_line);
	tcase_add_test(tc, test_basic_tab_labels_and_code_labels);
	tcase_add_test(tc, test_tab_switching);
	tcase_add_test(tc, test_history_lists_edit_and_enter_shows_diff);
	tcase_add_test(tc, test_child_lists_and_plan_detail);
	tcase_add_test(tc, test_reveal_writes_audit_row);
	tcase_add_test(tc, test_edit_hook_and_resume);
	tcase_add_test(tc, test_no_hook_and_out_of_scope);
	suite_add_tcase(s, tc);
	return s;
}
