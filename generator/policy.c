/* policy.c: policy text -> tree of numbered clauses. */
#include "policy.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* The order of katakana item markers (ア, イ, ウ ...). */
static const char *const kata_order[] = {
	"ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ", "サ", "シ",
	"ス", "セ", "ソ", "タ", "チ", "ツ", "テ", "ト", "ナ", "ニ", "ヌ", "ネ",
	"ノ", "ハ", "ヒ", "フ", "ヘ", "ホ", "マ", "ミ", "ム", "メ", "モ", "ヤ",
	"ユ", "ヨ", "ラ", "リ", "ル", "レ", "ロ", "ワ", "ヲ", "ン",
};
#define NKATA (sizeof(kata_order) / sizeof(kata_order[0]))

/* How many markers of one list may be skipped before a line is text. */
#define MAX_GAP 3

/* A marker recognised at the start of a line. */
struct marker {
	enum clause_kind kind; /* which level */
	int major;	       /* chapter number of "N" and "N-M" */
	int ordinal;	       /* M of "N-M", n of "(n)", katakana index */
	char number[48];       /* as cited */
	const char *rest;      /* the text after the marker */
};

/* Per-clause state kept while parsing. */
struct pstate {
	char *first;	  /* the text on the marker line */
	struct sbuf body; /* the lines that follow it */
	bool last_table;  /* the last line added was a table row */
	char srcnum[48];  /* a section's number as written in the text */
};

