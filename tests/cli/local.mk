# command-line tests (TAP shell scripts)
