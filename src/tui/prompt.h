/*
 * prompt.h -- a modal one-line text question ("退出原因：") drawn in a
 * frame over the current screen, edited with the line editor (Chinese
 * input included); Enter accepts, Esc cancels.
 */
#ifndef BF_TUI_PROMPT_H
#define BF_TUI_PROMPT_H

#include <stddef.h>

struct tui;

/*
 * Ask question; out (len bytes) gets the trimmed answer.  Returns 1 when
 * the user pressed Enter (answer may be empty), 0 on Esc or end of input.
 */
int	prompt_text(struct tui *t, const char *title, const char *question, char *out, size_t len);

#endif
