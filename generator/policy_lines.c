/* policy_lines.c: a policy text's lines normalised (NFKC, tags, blanks,
 * list marks) and the heading test. */
#include "policy_internal.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* True for hiragana: particles and verb endings are written in it. */
static bool is_hiragana(uint32_t cp)
{
	return cp >= 0x3041 && cp <= 0x309F;
}

/* The code point that ends at byte end of s (s[0..end)), or 0. */
uint32_t policy_cp_before(const char *s, size_t end)
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
bool policy_heading_like(const char *s, size_t max_width)
{
	const char *p;

	if (!*s || ends_with(s, "。") || ends_with(s, "、") ||
	    text_width(s) > max_width)
		return false;
	for (p = strstr(s, "、"); p; p = strstr(p + 1, "、"))
		if (is_hiragana(policy_cp_before(s, (size_t)(p - s))))
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
char *policy_strip_line(char *out, const char *strip)
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

char *policy_normalize_line(const char *s, size_t n, const char *strip)
{
	return policy_strip_line(normalize_base(s, n), strip);
}

void policy_prelines_free(struct prelines *pl)
{
	for (long i = 0; i < pl->n; i++)
		free(pl->v[i]);
	free(pl->v);
}

/* Splits and normalises text as parse_lines does; false when out of
 * memory. */
bool policy_prelines_make(struct prelines *pl, const char *text, size_t len)
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
	policy_prelines_free(pl);
	return false;
}
