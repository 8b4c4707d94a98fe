/* names.h: the names that identify a respondent (department, system,
 * respondent), normalised once where they come in, and near-duplicates.
 *
 * Ownership: names_normalise() returns a string the caller frees.
 */
#ifndef KANSA_NAMES_H
#define KANSA_NAMES_H

#include <stdbool.h>
#include <stddef.h>

#include "answers.h"
#include "err.h"
#include "store.h"

/*
 * NFKC (full-width letters and half-width katakana to their usual form,
 * U+3000 and NBSP to a space), white space at either end removed, inner
 * runs of white space collapsed to one space.  NULL when out of memory
 * or s is not valid UTF-8.
 */
char *names_normalise(const char *s);

/* Whether two different (normalised) names are probably one: equal once
 * spaces are removed, or one character added, removed or changed. */
bool names_near(const char *a, const char *b);

/* Normalises a sheet's department, system and respondent in place;
 * false when out of memory. */
bool names_normalise_sheet(struct answer_sheet *sh);

/* Warns (on the sheet, line 1) about each department of the sheets that
 * is near, but not equal to, another of the sheets' or of the year's
 * current respondents (stored). */
void names_warn_near(const struct answer_sheet *sheets, size_t n,
		     const struct store_respondent *stored, size_t nstored,
		     struct diags *d);

/* In a workspace whose kansa.ini lists its departments ([departments]
 * names = A, B, ...), an error (on the sheet's department line) for
 * each sheet whose department is not listed, naming the nearest listed
 * one.  Without a workspace or a list, nothing.  KANSA_ERR_INPUT when
 * kansa.ini cannot be read, KANSA_ERR_NOMEM. */
enum kansa_err names_check_departments(const struct answer_sheet *sheets,
				       size_t n, struct diags *d);

#endif
