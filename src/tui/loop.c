/*
 * loop.c -- the screen stack and the one input loop: read a key, look it
 * up in the top screen's table, let the screen act, redraw.  Also the parts
 * of the screen every view shares: title bar, status line, footer, and the
 * "terminal too small" notice.
 */
#include "config.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text/width.h"
#include "tui/draw.h"
#include "tui/formedit.h"
#include "tui/theme.h"
#include "tui/tui.h"

/* Keys that work on every screen unless the screen binds them itself. */
static const struct keybind tui_global_keys[] = {
	{ KEY_F(1), 0, ACT_HELP, "F1", NULL },
	{ 0, 0x03, ACT_QUIT, "Ctrl-C", NULL },
	{ 0, KEY_CTRL_L, ACT_REFRESH, "Ctrl-L", NULL },
	{ KEY_F(10), 0, ACT_QUIT, "F10", NULL },
	{ 0, 0, ACT_NONE, NULL, NULL }
};

/* Set by SIGHUP or SIGTERM: the terminal is gone or we are asked to stop. */
static volatile sig_atomic_t tui_hangup;

/* SIGHUP/SIGTERM handler: only note it; the loop ends at the next read. */
static void
tui_on_signal(int sig)
{
	(void)sig;
	tui_hangup = 1;
}

/*
 * Catch SIGHUP (dropped SSH connection, closed terminal window) and
 * SIGTERM without SA_RESTART, so a blocked read returns and the loop can
 * keep the forms being edited as drafts before it exits.
 */
static void
tui_catch_hangup(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = tui_on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

/* Keep every open form editor's unsaved values as drafts (top first). */
static void
tui_keep_drafts(struct tui *t)
{
	int i;

	for (i = t->depth - 1; i >= 0; i--)
		if (strcmp(t->stack[i]->ops->name, "formedit") == 0)
			formedit_keep_draft(t->stack[i]);
}

/* Rows between the title bar and the status line. */
int
tui_body_rows(const struct tui *t)
{
	return t->rows - 3;
}

/* The screen on top, or NULL. */
struct screen *
tui_top(struct tui *t)
{
	return t->depth > 0 ? t->stack[t->depth - 1] : NULL;
}

/* Put s on top; the stack owns it from now on. */
void
tui_push(struct tui *t, struct screen *s)
{
	if (t->depth >= TUI_MAX_DEPTH) {
		s->ops->destroy(s);
		tui_message(t, MSG_ERROR, "打开的层级太多，请先返回几层");
		return;
	}
	t->stack[t->depth++] = s;
}

/* Close the top screen and tell the one below it. */
void
tui_pop(struct tui *t)
{
	struct screen *s;

	if (t->depth == 0)
		return;
	s = t->stack[--t->depth];
	s->ops->destroy(s);
	s = tui_top(t);
	if (s != NULL && s->ops->resume != NULL)
		s->ops->resume(s, t);
}

/* Set the status-line message. */
void
tui_message(struct tui *t, enum tui_msg kind, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->msg, sizeof t->msg, fmt, ap);
	va_end(ap);
	t->msg_kind = kind;
}

static int
tui_too_small(const struct tui *t)
{
	return t->rows < TUI_MIN_ROWS || t->cols < TUI_MIN_COLS;
}

/* Title bar: program and screen on the left, user on the right. */
static void
tui_draw_title(struct tui *t, struct screen *s)
{
	char left[200];
	attr_t a = theme_attr(ROLE_TITLE);
	int uw;

	snprintf(left, sizeof left, " 帮扶 | %s", s != NULL ? s->title : "");
	draw_fill(stdscr, 0, 0, t->cols, a);
	uw = t->user_label != NULL ? width_str(t->user_label) + 1 : 0;
	draw_text(stdscr, 0, 0, t->cols - uw, left, a);
	if (uw > 0)
		draw_text_right(stdscr, 0, t->cols - uw, uw, t->user_label, a);
}

