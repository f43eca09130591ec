# unit tests for src/tui (add check_*.c programs here)
