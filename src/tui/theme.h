/*
 * theme.h -- colours by meaning, not by hue.
 *
 * Screens ask for the attribute of a role (a title, a focused field, an
 * error); the theme answers with a colour pair on colour terminals and with
 * bold/reverse/underline on monochrome ones or when NO_COLOR is set, so
 * every screen reads on 8-colour, 256-colour and monochrome terminals.
 */
#ifndef BF_TUI_THEME_H
#define BF_TUI_THEME_H

#include <curses.h>

enum theme_role {
	ROLE_NORMAL,
	ROLE_TITLE,		/* top bar */
	ROLE_HEADER,		/* column headers, section titles */
	ROLE_SELECTED,		/* the cursor row in a list */
	ROLE_FOOTER_KEY,	/* "F2" in the footer */
	ROLE_FOOTER_LABEL,	/* "保存" in the footer */
	ROLE_STATUS_INFO,
	ROLE_STATUS_ERROR,
	ROLE_LABEL,		/* a field's label */
	ROLE_REQUIRED,		/* the * of a required field */
	ROLE_FIELD,		/* an input field */
	ROLE_FIELD_FOCUS,	/* the field being edited */
	ROLE_FIELD_ERROR,	/* message beside a field that failed validation */
	ROLE_WARNING,		/* overdue, warnings */
	ROLE_DIM,		/* hints, read-only values */
	ROLE_TAB,
	ROLE_TAB_ACTIVE,
	ROLE_COUNT
};

void	theme_init(void);               /* after initscr; honours NO_COLOR */
attr_t	theme_attr(enum theme_role r);  /* attributes incl. COLOR_PAIR */
int	theme_has_color(void);

#endif
