# src/tui
src_libbangfu_a_SOURCES +=
