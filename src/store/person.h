/*
 * person.h -- saving a person's file (一人一档): the columns the store
 * derives itself (sex and birth date from the citizen ID, the reversed ID
 * for tail search, pinyin for initials search, the per-character name for
 * substring search), duplicate IDs, and case status changes.
 */
#ifndef BF_STORE_PERSON_H
#define BF_STORE_PERSON_H

#include <stdint.h>

#include "util/error.h"

struct db;
struct rec;

/*
 * Save a person record (table "person"): normalises and checks the
 * citizen ID, fills the derived columns, defaults status and caseworker,
 * and refuses a citizen ID already on file with BF_EDUP, setting
 * *existing to that person's id when it is within the user's scope (so
 * the caller can open it instead) and 0 when it is not.
 */
int	person_save(struct db *db, struct rec *r, int64_t *existing, bf_error *err);
/*
 * person_save in two halves: the columns derived from the name and the
 * citizen ID (pure: the importer's reading thread calls it; today is
 * "YYYY-MM-DD"), then the checks against the database and the save.
 */
int	person_prepare(struct rec *r, const char *today, bf_error *err);
int	person_save_prepared(struct db *db, struct rec *r, int64_t *existing, bf_error *err);
/* The id of the person with this (normalised) citizen ID, 0 if none; BF_EPERM if held outside the scope. */
int	person_find_by_citizen_id(struct db *db, const char *citizen_id, int64_t *id, bf_error *err);
/*
 * Move a person's case to status to (a code of core/casestate.h), checked
 * against the allowed transitions; reason is required where the table
 * says so.  Writes a case_event in the same transaction.
 */
int	person_set_status(struct db *db, int64_t id, const char *to, const char *reason, bf_error *err);
/* Fill name_py, name_pinyin and name_chars for name into r. */
void	person_derive_name(struct rec *r, const char *name);

#endif
