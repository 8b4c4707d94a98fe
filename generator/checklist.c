/* checklist.c: clause tree -> checklist items (obligations, roles, levels). */
#include "checklist.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checklist_internal.h"
#include "roles.h"
#include "text.h"

/* Titles of clauses that define rather than oblige. */
static const char *const definitional_titles[] = {"目的", "趣旨", "定義",
						  "用語の定義"};

const char *item_level_name(enum item_level level)
{
	return level == LEVEL_RECOMMENDED ? "推奨" : "必須";
}

int item_level_parse(const char *s)
{
	if (strcmp(s, "必須") == 0)
		return LEVEL_REQUIRED;
	if (strcmp(s, "推奨") == 0)
		return LEVEL_RECOMMENDED;
	return -1;
}

void checklist_init(struct checklist *cl)
{
	memset(cl, 0, sizeof(*cl));
}

void item_release(struct item *it)
{
	free(it->id);
	free(it->chapter);
	free(it->section);
	free(it->heading);
	free(it->text);
	free(it->roles);
	free(it->weight);
	free(it->evidence_examples);
	free(it->method);
	free(it->note);
	free(it->correct_roles);
	free(it->correct_level);
	free(it->correct_text);
	free(it->not_obligation);
	free(it->added);
}

void checklist_release(struct checklist *cl)
{
	for (size_t i = 0; i < cl->nitems; i++)
		item_release(&cl->items[i]);
	for (size_t i = 0; i < cl->nparts; i++) {
		free(cl->parts[i].id);
		free(cl->parts[i].title);
	}
	for (size_t i = 0; i < cl->nrenumber; i++) {
		free(cl->renumber[i].number);
		free(cl->renumber[i].to);
	}
	for (size_t i = 0; i < cl->nmapping; i++) {
		free(cl->mapping[i].from);
		free(cl->mapping[i].to);
	}
	free(cl->items);
	free(cl->index);
	free(cl->parts);
	free(cl->renumber);
	free(cl->mapping);
	free(cl->policy);
	free(cl->version);
	free(cl->source);
	free(cl->source_sha256);
	free(cl->style);
	checklist_init(cl);
}

static int cmp_item(const void *a, const void *b)
{
	const struct item *x = *(const struct item *const *)a;
	const struct item *y = *(const struct item *const *)b;
	return strcmp(x->id, y->id);
}

enum kansa_err checklist_index(struct checklist *cl)
{
	free(cl->index);
	if (!(cl->index = malloc((cl->nitems + 1) * sizeof(*cl->index))))
		return KANSA_ERR_NOMEM;
	for (size_t i = 0; i < cl->nitems; i++)
		cl->index[i] = &cl->items[i];
	qsort(cl->index, cl->nitems, sizeof(*cl->index), cmp_item);
	return KANSA_OK;
}

bool item_has_role(const struct item *it, const char *role)
{
	size_t n = strlen(role);
	for (const char *p = it->roles; p && *p;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		if (len == n && memcmp(p, role, n) == 0)
			return true;
		p += len + (comma ? 1 : 0);
	}
	return false;
}

void checklist_suggest(const struct checklist *cl, const char *id, char *out,
		       size_t size)
{
	const struct item *best[3] = {NULL, NULL, NULL};
	size_t dist[3] = {SIZE_MAX, SIZE_MAX, SIZE_MAX}, o = 0;
	size_t limit = text_width(id) / 4 + 2;

	for (size_t i = 0; i < cl->nitems; i++) {
		size_t dd = text_distance(id, cl->items[i].id), k;
		if (dd > limit)
			continue;
		for (k = 3; k > 0 && dd < dist[k - 1]; k--)
			if (k < 3) {
				dist[k] = dist[k - 1];
				best[k] = best[k - 1];
			}
		if (k < 3) {
			dist[k] = dd;
			best[k] = &cl->items[i];
		}
	}
	out[0] = '\0';
	for (size_t k = 0; k < 3 && best[k] && o + 1 < size; k++)
		o += (size_t)snprintf(out + o, size - o, "%s'%s'",
				      k ? ", " : "", best[k]->id);
}

