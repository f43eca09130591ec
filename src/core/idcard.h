/*
 * idcard.h -- citizen identity numbers (公民身份号码, GB 11643-1999).
 *
 * 18 characters: 6-digit address code, 8-digit birth date, 3-digit sequence
 * (odd for men, even for women) and an ISO 7064 MOD 11-2 check character
 * (0-9 or X).  Legacy 15-digit numbers (GB 11643-1989) are upgraded.
 */
#ifndef BF_CORE_IDCARD_H
#define BF_CORE_IDCARD_H

#include "core/date.h"
#include "util/error.h"

#define IDCARD_LEN 18

struct idcard {
	char	number[IDCARD_LEN + 1];	/* normalised: 18 chars, 'X' upper-case */
	bf_date	birth;
	int	sex;			/* 1 male, 2 female (GB/T 2261.1) */
	int	from15;			/* 1 if upgraded from a 15-digit number */
	int	region_known;		/* 1 if the first two digits are a province code */
};

/*
 * Normalise and validate input (full-width digits, spaces, lower-case x are
 * accepted).  today bounds the birth date.  BF_OK, or BF_EINVAL with a
 * precise message: wrong length, a non-digit at position N, a wrong check
 * character (naming the expected one), an impossible or future birth date,
 * an unknown province code.
 */
int	idcard_parse(const char *input, bf_date today, struct idcard *out, bf_error *err);
char	idcard_check_char(const char *body17);            /* '0'-'9' or 'X'; 0 if not 17 digits */
int	idcard_upgrade15(const char *id15, char out[IDCARD_LEN + 1]); /* BF_OK or BF_EINVAL */
void	idcard_mask(const char *number, char *out, size_t outlen); /* "500103********1230" */
void	idcard_reverse(const char *number, char out[IDCARD_LEN + 1]); /* for tail search */

#endif
