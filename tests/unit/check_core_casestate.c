/*
 * check_core_casestate.c -- unit tests for src/core/casestate.c: codes and
 * labels, every one of the 36 (from, to) pairs against the expected matrix,
 * reasons, and the messages for refused moves.
 */
#include "config.h"

#include <string.h>

#include "runner.h"
#include "core/casestate.h"

/*
 * The expected matrix, written out independently of casestate.c: the
 * label of each move ("" when not allowed) and whether it needs a reason.
 */
static const struct {
	const char *label;
	int	reason;
} want[CASE_NSTATUS][CASE_NSTATUS] = {
	[CASE_REGISTERED] = {
		[CASE_RECOGNISED] = { "认定", 0 },
		[CASE_ASSISTING] = { "纳入帮扶", 0 },
		[CASE_EMPLOYED] = { "实现就业", 0 },
		[CASE_CLOSED] = { "退出", 1 },
	},
	[CASE_RECOGNISED] = {
		[CASE_ASSISTING] = { "纳入帮扶", 0 },
		[CASE_EMPLOYED] = { "实现就业", 0 },
		[CASE_CLOSED] = { "退出", 1 },
	},
	[CASE_ASSISTING] = {
		[CASE_EMPLOYED] = { "实现就业", 0 },
		[CASE_CLOSED] = { "退出", 1 },
	},
	[CASE_EMPLOYED] = {
		[CASE_STABLE] = { "稳定就业", 0 },
		[CASE_ASSISTING] = { "失业重开", 1 },
		[CASE_CLOSED] = { "退出", 1 },
	},
	[CASE_STABLE] = {
		[CASE_ASSISTING] = { "失业重开", 1 },
		[CASE_CLOSED] = { "退出", 1 },
	},
	[CASE_CLOSED] = {
		[CASE_REGISTERED] = { "重新登记", 1 },
	},
};

START_TEST(test_codes_and_labels)
{
	static const char *codes[] = {
		"registered", "recognised", "assisting", "employed", "stable", "closed"
	};
	static const char *labels[] = {
		"已登记", "已认定", "帮扶中", "已就业", "稳定就业", "已退出"
	};
	enum case_status s;
	int i;

	for (i = 0; i < CASE_NSTATUS; i++) {
		ck_assert_str_eq(case_status_code((enum case_status)i), codes[i]);
		ck_assert_str_eq(case_status_label((enum case_status)i), labels[i]);
		ck_assert_int_eq(case_status_from_code(codes[i], &s), BF_OK);
		ck_assert_int_eq(s, i);
	}
	s = CASE_STABLE;
	ck_assert_int_eq(case_status_from_code("recognized", &s), BF_EINVAL);
	ck_assert_int_eq(case_status_from_code("", &s), BF_EINVAL);
	ck_assert_int_eq(case_status_from_code("已登记", &s), BF_EINVAL);
	ck_assert_int_eq(case_status_from_code(NULL, &s), BF_EINVAL);
	ck_assert_int_eq(s, CASE_STABLE);
	ck_assert_str_eq(case_status_code(CASE_NSTATUS), "");
	ck_assert_str_eq(case_status_label((enum case_status)-1), "未知状态");
}
END_TEST

START_TEST(test_open)
{
	ck_assert(case_status_is_open(CASE_REGISTERED));
	ck_assert(case_status_is_open(CASE_STABLE));
	ck_assert(!case_status_is_open(CASE_CLOSED));
	ck_assert(!case_status_is_open(CASE_NSTATUS));
}
END_TEST

START_TEST(test_matrix)
{
	int from, to;
	bf_error err;

	for (from = 0; from < CASE_NSTATUS; from++)
		for (to = 0; to < CASE_NSTATUS; to++) {
			enum case_status f = (enum case_status)from;
			enum case_status t = (enum case_status)to;
			const char *label = case_transition_label(f, t);
			const char *wl = want[from][to].label;

			if (wl == NULL) {
				ck_assert_msg(label == NULL, "%s -> %s allowed as %s",
				    case_status_code(f), case_status_code(t), label);
				ck_assert_int_eq(case_transition_check(f, t, "原因", &err),
				    BF_EINVAL);
				ck_assert_int_eq(case_transition_needs_reason(f, t), 0);
				continue;
			}
			ck_assert_msg(label != NULL && strcmp(label, wl) == 0,
			    "%s -> %s: %s, want %s", case_status_code(f),
			    case_status_code(t), label ? label : "(null)", wl);
			ck_assert_int_eq(case_transition_needs_reason(f, t),
			    want[from][to].reason);
			ck_assert_int_eq(case_transition_check(f, t, "原因", &err), BF_OK);
			ck_assert_int_eq(case_transition_check(f, t, NULL, &err),
			    want[from][to].reason ? BF_EINVAL : BF_OK);
		}
}
END_TEST

