# fuzz harnesses (built with clang -fsanitize=fuzzer by tests/fuzz/run.sh)
