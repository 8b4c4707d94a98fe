/* store_quick.c: the database on the second core: SQLite's quick check
 * at once or on a thread of its own (with a connection of its own) while
 * the caller reads the year, and a twin connection that reads the same
 * state as the caller's for another thread. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

/* What one quick check found. */
struct quick_result {
	int state; /* 0 ok, 1 damaged, 2 the check could not run */
	char *msg; /* SQLite's first problem or error, malloc'd */
};

/* Runs PRAGMA quick_check(1) on db into res. */
static void quick_run(sqlite3 *db, struct quick_result *res)
{
	sqlite3_stmt *s = NULL;
	const char *first = NULL;
	int rc;

	if (sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &s, NULL) !=
	    SQLITE_OK) {
		res->state = 2;
		res->msg = strdup(sqlite3_errmsg(db));
		return;
	}
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		first = (const char *)sqlite3_column_text(s, 0);
	if (rc == SQLITE_ROW && first && strcmp(first, "ok") == 0) {
		res->state = 0;
	} else {
		res->state = 1;
		res->msg = strdup(first ? first : sqlite3_errmsg(db));
	}
	sqlite3_finalize(s);
}

/* The diagnostic for res (none when ok); its code. */
static enum kansa_err
quick_report(const char *path, const struct quick_result *res, struct diags *d)
{
	const char *msg = res->msg ? res->msg : "out of memory";

	if (res->state == 0)
		return KANSA_OK;
	if (res->state == 2)
		diags_add(d, DIAG_ERROR, path, 0, "database error while %s: %s",
			  "preparing a query", msg);
	else
		diags_add(d, DIAG_ERROR, path, 0,
			  "the database is damaged (SQLite: %s): nothing was "
			  "written; kansa check-db lists every problem; "
			  "restore the last copy made with kansa backup",
			  msg);
	return KANSA_ERR_DB;
}

enum kansa_err store_quick_check(struct store *st, struct diags *d)
{
	struct quick_result res = {0, NULL};
	enum kansa_err err;

	st->d = d;
	quick_run(st->db, &res);
	err = quick_report(st->path, &res, d);
	free(res.msg);
	return err;
}

/* A quick check running on a thread of its own. */
struct store_quick {
	char *path;		 /* the database file */
	pthread_t thread;	 /* running quick_thread */
	bool started;		 /* the thread was made (else it ran inline) */
	struct quick_result res; /* what it found */
};

/* Opens a connection of its own to the file (as store_open does, without
 * migrating: the caller's connection has) and checks it. */
static void *quick_thread(void *arg)
{
	struct store_quick *q = arg;
	sqlite3 *db = NULL;

	if (sqlite3_open_v2(q->path, &db,
			    SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
			    NULL) != SQLITE_OK ||
	    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL) !=
		    SQLITE_OK ||
	    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL) !=
		    SQLITE_OK) {
		q->res.state = 2;
		q->res.msg = strdup(db ? sqlite3_errmsg(db) : "out of memory");
	} else {
		sqlite3_busy_timeout(db, 5000);
		quick_run(db, &q->res);
	}
	sqlite3_close(db);
	return NULL;
}

enum kansa_err store_quick_check_start(struct store *st,
				       struct store_quick **out,
				       struct diags *d)
{
	struct store_quick *q = calloc(1, sizeof(*q));

	*out = NULL;
	(void)d; /* the check's findings are given by _finish() */
	if (!q || !(q->path = strdup(st->path))) {
		free(q);
		return KANSA_ERR_NOMEM;
	}
	q->started = pthread_create(&q->thread, NULL, quick_thread, q) == 0;
	if (!q->started)
		quick_thread(q); /* no thread to be had: here and now */
	*out = q;
	return KANSA_OK;
}

enum kansa_err store_quick_check_finish(struct store_quick *q, struct diags *d)
{
	enum kansa_err err;

	if (!q)
		return KANSA_OK;
	if (q->started)
		pthread_join(q->thread, NULL);
	err = quick_report(q->path, &q->res, d);
	free(q->res.msg);
	free(q->path);
	free(q);
	return err;
}

/* Whether st's database keeps a rollback journal (not WAL, where a
 * reader's shared lock does not hold writers off). */
static bool rollback_journal(struct store *st)
{
	sqlite3_stmt *s = NULL;
	bool yes = false;

	if (sqlite3_prepare_v2(st->db, "PRAGMA journal_mode", -1, &s, NULL) ==
		    SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		yes = sqlite3_column_text(s, 0) &&
		      strcmp((const char *)sqlite3_column_text(s, 0), "wal") !=
			      0;
	sqlite3_finalize(s);
	return yes;
}

enum kansa_err store_open_twin(struct store *st, struct diags *d,
			       struct store **out)
{
	struct store *t;

	*out = NULL;
	if (sqlite3_get_autocommit(st->db) || !rollback_journal(st) ||
	    !(t = calloc(1, sizeof(*t))))
		return KANSA_ERR_NOTFOUND;
	t->d = d;
	/* no busy timeout: a writer waiting for st to finish must not keep
	 * the twin waiting too (it would wait for st, which waits for it) */
	if (!(t->path = strdup(st->path)) || !(t->dir = strdup(st->dir)) ||
	    sqlite3_open_v2(st->path, &t->db,
			    SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
			    NULL) != SQLITE_OK ||
	    sqlite3_db_config(t->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL) !=
		    SQLITE_OK ||
	    sqlite3_db_config(t->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL) !=
		    SQLITE_OK ||
	    sqlite3_exec(t->db,
			 "PRAGMA trusted_schema = OFF; BEGIN; "
			 "SELECT count(*) FROM fiscal_year",
			 NULL, NULL, NULL) != SQLITE_OK) {
		store_close(t);
		return KANSA_ERR_NOTFOUND;
	}
	sqlite3_extended_result_codes(t->db, 1);
	*out = t;
	return KANSA_OK;
}