struct parser {
	const char *file;			 /* for diagnostics */
	struct diags *d;			 /* where diagnostics go */
	struct renumber *rn;			 /* reviewer's renumbering */
	size_t nrn;				 /* entries in rn */
	struct clause *open[CLAUSE_SUBITEM + 1]; /* open clause per level */
	struct clause *cur;			 /* innermost open clause */
	struct pstate *st;     /* state per clause, by serial */
	size_t nst, cst;       /* used and allocated */
	struct clause *root;   /* the tree */
	size_t nclauses;       /* clauses made */
	int last_chapter;      /* number of the last chapter */
	bool oom;	       /* an allocation failed */
	int repeats_reported;  /* the error for too many repeats was given */
	int children_reported; /* ... for too many clauses under one */
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

/* Katakana index (1-based) of the code point at s, or 0. */
static int kata_index(const char *s, size_t *len)
{
	for (size_t i = 0; i < NKATA; i++) {
		size_t n = strlen(kata_order[i]);
		if (strncmp(s, kata_order[i], n) == 0) {
			*len = n;
			return (int)i + 1;
		}
	}
	return 0;
}

/* True when s starts with a particle: "(1)の分類" is text, not a marker. */
static bool starts_with_particle(const char *s)
{
	static const char *const particles[] = {
		"の", "に", "を", "は", "が", "と", "で",
		"へ", "も", "や", "、", "。", ")",  "」",
	};
	for (size_t i = 0; i < sizeof(particles) / sizeof(particles[0]); i++)
		if (strncmp(s, particles[i], strlen(particles[i])) == 0)
			return true;
	return false;
}

/* Parses up to 3 decimal digits at *s; -1 when none. */
static int parse_num(const char **s)
{
	int v = 0, n = 0;
	while (isdigit((unsigned char)**s) && n < 3) {
		v = v * 10 + (**s - '0');
		(*s)++;
		n++;
	}
	if (n == 0 || isdigit((unsigned char)**s))
		return -1;
	return v;
}

/* After a parenthesised marker: optional spaces, then text. */
static bool paren_rest(const char *p, struct marker *m)
{
	bool space = (*p == ' ');
	while (*p == ' ')
		p++;
	if (!space && *p && starts_with_particle(p))
		return false;
	m->rest = p;
	return true;
}

/* Recognises a marker at the start of a normalised line. */
static bool match_marker(const char *s, struct marker *m)
{
	const char *p = s;
	size_t klen;
	int a, b;

	memset(m, 0, sizeof(*m));
	if (isdigit((unsigned char)*p)) {
		if ((a = parse_num(&p)) < 1)
			return false;
		if (*p == '-') {
			p++;
			if ((b = parse_num(&p)) < 1 || (*p && *p != ' '))
				return false;
			m->kind = CLAUSE_SECTION;
			m->major = a;
			m->ordinal = b;
			snprintf(m->number, sizeof(m->number), "%d-%d", a, b);
		} else {
			if (*p != ' ')
				return false;
			m->kind = CLAUSE_CHAPTER;
			m->major = m->ordinal = a;
			snprintf(m->number, sizeof(m->number), "%d", a);
		}
		while (*p == ' ')
			p++;
		m->rest = p;
		return true;
	}
	if (*p == '(') {
		p++;
		if (isdigit((unsigned char)*p)) {
			if ((a = parse_num(&p)) < 1 || *p != ')')
				return false;
			m->kind = CLAUSE_PARA;
			m->ordinal = a;
			snprintf(m->number, sizeof(m->number), "(%d)", a);
		} else if ((a = kata_index(p, &klen)) > 0 && p[klen] == ')') {
			p += klen;
			m->kind = CLAUSE_SUBITEM;
			m->ordinal = a;
			snprintf(m->number, sizeof(m->number), "(%s)",
				 kata_order[a - 1]);
		} else {
			return false;
		}
		return paren_rest(p + 1, m);
	}
	if ((a = kata_index(p, &klen)) > 0 && (p[klen] == ' ' || !p[klen])) {
		m->kind = CLAUSE_ITEM;
		m->ordinal = a;
		snprintf(m->number, sizeof(m->number), "%s", kata_order[a - 1]);
		p += klen;
		while (*p == ' ')
			p++;
		m->rest = p;
		return true;
	}
	return false;
}

/*
 * NFKC, HTML tags from the PDF conversion removed, spaces collapsed and
 * trimmed, and a leading "- " list dash dropped.  Tabs (table cells) are
 * kept.  Returns NULL on allocation failure.
 */
static char *normalize_line(const char *s, size_t n)
{
	char *norm = text_nfkc(s, n), *out;
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
	p = out;
	while (*p == ' ' || *p == '\t')
		p++;
	while (p[0] == '-' && p[1] == ' ')
		p += 2;
	memmove(out, p, strlen(p) + 1);
	return out;
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

/* Decides whether a recognised marker really starts a clause here. */
static bool marker_fits(struct parser *ps, const struct marker *m,
			struct clause *parent)
{
	const struct clause *prev;

	switch (m->kind) {
	case CLAUSE_CHAPTER:
		return m->ordinal == ps->last_chapter + 1 &&
		       heading_like(m->rest, 60);
	case CLAUSE_SECTION:
		return ps->open[CLAUSE_CHAPTER] &&
		       m->major == ps->open[CLAUSE_CHAPTER]->ordinal;
	default:
		if (!ps->open[CLAUSE_CHAPTER])
			return false;
		prev = last_child(parent, m->kind);
		return m->ordinal <= (prev ? prev->ordinal : 0) + MAX_GAP;
	}
}

/* Applies [renumber] to a section; false (with an error) on collision. */
static bool apply_renumber(struct parser *ps, struct marker *m, int occurrence,
			   const struct clause *chapter, long line)
{
	for (size_t i = 0; i < ps->nrn; i++) {
		struct renumber *r = &ps->rn[i];
		struct marker t;
		if (strcmp(r->number, m->number) != 0 ||
		    r->occurrence != occurrence)
			continue;
		r->used = 1;
		if (!match_marker(r->to, &t) || t.kind != CLAUSE_SECTION ||
		    t.major != m->major || *t.rest) {
			diags_add(ps->d, DIAG_ERROR, ps->file, line,
				  "cannot renumber section '%s' to '%s' "
				  "(expected a section number of chapter %d, "
				  "such as '%d-%d')",
				  m->number, r->to, m->major, m->major,
				  m->ordinal);
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
		snprintf(m->number, sizeof(m->number), "%s", t.number);
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
		if (c->kind == CLAUSE_SECTION &&
		    strcmp(ps->st[serial_of(c)].srcnum, num) == 0)
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

static void too_many_repeats(struct parser *ps, const struct marker *m,
			     long line)
{
	if (ps->repeats_reported++)
		return;
	diags_add(ps->d, DIAG_ERROR, ps->file, line,
		  "'%s' appears more than %d times at one level: expected "
		  "clause numbers that count up (is this the policy text?)",
		  m->number, MAX_REPEATS);
}

/* Warnings for a section number that repeats or skips. */
static void check_section(struct parser *ps, struct clause *chapter,
			  struct marker *m, long line)
{
	const struct clause *prev = last_child(chapter, CLAUSE_SECTION);
	const struct clause *dup = same_number(chapter, m->number);

	if (dup) {
		char num[48];
		if (!free_suffix(chapter, m->number, num)) {
			too_many_repeats(ps, m, line);
			return;
		}
		diags_add(ps->d, DIAG_WARNING, ps->file, line,
			  "section '%s' appears twice (lines %ld and %ld): "
			  "the second is cited as '%s'; to correct the "
			  "numbering add e.g. '%s@1 = %d-%d' to [renumber]",
			  m->number, dup->line, line, num, m->number, m->major,
			  dup->ordinal - 1 > 0 ? dup->ordinal - 1 : 1);
		snprintf(m->number, sizeof(m->number), "%s", num);
	} else if (prev && m->ordinal > prev->ordinal + 1) {
		diags_add(ps->d, DIAG_WARNING, ps->file, line,
			  "section %d-%d is missing: '%s' (line %ld) is "
			  "followed by '%s'",
			  m->major, prev->ordinal + 1, prev->number, prev->line,
			  m->number);
	}
}

/* Opens a clause for a marker; false when the line is text after all. */
static bool open_clause(struct parser *ps, struct marker *m, long line)
{
	struct clause *parent = open_parent(ps, m->kind), *c;
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
	snprintf(srcnum, sizeof(srcnum), "%s", m->number);
	if (m->kind == CLAUSE_SECTION) {
		occ = source_occurrence(ps, parent, srcnum);
		if (!apply_renumber(ps, m, occ, parent, line))
			return true; /* the error is reported; skip it */
		check_section(ps, parent, m, line);
	} else if (same_number(parent, m->number)) {
		char num[48];
		if (!free_suffix(parent, m->number, num)) {
			too_many_repeats(ps, m, line);
			return true; /* reported; the line is dropped */
		}
		diags_add(ps->d, DIAG_WARNING, ps->file, line,
			  "'%s' appears twice under '%s': cited as '%s'",
			  m->number, parent->id ? parent->id : parent->number,
			  num);
		snprintf(m->number, sizeof(m->number), "%s", num);
	}
	if (!(c = clause_new(ps, m->kind, m->number, m->ordinal, line)))
		return true;
	c->occurrence = occ;
	if (!clause_add_child(parent, c)) {
		clause_free(c);
		ps->oom = true;
		return true;
	}
	memcpy(ps->st[serial_of(c)].srcnum, srcnum, sizeof(srcnum));
	if (!(ps->st[serial_of(c)].first = strdup(m->rest)))
		ps->oom = true;
	if (m->kind == CLAUSE_CHAPTER)
		ps->last_chapter = m->ordinal;
	ps->open[m->kind] = c;
	for (int k = m->kind + 1; k <= CLAUSE_SUBITEM; k++)
		ps->open[k] = NULL;
	ps->cur = c;
	return true;
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

/* Fixes title and text of every clause and builds the IDs. */
static void finish(struct parser *ps, struct clause *c)
{
	struct pstate *st = &ps->st[serial_of(c)];
	const char *first = st->first ? st->first : "";
	const char *body = st->body.s ? st->body.s : "";
	struct sbuf id = {0};

	/* a heading is short, or introduces clauses and nothing else */
	if (c->kind == CLAUSE_CHAPTER || c->kind == CLAUSE_SECTION ||
	    (*body && heading_like(first, 84)) ||
	    (!*body && c->nchildren > 0 && heading_like(first, SIZE_MAX))) {
		c->title = *first ? strdup(first) : NULL;
		c->text = strdup(body);
	} else {
		struct sbuf t = {0};
		sbuf_adds(&t, first);
		join_onto(&t, body);
		c->text = sbuf_take(&t);
	}
	if (c->kind == CLAUSE_CHAPTER || c->kind == CLAUSE_SECTION ||
	    !c->parent || c->parent->kind == CLAUSE_ROOT) {
		sbuf_adds(&id, c->number);
	} else {
		sbuf_adds(&id, c->parent->id);
		sbuf_adds(&id, c->number);
	}
	c->id = sbuf_take(&id);
	if (!c->text || !c->id ||
	    (*first && c->title == NULL &&
	     (c->kind == CLAUSE_CHAPTER || c->kind == CLAUSE_SECTION)))
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

/* Parses the lines of text into ps->root, keeping them in pol->lines. */
static void parse_lines(struct parser *ps, const char *text, size_t len,
			struct policy *pol)
{
	const char *p = text, *end = text + len;
	long lineno = 0;
	size_t cap = 0;

	while (p < end && !ps->oom) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char *line = normalize_line(p, n);
		struct marker m;

		lineno++;
		p += n + (nl ? 1 : 0);
		if (!line) {
			ps->oom = true;
			break;
		}
		if (*line &&
		    !(match_marker(line, &m) && open_clause(ps, &m, lineno)))
			add_text(ps, line);
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
}

enum kansa_err policy_parse(const char *text, size_t len, const char *file,
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
	if (!(pol = calloc(1, sizeof(*pol))) ||
	    !(ps.root = clause_new(&ps, CLAUSE_ROOT, "", 0, 0)))
		goto out;
	parse_lines(&ps, text, len, pol);
	if (ps.oom)
		goto out;
	pol->nclauses = ps.nst - 1;
	if (!last_child(ps.root, CLAUSE_CHAPTER)) {
		diags_add(d, DIAG_ERROR, file, 0,
			  "no numbered chapters or sections found (expected "
			  "lines such as '1 目的', '5-1 サーバ等の管理', "
			  "'(1) 機器の取付け' or 'ア …')");
		err = KANSA_ERR_INPUT;
		goto out;
	}
	check_renumber_used(&ps);
	finish(&ps, ps.root);
	if (ps.oom)
		goto out;
	if (d->errors > errors) {
		err = KANSA_ERR_INPUT;
		goto out;
	}
	pol->root = ps.root;
	ps.root = NULL;
	*out = pol;
	pol = NULL;
	err = KANSA_OK;
out:
	if (ps.root) {
		for (size_t i = 0; i < ps.nst; i++) {
			free(ps.st[i].first);
			sbuf_release(&ps.st[i].body);
		}
	}
	clause_free(ps.root);
	free(ps.st);
	policy_free(pol);
	return err;
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
