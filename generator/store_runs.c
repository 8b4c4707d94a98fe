/* store_runs.c: the record of each `kansa report`: when, which kansa, the
 * files it read and the files it wrote, each with its SHA-256. */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool add_file(struct store *st, sqlite3_stmt *s, long long run,
		     const char *direction, const struct store_run_file *f)
{
	sqlite3_bind_int64(s, 1, run);
	sqlite3_bind_text(s, 2, direction, -1, SQLITE_STATIC);
	store_bind_text(s, 3, f->path);
	store_bind_text(s, 4, f->sha256);
	sqlite3_bind_int64(s, 5, f->size);
	return store_step_done(st, s, "recording a run's file");
}

/* The first report of a closed year makes its final outputs: the
 * files run id wrote, unless the year has final outputs already. */
static bool record_finals(struct store *st, int year, long long id)
{
	sqlite3_stmt *s = store_prepare(
		st, "INSERT INTO closed_output (year, path, sha256, size, "
		    "run_id) SELECT ?1, path, sha256, size, run_id FROM "
		    "run_file WHERE run_id = ?2 AND direction = 'out' AND "
		    "EXISTS (SELECT 1 FROM fiscal_year WHERE year = ?1 AND "
		    "closed_at IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM "
		    "closed_output WHERE year = ?1)");
	bool ok = s != NULL;
	if (ok) {
		sqlite3_bind_int(s, 1, year);
		sqlite3_bind_int64(s, 2, id);
		ok = store_step_done(st, s, "recording the final outputs");
	}
	sqlite3_finalize(s);
	return ok;
}

enum kansa_err store_begin_run(struct store *st, struct store_run *run,
			       struct diags *d)
{
	sqlite3_stmt *s;
	bool ok;

	st->d = d;
	if (sqlite3_db_readonly(st->db, "main") == 1) {
		diags_add(d, DIAG_ERROR, st->path, 0,
			  "the database is read-only: the run could not be "
			  "recorded, so nothing was written");
		return KANSA_ERR_DB;
	}
	if (store_exec(st, "BEGIN IMMEDIATE", "recording the run's start"))
		return KANSA_ERR_DB;
	ok = (s = store_prepare(st, "INSERT INTO report_run (year, "
				    "started_at, kansa_version, as_of, "
				    "report_date, input_digest) VALUES "
				    "(?, ?, ?, ?, ?, ?)")) != NULL;
	if (ok) {
		sqlite3_bind_int(s, 1, run->year);
		store_bind_text(s, 2, run->started_at);
		store_bind_text(s, 3, run->kansa_version);
		store_bind_text(s, 4, run->as_of);
		store_bind_text(s, 5, run->date);
		store_bind_text(s, 6, run->input_digest);
		ok = store_step_done(st, s, "recording the run's start");
		run->id = sqlite3_last_insert_rowid(st->db);
	}
	sqlite3_finalize(s);
	if (ok && !store_exec(st, "COMMIT", "recording the run's start"))
		return KANSA_OK;
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	run->id = 0;
	return KANSA_ERR_DB;
}

enum kansa_err store_record_run(struct store *st, const struct store_run *run,
				struct diags *d)
{
	sqlite3_stmt *s = NULL, *f = NULL;
	bool ok;
	long long id = run->id;
	char now[32];

	st->d = d;
	store_now(now);
	if (store_exec(st, "BEGIN IMMEDIATE", "recording a run"))
		return KANSA_ERR_DB;
	if (id)
		ok = (s = store_prepare(st, "UPDATE report_run SET finished_at "
					    "= ?2, input_digest = ?3 WHERE "
					    "run_id = ?1")) != NULL;
	else
		ok = (s = store_prepare(
			      st, "INSERT INTO report_run (year, started_at, "
				  "finished_at, kansa_version, as_of, "
				  "report_date, input_digest) VALUES "
				  "(?4, ?5, ?2, ?6, ?7, ?8, ?3)")) != NULL;
	ok = ok && (f = store_prepare(st, "INSERT INTO run_file (run_id, "
					  "direction, path, sha256, size) "
					  "VALUES (?, ?, ?, ?, ?)"));
	if (ok) {
		if (id)
			sqlite3_bind_int64(s, 1, id);
		store_bind_text(s, 2, now);
		store_bind_text(s, 3, run->input_digest);
		if (!id) {
			sqlite3_bind_int(s, 4, run->year);
			store_bind_text(s, 5, run->started_at);
			store_bind_text(s, 6, run->kansa_version);
			store_bind_text(s, 7, run->as_of);
			store_bind_text(s, 8, run->date);
		}
		ok = store_step_done(st, s, "recording a run");
		if (!id)
			id = sqlite3_last_insert_rowid(st->db);
	}
	for (size_t i = 0; ok && i < run->ninputs; i++)
		ok = add_file(st, f, id, "in", &run->inputs[i]);
	for (size_t i = 0; ok && i < run->noutputs; i++)
		ok = add_file(st, f, id, "out", &run->outputs[i]);
	sqlite3_finalize(s);
	sqlite3_finalize(f);
	if (ok && run->year_report)
		ok = record_finals(st, run->year, id);
	if (ok && store_exec(st, "COMMIT", "recording a run") == KANSA_OK)
		return KANSA_OK;
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return KANSA_ERR_DB;
}

