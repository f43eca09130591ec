/*
 * prompt.h -- a one-line modal text prompt on the status row, for the
 * few screens that ask for one value (a reason, a filter value) without
 * a whole form.  Typing goes through the line editor, so Chinese from an
 * input method arrives like any other text.
 */
#ifndef BF_TUI_PROMPT_H
#define BF_TUI_PROMPT_H

#include <stddef.h>

struct tui;

/*
 * Ask with label ("转移原因："); out holds the initial text and receives
 * the answer.  Returns 1 on Enter, 0 on Esc (out unchanged).
 */
int	tui_prompt(struct tui *t, const char *label, char *out, size_t len);

#endif
