/* import.c: the rules of one `kansa import`: read every file, check the
 * files against each other and the records, store all or nothing. */
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ini.h"
#include "names.h"
#include "text.h"
#include "xlsx_import.h"

enum kansa_err import_batch_init(struct import_batch *b, size_t nfiles)
{
	memset(b, 0, sizeof(*b));
	checklist_init(&b->cl);
	b->sheets = calloc(nfiles + 1, sizeof(*b->sheets));
	b->registers = calloc(nfiles + 1, sizeof(*b->registers));
	b->audits = calloc(nfiles + 1, sizeof(*b->audits));
	b->plan_files = calloc(nfiles + 1, sizeof(*b->plan_files));
	b->books = calloc(nfiles + 1, sizeof(*b->books));
	return b->sheets && b->registers && b->audits && b->plan_files &&
			       b->books
		       ? KANSA_OK
		       : KANSA_ERR_NOMEM;
}

void import_batch_release(struct import_batch *b)
{
	for (size_t i = 0; i < b->nsheets; i++)
		answers_release(&b->sheets[i]);
	for (size_t i = 0; i < b->nregisters; i++)
		evidence_release(&b->registers[i]);
	for (size_t i = 0; i < b->naudits; i++)
		audit_release(&b->audits[i]);
	for (size_t i = 0; i < b->nplan_files; i++)
		plan_file_release(&b->plan_files[i]);
	for (size_t i = 0; i < b->nstored; i++)
		plan_release(&b->stored_plans[i]);
	free(b->audits);
	free(b->plan_files);
	free(b->stored_plans);
	evidence_release(&b->stored);
	free(b->sheets);
	free(b->registers);
	for (size_t i = 0; i < b->nbooks; i++) {
		free(b->books[i].path);
		xlsx_import_release(&b->books[i].cells);
	}
	free(b->books);
	checklist_release(&b->cl);
	memset(b, 0, sizeof(*b));
}

/* Keeps a workbook's cells (xi, emptied) for the checks across files
 * (import_check); false when out of memory.  Anything else: nothing. */
static bool keep_book(struct import_batch *b, const char *path,
		      struct xlsx_import *xi)
{
	struct import_book *k = &b->books[b->nbooks];
	if (!xi->where) {
		xlsx_import_release(xi);
		return true;
	}
	if (!(k->path = strdup(path))) {
		xlsx_import_release(xi);
		return false;
	}
	k->cells = *xi;
	memset(xi, 0, sizeof(*xi));
	b->nbooks++;
	return true;
}

/* Reads one file of any kind into the batch. */
static enum kansa_err read_file(const char *path,
				const struct import_request *rq,
				const char *base, struct import_batch *b,
				struct diags *d)
{
	static const char *const kinds[] = {"answers", "evidence", "audit",
					    "plans", NULL};
	const struct checklist *cl = &b->cl;
	struct ini_file *f = NULL;
	struct xlsx_import xi = {0};
	size_t first = d->n;
	bool book = xlsx_import_is_xlsx(path);
	enum kansa_err err;

	/* a workbook kansa wrote comes back as the INI file it stands for */
	if (book) {
		err = xlsx_import_read(path, cl, rq->year, d, &xi);
		f = xi.ini;
		xi.ini = NULL;
	} else {
		err = ini_load_bulk(path, kinds, d, &f);
	}
	if (err) {
		xlsx_import_release(&xi);
		return err;
	}
	if (strcmp(f->kind, "evidence") == 0) {
		struct evidence_register *reg = &b->registers[b->nregisters++];
		err = evidence_read(f, cl, rq->year, d, reg);
		if (err != KANSA_ERR_NOMEM) {
			enum kansa_err e2 =
				evidence_hash(reg, base, rq->allow_missing, d);
			if (!err || e2 == KANSA_ERR_NOMEM)
				err = e2;
		}
	} else if (strcmp(f->kind, "audit") == 0) {
		err = audit_read(f, cl, rq->year, d, &b->audits[b->naudits++]);
		/* a workpaper carries only part of the audit (import_audit.c)
		 */
		b->audits[b->naudits - 1].workpaper = book;
	} else if (strcmp(f->kind, "plans") == 0) {
		err = plans_read(f, cl, d, &b->plan_files[b->nplan_files++]);
	} else {
		err = answers_read(f, cl, rq->year, d,
				   &b->sheets[b->nsheets++]);
		/* the names that identify a respondent, normalised here once */
		if (err != KANSA_ERR_NOMEM &&
		    !names_normalise_sheet(&b->sheets[b->nsheets - 1]))
			err = KANSA_ERR_NOMEM;
	}
	ini_free(f);
	xlsx_import_relocate(&xi, path, d, first);
	return keep_book(b, path, &xi) ? err : KANSA_ERR_NOMEM;
}