const struct item *checklist_find(const struct checklist *cl, const char *id)
{
	if (cl->index) {
		struct item key = {.id = (char *)id}, *kp = &key, **hit;
		hit = bsearch(&kp, cl->index, cl->nitems, sizeof(*cl->index),
			      cmp_item);
		return hit ? *hit : NULL;
	}
	for (size_t i = 0; i < cl->nitems; i++)
		if (strcmp(cl->items[i].id, id) == 0)
			return &cl->items[i];
	return NULL;
}

/* --- items ----------------------------------------------------------- */

/* A subject written before an obligation that is no known role. */
struct subject {
	char *name;    /* "情報政策課長" */
	size_t count;  /* sentences */
	long lines[5]; /* the first lines it is on */
	size_t nlines; /* how many of them */
};

struct deriv {
	struct checklist *cl;	  /* where items go */
	bool oom;		  /* an allocation failed */
	struct subject *subjects; /* unknown subjects found */
	size_t nsubjects;	  /* how many */
	struct sbuf plain;	  /* clauses with a duty in plain form */
	size_t nplain;		  /* how many */
};

/* True when a sentence gives a role a duty in plain form: a role
 * subject and a verb ending in する。/ 行う。 without obligation wording. */
static bool plain_duty(const char *s, size_t n)
{
	static const char *const ends[] = {"する。", "行う。", "講じる。",
					   "定める。"};
	if (!checklist_sentence_roles(s, n))
		return false;
	for (size_t i = 0; i < COUNT(ends); i++) {
		size_t m = strlen(ends[i]);
		if (n >= m && memcmp(s + n - m, ends[i], m) == 0)
			return true;
	}
	return false;
}

/* Notes c when it states a duty in plain form (a candidate, 要確認). */
static void note_plain(struct deriv *dv, const struct clause *c)
{
	size_t pos = 0, st, n;
	while (checklist_next_sentence(c->text, &pos, &st, &n))
		if (plain_duty(c->text + st, n)) {
			if (dv->nplain++ < 10)
				sbuf_printf(&dv->plain, "%s%s (line %ld)",
					    dv->plain.len ? ", " : "", c->id,
					    c->line);
			return;
		}
}

/* True when a noun names a person, post or body (者, 長, 課 ...): the
 * kind of subject a role is, not 場合 or 情報資産. */
static bool person_like(const char *s, size_t n)
{
	static const char *const ends[] = {"者", "長", "員",	 "課",	 "部",
					   "局", "官", "係",	 "室",	 "班",
					   "会", "等", "チーム", "CSIRT"};
	for (size_t i = 0; i < COUNT(ends); i++) {
		size_t m = strlen(ends[i]);
		if (n >= m && memcmp(s + n - m, ends[i], m) == 0)
			return true;
	}
	return false;
}

/* The noun that ends a topic (before は、) as the whole word: the run of
 * kanji, katakana and ASCII letters at its end; NULL when none. */
static char *topic_noun(const char *sq, size_t end)
{
	size_t start = end, chars = 0;
	while (start > 0) {
		size_t j = start - 1;
		uint32_t cp;
		while (j > 0 && ((unsigned char)sq[j] & 0xC0) == 0x80)
			j--;
		if (text_u8_next(sq + j, start - j, &cp) <= 0 ||
		    !(checklist_in_word(cp) || (cp < 0x80 && isalnum((int)cp))))
			break;
		start = j;
		chars++;
	}
	if (chars < 2 || chars > 20 || !person_like(sq + start, end - start))
		return NULL;
	return strndup(sq + start, end - start);
}

static void note_subject(struct deriv *dv, char *name, long line)
{
	struct subject *v;
	for (size_t i = 0; i < dv->nsubjects; i++)
		if (strcmp(dv->subjects[i].name, name) == 0) {
			struct subject *s = &dv->subjects[i];
			if (s->nlines < 5 && s->lines[s->nlines - 1] != line)
				s->lines[s->nlines++] = line;
			s->count++;
			free(name);
			return;
		}
	if (!(v = realloc(dv->subjects, (dv->nsubjects + 1) * sizeof(*v)))) {
		free(name);
		dv->oom = true;
		return;
	}
	dv->subjects = v;
	v[dv->nsubjects++] = (struct subject){name, 1, {line}, 1};
}