/* Footer: the keys of the top screen that ask to be shown. */
static void
tui_draw_footer(struct tui *t, struct screen *s)
{
	const struct keybind *b;
	int x = 0, y = t->rows - 1, kw, lw;

	draw_fill(stdscr, y, 0, t->cols, theme_attr(ROLE_FOOTER_LABEL));
	if (s == NULL || s->keys == NULL)
		return;
	for (b = s->keys; b->act != ACT_NONE; b++) {
		if (b->footer == NULL)
			continue;
		kw = width_str(b->label);
		lw = width_str(b->footer);
		if (x + kw + lw + 1 > t->cols)
			break;
		draw_text(stdscr, y, x, kw, b->label, theme_attr(ROLE_FOOTER_KEY));
		draw_text(stdscr, y, x + kw, lw + 1, b->footer, theme_attr(ROLE_FOOTER_LABEL));
		x += kw + lw + 2;
	}
}

/* Status line: the last message, in its colour. */
static void
tui_draw_status(struct tui *t)
{
	enum theme_role r = t->msg_kind == MSG_ERROR ? ROLE_STATUS_ERROR : ROLE_STATUS_INFO;

	draw_fill(stdscr, t->rows - 2, 0, t->cols, A_NORMAL);
	if (t->msg_kind != MSG_NONE)
		draw_text_cut(stdscr, t->rows - 2, 0, t->cols, t->msg, theme_attr(r));
}

/* Shown instead of any screen while the terminal is below 80x24. */
static void
tui_draw_too_small(struct tui *t)
{
	char line[160];
	int y = t->rows / 2 - 1;

	erase();
	if (y < 0)
		y = 0;
	snprintf(line, sizeof line, "终端窗口太小：%d×%d", t->cols, t->rows);
	draw_text(stdscr, y, 0, t->cols, line, theme_attr(ROLE_WARNING));
	snprintf(line, sizeof line, "至少需要 %d×%d，请放大窗口。", TUI_MIN_COLS, TUI_MIN_ROWS);
	if (y + 1 < t->rows)
		draw_text(stdscr, y + 1, 0, t->cols, line, A_NORMAL);
	if (y + 2 < t->rows)
		draw_text(stdscr, y + 2, 0, t->cols, "已输入的内容不会丢失。", A_NORMAL);
}

/* Redraw the whole screen and place the terminal cursor. */
void
tui_redraw(struct tui *t)
{
	struct screen *s = tui_top(t);

	getmaxyx(stdscr, t->rows, t->cols);
	if (tui_too_small(t)) {
		tui_draw_too_small(t);
		curs_set(0);
		refresh();
		return;
	}
	erase();
	tui_draw_title(t, s);
	if (s != NULL) {
		s->cursor_y = -1;
		s->cursor_x = -1;
		s->ops->draw(s, t);
	}
	tui_draw_status(t);
	tui_draw_footer(t, s);
	/* The real cursor sits where text is typed: input methods put their window there. */
	if (s != NULL && s->cursor_y >= 0) {
		curs_set(1);
		move(s->cursor_y, s->cursor_x);
	} else {
		curs_set(0);
	}
	refresh();
}

/*
 * Read a key.  Enter and Backspace arrive in several spellings and are
 * folded into KEY_ENTER and KEY_BACKSPACE; resizes are handled here; a
 * mouse click becomes KEY_MOUSE with its position, the wheel becomes
 * KEY_UP/KEY_DOWN.  Returns -1 when input has ended (terminal gone).
 */
int
tui_read_key(struct tui *t, struct key *k, int *mouse_y, int *mouse_x)
{
	wint_t wc;
	MEVENT ev;
	int rc, errors = 0;

	for (;;) {
		if (tui_hangup)
			return -1;
		rc = get_wch(&wc);
		if (rc == ERR) {
			if (tui_hangup || ++errors > 100)
				return -1;	/* stdin closed: stop instead of spinning */
			continue;
		}
		k->special = 0;
		k->ch = 0;
		if (rc == KEY_CODE_YES) {
			if (wc == KEY_RESIZE) {
				getmaxyx(stdscr, t->rows, t->cols);
				tui_redraw(t);
				continue;
			}
			if (wc == KEY_MOUSE) {
				if (getmouse(&ev) != OK)
					continue;
				if (ev.bstate & BUTTON4_PRESSED) {
					k->special = KEY_UP;
					return 0;
				}
#ifdef BUTTON5_PRESSED
				if (ev.bstate & BUTTON5_PRESSED) {
					k->special = KEY_DOWN;
					return 0;
				}
#endif
				if (mouse_y != NULL)
					*mouse_y = ev.y;
				if (mouse_x != NULL)
					*mouse_x = ev.x;
				k->special = KEY_MOUSE;
				return 0;
			}
			k->special = (int)wc;
			if (wc == KEY_ENTER)
				k->special = KEY_ENTER;
			return 0;
		}
		switch (wc) {
		case '\r':
		case '\n':
			k->special = KEY_ENTER;
			break;
		case 0x7f:
		case 0x08:
			k->special = KEY_BACKSPACE;
			break;
		default:
			k->ch = (uint32_t)wc;
		}
		return 0;
	}
}

