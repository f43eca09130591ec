# unit tests for src/text (add check_*.c programs here)
