/* policy.h: a policy text parsed into its tree of numbered clauses.
 *
 * Ownership: policy_parse() returns a tree that policy_free() frees whole;
 * every string in it belongs to the tree.
 */
#ifndef KANSA_POLICY_H
#define KANSA_POLICY_H

#include <stddef.h>

#include "err.h"
#include "style.h"
#include "text.h"

/* Marker levels, outermost first: "7", "7-1", "(10)", "エ", "(ア)" in the
 * council's style; a style (style.h) says how each level is written. */
enum clause_kind {
	CLAUSE_ROOT,	/* the document; its text is any preamble */
	CLAUSE_CHAPTER, /* "7 技術的セキュリティ" */
	CLAUSE_SECTION, /* "7-1 コンピュータ及びネットワークの管理" */
	CLAUSE_PARA, /* "(10) 外部ネットワークとの接続制限等" */
	CLAUSE_ITEM, /* "エ 情報セキュリティ責任者及び…" */
	CLAUSE_SUBITEM, /* "(ア) 議会が管理するネットワークへの…" */
	CLAUSE_LEVEL6, /* a sixth level, where a style has one */
	CLAUSE_MAX = CLAUSE_LEVEL6
};

struct clause {
	enum clause_kind kind; /* marker level */
	char *number;	       /* as cited: "7", "7-6", "(2)", "キ", "(ア)" */
	char *id;	/* full citation ID: "7-1(10)エ(ア)", "7-6.2" */
	int ordinal;	/* the marker's value: 2 for "(2)", 7 for キ */
	int occurrence; /* 2 for the second "7-6" in the source ... */
	char *title;	/* the heading on the marker line, or NULL */
	char *text;	/* the clause's own text ("" when none) */
	int has_table;	/* the text contains a table */
	long line;	/* source line of the marker (1-based) */
	struct clause *parent;	  /* NULL for the root */
	struct clause **children; /* in document order */
	size_t nchildren;	  /* how many */
	size_t cchildren;	  /* allocated */
};

/* A reviewer's correction of a section number: "7-6@1 = 7-5". */
struct renumber {
	char *number;	/* the number as written in the text: "7-6" */
	int occurrence; /* which occurrence of it, from 1 */
	char *to;	/* the number to cite instead: "7-5" */
	long line;	/* where the entry is (for messages), or 0 */
	int used;	/* set by policy_parse() when it was applied */
};

struct policy {
	struct clause *root; /* the tree */
	size_t nclauses;     /* clauses below the root */
	char **lines;	     /* the normalised lines; lines[0] is line 1 */
	long nlines;	     /* how many */
	const struct style *style; /* the numbering style it was read in */
};

/* Largest policy text kansa reads, in bytes. */
#define POLICY_MAX_BYTES (4u * 1024 * 1024)

/*
 * Parses decoded UTF-8 text (see text_decode()) into a clause tree.
 * Markers are matched after NFKC.  file names the source in diagnostics;
 * renumber (nrenumber entries, may be NULL) corrects section numbers.
 * Warnings go to d.  Returns KANSA_ERR_INPUT with errors in d when the
 * text has no numbered chapter or a renumbering makes IDs collide.
 */
enum kansa_err policy_parse(const char *text, size_t len, const char *file,
			    struct renumber *renumber, size_t nrenumber,
			    struct diags *d, struct policy **out);
void policy_free(struct policy *p);

/*
 * The same in a given numbering style (policy_parse() detects it among
 * the built-in styles).  style must outlive the policy.
 */
enum kansa_err policy_parse_style(const char *text, size_t len,
				  const char *file, const struct style *style,
				  struct renumber *renumber, size_t nrenumber,
				  struct diags *d, struct policy **out);
/*
 * The style of set that reads the most numbered clauses of the text
 * (the first on a tie), with why in why ("reads 412 numbered clauses;
 * next best 'dai' reads 230"); NULL when set is empty.
 */
const struct style *policy_detect_style(const char *text, size_t len,
					const struct style_set *set,
					struct sbuf *why);

/*
 * The policy's name as the text defines it ("架空町情報セキュリティ対策基準
 * (以下「対策基準」という。)" gives the part before "(以下"), or NULL
 * when the text names none.  Caller frees.
 */
char *policy_guess_name(const struct policy *p);

/* Finds a clause by its ID, or NULL. */
const struct clause *policy_find(const struct policy *p, const char *id);

#endif
