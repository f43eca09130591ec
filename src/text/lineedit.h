/*
 * lineedit.h -- the line editor behind every text field: a plain data
 * structure of wide characters, edited by character and measured by
 * display width, so Chinese text is never split or misplaced.  No curses:
 * the terminal layer only draws what lineedit_view() says.
 *
 * A combining mark or other zero-width character moves, is deleted and
 * is shown together with the character before it.  Control characters
 * are never inserted; in pasted or set text a tab or line break (CR, LF
 * or CRLF) becomes one space and other control characters are dropped;
 * invalid UTF-8 bytes become U+FFFD.  max_chars counts code points and
 * limits typing, pasting and yanking, not lineedit_set(): text loaded
 * from the database is never cut.
 *
 * Ctrl-W deletes the spaces before the cursor, then the run of characters
 * of one class before that, the classes being Han characters, other
 * letters and digits (Latin, full-width, kana, ...), and punctuation and
 * symbols: "联系电话13800138000" takes two Ctrl-W, "张三，李四" three.
 * Each kill replaces the kill buffer (consecutive kills do not append);
 * a kill of nothing leaves it alone.
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
	size_t	  cut;		/* characters the last insert, paste or yank
				   left out because max_chars was reached;
				   the caller tells the user when nonzero */
};

/*
 * What to draw for a field cols wide: chars[first .. first + count) from
 * the field's first column, then spaces to the end (a double-width
 * character that would straddle the right edge is not shown).  The
 * markers take no column of the field: draw them outside it, or in its
 * frame.  Put the terminal's real cursor at cursor_col (input methods
 * anchor their window there).
 */
struct lineedit_view {
	size_t	first;		/* first character shown */
	size_t	count;		/* characters shown */
	int	cursor_col;	/* column of the cursor within the field */
	int	more_left;	/* text hidden on the left */
	int	more_right;	/* text hidden on the right */
};

void	lineedit_init(struct lineedit *le, size_t max_chars);
void	lineedit_free(struct lineedit *le);                   /* NULL is fine; le is re-inited */
void	lineedit_set(struct lineedit *le, const char *utf8);  /* replaces text, cursor at end; invalid bytes become U+FFFD */
char	*lineedit_text(const struct lineedit *le);           /* UTF-8; caller frees */
int	lineedit_insert(struct lineedit *le, uint32_t cp);    /* 0 ok, -1 full (cut = 1) or control char */
size_t	lineedit_insert_str(struct lineedit *le, const char *utf8); /* paste; characters inserted, cut = left out */
int	lineedit_backspace(struct lineedit *le);              /* delete before cursor; 0 ok, -1 at start */
int	lineedit_delete(struct lineedit *le);                 /* delete at cursor; 0 ok, -1 at end */
void	lineedit_left(struct lineedit *le);
void	lineedit_right(struct lineedit *le);
void	lineedit_home(struct lineedit *le);                   /* Ctrl-A */
void	lineedit_end(struct lineedit *le);                    /* Ctrl-E */
void	lineedit_kill_to_end(struct lineedit *le);            /* Ctrl-K */
void	lineedit_kill_to_start(struct lineedit *le);          /* Ctrl-U */
void	lineedit_kill_word(struct lineedit *le);              /* Ctrl-W */
void	lineedit_yank(struct lineedit *le);                   /* Ctrl-Y; sets cut */
int	lineedit_width(const struct lineedit *le);            /* columns of the whole text */
/*
 * Where to scroll and where the cursor is for a field cols wide (cols >= 2;
 * smaller works but cannot show a double-width character).  Keeps the
 * cursor and the character under it inside the field, scrolling as little
 * as possible to the right and half a field to the left; updates scroll.
 */
void	lineedit_view(struct lineedit *le, int cols, struct lineedit_view *v);

#endif
