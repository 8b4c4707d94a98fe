/* store_import.c: the write side of a fiscal year: an import's
 * answers, evidence, audit and plans in one transaction, and the
 * results of `kansa verify` (one transaction).  Statements are
 * prepared once per connection (store_cached), the page cache is sized
 * for the import, and answers and their evidence links go in by
 * multi-row INSERTs of many sheets at a time (struct batch). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "store_internal.h"
#include "testhook.h"
#include "text.h"

/* --- import ---------------------------------------------------------- */

/* The SHA-256 of the sheet a respondent was last imported from. */
static bool respondent_sha(struct store *st, int year,
			   const struct answer_sheet *sh, long long *rid,
			   char sha[65])
{
	sqlite3_stmt *s = store_cached(
		st, "SELECT r.respondent_id, CASE WHEN r.retired_at IS NULL "
		    "THEN f.sha256 END FROM respondent r LEFT "
		    "JOIN input_file f USING (file_id) WHERE r.year = ? AND "
		    "r.department = ? AND r.role = ? AND r.system = ?");
	*rid = 0;
	sha[0] = '\0';
	if (!s)
		return false;
	sqlite3_bind_int(s, 1, year);
	store_bind_text(s, 2, sh->department);
	store_bind_text(s, 3, sh->role);
	store_bind_text(s, 4, sh->system);
	if (sqlite3_step(s) == SQLITE_ROW) {
		const unsigned char *v = sqlite3_column_text(s, 1);
		*rid = sqlite3_column_int64(s, 0);
		snprintf(sha, 65, "%s", v ? (const char *)v : "");
	}
	sqlite3_reset(s);
	return true;
}

static bool file_known(struct store *st, int year, const char *kind,
		       const char *sha, bool *known)
{
	sqlite3_stmt *s = store_cached(st, "SELECT 1 FROM input_file WHERE "
					   "year = ? AND kind = ? AND sha256 "
					   "= ?");
	if (!s)
		return false;
	sqlite3_bind_int(s, 1, year);
	store_bind_text(s, 2, kind);
	store_bind_text(s, 3, sha);
	*known = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_reset(s);
	return true;
}

/* Decides, before writing, what each file will do. */
static bool classify(struct store *st, struct store_import *im, bool *any)
{
	*any = false;
	for (size_t i = 0; i < im->nregisters; i++) {
		bool known;
		if (!file_known(st, im->year, "evidence",
				im->registers[i].sha256, &known))
			return false;
		im->register_result[i] = known ? IMPORT_UNCHANGED : IMPORT_NEW;
		*any = *any || !known;
	}
	for (size_t i = 0; i < im->naudits; i++) {
		/* new unless it is the file the audit in force came from
		 * (store_plans.c) */
		if (!store_audit_result(st, im->year, &im->audits[i],
					im->complete, &im->audit_result[i]))
			return false;
		*any = *any || im->audit_result[i] != IMPORT_UNCHANGED;
	}
	for (size_t i = 0; i < im->nplan_files; i++) {
		bool known, changes = false;
		if (!file_known(st, im->year, "plans", im->plan_files[i].sha256,
				&known))
			return false;
		for (size_t k = 0; k < im->plan_files[i].n; k++) {
			struct plan *p = &im->plan_files[i].plans[k];
			/* the state on its date as logged already */
			if (!p->unchanged &&
			    !store_plan_logged(st, p, &p->unchanged))
				return false;
			changes = changes || !p->unchanged;
		}
		im->plan_result[i] =
			known || !changes ? IMPORT_UNCHANGED : IMPORT_NEW;
		*any = *any || im->plan_result[i] != IMPORT_UNCHANGED;
	}
	for (size_t i = 0; i < im->nsheets; i++) {
		long long rid;
		char sha[65];
		if (!respondent_sha(st, im->year, &im->sheets[i], &rid, sha))
			return false;
		im->sheet_result[i] = !rid ? IMPORT_NEW
				      : strcmp(sha, im->sheets[i].sha256) == 0
					      ? IMPORT_UNCHANGED
					      : IMPORT_REPLACED;
		*any = *any || im->sheet_result[i] != IMPORT_UNCHANGED;
	}
	return true;
}

