/* policy_number.c: the clause tree while parsing and the numbering of
 * its clauses (renumbering, repeats, gaps, restarts). */
#include "policy_internal.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "style.h"
#include "text.h"

struct clause *policy_clause_new(struct parser *ps, enum clause_kind kind,
				 const char *number, int ordinal, long line)
{
	struct serial_clause *sc = calloc(1, sizeof(*sc));
	struct clause *c;

	if (!sc)
		goto oom;
	c = &sc->c;
	if (ps->nst == ps->cst) {
		size_t cap = ps->cst ? ps->cst * 2 : 256;
		struct pstate *st = realloc(ps->st, cap * sizeof(*st));
		if (!st)
			goto oom_free;
		ps->st = st;
		ps->cst = cap;
	}
	memset(&ps->st[ps->nst], 0, sizeof(ps->st[0]));
	sc->serial = ps->nst++;
	c->kind = kind;
	c->ordinal = ordinal;
	c->occurrence = 1;
	c->line = line;
	if (!(c->number = strdup(number)))
		goto oom_free;
	return c;
oom_free:
	free(sc);
oom:
	ps->oom = true;
	return NULL;
}

void policy_clause_free(struct clause *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nchildren; i++)
		policy_clause_free(c->children[i]);
	free(c->children);
	free(c->number);
	free(c->id);
	free(c->title);
	free(c->text);
	free((struct serial_clause *)c);
}

bool policy_clause_add_child(struct clause *parent, struct clause *c)
{
	if (parent->nchildren == parent->cchildren) {
		size_t cap = parent->cchildren ? parent->cchildren * 2 : 4;
		struct clause **v = realloc(parent->children, cap * sizeof(*v));
		if (!v)
			return false;
		parent->children = v;
		parent->cchildren = cap;
	}
	parent->children[parent->nchildren++] = c;
	c->parent = parent;
	return true;
}

/* The last child of parent of the given kind, or NULL. */
struct clause *policy_last_child(const struct clause *parent,
				 enum clause_kind kind)
{
	for (size_t i = parent->nchildren; i > 0; i--)
		if (parent->children[i - 1]->kind == kind)
			return parent->children[i - 1];
	return NULL;
}

/* The sibling under parent with the same number, or NULL. */
static struct clause *same_number(const struct clause *parent,
				  const char *number)
{
	for (size_t i = 0; i < parent->nchildren; i++)
		if (strcmp(parent->children[i]->number, number) == 0)
			return parent->children[i];
	return NULL;
}

/* The innermost open clause of a level above kind. */
struct clause *policy_open_parent(struct parser *ps, enum clause_kind kind)
{
	for (int k = (int)kind - 1; k > CLAUSE_ROOT; k--)
		if (ps->open[k])
			return ps->open[k];
	return ps->root;
}

const struct style_level *policy_level_of(const struct parser *ps, int kind)
{
	return &ps->style->level[kind - 1];
}

/* How the open parent of level kind is cited ({up}), or NULL. */
const char *policy_parent_cite(struct parser *ps, int kind)
{
	struct clause *parent = policy_open_parent(ps, (enum clause_kind)kind);
	return parent == ps->root ? NULL : ps->st[serial_of(parent)].cite;
}

/* Decides whether a recognised marker really starts a clause here. */
bool policy_marker_fits(struct parser *ps, const struct style_match *m,
			struct clause *parent)
{
	const struct style_level *lv = policy_level_of(ps, m->level);
	const struct clause *prev;
	int base;

	if ((lv->flags & STYLE_HEADING) && !policy_heading_like(m->rest, 60))
		return false;
	if (lv->flags & STYLE_SEQUENTIAL)
		return m->ordinal == ps->last_seq[m->level] + 1;
	if (!ps->cur)
		return false;
	if (lv->up)
		return true;
	prev = policy_last_child(parent, (enum clause_kind)m->level);
	base = prev				    ? prev->ordinal
	       : (lv->flags & STYLE_IMPLICIT_FIRST) ? 1
						    : 0;
	return m->ordinal <= base + lv->gap;
}

