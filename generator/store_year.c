/* store_year.c: one fiscal year's answers, evidence and status. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "testhook.h"
#include "text.h"

/* The policy pinned for a year, 0 when none, -1 on error. */
long long store_pinned_policy(struct store *st, int year)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT policy_id FROM "
					    "fiscal_year WHERE year = ?");
	long long id = 0;
	if (!s)
		return -1;
	sqlite3_bind_int(s, 1, year);
	if (sqlite3_step(s) == SQLITE_ROW)
		id = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return id;
}

/* The version in force by the rule: the latest not after year. */
static long long policy_in_force(struct store *st, int year)
{
	sqlite3_stmt *s = store_prepare(
		st, "SELECT policy_id FROM policy WHERE CAST(version AS "
		    "INTEGER) <= ?1 ORDER BY CAST(version AS INTEGER) DESC, "
		    "derived_at DESC, policy_id DESC LIMIT 1");
	long long id = 0;
	if (!s)
		return -1;
	sqlite3_bind_int(s, 1, year);
	if (sqlite3_step(s) == SQLITE_ROW)
		id = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return id;
}

enum kansa_err store_year_checklist(struct store *st, int year,
				    const char *spec, struct checklist *cl,
				    long long *policy_id, struct diags *d)
{
	struct checklist named;
	long long pinned, id = 0;
	enum kansa_err err = KANSA_OK;

	st->d = d;
	checklist_init(&named);
	if ((pinned = store_pinned_policy(st, year)) < 0)
		return KANSA_ERR_DB;
	if (spec && (id = store_resolve_policy(st, spec, &named)) <= 0) {
		if (id == 0)
			diags_add(d, DIAG_ERROR, st->path, 0,
				  "no policy '%s' in the database", spec);
		err = id == 0 ? KANSA_ERR_NOTFOUND : KANSA_ERR_DB;
		goto out;
	}
	if (pinned && spec && pinned != id) {
		struct checklist p;
		checklist_init(&p);
		store_policy_meta(st, pinned, &p);
		diags_add(d, DIAG_ERROR, st->path, 0,
			  "fiscal year %d uses %s@%s (fixed by its first "
			  "import): --policy %s contradicts it",
			  year, p.policy ? p.policy : "?",
			  p.version ? p.version : "?", spec);
		checklist_release(&p);
		err = KANSA_ERR_INPUT;
		goto out;
	}
	if (pinned)
		id = pinned;
	else if (!spec && (id = policy_in_force(st, year)) <= 0) {
		if (id == 0)
			diags_add(d, DIAG_ERROR, st->path, 0,
				  "no policy version is in force for fiscal "
				  "year %d (derive one with --version %d or "
				  "earlier)",
				  year, year);
		err = id == 0 ? KANSA_ERR_NOTFOUND : KANSA_ERR_DB;
		goto out;
	}
	*policy_id = id;
	if (!(err = store_policy_meta(st, id, cl)))
		err = store_load_items(st, id, NULL, cl);
out:
	checklist_release(&named);
	return err;
}

/* --- import ---------------------------------------------------------- */

