/* import.h: the rules of one `kansa import`: every file read into a
 * batch, the files checked against each other and against the records,
 * then stored all or nothing.
 *
 * Ownership: struct import_batch owns everything read into it;
 * import_batch_release() frees it.  Every check is sub-quadratic in the
 * number of sheets and evidence records (indexes by sorting, issue 18).
 */
#ifndef KANSA_IMPORT_H
#define KANSA_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "answers.h"
#include "audit.h"
#include "checklist.h"
#include "err.h"
#include "evidence.h"
#include "plans.h"
#include "store.h"
#include "xlsx_import.h"

/* What the command was asked. */
struct import_request {
	int year;	    /* --year */
	const char *spec;   /* --policy, or NULL */
	bool allow_missing; /* --allow-missing-evidence */
	bool complete;	    /* --complete: every sheet of the year */
	char **files;	    /* the files */
	size_t nfiles;	    /* how many */
	char **names; /* the name each file is recorded under (a file of the
			 workspace: relative to it), or NULL: as given */
};

/* Everything one import read, and what it is checked against. */
/* A workbook of the import and the cell each line of the INI text it
 * stood for came from, to name cells in the checks across files. */
struct import_book {
	char *path;		  /* as given */
	struct xlsx_import cells; /* its ini already read (NULL) */
};

struct import_batch {
	struct checklist cl;	     /* the year's checklist */
	struct answer_sheet *sheets; /* read sheets */
	size_t nsheets;
	struct evidence_register *registers; /* read registers */
	size_t nregisters;
	struct audit_file *audits; /* read audit files */
	size_t naudits;
	struct plan_file *plan_files; /* read plans files */
	size_t nplan_files;
	struct plan *stored_plans; /* the plans already stored */
	size_t nstored;
	struct evidence_register stored; /* evidence already stored */
	struct import_book *books;	 /* the workbooks read */
	size_t nbooks;
	bool passed; /* every file read and checked without an error, so
			handed to the store (which may still refuse it) */
};

/* An empty checklist and room for nfiles files of each kind;
 * KANSA_ERR_NOMEM (release the batch all the same). */
enum kansa_err import_batch_init(struct import_batch *b, size_t nfiles);
void import_batch_release(struct import_batch *b);

/*
 * The checks across the files of one import (issue 17.3: the command
 * only parses, calls and prints): the same respondent or evidence ID
 * twice, evidence cited that no register defines (or that does not list
 * the item), a second audit file, each plan change against the version
 * before it, departments near another of the sheets or of the year's
 * current respondents (stored, n of them) or not in the workspace's
 * kansa.ini list of departments.  A workbook's problems name the cell
 * (FILE:SHEET!CELL), an INI file's the line of the key concerned.
 * Problems go to d; returns
 * KANSA_ERR_NOMEM, KANSA_ERR_IO or KANSA_OK.
 */
enum kansa_err import_check(struct import_batch *b, int year,
			    const struct store_respondent *stored,
			    size_t nstored, struct diags *d);

/*
 * The whole import: loads the year's checklist and records, reads every
 * file (collecting every problem of every file), checks them together
 * and, when there was no error, stores them in one transaction filling
 * im (its result arrays are allocated here: release with
 * import_results_release()).  KANSA_ERR_INPUT when a file had an error:
 * nothing was stored.
 */
enum kansa_err import_files(struct store *st, const struct import_request *rq,
			    struct import_batch *b, struct store_import *im,
			    struct diags *d);
void import_results_release(struct store_import *im);

/*
 * A workpaper among b's audits (audit_file.workpaper) updates the year's
 * audit in force: the header fields its cover does not carry and the
 * auditors are kept from it (import_audit.c), with a notice on d.
 * Returns KANSA_ERR_DB or KANSA_ERR_NOMEM on failure.
 */
enum kansa_err import_audit_keep(struct store *st, int year,
				 struct import_batch *b, struct diags *d);

#endif
