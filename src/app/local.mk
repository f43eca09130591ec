# src/app: use cases that join forms and store (save a form, import a row)
src_libbangfu_a_SOURCES += \
	%D%/session.c %D%/session.h
