# src/tui: the terminal interface (curses lives only here).
src_libbangfu_a_SOURCES += \
	%D%/actions.def \
	%D%/draw.c %D%/draw.h \
	%D%/field.c %D%/field.h \
	%D%/keymap.c %D%/keymap.h \
	%D%/listview.c %D%/listview.h \
	%D%/loop.c \
	%D%/person.c %D%/person.h \
	%D%/person_fields.c %D%/person_fields.h \
	%D%/select.c %D%/select.h \
	%D%/tabs.c %D%/tabs.h \
	%D%/term.c \
	%D%/textview.c %D%/textview.h \
	%D%/theme.c %D%/theme.h \
	%D%/tui.h
