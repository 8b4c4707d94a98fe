/* evidence.c: evidence registers and the files they point to. */
#include "evidence.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fileio.h"
#include "text.h"

static const char *const record_keys[] = {"title", "file", "collected_on",
					  "expires_on", "clauses"};
static const char *const header_keys[] = {"kind", "fiscal_year"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

void evidence_release(struct evidence_register *reg)
{
	for (size_t i = 0; i < reg->n; i++) {
		struct evidence_record *e = &reg->records[i];
		free(e->id);
		free(e->title);
		free(e->file);
		free(e->path);
		free(e->collected_on);
		free(e->expires_on);
		free(e->clauses);
	}
	free(reg->records);
	free(reg->path);
	memset(reg, 0, sizeof(*reg));
}

bool evidence_lists_item(const char *clauses, const char *item_id)
{
	size_t n = strlen(item_id);
	for (const char *p = clauses; *p;) {
		const char *comma = strchr(p, ','), *e;
		while (isspace((unsigned char)*p))
			p++;
		e = comma ? comma : p + strlen(p);
		while (e > p && isspace((unsigned char)e[-1]))
			e--;
		if ((size_t)(e - p) == n && memcmp(p, item_id, n) == 0)
			return true;
		if (!comma)
			break;
		p = comma + 1;
	}
	return false;
}

static char *value(const struct ini_file *f, const struct ini_section *s,
		   const char *key)
{
	const char *v = ini_get(f, s, key);
	return strdup(v ? v : "");
}

/* Normalises a date key in place; an error when it is not a date. */
static bool check_date(const struct ini_file *f, const struct ini_section *s,
		       const char *key, char **v, struct diags *d)
{
	char iso[11], *n;
	if (!**v)
		return true;
	if (!text_parse_date(*v, iso)) {
		diags_add(d, DIAG_ERROR, f->path, ini_key_line(s, key),
			  "%s '%s' of [%s] is not a date (expected YYYY-MM-DD)",
			  key, *v, s->name);
		return true;
	}
	if (!(n = strdup(iso)))
		return false;
	free(*v);
	*v = n;
	return true;
}

static void check_clauses(const struct ini_file *f, const struct ini_section *s,
			  const char *clauses, const struct checklist *cl,
			  struct diags *d)
{
	for (const char *p = clauses; *p;) {
		const char *comma = strchr(p, ','), *e;
		char id[256];
		while (isspace((unsigned char)*p))
			p++;
		e = comma ? comma : p + strlen(p);
		while (e > p && isspace((unsigned char)e[-1]))
			e--;
		if (e > p && (size_t)(e - p) < sizeof(id)) {
			memcpy(id, p, (size_t)(e - p));
			id[e - p] = '\0';
			if (!checklist_find(cl, id))
				diags_add(d, DIAG_WARNING, f->path,
					  ini_key_line(s, "clauses"),
					  "clauses of [%s] name '%s', which is "
					  "not in the checklist",
					  s->name, id);
		}
		if (!comma)
			break;
		p = comma + 1;
	}
}

static void warn_unknown(const struct ini_file *f, const struct ini_section *s,
			 const char *const *keys, size_t nkeys, struct diags *d)
{
	for (size_t i = 0; i < s->nkeys; i++) {
		size_t k;
		for (k = 0; k < nkeys && strcmp(s->keys[i].lower, keys[k]); k++)
			;
		if (k == nkeys)
			diags_add(d, DIAG_WARNING, f->path, s->keys[i].line,
				  "unknown key '%s' in [%s] is ignored",
				  s->keys[i].name, s->name);
	}
}

static bool read_record(const struct ini_file *f, const struct ini_section *s,
			const struct checklist *cl, struct diags *d,
			struct evidence_record *e)
{
	e->line = s->line;
	e->file_line = ini_key_line(s, "file");
	e->size = -1;
	if (!(e->id = strdup(s->name)) || !(e->title = value(f, s, "title")) ||
	    !(e->file = value(f, s, "file")) ||
	    !(e->collected_on = value(f, s, "collected_on")) ||
	    !(e->expires_on = value(f, s, "expires_on")) ||
	    !(e->clauses = value(f, s, "clauses")))
		return false;
	for (char *p = e->file; *p; p++)
		if (*p == '\\')
			*p = '/'; /* written on Windows */
	if (!*e->file)
		diags_add(d, DIAG_ERROR, f->path, s->line,
			  "evidence [%s] has no file (expected 'file = "
			  "2025/name.png', relative to this register)",
			  s->name);
	if (!*e->title)
		diags_add(d, DIAG_WARNING, f->path, s->line,
			  "evidence [%s] has no title", s->name);
	if (!check_date(f, s, "collected_on", &e->collected_on, d) ||
	    !check_date(f, s, "expires_on", &e->expires_on, d))
		return false;
	if (*e->collected_on && *e->expires_on &&
	    strcmp(e->expires_on, e->collected_on) < 0)
		diags_add(d, DIAG_ERROR, f->path, ini_key_line(s, "expires_on"),
			  "evidence [%s] expires (%s) before it was collected "
			  "(%s)",
			  s->name, e->expires_on, e->collected_on);
	check_clauses(f, s, e->clauses, cl, d);
	warn_unknown(f, s, record_keys, COUNT(record_keys), d);
	return true;
}

enum kansa_err evidence_read(const struct ini_file *f,
			     const struct checklist *cl, int year,
			     struct diags *d, struct evidence_register *out)
{
	const struct ini_section *k = ini_section(f, "kansa");
	size_t errors = d->errors;

	memset(out, 0, sizeof(*out));
	if (!(out->path = strdup(f->path)) ||
	    !(out->records = calloc(f->nsections + 1, sizeof(*out->records))))
		return KANSA_ERR_NOMEM;
	memcpy(out->sha256, f->sha256, sizeof(out->sha256));
	out->size = f->size;
	ini_check_fiscal_year(f, k, year, d, &out->fiscal_year);
	warn_unknown(f, k, header_keys, COUNT(header_keys), d);
	for (size_t i = 0; i < f->nsections; i++) {
		if (strcmp(f->sections[i].lower, "kansa") == 0)
			continue;
		if (!read_record(f, &f->sections[i], cl, d,
				 &out->records[out->n++]))
			return KANSA_ERR_NOMEM;
	}
	return d->errors > errors ? KANSA_ERR_INPUT : KANSA_OK;
}

/* The folder of a file path ("." when none); caller frees. */
static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

/* True when the relative path climbs out of its folder with "..". */
static bool leaves_folder(const char *rel)
{
	int depth = 0;
	for (const char *p = rel; *p;) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);
		if (n == 2 && memcmp(p, "..", 2) == 0)
			depth--;
		else if (n > 0 && !(n == 1 && *p == '.'))
			depth++;
		if (depth < 0)
			return true;
		p += n + (slash ? 1 : 0);
	}
	return false;
}

