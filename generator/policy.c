/* policy.c: policy text -> tree of numbered clauses. */
#include "policy.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "style.h"
#include "text.h"

/* How many markers of one list may be skipped before a line is text. */
#define MAX_GAP 3

/* Per-clause state kept while parsing. */
struct pstate {
	char *first;	  /* the text on the marker line */
	struct sbuf body; /* the lines that follow it */
	bool last_table;  /* the last line added was a table row */
	char srcnum[48];  /* a section's number as written in the text */
	char cite[48];	  /* how the clause is cited in an ID */
	char *caption;	  /* a "(見出し)" line above it, or NULL */
	long nlines;	  /* text lines taken in */
};

struct parser {
	const char *file;		     /* for diagnostics */
	struct diags *d;		     /* where diagnostics go */
	struct renumber *rn;		     /* reviewer's renumbering */
	size_t nrn;			     /* entries in rn */
	const struct style *style;	     /* the numbering style */
	struct clause *open[CLAUSE_MAX + 1]; /* open clause per level */
	int last_seq[CLAUSE_MAX + 1]; /* last number of sequential levels */
	struct clause *last_at[CLAUSE_MAX + 1]; /* last clause per level */
	bool restart_noted;    /* the line's restart was warned about */
	char *caption;	       /* a pending "(見出し)" line */
	struct clause *cur;    /* innermost open clause */
	struct pstate *st;     /* state per clause, by serial */
	size_t nst, cst;       /* used and allocated */
	struct clause *root;   /* the tree */
	size_t nclauses;       /* clauses made */
	bool oom;	       /* an allocation failed */
	bool captions;	       /* the style has a caption level */
	int repeats_reported;  /* the error for too many repeats was given */
	int children_reported; /* ... for too many clauses under one */
	size_t unparsed[CLAUSE_MAX + 1]; /* marker-like text lines per level */
	long unparsed_at[CLAUSE_MAX + 1][5]; /* the first of them */
};

/* A clause with the index of its parse state in parser.st. */
struct serial_clause {
	struct clause c;
	size_t serial;
};

static size_t serial_of(const struct clause *c)
{
	return ((const struct serial_clause *)c)->serial;
}

static bool is_ascii_alnum(unsigned char c)
{
	return c < 0x80 && isalnum(c);
}

/* True for hiragana: particles and verb endings are written in it. */
static bool is_hiragana(uint32_t cp)
{
	return cp >= 0x3041 && cp <= 0x309F;
}

/* The code point that ends at byte end of s (s[0..end)), or 0. */
static uint32_t cp_before(const char *s, size_t end)
{
	size_t i = end;
	uint32_t cp = 0;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i > 0)
		i--;
	if (text_u8_next(s + i, end - i, &cp) < 0)
		return 0;
	return cp;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

/*
 * A marker line's text is a heading (a title, not a sentence) when it
 * does not end a sentence or a phrase and has no comma after hiragana
 * (は、 に、 し、 mark a sentence the PDF conversion cut in two).
 */
static bool heading_like(const char *s, size_t max_width)
{
	const char *p;

	if (!*s || ends_with(s, "。") || ends_with(s, "、") ||
	    text_width(s) > max_width)
		return false;
	for (p = strstr(s, "、"); p; p = strstr(p + 1, "、"))
		if (is_hiragana(cp_before(s, (size_t)(p - s))))
			return false;
	return true;
}

/* NFKC of s[0..n) but for circled numbers, which the marker ① must keep
 * (NFKC makes it "1").  Returns NULL on allocation failure. */
static char *nfkc_keep_circled(const char *s, size_t n)
{
	struct sbuf b = {0};
	size_t i = 0, seg = 0;
	bool any = false;

	while (i < n) {
		uint32_t cp;
		int l = text_u8_next(s + i, n - i, &cp);
		if (l <= 0) {
			i++;
			continue;
		}
		if (style_is_circled(cp)) {
			char *part = text_nfkc(s + seg, i - seg);
			if (!part) {
				sbuf_release(&b);
				return NULL;
			}
			sbuf_adds(&b, part);
			sbuf_add(&b, s + i, (size_t)l);
			free(part);
			seg = i + (size_t)l;
			any = true;
		}
		i += (size_t)l;
	}
	if (!any)
		return text_nfkc(s, n);
	if (seg < n) {
		char *part = text_nfkc(s + seg, n - seg);
		if (!part) {
			sbuf_release(&b);
			return NULL;
		}
		sbuf_adds(&b, part);
		free(part);
	}
	if (b.oom || !b.s) {
		sbuf_release(&b);
		return b.oom ? NULL : strdup("");
	}
	return sbuf_take(&b);
}

