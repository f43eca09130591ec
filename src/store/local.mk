# src/store
src_libbangfu_a_SOURCES +=
