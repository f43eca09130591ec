/*
 * prompt.c -- the one-line modal prompt (see prompt.h): the status row
 * becomes an input line until Enter or Esc.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "text/lineedit.h"
#include "text/width.h"
#include "tui/draw.h"
#include "tui/prompt.h"
#include "tui/theme.h"
#include "tui/tui.h"

/*
 * A one-line modal prompt on the status row: label, then the text typed.
 * Returns 1 with the text in out on Enter, 0 on Esc.
 */
int
tui_prompt(struct tui *t, const char *label, char *out, size_t len)
{
	struct lineedit le;
	struct key k;
	char *text;
	int my, mx, y, done = 0;

	lineedit_init(&le, 60);
	lineedit_set(&le, out);
	while (!done) {
		tui_redraw(t);
		y = t->rows - 2;
		text = lineedit_text(&le);
		draw_fill(stdscr, y, 0, t->cols, theme_attr(ROLE_FIELD_FOCUS));
		draw_text(stdscr, y, 1, width_str(label), label, theme_attr(ROLE_FIELD_FOCUS));
		draw_text_cut(stdscr, y, 1 + width_str(label), t->cols - 2 - width_str(label), text,
		    theme_attr(ROLE_FIELD_FOCUS));
		curs_set(1);
		move(y, 1 + width_str(label) + width_str(text));
		free(text);
		refresh();
		if (tui_read_key(t, &k, &my, &mx) < 0)
			break;
		if (k.special == KEY_ENTER || (k.special == 0 && k.ch == KEY_ENTER_CHAR))
			done = 1;
		else if (k.special == 0 && k.ch == KEY_ESC_CHAR)
			break;
		else if (k.special == KEY_BACKSPACE)
			lineedit_backspace(&le);
		else if (k.special == 0 && k.ch == KEY_CTRL_U)
			lineedit_kill_to_start(&le);
		else if (k.special == 0)
			lineedit_insert(&le, k.ch);
	}
	curs_set(0);
	if (done) {
		text = lineedit_text(&le);
		snprintf(out, len, "%s", text);
		free(text);
	}
	lineedit_free(&le);
	return done;
}

