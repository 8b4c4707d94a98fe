/* store.h: the SQLite store, the only module that speaks SQL.
 *
 * One database file holds every policy version, checklist item, answer,
 * evidence record, plan and report run (docs/schema.md).  Ownership:
 * store_open() returns a handle that store_close() frees; functions that
 * fill a caller's struct leave the caller to release it.
 */
#ifndef KANSA_STORE_H
#define KANSA_STORE_H

#include <stdbool.h>

#include "checklist.h"
#include "err.h"

struct store;

/* The schema version this kansa writes (PRAGMA user_version). */
int store_schema_version(void);

/*
 * Opens (creating when create is true) the database at path and migrates
 * it to the current schema, each step in its own transaction.  Returns
 * KANSA_ERR_DB with a diagnostic naming the file.
 */
enum kansa_err store_open(const char *path, bool create, struct diags *d,
			  struct store **out);
void store_close(struct store *st);

/* What store_save_policy() did. */
enum store_saved {
	STORE_SAVED_NEW,      /* a new policy version */
	STORE_SAVED_REPLACED, /* the same version with other items */
	STORE_SAVED_SAME      /* identical: nothing changed */
};

/*
 * Saves a derived checklist as policy cl->policy version cl->version, in
 * one transaction.  checklist_sha256 identifies the checklist file.
 */
enum kansa_err store_save_policy(struct store *st, const struct checklist *cl,
				 const char *checklist_sha256,
				 enum store_saved *saved, struct diags *d);

/*
 * Loads a policy version's checklist into cl (empty).  spec is NAME,
 * NAME@VERSION or NULL for the policy derived last; role, when not NULL,
 * keeps only that role's items.  Returns KANSA_ERR_NOTFOUND with a
 * diagnostic when there is no such policy.
 */
enum kansa_err store_load_checklist(struct store *st, const char *spec,
				    const char *role, struct checklist *cl,
				    struct diags *d);

#endif