static long long insert_file(struct store *st, int year, const char *kind,
			     const char *path, const char *sha, long long size,
			     const char *now)
{
	sqlite3_stmt *s = store_cached(
		st, "INSERT INTO input_file (year, kind, path, sha256, size, "
		    "imported_at) VALUES (?, ?, ?, ?, ?, ?)");
	long long id = -1;
	if (!s)
		return -1;
	sqlite3_bind_int(s, 1, year);
	store_bind_text(s, 2, kind);
	store_bind_text(s, 3, path);
	store_bind_text(s, 4, sha);
	sqlite3_bind_int64(s, 5, size);
	store_bind_text(s, 6, now);
	if (store_step_done(st, s, "recording an input file"))
		id = sqlite3_last_insert_rowid(st->db);
	sqlite3_reset(s);
	return id;
}

static bool save_register(struct store *st, int year,
			  const struct evidence_register *reg, const char *now)
{
	long long fid = insert_file(st, year, "evidence", reg->path,
				    reg->sha256, reg->size, now);
	sqlite3_stmt *s = store_cached(
		st, "INSERT INTO evidence (year, evidence_id, title, file, "
		    "path, collected_on, expires_on, clauses, sha256, size, "
		    "missing, file_id) VALUES (?, ?, ?, ?, ?, NULLIF(?, ''), "
		    "NULLIF(?, ''), ?, NULLIF(?, ''), ?, ?, ?) ON CONFLICT "
		    "(year, evidence_id) DO UPDATE SET title = excluded.title, "
		    "file = excluded.file, path = excluded.path, collected_on "
		    "= excluded.collected_on, expires_on = excluded.expires_on,"
		    " clauses = excluded.clauses, sha256 = excluded.sha256, "
		    "size = excluded.size, missing = excluded.missing, file_id "
		    "= excluded.file_id");
	bool ok = fid > 0 && s;
	for (size_t i = 0; ok && i < reg->n; i++) {
		const struct evidence_record *e = &reg->records[i];
		sqlite3_bind_int(s, 1, year);
		store_bind_text(s, 2, e->id);
		store_bind_text(s, 3, e->title);
		store_bind_text(s, 4, e->file);
		store_bind_text(s, 5, e->path ? e->path : e->file);
		store_bind_text(s, 6, e->collected_on);
		store_bind_text(s, 7, e->expires_on);
		store_bind_text(s, 8, e->clauses);
		store_bind_text(s, 9, e->sha256);
		if (e->missing)
			sqlite3_bind_null(s, 10);
		else
			sqlite3_bind_int64(s, 10, e->size);
		sqlite3_bind_int(s, 11, e->missing);
		sqlite3_bind_int64(s, 12, fid);
		ok = store_step_done(st, s, "saving evidence");
	}
	sqlite3_reset(s);
	return ok;
}

/* Moves a respondent's current answers into the history. */
bool store_archive_answers(struct store *st, long long rid, const char *old_sha,
			   const char *now)
{
	sqlite3_stmt *s = store_cached(
		st, "INSERT INTO answer_history (respondent_id, replaced_at, "
		    "file_sha256, item_id, status, comment, evidence) SELECT "
		    "a.respondent_id, ?2, ?3, a.item_id, a.status, a.comment, "
		    "COALESCE((SELECT group_concat(evidence_id, ', ') FROM "
		    "(SELECT evidence_id FROM answer_evidence e WHERE "
		    "e.respondent_id = a.respondent_id AND e.item_id = "
		    "a.item_id ORDER BY seq)), '') FROM answer a WHERE "
		    "a.respondent_id = ?1 ORDER BY a.rowid");
	sqlite3_stmt *del = store_cached(st, "DELETE FROM answer WHERE "
					     "respondent_id = ?");
	bool ok = s && del;
	if (ok) {
		sqlite3_bind_int64(s, 1, rid);
		store_bind_text(s, 2, now);
		store_bind_text(s, 3, old_sha);
		sqlite3_bind_int64(del, 1, rid);
		ok = store_step_done(st, s, "keeping the replaced answers") &&
		     store_step_done(st, del, "replacing answers");
	}
	sqlite3_reset(s);
	sqlite3_reset(del);
	return ok;
}

