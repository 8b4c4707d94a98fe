/* names.c: normalising the names that identify a respondent, and
 * telling near-duplicates apart (issue 11). */
#include "names.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ini.h"
#include "text.h"
#include "workspace.h"

char *names_normalise(const char *s)
{
	char *n = text_nfkc(s, strlen(s)), *o, *p;
	bool space = false;

	if (!n)
		return NULL;
	for (o = p = n; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
			space = o > n;
			continue;
		}
		if (space)
			*o++ = ' ';
		space = false;
		*o++ = *p;
	}
	*o = '\0';
	return n;
}

/* The code points of s without spaces when nospace; count in *n. */
static uint32_t *code_points(const char *s, bool nospace, size_t *n)
{
	size_t len = strlen(s);
	uint32_t *v = malloc((len + 1) * sizeof(*v));
	int k;

	*n = 0;
	if (!v)
		return NULL;
	while (len && (k = text_u8_next(s, len, &v[*n])) > 0) {
		if (!(nospace && v[*n] == ' '))
			(*n)++;
		s += k;
		len -= (size_t)k;
	}
	return v;
}

static bool is_digit_cp(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* Whether a and b are one edit apart; a digit changed into another
 * digit does not count (第1課 and 第2課 are two). */
static bool one_edit(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t i = 0;
	if (na < nb)
		return one_edit(b, nb, a, na);
	if (na - nb > 1)
		return false;
	while (i < nb && a[i] == b[i])
		i++;
	if (na == nb)
		return i < na && !(is_digit_cp(a[i]) && is_digit_cp(b[i])) &&
		       memcmp(a + i + 1, b + i + 1,
			      (na - i - 1) * sizeof(*a)) == 0;
	return memcmp(a + i + 1, b + i, (nb - i) * sizeof(*a)) == 0;
}

/* A name as code points, with and without its spaces. */
struct cps {
	const char *name; /* the name, not owned */
	uint32_t *all;	  /* its code points */
	size_t nall;
	uint32_t *bare; /* without spaces */
	size_t nbare;
};

static bool cps_init(struct cps *c, const char *name)
{
	c->name = name;
	c->all = code_points(name, false, &c->nall);
	c->bare = code_points(name, true, &c->nbare);
	return c->all && c->bare;
}

static bool cps_near(const struct cps *x, const struct cps *y)
{
	if (strcmp(x->name, y->name) == 0)
		return false;
	/* one edit apart says little of names of two or three characters
	 * (議員, 議会) */
	if (x->nall >= 4 && y->nall >= 4 &&
	    one_edit(x->all, x->nall, y->all, y->nall))
		return true;
	return x->nbare == y->nbare &&
	       memcmp(x->bare, y->bare, x->nbare * sizeof(*x->bare)) == 0;
}

bool names_near(const char *a, const char *b)
{
	struct cps x = {0}, y = {0};
	bool near = a && b && *a && *b && cps_init(&x, a) && cps_init(&y, b) &&
		    cps_near(&x, &y);
	free(x.all);
	free(x.bare);
	free(y.all);
	free(y.bare);
	return near;
}

/* Replaces *field by its normalised form. */
static bool normalise_field(char **field)
{
	char *n;
	if (!*field)
		return true;
	if (!(n = names_normalise(*field)))
		return false;
	free(*field);
	*field = n;
	return true;
}

bool names_normalise_sheet(struct answer_sheet *sh)
{
	return normalise_field(&sh->department) &&
	       normalise_field(&sh->system) && normalise_field(&sh->respondent);
}

/* A name met in the sheets or the store, in the order met. */
struct met {
	const char *name; /* not owned */
	const char *file; /* where */
	size_t pos;	  /* order met */
};

static int cmp_met(const void *a, const void *b)
{
	const struct met *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	return c ? c : (x->pos > y->pos) - (x->pos < y->pos);
}

static int cmp_pos(const void *a, const void *b)
{
	const struct met *x = a, *y = b;
	return (x->pos > y->pos) - (x->pos < y->pos);
}

/* Keeps the first of each name of m (n of them), in the order met. */
static size_t distinct(struct met *m, size_t n)
{
	size_t k = 0;
	qsort(m, n, sizeof(*m), cmp_met);
	for (size_t i = 0; i < n; i++)
		if (!k || strcmp(m[k - 1].name, m[i].name) != 0)
			m[k++] = m[i];
	qsort(m, k, sizeof(*m), cmp_pos);
	return k;
}

/*
 * Near names are found through hashes, not by comparing every pair:
 * names one edit apart share a key "the name with one code point left
 * out" (a change at i: both without i; one added: the longer without it
 * is the shorter), and names equal without spaces share that form.
 * Each name is entered under those keys; candidates under a key are
 * confirmed with cps_near(), so a collision costs one comparison.
 */
struct entry {
	uint64_t hash; /* of a key */
	size_t name;   /* index of the name */
};

static uint64_t hash_cps(const uint32_t *v, size_t n, size_t skip, uint64_t tag)
{
	uint64_t h = 1469598103934665603ull ^ tag;
	for (size_t i = 0; i < n; i++)
		if (i != skip) {
			h ^= v[i];
			h *= 1099511628211ull;
		}
	return h;
}

/* The keys of name c (index i) into e (room for c->nall + 2). */
static size_t keys_of(const struct cps *c, size_t i, struct entry *e)
{
	size_t n = 0;
	e[n++] = (struct entry){hash_cps(c->bare, c->nbare, SIZE_MAX, 0), i};
	if (c->nall < 4) /* one edit apart says little of short names */
		return n;
	e[n++] = (struct entry){hash_cps(c->all, c->nall, SIZE_MAX, 1), i};
	for (size_t k = 0; k < c->nall; k++)
		e[n++] = (struct entry){hash_cps(c->all, c->nall, k, 1), i};
	return n;
}

static int cmp_entry(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	return (x->name > y->name) - (x->name < y->name);
}

/* The first entry of v (n) with hash h, or n. */
static size_t first_with(const struct entry *v, size_t n, uint64_t h)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].hash < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The first name (by index) near name i among 0..i-1 and nsheet..nv-1,
 * or nv. */
