/* evidence.h: evidence registers (kind = evidence) and their files.
 *
 * Ownership: a struct evidence_register owns its records and strings;
 * evidence_release() frees them.
 */
#ifndef KANSA_EVIDENCE_H
#define KANSA_EVIDENCE_H

#include <stdbool.h>
#include <stddef.h>

#include "checklist.h"
#include "err.h"
#include "ini.h"

struct evidence_record {
	char *id;	     /* as written in the [section] */
	char *title;	     /* title */
	char *file;	     /* file as written, relative to the register */
	char *path;	     /* where it is: relative to the database's
				folder when inside it, else absolute */
	char *collected_on;  /* YYYY-MM-DD, or "" */
	char *expires_on;    /* YYYY-MM-DD, or "" */
	char *clauses;	     /* item IDs it supports, as written, or "" */
	long line;	     /* line of the [section] */
	long file_line;	     /* line of its file = */
	char sha256[65];     /* of the file; "" when missing */
	long long size;	     /* of the file in bytes; -1 when missing */
	bool missing;	     /* the file was not there */
	char last_check[16]; /* ok, changed or missing at the last verify, or ""
			      */
};

struct evidence_register {
	char *path;			 /* the register file as given */
	char sha256[65];		 /* of its bytes */
	long long size;			 /* bytes */
	int fiscal_year;		 /* [kansa] fiscal_year */
	struct evidence_record *records; /* in file order */
	size_t n;			 /* how many */
};

void evidence_release(struct evidence_register *reg);

/*
 * Reads a loaded evidence register for year: IDs, titles, files, dates,
 * and the clauses (warning about IDs not in the checklist).  Problems go
 * to d; returns KANSA_ERR_INPUT when there was an error.
 */
enum kansa_err evidence_read(const struct ini_file *f,
			     const struct checklist *cl, int year,
			     struct diags *d, struct evidence_register *out);

/*
 * Finds and hashes (SHA-256, size) every file of the register.  Paths
 * are relative to the register's folder; absolute paths, paths that
 * leave that folder through "..", and symbolic links that point out of
 * it are refused.  A missing file is an error unless allow_missing (then
 * a warning, and the record is marked missing).  base_dir is the folder
 * stored paths are made relative to.
 */
enum kansa_err evidence_hash(struct evidence_register *reg,
			     const char *base_dir, bool allow_missing,
			     struct diags *d);

/*
 * Checks a recorded file again: sets *sha (65 bytes) and returns 0 when
 * it is unchanged, 1 when its SHA-256 differs, 2 when it is missing.
 */
/*
 * The same for a record, with import's rules: 3 with why filled when the
 * file is refused (a link out of the register's folder, a FIFO, a
 * device: none is read, nothing waits).
 */
int evidence_verify_record(const struct evidence_record *e,
			   const char *base_dir, char sha[65], char *why,
			   size_t whysize);
/* True for "/x", "\\x" and "C:..." (a drive letter): nothing else. */
bool evidence_path_is_absolute(const char *file);

int evidence_verify(const char *path, const char *base_dir,
		    const char *expected, char sha[65]);

/* True when the comma-separated clauses list item_id. */
bool evidence_lists_item(const char *clauses, const char *item_id);

#endif
