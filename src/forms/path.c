/*
 * path.c -- finding the forms directory and loading a whole form set from
 * it (see path.h).  Files are read in name order so messages come out in
 * the same order everywhere.
 */
#include "config.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "forms/path.h"
#include "forms/yaml_load.h"
#include "util/xalloc.h"

/* 1 if path is a directory. */
static int
forms_is_dir(const char *path)
{
	struct stat st;

	return path != NULL && path[0] != '\0' && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The first existing directory of the search path; see path.h. */
char *
forms_find_dir(const char *explicit_dir)
{
	const char *env, *home;
	char *cand;

	if (explicit_dir != NULL)
		return forms_is_dir(explicit_dir) ? xstrdup(explicit_dir) : NULL;
	if ((env = getenv("BANGFU_FORMS")) != NULL && forms_is_dir(env))
		return xstrdup(env);
	if ((env = getenv("XDG_CONFIG_HOME")) != NULL && env[0] != '\0')
		cand = xasprintf("%s/bangfu/forms", env);
	else if ((home = getenv("HOME")) != NULL && home[0] != '\0')
		cand = xasprintf("%s/.config/bangfu/forms", home);
	else
		cand = NULL;
	if (forms_is_dir(cand))
		return cand;
	free(cand);
	if (forms_is_dir(BANGFU_SYSCONFDIR "/bangfu/forms"))
		return xstrdup(BANGFU_SYSCONFDIR "/bangfu/forms");
	if (forms_is_dir(BANGFU_PKGDATADIR "/forms"))
		return xstrdup(BANGFU_PKGDATADIR "/forms");
	if (forms_is_dir(BANGFU_SRCDIR "/forms"))
		return xstrdup(BANGFU_SRCDIR "/forms");
	return NULL;
}

/* qsort comparison of two file names. */
static int
forms_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.yaml names in dir, sorted; *n set; caller frees each and the array. NULL if unreadable. */
static char **
forms_yaml_names(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **v = NULL;
	size_t len;

	*n = 0;
	if (d == NULL)
		return NULL;
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (e->d_name[0] == '.' || len < 6 || strcmp(e->d_name + len - 5, ".yaml") != 0)
			continue;
		v = xreallocarray(v, *n + 1, sizeof *v);
		v[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (*n > 0)
		qsort(v, *n, sizeof *v, forms_name_cmp);
	return v;
}

/*
 * After loading file NAME.yaml: what it defined must be a list in lists/
 * and a form elsewhere, called NAME, so people find a form or list by its
 * file.  nforms and nlists are the counts before loading it.
 */
static size_t
forms_check_file_name(struct form_set *set, const char *file, int in_lists,
    size_t nforms, size_t nlists, struct forms_diags *diags)
{
	size_t len = strlen(file) - 5;	/* without ".yaml" */
	const char *name;
	struct form_pos pos;

	if (set->nforms > nforms) {
		name = set->forms[set->nforms - 1]->name;
		pos = set->forms[set->nforms - 1]->pos;
		if (in_lists) {
			forms_diags_at(diags, pos, "lists/ 目录中只能放代码表（list:），表单请放在上一级目录");
			return 1;
		}
	} else if (set->nlists > nlists) {
		name = set->lists[set->nlists - 1]->name;
		pos = set->lists[set->nlists - 1]->pos;
		if (!in_lists) {
			forms_diags_at(diags, pos, "代码表（list:）应放在 lists/ 目录中");
			return 1;
		}
	} else
		return 0;
	if (strlen(name) != len || strncmp(name, file, len) != 0) {
		forms_diags_at(diags, pos, "名称“%s”应与文件名“%s”一致", name, file);
		return 1;
	}
	return 0;
}

/* Load every *.yaml in dir/sub, naming files shown/sub/NAME. */
static size_t
forms_load_files(struct form_set *set, const char *dir, const char *sub, const char *shown,
    struct forms_diags *diags)
{
	char *path = sub != NULL ? xasprintf("%s/%s", dir, sub) : xstrdup(dir);
	char **names, *file, *name;
	size_t n, i, problems = 0;

	names = forms_yaml_names(path, &n);
	for (i = 0; i < n; i++) {
		file = xasprintf("%s/%s", path, names[i]);
		name = sub != NULL ? xasprintf("%s/%s/%s", shown, sub, names[i])
		    : xasprintf("%s/%s", shown, names[i]);
		{
			size_t nforms = set->nforms, nlists = set->nlists;

			problems += forms_load_file(set, file, name, diags);
			problems += forms_check_file_name(set, names[i], sub != NULL,
			    nforms, nlists, diags);
		}
		free(file);
		free(name);
		free(names[i]);
	}
	free(names);
	free(path);
	return problems;
}

/* Load and check a whole directory; see path.h. */
size_t
forms_load_dir(const char *dir, forms_has_column_fn has_column, void *ctx,
    struct form_set **out, struct forms_diags *diags)
{
	struct form_set *set = form_set_new();
	size_t problems = 0, len = strlen(dir);
	char *shown;

	while (len > 1 && dir[len - 1] == '/')
		len--;
	shown = xstrndup(dir, len);
	set->dir = xstrdup(shown);
	if (!forms_is_dir(dir)) {
		forms_diags_add(diags, shown, 1, 1, "表单目录不存在或不可读");
		problems++;
	} else {
		problems += forms_load_files(set, dir, "lists", shown, diags);
		problems += forms_load_files(set, dir, NULL, shown, diags);
		if (set->nforms == 0 && problems == 0) {
			forms_diags_add(diags, shown, 1, 1, "目录中没有表单定义（NAME.yaml 文件）");
			problems++;
		}
		problems += forms_check(set, has_column, ctx, diags);
	}
	free(shown);
	forms_diags_sort(diags);
	*out = set;
	return problems;
}

/* Find the directory and load it; see path.h. */
size_t
forms_load_default(const char *explicit_dir, forms_has_column_fn has_column, void *ctx,
    struct form_set **out, struct forms_diags *diags)
{
	char *dir = forms_find_dir(explicit_dir);
	size_t problems;

	if (dir == NULL) {
		forms_diags_add(diags, explicit_dir != NULL ? explicit_dir : "forms", 1, 1,
		    explicit_dir != NULL ? "表单目录不存在或不可读" :
		    "找不到表单目录（可用 --forms 目录 指定）");
		*out = form_set_new();
		return 1;
	}
	problems = forms_load_dir(dir, has_column, ctx, out, diags);
	free(dir);
	return problems;
}
