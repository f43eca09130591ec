# doc/: the man page.
dist_man1_MANS = doc/bangfu.1
# The form definitions reference for site administrators.
dist_doc_DATA = doc/forms.md
