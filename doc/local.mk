# doc/: the man page.
dist_man1_MANS = doc/bangfu.1
