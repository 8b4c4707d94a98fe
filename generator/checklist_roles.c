/* checklist_roles.c: the roles (actors) a clause's sentences name. */
#include "checklist_internal.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "roles.h"
#include "text.h"

/* The role table of the derive under way (set by checklist_derive). */
const struct role_table *checklist_roles_now;

/* What may follow a role name that is the actor of a sentence. */
static const char *const actor_followers[] = {
	"は", "及び", "並びに", "、", ",", "が", "又は", "と", "等",
};

/* Spaces dropped and the typo CIS0 read as CISO (for matching only). */
char *checklist_squeeze(const char *s, size_t n)
{
	char *out = malloc(n + 1);
	size_t o = 0;
	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == ' ')
			continue;
		if (i + 4 <= n && memcmp(s + i, "CIS0", 4) == 0) {
			memcpy(out + o, "CISO", 4);
			o += 4;
			i += 3;
			continue;
		}
		out[o++] = s[i];
	}
	out[o] = '\0';
	return out;
}

/* True for kanji and katakana: a name after one is part of a longer
 * name (統括情報セキュリティ責任者 is not 情報セキュリティ責任者). */
bool checklist_in_word(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x30A1 && cp <= 0x30FA);
}

/* The role whose name or alias starts at s[i] (longest first) as a whole
 * name, or -1; sets *len. */
static int role_at(const char *s, size_t i, size_t *len)
{
	int best = -1;
	size_t blen = 0;
	for (size_t r = 0; r < checklist_roles_now->n; r++) {
		const struct role *ro = &checklist_roles_now->v[r];
		for (size_t k = 0; k <= ro->naliases; k++) {
			const char *name = k ? ro->aliases[k - 1] : ro->name;
			size_t m = strlen(name);
			if (m > blen && strncmp(s + i, name, m) == 0) {
				best = (int)r;
				blen = m;
			}
		}
	}
	*len = blen;
	if (best >= 0 && i > 0) {
		size_t j = i;
		uint32_t cp;
		while (j > 0 && ((unsigned char)s[j - 1] & 0xC0) == 0x80)
			j--;
		if (j > 0 && text_u8_next(s + j - 1, i - j + 1, &cp) > 0 &&
		    checklist_in_word(cp))
			return -1;
	}
	return best;
}

/* A role name found in a text. */
struct role_match {
	int role;     /* index in the role table */
	size_t start; /* byte offsets in the text */
	size_t end;
	bool actor; /* followed by what may follow an actor */
};

#define MAX_MATCHES 16

/* The role names in s, left to right, longest first at each place. */
static size_t find_roles(const char *s, const char *const *followers,
			 size_t nfollowers, struct role_match *m)
{
	size_t n = 0;
	for (size_t i = 0; s[i] && n < MAX_MATCHES;) {
		size_t len;
		int r = role_at(s, i, &len);
		if (r < 0) {
			i++;
			continue;
		}
		m[n].role = r;
		m[n].start = i;
		m[n].end = i + len;
		m[n].actor = false;
		for (size_t f = 0; f < nfollowers; f++)
			if (strncmp(s + i + len, followers[f],
				    strlen(followers[f])) == 0)
				m[n].actor = true;
		i += len;
		n++;
	}
	return n;
}

/* True when s[a..b) joins two role names: 及び, 並びに, 、 ... */
static bool coordinator(const char *s, size_t a, size_t b)
{
	static const char *const words[] = {"及び", "並びに", "、", ",",
					    "又は"};
	for (size_t i = 0; i < COUNT(words); i++)
		if (b - a == strlen(words[i]) &&
		    memcmp(s + a, words[i], b - a) == 0)
			return true;
	return false;
}

/*
 * The actors named in a topic (the words before は、): when it ends with
 * a role name, that name and those joined to it (CISO 及び情報セキュリテ
 * ィ責任者); otherwise every role name followed by what may follow an
 * actor.  Returns a bit set over checklist_roles.
 */
static unsigned topic_roles(const char *topic)
{
	struct role_match m[MAX_MATCHES];
	size_t n =
		find_roles(topic, actor_followers, COUNT(actor_followers), m);
	unsigned set = 0;

	if (n > 0 && m[n - 1].end == strlen(topic)) {
		set = 1u << m[n - 1].role;
		for (size_t j = n - 1;
		     j > 0 && coordinator(topic, m[j - 1].end, m[j].start); j--)
			set |= 1u << m[j - 1].role;
		return set;
	}
	for (size_t j = 0; j < n; j++)
		if (m[j].actor)
			set |= 1u << m[j].role;
	return set;
}

/*
 * The actors of one sentence: the roles of its topic (before the first
 * は、), else a role written as an explicit subject (ROLEは, ROLEが、).
 */
unsigned checklist_sentence_roles(const char *s, size_t n)
{
	static const char *const subject[] = {"は", "が、"};
	struct role_match m[MAX_MATCHES];
	char *sq = checklist_squeeze(s, n), *topic;
	unsigned set = 0;
	size_t k;

	if (!sq)
		return 0;
	if ((topic = strstr(sq, "は、")) != NULL) {
		*topic = '\0';
		set = topic_roles(sq);
		*topic = 'x';
	}
	if (!set) {
		k = find_roles(sq, subject, COUNT(subject), m);
		for (size_t j = 0; j < k; j++)
			if (m[j].actor)
				set |= 1u << m[j].role;
	}
	free(sq);
	return set;
}

/*
 * The actors of a clause: of its obliging sentences (a sentence without
 * one continues the actor of the sentence before), else of any sentence,
 * else of its title.
 */
unsigned checklist_clause_roles(const struct clause *c)
{
	size_t pos = 0, st, n;
	unsigned any = 0, obliged = 0, prev = 0;

	while (checklist_next_sentence(c->text, &pos, &st, &n)) {
		unsigned r = checklist_sentence_roles(c->text + st, n);
		if (!r)
			r = prev;
		prev = r;
		any |= r;
		if (checklist_sentence_requires(c->text + st, n) ||
		    checklist_sentence_recommends(c->text + st, n))
			obliged |= r;
	}
	if (obliged)
		return obliged;
	if (any)
		return any;
	if (c->title) {
		char *sq = checklist_squeeze(c->title, strlen(c->title));
		if (sq) {
			any = topic_roles(sq);
			free(sq);
		}
	}
	return any;
}

char *checklist_roles_string(unsigned set)
{
	struct sbuf b = {0};
	if (!set)
		set = 1u << checklist_roles_now->def;
	for (size_t r = 0; r < checklist_roles_now->n; r++) {
		if (!(set & (1u << r)))
			continue;
		if (b.len)
			sbuf_add(&b, ",", 1);
		sbuf_adds(&b, checklist_roles_now->v[r].name);
	}
	return sbuf_take(&b);
}
