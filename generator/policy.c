/* policy.c: policy text -> tree of numbered clauses. */
#include "policy.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy_internal.h"
#include "style.h"
#include "text.h"

/* How many markers of one list may be skipped before a line is text. */
#define MAX_GAP 3

static bool is_ascii_alnum(unsigned char c)
{
	return c < 0x80 && isalnum(c);
}

/* Opens a clause for a marker; false when the line is text after all. */
static bool open_clause(struct parser *ps, struct style_match *m, long line)
{
	struct clause *parent = policy_open_parent(ps,
						   (enum clause_kind)m->level),
		      *c;
	struct pstate *st;
	char srcnum[48];
	int occ = 1;

	if (!policy_marker_fits(ps, m, parent))
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
	if (policy_no_restart(ps, m, parent))
		policy_warn_no_restart(ps, m, parent, line, false);
	snprintf(srcnum, sizeof(srcnum), "%s", m->number);
	if (!policy_number_clause(ps, m, parent, line, &occ))
		return true;
	if (!(c = policy_clause_new(ps, (enum clause_kind)m->level, m->number,
				    m->ordinal, line)))
		return true;
	c->occurrence = occ;
	if (!policy_clause_add_child(parent, c)) {
		policy_clause_free(c);
		ps->oom = true;
		return true;
	}
	st = &ps->st[serial_of(c)];
	memcpy(st->srcnum, srcnum, sizeof(srcnum));
	memcpy(st->cite, m->cite, sizeof(st->cite));
	if (!(st->first = strdup(m->rest)))
		ps->oom = true;
	if (policy_level_of(ps, m->level)->flags & STYLE_CAPTION) {
		st->caption = ps->caption;
		ps->caption = NULL;
	}
	if (policy_level_of(ps, m->level)->flags & STYLE_SEQUENTIAL)
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
		struct clause *parent =
			policy_open_parent(ps, (enum clause_kind)k);
		const struct clause *prev =
			policy_last_child(parent, (enum clause_kind)k);
		struct style_match m;
		if (!style_match(ps->style, k, line, policy_parent_cite(ps, k),
				 prev ? prev->ordinal + 1 : 1, &m))
			continue;
		if (open_clause(ps, &m, lineno))
			return true;
		if (!restart && (policy_restarts(ps, &m) ||
				 policy_no_restart(ps, &m, parent))) {
			back = m;
			restart = true;
		}
	}
	if (restart && policy_restarts(ps, &back))
		policy_warn_restart(ps, &back, lineno);
	else if (restart)
		policy_warn_no_restart(
			ps, &back,
			policy_open_parent(ps, (enum clause_kind)back.level),
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
		    (policy_level_of(ps, ch->kind)->flags &
		     STYLE_IMPLICIT_FIRST)) {
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
	if (!(one = policy_clause_new(ps, next->kind, "1", 1, c->line)))
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
		if (!policy_clause_add_child(one, c->children[i]))
			ps->oom = true;
	if (at == 0 && !policy_clause_add_child(c, one)) { /* make room */
		policy_clause_free(one);
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
	unsigned flags = policy_level_of(ps, c->kind)->flags;

	if (st->caption) {
		struct sbuf t = {0};
		c->title = st->caption;
		st->caption = NULL;
		sbuf_adds(&t, first);
		join_onto(&t, body);
		c->text = sbuf_take(&t);
	} else if ((flags & STYLE_TITLE) ||
		   (*body && policy_heading_like(first, 84)) ||
		   (!*body && c->nchildren > 0 &&
		    policy_heading_like(first, SIZE_MAX))) {
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
	    !(policy_level_of(ps, c->kind)->flags & STYLE_OWN))
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
		if (policy_level_of(ps, k)->up ||
		    !style_match(ps->style, k, line, NULL, 1, &m) ||
		    (!*m.rest &&
		     !(policy_level_of(ps, k)->flags & STYLE_TITLE)))
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
			  policy_level_of(ps, k)->alt[0], ps->style->name,
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
			line = policy_strip_line(strdup(pre->v[lineno]),
						 ps->style->strip);
		} else {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
			line = policy_normalize_line(p, n, ps->style->strip);
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
	    !(ps.root = policy_clause_new(&ps, CLAUSE_ROOT, "", 0, 0)))
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
	policy_clause_free(ps.root);
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
	bool have = policy_prelines_make(&pre, text, len);

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
		policy_prelines_free(&pre);
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
	policy_clause_free(p->root);
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
				uint32_t cp = policy_cp_before(line, start);
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
