# terminal end-to-end tests in tmux (TAP shell scripts)
