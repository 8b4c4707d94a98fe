/* style.c: numbering styles (styles.ini) and matching their markers. */
#include "style.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fileio.h"
#include "ini.h"
#include "templates.h"
#include "workspace_dirs.h"
#include "text.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Katakana in 五十音 order (ア, イ, ウ ...) and in いろは order. */
static const char *const kata_order[] = {
	"ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ", "サ", "シ",
	"ス", "セ", "ソ", "タ", "チ", "ツ", "テ", "ト", "ナ", "ニ", "ヌ", "ネ",
	"ノ", "ハ", "ヒ", "フ", "ヘ", "ホ", "マ", "ミ", "ム", "メ", "モ", "ヤ",
	"ユ", "ヨ", "ラ", "リ", "ル", "レ", "ロ", "ワ", "ヲ", "ン",
};
static const char *const iroha_order[] = {
	"イ", "ロ", "ハ", "ニ", "ホ", "ヘ", "ト", "チ", "リ", "ヌ", "ル", "ヲ",
	"ワ", "カ", "ヨ", "タ", "レ", "ソ", "ツ", "ネ", "ナ", "ラ", "ム", "ウ",
	"ヰ", "ノ", "オ", "ク", "ヤ", "マ", "ケ", "フ", "コ", "エ", "テ", "ア",
	"サ", "キ", "ユ", "メ", "ミ", "シ", "ヱ", "ヒ", "モ", "セ", "ス",
};
static const char *const kanji_digits[] = {"一", "二", "三", "四", "五",
					   "六", "七", "八", "九"};
/* Flag names of levelN_flags, in enum style_flag order. */
static const char *const flag_names[] = {
	"own", "sequential", "heading", "title", "caption", "implicit_first"};
/* Placeholders a pattern may hold. */
enum ph { PH_N, PH_KATA, PH_IROHA, PH_CIRCLED, PH_KANJI, PH_UP, PH_NONE };
static const char *const ph_names[] = {"{n}",	    "{kata}",  "{iroha}",
				       "{circled}", "{kanji}", "{up}"};

/* The value of a circled number, or 0. */
static int circled_value(uint32_t cp)
{
	if (cp >= 0x2460 && cp <= 0x2473) /* ① ... ⑳ */
		return (int)(cp - 0x2460) + 1;
	if (cp >= 0x3251 && cp <= 0x325F) /* ㉑ ... ㉟ */
		return (int)(cp - 0x3251) + 21;
	if (cp >= 0x32B1 && cp <= 0x32BF) /* ㊱ ... ㊿ */
		return (int)(cp - 0x32B1) + 36;
	if (cp >= 0x2776 && cp <= 0x277F) /* ❶ ... ❿ */
		return (int)(cp - 0x2776) + 1;
	if (cp >= 0x2780 && cp <= 0x2789) /* ➀ ... ➉ */
		return (int)(cp - 0x2780) + 1;
	if (cp >= 0x278A && cp <= 0x2793) /* ➊ ... ➓ */
		return (int)(cp - 0x278A) + 1;
	if (cp >= 0x24EB && cp <= 0x24F4) /* ⓫ ... ⓴ */
		return (int)(cp - 0x24EB) + 11;
	return 0;
}

bool style_is_circled(unsigned cp)
{
	return circled_value(cp) > 0 || (cp >= 0x32D0 && cp <= 0x32FE);
}

static int table_index(const char *const *t, size_t n, const char *s,
		       size_t *len)
{
	for (size_t i = 0; i < n; i++) {
		size_t m = strlen(t[i]);
		if (strncmp(s, t[i], m) == 0) {
			*len = m;
			return (int)i + 1;
		}
	}
	return 0;
}

/* 一 ... 九十九 at s; 0 when none. */
static int kanji_value(const char *s, size_t *len)
{
	size_t l = 0, m;
	int tens = 0, ones = 0;

	if ((ones = table_index(kanji_digits, COUNT(kanji_digits), s, &m)))
		l += m;
	if (strncmp(s + l, "十", 3) == 0) {
		tens = ones ? ones : 1;
		ones = 0;
		l += 3;
		if ((ones = table_index(kanji_digits, COUNT(kanji_digits),
					s + l, &m)))
			l += m;
	}
	*len = l;
	return tens * 10 + ones;
}

/* Reads a placeholder name at p ("{n}"); PH_NONE when it is none. */
static enum ph placeholder(const char *p, size_t *len)
{
	for (size_t i = 0; i < COUNT(ph_names); i++) {
		size_t m = strlen(ph_names[i]);
		if (strncmp(p, ph_names[i], m) == 0) {
			*len = m;
			return (enum ph)i;
		}
	}
	return PH_NONE;
}

