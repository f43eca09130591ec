# src/core
src_libbangfu_a_SOURCES +=
