# src/forms: the YAML form engine (no curses, no SQLite).
src_libbangfu_a_SOURCES += \
	%D%/check.c %D%/check.h \
	%D%/condition.c %D%/condition.h \
	%D%/diag.c %D%/diag.h \
	%D%/eval.c %D%/eval.h \
	%D%/extra.c %D%/extra.h \
	%D%/lists.c %D%/lists.h \
	%D%/model.c %D%/model.h \
	%D%/path.c %D%/path.h \
	%D%/plantpl.c %D%/plantpl.h \
	%D%/record.c %D%/record.h \
	%D%/value.c %D%/value.h \
	%D%/yaml_load.c %D%/yaml_load.h
