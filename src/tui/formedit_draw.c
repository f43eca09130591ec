/*
 * formedit_draw.c -- laying out and drawing the form editor.
 *
 * The form becomes a list of lines: section headings (with a blank line
 * before all but the first), one line per shown field, and a line under a
 * field whose message does not fit beside it.  A field line is
 *
 *     <right-aligned label>  <input box>>* <message>
 *
 * where the label column is as wide as the longest label (capped), the
 * box is the field's width, '>' / '<' mark text scrolled out of the box,
 * '*' marks a required field and the message is in the error colour.  The
 * last row of the content area explains the focused field (its help: or
 * what its type accepts).  The layout is redone on every draw, so showing
 * and hiding fields and resizing need nothing else.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "forms/eval.h"
#include "text/width.h"
#include "tui/draw.h"
#include "tui/field.h"
#include "tui/formedit_int.h"
#include "util/xalloc.h"

#define FE_LABEL_MAX 22		/* widest label column */
#define FE_LEFT 1		/* label column starts here */
#define FE_GAP 2		/* between label and box */

/* Append a line to the layout. */
static void
fe_add_line(struct formedit *fe, enum fe_line_kind kind, int idx, const struct form_section *sec)
{
	if (fe->nlines == fe->cap) {
		fe->cap = fe->cap > 0 ? fe->cap * 2 : 32;
		fe->lines = xreallocarray(fe->lines, (size_t)fe->cap, sizeof *fe->lines);
	}
	fe->lines[fe->nlines].kind = kind;
	fe->lines[fe->nlines].idx = idx;
	fe->lines[fe->nlines].sec = sec;
	fe->nlines++;
}

/* Columns the box of field i gets at the current width. */
static int
fe_box_cols(const struct formedit *fe, int i)
{
	int bw = fe_box_width(fe, i), room = fe->cols - fe->box_x - 3;

	if (bw > room)
		bw = room;
	return bw < 2 ? 2 : bw;
}

/* Column where the message beside field i starts. */
static int
fe_msg_x(const struct formedit *fe, int i)
{
	return fe->box_x + fe_box_cols(fe, i) + 3;
}

/* Does the message of field i fit beside it? */
static int
fe_msg_fits(const struct formedit *fe, int i)
{
	return width_str(fe->fields[i].msg) <= fe->cols - 1 - fe_msg_x(fe, i);
}

/* Has section sec a field shown now? */
static int
fe_section_shown(const struct formedit *fe, const struct form_section *sec)
{
	size_t i;

	for (i = 0; i < fe->n; i++)
		if (fe->fields[i].f->section == sec && fe_visible(fe, (int)i))
			return 1;
	return 0;
}

/* Lay the form out for a screen cols wide. */
void
fe_layout(struct formedit *fe, int cols)
{
	const struct form_section *sec = NULL;
	size_t i;
	int w, cap = cols / 3 < FE_LABEL_MAX ? cols / 3 : FE_LABEL_MAX;

	fe->cols = cols;
	fe->label_w = 4;
	for (i = 0; i < fe->n; i++) {
		w = width_str(fe->fields[i].f->label);
		if (w > fe->label_w)
			fe->label_w = w;
	}
	if (fe->label_w > cap)
		fe->label_w = cap;
	fe->box_x = FE_LEFT + fe->label_w + FE_GAP;
	fe->nlines = 0;
	for (i = 0; i < fe->n; i++) {
		const struct form_field *f = fe->fields[i].f;

		if (f->section != NULL && f->section != sec) {
			sec = f->section;
			if (fe_section_shown(fe, sec)) {
				if (fe->nlines > 0)
					fe_add_line(fe, FEL_BLANK, -1, NULL);
				fe_add_line(fe, FEL_SECTION, -1, sec);
			}
		}
		if (!fe_visible(fe, (int)i))
			continue;
		fe_add_line(fe, FEL_FIELD, (int)i, NULL);
		if (fe->fields[i].msg != NULL && !fe_msg_fits(fe, (int)i))
			fe_add_line(fe, FEL_MSG, (int)i, NULL);
	}
}

/* The layout line of field idx, or -1 if it is not shown. */
int
fe_line_of(const struct formedit *fe, int idx)
{
	int l;

	for (l = 0; l < fe->nlines; l++)
		if (fe->lines[l].kind == FEL_FIELD && fe->lines[l].idx == idx)
			return l;
	return -1;
}

/* Scroll so field idx, its message and the heading just above it are in view. */
void
fe_scroll_to(struct formedit *fe, int idx)
{
	int l = fe_line_of(fe, idx), last;

	if (l < 0 || fe->body_h <= 0)
		return;
	last = l;
	if (l + 1 < fe->nlines && fe->lines[l + 1].kind == FEL_MSG)
		last = l + 1;
	if (l > 0 && fe->lines[l - 1].kind == FEL_SECTION)
		l--;
	if (l < fe->top)
		fe->top = l;
	if (last >= fe->top + fe->body_h)
		fe->top = last - fe->body_h + 1;
}

