/* style.h: numbering styles of policy texts, read from styles.ini.
 *
 * A style says, level by level, how a marker is written, how it is cited
 * in an item ID and how it is numbered.  The built-in styles come from
 * templates/styles.ini (compiled in); a workspace adds or replaces styles
 * in its own templates/styles.ini.
 *
 * Ownership: a struct style_set owns its styles and every string in them;
 * style_set_release() frees them.
 */
#ifndef KANSA_STYLE_H
#define KANSA_STYLE_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"

/* Most levels a style may have (chapter ... the sixth level). */
#define STYLE_MAX_LEVELS 6
/* Most alternative markers of one level ("第{n}章 | 第{kanji}章"). */
#define STYLE_MAX_ALTS 4

enum style_flag {
	STYLE_OWN = 1 << 0,	   /* the ID is the citation alone */
	STYLE_SEQUENTIAL = 1 << 1, /* numbered through the text, each +1 */
	STYLE_HEADING = 1 << 2,	   /* a marker only before a heading */
	STYLE_TITLE = 1 << 3,	   /* the marker line's text is a title */
	STYLE_CAPTION = 1 << 4,	   /* a "(見出し)" line above is its title */
	STYLE_IMPLICIT_FIRST = 1 << 5 /* number 1 is not written (項) */
};

struct style_level {
	char *alt[STYLE_MAX_ALTS]; /* marker patterns: "({n})", "{up}-{n}" */
	size_t nalt;		   /* how many */
	char *cite;		   /* citation pattern, or NULL: as written */
	unsigned flags;		   /* enum style_flag bits */
	int gap;		   /* numbers that may be skipped */
	bool up;		   /* a pattern holds {up} (a section) */
};

struct style {
	char *name;	   /* "council" */
	char *description; /* "1 / 5-1 / (1) / ア / (ア)" */
	char *strip;	   /* list mark dropped from line starts, or NULL */
	char *from;	   /* where it was read ("compiled-in", a path) */
	struct style_level level[STYLE_MAX_LEVELS]; /* outermost first */
	size_t nlevels;				    /* how many */
};

struct style_set {
	struct style *v; /* in file order, built-in first */
	size_t n;	 /* how many */
};

/* A marker matched at the start of a line. */
struct style_match {
	int level;	  /* 1-based level */
	int ordinal;	  /* the marker's value: 2 for "(2)", 7 for キ */
	char number[48];  /* as written, canonical: "(2)", "7-1", "①" */
	char cite[48];	  /* as cited in an ID: "第2項", "-2", "(2)" */
	const char *rest; /* the text after the marker */
};

/*
 * Loads the built-in styles and then those of templates/styles.ini in
 * dir (or ./templates when dir is NULL), a style of the same name
 * replacing the built-in one.  Problems go to d with file:line; returns
 * KANSA_ERR_INPUT, KANSA_ERR_NOMEM or KANSA_OK.
 */
enum kansa_err style_set_load(struct style_set *set, const char *dir,
			      struct diags *d);
/* Only the compiled-in styles. */
enum kansa_err style_set_parse_builtin(struct style_set *set, struct diags *d);
/* The same from one file's text (for tests and fuzzing). */
enum kansa_err style_set_parse(struct style_set *set, const char *name,
			       const char *text, size_t len, struct diags *d);
void style_set_release(struct style_set *set);
/* The style called name, or NULL. */
const struct style *style_find(const struct style_set *set, const char *name);

/*
 * Matches level lv (1-based) of st at the start of s.  up is the
 * citation of the open parent (for {up}) or NULL.  A marker must be
 * followed by a space or the line end, except after a closing bracket or
 * a circled number, where text may follow directly unless it begins with
 * a particle ("(1)の" is text).  counted is the ordinal a marker without
 * a number gets.  Returns true and fills m on a match.
 */
bool style_match(const struct style *st, int lv, const char *s, const char *up,
		 int counted, struct style_match *m);

/* The code point is a circled number or letter (kept from NFKC). */
bool style_is_circled(unsigned cp);

#endif