/* The SHA-256 of the sheet a respondent was last imported from. */
static bool respondent_sha(struct store *st, int year,
			   const struct answer_sheet *sh, long long *rid,
			   char sha[65])
{
	sqlite3_stmt *s = store_prepare(
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
	sqlite3_finalize(s);
	return true;
}

static bool file_known(struct store *st, int year, const char *kind,
		       const char *sha, bool *known)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT 1 FROM input_file WHERE "
					    "year = ? AND kind = ? AND sha256 "
					    "= ?");
	if (!s)
		return false;
	sqlite3_bind_int(s, 1, year);
	store_bind_text(s, 2, kind);
	store_bind_text(s, 3, sha);
	*known = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
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
		bool known;
		if (!file_known(st, im->year, "audit", im->audits[i].sha256,
				&known))
			return false;
		im->audit_result[i] = known ? IMPORT_UNCHANGED : IMPORT_NEW;
		*any = *any || !known;
	}
	for (size_t i = 0; i < im->nplan_files; i++) {
		bool known, changes = false;
		if (!file_known(st, im->year, "plans", im->plan_files[i].sha256,
				&known))
			return false;
		for (size_t k = 0; k < im->plan_files[i].n; k++)
			changes = changes ||
				  !im->plan_files[i].plans[k].unchanged;
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
	sqlite3_stmt *s = store_prepare(
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
	sqlite3_finalize(s);
	return id;
}

static bool save_register(struct store *st, int year,
			  const struct evidence_register *reg, const char *now)
{
	long long fid = insert_file(st, year, "evidence", reg->path,
				    reg->sha256, reg->size, now);
	sqlite3_stmt *s = store_prepare(
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
	sqlite3_finalize(s);
	return ok;
}

/* Moves a respondent's current answers into the history. */
bool store_archive_answers(struct store *st, long long rid, const char *old_sha,
			   const char *now)
{
	sqlite3_stmt *s = store_prepare(
		st, "INSERT INTO answer_history (respondent_id, replaced_at, "
		    "file_sha256, item_id, status, comment, evidence) SELECT "
		    "a.respondent_id, ?2, ?3, a.item_id, a.status, a.comment, "
		    "COALESCE((SELECT group_concat(evidence_id, ', ') FROM "
		    "(SELECT evidence_id FROM answer_evidence e WHERE "
		    "e.respondent_id = a.respondent_id AND e.item_id = "
		    "a.item_id ORDER BY seq)), '') FROM answer a WHERE "
		    "a.respondent_id = ?1 ORDER BY a.rowid");
	sqlite3_stmt *del = store_prepare(st, "DELETE FROM answer WHERE "
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
	sqlite3_finalize(s);
	sqlite3_finalize(del);
	return ok;
}

static long long upsert_respondent(struct store *st, int year,
				   const struct answer_sheet *sh, long long rid,
				   long long fid)
{
	sqlite3_stmt *s = store_prepare(
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
	sqlite3_finalize(s);
	return id;
}

static bool insert_answers(struct store *st, int year, long long rid,
			   const struct answer_sheet *sh)
{
	sqlite3_stmt *a = store_prepare(
		st, "INSERT INTO answer (respondent_id, item_id, status, "
		    "comment, source_line) VALUES (?, ?, ?, ?, ?)");
	sqlite3_stmt *e = store_prepare(
		st, "INSERT INTO answer_evidence (respondent_id, item_id, seq, "
		    "year, evidence_id) VALUES (?, ?, ?, ?, ?)");
	bool ok = a && e;
	for (size_t i = 0; ok && i < sh->nanswers; i++) {
		const struct answer *an = &sh->answers[i];
		sqlite3_bind_int64(a, 1, rid);
		store_bind_text(a, 2, an->item_id);
		store_bind_text(a, 3, answer_status_name(an->status));
		store_bind_text(a, 4, an->comment);
		sqlite3_bind_int64(a, 5, an->line);
		ok = store_step_done(st, a, "saving an answer");
		for (size_t k = 0; ok && k < an->nevidence; k++) {
			sqlite3_bind_int64(e, 1, rid);
			store_bind_text(e, 2, an->item_id);
			sqlite3_bind_int64(e, 3, (long long)k);
			sqlite3_bind_int(e, 4, year);
			store_bind_text(e, 5, an->evidence[k]);
			ok = store_step_done(st, e, "linking evidence");
		}
	}
	sqlite3_finalize(a);
	sqlite3_finalize(e);
	return ok;
}

static bool save_sheet(struct store *st, int year,
		       const struct answer_sheet *sh, const char *now)
{
	long long rid, fid;
	char old[65];

	if (!respondent_sha(st, year, sh, &rid, old))
		return false;
	if (rid && !store_archive_answers(st, rid, old, now))
		return false;
	fid = insert_file(st, year, "answers", sh->path, sh->sha256, sh->size,
			  now);
	return fid > 0 &&
	       (rid = upsert_respondent(st, year, sh, rid, fid)) > 0 &&
	       insert_answers(st, year, rid, sh);
}

static bool pin_year(struct store *st, int year, long long policy_id)
{
	sqlite3_stmt *s = store_prepare(st, "INSERT OR IGNORE INTO fiscal_year "
					    "(year, policy_id) VALUES (?, ?)");
	bool ok = s != NULL;
	if (ok) {
		sqlite3_bind_int(s, 1, year);
		sqlite3_bind_int64(s, 2, policy_id);
		ok = store_step_done(st, s, "fixing the year's checklist");
	}
	sqlite3_finalize(s);
	return ok;
}

/* Whether two register paths name one file (as given, or resolved). */
static bool same_register(const char *a, const char *b)
{
	char ra[PATH_MAX], rb[PATH_MAX];
	return strcmp(a, b) == 0 ||
	       (realpath(a, ra) && realpath(b, rb) && strcmp(ra, rb) == 0);
}

/* An evidence ID another register of the year defines already is an
 * error naming both places: a second definition silently replaced the
 * first (file, title, SHA-256) before (issue 11).  A new version of the
 * same register replaces its own records. */
static bool evidence_defined_once(struct store *st, int year,
				  const struct evidence_register *reg)
{
	sqlite3_stmt *s = store_prepare(
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
	sqlite3_finalize(s);
	return ok;
}

/* A closed year takes no import, nor a plans file dated in a closed
 * year (checked inside the import's write transaction); an evidence ID
 * is defined by one register. */
static bool import_allowed(struct store *st, struct store_import *im)
{
	bool ok = store_require_open(st, im->year, "importing into it", NULL);
	for (size_t i = 0; ok && i < im->nregisters; i++)
		if (im->register_result[i] != IMPORT_UNCHANGED &&
		    !evidence_defined_once(st, im->year, &im->registers[i]))
			ok = false;
	for (size_t i = 0; ok && i < im->nplan_files; i++) {
		const struct plan_file *f = &im->plan_files[i];
		int fy = f->as_of ? text_fiscal_year_of(f->as_of) : 0;
		ok = fy <= 0 ||
		     store_require_open(st, fy, "a plans file dated in it",
					f->path);
	}
	return ok;
}

enum kansa_err store_import(struct store *st, struct store_import *im,
			    struct diags *d)
{
	char now[32];
	bool any, ok;

	st->d = d;
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
	for (size_t i = 0; ok && i < im->nsheets; i++)
		if (im->sheet_result[i] != IMPORT_UNCHANGED)
			ok = save_sheet(st, im->year, &im->sheets[i], now);
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

/* --- evidence -------------------------------------------------------- */

enum kansa_err store_load_evidence(struct store *st, int year,
				   struct evidence_register *out,
				   struct diags *d)
{
	sqlite3_stmt *s;
	size_t cap = 0;

	st->d = d;
	memset(out, 0, sizeof(*out));
	s = store_prepare(st, "SELECT evidence_id, title, file, path, "
			      "COALESCE(collected_on, ''), COALESCE(expires_on,"
			      " ''), clauses, COALESCE(sha256, ''), "
			      "COALESCE(size, -1), missing, COALESCE((SELECT "
			      "result FROM evidence_check c WHERE c.year = "
			      "e.year AND c.evidence_id = e.evidence_id ORDER "
			      "BY c.rowid DESC LIMIT 1), '') FROM evidence e "
			      "WHERE year = ? ORDER BY evidence_id");
	if (!s)
		return KANSA_ERR_DB;
	sqlite3_bind_int(s, 1, year);
	out->fiscal_year = year;
	while (sqlite3_step(s) == SQLITE_ROW) {
		struct evidence_record *e;
		if (out->n == cap) {
			size_t nc = cap ? cap * 2 : 64;
			struct evidence_record *v =
				realloc(out->records, nc * sizeof(*v));
			if (!v) {
				sqlite3_finalize(s);
				return KANSA_ERR_NOMEM;
			}
			out->records = v;
			cap = nc;
		}
		e = &out->records[out->n++];
		memset(e, 0, sizeof(*e));
		e->id = store_col_dup(s, 0);
		e->title = store_col_dup(s, 1);
		e->file = store_col_dup(s, 2);
		e->path = store_col_dup(s, 3);
		e->collected_on = store_col_dup(s, 4);
		e->expires_on = store_col_dup(s, 5);
		e->clauses = store_col_dup(s, 6);
		snprintf(e->sha256, sizeof(e->sha256), "%s",
			 (const char *)sqlite3_column_text(s, 7));
		e->size = sqlite3_column_int64(s, 8);
		e->missing = sqlite3_column_int(s, 9) != 0;
		snprintf(e->last_check, sizeof(e->last_check), "%s",
			 (const char *)sqlite3_column_text(s, 10));
	}
	sqlite3_finalize(s);
	return KANSA_OK;
}

enum kansa_err store_save_check(struct store *st, int year, const char *id,
				const char *result, const char *sha256,
				struct diags *d)
{
	sqlite3_stmt *s;
	char now[32];
	bool ok;

	st->d = d;
	store_now(now);
	/* a closed year's record stays as its final report showed it */
	if (store_year_closed(st, year, NULL) != 0)
		return store_year_closed(st, year, NULL) > 0 ? KANSA_OK
							     : KANSA_ERR_DB;
	s = store_prepare(st, "INSERT INTO evidence_check (year, evidence_id, "
			      "checked_at, result, sha256) VALUES (?, ?, ?, ?, "
			      "NULLIF(?, ''))");
	if (!s)
		return KANSA_ERR_DB;
	sqlite3_bind_int(s, 1, year);
	store_bind_text(s, 2, id);
	store_bind_text(s, 3, now);
	store_bind_text(s, 4, result);
	store_bind_text(s, 5, sha256);
	ok = store_step_done(st, s, "recording a verification");
	sqlite3_finalize(s);
	return ok ? KANSA_OK : KANSA_ERR_DB;
}

/* --- status ---------------------------------------------------------- */

static bool add_issue(struct store_issue **v, size_t *n, sqlite3_stmt *s)
{
	struct store_issue *grown = realloc(*v, (*n + 1) * sizeof(**v));
	if (!grown)
		return false;
	*v = grown;
	grown[*n].what = store_col_dup(s, 0);
	grown[*n].who = store_col_dup(s, 1);
	grown[*n].detail = store_col_dup(s, 2);
	(*n)++;
	return grown[*n - 1].what && grown[*n - 1].who && grown[*n - 1].detail;
}

/* Runs a query of (what, who, detail) rows with ?1 = year, ?2 = policy,
 * ?3 = as_of. */
static bool issues(struct store *st, const char *sql, int year,
		   long long policy, const char *as_of, struct store_issue **v,
		   size_t *n)
{
	sqlite3_stmt *s = store_prepare(st, sql);
	bool ok = s != NULL;
	int rc;
	if (!ok)
		return false;
	sqlite3_bind_int(s, 1, year);
	sqlite3_bind_int64(s, 2, policy);
	store_bind_text(s, 3, as_of);
	while (ok && (rc = sqlite3_step(s)) == SQLITE_ROW)
		ok = add_issue(v, n, s);
	sqlite3_finalize(s);
	return ok;
}

#define WHO                                                                    \
	"r.department || ' / ' || r.role || CASE WHEN r.system <> '' THEN "    \
	"' / ' || r.system ELSE '' END"

static bool load_respondents(struct store *st, int year, long long policy,
			     struct store_status *out)
{
	sqlite3_stmt *s = store_prepare(
		st, "SELECT r.department, r.role, r.system, r.name, "
		    "COALESCE(r.answered_on, ''), COALESCE(f.path, ''), "
		    "COALESCE(f.imported_at, ''), (SELECT count(*) FROM answer "
		    "a WHERE a.respondent_id = r.respondent_id AND a.status <> "
		    "'未回答') FROM respondent r LEFT JOIN input_file f USING "
		    "(file_id) WHERE r.year = ?1 AND r.retired_at IS NULL "
		    "ORDER BY r.department, r.role,"
		    " r.system");
	bool ok = s != NULL;
	(void)policy;
	if (!ok)
		return false;
	sqlite3_bind_int(s, 1, year);
	while (ok && sqlite3_step(s) == SQLITE_ROW) {
		struct store_respondent *v = realloc(
			out->respondents, (out->nrespondents + 1) * sizeof(*v));
		if (!v)
			break;
		out->respondents = v;
		v += out->nrespondents++;
		v->department = store_col_dup(s, 0);
		v->role = store_col_dup(s, 1);
		v->system = store_col_dup(s, 2);
		v->name = store_col_dup(s, 3);
		v->answered_on = store_col_dup(s, 4);
		v->file = store_col_dup(s, 5);
		v->imported_at = store_col_dup(s, 6);
		v->answers = sqlite3_column_int(s, 7);
		v->retired_at = NULL;
		ok = v->department && v->role && v->system && v->name &&
		     v->answered_on && v->file && v->imported_at;
	}
	sqlite3_finalize(s);
	return ok;
}

enum kansa_err store_year_status(struct store *st, int year, const char *as_of,
				 struct store_status *out, struct diags *d)
{
	long long policy;
	bool ok;

	st->d = d;
	memset(out, 0, sizeof(*out));
	if ((policy = store_pinned_policy(st, year)) <= 0) {
		if (policy == 0)
			diags_add(d, DIAG_ERROR, st->path, 0,
				  "nothing imported for fiscal year %d yet "
				  "(kansa import --year %d FILE...)",
				  year, year);
		return policy == 0 ? KANSA_ERR_NOTFOUND : KANSA_ERR_DB;
	}
	ok = load_respondents(st, year, policy, out) &&
	     issues(st,
		    "SELECT i.item_id, '', 'no answer from ' || "
		    "replace(i.roles,"
		    " ',', ', ') FROM item i WHERE i.policy_id = ?2 AND NOT "
		    "EXISTS (SELECT 1 FROM answer a JOIN respondent r USING "
		    "(respondent_id) JOIN item_role ir ON ir.policy_id = "
		    "i.policy_id AND ir.item_id = i.item_id AND ir.role = "
		    "r.role WHERE r.year = ?1 AND a.item_id = i.item_id AND "
		    "a.status <> '未回答') ORDER BY i.seq",
		    year, policy, as_of, &out->unanswered, &out->nunanswered) &&
	     issues(st,
		    "SELECT a.item_id, " WHO ", a.status || ' without "
		    "evidence' FROM answer a JOIN respondent r USING "
		    "(respondent_id) LEFT JOIN item i ON i.policy_id = ?2 AND "
		    "i.item_id = a.item_id WHERE r.year = ?1 AND a.status IN "
		    "('実施', '一部実施') AND NOT EXISTS (SELECT 1 FROM "
		    "answer_evidence e WHERE e.respondent_id = a.respondent_id"
		    " AND e.item_id = a.item_id) ORDER BY i.seq, 2",
		    year, policy, as_of, &out->no_evidence,
		    &out->nno_evidence) &&
	     issues(st,
		    "SELECT evidence_id, title, CASE WHEN missing THEN "
		    "'missing "
		    "(recorded at import)' WHEN last = 'missing' THEN 'missing "
		    "at the last verify' WHEN last = 'changed' THEN 'changed "
		    "since import (SHA-256 differs)' ELSE 'expired on ' || "
		    "expires_on END FROM (SELECT e.*, (SELECT result FROM "
		    "evidence_check c WHERE c.year = e.year AND c.evidence_id ="
		    " e.evidence_id ORDER BY c.rowid DESC LIMIT 1) AS last "
		    "FROM evidence e WHERE e.year = ?1) WHERE missing OR last "
		    "IN ('missing', 'changed') OR expires_on < ?3 ORDER BY "
		    "evidence_id",
		    year, policy, as_of, &out->evidence, &out->nevidence);
	return ok ? KANSA_OK : KANSA_ERR_DB;
}

static void release_issues(struct store_issue *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].what);
		free(v[i].who);
		free(v[i].detail);
	}
	free(v);
}

void store_status_release(struct store_status *s)
{
	for (size_t i = 0; i < s->nrespondents; i++) {
		struct store_respondent *r = &s->respondents[i];
		free(r->department);
		free(r->role);
		free(r->system);
		free(r->name);
		free(r->answered_on);
		free(r->file);
		free(r->imported_at);
		free(r->retired_at);
	}
	free(s->respondents);
	release_issues(s->unanswered, s->nunanswered);
	release_issues(s->no_evidence, s->nno_evidence);
	release_issues(s->evidence, s->nevidence);
	memset(s, 0, sizeof(*s));
}