/* A centred box with lines of text; returns its top row. */
static int
tui_draw_box(struct tui *t, const char *title, const char *const *lines, int n)
{
	int i, w = 0, lw, h = n + 2, y, x;

	for (i = 0; i < n; i++) {
		lw = width_str(lines[i]);
		if (lw > w)
			w = lw;
	}
	w += 4;
	if (w < 30)
		w = 30;
	if (w > t->cols - 2)
		w = t->cols - 2;
	y = (t->rows - h) / 2;
	x = (t->cols - w) / 2;
	draw_frame(stdscr, y, x, h, w, title, theme_attr(ROLE_NORMAL));
	for (i = 0; i < n; i++)
		draw_text(stdscr, y + 1 + i, x + 2, w - 4, lines[i], A_NORMAL);
	curs_set(0);
	refresh();
	return y;
}

/* Modal yes/no; Enter or Esc alone mean no, so a stray key never destroys work. */
int
tui_confirm(struct tui *t, const char *question)
{
	const char *lines[3] = { question, "", "[y] 是    [n/Esc] 否" };
	struct key k;

	for (;;) {
		tui_redraw(t);
		tui_draw_box(t, "请确认", lines, 3);
		if (tui_read_key(t, &k, NULL, NULL) < 0)
			return 0;
		if (key_is_char(&k, 'y') || key_is_char(&k, 'Y'))
			return 1;
		if (key_is_char(&k, 'n') || key_is_char(&k, 'N') ||
		    key_is_char(&k, KEY_ESC_CHAR) || k.special == KEY_ENTER)
			return 0;
	}
}

/* Modal question for unsaved changes: 's' save, 'd' discard, 0 stay. */
int
tui_ask_unsaved(struct tui *t, const char *what)
{
	char q[256];
	const char *lines[3] = { q, "", "[s] 保存    [d] 放弃修改    [Esc] 继续编辑" };
	struct key k;

	snprintf(q, sizeof q, "%s有未保存的修改。", what != NULL ? what : "");
	for (;;) {
		tui_redraw(t);
		tui_draw_box(t, "未保存的修改", lines, 3);
		if (tui_read_key(t, &k, NULL, NULL) < 0)
			return 0;
		if (key_is_char(&k, 's') || key_is_char(&k, 'S') || k.special == KEY_F(2) ||
		    key_is_char(&k, KEY_CTRL_S))
			return 's';
		if (key_is_char(&k, 'd') || key_is_char(&k, 'D'))
			return 'd';
		if (key_is_char(&k, KEY_ESC_CHAR))
			return 0;
	}
}

/* Append the help lines of one key table to the list. */
static void
tui_help_lines(const struct keybind *map, const char **lines, char bufs[][160],
    int *n, int max)
{
	const struct keybind *b;
	strbuf sb;

	sb_init(&sb);
	for (b = map; b->act != ACT_NONE && *n < max; b++) {
		sb_reset(&sb);
		width_pad(&sb, b->label, 12);
		sb_add(&sb, action_help(b->act));
		snprintf(bufs[*n], sizeof bufs[0], "%s", sb_str(&sb));
		lines[*n] = bufs[*n];
		(*n)++;
	}
	sb_free(&sb);
}