enum kansa_err store_list_runs(struct store *st, int year,
			       struct store_run_row **out, size_t *n,
			       struct diags *d)
{
	sqlite3_stmt *s;
	struct store_run_row *v = NULL;
	int rc;

	st->d = d;
	*out = NULL;
	*n = 0;
	if (!(s = store_prepare(
		      st,
		      "SELECT r.run_id, r.year, r.finished_at, "
		      "r.kansa_version, "
		      "r.as_of, r.report_date, r.input_digest, (SELECT "
		      "count(*) "
		      "FROM run_file f WHERE f.run_id = r.run_id AND "
		      "f.direction = 'in'), (SELECT count(*) FROM run_file f "
		      "WHERE f.run_id = r.run_id AND f.direction = 'out') FROM "
		      "report_run r WHERE ?1 < 0 OR r.year = ?1 ORDER BY "
		      "r.run_id")))
		return KANSA_ERR_DB;
	sqlite3_bind_int(s, 1, year);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_run_row *g = text_grow(v, *n, sizeof(*v)), *e;
		if (!g) {
			rc = SQLITE_NOMEM;
			break;
		}
		v = g;
		e = &v[(*n)++];
		e->id = sqlite3_column_int64(s, 0);
		e->year = sqlite3_column_int(s, 1);
		e->finished_at = store_col_dup(s, 2);
		e->kansa_version = store_col_dup(s, 3);
		e->as_of = store_col_dup(s, 4);
		e->date = store_col_dup(s, 5);
		e->input_digest = store_col_dup(s, 6);
		e->ninputs = (size_t)sqlite3_column_int64(s, 7);
		e->noutputs = (size_t)sqlite3_column_int64(s, 8);
	}
	sqlite3_finalize(s);
	*out = v;
	if (rc != SQLITE_DONE) {
		store_runs_release(v, *n);
		*out = NULL;
		*n = 0;
		return store_db_error(st, "listing the runs");
	}
	return KANSA_OK;
}

void store_runs_release(struct store_run_row *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].finished_at);
		free(v[i].kansa_version);
		free(v[i].as_of);
		free(v[i].date);
		free(v[i].input_digest);
	}
	free(v);
}

/* name with each as_of in it made to (caller frees; NULL when out of
 * memory). */
static char *renamed(const char *name, const char *as_of, const char *to)
{
	struct sbuf b = {0};
	size_t n = strlen(as_of);
	for (const char *s = name; *s;) {
		if (n && strncmp(s, as_of, n) == 0) {
			sbuf_adds(&b, to);
			s += n;
		} else {
			sbuf_add(&b, s++, 1);
		}
	}
	return sbuf_take(&b);
}

enum kansa_err store_last_report_before(struct store *st, const char *as_of,
					const char *name, char out[11],
					struct diags *d)
{
	sqlite3_stmt *s;
	int rc = SQLITE_DONE;

	st->d = d;
	*out = '\0';
	if (!(s = store_prepare(st, "SELECT r.as_of, f.path FROM report_run r "
				    "JOIN run_file f USING (run_id) WHERE "
				    "f.direction = 'out' AND r.finished_at IS "
				    "NOT NULL AND r.as_of < ? ORDER BY r.as_of "
				    "DESC, r.run_id DESC")))
		return KANSA_ERR_DB;
	store_bind_text(s, 1, as_of);
	while (!*out && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *at = (const char *)sqlite3_column_text(s, 0);
		const char *path = (const char *)sqlite3_column_text(s, 1);
		const char *base = path ? strrchr(path, '/') : NULL;
		char *want = at ? renamed(name, as_of, at) : NULL;
		if (at && !want) {
			rc = SQLITE_NOMEM;
			break;
		}
		if (want && path && strcmp(base ? base + 1 : path, want) == 0)
			snprintf(out, 11, "%s", at);
		free(want);
	}
	sqlite3_finalize(s);
	if (!*out && rc != SQLITE_DONE)
		return store_db_error(st, "finding the last report");
	return KANSA_OK;
}
