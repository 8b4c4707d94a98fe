/* ini.c: loading any kansa INI file safely before iniparser sees it. */
#define _GNU_SOURCE /* memfd_create */
#include "ini.h"

#include <ctype.h>
#include <errno.h>
#include <iniparser.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fileio.h"

unsigned long ini_disagreements;

/* iniparser's error callback has no user data: the load in progress. */
static struct sbuf *parser_errors;

static int collect_error(const char *fmt, ...)
{
	va_list ap;
	char msg[512];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (parser_errors)
		sbuf_adds(parser_errors, msg);
	return 0;
}

/* FNV-1a of a string. */
static size_t hash_of(const char *s)
{
	size_t h = 14695981039346656037u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* Adds index idx (name) to the table, growing it to stay half empty. */
static bool table_add(size_t **slots, size_t *nslots, size_t count, size_t idx,
		      const char *(*get)(const void *, size_t), const void *arr)
{
	if ((count + 1) * 2 > *nslots) {
		size_t n = *nslots ? *nslots * 2 : 16;
		size_t *v = calloc(n, sizeof(*v));
		if (!v)
			return false;
		for (size_t i = 0; i < *nslots; i++) {
			size_t j;
			if (!(*slots)[i])
				continue;
			for (j = hash_of(get(arr, (*slots)[i] - 1)) & (n - 1);
			     v[j]; j = (j + 1) & (n - 1))
				;
			v[j] = (*slots)[i];
		}
		free(*slots);
		*slots = v;
		*nslots = n;
	}
	for (size_t j = hash_of(get(arr, idx)) & (*nslots - 1);;
	     j = (j + 1) & (*nslots - 1))
		if (!(*slots)[j]) {
			(*slots)[j] = idx + 1;
			return true;
		}
}

static const char *section_name(const void *arr, size_t i)
{
	return ((const struct ini_section *)arr)[i].lower;
}

static const char *key_name(const void *arr, size_t i)
{
	return ((const struct ini_key *)arr)[i].lower;
}

static char *trim_dup(const char *s, size_t n)
{
	char *r;
	while (n > 0 && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	if (!(r = malloc(n + 1)))
		return NULL;
	memcpy(r, s, n);
	r[n] = '\0';
	return r;
}

void ini_free(struct ini_file *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->nsections; i++) {
		struct ini_section *s = &f->sections[i];
		/* name starts the one allocation of each key's strings
		 * and of each section's (copy_strings) */
		for (size_t k = 0; k < s->nkeys; k++)
			free(s->keys[k].name);
		free(s->keys);
		free(s->slots);
		free(s->name);
	}
	free(f->sections);
	free(f->slots);
	free(f->path);
	free(f->kind);
	free(f->sha256);
	if (f->dict)
		iniparser_freedict(f->dict);
	free(f);
}

/* FNV-1a of name lowercased (ASCII, as iniparser does), without a copy. */
static size_t hash_of_lowered(const char *s)
{
	size_t h = 14695981039346656037u;
	for (; *s; s++)
		h = (h ^ (unsigned char)tolower((unsigned char)*s)) *
		    1099511628211u;
	return h;
}

/* Whether lower is name lowercased (ASCII, as iniparser does). */
static bool is_lowered(const char *lower, const char *name)
{
	for (; *name; name++, lower++)
		if (*lower != (char)tolower((unsigned char)*name))
			return false;
	return !*lower;
}

/*
 * Finds name, in any case, in an open-addressing table of indexes (+1)
 * into an array of lower names reached by get(); returns the index or
 * -1.  No lowercased copy of name is made (a lookup per key of every
 * sheet).
 */
static long table_find(const size_t *slots, size_t nslots, const char *name,
		       const char *(*get)(const void *, size_t),
		       const void *arr)
{
	if (!nslots)
		return -1;
	for (size_t i = hash_of_lowered(name) & (nslots - 1);;
	     i = (i + 1) & (nslots - 1)) {
		if (!slots[i])
			return -1;
		if (is_lowered(get(arr, slots[i] - 1), name))
			return (long)(slots[i] - 1);
	}
}

const struct ini_section *ini_section(const struct ini_file *f,
				      const char *name)
{
	long i = table_find(f->slots, f->nslots, name, section_name,
			    f->sections);
	return i < 0 ? NULL : &f->sections[i];
}

const struct ini_key *ini_key(const struct ini_section *s, const char *name)
{
	long i = table_find(s->slots, s->nslots, name, key_name, s->keys);
	return i < 0 ? NULL : &s->keys[i];
}

const char *ini_get(const struct ini_file *f, const struct ini_section *s,
		    const char *key)
{
	const struct ini_key *k;

	(void)f; /* iniparser read the same (check_agreement) */
	if (!s || !(k = ini_key(s, key)))
		return NULL;
	return k->value;
}

char *ini_get_joined(const struct ini_file *f, const struct ini_section *s,
		     const char *key)
{
	struct sbuf b = {0}, part = {0};
	const char *v = ini_get(f, s, key);
	size_t kl = v ? strlen(key) : 0;
	char two[64], *t;

	if (!v)
		return NULL;
	/* most values are one key: no "key.2" in the section (looked up
	 * without formatting, three times for every answer) */
	if (kl + 3 <= sizeof(two)) {
		memcpy(two, key, kl);
		memcpy(two + kl, ".2", 3);
		if (!ini_get(f, s, two))
			return text_trim(v);
	}
	sbuf_adds(&b, v);
	for (int i = 2; i <= INI_MAX_KEYS; i++) {
		part.len = 0;
		sbuf_printf(&part, "%s.%d", key, i);
		if (part.oom || !(v = ini_get(f, s, part.s)))
			break;
		sbuf_adds(&b, v);
	}
	sbuf_release(&part);
	if (b.oom) {
		sbuf_release(&b);
		return NULL;
	}
	t = text_trim(b.s ? b.s : "");
	sbuf_release(&b);
	return t;
}

/* --- scanning the raw lines ------------------------------------------ */

struct scan {
	struct ini_file *f; /* being filled */
	struct diags *d;    /* where problems go */
	bool oom;	    /* an allocation failed */
	bool duplicate;	    /* in a repeated section: its keys are skipped */
	size_t nkeys;	    /* keys so far in the whole file */
	char *room;	    /* for the key and value of a line */
	size_t nroom;	    /* its bytes */
};

/* sc->room with at least n bytes (kept from line to line), or NULL. */
static char *scan_room(struct scan *sc, size_t n)
{
	if (n > sc->nroom) {
		char *r = realloc(sc->room, n);
		if (!r) {
			sc->oom = true;
			return NULL;
		}
		sc->room = r;
		sc->nroom = n;
	}
	return sc->room;
}

/*
 * Copies the n strings src[i] (len[i] bytes each) into one allocation,
 * *dst[i] pointing at each copy (dst[0] at the start: the one to free);
 * the second is written lowercased when lower_second.  false when out of
 * memory.  Four strings a key in one malloc: per-key copies made the
 * scan of an import's sheets mostly malloc.
 */
static bool copy_strings(const char *const *src, const size_t *len,
			 char **const *dst, size_t n, bool lower_second)
{
	size_t total = 0;
	char *p;

	for (size_t i = 0; i < n; i++)
		total += len[i] + 1;
	if (!(p = malloc(total)))
		return false;
	for (size_t i = 0; i < n; i++) {
		*dst[i] = p;
		memcpy(p, src[i], len[i]);
		p[len[i]] = '\0';
		if (i == 1 && lower_second)
			for (char *c = p; *c; c++)
				*c = (char)tolower((unsigned char)*c);
		p += len[i] + 1;
	}
	return true;
}

static struct ini_section *add_section(struct scan *sc, const char *name,
				       long line)
{
	struct ini_file *f = sc->f;
	struct ini_section *v, *s;
	size_t n = strlen(name);
	long dup = table_find(f->slots, f->nslots, name, section_name,
			      f->sections);

	if (dup >= 0) {
		diags_add(sc->d, DIAG_ERROR, f->path, line,
			  "duplicate section '[%s]' (first at line %ld): merge "
			  "the two into one",
			  name, f->sections[dup].line);
		sc->duplicate = true;
		return &f->sections[dup];
	}
	if (!(v = text_grow(f->sections, f->nsections, sizeof(*v)))) {
		sc->oom = true;
		return NULL;
	}
	f->sections = v;
	s = &v[f->nsections];
	memset(s, 0, sizeof(*s));
	s->line = line;
	if (!copy_strings((const char *const[]){name, name},
			  (const size_t[]){n, n},
			  (char **const[]){&s->name, &s->lower}, 2, true)) {
		sc->oom = true;
		return NULL;
	}
	f->nsections++;
	if (!table_add(&f->slots, &f->nslots, f->nsections - 1,
		       f->nsections - 1, section_name, f->sections))
		sc->oom = true;
	return s;
}

static void add_key(struct scan *sc, struct ini_section *s, const char *name,
		    const char *raw, bool quoted, long line)
{
	struct ini_key *v, *k;
	size_t nl = strlen(name), rl = strlen(raw), b = 0, e = rl;
	long dup = table_find(s->slots, s->nslots, name, key_name, s->keys);

	if (dup >= 0) {
		diags_add(sc->d, DIAG_ERROR, sc->f->path, line,
			  "duplicate key '%s' in [%s] (first at line %ld): "
			  "only one value can count",
			  name, s->name, s->keys[dup].line);
		return;
	}
	if (++sc->nkeys > INI_MAX_KEYS) {
		if (sc->nkeys == INI_MAX_KEYS + 1)
			diags_add(sc->d, DIAG_ERROR, sc->f->path, line,
				  "too many keys (more than %d in one file): "
				  "split the file",
				  INI_MAX_KEYS);
		return;
	}
	if (!(v = text_grow(s->keys, s->nkeys, sizeof(*v)))) {
		sc->oom = true;
		return;
	}
	s->keys = v;
	k = &v[s->nkeys];
	k->line = line;
	/* white space of any kind off an unquoted value (iniparser takes
	 * only ASCII's); quotes keep what they hold */
	if (!quoted)
		text_trim_span(raw, &b, &e);
	if (!copy_strings(
		    (const char *const[]){name, name, raw, raw + b},
		    (const size_t[]){nl, nl, rl, e - b},
		    (char **const[]){&k->name, &k->lower, &k->raw, &k->value},
		    4, true)) {
		sc->oom = true;
		return;
	}
	s->nkeys++;
	if (!table_add(&s->slots, &s->nslots, s->nkeys - 1, s->nkeys - 1,
		       key_name, s->keys))
		sc->oom = true;
}

/* iniparser's strstrip(): white space off both ends, in place. */
static char *strip(char *s)
{
	char *e;
	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	*e = '\0';
	return s;
}

/*
 * The value iniparser 4.1 gives "key = value" (iniparser_line(), with
 * the very sscanf() formats it uses), into val (strlen(s) + 1 bytes):
 * 2 when it was quoted, 1 when not, 0 when iniparser calls the line a
 * syntax error.
 */
static int iniparser_value(const char *s, char *key, char *val)
{
	const char *eq = strchr(s, '='), *after;

	/* the common line, "key = value" with a value that neither starts
	 * with a quote nor holds ';' or '#', without sscanf() (five calls a
	 * line were a tenth of an import): the formats below give exactly
	 * this for it (the quoted ones fail at their quote, the third takes
	 * the rest of the line) */
	if (eq && eq != s) {
		for (after = eq + 1; isspace((unsigned char)*after); after++)
			;
		/* "key =" with nothing after: only the fifth format matches
		 * ("%[^=] %[=]"), an empty value (every blank comment of a
		 * sheet went through five sscanf() calls) */
		if (!*after) {
			memcpy(key, s, (size_t)(eq - s));
			key[eq - s] = '\0';
			val[0] = '\0';
			return 1;
		}
		if (*after != '"' && *after != '\'' && !strpbrk(after, ";#")) {
			char *t;
			memcpy(key, s, (size_t)(eq - s));
			key[eq - s] = '\0';
			t = strip(strcpy(val, after));
			memmove(val, t, strlen(t) + 1);
			return 1;
		}
	}
	if (sscanf(s, "%[^=] = \"%[^\"]\"", key, val) == 2 ||
	    sscanf(s, "%[^=] = '%[^\']'", key, val) == 2)
		return 2;
	if (sscanf(s, "%[^=] = %[^;#]", key, val) == 2) {
		char *v = strip(val);
		memmove(val, v, strlen(v) + 1);
		if (!strcmp(val, "\"\"") || !strcmp(val, "''"))
			val[0] = '\0';
		return 1;
	}
	if (sscanf(s, "%[^=] = %[;#]", key, val) == 2 ||
	    sscanf(s, "%[^=] %[=]", key, val) == 2) {
		val[0] = '\0';
		return 1;
	}
	return 0;
}

/*
 * Warns of text of the value after '=' (v) that iniparser drops: what
 * follows a closing quote, or an unquoted value from a ';' or '#' on,
 * except a comment: ';' after white space, or anything after a quoted
 * value that starts with ';' or '#'.  An opening quote without its
 * closing one is an error (iniparser would drop the quote).
 */
static void check_dropped(struct scan *sc, const char *v, long line,
			  const char *key)
{
	const char *cut;

	while (isspace((unsigned char)*v))
		v++;
	if ((*v == '"' || *v == '\'') && v[1] && v[1] != *v) {
		const char *close = strchr(v + 1, *v);
		if (!close) {
			diags_add(sc->d, DIAG_ERROR, sc->f->path, line,
				  "the value of '%s' opens a quote (%c) that "
				  "is never closed: close it at the end of "
				  "the value",
				  key, *v);
			return;
		}
		for (cut = close + 1; isspace((unsigned char)*cut); cut++)
			;
		if (*cut && *cut != ';' && *cut != '#')
			diags_add(sc->d, DIAG_WARNING, sc->f->path, line,
				  "text after the closing quote of '%s' is "
				  "dropped: '%s' (put it inside the quotes)",
				  key, cut);
		return;
	}
	cut = v + strcspn(v, ";#");
	if (!*cut ||
	    (*cut == ';' && (cut == v || isspace((unsigned char)cut[-1]))))
		return;
	diags_add(sc->d, DIAG_WARNING, sc->f->path, line,
		  "the value of '%s' is cut at '%c': '%s' is read as a "
		  "comment and dropped (put the value in double quotes to "
		  "keep it)",
		  key, *cut, cut);
}

/* A [section] line s (stripped, starting with '['). */
static void scan_section(struct scan *sc, struct ini_section **cur, char *s,
			 long line)
{
	char *close = strchr(s, ']'), *name;
	size_t len = strlen(s);

	if (!close) {
		diags_add(sc->d, DIAG_ERROR, sc->f->path, line,
			  "section header without ']' (expected [NAME])");
		return;
	}
	if (close != s + len - 1) {
		diags_add(sc->d, DIAG_ERROR, sc->f->path, line,
			  "text after the section header: '%s' (a comment "
			  "goes on a line of its own)",
			  close + 1);
		return;
	}
	if (!(name = trim_dup(s + 1, (size_t)(close - s - 1)))) {
		sc->oom = true;
		return;
	}
	if (!*name)
		diags_add(sc->d, DIAG_ERROR, sc->f->path, line,
			  "empty section name '[]' (expected [NAME])");
	sc->duplicate = false;
	*cur = *name ? add_section(sc, name, line) : NULL;
	free(name);
}

/*
 * Handles one line (the text iniparser is given for it), read the way
 * iniparser_line() reads it; orig is the line as the file has it.
 */
static void scan_line(struct scan *sc, struct ini_section **cur, char *line,
		      const char *orig, long lineno)
{
	char *s = strip(line), *key, *val, *name;
	size_t n = strlen(s) + 1;
	int how;

	if (!*s || *s == ';' || *s == '#')
		return;
	if (*s == '[') {
		scan_section(sc, cur, s, lineno);
		return;
	}
	/* the key and value of the line, in the scan's buffer (room for
	 * both, kept from line to line) */
	if (!(key = scan_room(sc, 2 * n)))
		return;
	val = key + n;
	if (!strchr(s, '=') || !(how = iniparser_value(s, key, val))) {
		diags_add(sc->d, DIAG_ERROR, sc->f->path, lineno,
			  *s == '=' ? "missing key name before '='"
				    : "syntax error (expected 'key = value', "
				      "'[section]' or a ';' comment)");
		return;
	}
	name = strip(key);
	if (sc->duplicate) {
		/* reported with the section header */
	} else if (!*cur) {
		diags_add(sc->d, DIAG_ERROR, sc->f->path, lineno,
			  "key '%s' outside any section (expected a "
			  "[section] header first)",
			  name);
	} else {
		add_key(sc, *cur, name, val, how == 2, lineno);
		check_dropped(sc, strchr(orig, '=') + 1, lineno, name);
	}
}

/*
 * Scans the decoded text line by line (a trailing '\' is text, not a
 * continuation) and, when ip is not NULL, builds in it the text
 * iniparser is given: the same lines, with " ;" after one that ends in
 * '\' so that iniparser reads the '\' as text too.
 */
static void scan_text(struct scan *sc, const char *text, struct sbuf *ip)
{
	struct ini_section *cur = NULL;
	struct sbuf line = {0}, orig = {0};
	long lineno = 0;
	const char *p = text;

	while (*p && !sc->oom) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p), e = n;
		lineno++;
		while (e > 0 && isspace((unsigned char)p[e - 1]))
			e--;
		line.len = orig.len = 0;
		sbuf_add(&line, p, n);
		sbuf_add(&orig, p, n);
		if (e > 0 && p[e - 1] == '\\')
			sbuf_adds(&line, " ;");
		if (line.oom || orig.oom) {
			sc->oom = true;
			break;
		}
		if (line.len > INI_MAX_LINE)
			diags_add(sc->d, DIAG_ERROR, sc->f->path, lineno,
				  "line too long (%zu bytes; at most %d fit "
				  "on one line%s): split the value over "
				  "several keys, e.g. comment, comment.2, "
				  "comment.3",
				  n,
				  n < line.len ? INI_MAX_LINE - 2
					       : INI_MAX_LINE,
				  n < line.len ? " that ends in '\\'" : "");
		if (ip) {
			sbuf_add(ip, line.s, line.len);
			sbuf_add(ip, "\n", 1);
		}
		scan_line(sc, &cur, line.s, orig.s, lineno);
		p += n + (nl ? 1 : 0);
	}
	if (ip && ip->oom)
		sc->oom = true;
	sbuf_release(&line);
	sbuf_release(&orig);
}