/* Matches one value of kind ph at s: its ordinal (> 0), 0 when none. */
static int match_value(enum ph ph, const char *s, size_t *len)
{
	int v = 0, n = 0;
	uint32_t cp;
	int l;

	switch (ph) {
	case PH_N:
		while (isdigit((unsigned char)s[n]) && n < 3)
			v = v * 10 + (s[n++] - '0');
		*len = (size_t)n;
		return n == 0 || isdigit((unsigned char)s[n]) ? 0 : v;
	case PH_KATA:
		return table_index(kata_order, COUNT(kata_order), s, len);
	case PH_IROHA:
		return table_index(iroha_order, COUNT(iroha_order), s, len);
	case PH_KANJI:
		return kanji_value(s, len);
	case PH_CIRCLED:
		l = text_u8_next(s, strlen(s), &cp);
		if (l <= 0 || !(v = circled_value(cp)))
			return 0;
		*len = (size_t)l;
		return v;
	default:
		return 0;
	}
}

/* True when s starts with a particle: "(1)の分類" is text, not a marker. */
static bool starts_with_particle(const char *s)
{
	static const char *const particles[] = {
		"の", "に", "を", "は", "が", "と", "で",
		"へ", "も", "や", "、", "。", ")",  "」",
	};
	for (size_t i = 0; i < COUNT(particles); i++)
		if (strncmp(s, particles[i], strlen(particles[i])) == 0)
			return true;
	return false;
}

/* True when a marker ending with the pattern's tail may run into text. */
static bool bracket_end(const char *pat, enum ph last_ph, bool last_is_ph)
{
	size_t n = strlen(pat);
	if (last_is_ph)
		return last_ph == PH_CIRCLED;
	return n > 0 && (pat[n - 1] == ')' || pat[n - 1] == ']' ||
			 (n >= 3 && (strcmp(pat + n - 3, "」") == 0 ||
				     strcmp(pat + n - 3, "】") == 0)));
}

/* Writes pattern pat with the values into out (48 bytes). */
static void expand(const char *pat, int ordinal, const char *value,
		   const char *up, char *out)
{
	struct sbuf b = {0};
	for (const char *p = pat; *p;) {
		size_t len;
		enum ph ph = *p == '{' ? placeholder(p, &len) : PH_NONE;
		if (ph == PH_NONE) {
			sbuf_add(&b, p++, 1);
		} else {
			if (ph == PH_N)
				sbuf_printf(&b, "%d", ordinal);
			else if (ph == PH_UP)
				sbuf_adds(&b, up ? up : "");
			else
				sbuf_adds(&b, value);
			p += len;
		}
	}
	snprintf(out, 48, "%s", b.s ? b.s : "");
	sbuf_release(&b);
}

/* Matches one pattern at s; fills m but for level. */
static bool match_alt(const struct style_level *lv, const char *pat,
		      const char *s, const char *up, int counted,
		      struct style_match *m)
{
	const char *p = pat, *q = s;
	char value[32] = "";
	enum ph last_ph = PH_NONE;
	bool last_is_ph = false, numbered = false, space;
	int ordinal = counted;

	while (*p) {
		size_t len, vlen;
		enum ph ph = *p == '{' ? placeholder(p, &len) : PH_NONE;
		if (ph == PH_NONE) {
			if (*q != *p)
				return false;
			p++;
			q++;
			last_is_ph = false;
			continue;
		}
		if (ph == PH_UP) {
			vlen = up ? strlen(up) : 0;
			if (!up || !*up || strncmp(q, up, vlen) != 0)
				return false;
		} else {
			int v = match_value(ph, q, &vlen);
			if (v < 1 || vlen >= sizeof(value))
				return false;
			ordinal = v;
			numbered = true;
			memcpy(value, q, vlen);
			value[vlen] = '\0';
			if (ph == PH_KATA)
				snprintf(value, sizeof(value), "%s",
					 kata_order[v - 1]);
		}
		p += len;
		q += vlen;
		last_ph = ph;
		last_is_ph = true;
	}
	space = (*q == ' ');
	if (bracket_end(pat, last_ph, last_is_ph)) {
		if (!space && *q && starts_with_particle(q))
			return false;
	} else if (*q && !space) {
		return false;
	}
	while (*q == ' ')
		q++;
	m->rest = q;
	m->ordinal = ordinal;
	if (numbered)
		expand(pat, ordinal, value, up, m->number);
	else if (lv->cite)
		expand(lv->cite, ordinal, value, up, m->number);
	else
		snprintf(m->number, sizeof(m->number), "%s%d", pat, ordinal);
	if (lv->cite)
		expand(lv->cite, ordinal, value, up, m->cite);
	else
		memcpy(m->cite, m->number, sizeof(m->cite));
	return true;
}