/* Notes the subjects of c's obliging sentences that are no known role. */
static void find_unknown_subjects(struct deriv *dv, const struct clause *c)
{
	size_t pos = 0, st, n;
	while (checklist_next_sentence(c->text, &pos, &st, &n)) {
		const char *s = c->text + st;
		char *sq, *topic, *noun;
		if ((!checklist_sentence_requires(s, n) &&
		     !checklist_sentence_recommends(s, n)) ||
		    checklist_sentence_roles(s, n))
			continue;
		if (!(sq = checklist_squeeze(s, n))) {
			dv->oom = true;
			return;
		}
		if ((topic = strstr(sq, "は、")) &&
		    (noun = topic_noun(sq, (size_t)(topic - sq))))
			note_subject(dv, noun, c->line);
		free(sq);
	}
}

static int cmp_subject(const void *a, const void *b)
{
	const struct subject *x = a, *y = b;
	return x->count != y->count ? (x->count < y->count ? 1 : -1)
				    : strcmp(x->name, y->name);
}

/* One warning per unknown subject, the most frequent first (ten). */
static void warn_subjects(struct deriv *dv, const char *file, struct diags *d)
{
	if (dv->nsubjects > 1)
		qsort(dv->subjects, dv->nsubjects, sizeof(*dv->subjects),
		      cmp_subject);
	for (size_t i = 0; i < dv->nsubjects; i++) {
		struct subject *s = &dv->subjects[i];
		struct sbuf lines = {0};
		for (size_t k = 0; k < s->nlines; k++)
			sbuf_printf(&lines, "%s%ld", k ? ", " : "",
				    s->lines[k]);
		if (i < 10)
			diags_add(
				d, DIAG_WARNING, file, s->lines[0],
				"subject '%s' before an obligation is no "
				"known role (%zu time%s, line%s %s%s): its "
				"items count as %s; add it to [roles] in "
				"kansa.ini (as a role or an alias)",
				s->name, s->count, s->count > 1 ? "s" : "",
				s->nlines > 1 ? "s" : "",
				lines.s ? lines.s : "",
				s->count > s->nlines ? " ..." : "",
				checklist_roles_now->v[checklist_roles_now->def]
					.name);
		sbuf_release(&lines);
		free(s->name);
	}
	free(dv->subjects);
	dv->subjects = NULL;
}

static bool definitional(const struct clause *c)
{
	for (size_t i = 0; c->title && i < COUNT(definitional_titles); i++)
		if (strcmp(c->title, definitional_titles[i]) == 0)
			return true;
	return false;
}

/* The chapter of c: its outermost numbered ancestor (or c itself). */
static const struct clause *chapter_of(const struct clause *c)
{
	while (c->parent && c->parent->kind != CLAUSE_ROOT)
		c = c->parent;
	return c;
}

/* The section an item is counted under: the clause directly under its
 * chapter (7-1, or the (n) of a chapter without sections), or else the
 * chapter. */
static const struct clause *section_of(const struct clause *c)
{
	const struct clause *s = c;
	if (!c->parent || c->parent->kind == CLAUSE_ROOT)
		return c;
	while (s->parent->parent && s->parent->parent->kind != CLAUSE_ROOT)
		s = s->parent;
	return s;
}

/* True when c obliges and introduces the clauses listed below it. */
static bool list_intro(const struct clause *c)
{
	return c->nchildren > 0 && checklist_obligation_of(c->text) >= 0 &&
	       checklist_introduces_list(c->text);
}

/* Adds "number title" of c and its ancestors, outermost first, and the
 * text of an ancestor that introduces the list c is in. */
