# doc/: man page and developer notes
