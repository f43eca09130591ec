# src/main.c: the program.
bin_PROGRAMS += src/bangfu
src_bangfu_SOURCES = src/main.c
src_bangfu_CFLAGS = $(AM_CFLAGS) $(BANGFU_EXT_CFLAGS)
src_bangfu_LDADD = $(BANGFU_LIBS) $(BANGFU_EXT_LIBS)
