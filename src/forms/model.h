/*
 * model.h -- the form model: what a YAML form definition becomes once
 * loaded.  A form set holds every form (forms/NAME.yaml) and every code list
 * (forms/lists/NAME.yaml) of one forms directory.
 *
 * A form names its record type (the core table it saves to), ordered
 * sections and fields.  A field of type "group" is a repeatable child
 * record (household members, work history): its own fields, the child
 * table and the columns a summary list shows.  Everything in a form set
 * is owned by the set and freed by form_set_free(); pointers between
 * parts (a condition's field, a field's list) are borrowed.
 */
#ifndef BF_FORMS_MODEL_H
#define BF_FORMS_MODEL_H

#include <stddef.h>

enum form_type {
	FT_TEXT, FT_LONG_TEXT, FT_INTEGER, FT_DECIMAL, FT_MONEY, FT_DATE,
	FT_BOOLEAN, FT_SELECT_ONE, FT_SELECT_MANY, FT_ID_CARD, FT_PHONE,
	FT_ORG_UNIT, FT_USER, FT_GROUP,
	FT_COUNT
};

/* How a value compares in a condition: as text, a number or a date. */
enum form_cmp { FCMP_TEXT, FCMP_NUMBER, FCMP_DATE };

/* One row of the field-type table (model.c). */
struct form_type_info {
	const char	*name;		/* as written in YAML: "select_one" */
	enum form_type	 type;
	enum form_cmp	 cmp;		/* comparison in conditions */
	int		 has_options;	/* needs options or list */
	const char	*label;		/* Chinese, for messages and docs */
};

enum form_severity { FSEV_ERROR, FSEV_WARNING };

enum cond_op {
	COND_EQ, COND_NE, COND_IN, COND_GT, COND_GE, COND_LT, COND_LE,
	COND_SET, COND_AND, COND_OR, COND_NOT
};

/* Where something was written: file (borrowed from the set), 1-based. */
struct form_pos {
	const char	*file;
	int		 line;
	int		 col;
};

struct form_field;

/* A condition tree (show_if, required_if, validate rules). */
struct form_cond {
	enum cond_op	 op;
	struct form_pos	 pos;
	/* comparisons: field op value(s) or field op other field */
	char		*field;
	const struct form_field *ref;		/* resolved by forms_check */
	char		**values;		/* literals; "today" for dates */
	size_t		 nvalues;
	struct form_pos	*value_pos;		/* where each literal was written */
	char		*other;			/* {field: ID} on the right */
	const struct form_field *other_ref;
	int		 set_want;		/* COND_SET: 1 filled, 0 empty */
	/* and / or / not */
	struct form_cond **kids;
	size_t		 nkids;
};

/* One option of a select field or code list. */
struct form_option {
	char		*code;
	char		*label;
	int		 disabled;	/* retired: still displayed, not offered */
	struct form_pos	 pos;
};

/* A code list (forms/lists/NAME.yaml). */
struct form_list {
	char		*name;
	char		*label;
	char		*source;	/* the standard it follows, for people */
	struct form_option *options;
	size_t		 noptions;
	struct form_pos	 pos;
};

/* A validate rule: assert must hold, or pattern must match. */
struct form_rule {
	struct form_cond *assert;	/* NULL if pattern */
	char		*pattern;	/* POSIX extended regex, whole value */
	void		*compiled;	/* regex_t of pattern, compiled by forms_check (owned) */
	char		*message;	/* Chinese */
	enum form_severity severity;
	struct form_pos	 pos;
};

struct form_section;

struct form_field {
	char		*id;
	char		*label;
	enum form_type	 type;
	int		 required;
	struct form_cond *required_if;
	struct form_cond *show_if;
	struct form_rule *rules;
	size_t		 nrules;
	char		*def;		/* default; "today" for dates */
	char		*min, *max;	/* as written: value (numbers, dates: ISO or
					   "today") or length in characters (text) */
	struct form_option *options;	/* inline options */
	size_t		 noptions;
	char		*list_name;	/* options: list:NAME */
	const struct form_list *list;	/* resolved by forms_check */
	struct form_pos	 list_pos;
	char		*help;
	int		 width;		/* display columns, 0 = default */
	int		 pii;
	char		*mask;		/* idcard, phone, last4, name, all, none */
	char		*column;	/* core column, or NULL for extra */
	char		*derive;	/* "FIELD.sex|birth_date|age" */
	char		**aliases;	/* other CSV header names */
	size_t		 naliases;
	int		 readonly;
	/* type group */
	char		*table;		/* child table */
	struct form_field **fields;	/* child fields */
	size_t		 nfields;
	char		**summary;	/* child field ids shown in the list */
	size_t		 nsummary;
	struct form_pos	 summary_pos;
	/* back pointers and positions */
	const struct form_section *section;	/* NULL inside a group */
	const struct form_field *parent;	/* the group, or NULL */
	struct form_pos	 pos;		/* the field's mapping */
	struct form_pos	 id_pos, type_pos, column_pos, derive_pos, mask_pos;
	struct form_pos	 def_pos, min_pos, max_pos, options_pos, fields_pos;
};

struct form_section {
	char		*id;
	char		*label;
	struct form_cond *show_if;
	struct form_pos	 pos;
};

struct form {
	char		*name;		/* form: NAME */
	char		*label;
	char		*record;	/* record type = core table */
	struct form_section **sections;
	size_t		 nsections;
	struct form_field **fields;	/* top-level fields in order */
	size_t		 nfields;
	struct form_pos	 pos, record_pos;
};

struct form_set {
	struct form	**forms;
	size_t		 nforms;
	struct form_list **lists;
	size_t		 nlists;
	char		**files;	/* file names positions point into */
	size_t		 nfiles;
	char		*dir;		/* where it was loaded from, or NULL */
};

const struct form_type_info *form_type_by_name(const char *name); /* NULL if unknown; static */
const struct form_type_info *form_type_info(enum form_type t);    /* static */

struct form_set *form_set_new(void);                 /* caller frees with form_set_free */
void	form_set_free(struct form_set *set);          /* NULL ok */
const char *form_set_intern_file(struct form_set *set, const char *file); /* owned by set */

const struct form *form_set_find(const struct form_set *set, const char *name); /* borrowed or NULL */
const struct form_list *form_set_list(const struct form_set *set, const char *name); /* borrowed or NULL */
/* A top-level field of form f by id (group children: form_fields_find on the group). */
const struct form_field *form_find_field(const struct form *f, const char *id); /* borrowed or NULL */
/* A field by id in a field array (one scope: a form's top level or a group). */
const struct form_field *form_fields_find(struct form_field *const *v, size_t n, const char *id);
/* The field a CSV column header means: its id, its label or one of its aliases (borrowed or NULL). */
const struct form_field *form_fields_by_header(struct form_field *const *v, size_t n,
	    const char *header);

void	form_free(struct form *f);                   /* NULL ok */
void	form_field_free(struct form_field *fld);     /* NULL ok */
void	form_list_free(struct form_list *l);         /* NULL ok */
void	form_cond_free(struct form_cond *c);         /* NULL ok */
void	form_options_free(struct form_option *o, size_t n);

#endif
