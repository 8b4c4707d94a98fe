/* ini.h: loading any kansa INI file safely before iniparser sees it.
 *
 * Handles what iniparser 4.1 gets wrong for an audit tool: a UTF-8 BOM,
 * Shift_JIS, CRLF, invalid UTF-8, duplicate sections and keys (iniparser
 * merges them silently), over-long lines, lowercased names and lost line
 * numbers.
 *
 * One parse of each file (issue 18).  kansa's scan is the parser: it
 * alone keeps line numbers, the spelling of names, duplicate sections
 * and keys, over-long lines and the text iniparser drops, which
 * iniparser 4.1 loses or merges, and it reads each line the way
 * iniparser_line() does (its very sscanf() formats).  iniparser stays
 * the reference that reading is held to: ini_load() and ini_parse()
 * hand the text to iniparser as well (through a memfd, no copy on disk)
 * and report any key the two read differently (check_agreement(), the
 * property the fuzz harnesses and unit tests test); every reader of the
 * few files a command reads once (kansa.ini, settings, checklists) goes
 * that way.  The files an import reads, whose number grows with the
 * respondents (answer sheets, evidence registers, audit and plans
 * files), are read by the scan alone: ini_load_bulk(), the same scan
 * without the second reading.  That reading was a third of an import's
 * CPU (iniparser 4.1 looks each key up in a linear scan as it adds it),
 * and it could only ever confirm what the scan had read, which the
 * fuzzers check on the same code.  docs/architecture.md says the same.
 *
 * Ownership: ini_load() returns a struct ini_file that ini_free() frees
 * with every string in it.
 */
#ifndef KANSA_INI_H
#define KANSA_INI_H

#include <dictionary.h>
#include <stddef.h>

#include "err.h"
#include "text.h"

/* Longest physical line iniparser 4.1 reads (without the line end). */
#define INI_MAX_LINE 1022
/* Most keys one INI file may have (iniparser 4.1 looks keys up in a
 * linear scan while loading: more would take long). */
#define INI_MAX_KEYS 20000
/* Largest INI file kansa reads, in bytes. */
#define INI_MAX_BYTES (16u * 1024 * 1024)

struct ini_key {
	char *name;  /* as written in the file; the one allocation of
		      * all four strings (ini_free frees it alone) */
	char *lower; /* as iniparser knows it */
	char *raw;   /* its value as kansa's scan (and iniparser) read it */
	char *value; /* raw without white space of any kind at either end
		      * (unless it was quoted): what ini_get() returns */
	long line;   /* where it is */
};

/* The start of the message when iniparser read a key otherwise than
 * kansa's scan of the line did (never expected; the fuzzers look). */
#define INI_DISAGREE "kansa and the INI parser read this line differently"
/* How many times that happened in this process (for the fuzzers: a
 * message can quote the text, the count cannot be faked by input). */
extern unsigned long ini_disagreements;

struct ini_section {
	char *name;	      /* as written, without brackets (one
			       * allocation with lower) */
	char *lower;	      /* as iniparser knows it */
	long line;	      /* where the [header] is */
	struct ini_key *keys; /* in file order */
	size_t nkeys;	      /* how many */
	size_t *slots;	      /* hash of lower key names: index + 1, or 0 */
	size_t nslots;	      /* a power of two, or 0 */
};

struct ini_file {
	char *path;		      /* as given */
	char *kind;		      /* [kansa] kind */
	enum text_encoding encoding;  /* what the file was */
	struct ini_section *sections; /* in file order */
	size_t nsections;	      /* how many */
	char *sha256;		      /* SHA-256 of the file's bytes */
	long long size;		      /* bytes in the file */
	size_t *slots;		      /* hash of lower section names */
	size_t nslots;		      /* a power of two, or 0 */
	dictionary *dict;	      /* iniparser's view, or NULL (bulk) */
};

/*
 * Loads path.  kinds, when not NULL, is a NULL-terminated list of the
 * [kansa] kind values the caller takes.  Every problem found is added to
 * d as FILE:LINE; returns KANSA_ERR_INPUT when there was an error,
 * KANSA_ERR_IO or KANSA_ERR_NOMEM.
 */
enum kansa_err ini_load(const char *path, const char *const *kinds,
			struct diags *d, struct ini_file **out);
/* The same for len bytes already read; name stands for the file. */
enum kansa_err ini_parse(const char *name, const char *raw, size_t len,
			 const char *const *kinds, struct diags *d,
			 struct ini_file **out);
/*
 * ini_load() and ini_parse() without iniparser's second reading (dict is
 * NULL): the same sections, keys, values and diagnostics, for the many
 * files of an import.
 */
enum kansa_err ini_load_bulk(const char *path, const char *const *kinds,
			     struct diags *d, struct ini_file **out);
enum kansa_err ini_parse_bulk(const char *name, const char *raw, size_t len,
			      const char *const *kinds, struct diags *d,
			      struct ini_file **out);
void ini_free(struct ini_file *f);

/* The section named name (any case), or NULL. */
const struct ini_section *ini_section(const struct ini_file *f,
				      const char *name);
/* The key of a section (any case), or NULL. */
const struct ini_key *ini_key(const struct ini_section *s, const char *name);
/* The line of key in s, or of the [section] when the key is absent (for
 * messages about a missing or wrong value). */
long ini_key_line(const struct ini_section *s, const char *key);
/*
 * Warns of each key of s whose name (before any ".2", ".3" ...) is not
 * among the n names in keys ("milestone_*" stands for every name that
 * starts so): "unknown key 'x' in [s] is ignored".
 */
void ini_warn_unknown_keys(const struct ini_file *f,
			   const struct ini_section *s, const char *const *keys,
			   size_t n, struct diags *d);
/* The value of section:key (white space of any kind trimmed unless it
 * was quoted; iniparser_getstring() gives the same untrimmed), or NULL. */
const char *ini_get(const struct ini_file *f, const struct ini_section *s,
		    const char *key);
/*
 * The value of key joined with key.2, key.3 ... (a value split over
 * several lines to stay under INI_MAX_LINE), white space of any kind
 * trimmed from both ends, or NULL.  Caller frees.
 */
char *ini_get_joined(const struct ini_file *f, const struct ini_section *s,
		     const char *key);

/*
 * Reads fiscal_year of section k (the [kansa] header) into *out (0 when it
 * is not one) and checks it is year: an error naming the file and line when
 * it is missing, not a fiscal year (text_parse_fiscal_year) or another year.
 * Returns whether it is year.
 */
bool ini_check_fiscal_year(const struct ini_file *f,
			   const struct ini_section *k, int year,
			   struct diags *d, int *out);

/*
 * Formats "key = value" for a kansa INI file: quoted when the value holds
 * ; or # or edge spaces or quotes (a quote of the quoting kind becomes
 * its full-width form, a control character a space: never a new line),
 * and split over key, key.2 ... so that no line exceeds INI_MAX_LINE
 * bytes.  Appends to b.
 */
void ini_format_value(struct sbuf *b, const char *key, const char *value);
/* Why value cannot be written as one INI value (a line break, a control
 * character: callers refuse it), or NULL. */
const char *ini_value_problem(const char *value);

#endif
