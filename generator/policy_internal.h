/* policy_internal.h: what policy_lines.c (normalising the text's lines)
 * and policy_number.c (the clause tree and its numbering) lend
 * policy.c.  policy.c calls both, policy_number.c calls
 * policy_lines.c, never the other way. */
#ifndef KANSA_POLICY_INTERNAL_H
#define KANSA_POLICY_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "policy.h"
#include "style.h"
#include "text.h"

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

static inline size_t serial_of(const struct clause *c)
{
	return ((const struct serial_clause *)c)->serial;
}

/* The most times one number may repeat under one parent (N.2 ... N.k),
 * and the most clauses under one parent: far above any real policy, they
 * keep hostile input to bounded time (same_number() is a linear scan). */
#define MAX_REPEATS  100
#define MAX_CHILDREN 1000

/* The lines of a text normalised except for a style's list mark, made
 * once for detection, which reads the text in every style. */
struct prelines {
	char **v;
	long n;
};

/* policy_lines.c */
/* The code point that ends at byte end of s (s[0..end)), or 0. */
uint32_t policy_cp_before(const char *s, size_t end);
/*
 * A marker line's text is a heading (a title, not a sentence) when it
 * does not end a sentence or a phrase and has no comma after hiragana
 * (は、 に、 し、 mark a sentence the PDF conversion cut in two).
 */
bool policy_heading_like(const char *s, size_t max_width);
/* Drops leading blanks and the style's list mark from out, in place. */
char *policy_strip_line(char *out, const char *strip);
char *policy_normalize_line(const char *s, size_t n, const char *strip);
void policy_prelines_free(struct prelines *pl);
/* Splits and normalises text as parse_lines does; false when out of
 * memory. */
bool policy_prelines_make(struct prelines *pl, const char *text, size_t len);

/* policy_number.c */
struct clause *policy_clause_new(struct parser *ps, enum clause_kind kind,
				 const char *number, int ordinal, long line);
void policy_clause_free(struct clause *c);
bool policy_clause_add_child(struct clause *parent, struct clause *c);
/* The last child of parent of the given kind, or NULL. */
struct clause *policy_last_child(const struct clause *parent,
				 enum clause_kind kind);
/* The innermost open clause of a level above kind. */
struct clause *policy_open_parent(struct parser *ps, enum clause_kind kind);
const struct style_level *policy_level_of(const struct parser *ps, int kind);
/* How the open parent of level kind is cited ({up}), or NULL. */
const char *policy_parent_cite(struct parser *ps, int kind);
/* Decides whether a recognised marker really starts a clause here. */
bool policy_marker_fits(struct parser *ps, const struct style_match *m,
			struct clause *parent);
/* Numbers the new clause: renumbering, repeats; false when dropped. */
bool policy_number_clause(struct parser *ps, struct style_match *m,
			  struct clause *parent, long line, int *occ);
/* True when the marker of a level restarting under its parent goes on
 * from the previous parent instead ("3" as the first section of 第2). */
bool policy_no_restart(const struct parser *ps, const struct style_match *m,
		       const struct clause *parent);
/* Warns about such a marker; as_text: it was read as text. */
void policy_warn_no_restart(struct parser *ps, const struct style_match *m,
			    const struct clause *parent, long line,
			    bool as_text);
/* True when a marker of a level numbered through the text goes back. */
bool policy_restarts(const struct parser *ps, const struct style_match *m);
/* Warns that such a marker (restarts) was read as text. */
void policy_warn_restart(struct parser *ps, const struct style_match *m,
			 long line);

#endif
