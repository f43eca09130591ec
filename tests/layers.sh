#!/bin/sh
# layers.sh -- keep the layers apart: every #include in src/ is checked
# against what its layer may use (see HACKING.md).  TAP output.
set -u
src=${top_srcdir:-.}/src
n=0
fail=0

# may LAYER include HEADER?  Project headers are "layer/file.h".
allowed() {
	layer=$1 hdr=$2
	case $hdr in
	*curses*|*term.h) [ "$layer" = tui ] || [ "$layer" = main ]; return ;;
	sqlite3.h) [ "$layer" = store ] || [ "$layer" = main ]; return ;;
	yaml.h) [ "$layer" = forms ]; return ;;
	xlsxwriter.h|sodium.h|iconv.h) [ "$layer" = cli ] || [ "$layer" = store ] || [ "$layer" = app ]; return ;;
	esac
	case $hdr in */*) ;; *) return 0 ;; esac   # system or same-directory header
	dep=${hdr%%/*}
	case $layer:$dep in
	util:util) return 0 ;;
	core:util|core:core) return 0 ;;
	text:util|text:text) return 0 ;;
	store:util|store:core|store:text|store:store) return 0 ;;
	forms:util|forms:core|forms:text|forms:forms) return 0 ;;
	app:util|app:core|app:text|app:store|app:forms|app:app) return 0 ;;
	tui:util|tui:core|tui:text|tui:store|tui:forms|tui:app|tui:tui) return 0 ;;
	cli:util|cli:core|cli:text|cli:store|cli:forms|cli:app|cli:cli) return 0 ;;
	main:*) return 0 ;;
	esac
	case $dep in sys|arpa|netinet|linux) return 0 ;; esac
	return 1
}

for f in $(find "$src" -name '*.[ch]' | sort); do
	rel=${f#"$src"/}
	case $rel in */*) layer=${rel%%/*} ;; *) layer=main ;; esac
	for hdr in $(sed -n 's/^#[[:space:]]*include[[:space:]]*[<"]\([^>"]*\)[>"].*/\1/p' "$f"); do
		if ! allowed "$layer" "$hdr"; then
			echo "# $rel: layer '$layer' must not include <$hdr>"
			fail=1
		fi
	done
done
n=$((n + 1))
if [ $fail -eq 0 ]; then echo "ok $n - every include respects the layers"; else echo "not ok $n - layer violations above"; fi

# Curses calls and SQL strings stay in their layers.
n=$((n + 1))
bad=$(grep -rlE '\b(wrefresh|mvwprintw|getch|wget_wch|initscr)\b' "$src" --include='*.c' | grep -v "/tui/" || true)
if [ -z "$bad" ]; then echo "ok $n - curses calls only in src/tui"; else echo "# $bad"; echo "not ok $n - curses calls outside src/tui"; fi
n=$((n + 1))
bad=$(grep -rlE 'sqlite3_(prepare|exec)' "$src" --include='*.c' | grep -v "/store/" || true)
if [ -z "$bad" ]; then echo "ok $n - SQLite calls only in src/store"; else echo "# $bad"; echo "not ok $n - SQLite calls outside src/store"; fi
echo "1..$n"
