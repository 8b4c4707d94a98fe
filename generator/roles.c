/* roles.c: the role table, from the workspace or built in. */
#include "roles.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fileio.h"
#include "ini.h"
#include "templates.h"
#include "workspace_dirs.h"

void roles_release(struct role_table *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i].name);
		free(t->v[i].slug);
		for (size_t k = 0; k < t->v[i].naliases; k++)
			free(t->v[i].aliases[k]);
		free(t->v[i].aliases);
	}
	free(t->v);
	free(t->from);
	memset(t, 0, sizeof(*t));
}

static bool slug_ok(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			return false;
	return true;
}

/* Reads "SLUG, ALIAS ..." into r; false on a bad slug. */
static bool read_role(struct role *r, const char *value)
{
	char *copy = strdup(value), *save = NULL, *t;
	bool ok = copy != NULL;

	for (t = copy ? strtok_r(copy, ",", &save) : NULL; t && ok;
	     t = strtok_r(NULL, ",", &save)) {
		char *e = t + strlen(t), **v;
		while (*t == ' ')
			t++;
		while (e > t && e[-1] == ' ')
			*--e = '\0';
		if (!r->slug) {
			ok = slug_ok(t) && (r->slug = strdup(t)) != NULL;
			continue;
		}
		if (!*t)
			continue;
		if (!(v = realloc(r->aliases,
				  (r->naliases + 1) * sizeof(*v)))) {
			ok = false;
			break;
		}
		r->aliases = v;
		if (!(v[r->naliases] = strdup(t)))
			ok = false;
		else
			r->naliases++;
	}
	free(copy);
	return ok && r->slug;
}

/* Checks a name or alias against those already in t. */
static bool name_taken(const struct role_table *t, const char *s)
{
	return roles_find(t, s) >= 0;
}

static enum kansa_err read_section(struct role_table *t,
				   const struct ini_file *f,
				   const struct ini_section *s, struct diags *d)
{
	const char *def = NULL;
	long defline = s->line;

	for (size_t k = 0; k < s->nkeys; k++) {
		const struct ini_key *key = &s->keys[k];
		const char *v = ini_get(f, s, key->name);
		struct role r = {0}, *nv;
		if (strcmp(key->lower, "default") == 0) {
			def = v;
			defline = key->line;
			continue;
		}
		if (t->n == ROLES_MAX || name_taken(t, key->name) ||
		    !read_role(&r, v ? v : "")) {
			if (t->n == ROLES_MAX)
				diags_add(d, DIAG_ERROR, f->path, key->line,
					  "more than %d roles", ROLES_MAX);
			else
				diags_add(d, DIAG_ERROR, f->path, key->line,
					  "bad role '%s' (expected 'NAME = "
					  "SLUG, ALIAS ...' with an ASCII slug "
					  "such as sys-admin, each name once)",
					  key->name);
			free(r.slug);
			for (size_t i = 0; i < r.naliases; i++)
				free(r.aliases[i]);
			free(r.aliases);
			continue;
		}
		if (!(nv = realloc(t->v, (t->n + 1) * sizeof(*nv))) ||
		    !(r.name = strdup(key->name))) {
			if (nv)
				t->v = nv;
			free(r.slug);
			return KANSA_ERR_NOMEM;
		}
		t->v = nv;
		t->v[t->n++] = r;
	}
	if (t->n == 0)
		diags_add(d, DIAG_ERROR, f->path, s->line,
			  "[roles] names no role (expected 'NAME = SLUG' "
			  "lines and 'default = NAME')");
	else if (!def || roles_find(t, def) < 0)
		diags_add(d, DIAG_ERROR, f->path, defline,
			  "[roles] default '%s' is none of its roles "
			  "(expected 'default = NAME' naming the role of "
			  "clauses without a subject)",
			  def ? def : "");
	else
		t->def = (size_t)roles_find(t, def);
	return KANSA_OK;
}

