/*
 * formsave.h -- saving any form of a person's file as rows: the person
 * form and forms that add to the person row (intention), forms of child
 * tables (registration, service, follow-up, employment, plan), their
 * repeatable groups (plan measures, categories, household members), and
 * the household, all in one transaction.
 */
#ifndef BF_APP_FORMSAVE_H
#define BF_APP_FORMSAVE_H

#include <stdint.h>

#include "util/error.h"

struct app_session;
struct form;
struct form_record;

struct formsave {
	int64_t	person_id;	/* in: the person (0 only for a new person form); out: set */
	int64_t	record_id;	/* in: the row edited (0 = new); out: the row saved */
	int64_t	version;	/* in: version read, for updates; out: new version */
	int64_t	existing;	/* out: on BF_EDUP, the person holding the citizen ID (if visible) */
};

/*
 * Save fr (values of form f) for fs->person_id.  Group rows ("GROUP[i].CHILD",
 * count under "GROUP") are inserted into the group's table with the
 * parent's id.  Everything or nothing is written.
 */
int	app_form_save(struct app_session *s, const struct form *f, const struct form_record *fr,
	    struct formsave *fs, bf_error *err);

/*
 * Editing stored row record_id of form f (of person person_id): put how
 * many rows each of f's groups already has on file into fr, under
 * "GROUP" FORM_GROUP_STORED (forms/record.h).
 */
int	app_form_group_counts(struct app_session *s, const struct form *f, int64_t record_id,
	    int64_t person_id, struct form_record *fr, bf_error *err);

#endif
