/*
 * report.h -- the monthly indicator report as people read it: the
 * indicators of store/indicators.h with category names from the code
 * lists, written as aligned text, CSV, or an .xlsx workbook.  Shared by
 * `bangfu report` and the dashboard.
 */
#ifndef BF_APP_REPORT_H
#define BF_APP_REPORT_H

#include <stdio.h>

#include "store/indicators.h"
#include "util/error.h"

struct db;
struct form_set;

struct app_report {
	struct ind_period period;
	char		org_name[96];
	char		org_code[13];
	struct ind_row	*rows;		/* owned */
	int		nrows;
	struct ind_worker *workers;	/* owned */
	int		nworkers;
};

/*
 * Compute the report for org ("" = the actor's unit) and month ("" = this
 * month); category rows are labelled from forms (may be NULL).  *r is
 * filled; release with app_report_free.
 */
int	app_report_make(struct db *db, const struct form_set *forms, const char *org, const char *month,
	    struct app_report *r, bf_error *err);
void	app_report_free(struct app_report *r);
/* Label of a difficulty category code from forms, or "类别 CODE" (into out). */
void	app_report_category_label(const struct form_set *forms, const char *code, char *out, size_t len);
int	app_report_text(const struct app_report *r, FILE *fp);
int	app_report_csv(const struct app_report *r, FILE *fp);
/* Write an .xlsx workbook; BF_EINVAL with a Chinese message when built without libxlsxwriter. */
int	app_report_xlsx(const struct app_report *r, const char *path, bf_error *err);

#endif