static size_t first_near(const struct cps *v, size_t nv, size_t nsheet,
			 size_t i, const struct entry *e, size_t ne,
			 struct entry *mine)
{
	size_t best = nv, nk = keys_of(&v[i], i, mine);
	for (size_t k = 0; k < nk; k++)
		for (size_t p = first_with(e, ne, mine[k].hash);
		     p < ne && e[p].hash == mine[k].hash; p++) {
			size_t j = e[p].name;
			if (j < best && j != i && (j < i || j >= nsheet) &&
			    cps_near(&v[i], &v[j]))
				best = j;
		}
	return best;
}

static void warn_near(const struct cps *v, const struct met *m, size_t nv,
		      size_t nsheet, struct diags *d, bool *ok)
{
	size_t ne = 0, most = 0;
	struct entry *e, *mine;

	for (size_t i = 0; i < nv; i++) {
		ne += v[i].nall + 2;
		most = v[i].nall + 2 > most ? v[i].nall + 2 : most;
	}
	e = malloc((ne + 1) * sizeof(*e));
	mine = malloc((most + 1) * sizeof(*mine));
	if (!(*ok = e && mine))
		goto out;
	ne = 0;
	for (size_t i = 0; i < nv; i++)
		ne += keys_of(&v[i], i, e + ne);
	qsort(e, ne, sizeof(*e), cmp_entry);
	for (size_t i = 0; i < nsheet; i++) {
		size_t j = first_near(v, nv, nsheet, i, e, ne, mine);
		if (j < nv)
			diags_add(d, DIAG_WARNING, m[i].file, 1,
				  "department '%s' is nearly '%s' (%s): if "
				  "they are one, correct the sheet, or the "
				  "stored one with kansa respondents rename",
				  v[i].name, v[j].name,
				  m[j].file ? m[j].file : "");
	}
out:
	free(e);
	free(mine);
}

void names_warn_near(const struct answer_sheet *sheets, size_t n,
		     const struct store_respondent *stored, size_t nstored,
		     struct diags *d)
{
	/* the distinct departments, each made into code points once:
	 * thousands of sheets name far fewer departments */
	struct met *m = calloc(n + nstored + 1, sizeof(*m));
	struct cps *v = NULL;
	size_t nm = 0, nv = 0, nsheet = 0, nfromsheets;
	bool ok = m != NULL;

	for (size_t i = 0; ok && i < n; i++)
		if (sheets[i].department && *sheets[i].department) {
			m[nm] = (struct met){sheets[i].department,
					     sheets[i].path, nm};
			nm++;
		}
	nfromsheets = nm;
	for (size_t i = 0; ok && i < nstored; i++)
		if (!stored[i].retired_at && *stored[i].department) {
			m[nm] = (struct met){stored[i].department,
					     stored[i].file, nm};
			nm++;
		}
	if (ok) {
		nv = distinct(m, nm);
		v = calloc(nv + 1, sizeof(*v));
		ok = v != NULL;
	}
	for (size_t i = 0; ok && i < nv; i++) {
		ok = cps_init(&v[i], m[i].name);
		nsheet += m[i].pos < nfromsheets;
	}
	if (ok)
		warn_near(v, m, nv, nsheet, d, &ok);
	for (size_t i = 0; v && i < nv; i++) {
		free(v[i].all);
		free(v[i].bare);
	}
	free(v);
	free(m);
}