/* Modal help: every key of the top screen, then the global keys. */
void
tui_help(struct tui *t)
{
	enum { MAXL = 64 };
	static char bufs[MAXL][160];
	const char *lines[MAXL];
	struct screen *s = tui_top(t);
	struct key k;
	int n = 0, first = 0, room, i;

	if (s != NULL && s->keys != NULL)
		tui_help_lines(s->keys, lines, bufs, &n, MAXL - 4);
	lines[n++] = "";
	tui_help_lines(tui_global_keys, lines, bufs, &n, MAXL - 1);
	for (;;) {
		room = t->rows - 6;
		if (room < 1)
			room = 1;
		if (first > n - room)
			first = n - room > 0 ? n - room : 0;
		tui_redraw(t);
		{
			const char *view[MAXL + 1];
			int m = 0;

			for (i = first; i < n && m < room; i++)
				view[m++] = lines[i];
			view[m++] = n > room ? "（↑↓ 滚动，其他键关闭）" : "（按任意键关闭）";
			tui_draw_box(t, "按键说明", view, m);
		}
		if (tui_read_key(t, &k, NULL, NULL) < 0)
			return;
		if (k.special == KEY_DOWN && first + room < n)
			first++;
		else if (k.special == KEY_UP && first > 0)
			first--;
		else
			return;
	}
}

/* Does any screen on the stack hold unsaved changes? */
static int
tui_any_dirty(struct tui *t)
{
	int i;

	for (i = 0; i < t->depth; i++)
		if (t->stack[i]->ops->dirty != NULL && t->stack[i]->ops->dirty(t->stack[i]))
			return 1;
	return 0;
}

/* What the loop does with an action no screen took. */
static void
tui_default_action(struct tui *t, enum action a)
{
	struct screen *s = tui_top(t);
	int answer;

	switch (a) {
	case ACT_HELP:
		tui_help(t);
		break;
	case ACT_QUIT:
		if (!tui_any_dirty(t) ||
		    tui_confirm(t, "有未保存的修改。放弃这些修改并退出吗？"))
			t->quit = 1;
		break;
	case ACT_BACK:
		if (s == NULL)
			break;
		if (s->ops->dirty != NULL && s->ops->dirty(s)) {
			answer = tui_ask_unsaved(t, "");
			if (answer == 's') {
				s->ops->action(s, t, ACT_SAVE);
				if (s->ops->dirty(s))
					break;	/* save failed: the screen said why */
			} else if (answer != 'd') {
				break;
			}
		}
		if (t->depth > 1)
			tui_pop(t);
		break;
	case ACT_REFRESH:
		clearok(curscr, TRUE);
		break;
	default:
		break;
	}
}

/* Milliseconds on the monotonic clock. */
static double
tui_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/*
 * Run until quit; each key is one step.  With $BANGFU_KEYTIME naming a
 * file, the time from each key's arrival to the finished screen is
 * appended to it ("screen key ms"): how the keypress-to-screen figures of
 * the benchmarks are measured on a real terminal.
 */
int
tui_loop(struct tui *t)
{
	struct screen *s;
	struct key k;
	enum action a;
	int my = 0, mx = 0, handled;
	const char *log_path = getenv("BANGFU_KEYTIME");
	FILE *log = log_path != NULL && *log_path ? fopen(log_path, "a") : NULL;
	double t0 = -1;
	char what[64] = "";

	tui_catch_hangup();
	while (!t->quit && t->depth > 0) {
		tui_redraw(t);
		if (log != NULL && t0 >= 0) {
			fprintf(log, "%s %.3f\n", what, tui_ms() - t0);
			fflush(log);
		}
		if (tui_read_key(t, &k, &my, &mx) < 0) {
			/* Hung up or input gone: nothing typed may be lost. */
			tui_keep_drafts(t);
			break;
		}
		if (log != NULL) {
			t0 = tui_ms();
			snprintf(what, sizeof what, "%s %s%u", tui_top(t)->ops->name,
			    k.special ? "k" : "c", k.special ? (unsigned)k.special : (unsigned)k.ch);
		}
		if (tui_too_small(t))
			continue;
		t->msg_kind = MSG_NONE;
		s = tui_top(t);
		if (k.special == KEY_MOUSE) {
			if (s->ops->click != NULL)
				s->ops->click(s, t, my, mx);
			continue;
		}
		a = keymap_lookup(s->keys, &k);
		if (a == ACT_NONE && (s->ops->key == NULL || !s->ops->key(s, t, &k))) {
			a = keymap_lookup(tui_global_keys, &k);
			if (a == ACT_NONE)
				continue;
		}
		if (a == ACT_NONE)
			continue;
		handled = s->ops->action(s, t, a);
		if (!handled)
			tui_default_action(t, a);
	}
	if (log != NULL)
		fclose(log);
	return 0;
}
