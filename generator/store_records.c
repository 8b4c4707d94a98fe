/* store_records.c: what keeps a year's record from being rewritten:
 * read transactions, closing and reopening a year (its final outputs),
 * and the append-only year log. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "text.h"

enum kansa_err store_read_begin(struct store *st, struct diags *d)
{
	st->d = d;
	if (!sqlite3_get_autocommit(st->db))
		return KANSA_OK; /* already inside a transaction */
	/* the first read takes the snapshot every later one sees */
	if (store_exec(st, "BEGIN", "starting to read") ||
	    store_exec(st, "SELECT count(*) FROM fiscal_year",
		       "starting to read")) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return KANSA_ERR_DB;
	}
	return KANSA_OK;
}

void store_read_end(struct store *st)
{
	if (st && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
}

bool store_log_year(struct store *st, int year, const char *action,
		    const char *reason, const char *detail)
{
	sqlite3_stmt *s = store_prepare(st, "INSERT INTO year_log (year, "
					    "logged_at, action, reason, "
					    "detail) VALUES (?, ?, ?, ?, ?)");
	char now[32];
	bool ok;

	if (!s)
		return false;
	store_now(now);
	sqlite3_bind_int(s, 1, year);
	store_bind_text(s, 2, now);
	store_bind_text(s, 3, action);
	store_bind_text(s, 4, reason ? reason : "");
	store_bind_text(s, 5, detail ? detail : "");
	ok = store_step_done(st, s, "writing the year log");
	sqlite3_finalize(s);
	return ok;
}

int store_year_closed(struct store *st, int year, char closed_at[32])
{
	sqlite3_stmt *s = store_prepare(st, "SELECT closed_at FROM "
					    "fiscal_year WHERE year = ?");
	int r = 0;

	if (!s)
		return -1;
	sqlite3_bind_int(s, 1, year);
	if (sqlite3_step(s) == SQLITE_ROW &&
	    sqlite3_column_type(s, 0) != SQLITE_NULL) {
		r = 1;
		if (closed_at)
			snprintf(closed_at, 32, "%s",
				 sqlite3_column_text(s, 0));
	}
	sqlite3_finalize(s);
	return r;
}

bool store_require_open(struct store *st, int year, const char *what,
			const char *file)
{
	char at[32] = "";
	int c = store_year_closed(st, year, at);

	if (c < 0) {
		store_db_error(st, "reading whether the year is closed");
		return false;
	}
	if (c > 0)
		diags_add(st->d, DIAG_ERROR, file ? file : st->path, 0,
			  "FY %d is closed (kansa close, %s): %s is refused; "
			  "kansa reopen --year %d --reason TEXT reopens it, "
			  "logged",
			  year, at, what, year);
	return c == 0;
}

/* Runs a year's update of one statement with the year bound to ?1;
 * false (with a diagnostic) when it fails or changes no row. */
static bool update_year(struct store *st, const char *sql, int year)
{
	sqlite3_stmt *s = store_prepare(st, sql);
	bool ok = s != NULL;
	if (ok) {
		sqlite3_bind_int(s, 1, year);
		ok = store_step_done(st, s, "updating the year");
	}
	sqlite3_finalize(s);
	return ok;
}

enum kansa_err store_close_year(struct store *st, int year, const char *reason,
				struct diags *d)
{
	enum kansa_err err = KANSA_ERR_DB;
	char now[32];
	int c;

	st->d = d;
	if (store_exec(st, "BEGIN IMMEDIATE", "closing the year"))
		return KANSA_ERR_DB;
	c = store_year_closed(st, year, NULL);
	if (c == 0 && !store_year_known(st, year)) {
		diags_add(d, DIAG_ERROR, st->path, 0,
			  "FY %d has nothing imported: there is nothing to "
			  "close",
			  year);
		err = KANSA_ERR_NOTFOUND;
		goto out;
	}
	if (c > 0) {
		diags_add(d, DIAG_ERROR, st->path, 0, "FY %d is closed already",
			  year);
		err = KANSA_ERR_INPUT;
		goto out;
	}
	store_now(now);
	if (c == 0) {
		sqlite3_stmt *s = store_prepare(st, "UPDATE fiscal_year SET "
						    "closed_at = ?2 WHERE "
						    "year = ?1");
		bool ok = s != NULL;
		if (ok) {
			sqlite3_bind_int(s, 1, year);
			store_bind_text(s, 2, now);
			ok = store_step_done(st, s, "closing the year");
		}
		sqlite3_finalize(s);
		if (ok && store_log_year(st, year, "close", reason, "") &&
		    !store_exec(st, "COMMIT", "closing the year"))
			return KANSA_OK;
	}
out:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return err;
}

/* "path sha256" lines of a year's final outputs, for the log. */
static char *finals_text(struct store *st, int year)
{
	sqlite3_stmt *s = store_prepare(
		st, "SELECT coalesce(group_concat(path || ' ' || sha256, "
		    "char(10)), '') FROM (SELECT path, sha256 FROM "
		    "closed_output WHERE year = ? ORDER BY path)");
	char *t = NULL;
	if (!s)
		return NULL;
	sqlite3_bind_int(s, 1, year);
	if (sqlite3_step(s) == SQLITE_ROW)
		t = store_col_dup(s, 0);
	sqlite3_finalize(s);
	return t;
}

enum kansa_err store_reopen_year(struct store *st, int year, const char *reason,
				 struct diags *d)
{
	char *finals = NULL;
	bool ok;
	int c;

	st->d = d;
	if (store_exec(st, "BEGIN IMMEDIATE", "reopening the year"))
		return KANSA_ERR_DB;
	if ((c = store_year_closed(st, year, NULL)) == 0)
		diags_add(d, DIAG_ERROR, st->path, 0,
			  "FY %d is not closed: nothing to reopen", year);
	/* the final outputs go into the log with the reason */
	ok = c > 0 && (finals = finals_text(st, year)) &&
	     update_year(st,
			 "UPDATE fiscal_year SET closed_at = NULL "
			 "WHERE year = ?1",
			 year) &&
	     update_year(st, "DELETE FROM closed_output WHERE year = ?1",
			 year) &&
	     store_log_year(st, year, "reopen", reason, finals) &&
	     !store_exec(st, "COMMIT", "reopening the year");
	free(finals);
	if (ok)
		return KANSA_OK;
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return c == 0 ? KANSA_ERR_INPUT : KANSA_ERR_DB;
}

bool store_year_known(struct store *st, int year)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT 1 FROM fiscal_year "
					    "WHERE year = ?");
	bool found = false;
	if (!s)
		return false;
	sqlite3_bind_int(s, 1, year);
	found = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
	return found;
}

