/* store_year.c: one fiscal year's answers, evidence and status. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "testhook.h"
#include "text.h"

/* The policy pinned for a year, 0 when none, -1 on error. */
static long long pinned_policy(struct store *st, int year)
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
	if ((pinned = pinned_policy(st, year)) < 0)
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
	if ((policy = pinned_policy(st, year)) <= 0) {
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

/* --- scoring input --------------------------------------------------- */

void store_year_release(struct store_year *y)
{
	for (size_t i = 0; i < y->nrespondents; i++) {
		free((char *)y->respondents[i].department);
		free((char *)y->respondents[i].role);
		free((char *)y->respondents[i].system);
		free((char *)y->respondents[i].name);
	}
	for (size_t i = 0; i < y->nrespondents; i++) {
		if (y->answered_on)
			free(y->answered_on[i]);
		if (y->files)
			free(y->files[i]);
	}
	for (size_t i = 0; i < y->nanswers; i++) {
		free((char *)y->answers[i].item_id);
		if (y->comments)
			free(y->comments[i]);
		if (y->evidence_ids)
			free(y->evidence_ids[i]);
	}
	free(y->respondents);
	free(y->answered_on);
	free(y->files);
	free(y->answers);
	free(y->comments);
	free(y->evidence_ids);
	free(y->lines);
	memset(y, 0, sizeof(*y));
}

static bool load_year_respondents(struct store *st, int year,
				  struct store_year *out, long long **ids)
{
	sqlite3_stmt *s = store_prepare(
		st, "SELECT r.respondent_id, r.department, r.role, r.system, "
		    "r.name, COALESCE(r.answered_on, ''), COALESCE(f.path, '') "
		    "FROM respondent r LEFT JOIN input_file f USING (file_id) "
		    "WHERE r.year = ? AND r.retired_at IS NULL ORDER BY "
		    "r.department, r.role, r.system");
	size_t cap = 0;
	bool ok = s != NULL;
	if (ok)
		sqlite3_bind_int(s, 1, year);
	while (ok && sqlite3_step(s) == SQLITE_ROW) {
		struct score_respondent *r;
		if (out->nrespondents == cap) {
			size_t nc = cap ? cap * 2 : 64;
			struct score_respondent *g =
				realloc(out->respondents, nc * sizeof(*g));
			long long *gi = realloc(*ids, nc * sizeof(*gi));
			char **ga, **gf;
			if (g)
				out->respondents = g;
			if (gi)
				*ids = gi;
			ga = realloc(out->answered_on, nc * sizeof(*ga));
			if (ga)
				out->answered_on = ga;
			gf = realloc(out->files, nc * sizeof(*gf));
			if (gf)
				out->files = gf;
			if (!g || !gi || !ga || !gf) {
				ok = false;
				break;
			}
			cap = nc;
		}
		(*ids)[out->nrespondents] = sqlite3_column_int64(s, 0);
		r = &out->respondents[out->nrespondents++];
		r->department = store_col_dup(s, 1);
		r->role = store_col_dup(s, 2);
		r->system = store_col_dup(s, 3);
		r->name = store_col_dup(s, 4);
		out->answered_on[out->nrespondents - 1] = store_col_dup(s, 5);
		out->files[out->nrespondents - 1] = store_col_dup(s, 6);
		ok = r->department && r->role && r->system && r->name &&
		     out->answered_on[out->nrespondents - 1] &&
		     out->files[out->nrespondents - 1];
	}
	sqlite3_finalize(s);
	return ok;
}

/* respondent_id -> index in the year's respondents (which are ordered
 * by department), sorted by id: found by binary search (a scan from the
 * last hit was quadratic in respondents, as answers come by id). */
struct id_index {
	long long id; /* respondent_id */
	size_t i;     /* index */
};

static int cmp_id(const void *a, const void *b)
{
	const struct id_index *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

static struct id_index *index_ids(const long long *ids, size_t n)
{
	struct id_index *v = malloc((n + 1) * sizeof(*v));
	for (size_t i = 0; v && i < n; i++)
		v[i] = (struct id_index){ids[i], i};
	if (v)
		qsort(v, n, sizeof(*v), cmp_id);
	return v;
}

/* The index of a respondent_id, or n. */
static size_t index_of(const struct id_index *v, size_t n, long long id)
{
	struct id_index key = {id, 0};
	const struct id_index *hit = bsearch(&key, v, n, sizeof(*v), cmp_id);
	return hit ? hit->i : n;
}

/* The evidence IDs of a year valid as of a date, sorted (strings owned). */
struct valid_set {
	char **ids;
	size_t n;
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool load_valid(struct store *st, int year, const char *as_of,
		       struct valid_set *v)
{
	sqlite3_stmt *s = store_prepare(
		st, "SELECT evidence_id FROM evidence e WHERE year = ?1 AND "
		    "missing = 0 AND (expires_on IS NULL OR expires_on >= ?2) "
		    "AND COALESCE((SELECT result FROM evidence_check c WHERE "
		    "c.year = e.year AND c.evidence_id = e.evidence_id ORDER "
		    "BY c.rowid DESC LIMIT 1), 'ok') = 'ok'");
	bool ok = s != NULL;
	memset(v, 0, sizeof(*v));
	if (ok) {
		sqlite3_bind_int(s, 1, year);
		store_bind_text(s, 2, as_of);
	}
	while (ok && sqlite3_step(s) == SQLITE_ROW) {
		char **g = realloc(v->ids, (v->n + 1) * sizeof(*g));
		if (!g || !(g[v->n] = store_col_dup(s, 0))) {
			if (g)
				v->ids = g;
			ok = false;
			break;
		}
		v->ids = g;
		v->n++;
	}
	sqlite3_finalize(s);
	if (v->n)
		qsort(v->ids, v->n, sizeof(*v->ids), cmp_str);
	return ok;
}

static void valid_release(struct valid_set *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->ids[i]);
	free(v->ids);
}

/* Counts the IDs of "EV-1, EV-2" and how many of them are valid. */
static void count_evidence(const char *ids, const struct valid_set *v, int *n,
			   int *good)
{
	*n = *good = 0;
	for (const char *p = ids; *p;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		char one[512], *key = one;
		while (len && *p == ' ')
			p++, len--;
		if (len && len < sizeof(one)) {
			memcpy(one, p, len);
			one[len] = '\0';
			(*n)++;
			if (bsearch(&key, v->ids, v->n, sizeof(*v->ids),
				    cmp_str))
				(*good)++;
		}
		if (!comma)
			break;
		p = comma + 1;
	}
}

/*
 * The evidence IDs each answer of a year cites, "EV-1, EV-2" in their
 * order, loaded in one pass sorted by respondent and item and found by
 * binary search (a correlated subquery per answer was a third of loading
 * a large year).
 */
struct cited_row {
	long long respondent; /* respondent_id */
	char *item_id;	      /* the answer's item */
	char *ids;	      /* "EV-1, EV-2" */
};

struct cited {
	struct cited_row *v;
	size_t n, cap;
};

static void cited_release(struct cited *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].item_id);
		free(c->v[i].ids);
	}
	free(c->v);
	memset(c, 0, sizeof(*c));
}

