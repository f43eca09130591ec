# forms/: YAML form definitions and code lists, installed to $(pkgdatadir)/forms
