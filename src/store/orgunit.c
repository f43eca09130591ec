/*
 * orgunit.c -- seeding and reading the organisation tree.
 *
 * The tree comes from the National Bureau of Statistics division codes
 * for Chongqing (data/cq_*.csv, embedded at build time; see data/NOTICE):
 * the city, its 38 districts and counties, about 1,000 streets and towns
 * and 11,000 communities and villages.  Codes are padded to 12 digits, so
 * a unit's subtree is every code sharing its prefix (2 digits for the
 * city, 6 for a district, 9 for a street).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "store/db.h"
#include "store/db_private.h"
#include "store/orgunit.h"

extern const unsigned char cq_districts_csv[], cq_streets_csv[], cq_villages_csv[];

/* One CSV layout: which column holds code, name and parent. */
static const struct org_csv {
	const unsigned char	*text;
	int			 code, name, parent;	/* column numbers, -1: none */
	const char		*level;			/* NULL: from the file */
} org_files[] = {
	{ cq_districts_csv, 0, 1, -1, NULL },
	{ cq_streets_csv, 1, 2, 3, "street" },
	{ cq_villages_csv, 0, 1, 2, "community" },
};

/* Pad a 2/6/9/12-digit code with zeros to 12. */
int
orgunit_code12(const char *code, char out[ORG_CODE_LEN + 1], bf_error *err)
{
	size_t i, n = code != NULL ? strlen(code) : 0;

	if (n != 6 && n != 9 && n != 12)
		return err_set(err, BF_EINVAL, "区划代码应为 6、9 或 12 位数字：%s",
		    code != NULL ? code : "");
	for (i = 0; i < n; i++)
		if (code[i] < '0' || code[i] > '9')
			return err_set(err, BF_EINVAL, "区划代码只能包含数字：%s", code);
	memcpy(out, code, n);
	memset(out + n, '0', ORG_CODE_LEN - n);
	out[ORG_CODE_LEN] = '\0';
	return BF_OK;
}

/* Digits a unit of this level shares with its subtree. */
int
orgunit_prefix_len(const char *level)
{
	static const struct { const char *level; int len; } lens[] = {
		{ "city", 2 }, { "district", 6 }, { "street", 9 }, { "community", 12 },
	};
	size_t i;

	for (i = 0; i < sizeof lens / sizeof lens[0]; i++)
		if (strcmp(level, lens[i].level) == 0)
			return lens[i].len;
	return 12;
}

/* The range of community codes in u's subtree. */
void
orgunit_range(const struct org_unit *u, char lo[ORG_CODE_LEN + 1], char hi[ORG_CODE_LEN + 1])
{
	int len = orgunit_prefix_len(u->level);

	memcpy(lo, u->code, ORG_CODE_LEN + 1);
	memcpy(hi, u->code, ORG_CODE_LEN + 1);
	memset(lo + len, '0', (size_t)(ORG_CODE_LEN - len));
	memset(hi + len, '9', (size_t)(ORG_CODE_LEN - len));
}

/* Split one CSV line (no quoting in these files) into at most 8 fields. */
static int
org_split(char *line, char *fields[8])
{
	int n = 0;

	fields[n++] = line;
	for (; *line != '\0' && n < 8; line++)
		if (*line == ',') {
			*line = '\0';
			fields[n++] = line + 1;
		}
	return n;
}

/*
 * The name people use: "华一坡社区居民委员会" is 华一坡社区 and
 * "龙门村村民委员会" is 龙门村 in every list and form.
 */
static void
org_short_name(char *name)
{
	static const char *const suffixes[] = { "居民委员会", "村民委员会", "居委会", NULL };
	size_t n = strlen(name), k;
	int i;

	for (i = 0; suffixes[i] != NULL; i++) {
		k = strlen(suffixes[i]);
		if (n > k && strcmp(name + n - k, suffixes[i]) == 0) {
			name[n - k] = '\0';
			/* "龙门村村民委员会" -> "龙门村", "先锋社区村民委员会" -> "先锋社区" */
			if (strcmp(suffixes[i], "村民委员会") == 0 &&
			    !(n - k >= 3 && strcmp(name + n - k - 3, "村") == 0) &&
			    !(n - k >= 6 && strcmp(name + n - k - 6, "社区") == 0))
				strcat(name, "村");
			return;
		}
	}
}

