/* store_maint.c: keeping the database sound: a safe copy while it may be
 * in use (SQLite's online backup API) and checks of its integrity, both
 * SQLite's own and kansa's rules between the tables. */
#include "store_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"

/* Refuses a destination that is the database itself (or its journal),
 * however it is named; *mode is the database file's permissions. */
static enum kansa_err backup_target(struct store *st, const char *dest,
				    mode_t *mode, struct diags *d)
{
	struct stat db, to;
	size_t n = strlen(dest);

	if (stat(st->path, &db) != 0) {
		diags_add(d, DIAG_ERROR, st->path, 0, "cannot stat: %s",
			  strerror(errno));
		return KANSA_ERR_IO;
	}
	*mode = db.st_mode & 07777;
	if ((stat(dest, &to) == 0 && to.st_dev == db.st_dev &&
	     to.st_ino == db.st_ino) ||
	    (n > 8 && strcmp(dest + n - 8, "-journal") == 0)) {
		diags_add(d, DIAG_ERROR, dest, 0,
			  "refusing to copy the database onto itself (or its "
			  "journal): name another file");
		return KANSA_ERR_INPUT;
	}
	return KANSA_OK;
}

/* Gives the finished copy the original's permissions (it never has
 * wider ones, not even for a moment), syncs it and renames it into
 * place; frees tmp, removing it on failure. */
static enum kansa_err commit_copy(char *tmp, const char *dest, mode_t mode,
				  struct diags *d)
{
	int fd = open(tmp, O_RDONLY | O_CLOEXEC);

	if (fd < 0 || fchmod(fd, mode) != 0 || fsync(fd) != 0 ||
	    close(fd) != 0 || (fd = -1, rename(tmp, dest) != 0)) {
		diags_add(d, DIAG_ERROR, dest, 0, "cannot write: %s",
			  strerror(errno));
		if (fd >= 0)
			close(fd);
		unlink(tmp);
		free(tmp);
		return KANSA_ERR_IO;
	}
	free(tmp);
	return KANSA_OK;
}

enum kansa_err store_backup(struct store *st, const char *dest, struct diags *d)
{
	sqlite3 *out = NULL;
	sqlite3_backup *b;
	char *tmp;
	mode_t mode;
	enum kansa_err err;
	int rc;

