/*
 * keymap.h -- keys, actions and the per-screen key tables.
 *
 * Every screen has a table of key bindings: which key triggers which action,
 * how the key is written on screen ("F2", "Ctrl-S") and whether it belongs
 * in the footer.  The footer and the help screen are drawn from these
 * tables, so they always tell the truth about the keys.
 */
#ifndef BF_TUI_KEYMAP_H
#define BF_TUI_KEYMAP_H

#include <stdint.h>

enum action {
#define ACTION(name, help) ACT_##name,
#include "tui/actions.def"
#undef ACTION
	ACT_COUNT
};

/* One key press: a character typed, or a function/cursor key. */
struct key {
	int		special;	/* curses KEY_* code, or 0 for a character */
	uint32_t	ch;		/* the character when special == 0 */
};

/* Control characters as typed with Ctrl. */
#define KEY_CTRL_A 0x01
#define KEY_CTRL_E 0x05
#define KEY_CTRL_K 0x0b
#define KEY_CTRL_L 0x0c
#define KEY_CTRL_S 0x13
#define KEY_CTRL_U 0x15
#define KEY_CTRL_W 0x17
#define KEY_CTRL_Y 0x19
#define KEY_TAB_CHAR 0x09
#define KEY_ENTER_CHAR 0x0d
#define KEY_ESC_CHAR 0x1b

struct keybind {
	int		special;	/* KEY_* code, or 0 */
	uint32_t	ch;		/* character, when special == 0 */
	enum action	act;
	const char	*label;		/* as shown: "F2", "Ctrl-S", "/" */
	const char	*footer;	/* short footer text, or NULL to keep it off the footer */
};

/* A screen's table ends with a row whose act is ACT_NONE. */
enum action keymap_lookup(const struct keybind *map, const struct key *k);
const char *action_help(enum action a);    /* static Chinese description */
const char *action_name(enum action a);    /* static "SAVE" */
int	key_is_char(const struct key *k, uint32_t ch);

#endif