static void add_heading(struct sbuf *b, const struct clause *c, bool self)
{
	bool intro;

	if (!c || c->kind == CLAUSE_ROOT)
		return;
	add_heading(b, c->parent, false);
	intro = !self && list_intro(c);
	if (!c->title && !intro)
		return;
	if (b->len)
		sbuf_adds(b, " / ");
	sbuf_adds(b, c->number);
	if (c->title) {
		sbuf_add(b, " ", 1);
		sbuf_adds(b, c->title);
	}
	if (intro) {
		sbuf_add(b, " ", 1);
		sbuf_adds(b, c->text);
	}
}

/* Appends the text of a clause that is not an item to its parent's. */
static void fold_text(struct sbuf *b, const struct clause *c)
{
	if (b->len)
		sbuf_add(b, " ", 1);
	sbuf_adds(b, c->number);
	sbuf_add(b, " ", 1);
	if (c->title) {
		sbuf_adds(b, c->title);
		if (*c->text)
			sbuf_add(b, " ", 1);
	}
	sbuf_adds(b, c->text);
	for (size_t i = 0; i < c->nchildren; i++)
		fold_text(b, c->children[i]);
}

static size_t reserve_item(struct deriv *dv)
{
	struct checklist *cl = dv->cl;
	if (cl->nitems == cl->citems) {
		size_t cap = cl->citems ? cl->citems * 2 : 128;
		struct item *v = realloc(cl->items, cap * sizeof(*v));
		if (!v) {
			dv->oom = true;
			return (size_t)-1;
		}
		cl->items = v;
		cl->citems = cap;
	}
	memset(&cl->items[cl->nitems], 0, sizeof(cl->items[0]));
	return cl->nitems++;
}

static void fill_item(struct deriv *dv, size_t slot, const struct clause *c,
		      unsigned roles, int level, const bool *child_item)
{
	struct item *it = &dv->cl->items[slot];
	struct sbuf text = {0}, heading = {0};

	sbuf_adds(&text, *c->text ? c->text : c->title ? c->title : "");
	for (size_t i = 0; i < c->nchildren; i++)
		if (!child_item[i])
			fold_text(&text, c->children[i]);
	add_heading(&heading, c, true);
	it->id = strdup(c->id);
	it->chapter = strdup(chapter_of(c)->id);
	it->section = strdup(section_of(c)->id);
	it->heading = sbuf_take(&heading);
	it->text = sbuf_take(&text);
	it->roles = checklist_roles_string(roles);
	it->level = (enum item_level)level;
	it->source_line = c->line;
	if (!it->id || !it->chapter || !it->section || !it->heading ||
	    !it->text || !it->roles)
		dv->oom = true;
}

/*
 * Derives the items of c and below; forced >= 0 makes c an item of that
 * level (a clause listed under an introducing clause).  Returns true
 * when c or a clause below it became an item.
 */
static bool derive(struct deriv *dv, const struct clause *c, unsigned inherited,
		   int forced)
{
	unsigned own = checklist_clause_roles(c), roles = own ? own : inherited;
	int level = forced >= 0 ? forced : checklist_obligation_of(c->text);
	bool list = forced < 0 && list_intro(c);
	bool any = false, *child_item;
	size_t slot = (size_t)-1;

	if (definitional(c) || dv->oom)
		return false;
	if (!own)
		find_unknown_subjects(dv, c);
	if (level < 0 && forced < 0)
		note_plain(dv, c);
	if (level >= 0 && !list && (slot = reserve_item(dv)) == (size_t)-1)
		return false;
	if (!(child_item = calloc(c->nchildren + 1, sizeof(*child_item)))) {
		dv->oom = true;
		return false;
	}
	for (size_t i = 0; i < c->nchildren; i++) {
		child_item[i] =
			derive(dv, c->children[i], roles, list ? level : -1);
		any = any || child_item[i];
	}
	if (slot != (size_t)-1 && !dv->oom)
		fill_item(dv, slot, c, roles, level, child_item);
	free(child_item);
	return slot != (size_t)-1 || any;
}

static void add_part(struct deriv *dv, const struct clause *c)
{
	struct checklist *cl = dv->cl;
	struct part *v = realloc(cl->parts, (cl->nparts + 1) * sizeof(*v));
	if (!v) {
		dv->oom = true;
		return;
	}
	cl->parts = v;
	v[cl->nparts].id = strdup(c->id);
	v[cl->nparts].title = strdup(c->title ? c->title : "");
	if (!v[cl->nparts].id || !v[cl->nparts].title)
		dv->oom = true;
	cl->nparts++;
}

