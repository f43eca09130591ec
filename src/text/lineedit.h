/*
 * lineedit.h -- the line editor behind every text field: a plain data
 * structure of wide characters, edited by character and measured by
 * display width, so Chinese text is never split or misplaced.  No curses:
 * the terminal layer only draws what lineedit_view() says.
 */
#ifndef BF_TEXT_LINEEDIT_H
#define BF_TEXT_LINEEDIT_H

#include <stddef.h>
#include <stdint.h>

struct lineedit {
	uint32_t *chars;	/* code points, not NUL-terminated */
	size_t	  len;		/* characters in use */
	size_t	  cap;		/* characters allocated */
	size_t	  cursor;	/* insertion point, 0..len */
	size_t	  scroll;	/* first character shown */
	size_t	  max_chars;	/* 0 = unlimited */
	char	 *killed;	/* last killed text (UTF-8), for Ctrl-Y */
};

/* What to draw for a field cols wide. */
struct lineedit_view {
	size_t	first;		/* first character shown */
	size_t	count;		/* characters shown */
	int	cursor_col;	/* column of the cursor within the field */
	int	more_left;	/* text hidden on the left */
	int	more_right;	/* text hidden on the right */
};

void	lineedit_init(struct lineedit *le, size_t max_chars);
void	lineedit_free(struct lineedit *le);
void	lineedit_set(struct lineedit *le, const char *utf8);  /* replaces text, cursor at end; invalid bytes become U+FFFD */
char	*lineedit_text(const struct lineedit *le);           /* UTF-8; caller frees */
int	lineedit_insert(struct lineedit *le, uint32_t cp);    /* 0 ok, -1 full or control char */
size_t	lineedit_insert_str(struct lineedit *le, const char *utf8); /* paste; characters inserted */
int	lineedit_backspace(struct lineedit *le);              /* delete before cursor */
int	lineedit_delete(struct lineedit *le);                 /* delete at cursor */
void	lineedit_left(struct lineedit *le);
void	lineedit_right(struct lineedit *le);
void	lineedit_home(struct lineedit *le);                   /* Ctrl-A */
void	lineedit_end(struct lineedit *le);                    /* Ctrl-E */
void	lineedit_kill_to_end(struct lineedit *le);            /* Ctrl-K */
void	lineedit_kill_to_start(struct lineedit *le);          /* Ctrl-U */
void	lineedit_kill_word(struct lineedit *le);              /* Ctrl-W */
void	lineedit_yank(struct lineedit *le);                   /* Ctrl-Y */
int	lineedit_width(const struct lineedit *le);            /* columns of the whole text */
/* Where to scroll and where the cursor is for a field cols wide (cols >= 2). */
void	lineedit_view(struct lineedit *le, int cols, struct lineedit_view *v);

#endif
