/*
 * prompt.c -- the modal one-line question (see prompt.h): a frame in the
 * middle of the screen, the question, and a field drawn by tui/field.c.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/lineedit.h"
#include "tui/draw.h"
#include "tui/field.h"
#include "tui/prompt.h"
#include "tui/theme.h"
#include "tui/tui.h"

#define PROMPT_MAX_CHARS 200

/* Copy s without leading and trailing spaces into out. */
static void
prompt_trim(const char *s, char *out, size_t len)
{
	size_t n;

	while (*s == ' ')
		s++;
	snprintf(out, len, "%s", s);
	n = strlen(out);
	while (n > 0 && out[n - 1] == ' ')
		out[--n] = '\0';
}

/* Ask one line of text. */
int
prompt_text(struct tui *t, const char *title, const char *question, char *out, size_t len)
{
	struct lineedit le;
	struct key k;
	int w, h = 5, y, x, cx = 0, done = -1;
	char *text;

	lineedit_init(&le, PROMPT_MAX_CHARS);
	out[0] = '\0';
	while (done < 0) {
		tui_redraw(t);
		w = t->cols - 10 < 70 ? t->cols - 10 : 70;
		y = (t->rows - h) / 2;
		x = (t->cols - w) / 2;
		draw_frame(stdscr, y, x, h, w, title, theme_attr(ROLE_NORMAL));
		draw_text_cut(stdscr, y + 1, x + 2, w - 4, question, A_NORMAL);
		draw_text_cut(stdscr, y + 3, x + 2, w - 4, "Enter 确定    Esc 取消", A_DIM);
		field_draw(stdscr, y + 2, x + 2, w - 4, &le, theme_attr(ROLE_NORMAL) | A_UNDERLINE, 1,
		    &cx);
		curs_set(1);
		move(y + 2, cx);	/* input methods anchor their window here */
		refresh();
		if (tui_read_key(t, &k, NULL, NULL) < 0)
			done = 0;
		else if (k.special == KEY_ENTER || key_is_char(&k, KEY_ENTER_CHAR) ||
		    key_is_char(&k, '\n'))
			done = 1;
		else if (key_is_char(&k, KEY_ESC_CHAR))
			done = 0;
		else
			field_key(&le, &k);
	}
	if (done) {
		text = lineedit_text(&le);
		prompt_trim(text, out, len);
		free(text);
	}
	lineedit_free(&le);
	curs_set(0);
	return done;
}