/* One row of answer_evidence. */
struct cite {
	long long respondent;
	const char *item_id; /* points into the statement's copy */
	int seq;
	char *item_copy, *evidence_id;
};

static int by_answer_then_seq(const void *a, const void *b)
{
	const struct cite *x = a, *y = b;
	int c;
	if (x->respondent != y->respondent)
		return x->respondent < y->respondent ? -1 : 1;
	if ((c = strcmp(x->item_id, y->item_id)) != 0)
		return c;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Reads the year's rows in table order (through an index, by year or in
 * answer order, SQLite fetched every row from the table apart: a third
 * of loading a large year), sorts them here and joins each answer's
 * IDs. */
static bool load_cited(struct store *st, int year, struct cited *c)
{
	sqlite3_stmt *s = store_prepare(
		st, "SELECT respondent_id, item_id, seq, evidence_id FROM "
		    "answer_evidence WHERE +year = ?1");
	struct cite *v = NULL;
	size_t n = 0, cap = 0;
	bool ok = s != NULL;

	if (ok)
		sqlite3_bind_int(s, 1, year);
	while (ok && sqlite3_step(s) == SQLITE_ROW) {
		if (n == cap) {
			size_t nc = cap ? cap * 2 : 1024;
			struct cite *g = realloc(v, nc * sizeof(*g));
			if (!(ok = g != NULL))
				break;
			v = g;
			cap = nc;
		}
		v[n].respondent = sqlite3_column_int64(s, 0);
		v[n].item_copy = store_col_dup(s, 1);
		v[n].item_id = v[n].item_copy;
		v[n].seq = sqlite3_column_int(s, 2);
		v[n].evidence_id = store_col_dup(s, 3);
		ok = v[n].item_copy && v[n].evidence_id;
		n++;
	}
	sqlite3_finalize(s);
	if (ok && n)
		qsort(v, n, sizeof(*v), by_answer_then_seq);
	for (size_t i = 0; ok && i < n; i++) {
		struct cited_row *last = c->n ? &c->v[c->n - 1] : NULL;
		if (last && last->respondent == v[i].respondent &&
		    strcmp(last->item_id, v[i].item_id) == 0) {
			struct sbuf b = {0};
			sbuf_printf(&b, "%s, %s", last->ids, v[i].evidence_id);
			if (!(ok = !b.oom))
				break;
			free(last->ids);
			last->ids = b.s;
			continue;
		}
		if (c->n == c->cap) {
			size_t nc = c->cap ? c->cap * 2 : 1024;
			struct cited_row *g = realloc(c->v, nc * sizeof(*g));
			if (!(ok = g != NULL))
				break;
			c->v = g;
			c->cap = nc;
		}
		/* the row takes over the copies */
		c->v[c->n].respondent = v[i].respondent;
		c->v[c->n].item_id = v[i].item_copy;
		c->v[c->n].ids = v[i].evidence_id;
		v[i].item_copy = v[i].evidence_id = NULL;
		c->n++;
	}
	for (size_t i = 0; i < n; i++) {
		free(v[i].item_copy);
		free(v[i].evidence_id);
	}
	free(v);
	return ok;
}