/* True when full resolves (through symbolic links, of the file or of a
 * folder on its way) to somewhere outside dir; target is where. */
static bool link_escapes(const char *full, const char *dir, char *target)
{
	char rd[PATH_MAX];
	size_t n;
	if (!realpath(full, target) || !realpath(dir, rd))
		return false;
	n = strlen(rd);
	return !(strncmp(target, rd, n) == 0 && target[n] == '/');
}

static enum kansa_err hash_record(const struct evidence_register *reg,
				  struct evidence_record *e, const char *dir,
				  const char *base_dir, bool allow_missing,
				  struct diags *d)
{
	struct sbuf full = {0};
	struct stat st;
	char target[PATH_MAX];
	enum kansa_err err = KANSA_OK;

	if (!*e->file)
		return KANSA_OK;
	if (evidence_path_is_absolute(e->file)) {
		diags_add(d, DIAG_ERROR, reg->path, e->file_line,
			  "evidence file '%s' of [%s] is an absolute path "
			  "(expected a path relative to the register's folder)",
			  e->file, e->id);
		return KANSA_OK;
	}
	if (leaves_folder(e->file)) {
		diags_add(d, DIAG_ERROR, reg->path, e->file_line,
			  "evidence file '%s' of [%s] leaves the register's "
			  "folder through '..' (keep evidence below the "
			  "register)",
			  e->file, e->id);
		return KANSA_OK;
	}
	sbuf_printf(&full, "%s/%s", dir, e->file);
	if (full.oom)
		return KANSA_ERR_NOMEM;
	if (lstat(full.s, &st) != 0) {
		e->missing = true;
		diags_add(d, allow_missing ? DIAG_WARNING : DIAG_ERROR,
			  reg->path, e->file_line,
			  "evidence file missing: '%s' of [%s] (%s)%s", e->file,
			  e->id, strerror(errno),
			  allow_missing ? "; recorded as missing"
					: "; --allow-missing-evidence records "
					  "it as missing");
	} else if (link_escapes(full.s, dir, target)) {
		diags_add(d, DIAG_ERROR, reg->path, e->file_line,
			  "evidence file '%s' of [%s] %s '%s', outside the "
			  "register's folder: not followed (copy the file into "
			  "the folder)",
			  e->file, e->id,
			  S_ISLNK(st.st_mode) ? "is a symbolic link to"
					      : "lies under a symbolic link "
						"to a folder: it is",
			  target);
	} else if (stat(full.s, &st) != 0 || !S_ISREG(st.st_mode)) {
		diags_add(d, DIAG_ERROR, reg->path, e->file_line,
			  "evidence file '%s' of [%s] is not a regular file "
			  "(%s): refused",
			  e->file, e->id, fileio_kind_name(st.st_mode));
	} else if (fileio_sha256(full.s, e->sha256, &e->size) != KANSA_OK) {
		diags_add(d, DIAG_ERROR, reg->path, e->file_line,
			  "cannot read evidence file '%s' of [%s]: %s", e->file,
			  e->id, strerror(errno));
	}
	if (!(e->path = fileio_relative(base_dir, full.s)))
		err = KANSA_ERR_NOMEM;
	sbuf_release(&full);
	return err;
}