	if ((err = backup_target(st, dest, &mode, d)))
		return err;
	if (!(tmp = fileio_temp_create(dest, d)))
		return KANSA_ERR_IO;
	/* the copy is as private as the database it copies */
	fileio_copy_mode(st->path, tmp);
	if (sqlite3_open_v2(tmp, &out, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK) {
		diags_add(d, DIAG_ERROR, dest, 0, "cannot create: %s",
			  out ? sqlite3_errmsg(out) : "out of memory");
		sqlite3_close(out);
		fileio_temp_commit(tmp, dest, false, d);
		return KANSA_ERR_DB;
	}
	if (!(b = sqlite3_backup_init(out, "main", st->db, "main"))) {
		diags_add(d, DIAG_ERROR, dest, 0, "cannot start the copy: %s",
			  sqlite3_errmsg(out));
		sqlite3_close(out);
		fileio_temp_commit(tmp, dest, false, d);
		return KANSA_ERR_DB;
	}
	/* a few pages at a time, so that writers are held up only briefly;
	 * a write by another connection restarts the copy */
	do {
		rc = sqlite3_backup_step(b, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		diags_add(d, DIAG_ERROR, dest, 0, "the copy failed: %s",
			  sqlite3_errstr(rc));
		sqlite3_close(out);
		fileio_temp_commit(tmp, dest, false, d);
		return KANSA_ERR_DB;
	}
	if (sqlite3_close(out) != SQLITE_OK) {
		diags_add(d, DIAG_ERROR, dest, 0, "cannot close the copy");
		fileio_temp_commit(tmp, dest, false, d);
		return KANSA_ERR_DB;
	}
	return commit_copy(tmp, dest, mode, d);
}

/* kansa's own rules between tables that no constraint expresses; each
 * query yields (what, who, detail) rows. */
static const char *const rules[] = {
	/* every year with answers names the policy version in force */
	"SELECT DISTINCT 'FY ' || r.year, '', 'answers but no policy version "
	"pinned for the year' FROM respondent r LEFT JOIN fiscal_year f "
	"USING (year) WHERE f.year IS NULL",
	/* every answer is to an item of that version */
	"SELECT a.item_id, r.department || ' / ' || r.role || "
	"CASE r.system WHEN '' THEN '' ELSE ' / ' || r.system END, "
	"'answer to an item the policy of FY ' || r.year || ' does not have' "
	"FROM answer a JOIN respondent r USING (respondent_id) "
	"JOIN fiscal_year f ON f.year = r.year WHERE NOT EXISTS "
	"(SELECT 1 FROM item i WHERE i.policy_id = f.policy_id AND "
	"i.item_id = a.item_id)",
	/* every judgement too */
	"SELECT j.item_id, '', 'audit judgement of FY ' || j.year || ' on an "
	"item its policy does not have' FROM judgement j JOIN fiscal_year f "
	"USING (year) WHERE NOT EXISTS (SELECT 1 FROM item i WHERE "
	"i.policy_id = f.policy_id AND i.item_id = j.item_id)",
	/* an evidence link stays within its respondent's year */
	"SELECT e.evidence_id, r.department || ' / ' || r.role, "
	"'evidence link of FY ' || e.year || ' from an answer of FY ' || "
	"r.year FROM answer_evidence e JOIN respondent r USING "
	"(respondent_id) WHERE e.year <> r.year",
	/* a plan's state agrees with its latest log entry (by as_of) */
	"SELECT p.plan_id, p.department, 'current state differs from the "
	"last entry of its log' FROM plan p WHERE NOT EXISTS (SELECT 1 FROM "
	"plan_log l WHERE l.plan_id = p.plan_id AND l.status = p.status AND "
	"l.progress = p.progress AND l.due = p.due AND l.log_id = (SELECT "
	"log_id FROM plan_log m WHERE m.plan_id = p.plan_id ORDER BY "
	"m.as_of DESC, m.log_id DESC LIMIT 1))",
	/* a moved year is on the version its last move names (item keys
	 * are (version, ID): the log's mapping is how its older answers in
	 * the history are read) */
	"SELECT 'FY ' || f.year, p.name || '@' || p.version, 'policy version "
	"differs from the one its last policy-move in year_log names' FROM "
	"fiscal_year f JOIN policy p USING (policy_id) JOIN year_log l ON "
	"l.log_id = (SELECT max(log_id) FROM year_log m WHERE m.year = "
	"f.year AND m.action = 'policy-move') WHERE substr(l.detail, "
	"instr(l.detail || char(10), char(10)) - length(' to ' || p.name || "
	"'@' || p.version), length(' to ' || p.name || '@' || p.version)) <> "
	"' to ' || p.name || '@' || p.version",
	/* a SHA-256 is 64 lowercase hex digits */
	"SELECT path, kind, 'SHA-256 is not 64 hex digits' FROM input_file "
	"WHERE length(sha256) <> 64 OR sha256 GLOB '*[^0-9a-f]*' UNION ALL "
	"SELECT evidence_id, 'FY ' || year, 'SHA-256 is not 64 hex digits' "
	"FROM evidence WHERE sha256 IS NOT NULL AND (length(sha256) <> 64 OR "
	"sha256 GLOB '*[^0-9a-f]*')",
};

static bool add_problem(struct store_check *c, const char *what,
			const char *who, const char *detail)
{
	struct store_issue *g =
		realloc(c->problems, (c->nproblems + 1) * sizeof(*g));
	if (!g)
		return false;
	c->problems = g;
	g = &c->problems[c->nproblems];
	g->what = strdup(what ? what : "");
	g->who = strdup(who ? who : "");
	g->detail = strdup(detail ? detail : "");
	if (!g->what || !g->who || !g->detail) {
		free(g->what);
		free(g->who);
		free(g->detail);
		return false;
	}
	c->nproblems++;
	return true;
}

/* Runs a query of (what, who, detail) rows, or of one text column when
 * single (PRAGMA integrity_check), adding each row as a problem. */
static enum kansa_err collect(struct store *st, const char *sql,
			      const char *label, struct store_check *c)
{
	sqlite3_stmt *s = store_prepare(st, sql);
	int rc;
	if (!s)
		return KANSA_ERR_DB;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int n = sqlite3_column_count(s);
		const char *a = (const char *)sqlite3_column_text(s, 0);
		const char *b =
			n > 1 ? (const char *)sqlite3_column_text(s, 1) : "";
		const char *detail =
			n > 2 ? (const char *)sqlite3_column_text(s, 2) : a;
		if (label && a && strcmp(a, "ok") == 0 && n == 1)
			continue;
		if (!add_problem(c, label ? label : a, b, detail)) {
			sqlite3_finalize(s);
			return KANSA_ERR_NOMEM;
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_db_error(st, "checking the database");
	return KANSA_OK;
}

/* --- the schema itself ------------------------------------------------ */

static void schema_rows_free(struct store_schema_row *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free((char *)v[i].type);
		free((char *)v[i].name);
		free((char *)v[i].sql);
	}
	free(v);
}

/* The schema entries of db by type and name, SQLite's own (sqlite_%,
 * such as automatic indexes and sqlite_stat1) left out. */
static bool schema_rows(sqlite3 *db, struct store_schema_row **out, size_t *n)
{
	sqlite3_stmt *s = NULL;
	struct store_schema_row *v = NULL;
	bool ok = sqlite3_prepare_v2(db, STORE_SCHEMA_ROWS_SQL, -1, &s, NULL) ==
		  SQLITE_OK;
	int rc = SQLITE_DONE;

	*n = 0;
	while (ok && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_schema_row *g = realloc(v, (*n + 1) * sizeof(*v));
		if (!g) {
			ok = false;
			break;
		}
		v = g;
		v[*n].type = store_col_dup(s, 0);
		v[*n].name = store_col_dup(s, 1);
		v[*n].sql = store_col_dup(s, 2);
		ok = v[*n].type && v[*n].name && v[*n].sql;
		(*n)++;
	}
	sqlite3_finalize(s);
	if (!ok || rc != SQLITE_DONE) {
		schema_rows_free(v, *n);
		*n = 0;
		return false;
	}
	*out = v;
	return true;
}

static int row_cmp(const struct store_schema_row *a,
		   const struct store_schema_row *b)
{
	int c = strcmp(a->type, b->type);
	return c ? c : strcmp(a->name, b->name);
}

/* Adds a problem for each entry added, missing or changed in have
 * against want (both sorted by type and name). */
static bool schema_compare(const struct store_schema_row *have, size_t nh,
			   const struct store_schema_row *want, size_t nw,
			   struct store_check *c)
{
	size_t i = 0, j = 0;
	char what[300];
	bool ok = true;

	while (ok && (i < nh || j < nw)) {
		int cmp = i == nh   ? 1
			  : j == nw ? -1
				    : row_cmp(&have[i], &want[j]);
		const struct store_schema_row *r =
			cmp <= 0 ? &have[i] : &want[j];
		snprintf(what, sizeof(what), "schema: %s %s", r->type, r->name);
		if (cmp < 0)
			ok = add_problem(c, what, "",
					 "added: not in the schema of this "
					 "kansa (made or altered by someone "
					 "else)");
		else if (cmp > 0)
			ok = add_problem(c, what, "",
					 "missing: the schema of this kansa "
					 "has it");
		else if (strcmp(have[i].sql, want[j].sql))
			ok = add_problem(c, what, "",
					 "changed: its definition differs "
					 "from the schema of this kansa");
		i += cmp <= 0;
		j += cmp >= 0;
	}
	return ok;
}

/* Compares the database's schema with the one this kansa's migrations
 * make (its rows compiled in at build time), adding a problem per
 * difference. */
static enum kansa_err schema_check(struct store *st, struct store_check *c)
{
	struct store_schema_row *have = NULL;
	size_t nh = 0;
	enum kansa_err err;

	if (!schema_rows(st->db, &have, &nh))
		return store_db_error(st, "reading the schema");
	err = schema_compare(have, nh, store_schema_expected,
			     store_schema_nexpected, c)
		      ? KANSA_OK
		      : KANSA_ERR_NOMEM;
	schema_rows_free(have, nh);
	return err;
}

enum kansa_err store_schema_refuse(struct store *st)
{
	struct store_check c = {0};
	enum kansa_err err = schema_check(st, &c);

	if (!err && c.nproblems) {
		diags_add(st->d, DIAG_ERROR, st->path, 0,
			  "the database's schema is not the one this kansa "
			  "made (%zu difference%s, the first: %s: %s): it was "
			  "altered outside kansa, so nothing in it is used; "
			  "kansa check-db lists every difference",
			  c.nproblems, c.nproblems == 1 ? "" : "s",
			  c.problems[0].what, c.problems[0].detail);
		err = KANSA_ERR_DB;
	}
	store_check_release(&c);
	return err;
}

enum kansa_err store_check(struct store *st, struct store_check *c)
{
	enum kansa_err err;

	memset(c, 0, sizeof(*c));
	c->rules = sizeof(rules) / sizeof(rules[0]);
	if ((err = schema_check(st, c)))
		return err;
	if ((err = collect(st, "PRAGMA integrity_check", "integrity_check", c)))
		return err;
	if ((err = collect(st,
			   "SELECT \"table\", 'row ' || rowid, 'refers to "
			   "a missing row of ' || parent FROM "
			   "pragma_foreign_key_check",
			   NULL, c)))
		return err;
	for (size_t i = 0; i < c->rules; i++)
		if ((err = collect(st, rules[i], NULL, c)))
			return err;
	return KANSA_OK;
}

void store_check_release(struct store_check *c)
{
	for (size_t i = 0; i < c->nproblems; i++) {
		free(c->problems[i].what);
		free(c->problems[i].who);
		free(c->problems[i].detail);
	}
	free(c->problems);
	memset(c, 0, sizeof(*c));
}
