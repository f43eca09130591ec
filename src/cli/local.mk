# src/cli: the non-interactive commands, one file each.
src_libbangfu_a_SOURCES += \
	%D%/cli.h \
	%D%/cmd_backup.c \
	%D%/cmd_check.c \
	%D%/cmd_demo_data.c \
	%D%/cmd_export.c \
	%D%/cmd_forms.c \
	%D%/cmd_report.c \
	%D%/cmd_import.c \
	%D%/cmd_init.c \
	%D%/cmd_restore.c \
	%D%/cmd_search.c \
	%D%/cmd_transfer.c \
	%D%/cmd_user.c \
	%D%/commands.c %D%/commands.h \
	%D%/open.c \
	%D%/paths.c
