/* diff.h: this year against another: each item classified, sections'
 * 実施率 compared, and items matched across policy versions.
 *
 * A pure computation on two score results (docs/scoring.md).  Ownership:
 * struct diff_result owns its arrays; diff_release() frees them.  It
 * points into both score results.
 */
#ifndef KANSA_DIFF_H
#define KANSA_DIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "checklist.h"
#include "err.h"
#include "score.h"

enum diff_class {
	DIFF_IMPROVED,	 /* 改善: met now, not met before */
	DIFF_DECLINED,	 /* 悪化: met before, not met now */
	DIFF_KEPT,	 /* 維持: met both years */
	DIFF_PERSISTENT, /* 継続: not met both years */
	DIFF_NEW,	 /* 新規: no item before */
	DIFF_REMOVED,	 /* 削除: no item now */
	DIFF_CLASSES
};

const char *diff_class_name(enum diff_class c);

struct diff_item {
	const struct score_item *now;	 /* this year's; NULL for 削除 */
	const struct score_item *before; /* the other's; NULL for 新規 */
	enum diff_class cls;		 /* the class */
	bool reworded;			 /* 文言変更: the text differs */
	bool moved;			 /* matched under another ID */
	bool by_mapping;   /* matched by the checklist's [mapping] */
	double similarity; /* of the two texts, 0..1 */
};

struct diff_part {
	const char *key;    /* chapter or section ID of this year */
	double rate_now;    /* 実施率 now (self view), < 0 when none */
	double rate_before; /* of the same items the year before, < 0 */
	double change;	    /* now - before (0 when either is missing) */
};

struct diff_result {
	struct diff_item *items; /* this year's order, then 削除 */
	size_t nitems;
	size_t by_class[DIFF_CLASSES];
	size_t reworded;	    /* items with 文言変更 */
	size_t moved;		    /* items matched under another ID */
	struct diff_part *chapters; /* this year's chapters */
	size_t nchapters;
	struct diff_part *sections; /* this year's sections */
	size_t nsections;
	const struct diff_part *improved[5]; /* most improved sections */
	size_t nimproved;
	const struct diff_part *declined[5]; /* most declined sections */
	size_t ndeclined;
};

/* Similarity of two texts (bigrams of characters, spaces aside), 0..1. */
double diff_similarity(const char *a, const char *b);

/*
 * Compares now with before.  map (nmap entries, may be NULL) is this
 * checklist's [mapping]: old ID = new ID, which overrides the matching.
 */
enum kansa_err diff_compute(const struct score_result *now,
			    const struct score_result *before,
			    const struct mapping *map, size_t nmap,
			    struct diff_result *out);
void diff_release(struct diff_result *d);

/* The diff of an item of this year, or NULL. */
const struct diff_item *diff_of_item(const struct diff_result *d,
				     const char *item_id);

/* How an item of a year's policy version fares when the year moves to
 * another version (kansa year move), by the matching above. */
enum diff_move_kind {
	MOVE_SAME,	 /* same ID and text */
	MOVE_RENUMBERED, /* under another ID (its text may have changed) */
	MOVE_CHANGED,	 /* same ID, the text changed */
	MOVE_REMOVED,	 /* no counterpart: its answers go to the history */
	MOVE_ADDED	 /* new in the target version: nobody answered it */
};

const char *diff_move_kind_name(enum diff_move_kind k);

struct diff_move {
	const struct item *from; /* the year's item; NULL when added */
	const struct item *to;	 /* its counterpart; NULL when removed */
	enum diff_move_kind kind;
	bool reworded;	   /* the texts differ */
	bool by_mapping;   /* matched by the target's [mapping] */
	double similarity; /* of the two texts, 0..1 */
};

/*
 * The mapping from a year's version (from) to another (to): each item of
 * from in its order with its counterpart in to (the diff's matching: the
 * target's [mapping], then the same ID with a similar text, then the most
 * similar text), then the items of to that have none.  *out (points into
 * both checklists) is freed by the caller; KANSA_ERR_NOMEM on failure.
 */
enum kansa_err diff_move_plan(const struct checklist *from,
			      const struct checklist *to,
			      struct diff_move **out, size_t *n);

#endif