START_TEST(test_closing_needs_reason)
{
	bf_error err;
	int from;

	for (from = 0; from < CASE_CLOSED; from++) {
		ck_assert_int_eq(case_transition_check((enum case_status)from,
		    CASE_CLOSED, NULL, &err), BF_EINVAL);
		ck_assert_str_eq(err.msg, "退出必须填写原因");
		ck_assert_int_eq(case_transition_check((enum case_status)from,
		    CASE_CLOSED, "", &err), BF_EINVAL);
		ck_assert_int_eq(case_transition_check((enum case_status)from,
		    CASE_CLOSED, " 　\t", &err), BF_EINVAL);
		ck_assert_int_eq(case_transition_check((enum case_status)from,
		    CASE_CLOSED, "入学", &err), BF_OK);
	}
}
END_TEST

START_TEST(test_reopen_and_reregister_need_reason)
{
	bf_error err;

	ck_assert_int_eq(case_transition_check(CASE_EMPLOYED, CASE_ASSISTING, "", &err),
	    BF_EINVAL);
	ck_assert_str_eq(err.msg, "失业重开必须填写原因");
	ck_assert_int_eq(case_transition_check(CASE_STABLE, CASE_ASSISTING, "　", &err),
	    BF_EINVAL);
	ck_assert_str_eq(err.msg, "失业重开必须填写原因");
	ck_assert_int_eq(case_transition_check(CASE_STABLE, CASE_ASSISTING,
	    "单位裁员", &err), BF_OK);
	ck_assert_int_eq(case_transition_check(CASE_CLOSED, CASE_REGISTERED, NULL, &err),
	    BF_EINVAL);
	ck_assert_str_eq(err.msg, "重新登记必须填写原因");
	ck_assert_int_eq(case_transition_check(CASE_CLOSED, CASE_REGISTERED,
	    "再次失业", &err), BF_OK);
	/* forward moves need none */
	ck_assert_int_eq(case_transition_check(CASE_ASSISTING, CASE_EMPLOYED, NULL, &err),
	    BF_OK);
}
END_TEST

START_TEST(test_refused_messages)
{
	bf_error err;

	ck_assert_int_eq(case_transition_check(CASE_REGISTERED, CASE_STABLE, "x", &err),
	    BF_EINVAL);
	ck_assert_str_eq(err.msg,
	    "不能从“已登记”变为“稳定就业”（可以变为：已认定、帮扶中、已就业、已退出）");
	ck_assert_int_eq(case_transition_check(CASE_CLOSED, CASE_ASSISTING, "x", &err),
	    BF_EINVAL);
	ck_assert_str_eq(err.msg, "不能从“已退出”变为“帮扶中”（可以变为：已登记）");
	ck_assert_int_eq(case_transition_check(CASE_ASSISTING, CASE_RECOGNISED, "x", &err),
	    BF_EINVAL);
	ck_assert_str_eq(err.msg, "不能从“帮扶中”变为“已认定”（可以变为：已就业、已退出）");
	ck_assert_int_eq(case_transition_check(CASE_ASSISTING, CASE_ASSISTING, "x", &err),
	    BF_EINVAL);
	ck_assert_str_eq(err.msg, "案件已是“帮扶中”状态");
	ck_assert_int_eq(case_transition_check(CASE_NSTATUS, CASE_CLOSED, "x", &err),
	    BF_EINVAL);
	ck_assert_str_eq(err.msg, "未知的案件状态 6");
	ck_assert_int_eq(case_transition_check(CASE_CLOSED, (enum case_status)-1, "x", &err),
	    BF_EINVAL);
	ck_assert_str_eq(err.msg, "未知的案件状态 -1");
}
END_TEST

START_TEST(test_transitions_from)
{
	enum case_status next[CASE_NSTATUS];
	int n;

	n = case_transitions_from(CASE_REGISTERED, next);
	ck_assert_int_eq(n, 4);
	ck_assert_int_eq(next[0], CASE_RECOGNISED);
	ck_assert_int_eq(next[3], CASE_CLOSED);
	n = case_transitions_from(CASE_EMPLOYED, next);
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(next[0], CASE_STABLE);
	ck_assert_int_eq(next[1], CASE_ASSISTING);
	n = case_transitions_from(CASE_CLOSED, next);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(next[0], CASE_REGISTERED);
	ck_assert_int_eq(case_transitions_from(CASE_NSTATUS, next), 0);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("core_casestate");
	TCase *tc = tcase_create("casestate");

	tcase_add_test(tc, test_codes_and_labels);
	tcase_add_test(tc, test_open);
	tcase_add_test(tc, test_matrix);
	tcase_add_test(tc, test_closing_needs_reason);
	tcase_add_test(tc, test_reopen_and_reregister_need_reason);
	tcase_add_test(tc, test_refused_messages);
	tcase_add_test(tc, test_transitions_from);
	suite_add_tcase(s, tc);
	return s;
}
