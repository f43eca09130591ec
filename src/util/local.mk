# src/util: allocation, strings, errors; no domain knowledge, no I/O.
src_libbangfu_a_SOURCES += \
	%D%/error.c %D%/error.h \
	%D%/hash.h \
	%D%/idmap.c %D%/idmap.h \
	%D%/json.c %D%/json.h \
	%D%/strbuf.c %D%/strbuf.h \
	%D%/xalloc.c %D%/xalloc.h
