# unit tests for src/app