/* Splits one value of the list at ',' and '、' into *v, *n (each name
 * normalised, empty ones skipped). */
static bool split_names(const char *value, char ***v, size_t *n)
{
	char *all = strdup(value), *p;

	for (p = all; p && *p;) {
		char *comma = strchr(p, ','), *ten = strstr(p, "、"), *end;
		char *name, **grown;
		end = comma && (!ten || comma < ten) ? comma : ten;
		if (end)
			*end = '\0';
		name = names_normalise(p);
		p = end ? end + (end == comma ? 1 : strlen("、")) : NULL;
		if (name && !*name) {
			free(name);
			continue;
		}
		if (!name || !(grown = text_grow(*v, *n + 1, sizeof(**v)))) {
			free(name);
			free(all);
			return false;
		}
		*v = grown;
		(*v)[(*n)++] = name;
	}
	free(all);
	return all != NULL;
}

/* The departments of kansa.ini's [departments] names = (and names.2,
 * names.3 ... for a long list) into *v, *n; *line: where the list is. */
static enum kansa_err listed_departments(const struct ini_file *f, char ***v,
					 size_t *n, long *line, struct diags *d)
{
	static const char *const keys[] = {"names"};
	const struct ini_section *s = ini_section(f, "departments");

	*v = NULL;
	*n = 0;
	if (!s)
		return KANSA_OK;
	ini_warn_unknown_keys(f, s, keys, 1, d);
	*line = ini_key_line(s, "names");
	for (size_t i = 0; i < s->nkeys; i++) {
		const struct ini_key *k = &s->keys[i];
		if ((strcmp(k->lower, "names") == 0 ||
		     strncmp(k->lower, "names.", 6) == 0) &&
		    !split_names(k->value, v, n))
			return KANSA_ERR_NOMEM;
	}
	return KANSA_OK;
}

/* Characters of a UTF-8 string. */
static size_t chars_of(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* The listed name nearest to name: the least edit distance of the
 * normalised names relative to the longer one (so that 議事調査課 is
 * nearer 議会事務局議事調査課 than 議会), or NULL when the list is empty. */
static const char *nearest_listed(const char *name, char *const *v, size_t n)
{
	const char *best = NULL;
	double bd = 2.0;
	size_t len = chars_of(name);
	for (size_t i = 0; i < n; i++) {
		size_t l = chars_of(v[i]), longer = l > len ? l : len;
		double dd = longer ? (double)text_distance(name, v[i]) /
					     (double)longer
				   : 0.0;
		if (dd < bd) {
			bd = dd;
			best = v[i];
		}
	}
	return best;
}

enum kansa_err names_check_departments(const struct answer_sheet *sheets,
				       size_t n, struct diags *d)
{
	char *dir = workspace_find(), *ini = NULL, **v = NULL;
	struct ini_file *f = NULL;
	static const char *const kinds[] = {"workspace", NULL};
	size_t nv = 0;
	long line = 0;
	enum kansa_err err = KANSA_OK;

	if (!dir)
		return KANSA_OK; /* no workspace, no list */
	if (!(ini = workspace_path(dir, "kansa.ini")))
		err = KANSA_ERR_NOMEM;
	else if (!(err = ini_load(ini, kinds, d, &f)))
		err = listed_departments(f, &v, &nv, &line, d);
	for (size_t i = 0; !err && nv && i < n; i++) {
		bool found = false;
		if (!sheets[i].department || !*sheets[i].department)
			continue;
		for (size_t j = 0; !found && j < nv; j++)
			found = strcmp(sheets[i].department, v[j]) == 0;
		if (!found)
			diags_add(d, DIAG_ERROR, sheets[i].path,
				  sheets[i].department_line,
				  "department '%s' is not in the list of "
				  "%s:%ld ([departments]); nearest listed: "
				  "'%s' (correct the sheet, or add the "
				  "department to the list)",
				  sheets[i].department, ini, line,
				  nearest_listed(sheets[i].department, v, nv));
	}
	for (size_t j = 0; j < nv; j++)
		free(v[j]);
	free(v);
	ini_free(f);
	free(ini);
	free(dir);
	return err;
}
