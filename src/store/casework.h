/*
 * casework.h -- the few queries the case-work rules need beyond reading
 * and saving whole rows (store/record.h): a person's open plan, the
 * measure a service counts toward, open follow-ups, the last contact,
 * the active unemployment registration, a household's members with their
 * linked persons, and a household's open flag.  Rows found here are then
 * read and written with rec_load / rec_save (scope and audit there).
 */
#ifndef BF_STORE_CASEWORK_H
#define BF_STORE_CASEWORK_H

#include <stdint.h>

#include "store/children.h"
#include "util/error.h"

struct db;

/* The person's newest plan that is draft or active: *id (0 if none). */
int	casework_open_plan(struct db *db, int64_t person_id, int64_t *id, bf_error *err);
/*
 * The measure of plan plan_id of this type that a new service should
 * count toward: the first by due date (then id) not yet delivered in
 * full, else the first of that type.  *id 0 if the plan has none.
 */
int	casework_match_measure(struct db *db, int64_t plan_id, const char *type, int64_t *id,
	    bf_error *err);
/* Point the services counted toward measure from at measure to (a plan revision). */
int	casework_move_services(struct db *db, int64_t from, int64_t to, bf_error *err);
/*
 * Open (not done) follow-ups of the person whose kind matches the LIKE
 * pattern kind ("monthly", "stable%"), by due date: up to max ids into
 * ids, *n how many.
 */
int	casework_open_followups(struct db *db, int64_t person_id, const char *kind, int64_t *ids,
	    int max, int *n, bf_error *err);
/* The follow-up of this kind due on due for the person: *id (0 if none). */
int	casework_followup_on(struct db *db, int64_t person_id, const char *kind, const char *due,
	    int64_t *id, bf_error *err);
/* How many follow-ups of kind the person has done (not cancelled, result "0"): *n. */
int	casework_followups_done(struct db *db, int64_t person_id, const char *kind, int *n,
	    bf_error *err);
/* Latest day of contact (a service, or a follow-up done) into out ("" if none). */
int	casework_last_contact(struct db *db, int64_t person_id, char out[11], bf_error *err);
/* registered_on of the active registration into out ("" if none). */
int	casework_registered_on(struct db *db, int64_t person_id, char out[11], bf_error *err);
/*
 * The members of household hh (by id) as records of household_member,
 * each with extra fields "p_status", "p_sex", "p_birth_date" from the
 * linked person when there is one.  out is replaced.
 */
int	casework_members(struct db *db, int64_t hh, struct children *out, bf_error *err);
/*
 * The households person_id belongs to (person.household_id, and any
 * household listing them as a member): up to max ids, *n how many.
 */
int	casework_households_of(struct db *db, int64_t person_id, int64_t *ids, int max, int *n,
	    bf_error *err);
/* Link household_member rows of hh whose citizen_id is on file to that person. */
int	casework_link_members(struct db *db, int64_t hh, bf_error *err);
/* The open (not cleared) flag of household hh: *id (0 if none). */
int	casework_open_flag(struct db *db, int64_t hh, const char *flag, int64_t *id, bf_error *err);
/* The flags of household hh, newest first, as household_flag records.  out is replaced. */
int	casework_flags(struct db *db, int64_t hh, struct children *out, bf_error *err);

#endif
