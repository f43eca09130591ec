# unit tests for src/core (add check_*.c programs here)
