# fuzz harnesses (built with clang -fsanitize=fuzzer by tests/fuzz/run.sh,
# which .ci/run calls; never part of make check)
EXTRA_DIST += tests/fuzz/run.sh tests/fuzz/fuzz_forms.c tests/fuzz/forms.dict \
	tests/fuzz/fuzz_idcard.c tests/fuzz/fuzz_date.c tests/fuzz/fuzz_phone.c \
	tests/fuzz/fuzz_lineedit.c tests/fuzz/fuzz_csv.c tests/fuzz/corpus
