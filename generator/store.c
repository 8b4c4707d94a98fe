/* store.c: the SQLite store: opening, migrating, shared helpers. */
#include <fcntl.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_internal.h"

int store_schema_version(void)
{
	return store_nmigrations;
}

enum kansa_err store_db_error(struct store *st, const char *what)
{
	diags_add(st->d, DIAG_ERROR, st->path, 0, "database error while %s: %s",
		  what, sqlite3_errmsg(st->db));
	return KANSA_ERR_DB;
}

enum kansa_err store_exec(struct store *st, const char *sql, const char *what)
{
	char *msg = NULL;
	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		diags_add(st->d, DIAG_ERROR, st->path, 0,
			  "database error while %s: %s", what,
			  msg ? msg : sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		return KANSA_ERR_DB;
	}
	return KANSA_OK;
}

/* Brings the database to the current schema; a newer one is refused. */
static enum kansa_err migrate(struct store *st)
{
	int v = store_user_version(st->db);
	char *msg = NULL;

	if (v < 0)
		return store_db_error(st, "reading the schema version");
	if (v > store_nmigrations) {
		diags_add(st->d, DIAG_ERROR, st->path, 0,
			  "the database has schema version %d, newer than "
			  "this kansa knows (%d): use a newer kansa",
			  v, store_nmigrations);
		return KANSA_ERR_DB;
	}
	if (v == store_nmigrations)
		return KANSA_OK;
	if (store_apply_migrations(st->db, v, &msg)) {
		diags_add(st->d, DIAG_ERROR, st->path, 0,
			  "database error while migrating the schema: %s",
			  msg ? msg : sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		return KANSA_ERR_DB;
	}
	if (store_user_version(st->db) != store_nmigrations)
		return store_db_error(st, "migrating the schema");
	return KANSA_OK;
}

/* The folder of a file path: "." when it has none. */
static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return strdup(".");
	return slash == path ? strdup("/")
			     : strndup(path, (size_t)(slash - path));
}

const char *store_dir(const struct store *st)
{
	return st->dir;
}

/* Opens and migrates; refuses a schema kansa did not make unless
 * for_check (kansa check-db lists the differences instead). */
static enum kansa_err open_store(const char *path, bool create, bool for_check,
				 struct diags *d, struct store **out)
{
	struct store *st = calloc(1, sizeof(*st));
	int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
	enum kansa_err err = KANSA_ERR_DB;

	*out = NULL;
	if (!st || !(st->path = strdup(path)) || !(st->dir = folder_of(path))) {
		if (st)
			free(st->path);
		free(st);
		return KANSA_ERR_NOMEM;
	}
	st->d = d;
	/* a new database gets the umask's mode (SQLite's own 0644 would
	 * shut out a group that shares the workspace), never via a link */
	if (create) {
		int fd =
			open(path,
			     O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
			     0666);
		if (fd >= 0)
			close(fd);
	}
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
		diags_add(d, DIAG_ERROR, path, 0,
			  "cannot open the database: %s",
			  st->db ? sqlite3_errmsg(st->db) : "out of memory");
		goto out;
	}
	sqlite3_busy_timeout(st->db, 5000);
	sqlite3_extended_result_codes(st->db, 1);
	/* no schema edits by SQL, no functions with side effects run from
	 * the schema (views, triggers, defaults) of a file someone gave us */
	if (sqlite3_db_config(st->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL) !=
		    SQLITE_OK ||
	    sqlite3_db_config(st->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0,
			      NULL) != SQLITE_OK ||
	    store_exec(st, "PRAGMA trusted_schema = OFF",
		       "distrusting the schema") ||
	    store_exec(st, "PRAGMA foreign_keys = ON",
		       "enabling foreign keys") ||
	    (err = migrate(st)))
		goto out;
	if (!for_check && (err = store_schema_refuse(st)))
		goto out;
	*out = st;
	st = NULL;
	err = KANSA_OK;
out:
	store_close(st);
	return err;
}

enum kansa_err store_open(const char *path, bool create, struct diags *d,
			  struct store **out)
{
	return open_store(path, create, false, d, out);
}

enum kansa_err store_open_for_check(const char *path, struct diags *d,
				    struct store **out)
{
	return open_store(path, false, true, d, out);
}

void store_close(struct store *st)
{
	if (!st)
		return;
	for (size_t i = 0; i < st->ncached; i++)
		sqlite3_finalize(st->cached[i].s);
	sqlite3_close(st->db);
	free(st->path);
	free(st->dir);
	free(st);
}

/* --- helpers for statements ------------------------------------------ */

sqlite3_stmt *store_prepare(struct store *st, const char *sql)
{
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		store_db_error(st, "preparing a query");
		return NULL;
	}
	return s;
}

sqlite3_stmt *store_cached(struct store *st, const char *sql)
{
	sqlite3_stmt *s = NULL;
	for (size_t i = 0; i < st->ncached; i++)
		if (st->cached[i].sql == sql) {
			sqlite3_reset(st->cached[i].s);
			sqlite3_clear_bindings(st->cached[i].s);
			return st->cached[i].s;
		}
	if (st->ncached == STORE_NCACHED) {
		diags_add(st->d, DIAG_ERROR, st->path, 0,
			  "internal error: more than %d cached statements",
			  STORE_NCACHED);
		return NULL;
	}
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s,
			       NULL) != SQLITE_OK) {
		store_db_error(st, "preparing a query");
		return NULL;
	}
	st->cached[st->ncached].sql = sql;
	st->cached[st->ncached++].s = s;
	return s;
}

void store_bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
}

/* Steps a statement that returns no row, then resets it. */
bool store_step_done(struct store *st, sqlite3_stmt *s, const char *what)
{
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_DONE) {
		store_db_error(st, what);
		return false;
	}
	return true;
}

char *store_col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *v = sqlite3_column_text(s, i);
	return v ? strdup((const char *)v) : NULL;
}

void store_now(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