/* The evidence IDs an answer cites, or "". */
static const char *cited_ids(const struct cited *c, long long respondent,
			     const char *item_id)
{
	size_t lo = 0, hi = c->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct cited_row *m = &c->v[mid];
		int cmp = m->respondent != respondent
				  ? (m->respondent < respondent ? -1 : 1)
				  : strcmp(m->item_id, item_id);
		if (cmp == 0)
			return m->ids;
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return "";
}

static bool load_year_answers(struct store *st, int year, const char *as_of,
			      struct store_year *out, const long long *ids)
{
	sqlite3_stmt *s = store_prepare(
		st, "SELECT a.respondent_id, a.item_id, a.status, a.comment, "
		    "a.source_line FROM answer a CROSS JOIN respondent r ON "
		    "r.respondent_id = a.respondent_id WHERE r.year = ?1 "
		    "ORDER BY a.respondent_id, a.rowid");
	struct valid_set valid;
	struct cited cited = {0};
	struct id_index *byid = index_ids(ids, out->nrespondents);
	size_t cap = 0;
	bool ok = s != NULL && byid && load_valid(st, year, as_of, &valid) &&
		  load_cited(st, year, &cited);

	if (s)
		sqlite3_bind_int(s, 1, year);
	while (ok && sqlite3_step(s) == SQLITE_ROW) {
		struct score_answer *a;
		int stt;
		if (out->nanswers == cap) {
			size_t nc = cap ? cap * 2 : 1024;
			struct score_answer *g =
				realloc(out->answers, nc * sizeof(*g));
			char **gc, **ge;
			long *gl;
			if (g)
				out->answers = g;
			gc = realloc(out->comments, nc * sizeof(*gc));
			if (gc)
				out->comments = gc;
			ge = realloc(out->evidence_ids, nc * sizeof(*ge));
			if (ge)
				out->evidence_ids = ge;
			gl = realloc(out->lines, nc * sizeof(*gl));
			if (gl)
				out->lines = gl;
			if (!g || !gc || !ge || !gl) {
				ok = false;
				break;
			}
			cap = nc;
		}
		a = &out->answers[out->nanswers++];
		a->respondent = index_of(byid, out->nrespondents,
					 sqlite3_column_int64(s, 0));
		a->item_id = store_col_dup(s, 1);
		stt = answer_status_parse(
			(const char *)sqlite3_column_text(s, 2));
		a->status =
			stt < 0 ? STATUS_UNANSWERED : (enum answer_status)stt;
		out->comments[out->nanswers - 1] = store_col_dup(s, 3);
		out->evidence_ids[out->nanswers - 1] =
			strdup(cited_ids(&cited, sqlite3_column_int64(s, 0),
					 a->item_id ? a->item_id : ""));
		out->lines[out->nanswers - 1] = sqlite3_column_int64(s, 4);
		ok = a->item_id && out->comments[out->nanswers - 1] &&
		     out->evidence_ids[out->nanswers - 1];
		if (ok)
			count_evidence(out->evidence_ids[out->nanswers - 1],
				       &valid, &a->evidence,
				       &a->evidence_valid);
	}
	sqlite3_finalize(s);
	if (s && byid)
		valid_release(&valid);
	cited_release(&cited);
	free(byid);
	return ok;
}

