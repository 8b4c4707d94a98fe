/* import_audit.c: a workpaper imported as the year's audit updates the
 * audit in force: what its cover does not carry (the opinion, the frame,
 * the auditors) is kept, and said. */
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "xlsx_import.h"

/* The keys of the workpaper's cover (xlsx_cover_rows), NULL-terminated,
 * into keys (of room n); false when they do not fit. */
static bool cover_keys(const char **keys, size_t n)
{
	if (xlsx_ncover_rows + 1 > n)
		return false;
	for (size_t i = 0; i < xlsx_ncover_rows; i++)
		keys[i] = xlsx_cover_rows[i].key;
	keys[xlsx_ncover_rows] = NULL;
	return true;
}

enum kansa_err import_audit_keep(struct store *st, int year,
				 struct import_batch *b, struct diags *d)
{
	const char *keys[32];
	struct audit_file cur;
	bool found = false;
	enum kansa_err err = KANSA_OK;

	for (size_t i = 0; !err && i < b->naudits; i++) {
		struct audit_file *a = &b->audits[i];
		if (!a->workpaper)
			continue;
		if (!cover_keys(keys, sizeof(keys) / sizeof(keys[0])))
			return KANSA_ERR_INPUT; /* cannot happen: 7 rows */
		if ((err = store_load_audit(st, year, &cur, &found, d)))
			return err;
		/* the same workpaper again changes nothing */
		if (found && strcmp(cur.sha256, a->sha256) != 0) {
			if (!audit_keep(a, &cur, keys))
				err = KANSA_ERR_NOMEM;
			else if (a->kept)
				diags_add(d, DIAG_NOTICE, a->path, 0,
					  "a workpaper carries only its cover "
					  "and the decisions: kept from the "
					  "year's audit in force, %s",
					  a->kept);
		}
		audit_release(&cur);
	}
	return err;
}
