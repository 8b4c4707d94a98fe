/* strpool.h: strings stored once each (equal strings share one copy) in
 * large blocks, all freed together.
 *
 * Ownership: the pool owns every string strpool_add() returns; they stay
 * valid until strpool_release().  A pool may be moved (copied by value,
 * the source then zeroed): its strings do not move with it.
 */
#ifndef KANSA_STRPOOL_H
#define KANSA_STRPOOL_H

#include <stddef.h>

struct strpool_block;

struct strpool {
	struct strpool_block *blocks; /* newest first */
	size_t left;		      /* bytes free in the newest block */
	const char **slot;	      /* open-addressed table of the strings */
	size_t nslot;		      /* its size, a power of two (or 0) */
	size_t n;		      /* distinct strings */
};

/* The pool's copy of s[0..len) (no NUL inside), the same pointer for
 * equal strings; NULL when out of memory. */
const char *strpool_add(struct strpool *p, const char *s, size_t len);
/* Frees every string of the pool and empties it. */
void strpool_release(struct strpool *p);

#endif
