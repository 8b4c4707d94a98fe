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
