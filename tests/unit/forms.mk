# unit tests for src/forms (add check_*.c programs here)