/* Level kind's first pattern written with ordinal n ("7-5"), into out. */
static void example_number(struct parser *ps, int kind, const char *up, int n,
			   char out[48])
{
	struct style_match t;
	char probe[64];
	const char *pat = policy_level_of(ps, kind)->alt[0];
	struct sbuf b = {0};

	for (const char *p = pat; *p; p++) {
		if (strncmp(p, "{up}", 4) == 0) {
			sbuf_adds(&b, up ? up : "");
			p += 3;
		} else if (strncmp(p, "{n}", 3) == 0) {
			sbuf_printf(&b, "%d", n);
			p += 2;
		} else {
			sbuf_add(&b, p, 1);
		}
	}
	snprintf(probe, sizeof(probe), "%s", b.s ? b.s : "");
	sbuf_release(&b);
	if (style_match(ps->style, kind, probe, up, n, &t))
		memcpy(out, t.number, 48);
	else
		snprintf(out, 48, "%.47s", probe);
}

/* Applies [renumber] to a section; false (with an error) on collision. */
static bool apply_renumber(struct parser *ps, struct style_match *m,
			   int occurrence, const struct clause *chapter,
			   long line)
{
	const char *up = policy_parent_cite(ps, m->level);
	for (size_t i = 0; i < ps->nrn; i++) {
		struct renumber *r = &ps->rn[i];
		struct style_match t;
		char ex[48];
		if (strcmp(r->number, m->number) != 0 ||
		    r->occurrence != occurrence)
			continue;
		r->used = 1;
		if (!style_match(ps->style, m->level, r->to, up, 0, &t) ||
		    *t.rest) {
			example_number(ps, m->level, up, m->ordinal, ex);
			diags_add(ps->d, DIAG_ERROR, ps->file, line,
				  "cannot renumber section '%s' to '%s' "
				  "(expected a section number of chapter %s, "
				  "such as '%s')",
				  m->number, r->to, up ? up : "", ex);
			return false;
		}
		if (same_number(chapter, t.number)) {
			diags_add(ps->d, DIAG_ERROR, ps->file, line,
				  "renumbering section '%s' to '%s' collides "
				  "with section '%s' at line %ld",
				  m->number, t.number, t.number,
				  same_number(chapter, t.number)->line);
			return false;
		}
		memcpy(m->number, t.number, sizeof(m->number));
		memcpy(m->cite, t.cite, sizeof(m->cite));
		m->ordinal = t.ordinal;
	}
	return true;
}

/* 1 + the earlier sections of the chapter written with this number. */
static int source_occurrence(const struct parser *ps,
			     const struct clause *chapter, const char *num)
{
	int n = 1;
	for (size_t i = 0; i < chapter->nchildren; i++) {
		const struct clause *c = chapter->children[i];
		if (strcmp(ps->st[serial_of(c)].srcnum, num) == 0)
			n++;
	}
	return n;
}

/* The first "number.k" (k = 2 ...) not used under parent, into num;
 * false when MAX_REPEATS are taken (hostile or not a policy). */
static bool free_suffix(const struct clause *parent, const char *number,
			char num[48])
{
	for (int k = 2; k <= MAX_REPEATS; k++) {
		snprintf(num, 48, "%.36s.%d", number, k);
		if (!same_number(parent, num))
			return true;
	}
	return false;
}

static void too_many_repeats(struct parser *ps, const struct style_match *m,
			     long line)
{
	if (ps->repeats_reported++)
		return;
	diags_add(ps->d, DIAG_ERROR, ps->file, line,
		  "'%s' appears more than %d times at one level: expected "
		  "clause numbers that count up (is this the policy text?)",
		  m->number, MAX_REPEATS);
}

/* Gives m the repeat suffix of num ("(1)" -> "(1).2") in its citation. */
static void take_suffix(struct style_match *m, const char *num)
{
	size_t n = strlen(m->number);
	char cite[48];
	if (strcmp(m->cite, m->number) == 0)
		snprintf(cite, sizeof(cite), "%s", num);
	else
		snprintf(cite, sizeof(cite), "%.30s%s", m->cite, num + n);
	memcpy(m->cite, cite, sizeof(cite));
	snprintf(m->number, sizeof(m->number), "%s", num);
}

/* Warnings for a section number that repeats or skips. */
static void check_section(struct parser *ps, struct clause *chapter,
			  struct style_match *m, long line)
{
	const struct clause *prev =
		policy_last_child(chapter, (enum clause_kind)m->level);
	const struct clause *dup = same_number(chapter, m->number);
	const char *up = policy_parent_cite(ps, m->level);
	char ex[48];

