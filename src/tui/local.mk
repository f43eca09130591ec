# src/tui: the terminal interface (curses lives only here).
src_libbangfu_a_SOURCES += \
	%D%/actions.def \
	%D%/auditlog.c \
	%D%/caseload.c \
	%D%/chart.c %D%/chart.h \
	%D%/dashboard.c \
	%D%/draw.c %D%/draw.h \
	%D%/field.c %D%/field.h \
	%D%/formedit.c %D%/formedit.h %D%/formedit_int.h \
	%D%/formedit_draw.c %D%/formedit_group.c \
	%D%/home.c \
	%D%/keymap.c %D%/keymap.h \
	%D%/listview.c %D%/listview.h \
	%D%/loop.c \
	%D%/nav.c \
	%D%/orgtree.c \
	%D%/run.c \
	%D%/screens.h \
	%D%/person.c %D%/person.h \
	%D%/person_fields.c %D%/person_fields.h \
	%D%/person_work.c %D%/person_work.h \
	%D%/prompt.c %D%/prompt.h \
	%D%/select.c %D%/select.h \
	%D%/tabs.c %D%/tabs.h \
	%D%/term.c \
	%D%/textview.c %D%/textview.h \
	%D%/theme.c %D%/theme.h \
	%D%/tui.h
