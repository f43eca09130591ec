#!/bin/sh
# run.sh -- build each fuzz harness (tests/fuzz/fuzz_*.c) with clang's
# libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer against the
# library sources it needs, and run it for a bounded time on a scratch
# copy of its seed corpus (tests/fuzz/corpus/NAME/), with NAME.dict when
# there is one.  Without a clang that links -fsanitize=fuzzer it prints a
# skip line and exits 0.
#
#   FUZZ_SECONDS=60 tests/fuzz/run.sh        (default 10 s per harness)
#   FUZZ_ONLY=lineedit tests/fuzz/run.sh     (one harness)
#   CC=clang-16 tests/fuzz/run.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
cc=${CC:-clang}
seconds=${FUZZ_SECONDS:-10}

work=$(mktemp -d "${TMPDIR:-/tmp}/bangfu-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

# Can this compiler build a libFuzzer program at all?
printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' \
	> "$work/probe.c"
if ! command -v "$cc" >/dev/null 2>&1 ||
   ! "$cc" -fsanitize=fuzzer "$work/probe.c" -o "$work/probe" >/dev/null 2>&1; then
	echo "fuzz: skipped ($cc with -fsanitize=fuzzer not available)"
	exit 0
fi
yaml_cflags=$(pkg-config --cflags yaml-0.1 2>/dev/null || true)
yaml_libs=$(pkg-config --libs yaml-0.1 2>/dev/null || echo -lyaml)

# A config.h of its own, so the harness builds without ./configure.
printf '#define _GNU_SOURCE 1\n' > "$work/config.h"

# Library sources per harness: what its layer may use (util, core, forms).
forms_srcs="$top/src/util/*.c $top/src/core/*.c $top/src/forms/*.c"
idcard_srcs="$top/src/util/*.c $top/src/core/*.c"
date_srcs=$idcard_srcs
phone_srcs=$idcard_srcs
lineedit_srcs="$top/src/util/*.c $top/src/text/*.c"
csv_srcs=$lineedit_srcs

status=0
for harness in "$here"/fuzz_*.c; do
	name=$(basename "$harness" .c)
	kind=${name#fuzz_}
	case ${FUZZ_ONLY:-$kind} in "$kind") ;; *) continue ;; esac
	eval "srcs=\$${kind}_srcs"
	echo "fuzz: building $name"
	# shellcheck disable=SC2086
	"$cc" -g -O1 -fno-omit-frame-pointer \
		-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
		-I"$work" -I"$top/src" $yaml_cflags \
		-DBANGFU_PKGDATADIR='"/nonexistent"' -DBANGFU_SYSCONFDIR='"/nonexistent"' \
		-DBANGFU_SRCDIR="\"$top\"" \
		"$harness" $srcs -o "$work/$name" $yaml_libs
	mkdir -p "$work/corpus-$kind"
	dict=""
	[ -f "$here/$kind.dict" ] && dict="-dict=$here/$kind.dict"
	echo "fuzz: running $name for ${seconds}s"
	# shellcheck disable=SC2086
	if ! "$work/$name" -max_total_time="$seconds" -max_len=8192 -timeout=10 \
		-rss_limit_mb=2048 -print_final_stats=1 $dict -artifact_prefix="$work/" \
		"$work/corpus-$kind" "$here/corpus/$kind" > "$work/$name.log" 2>&1; then
		tail -60 "$work/$name.log"
		for a in "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*; do
			[ -f "$a" ] || continue
			cp "$a" "$top/" && echo "fuzz: kept $(basename "$a") in $top"
		done
		echo "fuzz: $name FAILED"
		status=1
	else
		grep -E '^(stat::number_of_executed_units|Done)' "$work/$name.log" || true
		echo "fuzz: $name ok"
	fi
done
exit $status
