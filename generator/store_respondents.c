/* store_respondents.c: a year's respondents as the record keeps them:
 * listed with the retired ones, removed or renamed by hand (logged), and
 * retired when a complete import no longer has their sheet. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

/* "department / role / system" for messages and the log. */
static void who_text(char *buf, size_t n, const char *department,
		     const char *role, const char *system)
{
	snprintf(buf, n, "%s / %s%s%s", department, role, *system ? " / " : "",
		 system);
}

/* The current respondent_id and its sheet's SHA-256 ("" when none); 0
 * when there is no such current respondent, -1 on error. */
static long long find_current(struct store *st, int year,
			      const struct store_who *w, char sha[65])
{
	sqlite3_stmt *s = store_prepare(
		st, "SELECT r.respondent_id, coalesce(f.sha256, '') FROM "
		    "respondent r LEFT JOIN input_file f USING (file_id) WHERE "
		    "r.year = ? AND r.department = ? AND r.role = ? AND "
		    "r.system = ? AND r.retired_at IS NULL");
	long long id = 0;
	if (!s)
		return -1;
	sqlite3_bind_int(s, 1, year);
	store_bind_text(s, 2, w->department);
	store_bind_text(s, 3, w->role);
	store_bind_text(s, 4, w->system ? w->system : "");
	if (sqlite3_step(s) == SQLITE_ROW) {
		id = sqlite3_column_int64(s, 0);
		snprintf(sha, 65, "%s", sqlite3_column_text(s, 1));
	}
	sqlite3_finalize(s);
	return id;
}

/* Retires one respondent: answers to the history, retired_at, logged. */
static bool retire(struct store *st, int year, long long rid, const char *sha,
		   const char *action, const char *reason, const char *who,
		   const char *now)
{
	sqlite3_stmt *s;
	bool ok;

	if (!store_archive_answers(st, rid, sha, now) ||
	    !(s = store_prepare(st, "UPDATE respondent SET retired_at = ? "
				    "WHERE respondent_id = ?")))
		return false;
	store_bind_text(s, 1, now);
	sqlite3_bind_int64(s, 2, rid);
	ok = store_step_done(st, s, "retiring a respondent");
	sqlite3_finalize(s);
	return ok && store_log_year(st, year, action, reason, who);
}

static int cmp_who(const struct answer_sheet *x, const char *dep,
		   const char *role, const char *sys)
{
	int c = strcmp(x->department, dep);
	if (!c)
		c = strcmp(x->role, role);
	return c ? c : strcmp(x->system, sys);
}

static int cmp_sheets(const void *a, const void *b)
{
	const struct answer_sheet *y = *(const struct answer_sheet *const *)b;
	return cmp_who(*(const struct answer_sheet *const *)a, y->department,
		       y->role, y->system);
}

/* Whether a sheet of v (sorted by respondent, n) is this respondent. */
static bool backed_by(const struct answer_sheet *const *v, size_t n,
		      const char *dep, const char *role, const char *sys)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_who(v[mid], dep, role, sys);
		if (c == 0)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* Retires each current respondent of the year that no sheet of the
 * import backs (the sheets sorted once: a scan of every sheet for each
 * respondent was quadratic). */
