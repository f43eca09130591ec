/*
 * person.h -- the person file screen (一人一档): a header line with who
 * the person is (姓名 性别 年龄 masked 身份证号 社区 状态), and tabs for
 * 基本信息, 家庭, 认定, 帮扶计划, 服务记录, 回访, 就业情况 and 变更记录,
 * Enter opens the selected row (for the change history: the fields that
 * changed); `r` shows the full citizen ID and records that in the audit
 * log; `e` asks the hook to open the form editor.  The case-work keys
 * (tui/person_work.h): `t` status change; 认定 `a` accept a derived
 * category, `x` end one; 帮扶计划 `n` from a template, `a` activate or
 * complete, `m` edit or add a measure, `R` revise, `s` a service for
 * one of its measures; 回访 `d` done; 就业情况 `x` the job ended; 家庭
 * `m` edit or add a member, `c` confirm the zero-employment flag.  Each
 * tab has its own key table, so the footer shows its keys.
 */
#ifndef BF_TUI_PERSON_H
#define BF_TUI_PERSON_H

#include <stdint.h>

#include "util/error.h"

struct app_session;
struct screen;
struct tui;

/* What the screen cannot do itself: editing, which the lead's form editor does. */
struct person_hooks {
	void	*ctx;
	/* Open the editor of form_name ("person", "household", ...) for person_id. */
	void	(*edit)(void *ctx, struct tui *t, int64_t person_id, const char *form_name);
	/*
	 * Optional: open the editor of form_name over the stored row record_id
	 * of the person (0: a new row), with presets, NULL-terminated field
	 * id / value pairs (may be NULL), set where the field is empty
	 * (回访 done today, 就业 ended today, a service's measure).
	 */
	void	(*edit_row)(void *ctx, struct tui *t, int64_t person_id, const char *form_name,
		    int64_t record_id, const char *const *presets);
};

/*
 * The screen for person_id, or NULL with err set when the person does
 * not exist or is outside the user's scope.  hooks is copied (NULL: no
 * editing).  The screen borrows s; the caller pushes it (tui_push).
 */
struct screen *person_screen_new(struct app_session *s, int64_t person_id,
	    const struct person_hooks *hooks, bf_error *err);
/* What `t` does: transfer the person (nav.c); without it `t` does nothing. */
void	person_screen_set_transfer(struct screen *s,
	    void (*fn)(void *ctx, struct tui *t, int64_t person_id), void *ctx);
/* The current tab, 0-7 in the order above (for tests). */
int	person_screen_tab(const struct screen *s);

#endif
