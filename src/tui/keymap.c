/*
 * keymap.c -- looking keys up in a screen's table, and the action names
 * and help texts generated from actions.def.
 */
#include "config.h"

#include <stddef.h>

#include "tui/keymap.h"

static const char *const action_names[] = {
#define ACTION(name, help) #name,
#include "tui/actions.def"
#undef ACTION
};

static const char *const action_helps[] = {
#define ACTION(name, help) help,
#include "tui/actions.def"
#undef ACTION
};

/* The action k triggers in map, or ACT_NONE. */
enum action
keymap_lookup(const struct keybind *map, const struct key *k)
{
	const struct keybind *b;

	for (b = map; b->act != ACT_NONE; b++) {
		if (k->special != 0 && b->special == k->special)
			return b->act;
		if (k->special == 0 && b->special == 0 && b->ch == k->ch)
			return b->act;
	}
	return ACT_NONE;
}

/* What an action does, in Chinese, for the help screen. */
const char *
action_help(enum action a)
{
	if ((int)a < 0 || a >= ACT_COUNT)
		return "";
	return action_helps[a];
}

/* The action's name as declared, for logs and tests. */
const char *
action_name(enum action a)
{
	if ((int)a < 0 || a >= ACT_COUNT)
		return "?";
	return action_names[a];
}

/* Is k the plain character ch? */
int
key_is_char(const struct key *k, uint32_t ch)
{
	return k->special == 0 && k->ch == ch;
}
