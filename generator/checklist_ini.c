/* checklist_ini.c: reading and writing the checklist INI file. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checklist.h"
#include "ini.h"
#include "roles.h"
#include "text.h"

/* Sections of a checklist file that are not items. */
static const char *const reserved[] = {"kansa", "renumber", "mapping", "parts"};
/* Keys an item section may have. */
static const char *const item_keys[] = {
	"chapter",	 "section",	 "heading",
	"text",		 "roles",	 "level",
	"source_line",	 "weight",	 "evidence_examples",
	"method",	 "note",	 "correct_roles",
	"correct_level", "correct_text", "not_obligation",
	"added",
};
/* Audit methods a reviewer may name. */
static const char *const methods[] = {"閲覧", "ヒアリング", "視察", "設定確認"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char header[] =
	"; kansa checklist: derived by `kansa derive` from the policy text.\n"
	"; One section per item, in the order of the document.  Reviewers "
	"may set\n"
	"; weight, evidence_examples, method (閲覧 / ヒアリング / 視察 / "
	"設定確認)\n"
	"; and note on any item: `kansa derive` keeps them when it derives "
	"again.\n"
	"; Other edits and comments are replaced by the next derive.\n"
	"; [renumber] corrects a section number of the text: '7-6@1 = 7-5' "
	"cites\n"
	"; the first 7-6 as 7-5.  [mapping] maps an ID of the previous "
	"policy\n"
	"; version to its ID here when the text moved: '7-6(3) = 7-7(3)'.\n";

static void add_opt(struct sbuf *b, const char *key, const char *value)
{
	if (value)
		ini_format_value(b, key, value);
}

enum kansa_err checklist_format(const struct checklist *cl, char **out,
				size_t *len)
{
	struct sbuf b = {0};
	char num[32];

	sbuf_adds(&b, header);
	sbuf_adds(&b, "\n[kansa]\nkind = checklist\n");
	ini_format_value(&b, "policy", cl->policy ? cl->policy : "");
	ini_format_value(&b, "version", cl->version ? cl->version : "");
	ini_format_value(&b, "source", cl->source ? cl->source : "");
	ini_format_value(&b, "source_sha256",
			 cl->source_sha256 ? cl->source_sha256 : "");
	if (cl->style && *cl->style)
		ini_format_value(&b, "style", cl->style);
	sbuf_printf(&b, "items = %zu\n", cl->nitems);
	sbuf_adds(&b, "\n[renumber]\n");
	for (size_t i = 0; i < cl->nrenumber; i++)
		sbuf_printf(&b, "%s@%d = %s\n", cl->renumber[i].number,
			    cl->renumber[i].occurrence, cl->renumber[i].to);
	sbuf_adds(&b, "\n[mapping]\n");
	for (size_t i = 0; i < cl->nmapping; i++)
		sbuf_printf(&b, "%s = %s\n", cl->mapping[i].from,
			    cl->mapping[i].to);
	sbuf_adds(&b, "\n[parts]\n");
	for (size_t i = 0; i < cl->nparts; i++)
		ini_format_value(&b, cl->parts[i].id, cl->parts[i].title);
	for (size_t i = 0; i < cl->nitems; i++) {
		const struct item *it = &cl->items[i];
		sbuf_printf(&b, "\n[%s]\n", it->id);
		ini_format_value(&b, "chapter", it->chapter);
		ini_format_value(&b, "section", it->section);
		ini_format_value(&b, "heading", it->heading);
		ini_format_value(&b, "text", it->text);
		ini_format_value(&b, "roles", it->roles);
		ini_format_value(&b, "level", item_level_name(it->level));
		snprintf(num, sizeof(num), "%ld", it->source_line);
		ini_format_value(&b, "source_line", num);
		add_opt(&b, "weight", it->weight);
		add_opt(&b, "evidence_examples", it->evidence_examples);
		add_opt(&b, "method", it->method);
		add_opt(&b, "note", it->note);
		add_opt(&b, "correct_roles", it->correct_roles);
		add_opt(&b, "correct_level", it->correct_level);
		add_opt(&b, "correct_text", it->correct_text);
		add_opt(&b, "not_obligation", it->not_obligation);
		add_opt(&b, "added", it->added);
	}
	if (b.oom) {
		sbuf_release(&b);
		return KANSA_ERR_NOMEM;
	}
	*len = b.len;
	*out = sbuf_take(&b);
	return KANSA_OK;
}

/* --- reading --------------------------------------------------------- */

struct reader {
	const struct ini_file *f; /* the file */
	struct checklist *cl;	  /* being filled */
	struct diags *d;	  /* problems */
	bool oom;		  /* an allocation failed */
};

static char *get_dup(struct reader *r, const struct ini_section *s,
		     const char *key, bool required)
{
	char *v = ini_get_joined(r->f, s, key);
	if (!v && required)
		diags_add(r->d, DIAG_ERROR, r->f->path, s->line,
			  "item [%s] has no '%s' (expected chapter, section, "
			  "text, roles, level and source_line)",
			  s->name, key);
	if (v && !*v && !required) {
		free(v);
		v = NULL;
	}
	return v;
}

static bool is_reserved(const char *lower)
{
	for (size_t i = 0; i < COUNT(reserved); i++)
		if (strcmp(lower, reserved[i]) == 0)
			return true;
	return false;
}

static bool known_key(const char *lower)
{
	char base[64];
	const char *dot = strchr(lower, '.');
	size_t n = dot ? (size_t)(dot - lower) : strlen(lower);

	if (n >= sizeof(base))
		return false;
	memcpy(base, lower, n);
	base[n] = '\0';
	for (size_t i = 0; i < COUNT(item_keys); i++)
		if (strcmp(base, item_keys[i]) == 0)
			return true;
	return false;
}

static void check_reviewer_keys(struct reader *r, const struct ini_section *s,
				const struct item *it)
{
	if (it->weight) {
		char *end;
		double w = strtod(it->weight, &end);
		if (end == it->weight || *end || w < 0 || w > 100)
			diags_add(r->d, DIAG_ERROR, r->f->path,
				  ini_key(s, "weight")->line,
				  "weight '%s' of [%s] is not a number from 0 "
				  "to 100",
				  it->weight, s->name);
	}
	if (it->method) {
		bool ok = false;
		for (size_t i = 0; i < COUNT(methods); i++)
			ok = ok || strstr(it->method, methods[i]) != NULL;
		if (!ok)
			diags_add(r->d, DIAG_ERROR, r->f->path,
				  ini_key(s, "method")->line,
				  "unknown method '%s' in [%s] (expected 閲覧, "
				  "ヒアリング, 視察 or 設定確認)",
				  it->method, s->name);
	}
	for (size_t k = 0; k < s->nkeys; k++)
		if (!known_key(s->keys[k].lower))
			diags_add(r->d, DIAG_WARNING, r->f->path,
				  s->keys[k].line,
				  "unknown key '%s' in [%s] is ignored",
				  s->keys[k].name, s->name);
}

/* Each name of a correct_roles value must be a role of the table. */
static void check_roles(struct reader *r, const struct ini_section *s,
			const char *v)
{
	const struct role_table *t = roles_get(r->d);
	char *copy = strdup(v), *save = NULL;
	if (!copy) {
		r->oom = true;
		return;
	}
	for (char *n = t ? strtok_r(copy, ",", &save) : NULL; n;
	     n = strtok_r(NULL, ",", &save))
		if (roles_find(t, n) < 0) {
			struct sbuf names = {0};
			roles_list(t, &names);
			diags_add(r->d, DIAG_ERROR, r->f->path,
				  ini_key(s, "correct_roles")->line,
				  "unknown role '%s' in correct_roles of [%s] "
				  "(expected %s)",
				  n, s->name, names.s ? names.s : "");
			sbuf_release(&names);
		}
	free(copy);
}

static void read_item(struct reader *r, const struct ini_section *s)
{
	struct checklist *cl = r->cl;
	struct item *it, *v;
	char *level, *line, *end;

	if (cl->nitems == cl->citems) {
		size_t cap = cl->citems ? cl->citems * 2 : 128;
		if (!(v = realloc(cl->items, cap * sizeof(*v)))) {
			r->oom = true;
			return;
		}
		cl->items = v;
		cl->citems = cap;
	}
	v = cl->items;
	it = &v[cl->nitems++];
	memset(it, 0, sizeof(*it));
	it->id = strdup(s->name);
	it->added = get_dup(r, s, "added", false);
	it->chapter = get_dup(r, s, "chapter", !it->added);
	it->section = get_dup(r, s, "section", !it->added);
	it->correct_roles = get_dup(r, s, "correct_roles", false);
	it->correct_level = get_dup(r, s, "correct_level", false);
	it->correct_text = get_dup(r, s, "correct_text", false);
	it->not_obligation = get_dup(r, s, "not_obligation", false);
	if (it->added && !it->chapter)
		it->chapter = strdup("");
	if (it->added && !it->section)
		it->section = strdup("");
	it->heading = ini_get_joined(r->f, s, "heading");
	it->text = get_dup(r, s, "text", true);
	it->roles = get_dup(r, s, "roles", true);
	it->weight = get_dup(r, s, "weight", false);
	it->evidence_examples = get_dup(r, s, "evidence_examples", false);
	it->method = get_dup(r, s, "method", false);
	it->note = get_dup(r, s, "note", false);
	if (!it->heading)
		it->heading = strdup("");
	if ((level = get_dup(r, s, "level", true)) != NULL) {
		int l = item_level_parse(level);
		if (l < 0)
			diags_add(r->d, DIAG_ERROR, r->f->path,
				  ini_key(s, "level")->line,
				  "unknown level '%s' in [%s] (expected 必須 "
				  "or 推奨)",
				  level, s->name);
		it->level = l < 0 ? LEVEL_REQUIRED : (enum item_level)l;
		free(level);
	}
	if (it->correct_level && item_level_parse(it->correct_level) < 0)
		diags_add(r->d, DIAG_ERROR, r->f->path,
			  ini_key(s, "correct_level")->line,
			  "unknown correct_level '%s' in [%s] (expected 必須 "
			  "or 推奨)",
			  it->correct_level, s->name);
	if (it->correct_roles)
		check_roles(r, s, it->correct_roles);
	if (it->added && !ini_key(s, "source_line"))
		it->source_line = 1;
	else if ((line = get_dup(r, s, "source_line", true)) != NULL) {
		it->source_line = strtol(line, &end, 10);
		if (end == line || *end || it->source_line < 1)
			diags_add(r->d, DIAG_ERROR, r->f->path,
				  ini_key(s, "source_line")->line,
				  "source_line '%s' of [%s] is not a line "
				  "number",
				  line, s->name);
		free(line);
	}
	if (!it->id || !it->heading)
		r->oom = true;
	check_reviewer_keys(r, s, it);
}

/* "7-6@1 = 7-5" entries. */
static void read_renumber(struct reader *r, const struct ini_section *s)
{
	struct checklist *cl = r->cl;
	for (size_t k = 0; s && k < s->nkeys && !r->oom; k++) {
		const struct ini_key *key = &s->keys[k];
		const char *at = strchr(key->name, '@');
		const char *to = ini_get(r->f, s, key->name);
		char *end;
		long occ = at ? strtol(at + 1, &end, 10) : 0;
		struct renumber *v;

		if (!at || at == key->name || *end || occ < 1 || occ > 99 ||
		    !to || !*to) {
			diags_add(r->d, DIAG_ERROR, r->f->path, key->line,
				  "bad [renumber] entry '%s' (expected "
				  "'NUMBER@OCCURRENCE = NEW', e.g. "
				  "'7-6@1 = 7-5')",
				  key->name);
			continue;
		}
		v = realloc(cl->renumber, (cl->nrenumber + 1) * sizeof(*v));
		if (!v) {
			r->oom = true;
			return;
		}
		cl->renumber = v;
		v += cl->nrenumber++;
		v->number = strndup(key->name, (size_t)(at - key->name));
		v->occurrence = (int)occ;
		v->to = strdup(to);
		v->line = key->line;
		v->used = 0;
		if (!v->number || !v->to)
			r->oom = true;
	}
}

/* "OLD = NEW" entries. */
static void read_mapping(struct reader *r, const struct ini_section *s)
{
	struct checklist *cl = r->cl;
	for (size_t k = 0; s && k < s->nkeys && !r->oom; k++) {
		const char *to = ini_get(r->f, s, s->keys[k].name);
		struct mapping *v;
		if (!to || !*to) {
			diags_add(r->d, DIAG_ERROR, r->f->path, s->keys[k].line,
				  "[mapping] entry '%s' has no new ID "
				  "(expected 'OLD_ID = NEW_ID')",
				  s->keys[k].name);
			continue;
		}
		v = realloc(cl->mapping, (cl->nmapping + 1) * sizeof(*v));
		if (!v) {
			r->oom = true;
			return;
		}
		cl->mapping = v;
		v += cl->nmapping++;
		v->from = strdup(s->keys[k].name);
		v->to = strdup(to);
		if (!v->from || !v->to)
			r->oom = true;
	}
}

static void read_parts(struct reader *r, const struct ini_section *s)
{
	struct checklist *cl = r->cl;
	if (!s || !s->nkeys)
		return;
	if (!(cl->parts = calloc(s->nkeys, sizeof(*cl->parts)))) {
		r->oom = true;
		return;
	}
	for (size_t k = 0; k < s->nkeys; k++) {
		const char *t = ini_get(r->f, s, s->keys[k].name);
		cl->parts[k].id = strdup(s->keys[k].name);
		cl->parts[k].title = strdup(t ? t : "");
		cl->nparts++;
		if (!cl->parts[k].id || !cl->parts[k].title)
			r->oom = true;
	}
}

static char *meta(struct reader *r, const char *key)
{
	const char *v = ini_get(r->f, ini_section(r->f, "kansa"), key);
	char *s = strdup(v ? v : "");
	if (!s)
		r->oom = true;
	return s;
}

enum kansa_err checklist_from_ini(const struct ini_file *f,
				  struct checklist *cl, struct diags *d)
{
	size_t errors = d->errors;
	struct reader r = {f, cl, d, false};

	cl->policy = meta(&r, "policy");
	cl->version = meta(&r, "version");
	cl->source = meta(&r, "source");
	cl->source_sha256 = meta(&r, "source_sha256");
	cl->style = meta(&r, "style");
	read_renumber(&r, ini_section(f, "renumber"));
	read_mapping(&r, ini_section(f, "mapping"));
	read_parts(&r, ini_section(f, "parts"));
	for (size_t i = 0; i < f->nsections && !r.oom; i++)
		if (!is_reserved(f->sections[i].lower))
			read_item(&r, &f->sections[i]);
	if (r.oom)
		return KANSA_ERR_NOMEM;
	return d->errors > errors ? KANSA_ERR_INPUT : KANSA_OK;
}

enum kansa_err checklist_read(const char *path, struct checklist *cl,
			      struct diags *d)
{
	static const char *const kinds[] = {"checklist", NULL};
	struct ini_file *f = NULL;
	enum kansa_err err = ini_load(path, kinds, d, &f);

	if (err)
		return err;
	err = checklist_from_ini(f, cl, d);
	ini_free(f);
	return err;
}
