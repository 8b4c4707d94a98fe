/* strpool.c: strings stored once each, in blocks freed together. */
#include "strpool.h"

#include <stdlib.h>
#include <string.h>

/* Most bytes of strings in one block (a longer string has its own). */
#define BLOCK_BYTES 65536

struct strpool_block {
	struct strpool_block *next; /* older */
	char bytes[];		    /* the strings, each NUL-terminated */
};

/* FNV-1a of s[0..len). */
static size_t hash(const char *s, size_t len)
{
	size_t h = (size_t)14695981039346656037ULL;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * (size_t)1099511628211ULL;
	return h;
}

/* Doubles the table; false when out of memory. */
static int grow_table(struct strpool *p)
{
	size_t n = p->nslot ? p->nslot * 2 : 1024;
	const char **t = calloc(n, sizeof(*t));
	if (!t)
		return 0;
	for (size_t i = 0; i < p->nslot; i++) {
		const char *s = p->slot[i];
		size_t h;
		if (!s)
			continue;
		for (h = hash(s, strlen(s)) & (n - 1); t[h];
		     h = (h + 1) & (n - 1))
			;
		t[h] = s;
	}
	free(p->slot);
	p->slot = t;
	p->nslot = n;
	return 1;
}

/* Room for size bytes in the newest block (a new one when needed). */
static char *room(struct strpool *p, size_t size)
{
	struct strpool_block *b;
	size_t bytes = size > BLOCK_BYTES ? size : BLOCK_BYTES;

	if (p->blocks && p->left >= size) {
		p->left -= size;
		return p->blocks->bytes + (BLOCK_BYTES - p->left - size);
	}
	if (!(b = malloc(sizeof(*b) + bytes)))
		return NULL;
	if (size > BLOCK_BYTES && p->blocks) {
		/* behind the newest, whose free bytes stay usable */
		b->next = p->blocks->next;
		p->blocks->next = b;
		return b->bytes;
	}
	b->next = p->blocks;
	p->blocks = b;
	p->left = bytes - size;
	return b->bytes;
}

const char *strpool_add(struct strpool *p, const char *s, size_t len)
{
	size_t h;
	char *copy;

	if ((p->n + 1) * 2 > p->nslot && !grow_table(p))
		return NULL;
	for (h = hash(s, len) & (p->nslot - 1); p->slot[h];
	     h = (h + 1) & (p->nslot - 1))
		if (strncmp(p->slot[h], s, len) == 0 && !p->slot[h][len])
			return p->slot[h];
	if (!(copy = room(p, len + 1)))
		return NULL;
	memcpy(copy, s, len);
	copy[len] = '\0';
	p->slot[h] = copy;
	p->n++;
	return copy;
}

void strpool_release(struct strpool *p)
{
	while (p->blocks) {
		struct strpool_block *b = p->blocks;
		p->blocks = b->next;
		free(b);
	}
	free(p->slot);
	memset(p, 0, sizeof(*p));
}
