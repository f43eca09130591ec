# src/core: pure domain rules (no I/O, no globals, no clock).
src_libbangfu_a_SOURCES += \
	%D%/casestate.c %D%/casestate.h \
	%D%/category.c %D%/category.h \
	%D%/date.c %D%/date.h \
	%D%/followup_rules.c %D%/followup_rules.h \
	%D%/household.c %D%/household.h \
	%D%/idcard.c %D%/idcard.h \
	%D%/normalize.c %D%/normalize.h \
	%D%/phone.c %D%/phone.h \
	%D%/progress.c %D%/progress.h \
	%D%/retire.c %D%/retire.h