/* Insert the units of one embedded file. */
static int
org_load(struct db *db, const struct org_csv *f, bf_error *err)
{
	static const char sql[] =
	    "INSERT OR IGNORE INTO org_unit (code, name, level, parent) VALUES (?, ?, ?, ?)";
	const char *p = (const char *)f->text, *eol;
	char line[512], *fld[8], code[13], parent[13];
	int n, first = 1;
	sqlite3_stmt *st;

	for (; *p != '\0'; p = *eol ? eol + 1 : eol) {
		eol = strchr(p, '\n');
		if (eol == NULL)
			eol = p + strlen(p);
		if ((size_t)(eol - p) >= sizeof line)
			return err_set(err, BF_EINVAL, "区划数据行过长");
		memcpy(line, p, (size_t)(eol - p));
		line[eol - p] = '\0';
		if (eol > p && line[eol - p - 1] == '\r')
			line[eol - p - 1] = '\0';
		if (first || line[0] == '\0') {		/* header */
			first = 0;
			continue;
		}
		n = org_split(line, fld);
		if (n <= f->name || n <= f->parent ||
		    orgunit_code12(fld[f->code], code, err) != BF_OK)
			return err_prefix(err, "内置区划数据有误：");
		if ((st = db_stmt(db, sql, err)) == NULL)
			return err->code;
		st_bind(st, 1, code);
		org_short_name(fld[f->name]);
		st_bind(st, 2, fld[f->name]);
		if (f->level != NULL) {
			st_bind(st, 3, f->level);
			if (orgunit_code12(fld[f->parent], parent, err) != BF_OK)
				return err->code;
			st_bind(st, 4, parent);
		} else if (strcmp(code, ORG_CITY) == 0) {
			st_bind(st, 3, "city");
		} else {
			st_bind(st, 3, "district");
			st_bind(st, 4, ORG_CITY);
		}
		if (sqlite3_step(st) != SQLITE_DONE)
			return db_fail(db, err, "写入区划");
	}
	return BF_OK;
}

/* Seed org_unit from the embedded files (inside the caller's transaction). */
int
orgunit_seed(struct db *db, bf_error *err)
{
	size_t i;
	int rc;

	for (i = 0; i < sizeof org_files / sizeof org_files[0]; i++)
		if ((rc = org_load(db, &org_files[i], err)) != BF_OK)
			return rc;
	return BF_OK;
}

/* Fill out from the current row (code, name, level, parent). */
static void
org_row(sqlite3_stmt *st, struct org_unit *out)
{
	snprintf(out->code, sizeof out->code, "%s", st_text(st, 0));
	snprintf(out->name, sizeof out->name, "%s", st_text(st, 1));
	snprintf(out->level, sizeof out->level, "%s", st_text(st, 2));
	snprintf(out->parent, sizeof out->parent, "%s", st_text(st, 3));
}

/* A residence is a community: person_save and the importer's report ask. */
int
orgunit_check_community(const struct org_unit *u, bf_error *err)
{
	if (strcmp(u->level, "community") != 0)
		return err_set(err, BF_EINVAL, "常住社区应选到社区（村）一级，%s 是上级单位", u->name);
	return BF_OK;
}

/* The unit with this code. */
int
orgunit_get(struct db *db, const char *code, struct org_unit *out, bf_error *err)
{
	static const char sql[] =
	    "SELECT code, name, level, coalesce(parent, '') FROM org_unit WHERE code = ?";
	char code12[13];
	sqlite3_stmt *st;
	int rc;

	if ((rc = orgunit_code12(code, code12, err)) != BF_OK)
		return rc;
	if ((st = db_stmt(db, sql, err)) == NULL)
		return err->code;
	st_bind(st, 1, code12);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		org_row(st, out);
		sqlite3_reset(st);
		return BF_OK;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "读取区划");
	return err_set(err, BF_ENOTFOUND, "没有这个区划代码：%s", code);
}

/* Run a listing statement already bound, into out[0..max). */
static int
org_list(struct db *db, sqlite3_stmt *st, struct org_unit *out, int max, int *n, bf_error *err)
{
	int rc = SQLITE_DONE;

	*n = 0;
	while (*n < max && (rc = sqlite3_step(st)) == SQLITE_ROW)
		org_row(st, &out[(*n)++]);
	if (*n < max && rc != SQLITE_DONE) {
		sqlite3_reset(st);
		return db_fail(db, err, "读取区划");
	}
	sqlite3_reset(st);
	return BF_OK;
}

/* Direct children of parent. */
int
orgunit_children(struct db *db, const char *parent, struct org_unit *out, int max,
    int *n, bf_error *err)
{
	static const char sql[] =
	    "SELECT code, name, level, parent FROM org_unit WHERE parent = ? ORDER BY code";
	sqlite3_stmt *st = db_stmt(db, sql, err);

	if (st == NULL)
		return err->code;
	st_bind(st, 1, parent);
	return org_list(db, st, out, max, n, err);
}

/* Communities whose code lies in root's subtree. */
int
orgunit_communities(struct db *db, const char *root, struct org_unit *out, int max,
    int *n, bf_error *err)
{
	static const char sql[] =
	    "SELECT code, name, level, parent FROM org_unit"
	    " WHERE level = 'community' AND code BETWEEN ? AND ? ORDER BY code";
	struct org_unit r;
	char lo[13], hi[13];
	sqlite3_stmt *st;
	int rc;

	if ((rc = orgunit_get(db, root, &r, err)) != BF_OK)
		return rc;
	orgunit_range(&r, lo, hi);
	if ((st = db_stmt(db, sql, err)) == NULL)
		return err->code;
	st_bind(st, 1, lo);
	st_bind(st, 2, hi);
	return org_list(db, st, out, max, n, err);
}
