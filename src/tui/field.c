/*
 * field.c -- a one-line text field on screen.
 *
 * The editing itself is text/lineedit.c (unit-tested without a terminal);
 * this file only maps keys to editing operations and draws the visible
 * part of the text.
 */
#include "config.h"

#include "text/utf8.h"
#include "tui/draw.h"
#include "tui/field.h"
#include "util/strbuf.h"

typedef void (*field_op)(struct lineedit *le);

static void field_backspace(struct lineedit *le) { lineedit_backspace(le); }
static void field_delete(struct lineedit *le) { lineedit_delete(le); }

/* Editing keys; characters are inserted separately. */
static const struct {
	int		special;
	uint32_t	ch;
	field_op	op;
} field_keys[] = {
	{ KEY_LEFT, 0, lineedit_left },
	{ KEY_RIGHT, 0, lineedit_right },
	{ KEY_HOME, 0, lineedit_home },
	{ KEY_END, 0, lineedit_end },
	{ KEY_BACKSPACE, 0, field_backspace },
	{ KEY_DC, 0, field_delete },
	{ 0, KEY_CTRL_A, lineedit_home },
	{ 0, KEY_CTRL_E, lineedit_end },
	{ 0, KEY_CTRL_K, lineedit_kill_to_end },
	{ 0, KEY_CTRL_U, lineedit_kill_to_start },
	{ 0, KEY_CTRL_W, lineedit_kill_word },
	{ 0, KEY_CTRL_Y, lineedit_yank },
};

/* Apply one editing key; 1 if it was one. */
int
field_key(struct lineedit *le, const struct key *k)
{
	size_t i;

	for (i = 0; i < sizeof field_keys / sizeof field_keys[0]; i++) {
		if (k->special != 0 ? field_keys[i].special == k->special
		    : (field_keys[i].special == 0 && field_keys[i].ch == k->ch)) {
			field_keys[i].op(le);
			return 1;
		}
	}
	if (k->special == 0 && k->ch >= 0x20 && k->ch != 0x7f) {
		lineedit_insert(le, k->ch);
		return 1;
	}
	return 0;
}

/* Draw the visible part of le; place the cursor column when focused. */
void
field_draw(WINDOW *w, int y, int x, int cols, struct lineedit *le,
    attr_t attr, int focus, int *cursor_x)
{
	struct lineedit_view v;
	strbuf sb;
	char enc[4];
	size_t i;
	int n;

	if (cols < 1)
		return;
	lineedit_view(le, cols, &v);
	sb_init(&sb);
	for (i = v.first; i < v.first + v.count && i < le->len; i++) {
		n = utf8_encode(le->chars[i], enc);
		sb_addn(&sb, enc, (size_t)n);
	}
	draw_text(w, y, x, cols, sb_str(&sb), attr);
	sb_free(&sb);
	if (v.more_left && x > 0)
		draw_text(w, y, x - 1, 1, "<", theme_attr(ROLE_DIM));
	if (v.more_right)
		draw_text(w, y, x + cols, 1, ">", theme_attr(ROLE_DIM));
	if (focus && cursor_x != NULL)
		*cursor_x = x + v.cursor_col;
}