static long long upsert_respondent(struct store *st, int year,
				   const struct answer_sheet *sh, long long rid,
				   long long fid)
{
	sqlite3_stmt *s = store_cached(
		st, rid ? "UPDATE respondent SET name = ?5, answered_on = "
			  "NULLIF(?6, ''), file_id = ?7, retired_at = NULL "
			  "WHERE respondent_id = ?8"
			: "INSERT INTO respondent (year, department, role, "
			  "system, name, answered_on, file_id) VALUES (?1, ?2, "
			  "?3, ?4, ?5, NULLIF(?6, ''), ?7)");
	long long id = -1;
	if (!s)
		return -1;
	if (!rid) {
		sqlite3_bind_int(s, 1, year);
		store_bind_text(s, 2, sh->department);
		store_bind_text(s, 3, sh->role);
		store_bind_text(s, 4, sh->system);
	} else {
		sqlite3_bind_int64(s, 8, rid);
	}
	store_bind_text(s, 5, sh->respondent);
	store_bind_text(s, 6, sh->answered_on);
	sqlite3_bind_int64(s, 7, fid);
	if (store_step_done(st, s, "saving the respondent"))
		id = rid ? rid : sqlite3_last_insert_rowid(st->db);
	sqlite3_reset(s);
	return id;
}

/* Rows written by one statement: one INSERT of many rows builds the
 * status CHECK's IN list, opens its cursors and journals once, where
 * one a row did so for each answer (a third of an import's CPU, issue
 * 18).  The rows of consecutive sheets are written together (struct
 * batch), in chunks of these sizes, largest first, in file order (so
 * the rowids are the same as row by row). */
#define ROWS2(r)   r ", " r
#define ROWS8(r)   ROWS2(ROWS2(ROWS2(r)))
#define ROWS32(r)  ROWS2(ROWS2(ROWS8(r)))
#define ROWS128(r) ROWS2(ROWS2(ROWS32(r)))
#define ANSWER_INSERT                                                          \
	"INSERT INTO answer (respondent_id, item_id, status, comment, "        \
	"source_line) VALUES "
#define LINK_INSERT                                                            \
	"INSERT INTO answer_evidence (respondent_id, item_id, seq, year, "     \
	"evidence_id) VALUES "
#define ROW "(?,?,?,?,?)"

static const size_t chunk_rows[] = {128, 32, 8, 2, 1};
static const char *const answer_sql[] = {
	ANSWER_INSERT ROWS128(ROW), ANSWER_INSERT ROWS32(ROW),
	ANSWER_INSERT ROWS8(ROW), ANSWER_INSERT ROWS2(ROW), ANSWER_INSERT ROW};
static const char *const link_sql[] = {
	LINK_INSERT ROWS128(ROW), LINK_INSERT ROWS32(ROW),
	LINK_INSERT ROWS8(ROW), LINK_INSERT ROWS2(ROW), LINK_INSERT ROW};

/* Rows of answers (k unused) or of answer_evidence (the k-th ID). */
struct row {
	long long rid;		 /* the respondent */
	const struct answer *an; /* the answer */
	size_t k;		 /* which of its evidence IDs: the seq */
};

/* The rows of the sheets saved since the last flush. */
struct batch {
	int year;	     /* the fiscal year */
	struct row *answers; /* in file order, sheet after sheet */
	size_t nanswers, capanswers;
	struct row *links; /* the same, for each answer's evidence IDs */
	size_t nlinks, caplinks;
};

/* Rows a batch gathers before it is written. */
#define BATCH_ROWS 2048