enum kansa_err roles_parse(struct role_table *t, const char *name,
			   const char *text, size_t len, struct diags *d)
{
	struct ini_file *f = NULL;
	const struct ini_section *s;
	size_t errors = d->errors;
	enum kansa_err err = ini_parse(name, text, len, NULL, d, &f);

	if (err)
		return err;
	if ((s = ini_section(f, "roles")))
		err = read_section(t, f, s, d);
	if (!err && !(t->from = strdup(name)))
		err = KANSA_ERR_NOMEM;
	ini_free(f);
	if (!err && d->errors > errors)
		err = KANSA_ERR_INPUT;
	return err;
}

/* True when the INI text has a [roles] section (a quick look). */
static bool has_roles(const char *text)
{
	for (const char *p = strstr(text, "[roles]"); p;
	     p = strstr(p + 1, "[roles]"))
		if (p == text || p[-1] == '\n')
			return true;
	return false;
}

/* The workspace's kansa.ini and templates/roles.ini (./ outside one). */
static void role_files(char *ini, char *roles, size_t size)
{
	const char *w = workspace_current_ini(), *t;
	t = workspace_current_templates();
	snprintf(ini, size, "%s", w ? w : "kansa.ini");
	snprintf(roles, size, "%s/roles.ini", t ? t : "templates");
}

static enum kansa_err load(struct role_table *t, struct diags *d)
{
	char *data = NULL, ini[PATH_MAX], roles[PATH_MAX + 16];
	size_t len;
	struct stat st;
	enum kansa_err err;

	role_files(ini, roles, sizeof(ini));
	if (stat(ini, &st) == 0 && S_ISREG(st.st_mode) &&
	    fileio_read(ini, 1024 * 1024, &data, &len, d) == KANSA_OK &&
	    has_roles(data)) {
		err = roles_parse(t, ini, data, len, d);
		free(data);
		return err;
	}
	free(data);
	data = NULL;
	if (stat(roles, &st) == 0 && S_ISREG(st.st_mode)) {
		if ((err = fileio_read(roles, 1024 * 1024, &data, &len, d)))
			return err == KANSA_ERR_IO ? KANSA_ERR_INPUT : err;
		err = roles_parse(t, roles, data, len, d);
		free(data);
		return err;
	}
	for (const struct template_file *f = templates_builtin; f->name; f++)
		if (strcmp(f->name, "roles.ini") == 0)
			return roles_parse(t, "compiled-in roles.ini", f->data,
					   f->len, d);
	return KANSA_ERR_NOTFOUND;
}

const struct role_table *roles_get(struct diags *d)
{
	static struct role_table table;
	static struct diags problems;
	static int state; /* 0 not loaded, 1 ok, 2 failed */

	if (state == 0) {
		diags_init(&problems);
		state = load(&table, &problems) == KANSA_OK ? 1 : 2;
		if (state == 2)
			roles_release(&table);
	}
	if (state == 2 && d)
		for (size_t i = 0; i < problems.n; i++)
			diags_add(d, problems.v[i].level, problems.v[i].file,
				  problems.v[i].line, "%s", problems.v[i].msg);
	return state == 1 ? &table : NULL;
}

/* s without spaces, after NFKC; caller frees. */
static char *squeezed(const char *s)
{
	char *n = text_nfkc(s, strlen(s)), *o;
	if (!n)
		return NULL;
	o = n;
	for (const char *p = n; *p; p++)
		if (*p != ' ')
			*o++ = *p;
	*o = '\0';
	return n;
}

int roles_find(const struct role_table *t, const char *s)
{
	char *n = squeezed(s);
	int r = -1;
	for (size_t i = 0; n && i < t->n && r < 0; i++) {
		if (strcmp(n, t->v[i].name) == 0)
			r = (int)i;
		for (size_t k = 0; k < t->v[i].naliases && r < 0; k++)
			if (strcmp(n, t->v[i].aliases[k]) == 0)
				r = (int)i;
	}
	free(n);
	return r;
}

void roles_list(const struct role_table *t, struct sbuf *b)
{
	for (size_t i = 0; i < t->n; i++)
		sbuf_printf(b, "%s%s",
			    i == 0	   ? ""
			    : i + 1 < t->n ? ", "
					   : " or ",
			    t->v[i].name);
}