/* --- indexes by sorting ---------------------------------------------- */

/* A key and the position of what it belongs to. */
struct keyed {
	const char *key; /* not owned */
	size_t i;	 /* position in the caller's order */
};

static int cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->i > y->i) - (x->i < y->i);
}

/*
 * Sorts the n keys (NULL ones left out) by key, then position: *out has
 * *nout entries, rank[i] the place of key i in it (or n when NULL).
 * false when out of memory.
 */
static bool sort_keys(const char *const *keys, size_t n, struct keyed **out,
		      size_t *nout, size_t **rank)
{
	struct keyed *v = malloc((n + 1) * sizeof(*v));
	size_t *r = malloc((n + 1) * sizeof(*r)), m = 0;

	if (!v || !r) {
		free(v);
		free(r);
		return false;
	}
	for (size_t i = 0; i < n; i++)
		if (keys[i])
			v[m++] = (struct keyed){keys[i], i};
	qsort(v, m, sizeof(*v), cmp_keyed);
	for (size_t i = 0; i < n; i++)
		r[i] = n;
	for (size_t p = 0; p < m; p++)
		r[v[p].i] = p;
	*out = v;
	*nout = m;
	*rank = r;
	return true;
}

/* The earlier positions with key i's key, from the first: [*from, p) of
 * v, where p is rank[i]. */
static size_t run_start(const struct keyed *v, size_t p)
{
	size_t s = p;
	while (s > 0 && strcmp(v[s - 1].key, v[p].key) == 0)
		s--;
	return s;
}

/* --- evidence cited --------------------------------------------------- */

/* The evidence records of this import (registers in order) and of the
 * store, sorted by ID then that order: the first of an ID is the one
 * a citation means. */
struct evidence_index {
	const struct evidence_record **rec; /* by position */
	struct keyed *v;		    /* sorted */
	size_t n;			    /* entries in v */
	size_t *rank;			    /* by position: place in v */
};

static bool index_evidence(const struct import_batch *b,
			   struct evidence_index *x)
{
	size_t n = b->stored.n, k = 0;
	const char **keys;
	bool ok;

	for (size_t r = 0; r < b->nregisters; r++)
		n += b->registers[r].n;
	x->rec = malloc((n + 1) * sizeof(*x->rec));
	keys = malloc((n + 1) * sizeof(*keys));
	if (!x->rec || !keys) {
		free(keys);
		return false;
	}
	for (size_t r = 0; r < b->nregisters; r++)
		for (size_t i = 0; i < b->registers[r].n; i++)
			x->rec[k++] = &b->registers[r].records[i];
	for (size_t i = 0; i < b->stored.n; i++)
		x->rec[k++] = &b->stored.records[i];
	for (size_t i = 0; i < n; i++)
		keys[i] = x->rec[i]->id;
	ok = sort_keys(keys, n, &x->v, &x->n, &x->rank);
	free(keys);
	return ok;
}

static void evidence_index_release(struct evidence_index *x)
{
	free(x->rec);
	free(x->v);
	free(x->rank);
}