/*
 * NFKC (circled numbers kept), HTML tags from the PDF conversion removed,
 * spaces collapsed and trimmed, and the style's list mark ("- ") dropped.
 * Tabs (table cells) are kept.  Returns NULL on allocation failure.
 */
static char *normalize_base(const char *s, size_t n)
{
	char *norm = nfkc_keep_circled(s, n), *out;
	size_t o = 0;
	const char *p;

	if (!norm)
		return NULL;
	if (!(out = malloc(strlen(norm) + 1))) {
		free(norm);
		return NULL;
	}
	for (p = norm; *p; p++) {
		if (*p == '<' &&
		    (isalpha((unsigned char)p[1]) ||
		     (p[1] == '/' && isalpha((unsigned char)p[2])))) {
			const char *q = strchr(p, '>');
			if (q) {
				p = q;
				if (o > 0 && out[o - 1] != ' ' &&
				    out[o - 1] != '\t')
					out[o++] = ' ';
				continue;
			}
		}
		if (*p == ' ' || *p == '\f' || *p == '\v') {
			if (o > 0 && out[o - 1] != ' ' && out[o - 1] != '\t')
				out[o++] = ' ';
			continue;
		}
		if (*p == '\t' && o > 0 && out[o - 1] == ' ')
			o--;
		out[o++] = *p;
	}
	while (o > 0 && (out[o - 1] == ' ' || out[o - 1] == '\t'))
		o--;
	out[o] = '\0';
	free(norm);
	return out;
}

/* Drops leading blanks and the style's list mark from out, in place. */
static char *strip_line(char *out, const char *strip)
{
	const char *p = out;

	if (!out)
		return NULL;
	while (*p == ' ' || *p == '\t')
		p++;
	while (strip && *strip && strncmp(p, strip, strlen(strip)) == 0)
		p += strlen(strip);
	memmove(out, p, strlen(p) + 1);
	return out;
}

static char *normalize_line(const char *s, size_t n, const char *strip)
{
	return strip_line(normalize_base(s, n), strip);
}

/* The lines of a text normalised except for a style's list mark, made
 * once for detection, which reads the text in every style. */
struct prelines {
	char **v;
	long n;
};

static void prelines_free(struct prelines *pl)
{
	for (long i = 0; i < pl->n; i++)
		free(pl->v[i]);
	free(pl->v);
}

/* Splits and normalises text as parse_lines does; false when out of
 * memory. */
static bool prelines_make(struct prelines *pl, const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	long cap = 0;

	pl->v = NULL;
	pl->n = 0;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char *line;

		p += n + (nl ? 1 : 0);
		if (pl->n == cap) {
			long ncap = cap ? cap * 2 : 1024;
			char **v = realloc(pl->v, (size_t)ncap * sizeof(*v));
			if (!v)
				goto oom;
			pl->v = v;
			cap = ncap;
		}
		if (!(line = normalize_base(p - n - (nl ? 1 : 0), n)))
			goto oom;
		pl->v[pl->n++] = line;
	}
	return true;
oom:
	prelines_free(pl);
	return false;
}

static struct clause *clause_new(struct parser *ps, enum clause_kind kind,
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

static void clause_free(struct clause *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nchildren; i++)
		clause_free(c->children[i]);
	free(c->children);
	free(c->number);
	free(c->id);
	free(c->title);
	free(c->text);
	free((struct serial_clause *)c);
}