bool style_match(const struct style *st, int lv, const char *s, const char *up,
		 int counted, struct style_match *m)
{
	const struct style_level *l;

	if (lv < 1 || (size_t)lv > st->nlevels)
		return false;
	l = &st->level[lv - 1];
	for (size_t i = 0; i < l->nalt; i++) {
		memset(m, 0, sizeof(*m));
		if (match_alt(l, l->alt[i], s, up, counted, m)) {
			m->level = lv;
			return true;
		}
	}
	return false;
}

/* --- loading --------------------------------------------------------- */

static void style_release(struct style *st)
{
	free(st->name);
	free(st->description);
	free(st->strip);
	free(st->from);
	for (size_t i = 0; i < STYLE_MAX_LEVELS; i++) {
		for (size_t k = 0; k < st->level[i].nalt; k++)
			free(st->level[i].alt[k]);
		free(st->level[i].cite);
	}
	memset(st, 0, sizeof(*st));
}

void style_set_release(struct style_set *set)
{
	for (size_t i = 0; i < set->n; i++)
		style_release(&set->v[i]);
	free(set->v);
	set->v = NULL;
	set->n = 0;
}

const struct style *style_find(const struct style_set *set, const char *name)
{
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->v[i].name, name) == 0)
			return &set->v[i];
	return NULL;
}

/* Checks a pattern: known placeholders, at most one number. */
static bool pattern_ok(const char *pat)
{
	int numbers = 0;
	if (!*pat)
		return false;
	for (const char *p = pat; *p; p++) {
		size_t len;
		enum ph ph;
		if (*p != '{')
			continue;
		if ((ph = placeholder(p, &len)) == PH_NONE)
			return false;
		numbers += ph != PH_UP;
		p += len - 1;
	}
	return numbers <= 1;
}

/* Splits "a | b" into the level's alternatives. */
static bool read_alts(struct style_level *lv, const char *v)
{
	char *copy = strdup(v), *save = NULL;
	bool ok = copy != NULL;
	for (char *t = copy ? strtok_r(copy, "|", &save) : NULL; t && ok;
	     t = strtok_r(NULL, "|", &save)) {
		char *e = t + strlen(t);
		while (*t == ' ')
			t++;
		while (e > t && e[-1] == ' ')
			*--e = '\0';
		if (lv->nalt == STYLE_MAX_ALTS || !pattern_ok(t)) {
			ok = false;
			break;
		}
		if (!(lv->alt[lv->nalt++] = strdup(t)))
			ok = false;
		if (strstr(t, "{up}"))
			lv->up = true;
	}
	free(copy);
	return ok && lv->nalt > 0;
}

static bool read_flags(struct style_level *lv, const char *v, char *bad,
		       size_t size)
{
	char *copy = strdup(v), *save = NULL;
	bool ok = copy != NULL;
	for (char *t = copy ? strtok_r(copy, ", ", &save) : NULL; t && ok;
	     t = strtok_r(NULL, ", ", &save)) {
		size_t k;
		for (k = 0; k < COUNT(flag_names); k++)
			if (strcmp(t, flag_names[k]) == 0)
				break;
		if (k == COUNT(flag_names)) {
			snprintf(bad, size, "%s", t);
			ok = false;
		} else {
			lv->flags |= 1u << k;
		}
	}
	free(copy);
	return ok;
}

/* Reads levelN, levelN_cite, levelN_flags, levelN_gap of one level. */
static bool read_level(const struct ini_file *f, const struct ini_section *s,
		       int n, struct style_level *lv, struct diags *d)
{
	char key[32], bad[64] = "";
	const char *v;
	char *end;

	snprintf(key, sizeof(key), "level%d", n);
	if (!(v = ini_get(f, s, key)) || !*v)
		return false;
	lv->gap = 3;
	if (!read_alts(lv, v))
		diags_add(d, DIAG_ERROR, f->path, ini_key_line(s, key),
			  "bad marker '%s' in style [%s] (expected text with "
			  "at most one of {n}, {kata}, {iroha}, {circled}, "
			  "{kanji}, and {up}; alternatives split by |)",
			  v, s->name);
	snprintf(key, sizeof(key), "level%d_cite", n);
	if ((v = ini_get(f, s, key)) && *v && !(lv->cite = strdup(v)))
		return false;
	if (lv->cite && !pattern_ok(lv->cite))
		diags_add(d, DIAG_ERROR, f->path, ini_key_line(s, key),
			  "bad citation '%s' in style [%s]", lv->cite, s->name);
	snprintf(key, sizeof(key), "level%d_flags", n);
	if ((v = ini_get(f, s, key)) && !read_flags(lv, v, bad, sizeof(bad)))
		diags_add(d, DIAG_ERROR, f->path, ini_key_line(s, key),
			  "unknown flag '%s' in style [%s] (expected own, "
			  "sequential, heading, title, caption or "
			  "implicit_first)",
			  bad, s->name);
	snprintf(key, sizeof(key), "level%d_gap", n);
	if ((v = ini_get(f, s, key))) {
		long g = strtol(v, &end, 10);
		if (end == v || *end || g < 0 || g > 99)
			diags_add(d, DIAG_ERROR, f->path, ini_key_line(s, key),
				  "gap '%s' in style [%s] is not a number "
				  "from 0 to 99",
				  v, s->name);
		else
			lv->gap = (int)g;
	}
	return true;
}

