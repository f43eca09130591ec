/*
 * tui.h -- the terminal interface: screens on a stack, one input loop.
 *
 * A screen draws the area between the title bar (row 0) and the status
 * line and footer (the last two rows), and reacts to actions looked up in
 * its key table, or to raw keys (text entry) the table does not bind.  The
 * loop owns the title bar, the status line, the footer, the help screen,
 * the "terminal too small" screen and resizing.
 */
#ifndef BF_TUI_H
#define BF_TUI_H

#include <curses.h>

#include "tui/keymap.h"
#include "util/error.h"

#define TUI_MIN_COLS 80
#define TUI_MIN_ROWS 24
#define TUI_MAX_DEPTH 16

struct tui;
struct screen;
struct app_session;

struct screen_ops {
	const char	*name;		/* for tests and logs: "caseload" */
	/* Draw the content area (rows 1..t->rows-3); must not draw outside it. */
	void	(*draw)(struct screen *s, struct tui *t);
	/* Handle an action from the key table; return 1 if handled. */
	int	(*action)(struct screen *s, struct tui *t, enum action a);
	/* Handle a key the table does not bind (typing); may be NULL. */
	int	(*key)(struct screen *s, struct tui *t, const struct key *k);
	/* A mouse click at screen (y, x); may be NULL. */
	int	(*click)(struct screen *s, struct tui *t, int y, int x);
	/* Unsaved changes?  May be NULL (never dirty). */
	int	(*dirty)(struct screen *s);
	/* Back on top after the screen above it closed: refresh data.  May be NULL. */
	void	(*resume)(struct screen *s, struct tui *t);
	/* Free the screen. */
	void	(*destroy)(struct screen *s);
};

/* Screens embed this as their first member. */
struct screen {
	const struct screen_ops	*ops;
	const struct keybind	*keys;	/* this screen's key table */
	char			 title[128];
	/* Where the terminal cursor should sit after drawing (-1: hidden). */
	int			 cursor_y, cursor_x;
};

enum tui_msg { MSG_NONE, MSG_INFO, MSG_ERROR };

struct tui {
	struct app_session	*app;		/* database, forms, user, today */
	int			 rows, cols;
	struct screen		*stack[TUI_MAX_DEPTH];
	int			 depth;
	int			 quit;		/* leave the loop */
	enum tui_msg		 msg_kind;
	char			 msg[512];
	const char		*user_label;	/* "张三（caseworker）" for the title bar */
};

/* The main loop: runs until quit or the stack empties.  Returns 0. */
int	tui_loop(struct tui *t);
void	tui_push(struct tui *t, struct screen *s);      /* takes ownership */
void	tui_pop(struct tui *t);                          /* destroys the top screen */
struct screen *tui_top(struct tui *t);
/* Status line message; shown until the next key. */
void	tui_message(struct tui *t, enum tui_msg kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Redraw everything now (title, screen, status, footer). */
void	tui_redraw(struct tui *t);
/* Content area height (rows between the title bar and the status line). */
int	tui_body_rows(const struct tui *t);

/* Read one key, handling resize; returns 0, or -1 on end of input. */
int	tui_read_key(struct tui *t, struct key *k, int *mouse_y, int *mouse_x);
/* Modal yes/no question; default No.  Returns 1 for yes. */
int	tui_confirm(struct tui *t, const char *question);
/* Modal three-way question for unsaved changes: 's' save, 'd' discard, 0 cancel. */
int	tui_ask_unsaved(struct tui *t, const char *what);
/* Modal help screen for the top screen's key table. */
void	tui_help(struct tui *t);

/* Terminal set-up (term.c). */
int	term_start(bf_error *err);
void	term_stop(void);

#endif
