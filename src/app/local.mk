# src/app: use cases that join forms and store (save a form, import a row)
src_libbangfu_a_SOURCES += \
	%D%/demo.c %D%/demo.h \
	%D%/demo_gen.c %D%/demo_gen.h \
	%D%/demo_names.c %D%/demo_names.h \
	%D%/draft.c %D%/draft.h \
	%D%/export.c %D%/export.h \
	%D%/followup.c %D%/followup.h \
	%D%/formrec.c %D%/formrec.h \
	%D%/formsave.c %D%/formsave.h \
	%D%/formset.c %D%/formset.h \
	%D%/household_flags.c %D%/household_flags.h \
	%D%/import.c %D%/import.h \
	%D%/import_read.c %D%/import_read.h \
	%D%/lifecycle.c %D%/lifecycle.h \
	%D%/password.c %D%/password.h \
	%D%/plan.c %D%/plan.h \
	%D%/privacy.c %D%/privacy.h \
	%D%/report.c %D%/report.h \
	%D%/session.c %D%/session.h \
	%D%/textfile.c %D%/textfile.h
