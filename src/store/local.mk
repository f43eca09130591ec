# src/store: SQLite -- open, migrate, transactions, every query (scoped).
src_libbangfu_a_SOURCES += \
	%D%/audit.c \
	%D%/auditlog.c %D%/auditlog.h \
	%D%/backup.c %D%/backup.h \
	%D%/bulk.c %D%/bulk.h \
	%D%/caseload.c %D%/caseload.h \
	%D%/casework.c %D%/casework.h \
	%D%/check.c %D%/check.h \
	%D%/children.c %D%/children.h \
	%D%/db.c %D%/db.h %D%/db_private.h \
	%D%/draft.c %D%/draft.h \
	%D%/history.c %D%/history.h \
	%D%/indicators.c %D%/indicators.h %D%/indicators_private.h \
	%D%/indicators_join.c \
	%D%/indicators_run.c \
	%D%/migrate.c \
	%D%/orgunit.c %D%/orgunit.h \
	%D%/password.c %D%/password.h \
	%D%/person.c %D%/person.h \
	%D%/record.c %D%/record.h \
	%D%/schema.c %D%/schema.h \
	%D%/search.c %D%/search.h \
	%D%/transfer.c %D%/transfer.h \
	%D%/user.c %D%/user.h \
	%D%/worklist.c %D%/worklist.h

# schema.sql and the division codes are compiled in, so the program needs
# no data files to create a database.
nodist_src_libbangfu_a_SOURCES = %D%/schema_sql.c %D%/orgdata.c
BUILT_SOURCES += %D%/schema_sql.c %D%/orgdata.c
CLEANFILES += %D%/schema_sql.c %D%/orgdata.c

%D%/schema_sql.c: $(top_srcdir)/schema.sql $(top_srcdir)/tools/embed.sh
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(EMBED) schema_sql $(top_srcdir)/schema.sql > $@.tmp && mv $@.tmp $@

%D%/orgdata.c: $(top_srcdir)/data/cq_districts.csv $(top_srcdir)/data/cq_streets.csv \
		$(top_srcdir)/data/cq_villages.csv $(top_srcdir)/tools/embed.sh
	$(AM_V_GEN)$(MKDIR_P) $(@D) && { \
	  $(EMBED) cq_districts_csv $(top_srcdir)/data/cq_districts.csv; \
	  $(EMBED) cq_streets_csv $(top_srcdir)/data/cq_streets.csv | sed 1,2d; \
	  $(EMBED) cq_villages_csv $(top_srcdir)/data/cq_villages.csv | sed 1,2d; \
	} > $@.tmp && mv $@.tmp $@
