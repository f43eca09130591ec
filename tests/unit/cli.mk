# unit tests for src/cli (add check_*.c programs here)