enum kansa_err evidence_hash(struct evidence_register *reg,
			     const char *base_dir, bool allow_missing,
			     struct diags *d)
{
	char *dir = dir_of(reg->path);
	size_t errors = d->errors;
	enum kansa_err err = KANSA_OK;

	if (!dir)
		return KANSA_ERR_NOMEM;
	for (size_t i = 0; i < reg->n && !err; i++)
		err = hash_record(reg, &reg->records[i], dir, base_dir,
				  allow_missing, d);
	free(dir);
	if (err)
		return err;
	return d->errors > errors ? KANSA_ERR_INPUT : KANSA_OK;
}

bool evidence_path_is_absolute(const char *file)
{
	return file[0] == '/' || file[0] == '\\' ||
	       (((file[0] | 0x20) >= 'a' && (file[0] | 0x20) <= 'z') &&
		file[1] == ':');
}

/* The register's folder of a recorded file: full without the file as
 * the register wrote it, else full's folder.  Caller frees. */
static char *register_dir(const char *full, const char *file)
{
	size_t fl = strlen(full), n = strlen(file);
	char *f = strdup(file), *r;
	if (!f)
		return NULL;
	for (char *p = f; *p; p++)
		if (*p == '\\')
			*p = '/';
	if (n > 0 && n < fl && full[fl - n - 1] == '/' &&
	    strcmp(full + fl - n, f) == 0)
		r = strndup(full, fl - n - 1);
	else
		r = dir_of(full);
	free(f);
	return r;
}

int evidence_verify_record(const struct evidence_record *e,
			   const char *base_dir, char sha[65], char *why,
			   size_t whysize)
{
	struct sbuf full = {0};
	struct stat st;
	char target[PATH_MAX], *dir = NULL;
	int r = 3;

	sha[0] = why[0] = '\0';
	if (e->path[0] == '/')
		sbuf_adds(&full, e->path);
	else
		sbuf_printf(&full, "%s/%s", base_dir, e->path);
	if (!full.s || !(dir = register_dir(full.s, e->file ? e->file : ""))) {
		snprintf(why, whysize, "out of memory");
		goto out;
	}
	if (lstat(full.s, &st) != 0) {
		r = 2;
	} else if (link_escapes(full.s, dir, target)) {
		snprintf(why, whysize,
			 "%s '%s', outside the register's folder: not followed",
			 S_ISLNK(st.st_mode)
				 ? "is a symbolic link to"
				 : "lies under a link to a folder: it is",
			 target);
	} else if (stat(full.s, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(why, whysize, "is not a regular file (%s): refused",
			 fileio_kind_name(st.st_mode));
	} else if (fileio_sha256(full.s, sha, NULL) != KANSA_OK) {
		snprintf(why, whysize, "cannot be read: %s", strerror(errno));
	} else {
		r = strcmp(sha, e->sha256) != 0;
	}
out:
	free(dir);
	sbuf_release(&full);
	return r;
}

int evidence_verify(const char *path, const char *base_dir,
		    const char *expected, char sha[65])
{
	struct sbuf full = {0};
	int r;

	if (path[0] == '/')
		sbuf_adds(&full, path);
	else
		sbuf_printf(&full, "%s/%s", base_dir, path);
	sha[0] = '\0';
	if (!full.s || fileio_sha256(full.s, sha, NULL) != KANSA_OK)
		r = 2;
	else
		r = strcmp(sha, expected) != 0;
	sbuf_release(&full);
	return r;
}
