# src/forms
src_libbangfu_a_SOURCES +=
