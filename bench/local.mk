# bench/: benchmarks run by `make bench`, never by `make check`.
EXTRA_PROGRAMS = bench/bench_store
bench_bench_store_SOURCES = bench/bench_store.c
bench_bench_store_CFLAGS = $(AM_CFLAGS) $(BANGFU_EXT_CFLAGS)
bench_bench_store_LDADD = $(BANGFU_LIBS) $(BANGFU_EXT_LIBS)
EXTRA_DIST += bench/run.sh bench/keys.sh bench/import.sh
CLEANFILES += bench/bench_store

bench: src/bangfu bench/bench_store
	BANGFU=./src/bangfu $(SHELL) $(srcdir)/bench/run.sh
.PHONY: bench
