# unit tests for src/store (add check_*.c programs here)