static bool clause_add_child(struct clause *parent, struct clause *c)
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
static struct clause *last_child(const struct clause *parent,
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
static struct clause *open_parent(struct parser *ps, enum clause_kind kind)
{
	for (int k = (int)kind - 1; k > CLAUSE_ROOT; k--)
		if (ps->open[k])
			return ps->open[k];
	return ps->root;
}

static const struct style_level *level_of(const struct parser *ps, int kind)
{
	return &ps->style->level[kind - 1];
}

/* How the open parent of level kind is cited ({up}), or NULL. */
static const char *parent_cite(struct parser *ps, int kind)
{
	struct clause *parent = open_parent(ps, (enum clause_kind)kind);
	return parent == ps->root ? NULL : ps->st[serial_of(parent)].cite;
}

/* Decides whether a recognised marker really starts a clause here. */
static bool marker_fits(struct parser *ps, const struct style_match *m,
			struct clause *parent)
{
	const struct style_level *lv = level_of(ps, m->level);
	const struct clause *prev;
	int base;

	if ((lv->flags & STYLE_HEADING) && !heading_like(m->rest, 60))
		return false;
	if (lv->flags & STYLE_SEQUENTIAL)
		return m->ordinal == ps->last_seq[m->level] + 1;
	if (!ps->cur)
		return false;
	if (lv->up)
		return true;
	prev = last_child(parent, (enum clause_kind)m->level);
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
	const char *pat = level_of(ps, kind)->alt[0];
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
	const char *up = parent_cite(ps, m->level);
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

/* The most times one number may repeat under one parent (N.2 ... N.k),
 * and the most clauses under one parent: far above any real policy, they
 * keep hostile input to bounded time (same_number() is a linear scan). */
#define MAX_REPEATS  100
#define MAX_CHILDREN 1000

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
		last_child(chapter, (enum clause_kind)m->level);
	const struct clause *dup = same_number(chapter, m->number);
	const char *up = parent_cite(ps, m->level);
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
static bool number_clause(struct parser *ps, struct style_match *m,
			  struct clause *parent, long line, int *occ)
{
	if (level_of(ps, m->level)->up) {
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
static bool no_restart(const struct parser *ps, const struct style_match *m,
		       const struct clause *parent)
{
	const struct style_level *lv = level_of(ps, m->level);
	const struct clause *last = ps->last_at[m->level];

	return !(lv->flags & STYLE_SEQUENTIAL) && !lv->up && last &&
	       parent != ps->root && last->parent != parent &&
	       !last_child(parent, (enum clause_kind)m->level) &&
	       m->ordinal > first_ordinal(lv) &&
	       m->ordinal == last->ordinal + 1 &&
	       !((lv->flags & STYLE_HEADING) && !heading_like(m->rest, 60));
}

/* Warns about such a marker; as_text: it was read as text. */
static void warn_no_restart(struct parser *ps, const struct style_match *m,
			    const struct clause *parent, long line,
			    bool as_text)
{
	const struct style_level *lv = level_of(ps, m->level);
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
static bool restarts(const struct parser *ps, const struct style_match *m)
{
	const struct style_level *lv = level_of(ps, m->level);

	return (lv->flags & STYLE_SEQUENTIAL) && ps->last_at[m->level] &&
	       m->ordinal <= ps->last_seq[m->level] &&
	       !((lv->flags & STYLE_HEADING) && !heading_like(m->rest, 60));
}

/* Warns that such a marker (restarts) was read as text. */
static void warn_restart(struct parser *ps, const struct style_match *m,
			 long line)
{
	const struct style_level *lv = level_of(ps, m->level);
	const struct clause *last = ps->last_at[m->level];

	diags_add(ps->d, DIAG_WARNING, ps->file, line,
		  "level-%d '%s' of style '%s' is numbered through the whole "
		  "text, but '%s' (line %ld) restarts after '%s' (line %ld): "
		  "line %ld was read as text",
		  m->level, lv->alt[0], ps->style->name, m->number, line,
		  last->number, last->line, line);
}

/* Opens a clause for a marker; false when the line is text after all. */
static bool open_clause(struct parser *ps, struct style_match *m, long line)
{
	struct clause *parent = open_parent(ps, (enum clause_kind)m->level), *c;
	struct pstate *st;
	char srcnum[48];
	int occ = 1;

	if (!marker_fits(ps, m, parent))
		return false;
	if (parent->nchildren >= MAX_CHILDREN) {
		if (!ps->children_reported++)
			diags_add(ps->d, DIAG_ERROR, ps->file, line,
				  "more than %d clauses under '%s': expected "
				  "a policy text (is this the right file?)",
				  MAX_CHILDREN,
				  parent->number ? parent->number : "");
		return true; /* reported; the line is dropped */
	}
	if (no_restart(ps, m, parent))
		warn_no_restart(ps, m, parent, line, false);
	snprintf(srcnum, sizeof(srcnum), "%s", m->number);
	if (!number_clause(ps, m, parent, line, &occ))
		return true;
	if (!(c = clause_new(ps, (enum clause_kind)m->level, m->number,
			     m->ordinal, line)))
		return true;
	c->occurrence = occ;
	if (!clause_add_child(parent, c)) {
		clause_free(c);
		ps->oom = true;
		return true;
	}
	st = &ps->st[serial_of(c)];
	memcpy(st->srcnum, srcnum, sizeof(srcnum));
	memcpy(st->cite, m->cite, sizeof(st->cite));
	if (!(st->first = strdup(m->rest)))
		ps->oom = true;
	if (level_of(ps, m->level)->flags & STYLE_CAPTION) {
		st->caption = ps->caption;
		ps->caption = NULL;
	}
	if (level_of(ps, m->level)->flags & STYLE_SEQUENTIAL)
		ps->last_seq[m->level] = m->ordinal;
	ps->last_at[m->level] = c;
	ps->open[m->level] = c;
	for (int k = m->level + 1; k <= CLAUSE_MAX; k++)
		ps->open[k] = NULL;
	ps->cur = c;
	return true;
}

/* Opens the clause a line's marker starts; false when it is text. */
static bool open_marker(struct parser *ps, const char *line, long lineno)
{
	struct style_match back;
	bool restart = false;

	for (int k = 1; k <= (int)ps->style->nlevels; k++) {
		struct clause *parent = open_parent(ps, (enum clause_kind)k);
		const struct clause *prev =
			last_child(parent, (enum clause_kind)k);
		struct style_match m;
		if (!style_match(ps->style, k, line, parent_cite(ps, k),
				 prev ? prev->ordinal + 1 : 1, &m))
			continue;
		if (open_clause(ps, &m, lineno))
			return true;
		if (!restart &&
		    (restarts(ps, &m) || no_restart(ps, &m, parent))) {
			back = m;
			restart = true;
		}
	}
	if (restart && restarts(ps, &back))
		warn_restart(ps, &back, lineno);
	else if (restart)
		warn_no_restart(ps, &back,
				open_parent(ps, (enum clause_kind)back.level),
				lineno, true);
	ps->restart_noted = restart;
	return false;
}

/* Appends b to out: a space only between two ASCII letters or digits. */
static void join_onto(struct sbuf *out, const char *b)
{
	if (out->len > 0 && *b &&
	    is_ascii_alnum((unsigned char)out->s[out->len - 1]) &&
	    is_ascii_alnum((unsigned char)*b))
		sbuf_add(out, " ", 1);
	sbuf_adds(out, b);
}

/* Adds a text line to the innermost open clause. */
static void add_text(struct parser *ps, char *line)
{
	struct clause *c = ps->cur ? ps->cur : ps->root;
	struct pstate *st = &ps->st[serial_of(c)];
	bool table = strchr(line, '\t') != NULL;

	st->nlines++;
	if (table) {
		for (char *p = line; *p; p++)
			if (*p == '\t')
				*p = ' ';
		c->has_table = 1;
	}
	if (st->body.len > 0 && (table || st->last_table)) {
		sbuf_add(&st->body, " ", 1);
		sbuf_adds(&st->body, line);
	} else {
		/* in place: copying the body for each line was quadratic */
		join_onto(&st->body, line);
	}
	st->last_table = table;
	if (st->body.oom)
		ps->oom = true;
}

/* The first child of a level whose number 1 is not written, or NULL. */
static struct clause *implicit_child(const struct parser *ps,
				     const struct clause *c, size_t *at)
{
	for (size_t i = 0; i < c->nchildren; i++) {
		struct clause *ch = c->children[i];
		if (ch->kind != CLAUSE_ROOT &&
		    (level_of(ps, ch->kind)->flags & STYLE_IMPLICIT_FIRST)) {
			*at = i;
			return ch->ordinal >= 2 ? ch : NULL;
		}
	}
	return NULL;
}

/*
 * A 条 with 項 2, 3 ...: its own text and the clauses before 項 2 become
 * 項 1 (written without a number), so that they are cited 第5条第1項.
 */
static void add_implicit_first(struct parser *ps, struct clause *c)
{
	size_t at = 0;
	struct clause *next = implicit_child(ps, c, &at), *one;
	struct pstate *st, *ost;
	struct style_match m;

	if (!next)
		return;
	if (!(one = clause_new(ps, next->kind, "1", 1, c->line)))
		return;
	st = &ps->st[serial_of(c)]; /* clause_new may move ps->st */
	ost = &ps->st[serial_of(one)];
	if (style_match(ps->style, next->kind, "1", st->cite, 1, &m))
		memcpy(ost->cite, m.cite, sizeof(ost->cite));
	else
		snprintf(ost->cite, sizeof(ost->cite), "1");
	ost->first = st->first;
	ost->body = st->body;
	st->first = NULL;
	memset(&st->body, 0, sizeof(st->body));
	for (size_t i = 0; i < at; i++)
		if (!clause_add_child(one, c->children[i]))
			ps->oom = true;
	if (at == 0 && !clause_add_child(c, one)) { /* make room */
		clause_free(one);
		ps->oom = true;
		return;
	}
	/* c's children become: one, then those from next on */
	memmove(c->children + 1, c->children + at,
		(c->nchildren - at - (at == 0)) * sizeof(*c->children));
	c->nchildren = c->nchildren - at + (at > 0);
	c->children[0] = one;
	one->parent = c;
}

/* Sets the title and text of c from its marker line and body. */
static void set_title_text(struct parser *ps, struct clause *c,
			   struct pstate *st)
{
	const char *first = st->first ? st->first : "";
	const char *body = st->body.s ? st->body.s : "";
	unsigned flags = level_of(ps, c->kind)->flags;

	if (st->caption) {
		struct sbuf t = {0};
		c->title = st->caption;
		st->caption = NULL;
		sbuf_adds(&t, first);
		join_onto(&t, body);
		c->text = sbuf_take(&t);
	} else if ((flags & STYLE_TITLE) ||
		   (*body && heading_like(first, 84)) ||
		   (!*body && c->nchildren > 0 &&
		    heading_like(first, SIZE_MAX))) {
		/* a heading is short, or introduces clauses and nothing else */
		c->title = *first ? strdup(first) : NULL;
		c->text = strdup(body);
		if (*first && !c->title)
			ps->oom = true;
	} else {
		struct sbuf t = {0};
		sbuf_adds(&t, first);
		join_onto(&t, body);
		c->text = sbuf_take(&t);
	}
}

/* Fixes title and text of every clause and builds the IDs. */
static void finish(struct parser *ps, struct clause *c)
{
	struct pstate *st;
	struct sbuf id = {0};

	if (c->kind != CLAUSE_ROOT)
		add_implicit_first(ps, c);
	st = &ps->st[serial_of(c)];
	if (c->kind == CLAUSE_ROOT) {
		struct sbuf t = {0};
		sbuf_adds(&t, st->first ? st->first : "");
		join_onto(&t, st->body.s ? st->body.s : "");
		c->text = sbuf_take(&t);
	} else {
		set_title_text(ps, c, st);
	}
	if (c->kind != CLAUSE_ROOT && c->parent->kind != CLAUSE_ROOT &&
	    !(level_of(ps, c->kind)->flags & STYLE_OWN))
		sbuf_adds(&id, c->parent->id);
	sbuf_adds(&id, st->cite);
	c->id = sbuf_take(&id);
	if (!c->text || !c->id)
		ps->oom = true;
	free(st->first);
	st->first = NULL;
	sbuf_release(&st->body);
	for (size_t i = 0; i < c->nchildren; i++)
		finish(ps, c->children[i]);
}

static void check_renumber_used(struct parser *ps)
{
	for (size_t i = 0; i < ps->nrn; i++)
		if (!ps->rn[i].used)
			diags_add(ps->d, DIAG_WARNING, ps->file, ps->rn[i].line,
				  "[renumber] entry '%s@%d' matches no section "
				  "of the policy",
				  ps->rn[i].number, ps->rn[i].occurrence);
}

/* True when the style has a level titled by a "(見出し)" line above. */
static bool has_captions(const struct style *st)
{
	for (size_t i = 0; i < st->nlevels; i++)
		if (st->level[i].flags & STYLE_CAPTION)
			return true;
	return false;
}

/* A line that is one parenthesised phrase: "(目的)". */
static bool caption_like(const char *line)
{
	size_t n = strlen(line);
	return n > 2 && line[0] == '(' && line[n - 1] == ')' &&
	       !strchr(line + 1, '(') && strchr(line, ')') == line + n - 1 &&
	       !strstr(line, "。") && !isdigit((unsigned char)line[1]);
}

/* Adds a held caption line as text after all. */
static void flush_caption(struct parser *ps)
{
	if (ps->caption) {
		add_text(ps, ps->caption);
		free(ps->caption);
		ps->caption = NULL;
	}
}

/* Counts a text line that looks like a marker of the style. */
static void note_unparsed(struct parser *ps, const char *line, long lineno)
{
	for (int k = 1; k <= (int)ps->style->nlevels; k++) {
		struct style_match m;
		if (level_of(ps, k)->up ||
		    !style_match(ps->style, k, line, NULL, 1, &m) ||
		    (!*m.rest && !(level_of(ps, k)->flags & STYLE_TITLE)))
			continue;
		if (ps->unparsed[k] < 5)
			ps->unparsed_at[k][ps->unparsed[k]] = lineno;
		ps->unparsed[k]++;
		return;
	}
}

/* Warnings that name why text was not read as clauses. */
static void warn_unparsed(struct parser *ps)
{
	for (int k = 1; k <= (int)ps->style->nlevels; k++) {
		struct sbuf at = {0};
		if (!ps->unparsed[k])
			continue;
		for (size_t i = 0; i < ps->unparsed[k] && i < 5; i++)
			sbuf_printf(&at, "%s%ld", i ? ", " : "",
				    ps->unparsed_at[k][i]);
		diags_add(ps->d, DIAG_WARNING, ps->file, ps->unparsed_at[k][0],
			  "%zu line%s start%s like a level-%d marker '%s' of "
			  "style '%s' but do%s not continue its numbering "
			  "there and %s read as text (line%s %s%s)",
			  ps->unparsed[k], ps->unparsed[k] > 1 ? "s" : "",
			  ps->unparsed[k] > 1 ? "" : "s", k,
			  level_of(ps, k)->alt[0], ps->style->name,
			  ps->unparsed[k] > 1 ? "" : "es",
			  ps->unparsed[k] > 1 ? "were" : "was",
			  ps->unparsed[k] > 1 ? "s" : "", at.s ? at.s : "",
			  ps->unparsed[k] > 5 ? " ..." : "");
		sbuf_release(&at);
	}
}

/* The most text lines one clause takes in before derive asks whether a
 * marker was missed. */
#define LONG_RUN 60

static void warn_long_runs(struct parser *ps, const struct clause *c)
{
	const struct pstate *st = &ps->st[serial_of(c)];
	if (c->kind != CLAUSE_ROOT && st->nlines > LONG_RUN)
		diags_add(ps->d, DIAG_WARNING, ps->file, c->line,
			  "'%s' takes in %ld lines of text: is a marker of "
			  "style '%s' missing below it?",
			  c->number, st->nlines, ps->style->name);
	for (size_t i = 0; i < c->nchildren; i++)
		warn_long_runs(ps, c->children[i]);
}

/* Takes one normalised line: a marker, a caption or text. */
static void take_line(struct parser *ps, char *line, long lineno)
{
	if (!*line)
		return;
	if (ps->captions && caption_like(line)) {
		flush_caption(ps);
		if (!(ps->caption = strndup(line + 1, strlen(line) - 2)))
			ps->oom = true;
		return;
	}
	if (open_marker(ps, line, lineno)) {
		if (ps->caption) /* taken by a 条, else it was text */
			flush_caption(ps);
		return;
	}
	flush_caption(ps);
	if (!ps->restart_noted)
		note_unparsed(ps, line, lineno);
	add_text(ps, line);
}

/* Parses the lines of text into ps->root, keeping them in pol->lines. */
static void parse_lines(struct parser *ps, const char *text, size_t len,
			const struct prelines *pre, struct policy *pol)
{
	const char *p = text, *end = text + len;
	long lineno = 0;
	size_t cap = 0;

	ps->captions = has_captions(ps->style);
	while ((pre ? lineno < pre->n : p < end) && !ps->oom) {
		char *line;

		if (pre) {
			line = strip_line(strdup(pre->v[lineno]),
					  ps->style->strip);
		} else {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
			line = normalize_line(p, n, ps->style->strip);
			p += n + (nl ? 1 : 0);
		}
		lineno++;
		if (!line) {
			ps->oom = true;
			break;
		}
		take_line(ps, line, lineno);
		if ((size_t)pol->nlines == cap) {
			char **v;
			cap = cap ? cap * 2 : 1024;
			if (!(v = realloc(pol->lines, cap * sizeof(*v)))) {
				free(line);
				ps->oom = true;
				break;
			}
			pol->lines = v;
		}
		pol->lines[pol->nlines++] = line;
	}
	flush_caption(ps);
}

/* policy_parse_style, from the lines in pre when not NULL. */
static enum kansa_err parse_style(const char *text, size_t len,
				  const struct prelines *pre, const char *file,
				  const struct style *style,
				  struct renumber *renumber, size_t nrenumber,
				  struct diags *d, struct policy **out)
{
	struct parser ps = {0};
	struct policy *pol = NULL;
	size_t errors = d->errors;
	enum kansa_err err = KANSA_ERR_NOMEM;

	*out = NULL;
	ps.file = file;
	ps.d = d;
	ps.rn = renumber;
	ps.nrn = nrenumber;
	ps.style = style;
	if (!(pol = calloc(1, sizeof(*pol))) ||
	    !(ps.root = clause_new(&ps, CLAUSE_ROOT, "", 0, 0)))
		goto out;
	parse_lines(&ps, text, len, pre, pol);
	if (ps.oom)
		goto out;
	if (ps.root->nchildren == 0 && strcmp(style->name, "council") != 0) {
		diags_add(d, DIAG_ERROR, file, 0,
			  "no numbered clauses found in style '%s' (%s: its "
			  "first level is written '%s'): name another with "
			  "--style, or describe the text's numbering in "
			  "templates/styles.ini",
			  style->name, style->description,
			  style->level[0].alt[0]);
		err = KANSA_ERR_INPUT;
		goto out;
	}
	if (ps.root->nchildren == 0) {
		diags_add(d, DIAG_ERROR, file, 0,
			  "no numbered chapters or sections found (expected "
			  "lines such as '1 目的', '5-1 サーバ等の管理', "
			  "'(1) 機器の取付け' or 'ア …')");
		err = KANSA_ERR_INPUT;
		goto out;
	}
	check_renumber_used(&ps);
	warn_unparsed(&ps);
	warn_long_runs(&ps, ps.root);
	finish(&ps, ps.root);
	pol->nclauses = ps.nst - 1;
	if (ps.oom)
		goto out;
	if (d->errors > errors) {
		err = KANSA_ERR_INPUT;
		goto out;
	}
	pol->root = ps.root;
	pol->style = style;
	ps.root = NULL;
	*out = pol;
	pol = NULL;
	err = KANSA_OK;
out:
	for (size_t i = 0; i < ps.nst; i++) {
		free(ps.st[i].first);
		free(ps.st[i].caption);
		sbuf_release(&ps.st[i].body);
	}
	free(ps.caption);
	clause_free(ps.root);
	free(ps.st);
	policy_free(pol);
	return err;
}

enum kansa_err policy_parse_style(const char *text, size_t len,
				  const char *file, const struct style *style,
				  struct renumber *renumber, size_t nrenumber,
				  struct diags *d, struct policy **out)
{
	return parse_style(text, len, NULL, file, style, renumber, nrenumber, d,
			   out);
}

/* Clauses a style reads in the text, or 0 when it reads none. */
static size_t style_score(const char *text, size_t len,
			  const struct prelines *pre, const struct style *st)
{
	struct diags scratch;
	struct policy *p = NULL;
	size_t n = 0;

	diags_init(&scratch);
	if (parse_style(text, len, pre, "", st, NULL, 0, &scratch, &p) ==
	    KANSA_OK)
		n = p->nclauses;
	policy_free(p);
	diags_release(&scratch);
	return n;
}

const struct style *policy_detect_style(const char *text, size_t len,
					const struct style_set *set,
					struct sbuf *why)
{
	const struct style *best = NULL, *second = NULL;
	size_t bn = 0, sn = 0;
	struct prelines pre;
	bool have = prelines_make(&pre, text, len);

	for (size_t i = 0; i < set->n; i++) {
		size_t n =
			style_score(text, len, have ? &pre : NULL, &set->v[i]);
		if (n > bn) {
			second = best;
			sn = bn;
			best = &set->v[i];
			bn = n;
		} else if (n > sn) {
			second = &set->v[i];
			sn = n;
		}
	}
	if (have)
		prelines_free(&pre);
	if (!best)
		return set->n ? &set->v[0] : NULL;
	sbuf_printf(why, "reads %zu numbered clauses", bn);
	if (second)
		sbuf_printf(why, "; next best '%s' reads %zu", second->name,
			    sn);
	return best;
}

enum kansa_err policy_parse(const char *text, size_t len, const char *file,
			    struct renumber *renumber, size_t nrenumber,
			    struct diags *d, struct policy **out)
{
	static struct style_set builtin;
	static bool loaded;
	const struct style *st;
	struct sbuf why = {0};
	enum kansa_err err;

	if (!loaded) {
		struct diags scratch;
		diags_init(&scratch);
		err = style_set_parse_builtin(&builtin, &scratch);
		diags_release(&scratch);
		if (err)
			return err;
		loaded = true;
	}
	st = policy_detect_style(text, len, &builtin, &why);
	sbuf_release(&why);
	if (!st)
		return KANSA_ERR_INPUT;
	return policy_parse_style(text, len, file, st, renumber, nrenumber, d,
				  out);
}

void policy_free(struct policy *p)
{
	if (!p)
		return;
	clause_free(p->root);
	for (long i = 0; i < p->nlines; i++)
		free(p->lines[i]);
	free(p->lines);
	free(p);
}

static const struct clause *find(const struct clause *c, const char *id)
{
	if (c->id && strcmp(c->id, id) == 0)
		return c;
	for (size_t i = 0; i < c->nchildren; i++) {
		const struct clause *r = find(c->children[i], id);
		if (r)
			return r;
	}
	return NULL;
}

const struct clause *policy_find(const struct policy *p, const char *id)
{
	return find(p->root, id);
}

/* Words a policy's name ends with. */
static const char *const name_endings[] = {"基準", "方針", "規程",    "規則",
					   "要綱", "要領", "ポリシー"};

char *policy_guess_name(const struct policy *p)
{
	static const char defined[] = "(以下「";
	for (long i = 0; i < p->nlines; i++) {
		const char *line = p->lines[i], *at;
		for (at = strstr(line, defined); at;
		     at = strstr(at + 1, defined)) {
			size_t end = (size_t)(at - line), start = end;
			while (start > 0) {
				uint32_t cp = cp_before(line, start);
				size_t len = cp < 0x80	    ? 1
					     : cp < 0x800   ? 2
					     : cp < 0x10000 ? 3
							    : 4;
				if (cp == 0x3001 || cp == 0x3002 || cp == ' ' ||
				    cp == 0x300D || cp == ')' || cp == 0)
					break;
				start -= len;
			}
			for (size_t k = 0;
			     k < sizeof(name_endings) / sizeof(name_endings[0]);
			     k++) {
				size_t m = strlen(name_endings[k]);
				if (end - start > m &&
				    memcmp(line + end - m, name_endings[k],
					   m) == 0)
					return strndup(line + start,
						       end - start);
			}
		}
	}
	return NULL;
}