static enum kansa_err read_style(const struct ini_file *f,
				 const struct ini_section *s, struct style *st,
				 struct diags *d)
{
	static const char *const keys[] = {"description", "strip", "level*"};
	const char *v;

	ini_warn_unknown_keys(f, s, keys, COUNT(keys), d);
	if (!(st->name = strdup(s->lower)) || !(st->from = strdup(f->path)))
		return KANSA_ERR_NOMEM;
	v = ini_get(f, s, "description");
	if (!(st->description = strdup(v ? v : "")))
		return KANSA_ERR_NOMEM;
	if ((v = ini_get(f, s, "strip")) && *v && !(st->strip = strdup(v)))
		return KANSA_ERR_NOMEM;
	while (st->nlevels < STYLE_MAX_LEVELS &&
	       read_level(f, s, (int)st->nlevels + 1, &st->level[st->nlevels],
			  d))
		st->nlevels++;
	if (st->nlevels == 0)
		diags_add(d, DIAG_ERROR, f->path, s->line,
			  "style [%s] has no 'level1' (expected e.g. "
			  "'level1 = 第{n}')",
			  s->name);
	return KANSA_OK;
}

/* Adds or replaces a style of set with st (taken). */
static enum kansa_err set_put(struct style_set *set, struct style *st)
{
	struct style *v;
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->v[i].name, st->name) == 0) {
			style_release(&set->v[i]);
			set->v[i] = *st;
			return KANSA_OK;
		}
	if (!(v = realloc(set->v, (set->n + 1) * sizeof(*v))))
		return KANSA_ERR_NOMEM;
	set->v = v;
	set->v[set->n++] = *st;
	return KANSA_OK;
}

enum kansa_err style_set_parse(struct style_set *set, const char *name,
			       const char *text, size_t len, struct diags *d)
{
	static const char *const kinds[] = {"styles", NULL};
	struct ini_file *f = NULL;
	size_t errors = d->errors;
	enum kansa_err err = ini_parse(name, text, len, kinds, d, &f);

	for (size_t i = 0; !err && i < f->nsections; i++) {
		struct style st = {0};
		if (strcmp(f->sections[i].lower, "kansa") == 0)
			continue;
		if ((err = read_style(f, &f->sections[i], &st, d)) ||
		    d->errors > errors || (err = set_put(set, &st)))
			style_release(&st);
	}
	ini_free(f);
	if (!err && d->errors > errors)
		err = KANSA_ERR_INPUT;
	return err;
}

enum kansa_err style_set_parse_builtin(struct style_set *set, struct diags *d)
{
	for (const struct template_file *t = templates_builtin; t->name; t++)
		if (strcmp(t->name, "styles.ini") == 0)
			return style_set_parse(set, "compiled-in styles.ini",
					       t->data, t->len, d);
	return KANSA_OK;
}

enum kansa_err style_set_load(struct style_set *set, const char *dir,
			      struct diags *d)
{
	enum kansa_err err;
	char *path = NULL, *data = NULL;
	struct sbuf p = {0};
	struct stat sb;
	size_t len;

	if ((err = style_set_parse_builtin(set, d)))
		return err;
	if (!dir)
		dir = workspace_current_templates();
	sbuf_printf(&p, "%s/styles.ini", dir ? dir : "templates");
	if (!(path = sbuf_take(&p)))
		return KANSA_ERR_NOMEM;
	if (stat(path, &sb) == 0 &&
	    !(err = fileio_read(path, 1024 * 1024, &data, &len, d)))
		err = style_set_parse(set, path, data, len, d);
	free(data);
	free(path);
	return err == KANSA_ERR_IO ? KANSA_ERR_INPUT : err;
}