/* Text that lives until the statement is reset: not copied. */
static void bind_static(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

static void bind_answer(sqlite3_stmt *s, int at, const struct row *r, int year)
{
	(void)year;
	sqlite3_bind_int64(s, at + 1, r->rid);
	bind_static(s, at + 2, r->an->item_id);
	bind_static(s, at + 3, answer_status_name(r->an->status));
	bind_static(s, at + 4, r->an->comment);
	sqlite3_bind_int64(s, at + 5, r->an->line);
}

static void bind_link(sqlite3_stmt *s, int at, const struct row *r, int year)
{
	sqlite3_bind_int64(s, at + 1, r->rid);
	bind_static(s, at + 2, r->an->item_id);
	sqlite3_bind_int64(s, at + 3, (long long)r->k);
	sqlite3_bind_int(s, at + 4, year);
	bind_static(s, at + 5, r->an->evidence[r->k]);
}

/* Inserts the n rows v of 5 columns, bound by bind, in chunks. */
static bool insert_rows(struct store *st, const char *const *sql,
			const struct row *v, size_t n, int year,
			void (*bind)(sqlite3_stmt *, int, const struct row *,
				     int),
			const char *what)
{
	size_t i = 0;
	for (size_t c = 0; c < sizeof(chunk_rows) / sizeof(*chunk_rows); c++)
		while (n - i >= chunk_rows[c]) {
			sqlite3_stmt *s = store_cached(st, sql[c]);
			if (!s)
				return false;
			for (size_t k = 0; k < chunk_rows[c]; k++)
				bind(s, (int)(5 * k), &v[i + k], year);
			if (!store_step_done(st, s, what))
				return false;
			i += chunk_rows[c];
		}
	return true;
}

/* Writes the batch's answers, then their evidence (each answer is there
 * before the rows that refer to it), and empties it. */
static bool batch_flush(struct store *st, struct batch *b)
{
	bool ok = insert_rows(st, answer_sql, b->answers, b->nanswers, b->year,
			      bind_answer, "saving an answer") &&
		  insert_rows(st, link_sql, b->links, b->nlinks, b->year,
			      bind_link, "linking evidence");
	b->nanswers = b->nlinks = 0;
	return ok;
}

/* Room for n more rows in *v; false (with a diagnostic) when out of
 * memory. */
static bool batch_room(struct store *st, struct row **v, size_t len,
		       size_t *cap, size_t n)
{
	struct row *g;
	size_t c = *cap ? *cap : 256;
	if (len + n <= *cap)
		return true;
	while (c < len + n)
		c *= 2;
	if (!(g = realloc(*v, c * sizeof(*g)))) {
		diags_add(st->d, DIAG_ERROR, st->path, 0, "out of memory");
		return false;
	}
	*v = g;
	*cap = c;
	return true;
}

/* Adds the rows of a sheet's answers to the batch, writing it when it
 * is full. */
static bool batch_add(struct store *st, struct batch *b, long long rid,
		      const struct answer_sheet *sh)
{
	size_t n = 0;
	for (size_t i = 0; i < sh->nanswers; i++)
		n += sh->answers[i].nevidence;
	if (!batch_room(st, &b->answers, b->nanswers, &b->capanswers,
			sh->nanswers) ||
	    !batch_room(st, &b->links, b->nlinks, &b->caplinks, n))
		return false;
	for (size_t i = 0; i < sh->nanswers; i++) {
		const struct answer *an = &sh->answers[i];
		b->answers[b->nanswers++] = (struct row){rid, an, 0};
		for (size_t k = 0; k < an->nevidence; k++)
			b->links[b->nlinks++] = (struct row){rid, an, k};
	}
	return b->nanswers < BATCH_ROWS || batch_flush(st, b);
}

/* The respondent and file of a sheet; its answers go to the batch.  A
 * replaced respondent's answers are archived after the batch is
 * written (the rows are then deleted and written in the same order as
 * one sheet at a time). */
static bool save_sheet(struct store *st, struct batch *b,
		       const struct answer_sheet *sh, const char *now)
{
	long long rid, fid;
	char old[65];

	if (!respondent_sha(st, b->year, sh, &rid, old))
		return false;
	if (rid &&
	    (!batch_flush(st, b) || !store_archive_answers(st, rid, old, now)))
		return false;
	fid = insert_file(st, b->year, "answers", sh->path, sh->sha256,
			  sh->size, now);
	return fid > 0 &&
	       (rid = upsert_respondent(st, b->year, sh, rid, fid)) > 0 &&
	       batch_add(st, b, rid, sh);
}

/* Every new or changed sheet of the import. */
static bool save_sheets(struct store *st, const struct store_import *im,
			const char *now)
{
	struct batch b = {.year = im->year};
	bool ok = true;

	for (size_t i = 0; ok && i < im->nsheets; i++)
		if (im->sheet_result[i] != IMPORT_UNCHANGED)
			ok = save_sheet(st, &b, &im->sheets[i], now);
	ok = ok && batch_flush(st, &b);
	free(b.answers);
	free(b.links);
	return ok;
}

static bool pin_year(struct store *st, int year, long long policy_id)
{
	sqlite3_stmt *s = store_cached(st, "INSERT OR IGNORE INTO fiscal_year "
					   "(year, policy_id) VALUES (?, ?)");
	bool ok = s != NULL;
	if (ok) {
		sqlite3_bind_int(s, 1, year);
		sqlite3_bind_int64(s, 2, policy_id);
		ok = store_step_done(st, s, "fixing the year's checklist");
	}
	sqlite3_reset(s);
	return ok;
}

/* Whether two register paths name one file (as given, resolved, or the
 * same file of the workspace recorded by an older kansa by its absolute
 * path, before the workspace moved: fileio_same_name). */
static bool same_register(const char *a, const char *b)
{
	return fileio_same_name(a, b);
}

/* An evidence ID another register of the year defines already is an
 * error naming both places: a second definition silently replaced the
 * first (file, title, SHA-256) before (issue 11).  A new version of the
 * same register replaces its own records. */
static bool evidence_defined_once(struct store *st, int year,
				  const struct evidence_register *reg)
{
	sqlite3_stmt *s = store_cached(
		st, "SELECT f.path, f.imported_at FROM evidence e JOIN "
		    "input_file f USING (file_id) WHERE e.year = ? AND "
		    "e.evidence_id = ?");
	bool ok = s != NULL;
	for (size_t i = 0; s && i < reg->n; i++) {
		const struct evidence_record *e = &reg->records[i];
		sqlite3_bind_int(s, 1, year);
		store_bind_text(s, 2, e->id);
		if (sqlite3_step(s) == SQLITE_ROW &&
		    !same_register((const char *)sqlite3_column_text(s, 0),
				   reg->path)) {
			diags_add(st->d, DIAG_ERROR, reg->path, e->line,
				  "evidence ID '%s' is defined in another "
				  "register already: %s (imported %s); an ID "
				  "is defined once a year (give this one "
				  "another ID, or correct that register)",
				  e->id, sqlite3_column_text(s, 0),
				  sqlite3_column_text(s, 1));
			ok = false;
		}
		sqlite3_reset(s);
	}
	sqlite3_reset(s);
	return ok;
}

/* False (with a diagnostic at its as_of line) when a plans file that
 * changes something is dated in a closed year: its progress belongs to
 * a later year (REVIEW2 #2). */
static bool plans_dated_open(struct store *st, const struct plan_file *f)
{
	char at[32] = "";
	int fy = f->as_of ? text_fiscal_year_of(f->as_of) : 0;
	int c = fy > 0 ? store_year_closed(st, fy, at) : 0;

	if (c < 0)
		store_db_error(st, "reading whether the year is closed");
	else if (c > 0)
		diags_add(st->d, DIAG_ERROR, f->path, f->as_of_line,
			  "as_of %s is in FY %d, which is closed (kansa close, "
			  "%s): a plans file that changes a plan is refused "
			  "when dated in a closed year; date this progress "
			  "report in FY %d (as_of = %d-04-01 or later)",
			  f->as_of, fy, at, fy + 1, fy + 1);
	return c == 0;
}

/* A closed year takes no import, nor a plans file that changes a plan
 * dated in a closed year (checked inside the import's write transaction); an
 * evidence ID is defined by one register. */
static bool import_allowed(struct store *st, struct store_import *im)
{
	bool ok = store_require_open(st, im->year, "importing into it", NULL);
	for (size_t i = 0; ok && i < im->nregisters; i++)
		if (im->register_result[i] != IMPORT_UNCHANGED &&
		    !evidence_defined_once(st, im->year, &im->registers[i]))
			ok = false;
	for (size_t i = 0; ok && i < im->nplan_files; i++)
		ok = im->plan_result[i] == IMPORT_UNCHANGED ||
		     plans_dated_open(st, &im->plan_files[i]);
	return ok;
}

/* A page cache for the import: SQLite's default 2 MB makes the bulk
 * insert into answer, answer_evidence and their indexes spill to the
 * file.  As many bytes as the sheets have (a year's rows and index
 * entries take about 1.3 times that, most of it appended in order),
 * between 8 MB and 128 MB; the pages are only taken as they are used. */
static enum kansa_err size_cache(struct store *st,
				 const struct store_import *im)
{
	char sql[64];
	long long kib = 0;
	for (size_t i = 0; i < im->nsheets; i++)
		kib += im->sheets[i].size / 1024;
	for (size_t i = 0; i < im->nregisters; i++)
		kib += im->registers[i].size / 1024;
	kib = kib < 8192 ? 8192 : kib > 131072 ? 131072 : kib;
	snprintf(sql, sizeof(sql), "PRAGMA cache_size = -%lld", kib);
	return store_exec(st, sql, "sizing the cache for the import");
}

enum kansa_err store_import(struct store *st, struct store_import *im,
			    struct diags *d)
{
	char now[32];
	bool any, ok;

	st->d = d;
	if (size_cache(st, im))
		return KANSA_ERR_DB;
	if (store_exec(st, "BEGIN IMMEDIATE", "starting the import"))
		return KANSA_ERR_DB;
	if (!classify(st, im, &any)) {
		store_exec(st, "ROLLBACK", "ending the import");
		return KANSA_ERR_DB;
	}
	if (!any) /* every file was imported before: write nothing */
		return store_exec(st, "ROLLBACK", "ending the import");
	if (!import_allowed(st, im)) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return d->errors ? KANSA_ERR_INPUT : KANSA_ERR_DB;
	}
	store_now(now);
	ok = pin_year(st, im->year, im->policy_id);
	for (size_t i = 0; ok && i < im->nregisters; i++)
		if (im->register_result[i] != IMPORT_UNCHANGED)
			ok = save_register(st, im->year, &im->registers[i],
					   now);
	ok = ok && save_sheets(st, im, now);
	if (ok && im->complete)
		ok = store_retire_unbacked(st, im, now);
	for (size_t i = 0; ok && i < im->naudits; i++) {
		const struct audit_file *a = &im->audits[i];
		long long fid;
		if (im->audit_result[i] == IMPORT_UNCHANGED)
			continue;
		fid = insert_file(st, im->year, "audit", a->path, a->sha256,
				  a->size, now);
		ok = fid > 0 && store_save_audit(st, im->year, a, fid);
	}
	for (size_t i = 0; ok && i < im->nplan_files; i++) {
		const struct plan_file *f = &im->plan_files[i];
		if (im->plan_result[i] == IMPORT_UNCHANGED)
			continue;
		ok = insert_file(st, im->year, "plans", f->path, f->sha256,
				 f->size, now) > 0;
		for (size_t k = 0; ok && k < f->n; k++)
			if (!f->plans[k].unchanged)
				ok = store_append_plan(st, &f->plans[k]);
	}
	if (ok) /* every row written, not yet committed */
		testhook_reach("import-commit");
	if (ok && store_exec(st, "COMMIT", "committing the import") == KANSA_OK)
		return KANSA_OK;
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return KANSA_ERR_DB;
}