/* Chapters, sections and chapter-level paragraphs, for headings. */
static void collect_parts(struct deriv *dv, const struct clause *c)
{
	for (size_t i = 0; i < c->nchildren && !dv->oom; i++) {
		const struct clause *ch = c->children[i];
		if (c->kind == CLAUSE_ROOT || c->parent->kind == CLAUSE_ROOT) {
			add_part(dv, ch);
			collect_parts(dv, ch);
		}
	}
}

/* One warning for obligation wording before the first numbered clause:
 * the text there is no clause and gives no item. */
static void warn_outside(const struct policy *p, const char *file,
			 struct diags *d)
{
	long first = p->root->nchildren ? p->root->children[0]->line : 0;
	struct sbuf lines = {0};
	size_t n = 0;
	for (long i = 0; i + 1 < first && i < p->nlines; i++) {
		const char *l = p->lines[i];
		if (checklist_obligation_of(l) < 0)
			continue;
		if (n++ < 5)
			sbuf_printf(&lines, "%s%ld", lines.len ? ", " : "",
				    i + 1);
	}
	if (n)
		diags_add(d, DIAG_WARNING, file, 0,
			  "obligation wording on %zu line%s before the first "
			  "numbered clause (line %ld) gives no item (line%s "
			  "%s%s): is the text numbered in another style?",
			  n, n > 1 ? "s" : "", first, n > 1 ? "s" : "",
			  lines.s ? lines.s : "", n > 5 ? " ..." : "");
	sbuf_release(&lines);
}

/* One warning for every line that writes CISO with a digit zero. */
static void warn_cis0(const struct policy *p, const char *file, struct diags *d)
{
	struct sbuf lines = {0};
	long first = 0;
	for (long i = 0; i < p->nlines; i++) {
		if (!strstr(p->lines[i], "CIS0"))
			continue;
		if (!first)
			first = i + 1;
		sbuf_printf(&lines, "%s%ld", lines.len ? ", " : "", i + 1);
	}
	if (first)
		diags_add(d, DIAG_WARNING, file, first,
			  "'CIS0' (digit zero) read as 'CISO' for roles "
			  "(lines %s)",
			  lines.s ? lines.s : "");
	sbuf_release(&lines);
}

enum kansa_err checklist_derive(const struct policy *p, const char *file,
				struct checklist *cl, struct diags *d)
{
	struct deriv dv = {cl, false, NULL, 0, {0}, 0};

	if (!(checklist_roles_now = roles_get(d)))
		return KANSA_ERR_INPUT;
	collect_parts(&dv, p->root);
	for (size_t i = 0; i < p->root->nchildren && !dv.oom; i++)
		derive(&dv, p->root->children[i], 0, -1);
	warn_subjects(&dv, file, d);
	if (dv.nplain)
		diags_add(d, DIAG_WARNING, file, 0,
			  "要確認: %zu clause%s state%s a role's duty in plain "
			  "form (「…は、…する。」) without obligation wording "
			  "and "
			  "%s no item: %s%s; if a duty, add it to the "
			  "checklist (added = 理由)",
			  dv.nplain, dv.nplain > 1 ? "s" : "",
			  dv.nplain > 1 ? "" : "s",
			  dv.nplain > 1 ? "are" : "is",
			  dv.plain.s ? dv.plain.s : "",
			  dv.nplain > 10 ? ", ..." : "");
	sbuf_release(&dv.plain);
	if (dv.oom)
		return KANSA_ERR_NOMEM;
	warn_cis0(p, file, d);
	warn_outside(p, file, d);
	if (cl->nitems == 0)
		diags_add(
			d, DIAG_WARNING, file, 0,
			"no clause obliges anyone (no なければならない, "
			"ものとする, 望ましい ... in a clause of style '%s'): "
			"the checklist is empty",
			p->style ? p->style->name : "");
	return KANSA_OK;
}
