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

/* Adds name to the distinct names v (n of them) unless it is there;
 * where[] keeps the file of its first appearance. */
static bool add_name(struct cps *v, const char **where, size_t *n,
		     const char *name, const char *file)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp(v[i].name, name) == 0)
			return true;
	where[*n] = file;
	return cps_init(&v[(*n)++], name);
}

void names_warn_near(const struct answer_sheet *sheets, size_t n,
		     const struct store_respondent *stored, size_t nstored,
		     struct diags *d)
{
	/* the distinct departments, each made into code points once:
	 * thousands of sheets name far fewer departments */
	struct cps *v = calloc(n + nstored + 1, sizeof(*v));
	const char **where = calloc(n + nstored + 1, sizeof(*where));
	size_t nv = 0, nsheet;
	bool ok = v && where;

	for (size_t i = 0; ok && i < n; i++)
		if (sheets[i].department && *sheets[i].department)
			ok = add_name(v, where, &nv, sheets[i].department,
				      sheets[i].path);
	nsheet = nv;
	for (size_t i = 0; ok && i < nstored; i++)
		if (!stored[i].retired_at && *stored[i].department)
			ok = add_name(v, where, &nv, stored[i].department,
				      stored[i].file);
	for (size_t i = 0; ok && i < nsheet; i++)
		for (size_t j = 0; j < nv; j++)
			if ((j < i || j >= nsheet) && cps_near(&v[i], &v[j])) {
				diags_add(d, DIAG_WARNING, where[i], 1,
					  "department '%s' is nearly '%s' "
					  "(%s): if they are one, correct the "
					  "sheet, or the stored one with kansa "
					  "respondents rename",
					  v[i].name, v[j].name,
					  where[j] ? where[j] : "");
				break;
			}
	for (size_t i = 0; v && i < nv; i++) {
		free(v[i].all);
		free(v[i].bare);
	}
	free(v);
	free(where);
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