bool store_retire_unbacked(struct store *st, const struct store_import *im,
			   const char *now)
{
	sqlite3_stmt *s = store_prepare(
		st, "SELECT r.respondent_id, r.department, r.role, r.system, "
		    "coalesce(f.sha256, ''), coalesce(f.path, '') FROM "
		    "respondent r LEFT JOIN input_file f USING (file_id) WHERE "
		    "r.year = ? AND r.retired_at IS NULL");
	long long *ids = NULL;
	char **info = NULL;
	const struct answer_sheet **sorted =
		malloc((im->nsheets + 1) * sizeof(*sorted));
	size_t n = 0;
	bool ok = s != NULL && sorted != NULL;

	for (size_t i = 0; ok && i < im->nsheets; i++)
		sorted[i] = &im->sheets[i];
	if (ok) {
		qsort(sorted, im->nsheets, sizeof(*sorted), cmp_sheets);
		sqlite3_bind_int(s, 1, im->year);
	}
	while (ok && sqlite3_step(s) == SQLITE_ROW) {
		const char *dep = (const char *)sqlite3_column_text(s, 1);
		const char *role = (const char *)sqlite3_column_text(s, 2);
		const char *sys = (const char *)sqlite3_column_text(s, 3);
		char who[1024], *line;
		long long *g;
		char **gi;
		if (backed_by(sorted, im->nsheets, dep, role, sys))
			continue;
		who_text(who, sizeof(who), dep, role, sys);
		g = realloc(ids, (n + 1) * sizeof(*ids));
		gi = realloc(info, (n + 1) * 2 * sizeof(*info));
		if (g)
			ids = g;
		if (gi)
			info = gi;
		if (!g || !gi || !(line = strdup(who)) ||
		    !(info[2 * n + 1] = strdup(
			      (const char *)sqlite3_column_text(s, 4)))) {
			ok = false;
			break;
		}
		info[2 * n] = line;
		diags_add(st->d, DIAG_NOTICE,
			  (const char *)sqlite3_column_text(s, 5), 0,
			  "respondent %s of FY %d is retired: no file of this "
			  "import backs it any more (its answers stay in the "
			  "history; kansa respondents --year %d lists it)",
			  who, im->year, im->year);
		ids[n++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_finalize(s);
	for (size_t i = 0; ok && i < n; i++)
		ok = retire(st, im->year, ids[i], info[2 * i + 1],
			    "respondent-retire",
			    "no file of a complete import backs it",
			    info[2 * i], now);
	for (size_t i = 0; info && i < 2 * n; i++)
		free(info[i]);
	free(info);
	free(ids);
	free(sorted);
	return ok;
}

enum kansa_err store_remove_respondent(struct store *st, int year,
				       const struct store_who *who,
				       const char *reason, struct diags *d)
{
	char sha[65] = "", now[32], text[1024];
	long long rid;

	st->d = d;
	if (store_exec(st, "BEGIN IMMEDIATE", "removing a respondent"))
		return KANSA_ERR_DB;
	who_text(text, sizeof(text), who->department, who->role,
		 who->system ? who->system : "");
	store_now(now);
	if (!store_require_open(st, year, "removing a respondent", NULL))
		rid = -2;
	else if ((rid = find_current(st, year, who, sha)) == 0)
		diags_add(d, DIAG_ERROR, st->path, 0,
			  "no current respondent %s in FY %d (kansa "
			  "respondents --year %d lists them)",
			  text, year, year);
	if (rid > 0 &&
	    retire(st, year, rid, sha, "respondent-remove", reason, text,
		   now) &&
	    !store_exec(st, "COMMIT", "removing a respondent"))
		return KANSA_OK;
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return rid == 0	   ? KANSA_ERR_NOTFOUND
	       : rid == -2 ? KANSA_ERR_INPUT
			   : KANSA_ERR_DB;
}

/* Whether another respondent (current or retired) has this identity. */
static int name_taken(struct store *st, int year, const char *department,
		      const char *role, const char *system)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT 1 FROM respondent WHERE "
					    "year = ? AND department = ? AND "
					    "role = ? AND system = ?");
	int r;
	if (!s)
		return -1;
	sqlite3_bind_int(s, 1, year);
	store_bind_text(s, 2, department);
	store_bind_text(s, 3, role);
	store_bind_text(s, 4, system);
	r = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
	return r;
}

enum kansa_err store_rename_respondent(struct store *st, int year,
				       const struct store_who *who,
				       const char *department,
				       const char *system, const char *reason,
				       struct diags *d)
{
	char sha[65], from[1024], to[1024], detail[2100];
	const char *dep = department ? department : who->department;
	const char *sys = system ? system : (who->system ? who->system : "");
	enum kansa_err err = KANSA_ERR_DB;
	sqlite3_stmt *s = NULL;
	long long rid;
	int taken;

