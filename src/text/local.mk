# src/text: UTF-8, display width, the line editor, pinyin; no curses.
# width_table.c and pinyin_table.c are generated (tools/gen-width.sh,
# tools/gen-pinyin.sh) and committed, so the build does not need ICU.
src_libbangfu_a_SOURCES += \
	%D%/csv.c %D%/csv.h \
	%D%/lineedit.c %D%/lineedit.h \
	%D%/pinyin.c %D%/pinyin.h \
	%D%/pinyin_table.c %D%/pinyin_table.h \
	%D%/utf8.c %D%/utf8.h \
	%D%/width.c %D%/width.h \
	%D%/width_table.c %D%/width_table.h
EXTRA_DIST += tools/gen-width.sh tools/gen-pinyin.sh
