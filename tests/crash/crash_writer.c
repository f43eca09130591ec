/*
 * crash_writer.c -- the writer the crash harness (tests/crash/run.sh)
 * kills with SIGKILL at random moments.  Linked with the library, it
 * saves forms exactly as the terminal interface does (app_form_save), in
 * a loop: a new person, then a plan with K measures in one transaction
 * (K written into the plan's goal so the checker can count them), then
 * a version-checked edit of the person.  After each commit it writes one
 * line to stdout ("P id", "L plan_id K", "U id version") and flushes, so
 * every line the harness reads names a transaction that was committed.
 *
 *   crash_writer DB FORMS_DIR RUN [ROUNDS]   (RUN makes citizen IDs unique;
 *                                             ROUNDS: stop after that many)
 *
 * tests/crash/concurrent.sh runs several at once on one database.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/formsave.h"
#include "app/session.h"
#include "core/date.h"
#include "core/idcard.h"
#include "forms/diag.h"
#include "forms/model.h"
#include "forms/record.h"
#include "store/db.h"

#define WRITER_PER_RUN 2000	/* persons per run at most: IDs stay unique */

/* A valid Chongqing citizen ID for the n-th person overall. */
static void
writer_citizen_id(long n, char out[19], char birth[11], const char **sex)
{
	bf_date d = date_add_days((bf_date){ 1975, 1, 1 }, n / 1000);
	char body[40];

	snprintf(body, sizeof body, "500103%04d%02d%02d%03ld", d.y, d.m, d.d, n % 1000);
	body[17] = '\0';
	snprintf(out, 19, "%.17s%c", body, idcard_check_char(body));
	date_format(d, birth);
	*sex = (n % 1000) % 2 ? "1" : "2";
}

/* Save fr as form f; print the error and return nonzero on failure. */
static int
writer_save(struct app_session *s, const char *form, struct form_record *fr, struct formsave *fs)
{
	const struct form *f = form_set_find(s->forms, form);
	bf_error err;

	err_clear(&err);
	if (f == NULL) {
		fprintf(stderr, "crash_writer: no form %s\n", form);
		return 1;
	}
	if (app_form_save(s, f, fr, fs, &err) != BF_OK) {
		fprintf(stderr, "crash_writer: %s: %s\n", form, err.msg);
		return 1;
	}
	return 0;
}

/* One round: person, plan with k measures, edit of the person. */
static int
writer_round(struct app_session *s, long n)
{
	struct form_record *p = form_record_new(), *l = form_record_new();
	struct formsave fs = { 0, 0, 0, 0 }, ls;
	char cid[19], birth[11], buf[64];
	const char *sex;
	int k = 1 + (int)(n % 3), i, rc = 1;

	writer_citizen_id(n, cid, birth, &sex);
	form_record_set(p, "citizen_id", cid);
	snprintf(buf, sizeof buf, "压测%ld", n);
	form_record_set(p, "name", buf);
	form_record_set(p, "sex", sex);
	form_record_set(p, "birth_date", birth);
	form_record_set(p, "community_code", "500103001003");
	form_record_set(p, "address", "渝中区测试路 1 号");
	form_record_set(p, "phone", "13800138000");
	if (writer_save(s, "person", p, &fs) != 0)
		goto out;
	printf("P %lld\n", (long long)fs.person_id);
	fflush(stdout);

	ls = (struct formsave){ fs.person_id, 0, 0, 0 };
	snprintf(buf, sizeof buf, "K=%d", k);
	form_record_set(l, "goal", buf);
	form_record_set(l, "made_on", "2024-05-01");
	form_record_set(l, "responsible", "王五");
	snprintf(buf, sizeof buf, "%d", k);
	form_record_set(l, "measures", buf);
	for (i = 0; i < k; i++) {
		char key[32];

		snprintf(key, sizeof key, "measures[%d].type", i);
		form_record_set(l, key, "01");
		snprintf(key, sizeof key, "measures[%d].target_count", i);
		form_record_set(l, key, "2");
	}
	if (writer_save(s, "plan", l, &ls) != 0)
		goto out;
	printf("L %lld %d\n", (long long)ls.record_id, k);
	fflush(stdout);

	form_record_set(p, "phone", "13900139000");
	if (writer_save(s, "person", p, &fs) != 0)
		goto out;
	printf("U %lld %lld\n", (long long)fs.person_id, (long long)fs.version);
	fflush(stdout);
	rc = 0;
out:
	form_record_free(p);
	form_record_free(l);
	return rc;
}

/* Open the database as the Unix user, load the forms, run the rounds. */
int
main(int argc, char **argv)
{
	struct app_session *s;
	struct forms_diags diags;
	bf_error err;
	long run, i, rounds = WRITER_PER_RUN;
	int rc = 0;

	if (argc != 4 && argc != 5) {
		fprintf(stderr, "usage: crash_writer DB FORMS_DIR RUN [ROUNDS]\n");
		return 2;
	}
	run = atol(argv[3]);
	if (argc == 5 && atol(argv[4]) > 0 && atol(argv[4]) < WRITER_PER_RUN)
		rounds = atol(argv[4]);
	err_clear(&err);
	forms_diags_init(&diags);
	if (app_open(argv[1], DB_CREATE, &s, &err) != BF_OK ||
	    app_load_forms(s, argv[2], &diags, &err) != BF_OK) {
		forms_diags_print(&diags, stderr);
		fprintf(stderr, "crash_writer: %s\n", err.msg);
		forms_diags_free(&diags);
		return 1;
	}
	forms_diags_free(&diags);
	for (i = 0; i < rounds && rc == 0; i++)
		rc = writer_round(s, run * WRITER_PER_RUN + i);
	app_close(s);
	return rc;
}