/* The evidence record with this ID, from this import or the store. */
static const struct evidence_record *
find_evidence(const struct evidence_index *x, const char *id)
{
	size_t lo = 0, hi = x->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(x->v[mid].key, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < x->n && strcmp(x->v[lo].key, id) == 0 ? x->rec[x->v[lo].i]
							  : NULL;
}

static void check_citation(const struct answer_sheet *sh,
			   const struct answer *a, const char *id,
			   const struct evidence_record *e, struct diags *d)
{
	if (!e)
		diags_add(d, DIAG_ERROR, sh->path, a->evidence_line,
			  "unknown evidence ID '%s' cited by [%s] (not in any "
			  "imported evidence register of %d)",
			  id, a->item_id, sh->fiscal_year);
	else if (*e->clauses && !evidence_lists_item(e->clauses, a->item_id))
		diags_add(d, DIAG_WARNING, sh->path, a->evidence_line,
			  "evidence '%s' cited by [%s] does not list it in its "
			  "clauses (%s)",
			  e->id, a->item_id, e->clauses);
}

/* Skips the separators of a list of IDs (, 、 ， ; and white space). */
static const char *skip_id_separators(const char *p)
{
	for (;;) {
		if (strncmp(p, "、", 3) == 0 || strncmp(p, "，", 3) == 0)
			p += 3;
		else if (*p && strchr(", ;\t", *p))
			p++;
		else
			return p;
	}
}

/* The evidence an audit section says it examined (確認した証跡) and that
 * is in no register is named, as an answer's would be; a warning, as
 * the field may also hold a note. */
static void check_audit_evidence(const struct import_batch *b,
				 const struct evidence_index *x,
				 struct diags *d)
{
	for (size_t a = 0; a < b->naudits; a++)
		for (size_t i = 0; i < b->audits[a].n; i++) {
			const struct audit_judgement *j =
				&b->audits[a].items[i];
			const char *p = j->examined ? j->examined : "";
			while (*(p = skip_id_separators(p))) {
				const char *end = p;
				char id[128];
				while (*end && end == skip_id_separators(end))
					end++;
				snprintf(id, sizeof(id), "%.*s", (int)(end - p),
					 p);
				if (!find_evidence(x, id))
					diags_add(d, DIAG_WARNING,
						  b->audits[a].path, j->line,
						  "evidence '%s' examined for "
						  "[%s] is in no evidence "
						  "register of %d",
						  id, j->item_id,
						  b->audits[a].fiscal_year);
				p = end;
			}
		}
}

static bool check_evidence_links(const struct import_batch *b, struct diags *d)
{
	struct evidence_index x = {0};
	bool ok = index_evidence(b, &x);

	for (size_t s = 0; ok && s < b->nsheets; s++) {
		const struct answer_sheet *sh = &b->sheets[s];
		for (size_t i = 0; i < sh->nanswers; i++) {
			const struct answer *a = &sh->answers[i];
			for (size_t k = 0; k < a->nevidence; k++)
				check_citation(
					sh, a, a->evidence[k],
					find_evidence(&x, a->evidence[k]), d);
		}
	}
	if (ok)
		check_audit_evidence(b, &x, d);
	evidence_index_release(&x);
	return ok;
}

/* --- the same respondent or evidence ID twice ------------------------- */

/* A sheet's respondent as one key (lengths keep the parts apart), or
 * NULL without a department or role; caller frees. */
static char *respondent_key(const struct answer_sheet *sh, bool *oom)
{
	struct sbuf k = {0};
	if (!sh->department || !sh->role)
		return NULL;
	sbuf_printf(&k, "%zu:%s%zu:%s%s", strlen(sh->department),
		    sh->department, strlen(sh->role), sh->role,
		    sh->system ? sh->system : "");
	*oom = *oom || k.oom || !k.s;
	return k.s;
}

static bool check_same_respondent(const struct import_batch *b, struct diags *d)
{
	char **keys = calloc(b->nsheets + 1, sizeof(*keys));
	struct keyed *v = NULL;
	size_t nv, *rank = NULL;
	bool oom = !keys;

	for (size_t i = 0; !oom && i < b->nsheets; i++)
		keys[i] = respondent_key(&b->sheets[i], &oom);
	if (!oom &&
	    !sort_keys((const char *const *)keys, b->nsheets, &v, &nv, &rank))
		oom = true;
	for (size_t i = 0; !oom && i < b->nsheets; i++) {
		const struct answer_sheet *x = &b->sheets[i];
		if (rank[i] == b->nsheets)
			continue;
		for (size_t q = run_start(v, rank[i]); q < rank[i]; q++)
			diags_add(d, DIAG_ERROR, x->path, 1,
				  "the same respondent (%s / %s%s%s) as %s: "
				  "import one sheet per respondent",
				  x->department, x->role,
				  *x->system ? " / " : "", x->system,
				  b->sheets[v[q].i].path);
	}
	for (size_t i = 0; keys && i < b->nsheets; i++)
		free(keys[i]);
	free(keys);
	free(v);
	free(rank);
	return !oom;
}

static bool check_same_evidence(const struct import_batch *b, struct diags *d)
{
	size_t n = 0, k = 0, nv, *rank = NULL;
	const struct evidence_record **rec;
	const char **keys, **path;
	struct keyed *v = NULL;
	bool ok;

	for (size_t r = 0; r < b->nregisters; r++)
		n += b->registers[r].n;
	rec = malloc((n + 1) * sizeof(*rec));
	keys = malloc((n + 1) * sizeof(*keys));
	path = malloc((n + 1) * sizeof(*path));
	ok = rec && keys && path;
	for (size_t r = 0; ok && r < b->nregisters; r++)
		for (size_t i = 0; i < b->registers[r].n; i++, k++) {
			rec[k] = &b->registers[r].records[i];
			keys[k] = rec[k]->id;
			path[k] = b->registers[r].path;
		}
	ok = ok && sort_keys(keys, n, &v, &nv, &rank);
	for (size_t i = 0; ok && i < n; i++)
		for (size_t q = run_start(v, rank[i]); q < rank[i]; q++)
			diags_add(d, DIAG_ERROR, path[i], rec[i]->line,
				  "evidence ID '%s' is also in %s (line %ld)",
				  rec[i]->id, path[v[q].i], rec[v[q].i]->line);
	free(rec);
	free(keys);
	free(path);
	free(v);
	free(rank);
	return ok;
}

/* --- plans ------------------------------------------------------------ */

/* The version of plan id that a change is checked against: the latest
 * one earlier in this import, else the stored one.  (Plans files are a
 * handful a year with dozens of plans: not indexed.) */
static const struct plan *previous_plan(const struct import_batch *b,
					const struct plan_file *upto,
					size_t upto_plan, const char *id,
					const size_t *order, size_t pos)
{
	const struct plan *found = NULL;
	for (size_t k = 0; k <= pos; k++) {
		const struct plan_file *f = &b->plan_files[order[k]];
		size_t n = f == upto ? upto_plan : f->n;
		for (size_t i = 0; i < n; i++)
			if (strcmp(f->plans[i].id, id) == 0)
				found = &f->plans[i];
	}
	for (size_t i = 0; !found && i < b->nstored; i++)
		if (strcmp(b->stored_plans[i].id, id) == 0)
			found = &b->stored_plans[i];
	return found;
}

/* Checks each plan change against the version before it, the files taken
 * in the order of their as_of dates. */
static bool check_plans(struct import_batch *b, struct diags *d)
{
	size_t *order = calloc(b->nplan_files + 1, sizeof(*order));
	if (!order)
		return false;
	for (size_t i = 0; i < b->nplan_files; i++) {
		size_t k = i;
		for (; k > 0 && strcmp(b->plan_files[order[k - 1]].as_of,
				       b->plan_files[i].as_of) > 0;
		     k--)
			order[k] = order[k - 1];
		order[k] = i;
	}
	for (size_t pos = 0; pos < b->nplan_files; pos++) {
		struct plan_file *f = &b->plan_files[order[pos]];
		const char *role = answers_role_name(f->role);
		bool chief =
			role &&
			strcmp(role, "情報セキュリティ監査統括責任者") == 0;
		for (size_t i = 0; i < f->n; i++) {
			const struct plan *old = previous_plan(
				b, f, i, f->plans[i].id, order, pos);
			f->plans[i].unchanged = plans_check_change(
				old, &f->plans[i], chief, f->path, d);
		}
	}
	free(order);
	return true;
}

/* --- the import ------------------------------------------------------- */

static enum kansa_err check_across(struct import_batch *b, int year,
				   const struct store_respondent *stored,
				   size_t nstored, struct diags *d)
{
	enum kansa_err err;

	if (!check_same_respondent(b, d) || !check_same_evidence(b, d))
		return KANSA_ERR_NOMEM;
	/* near-duplicate departments; kansa.ini's list of departments, when
	 * it has one (issue 11) */
	names_warn_near(b->sheets, b->nsheets, stored, nstored, d);
	if ((err = names_check_departments(b->sheets, b->nsheets, d)))
		return err;
	if (!check_evidence_links(b, d))
		return KANSA_ERR_NOMEM;
	if (b->naudits > 1)
		diags_add(d, DIAG_ERROR, b->audits[1].path, 1,
			  "a second audit file for %d (the first is %s): "
			  "import one",
			  year, b->audits[0].path);
	return check_plans(b, d) ? KANSA_OK : KANSA_ERR_NOMEM;
}

enum kansa_err import_check(struct import_batch *b, int year,
			    const struct store_respondent *stored,
			    size_t nstored, struct diags *d)
{
	size_t first = d->n;
	enum kansa_err err = check_across(b, year, stored, nstored, d);
	/* a workbook's problems name the cell (FILE:SHEET!CELL) */
	for (size_t i = 0; i < b->nbooks; i++)
		xlsx_import_relocate(&b->books[i].cells, b->books[i].path, d,
				     first);
	return err;
}

void import_results_release(struct store_import *im)
{
	free(im->sheet_result);
	free(im->register_result);
	free(im->audit_result);
	free(im->plan_result);
	im->sheet_result = NULL;
	im->register_result = NULL;
	im->audit_result = NULL;
	im->plan_result = NULL;
}

/* The year's checklist and what the files are checked against. */
static enum kansa_err load_records(struct store *st,
				   const struct import_request *rq,
				   struct import_batch *b,
				   struct store_import *im, struct diags *d)
{
	enum kansa_err err;
	if ((err = store_quick_check(st, d)) ||
	    (err = store_year_checklist(st, rq->year, rq->spec, &b->cl,
					&im->policy_id, d)) ||
	    (err = store_load_evidence(st, rq->year, &b->stored, d)))
		return err;
	return store_load_plans(st, &b->stored_plans, &b->nstored, d);
}

/* The file read last (the one kind whose count grew from before) named
 * name from now on: its evidence files were found from the path given.
 * false when out of memory. */
static bool record_as(struct import_batch *b, const size_t before[4],
		      const char *name)
{
	char **path =
		b->nsheets > before[0]	     ? &b->sheets[before[0]].path
		: b->nregisters > before[1]  ? &b->registers[before[1]].path
		: b->naudits > before[2]     ? &b->audits[before[2]].path
		: b->nplan_files > before[3] ? &b->plan_files[before[3]].path
					     : NULL;
	char *copy;

	if (!path || !*path || strcmp(*path, name) == 0)
		return true;
	if (!(copy = strdup(name)))
		return false;
	free(*path);
	*path = copy;
	return true;
}

/* Reads every file, collecting every problem of every file, then checks
 * them together. */
static enum kansa_err read_and_check(struct store *st,
				     const struct import_request *rq,
				     struct import_batch *b, struct diags *d)
{
	struct store_respondent *v = NULL;
	size_t n = 0;
	enum kansa_err err;

	for (size_t i = 0; i < rq->nfiles; i++) {
		size_t before[4] = {b->nsheets, b->nregisters, b->naudits,
				    b->nplan_files};
		if (read_file(rq->files[i], rq, store_dir(st), b, d) ==
			    KANSA_ERR_NOMEM ||
		    (rq->names && !record_as(b, before, rq->names[i])))
			return KANSA_ERR_NOMEM;
	}
	if (!(err = store_list_respondents(st, rq->year, &v, &n, d)))
		err = import_check(b, rq->year, v, n, d);
	store_respondents_release(v, n);
	return err;
}

enum kansa_err import_files(struct store *st, const struct import_request *rq,
			    struct import_batch *b, struct store_import *im,
			    struct diags *d)
{
	size_t n = rq->nfiles + 1;
	enum kansa_err err;

	memset(im, 0, sizeof(*im));
	im->sheet_result = calloc(n, sizeof(*im->sheet_result));
	im->register_result = calloc(n, sizeof(*im->register_result));
	im->audit_result = calloc(n, sizeof(*im->audit_result));
	im->plan_result = calloc(n, sizeof(*im->plan_result));
	if (!im->sheet_result || !im->register_result || !im->audit_result ||
	    !im->plan_result || import_batch_init(b, rq->nfiles))
		return KANSA_ERR_NOMEM;
	if ((err = load_records(st, rq, b, im, d)) ||
	    (err = read_and_check(st, rq, b, d)))
		return err;
	if (d->errors)
		return KANSA_ERR_INPUT;
	if ((err = import_audit_keep(st, rq->year, b, d)))
		return err;
	b->passed = true;
	im->year = rq->year;
	im->sheets = b->sheets;
	im->nsheets = b->nsheets;
	im->registers = b->registers;
	im->nregisters = b->nregisters;
	im->audits = b->audits;
	im->naudits = b->naudits;
	im->plan_files = b->plan_files;
	im->nplan_files = b->nplan_files;
	im->complete = rq->complete;
	return store_import(st, im, d);
}
