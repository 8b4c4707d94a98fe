/* import_audit.c: a workpaper imported as the year's audit updates the
 * audit in force: what its cover does not carry (the opinion, the frame,
 * the auditors) is kept, and said. */
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "xlsx_import.h"

/* A workpaper's audit a against the audit in force (when there is one
 * and a is not the file it came from). */
static enum kansa_err keep_one(struct store *st, int year, struct audit_file *a,
			       const char *const *keys, struct diags *d)
{
	struct audit_file cur;
	bool found = false;
	enum kansa_err err;

	if ((err = store_load_audit(st, year, &cur, &found, d)))
		return err;
	/* the same workpaper again changes nothing */
	if (found && strcmp(cur.sha256, a->sha256) != 0) {
		if (!audit_keep(a, &cur, keys))
			err = KANSA_ERR_NOMEM;
		else if (a->kept)
			diags_add(d, DIAG_NOTICE, a->path, 0,
				  "a workpaper carries only its cover and the "
				  "decisions: kept from the year's audit in "
				  "force, %s",
				  a->kept);
	}
	audit_release(&cur);
	return err;
}

enum kansa_err import_audit_keep(struct store *st, int year,
				 struct import_batch *b, struct diags *d)
{
	/* the keys of the workpaper's cover (xlsx_cover_rows) */
	const char **keys = calloc(xlsx_ncover_rows + 1, sizeof(*keys));
	enum kansa_err err = keys ? KANSA_OK : KANSA_ERR_NOMEM;

	for (size_t i = 0; keys && i < xlsx_ncover_rows; i++)
		keys[i] = xlsx_cover_rows[i].key;
	for (size_t i = 0; !err && i < b->naudits; i++)
		if (b->audits[i].workpaper)
			err = keep_one(st, year, &b->audits[i], keys, d);
	free(keys);
	return err;
}