/* The field drawn on screen row y, or -1. */
int
fe_field_at(const struct formedit *fe, int y)
{
	int l = fe->top + (y - 1);

	if (y < 1 || y - 1 >= fe->body_h || l < 0 || l >= fe->nlines)
		return -1;
	if (fe->lines[l].kind == FEL_FIELD || fe->lines[l].kind == FEL_MSG)
		return fe->lines[l].idx;
	return -1;
}

/* One field's line at row y. */
static void
fe_draw_field(struct formedit *fe, struct tui *t, int y, int i)
{
	struct fe_field *ff = &fe->fields[i];
	int bw = fe_box_cols(fe, i), focus = i == fe->cur, cx = -1;
	attr_t box = focus ? theme_attr(ROLE_FIELD_FOCUS)
	    : ff->editable ? theme_attr(ROLE_FIELD) : theme_attr(ROLE_DIM);
	char *shown;

	(void)t;
	if (width_str(ff->f->label) > fe->label_w)
		draw_text_cut(stdscr, y, FE_LEFT, fe->label_w, ff->f->label, theme_attr(ROLE_LABEL));
	else
		draw_text_right(stdscr, y, FE_LEFT, fe->label_w, ff->f->label,
		    focus ? theme_attr(ROLE_LABEL) | A_BOLD : theme_attr(ROLE_LABEL));
	if (ff->editable && fe_type_of(ff->f)->kind == FE_LINE) {
		field_draw(stdscr, y, fe->box_x, bw, &ff->le, box, focus, &cx);
		if (focus) {
			fe->base.cursor_y = y;
			fe->base.cursor_x = cx;
		}
	} else {
		shown = fe_display(fe, i);
		draw_fill(stdscr, y, fe->box_x, bw, box);
		draw_text_cut(stdscr, y, fe->box_x, bw, shown, box);
		free(shown);
		if (focus) {
			fe->base.cursor_y = y;
			fe->base.cursor_x = fe->box_x;
		}
	}
	if (form_is_required(ff->f, fe->rec, fe->today))
		draw_text(stdscr, y, fe->box_x + bw + 1, 1, "*", theme_attr(ROLE_REQUIRED));
	if (ff->msg != NULL && fe_msg_fits(fe, i))
		draw_text(stdscr, y, fe_msg_x(fe, i), fe->cols - 1 - fe_msg_x(fe, i), ff->msg,
		    theme_attr(ff->warn ? ROLE_WARNING : ROLE_FIELD_ERROR));
}

/* The help row: what the focused field wants. */
static void
fe_draw_help(struct formedit *fe, struct tui *t, int y)
{
	const struct form_field *f;
	const char *help;
	char buf[512];

	draw_fill(stdscr, y, 0, t->cols, A_NORMAL);
	if (fe->cur < 0) {
		draw_text(stdscr, y, FE_LEFT, t->cols - 2, "此表没有可填写的项目（Esc 返回）",
		    theme_attr(ROLE_DIM));
		return;
	}
	f = fe->fields[fe->cur].f;
	help = f->help != NULL ? f->help : fe_type_of(f)->hint;
	if (help != NULL)
		snprintf(buf, sizeof buf, "%s：%s", f->label, help);
	else
		snprintf(buf, sizeof buf, "Tab/Shift-Tab 换项  F2 保存  Esc 返回  F1 全部按键");
	draw_text_cut(stdscr, y, FE_LEFT, t->cols - 2, buf, theme_attr(ROLE_DIM));
}

/* Draw the editor into the content area. */
void
fe_draw(struct screen *s, struct tui *t)
{
	struct formedit *fe = (struct formedit *)s;
	int row, l;

	fe->body_h = tui_body_rows(t) - 1;
	if (fe->body_h < 1)
		fe->body_h = 1;
	fe_layout(fe, t->cols);
	if (fe->top > fe->nlines - fe->body_h)
		fe->top = fe->nlines - fe->body_h;
	if (fe->top < 0)
		fe->top = 0;
	if (fe->cur >= 0)
		fe_scroll_to(fe, fe->cur);
	for (row = 0; row < fe->body_h; row++) {
		l = fe->top + row;
		if (l >= fe->nlines)
			break;
		switch (fe->lines[l].kind) {
		case FEL_BLANK:
			break;
		case FEL_SECTION:
			draw_text(stdscr, 1 + row, FE_LEFT, t->cols - 2, fe->lines[l].sec->label,
			    theme_attr(ROLE_HEADER));
			break;
		case FEL_FIELD:
			fe_draw_field(fe, t, 1 + row, fe->lines[l].idx);
			break;
		case FEL_MSG:
			draw_text_cut(stdscr, 1 + row, fe->box_x, t->cols - 1 - fe->box_x,
			    fe->fields[fe->lines[l].idx].msg,
			    theme_attr(fe->fields[fe->lines[l].idx].warn ? ROLE_WARNING
			    : ROLE_FIELD_ERROR));
			break;
		}
	}
	if (fe->top > 0)
		draw_text_right(stdscr, 1, t->cols - 8, 7, "PgUp ^", theme_attr(ROLE_DIM));
	if (fe->top + fe->body_h < fe->nlines)
		draw_text_right(stdscr, fe->body_h, t->cols - 8, 7, "PgDn v", theme_attr(ROLE_DIM));
	fe_draw_help(fe, t, 1 + fe->body_h);
}