enum kansa_err store_load_year(struct store *st, int year, const char *as_of,
			       struct store_year *out, struct diags *d)
{
	long long *ids = NULL;
	bool ok;

	st->d = d;
	memset(out, 0, sizeof(*out));
	out->year = year;
	if ((out->policy_id = pinned_policy(st, year)) <= 0) {
		if (out->policy_id == 0)
			diags_add(d, DIAG_ERROR, st->path, 0,
				  "nothing imported for fiscal year %d yet "
				  "(kansa import --year %d FILE...)",
				  year, year);
		return out->policy_id == 0 ? KANSA_ERR_NOTFOUND : KANSA_ERR_DB;
	}
	ok = load_year_respondents(st, year, out, &ids) &&
	     load_year_answers(st, year, as_of, out, ids);
	free(ids);
	if (!ok) {
		store_year_release(out);
		return KANSA_ERR_DB;
	}
	return KANSA_OK;
}

int store_previous_year(struct store *st, int year)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT max(year) FROM respondent "
					    "WHERE year < ?");
	int y = 0;
	if (!s)
		return 0;
	sqlite3_bind_int(s, 1, year);
	if (sqlite3_step(s) == SQLITE_ROW)
		y = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return y;
}

/* --- inputs ---------------------------------------------------------- */

enum kansa_err store_load_inputs(struct store *st, int year,
				 struct store_input **out, size_t *n,
				 struct diags *d)
{
	sqlite3_stmt *s;
	struct store_input *v = NULL;
	bool ok = true;

	st->d = d;
	*out = NULL;
	*n = 0;
	s = store_prepare(
		st, "SELECT kind, path, sha256, size, imported_at FROM "
		    "input_file WHERE file_id IN (SELECT file_id FROM "
		    "respondent WHERE year = ?1 AND retired_at IS NULL UNION "
		    "SELECT file_id FROM "
		    "evidence WHERE year = ?1 UNION SELECT file_id FROM audit "
		    "WHERE year = ?1) OR kind = 'plans' ORDER BY kind, path, "
		    "file_id");
	if (!s)
		return KANSA_ERR_DB;
	sqlite3_bind_int(s, 1, year);
	while (ok && sqlite3_step(s) == SQLITE_ROW) {
		struct store_input *g = realloc(v, (*n + 1) * sizeof(*v)), *e;
		if (!g) {
			ok = false;
			break;
		}
		v = g;
		e = &v[(*n)++];
		e->kind = store_col_dup(s, 0);
		e->path = store_col_dup(s, 1);
		e->sha256 = store_col_dup(s, 2);
		e->size = sqlite3_column_int64(s, 3);
		e->imported_at = store_col_dup(s, 4);
		ok = e->kind && e->path && e->sha256 && e->imported_at;
	}
	sqlite3_finalize(s);
	*out = v;
	return ok ? KANSA_OK : KANSA_ERR_NOMEM;
}

void store_inputs_release(struct store_input *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].kind);
		free(v[i].path);
		free(v[i].sha256);
		free(v[i].imported_at);
	}
	free(v);
}
