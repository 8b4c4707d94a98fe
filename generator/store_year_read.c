/* store_year_read.c: one fiscal year's respondents and answers as row
 * structs (what scoring and the report model read), and the files the
 * year is made from. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "text.h"

/* --- scoring input --------------------------------------------------- */

void store_year_release(struct store_year *y)
{
	for (size_t i = 0; i < y->nrespondents; i++) {
		struct store_year_respondent *r = &y->respondents[i];
		free((char *)r->who.department);
		free((char *)r->who.role);
		free((char *)r->who.system);
		free((char *)r->who.name);
		free(r->answered_on);
		free(r->file);
	}
	free(y->respondents);
	free(y->answers);
	strpool_release(&y->strings);
	memset(y, 0, sizeof(*y));
}

/* v (n rows of size bytes, *cap allocated) with room for one more, or
 * NULL when out of memory (v is then still allocated). */
static void *grow(void *v, size_t n, size_t *cap, size_t size)
{
	size_t nc = *cap ? *cap * 2 : 64;
	void *g;
	if (n < *cap)
		return v;
	if ((g = realloc(v, nc * size)))
		*cap = nc;
	return g;
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
	size_t cap = 0, icap = 0;
	bool ok = s != NULL;
	if (ok)
		sqlite3_bind_int(s, 1, year);
	while (ok && sqlite3_step(s) == SQLITE_ROW) {
		struct store_year_respondent *r;
		void *g = grow(out->respondents, out->nrespondents, &cap,
			       sizeof(*r));
		void *gi =
			g ? grow(*ids, out->nrespondents, &icap, sizeof(**ids))
			  : NULL;
		if (g)
			out->respondents = g;
		if (gi)
			*ids = gi;
		if (!g || !gi) {
			ok = false;
			break;
		}
		(*ids)[out->nrespondents] = sqlite3_column_int64(s, 0);
		r = &out->respondents[out->nrespondents++];
		r->who.department = store_col_dup(s, 1);
		r->who.role = store_col_dup(s, 2);
		r->who.system = store_col_dup(s, 3);
		r->who.name = store_col_dup(s, 4);
		r->answered_on = store_col_dup(s, 5);
		r->file = store_col_dup(s, 6);
		ok = r->who.department && r->who.role && r->who.system &&
		     r->who.name && r->answered_on && r->file;
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

/* The pool's copy of column i of s. */
static const char *pool_col(struct strpool *p, sqlite3_stmt *s, int i)
{
	const char *v = (const char *)sqlite3_column_text(s, i);
	return v ? strpool_add(p, v, (size_t)sqlite3_column_bytes(s, i)) : NULL;
}

/*
 * The evidence IDs each answer of a year cites, "EV-1, EV-2" in their
 * order, loaded in one pass and found by binary search (a correlated
 * subquery per answer was a third of loading a large year).  Item IDs
 * and the lists are the year's pool's strings, so that an answer and its
 * citations are matched by the respondent and the item's pointer, with
 * no copy and no strcmp.
 */
struct cited_row {
	long long respondent; /* respondent_id */
	const char *item_id;  /* the answer's item (the pool's) */
	const char *ids;      /* "EV-1, EV-2" (the pool's) */
};

struct cited {
	struct cited_row *v;
	size_t n;
};

/* One row of answer_evidence. */
struct cite {
	long long respondent;
	const char *item_id; /* the pool's */
	int seq;
	const char *evidence_id; /* the pool's */
};

/* Pointers compared as integers (the pool's: equal strings, equal). */
static int cmp_ptr(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)a, y = (uintptr_t)b;
	return (x > y) - (x < y);
}

static int by_answer_then_seq(const void *a, const void *b)
{
	const struct cite *x = a, *y = b;
	int c;
	if (x->respondent != y->respondent)
		return x->respondent < y->respondent ? -1 : 1;
	if ((c = cmp_ptr(x->item_id, y->item_id)) != 0)
		return c;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Reads the year's rows in table order (through an index, by year or in
 * answer order, SQLite fetched every row from the table apart: a third
 * of loading a large year) into *v, *n of them. */
static bool read_cites(struct store *st, int year, struct strpool *pool,
		       struct cite **v, size_t *n)
{
	sqlite3_stmt *s = store_prepare(
		st, "SELECT respondent_id, item_id, seq, evidence_id FROM "
		    "answer_evidence WHERE +year = ?1");
	size_t cap = 0;
	bool ok = s != NULL;

	if (ok)
		sqlite3_bind_int(s, 1, year);
	while (ok && sqlite3_step(s) == SQLITE_ROW) {
		struct cite *c = grow(*v, *n, &cap, sizeof(**v));
		if (!(ok = c != NULL))
			break;
		*v = c;
		c += *n;
		c->respondent = sqlite3_column_int64(s, 0);
		c->item_id = pool_col(pool, s, 1);
		c->seq = sqlite3_column_int(s, 2);
		c->evidence_id = pool_col(pool, s, 3);
		ok = c->item_id && c->evidence_id;
		*n += ok;
	}
	sqlite3_finalize(s);
	return ok;
}

/* The year's citations, sorted here, each answer's IDs joined. */
static bool load_cited(struct store *st, int year, struct strpool *pool,
		       struct cited *c)
{
	struct cite *v = NULL;
	size_t n = 0;
	bool ok = read_cites(st, year, pool, &v, &n);

	if (ok && n)
		qsort(v, n, sizeof(*v), by_answer_then_seq);
	if (ok && !(c->v = malloc((n + 1) * sizeof(*c->v))))
		ok = false;
	for (size_t i = 0; ok && i < n; i++) {
		struct cited_row *last = c->n ? &c->v[c->n - 1] : NULL;
		if (last && last->respondent == v[i].respondent &&
		    last->item_id == v[i].item_id) {
			struct sbuf b = {0};
			sbuf_printf(&b, "%s, %s", last->ids, v[i].evidence_id);
			ok = !b.oom && (last->ids = strpool_add(pool, b.s,
								b.len)) != NULL;
			sbuf_release(&b);
			continue;
		}
		c->v[c->n++] = (struct cited_row){v[i].respondent, v[i].item_id,
						  v[i].evidence_id};
	}
	free(v);
	return ok;
}

/* The evidence IDs an answer cites (item_id the pool's), or "". */
static const char *cited_ids(const struct cited *c, long long respondent,
			     const char *item_id)
{
	size_t lo = 0, hi = c->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct cited_row *m = &c->v[mid];
		int cmp = m->respondent != respondent
				  ? (m->respondent < respondent ? -1 : 1)
				  : cmp_ptr(m->item_id, item_id);
		if (cmp == 0)
			return m->ids;
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return "";
}

/* An answer's place in the order the year keeps them in: by
 * respondent_id, then as imported (rowid). */
struct answer_key {
	long long respondent; /* respondent_id */
	long long rowid;      /* the answer's */
	size_t i;	      /* its row as read */
};

static int by_key(const void *a, const void *b)
{
	const struct answer_key *x = a, *y = b;
	if (x->respondent != y->respondent)
		return x->respondent < y->respondent ? -1 : 1;
	return (x->rowid > y->rowid) - (x->rowid < y->rowid);
}

/* Puts the rows in the keys' order (sorted here), in place: each cycle
 * of the permutation moved round once. */
static void order_rows(struct store_year_answer *rows, struct answer_key *k,
		       size_t n)
{
	if (n < 2) /* none read: k may be NULL, which qsort() must not get */
		return;
	qsort(k, n, sizeof(*k), by_key);
	for (size_t i = 0; i < n; i++) {
		struct store_year_answer tmp;
		size_t j = i;
		if (k[i].i == (size_t)-1 || k[i].i == i)
			continue;
		tmp = rows[i];
		while (k[j].i != i) {
			size_t from = k[j].i;
			rows[j] = rows[from];
			k[j].i = (size_t)-1;
			j = from;
		}
		rows[j] = tmp;
		k[j].i = (size_t)-1;
	}
}

/* What every row of the year's answers is read with. */
struct answer_reading {
	const struct id_index *byid; /* respondent_id -> index */
	struct valid_set valid;	     /* valid evidence IDs */
	struct cited cited;	     /* each answer's evidence IDs */
	bool texts;		     /* keep comments and evidence IDs */
};

/* One answer row of s into row; false when out of memory. */
static bool take_answer(sqlite3_stmt *s, struct store_year *out,
			const struct answer_reading *rd,
			struct store_year_answer *row)
{
	long long rid = sqlite3_column_int64(s, 0);
	const char *ids;
	int stt;

	row->a.respondent = index_of(rd->byid, out->nrespondents, rid);
	if (!(row->a.item_id = pool_col(&out->strings, s, 1)))
		return false;
	stt = answer_status_parse((const char *)sqlite3_column_text(s, 2));
	row->a.status = stt < 0 ? STATUS_UNANSWERED : (enum answer_status)stt;
	ids = cited_ids(&rd->cited, rid, row->a.item_id);
	count_evidence(ids, &rd->valid, &row->a.evidence,
		       &row->a.evidence_valid);
	row->line = sqlite3_column_int64(s, 4);
	row->comment = row->evidence_ids = NULL;
	if (!rd->texts)
		return true;
	row->comment = pool_col(&out->strings, s, 3);
	row->evidence_ids = *ids ? ids : strpool_add(&out->strings, "", 0);
	return row->comment && row->evidence_ids;
}

/* The year's answers, read in the order SQLite finds cheapest (an ORDER
 * BY of the rowid within each respondent made it sort them in a
 * temporary b-tree: a third of the reading) and put in order here. */
static bool load_year_answers(struct store *st, int year, const char *as_of,
			      bool texts, struct store_year *out,
			      const long long *ids)
{
	sqlite3_stmt *s = store_prepare(
		st, "SELECT a.respondent_id, a.item_id, a.status, a.comment, "
		    "a.source_line, a.rowid FROM answer a CROSS JOIN "
		    "respondent r ON r.respondent_id = a.respondent_id WHERE "
		    "r.year = ?1");
	struct answer_reading rd = {
		index_ids(ids, out->nrespondents), {NULL, 0}, {NULL, 0}, texts};
	struct answer_key *keys = NULL;
	size_t cap = 0, kcap = 0;
	bool ok = s != NULL && rd.byid &&
		  load_valid(st, year, as_of, &rd.valid) &&
		  load_cited(st, year, &out->strings, &rd.cited);

	if (s)
		sqlite3_bind_int(s, 1, year);
	while (ok && sqlite3_step(s) == SQLITE_ROW) {
		size_t n = out->nanswers;
		void *g = grow(out->answers, n, &cap, sizeof(*out->answers));
		void *gk = g ? grow(keys, n, &kcap, sizeof(*keys)) : NULL;
		if (g)
			out->answers = g;
		if (gk)
			keys = gk;
		if (!(ok = g && gk))
			break;
		keys[n] = (struct answer_key){sqlite3_column_int64(s, 0),
					      sqlite3_column_int64(s, 5), n};
		ok = take_answer(s, out, &rd, &out->answers[n]);
		out->nanswers += ok;
	}
	sqlite3_finalize(s);
	if (ok)
		order_rows(out->answers, keys, out->nanswers);
	valid_release(&rd.valid);
	free(rd.cited.v);
	free((void *)rd.byid);
	free(keys);
	return ok;
}

enum kansa_err store_load_year(struct store *st, int year, const char *as_of,
			       bool texts, struct store_year *out,
			       struct diags *d)
{
	long long *ids = NULL;
	bool ok;

	st->d = d;
	memset(out, 0, sizeof(*out));
	out->year = year;
	out->texts = texts;
	if ((out->policy_id = store_pinned_policy(st, year)) <= 0) {
		if (out->policy_id == 0)
			diags_add(d, DIAG_ERROR, st->path, 0,
				  "nothing imported for fiscal year %d yet "
				  "(kansa import --year %d FILE...)",
				  year, year);
		return out->policy_id == 0 ? KANSA_ERR_NOTFOUND : KANSA_ERR_DB;
	}
	ok = load_year_respondents(st, year, out, &ids) &&
	     load_year_answers(st, year, as_of, texts, out, ids);
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
		    "WHERE year = ?1) OR (kind = 'plans' AND year <= ?1) ORDER "
		    "BY kind, path, "
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