/* Replaces every "name" in msg by "user" (iniparser names the memory
 * file it was given; the user knows the file). */
static void add_parser_message(struct sbuf *out, const char *msg,
			       const char *name, const char *user)
{
	size_t nl = strlen(name);
	const char *hit;
	while ((hit = strstr(msg, name))) {
		sbuf_add(out, msg, (size_t)(hit - msg));
		sbuf_adds(out, user);
		msg = hit + nl;
	}
	sbuf_adds(out, msg);
}

/*
 * Hands text to iniparser (which only reads a file by name) as an
 * anonymous memory file, /proc/self/fd/N of a memfd: no copy of the
 * (perhaps confidential) text is ever written to a disk.  Returns
 * KANSA_ERR_IO with a diagnostic when that cannot be done, and
 * KANSA_ERR_INPUT when iniparser refuses the text.
 */
static enum kansa_err parse_with_iniparser(const char *text, size_t len,
					   const char *user, struct diags *d,
					   dictionary **out)
{
	struct sbuf errors = {0}, msg = {0};
	char path[64];
	const char *p = text;
	enum kansa_err err = KANSA_ERR_IO;
	int fd = memfd_create("kansa-ini", MFD_CLOEXEC);

	*out = NULL;
	if (fd < 0) {
		diags_add(d, DIAG_ERROR, user, 0,
			  "cannot give the text to the INI parser without "
			  "a file on disk (memfd_create: %s)",
			  strerror(errno));
		return KANSA_ERR_IO;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	while (len > 0) {
		ssize_t w = write(fd, p, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			goto io;
		p += w;
		len -= (size_t)w;
	}
	if (access(path, R_OK) != 0)
		goto io;
	parser_errors = &errors;
	iniparser_set_error_callback(collect_error);
	*out = iniparser_load(path);
	iniparser_set_error_callback(NULL);
	parser_errors = NULL;
	err = KANSA_OK;
	if (!*out) {
		add_parser_message(&msg,
				   errors.s ? errors.s
					    : "iniparser "
					      "could not read the file",
				   path, user);
		diags_add(d, DIAG_ERROR, user, 0, "%s", msg.s ? msg.s : "");
		err = KANSA_ERR_INPUT;
	}
	goto out;
io:
	diags_add(d, DIAG_ERROR, user, 0,
		  "cannot give the text to the INI parser through %s (%s): "
		  "kansa writes no temporary copy of a file to disk",
		  path, strerror(errno));
out:
	close(fd);
	sbuf_release(&errors);
	sbuf_release(&msg);
	return err;
}

/*
 * Checks that iniparser read every key as kansa's scan did, and nothing
 * else: the property the fuzz harnesses test.
 */
static void check_agreement(struct ini_file *f, struct diags *d)
{
	struct sbuf k = {0};
	size_t total = f->nsections;

	for (size_t i = 0; i < f->nsections; i++) {
		const struct ini_section *s = &f->sections[i];
		total += s->nkeys;
		for (size_t j = 0; j < s->nkeys; j++) {
			const char *v;
			k.len = 0;
			sbuf_printf(&k, "%s:%s", s->lower, s->keys[j].lower);
			v = k.s ? iniparser_getstring(f->dict, k.s, NULL) : "";
			if (!v || strcmp(v, s->keys[j].raw) != 0) {
				ini_disagreements++;
				diags_add(d, DIAG_ERROR, f->path,
					  s->keys[j].line,
					  INI_DISAGREE
					  " (kansa '%s', iniparser '%s')",
					  s->keys[j].raw, v ? v : "(none)");
			}
		}
	}
	if (f->dict->n != (int)total) {
		ini_disagreements++;
		diags_add(d, DIAG_ERROR, f->path, 0,
			  INI_DISAGREE " (%zu sections and keys, iniparser "
				       "%d)",
			  total, f->dict->n);
	}
	sbuf_release(&k);
}

static void check_kind(struct ini_file *f, const char *const *kinds,
		       struct diags *d)
{
	const struct ini_section *k = ini_section(f, "kansa");
	const char *kind = k ? ini_get(f, k, "kind") : NULL;
	struct sbuf want = {0};

	for (size_t i = 0; kinds && kinds[i]; i++)
		sbuf_printf(&want, "%s%s",
			    !i		   ? ""
			    : kinds[i + 1] ? ", "
					   : " or ",
			    kinds[i]);
	if (!k || !kind || !*kind) {
		diags_add(d, DIAG_ERROR, f->path, k ? k->line : 1,
			  "missing [kansa] section with 'kind = %s' (every "
			  "kansa file starts with one)",
			  want.s ? want.s : "...");
		goto out;
	}
	if (!(f->kind = strdup(kind)))
		goto out;
	for (size_t i = 0; kinds && kinds[i]; i++)
		if (strcmp(kinds[i], kind) == 0)
			goto out;
	if (kinds)
		diags_add(d, DIAG_ERROR, f->path, ini_key(k, "kind")->line,
			  "wrong kind of file: 'kind = %s' (expected %s)", kind,
			  want.s ? want.s : "");
out:
	sbuf_release(&want);
}

/* ini_parse(), and iniparser's second reading only when checked. */
static enum kansa_err parse(const char *name, const char *raw, size_t len,
			    const char *const *kinds, bool checked,
			    struct diags *d, struct ini_file **out)
{
	struct ini_file *f = calloc(1, sizeof(*f));
	struct scan sc = {f, d, false, false, 0, NULL, 0};
	struct sbuf ip = {0};
	char *text = NULL;
	size_t textlen, errors = d->errors;
	enum kansa_err err = KANSA_ERR_NOMEM;

	*out = NULL;
	if (!f || !(f->path = strdup(name)) || !(f->sha256 = malloc(65)))
		goto out;
	text_sha256_hex(raw, len, f->sha256);
	f->size = (long long)len;
	if ((err = text_decode(raw, len, name, d, &text, &textlen,
			       &f->encoding)))
		goto out;
	scan_text(&sc, text, checked ? &ip : NULL);
	err = KANSA_ERR_NOMEM;
	if (sc.oom)
		goto out;
	if (d->errors == errors) {
		if (checked) {
			if ((err = parse_with_iniparser(ip.s ? ip.s : "",
							ip.len, name, d,
							&f->dict)))
				goto out;
			check_agreement(f, d);
		}
		check_kind(f, kinds, d);
	}
	err = d->errors > errors ? KANSA_ERR_INPUT : KANSA_OK;
	if (!err) {
		*out = f;
		f = NULL;
	}
out:
	free(sc.room);
	sbuf_release(&ip);
	if (text)
		explicit_bzero(text, textlen);
	free(text);
	ini_free(f);
	return err;
}

enum kansa_err ini_parse(const char *name, const char *raw, size_t len,
			 const char *const *kinds, struct diags *d,
			 struct ini_file **out)
{
	return parse(name, raw, len, kinds, true, d, out);
}

enum kansa_err ini_parse_bulk(const char *name, const char *raw, size_t len,
			      const char *const *kinds, struct diags *d,
			      struct ini_file **out)
{
	return parse(name, raw, len, kinds, false, d, out);
}

/* Reads path and parses it, checked or not. */
static enum kansa_err load(const char *path, const char *const *kinds,
			   bool checked, struct diags *d, struct ini_file **out)
{
	char *raw = NULL;
	size_t len;
	enum kansa_err err = fileio_read(path, INI_MAX_BYTES, &raw, &len, d);

	*out = NULL;
	if (!err)
		err = parse(path, raw, len, kinds, checked, d, out);
	free(raw);
	return err;
}

enum kansa_err ini_load(const char *path, const char *const *kinds,
			struct diags *d, struct ini_file **out)
{
	return load(path, kinds, true, d, out);
}

enum kansa_err ini_load_bulk(const char *path, const char *const *kinds,
			     struct diags *d, struct ini_file **out)
{
	return load(path, kinds, false, d, out);
}