	if (dup) {
		char num[48];
		if (!free_suffix(chapter, m->number, num)) {
			too_many_repeats(ps, m, line);
			return;
		}
		example_number(ps, m->level, up,
			       dup->ordinal - 1 > 0 ? dup->ordinal - 1 : 1, ex);
		diags_add(ps->d, DIAG_WARNING, ps->file, line,
			  "section '%s' appears twice (lines %ld and %ld): "
			  "the second is cited as '%s'; to correct the "
			  "numbering add e.g. '%s@1 = %s' to [renumber]",
			  m->number, dup->line, line, num, m->number, ex);
		take_suffix(m, num);
	} else if (prev && m->ordinal > prev->ordinal + 1) {
		example_number(ps, m->level, up, prev->ordinal + 1, ex);
		diags_add(ps->d, DIAG_WARNING, ps->file, line,
			  "section %s is missing: '%s' (line %ld) is "
			  "followed by '%s'",
			  ex, prev->number, prev->line, m->number);
	}
}

/* Numbers the new clause: renumbering, repeats; false when dropped. */
bool policy_number_clause(struct parser *ps, struct style_match *m,
			  struct clause *parent, long line, int *occ)
{
	if (policy_level_of(ps, m->level)->up) {
		*occ = source_occurrence(ps, parent, m->number);
		if (!apply_renumber(ps, m, *occ, parent, line))
			return false; /* the error is reported; skip it */
		check_section(ps, parent, m, line);
	} else if (same_number(parent, m->number)) {
		char num[48];
		if (!free_suffix(parent, m->number, num)) {
			too_many_repeats(ps, m, line);
			return false; /* reported; the line is dropped */
		}
		diags_add(ps->d, DIAG_WARNING, ps->file, line,
			  "'%s' appears twice under '%s': cited as '%s'",
			  m->number, parent->id ? parent->id : parent->number,
			  num);
		take_suffix(m, num);
	}
	return true;
}

/* The number a level restarting under its parent starts at. */
static int first_ordinal(const struct style_level *lv)
{
	return (lv->flags & STYLE_IMPLICIT_FIRST) ? 2 : 1;
}

/* True when the marker of a level restarting under its parent goes on
 * from the previous parent instead ("3" as the first section of 第2). */
bool policy_no_restart(const struct parser *ps, const struct style_match *m,
		       const struct clause *parent)
{
	const struct style_level *lv = policy_level_of(ps, m->level);
	const struct clause *last = ps->last_at[m->level];

	return !(lv->flags & STYLE_SEQUENTIAL) && !lv->up && last &&
	       parent != ps->root && last->parent != parent &&
	       !policy_last_child(parent, (enum clause_kind)m->level) &&
	       m->ordinal > first_ordinal(lv) &&
	       m->ordinal == last->ordinal + 1 &&
	       !((lv->flags & STYLE_HEADING) &&
		 !policy_heading_like(m->rest, 60));
}

/* Warns about such a marker; as_text: it was read as text. */
void policy_warn_no_restart(struct parser *ps, const struct style_match *m,
			    const struct clause *parent, long line,
			    bool as_text)
{
	const struct style_level *lv = policy_level_of(ps, m->level);
	const struct clause *last = ps->last_at[m->level];

	diags_add(ps->d, DIAG_WARNING, ps->file, line,
		  "level-%d '%s' of style '%s' restarts under each parent, "
		  "but '%s' (line %ld) under '%s' goes on from '%s' (line "
		  "%ld) under '%s' instead of starting at %d%s",
		  m->level, lv->alt[0], ps->style->name, m->number, line,
		  parent->number, last->number, last->line,
		  last->parent->number, first_ordinal(lv),
		  as_text ? ": it was read as text" : "");
}

/* True when a marker of a level numbered through the text goes back. */
bool policy_restarts(const struct parser *ps, const struct style_match *m)
{
	const struct style_level *lv = policy_level_of(ps, m->level);

	return (lv->flags & STYLE_SEQUENTIAL) && ps->last_at[m->level] &&
	       m->ordinal <= ps->last_seq[m->level] &&
	       !((lv->flags & STYLE_HEADING) &&
		 !policy_heading_like(m->rest, 60));
}

/* Warns that such a marker (restarts) was read as text. */
void policy_warn_restart(struct parser *ps, const struct style_match *m,
			 long line)
{
	const struct style_level *lv = policy_level_of(ps, m->level);
	const struct clause *last = ps->last_at[m->level];

	diags_add(ps->d, DIAG_WARNING, ps->file, line,
		  "level-%d '%s' of style '%s' is numbered through the whole "
		  "text, but '%s' (line %ld) restarts after '%s' (line %ld): "
		  "line %ld was read as text",
		  m->level, lv->alt[0], ps->style->name, m->number, line,
		  last->number, last->line, line);
}
