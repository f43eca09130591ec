# src/text
src_libbangfu_a_SOURCES +=