/* --- verify ---------------------------------------------------------- */

enum kansa_err store_save_checks(struct store *st, int year,
				 const struct store_verified *v, size_t n,
				 struct diags *d)
{
	sqlite3_stmt *s;
	char now[32];
	int closed;
	bool ok = true;

	st->d = d;
	store_now(now);
	if (store_exec(st, "BEGIN IMMEDIATE", "recording the verification"))
		return KANSA_ERR_DB;
	/* a closed year's record stays as its final report showed it */
	if ((closed = store_year_closed(st, year, NULL)) != 0) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return closed > 0 ? KANSA_OK : KANSA_ERR_DB;
	}
	s = store_cached(st, "INSERT INTO evidence_check (year, evidence_id, "
			     "checked_at, result, sha256) VALUES (?, ?, ?, ?, "
			     "NULLIF(?, ''))");
	ok = s != NULL;
	for (size_t i = 0; ok && i < n; i++) {
		sqlite3_bind_int(s, 1, year);
		store_bind_text(s, 2, v[i].id);
		store_bind_text(s, 3, now);
		store_bind_text(s, 4, v[i].result);
		store_bind_text(s, 5, v[i].sha256);
		ok = store_step_done(st, s, "recording a verification");
	}
	if (ok &&
	    store_exec(st, "COMMIT", "recording the verification") == KANSA_OK)
		return KANSA_OK;
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return KANSA_ERR_DB;
}
