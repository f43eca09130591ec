/*
 * plantpl.c -- reading plan templates (see plantpl.h) with libyaml's
 * document API: a mapping of scalar keys, with `measures` a sequence of
 * mappings.  Unknown keys are refused so a typo does not pass silently.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "forms/path.h"
#include "forms/plantpl.h"
#include "util/xalloc.h"

/* The scalar text of node n, or NULL if it is not a scalar. */
static const char *
pt_scalar(yaml_node_t *n)
{
	return n != NULL && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* A whole number in 0..999 from s into *out; 0 if it is not one. */
static int
pt_int(const char *s, int *out)
{
	char *end;
	long v;

	if (s == NULL || *s == '\0')
		return 0;
	v = strtol(s, &end, 10);
	if (*end != '\0' || v < 0 || v > 999)
		return 0;
	*out = (int)v;
	return 1;
}

/* One measure mapping into m. */
static int
pt_measure(yaml_document_t *doc, yaml_node_t *node, const char *path, struct plantpl_measure *m,
    bf_error *err)
{
	yaml_node_pair_t *p;

	if (node->type != YAML_MAPPING_NODE)
		return err_set(err, BF_EINVAL, "%s:%zu: 措施应为映射", path, node->start_mark.line + 1);
	memset(m, 0, sizeof *m);
	m->count = 1;
	for (p = node->data.mapping.pairs.start; p < node->data.mapping.pairs.top; p++) {
		const char *k = pt_scalar(yaml_document_get_node(doc, p->key));
		yaml_node_t *vn = yaml_document_get_node(doc, p->value);
		const char *v = pt_scalar(vn);
		int ok = v != NULL;

		if (k != NULL && strcmp(k, "type") == 0 && ok)
			ok = snprintf(m->type, sizeof m->type, "%s", v) < (int)sizeof m->type;
		else if (k != NULL && strcmp(k, "count") == 0 && ok)
			ok = pt_int(v, &m->count);
		else if (k != NULL && strcmp(k, "due_months") == 0 && ok)
			ok = pt_int(v, &m->due_months);
		else
			ok = 0;
		if (!ok)
			return err_set(err, BF_EINVAL, "%s:%zu: 措施的“%s”无效", path,
			    vn->start_mark.line + 1, k != NULL ? k : "?");
	}
	if (m->type[0] == '\0')
		return err_set(err, BF_EINVAL, "%s:%zu: 措施缺少 type", path, node->start_mark.line + 1);
	return BF_OK;
}

/* Copy scalar v into a fixed buffer; 0 if it is missing or too long. */
static int
pt_copy(char *dst, size_t len, const char *v)
{
	return v != NULL && snprintf(dst, len, "%s", v) < (int)len;
}

/* The top mapping of a template document into out. */
static int
pt_doc(yaml_document_t *doc, const char *path, struct plantpl *out, bf_error *err)
{
	yaml_node_t *root = yaml_document_get_root_node(doc), *vn;
	yaml_node_pair_t *p;
	yaml_node_item_t *it;
	int rc;

	memset(out, 0, sizeof *out);
	if (root == NULL || root->type != YAML_MAPPING_NODE)
		return err_set(err, BF_EINVAL, "%s:1: 模板应为映射", path);
	for (p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
		const char *k = pt_scalar(yaml_document_get_node(doc, p->key));
		const char *v;
		int ok;

		vn = yaml_document_get_node(doc, p->value);
		v = pt_scalar(vn);
		if (k == NULL)
			ok = 0;
		else if (strcmp(k, "template") == 0)
			ok = pt_copy(out->id, sizeof out->id, v);
		else if (strcmp(k, "label") == 0)
			ok = pt_copy(out->label, sizeof out->label, v);
		else if (strcmp(k, "goal") == 0)
			ok = pt_copy(out->goal, sizeof out->goal, v);
		else if (strcmp(k, "months") == 0)
			ok = pt_int(v, &out->months);
		else if (strcmp(k, "order") == 0)
			ok = pt_int(v, &out->order);
		else if (strcmp(k, "measures") == 0 && vn->type == YAML_SEQUENCE_NODE) {
			for (it = vn->data.sequence.items.start; it < vn->data.sequence.items.top; it++) {
				if (out->nm == PLANTPL_MAX_MEASURES)
					return err_set(err, BF_EINVAL, "%s: 措施不能超过 %d 项", path,
					    PLANTPL_MAX_MEASURES);
				if ((rc = pt_measure(doc, yaml_document_get_node(doc, *it), path,
				    &out->m[out->nm], err)) != BF_OK)
					return rc;
				out->nm++;
			}
			ok = 1;
		} else
			ok = 0;
		if (!ok)
			return err_set(err, BF_EINVAL, "%s:%zu: “%s”无效或未知", path,
			    vn->start_mark.line + 1, k != NULL ? k : "?");
	}
	if (out->id[0] == '\0' || out->label[0] == '\0' || out->nm == 0)
		return err_set(err, BF_EINVAL, "%s: 模板需要 template、label 和至少一项 measures", path);
	return BF_OK;
}

/* Parse one template file (see plantpl.h). */
int
plantpl_load_file(const char *path, struct plantpl *out, bf_error *err)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	FILE *fp;
	int rc;

	if ((fp = fopen(path, "rb")) == NULL)
		return err_set(err, BF_EIO, "无法打开模板 %s", path);
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_file(&parser, fp);
	if (!yaml_parser_load(&parser, &doc)) {
		rc = err_set(err, BF_EINVAL, "%s:%zu: %s", path, parser.problem_mark.line + 1,
		    parser.problem != NULL ? parser.problem : "YAML 错误");
		yaml_parser_delete(&parser);
		fclose(fp);
		return rc;
	}
	rc = pt_doc(&doc, path, out, err);
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	fclose(fp);
	return rc;
}

/* qsort: by order, then id. */
static int
pt_cmp(const void *a, const void *b)
{
	const struct plantpl *x = a, *y = b;

	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return strcmp(x->id, y->id);
}

/* Every template of the forms directory (see plantpl.h). */
int
plantpl_load_all(const char *forms_dir, struct plantpl *out, int max, int *n, bf_error *err)
{
	char *dir = forms_find_dir(forms_dir), *sub, *path;
	struct dirent *de;
	DIR *d;
	size_t len;
	int rc = BF_OK;

	*n = 0;
	if (dir == NULL)
		return BF_OK;
	sub = xasprintf("%s/plans", dir);
	free(dir);
	if ((d = opendir(sub)) == NULL) {
		free(sub);
		return BF_OK;
	}
	while (rc == BF_OK && (de = readdir(d)) != NULL && *n < max) {
		len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len < 6 || strcmp(de->d_name + len - 5, ".yaml") != 0)
			continue;
		path = xasprintf("%s/%s", sub, de->d_name);
		if ((rc = plantpl_load_file(path, &out[*n], err)) == BF_OK)
			(*n)++;
		free(path);
	}
	closedir(d);
	free(sub);
	qsort(out, (size_t)*n, sizeof *out, pt_cmp);
	return rc;
}