void store_finals_release(struct store_finals *f)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->v[i].path);
		free(f->v[i].sha256);
	}
	free(f->v);
	free(f->as_of);
	free(f->date);
	free(f->input_digest);
	free(f->kansa_version);
	memset(f, 0, sizeof(*f));
}

enum kansa_err store_load_finals(struct store *st, int year,
				 struct store_finals *out, struct diags *d)
{
	sqlite3_stmt *s;
	bool ok = true;

	st->d = d;
	memset(out, 0, sizeof(*out));
	s = store_prepare(st, "SELECT c.path, c.sha256, c.size, r.as_of, "
			      "r.report_date, r.input_digest, r.kansa_version "
			      "FROM closed_output c JOIN report_run r USING "
			      "(run_id) WHERE c.year = ? ORDER BY c.path");
	if (!s)
		return KANSA_ERR_DB;
	sqlite3_bind_int(s, 1, year);
	while (ok && sqlite3_step(s) == SQLITE_ROW) {
		struct store_final *g =
			realloc(out->v, (out->n + 1) * sizeof(*g));
		if (!(ok = g != NULL))
			break;
		out->v = g;
		g = &out->v[out->n++];
		g->path = store_col_dup(s, 0);
		g->sha256 = store_col_dup(s, 1);
		g->size = sqlite3_column_int64(s, 2);
		ok = g->path && g->sha256;
		if (ok && !out->as_of) {
			out->as_of = store_col_dup(s, 3);
			out->date = store_col_dup(s, 4);
			out->input_digest = store_col_dup(s, 5);
			out->kansa_version = store_col_dup(s, 6);
		}
	}
	sqlite3_finalize(s);
	if (ok)
		return KANSA_OK;
	store_finals_release(out);
	return KANSA_ERR_NOMEM;
}

void store_year_log_release(struct store_log_entry *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++) {
		free(v[i].logged_at);
		free(v[i].action);
		free(v[i].reason);
		free(v[i].detail);
	}
	free(v);
}

enum kansa_err store_load_year_log(struct store *st, int year,
				   struct store_log_entry **out, size_t *n,
				   struct diags *d)
{
	sqlite3_stmt *s;
	bool ok = true;

	st->d = d;
	*out = NULL;
	*n = 0;
	if (!(s = store_prepare(st, "SELECT logged_at, action, reason, detail "
				    "FROM year_log WHERE year = ? ORDER BY "
				    "log_id")))
		return KANSA_ERR_DB;
	sqlite3_bind_int(s, 1, year);
	while (ok && sqlite3_step(s) == SQLITE_ROW) {
		struct store_log_entry *e = text_grow(*out, *n + 1, sizeof(*e));
		if (!(ok = e != NULL))
			break;
		*out = e;
		e = &e[(*n)++];
		e->logged_at = store_col_dup(s, 0);
		e->action = store_col_dup(s, 1);
		e->reason = store_col_dup(s, 2);
		e->detail = store_col_dup(s, 3);
		ok = e->logged_at && e->action && e->reason && e->detail;
	}
	sqlite3_finalize(s);
	if (ok)
		return KANSA_OK;
	store_year_log_release(*out, *n);
	*out = NULL;
	*n = 0;
	return KANSA_ERR_NOMEM;
}
