/* helpers.h: shared set-up for kansa's unit tests (cmocka). */
#ifndef KANSA_TEST_HELPERS_H
#define KANSA_TEST_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "checklist.h"
#include "fileio.h"
#include "policy.h"
#include "text.h"

#define SEED "checklists/mito-gikai-taisaku-kijun.txt"

/* Parses text (decoded first) into *pol; returns the error code. */
static inline enum kansa_err parse_text(const char *raw, size_t len,
					struct renumber *rn, size_t nrn,
					struct diags *d, struct policy **pol)
{
	char *text = NULL;
	size_t tl;
	enum text_encoding enc;
	enum kansa_err err =
		text_decode(raw, len, "test.txt", d, &text, &tl, &enc);
	if (!err)
		err = policy_parse(text, tl, "test.txt", rn, nrn, d, pol);
	free(text);
	return err;
}

/* Derives the checklist of a file; asserts success. */
static inline void derive_file(const char *path, struct renumber *rn,
			       size_t nrn, struct diags *d, struct policy **pol,
			       struct checklist *cl)
{
	char *raw = NULL;
	size_t len;
	assert_int_equal(fileio_read(path, POLICY_MAX_BYTES, &raw, &len, d),
			 KANSA_OK);
	assert_int_equal(parse_text(raw, len, rn, nrn, d, pol), KANSA_OK);
	checklist_init(cl);
	assert_int_equal(checklist_derive(*pol, path, cl, d), KANSA_OK);
	free(raw);
}

/* Derives from a string. */
static inline void derive_string(const char *s, struct diags *d,
				 struct policy **pol, struct checklist *cl)
{
	assert_int_equal(parse_text(s, strlen(s), NULL, 0, d, pol), KANSA_OK);
	checklist_init(cl);
	assert_int_equal(checklist_derive(*pol, "test.txt", cl, d), KANSA_OK);
}

/* The first diagnostic whose message contains needle, or NULL. */
static inline const struct diag *find_diag(const struct diags *d,
					   const char *needle)
{
	for (size_t i = 0; i < d->n; i++)
		if (strstr(d->v[i].msg, needle))
			return &d->v[i];
	return NULL;
}

#endif
