# src/cli: the non-interactive commands, one file each.
src_libbangfu_a_SOURCES += \
	%D%/cli.h \
	%D%/cmd_forms.c \
	%D%/commands.c %D%/commands.h \
	%D%/paths.c
