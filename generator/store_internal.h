/* store_internal.h: what the parts of the store module share.
 *
 * store.c opens and migrates (store_migrate.c applies the migrations and
 * builds the expected schema, compiled in by tools/schema_rows.c),
 * store_schema.c holds the migrations,
 * store_policy.c the policies and checklists, store_year.c reads a fiscal
 * year's answers and evidence, store_import.c writes them (import, verify).
 * Nothing outside the store includes this.
 */
#ifndef KANSA_STORE_INTERNAL_H
#define KANSA_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>

#include "store.h"

/* Most statements one connection keeps prepared (store_cached). */
#define STORE_NCACHED 32

struct store {
	sqlite3 *db;	 /* the connection */
	char *path;	 /* the file, for messages */
	char *dir;	 /* the folder it is in */
	struct diags *d; /* where errors of the current call go */
	struct store_stmt {
		const char *sql; /* a string literal: keyed by address */
		sqlite3_stmt *s; /* prepared once, finalized on close */
	} cached[STORE_NCACHED]; /* statements prepared once (store_cached) */
	size_t ncached;		 /* how many */
};

/* Migrations: each a NULL-terminated list of statements (store_schema.c). */
extern const char *const *const store_migrations[];
extern const int store_nmigrations;

/* The policy pinned for a year, 0 when none, -1 on error (store_year.c). */
long long store_pinned_policy(struct store *st, int year);

/* store_migrate.c: PRAGMA user_version, or -1. */
int store_user_version(sqlite3 *db);
/* Applies the migrations after user_version v (KANSA_ERR_DB and *errmsg,
 * sqlite3_free() it, on failure). */
enum kansa_err store_apply_migrations(sqlite3 *db, int v, char **errmsg);
/* A private in-memory database with the schema this kansa's migrations
 * make (sqlite3_close() it); NULL on failure. */
sqlite3 *store_expected_schema(void);

/* The schema's entries, SQLite's own (sqlite_%) left out, by type and
 * name: what is compared with the expected schema. */
#define STORE_SCHEMA_ROWS_SQL                                                  \
	"SELECT type, name, coalesce(sql, '') FROM sqlite_schema WHERE "       \
	"name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name"
/* One entry of sqlite_schema: a table, index, trigger or view. */
struct store_schema_row {
	const char *type; /* table, index, trigger, view */
	const char *name; /* its name */
	const char *sql;  /* its CREATE statement as SQLite keeps it, or "" */
};
/* The rows of store_expected_schema(), by STORE_SCHEMA_ROWS_SQL, made at
 * build time by tools/schema_rows.c (build/gen/store_schema_rows.c):
 * every kansa that opens a database compares its schema with them,
 * without replaying the migrations in memory (15 ms a process). */
extern const struct store_schema_row store_schema_expected[];
extern const size_t store_schema_nexpected;
/* KANSA_ERR_DB with a diagnostic when the schema differs from the
 * expected one (anything added, missing or changed). */
enum kansa_err store_schema_refuse(struct store *st);

/* Adds "database error while WHAT: ..." to st->d; returns KANSA_ERR_DB. */
enum kansa_err store_db_error(struct store *st, const char *what);
/* Runs SQL without results; KANSA_ERR_DB with a diagnostic on failure. */
enum kansa_err store_exec(struct store *st, const char *sql, const char *what);
/* Prepares a statement; NULL (with a diagnostic) on failure. */
sqlite3_stmt *store_prepare(struct store *st, const char *sql);
/* The statement for sql prepared once per connection and kept until
 * store_close(), reset and unbound: sql must be a string literal (the
 * cache is keyed by its address).  The caller resets it when done with
 * its rows and never finalizes it.  NULL with a diagnostic on error. */
sqlite3_stmt *store_cached(struct store *st, const char *sql);
/* Binds text, or NULL for a NULL pointer. */
void store_bind_text(sqlite3_stmt *s, int i, const char *v);
/* Steps a statement that returns no row, then resets it. */
bool store_step_done(struct store *st, sqlite3_stmt *s, const char *what);
/* A copy of a text column, or NULL. */
char *store_col_dup(sqlite3_stmt *s, int i);
/* The current time as YYYY-MM-DDTHH:MM:SSZ. */
void store_now(char out[32]);

/* Resolves NAME[@VERSION] (NULL: derived last) to a policy_id, filling
 * cl's name, version and source; 0 when there is none, -1 on error. */
long long store_resolve_policy(struct store *st, const char *spec,
			       struct checklist *cl);
/* Fills cl's name, version and source of a policy_id. */
enum kansa_err store_policy_meta(struct store *st, long long pid,
				 struct checklist *cl);
/* Loads the parts and items (of one role, or all) of a policy_id. */
enum kansa_err store_load_items(struct store *st, long long pid,
				const char *role, struct checklist *cl);

/* Saves a plan's current state and appends it to the log (no
 * transaction of its own). */
bool store_append_plan(struct store *st, const struct plan *p);
/* Saves an audit file's facts and judgements (no transaction). */
bool store_save_audit(struct store *st, int year, const struct audit_file *a,
		      long long file_id);

/*
 * What importing audit file a into year does (*res): unchanged when it is
 * the file the audit in force came from, or (complete: the workspace's
 * files, as kansa run imports them) a file imported before whose audit a
 * later import of another file replaced (a warning names the file in
 * force); else new.  false on a database error.
 */
bool store_audit_result(struct store *st, int year, const struct audit_file *a,
			bool complete, enum store_import_result *res);

/* Appends to the year log (no transaction of its own). */
bool store_log_year(struct store *st, int year, const char *action,
		    const char *reason, const char *detail);
/* true when FY year is open; else a diagnostic (on file, or the
 * database) saying that what is refused because the year is closed. */
bool store_require_open(struct store *st, int year, const char *what,
			const char *file);

/* Moves a respondent's answers to the append-only history (replaced at
 * now, from the file of SHA-256 old_sha) and deletes them. */
bool store_archive_answers(struct store *st, long long rid, const char *old_sha,
			   const char *now);
/* With every sheet of the year in im: retires each respondent no sheet
 * backs (answers to the history, logged, a notice). */
bool store_retire_unbacked(struct store *st, const struct store_import *im,
			   const char *now);

#endif