	st->d = d;
	if (store_exec(st, "BEGIN IMMEDIATE", "renaming a respondent"))
		return KANSA_ERR_DB;
	who_text(from, sizeof(from), who->department, who->role,
		 who->system ? who->system : "");
	who_text(to, sizeof(to), dep, who->role, sys);
	if (!store_require_open(st, year, "renaming a respondent", NULL)) {
		err = KANSA_ERR_INPUT;
		goto out;
	}
	if ((rid = find_current(st, year, who, sha)) <= 0) {
		if (rid == 0)
			diags_add(d, DIAG_ERROR, st->path, 0,
				  "no current respondent %s in FY %d", from,
				  year);
		err = rid == 0 ? KANSA_ERR_NOTFOUND : KANSA_ERR_DB;
		goto out;
	}
	if ((taken = name_taken(st, year, dep, who->role, sys)) != 0) {
		if (taken > 0)
			diags_add(d, DIAG_ERROR, st->path, 0,
				  "FY %d has a respondent %s already (current "
				  "or retired): remove one of the two instead",
				  year, to);
		err = taken > 0 ? KANSA_ERR_INPUT : KANSA_ERR_DB;
		goto out;
	}
	snprintf(detail, sizeof(detail), "%s -> %s", from, to);
	if (!(s = store_prepare(st, "UPDATE respondent SET department = ?, "
				    "system = ? WHERE respondent_id = ?")))
		goto out;
	store_bind_text(s, 1, dep);
	store_bind_text(s, 2, sys);
	sqlite3_bind_int64(s, 3, rid);
	if (store_step_done(st, s, "renaming a respondent") &&
	    store_log_year(st, year, "respondent-rename", reason, detail) &&
	    !store_exec(st, "COMMIT", "renaming a respondent")) {
		sqlite3_finalize(s);
		return KANSA_OK;
	}
out:
	sqlite3_finalize(s);
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return err;
}

void store_respondents_release(struct store_respondent *v, size_t n)
{
	struct store_status s = {.respondents = v, .nrespondents = n};
	store_status_release(&s);
}

enum kansa_err store_list_respondents(struct store *st, int year,
				      struct store_respondent **out, size_t *n,
				      struct diags *d)
{
	sqlite3_stmt *s = store_prepare(
		st, "SELECT r.department, r.role, r.system, r.name, "
		    "coalesce(r.answered_on, ''), coalesce(f.path, ''), "
		    "coalesce(f.imported_at, ''), (SELECT count(*) FROM answer "
		    "a WHERE a.respondent_id = r.respondent_id AND a.status <> "
		    "'未回答'), r.retired_at FROM respondent r LEFT JOIN "
		    "input_file f USING (file_id) WHERE r.year = ? ORDER BY "
		    "r.retired_at IS NOT NULL, r.department, r.role, r.system");
	bool ok = s != NULL;

	st->d = d;
	*out = NULL;
	*n = 0;
	if (ok)
		sqlite3_bind_int(s, 1, year);
	while (ok && sqlite3_step(s) == SQLITE_ROW) {
		struct store_respondent *v =
			realloc(*out, (*n + 1) * sizeof(*v));
		if (!(ok = v != NULL))
			break;
		*out = v;
		v += (*n)++;
		v->department = store_col_dup(s, 0);
		v->role = store_col_dup(s, 1);
		v->system = store_col_dup(s, 2);
		v->name = store_col_dup(s, 3);
		v->answered_on = store_col_dup(s, 4);
		v->file = store_col_dup(s, 5);
		v->imported_at = store_col_dup(s, 6);
		v->answers = sqlite3_column_int(s, 7);
		v->retired_at = store_col_dup(s, 8);
		ok = v->department && v->role && v->system && v->name &&
		     v->answered_on && v->file && v->imported_at;
	}
	sqlite3_finalize(s);
	if (ok)
		return KANSA_OK;
	store_respondents_release(*out, *n);
	*out = NULL;
	*n = 0;
	return s ? KANSA_ERR_NOMEM : KANSA_ERR_DB;
}
