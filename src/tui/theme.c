/*
 * theme.c -- colours by meaning, with a monochrome fallback.
 */
#include "config.h"

#include <stdlib.h>

#include "tui/theme.h"

struct theme_entry {
	short	fg, bg;		/* colour pair when colours are on; -1 = default */
	attr_t	color_attr;	/* extra attributes with colour */
	attr_t	mono_attr;	/* attributes without colour */
};

/* Indexed by enum theme_role; only the 8 basic colours, so 8-colour terminals look the same. */
static const struct theme_entry theme_table[ROLE_COUNT] = {
	[ROLE_NORMAL]       = { -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_TITLE]        = { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE },
	[ROLE_HEADER]       = { COLOR_CYAN, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	[ROLE_SELECTED]     = { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE },
	[ROLE_FOOTER_KEY]   = { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE },
	[ROLE_FOOTER_LABEL] = { -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_STATUS_INFO]  = { COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[ROLE_STATUS_ERROR] = { COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD },
	[ROLE_LABEL]        = { -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_REQUIRED]     = { COLOR_RED, -1, A_BOLD, A_BOLD },
	[ROLE_FIELD]        = { -1, -1, A_UNDERLINE, A_UNDERLINE },
	[ROLE_FIELD_FOCUS]  = { COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE },
	[ROLE_FIELD_ERROR]  = { COLOR_RED, -1, A_BOLD, A_BOLD },
	[ROLE_WARNING]      = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[ROLE_DIM]          = { COLOR_BLUE, -1, A_NORMAL, A_DIM },
	[ROLE_TAB]          = { -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_TAB_ACTIVE]   = { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD },
};

static int theme_color_on;

/* Set up colour pairs, or stay monochrome (no colours, or NO_COLOR set). */
void
theme_init(void)
{
	const char *no_color = getenv("NO_COLOR");
	int i;

	theme_color_on = has_colors() && (no_color == NULL || no_color[0] == '\0');
	if (!theme_color_on)
		return;
	if (start_color() != OK) {
		theme_color_on = 0;
		return;
	}
	use_default_colors();
	for (i = 1; i < ROLE_COUNT; i++)
		init_pair((short)i, theme_table[i].fg, theme_table[i].bg);
}

/* Attributes to draw role with. */
attr_t
theme_attr(enum theme_role r)
{
	if ((int)r < 0 || r >= ROLE_COUNT)
		r = ROLE_NORMAL;
	if (!theme_color_on)
		return theme_table[r].mono_attr;
	if (r == ROLE_NORMAL)
		return A_NORMAL;
	return COLOR_PAIR((int)r) | theme_table[r].color_attr;
}

/* Are colours in use? */
int
theme_has_color(void)
{
	return theme_color_on;
}
