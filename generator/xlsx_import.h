/* xlsx_import.h: a workbook kansa wrote and a person filled in, read back
 * as the INI file it stands for.
 *
 * A workpaper (監査調書) gives its auditor cells as an audit file (kind =
 * audit: [kansa] from the cover, one [ITEM-ID] section per row of the
 * auditor's sheet with anything in it); an answer workbook (kansa template
 * --format xlsx) gives an answer sheet (kind = answers).  The text is
 * loaded with ini_parse(), so that exactly the readers of INI files judge
 * it; every line of it remembers the cell it came from, and
 * xlsx_import_relocate() turns FILE:LINE diagnostics into FILE:SHEET!CELL.
 *
 * Ownership: struct xlsx_import owns the loaded ini_file and the cell
 * names; xlsx_import_release() frees them.
 */
#ifndef KANSA_XLSX_IMPORT_H
#define KANSA_XLSX_IMPORT_H

#include <stddef.h>

#include "checklist.h"
#include "err.h"
#include "ini.h"

/* A column of an auditor's or respondent's table: its header and the
 * INI key its cells stand for. */
struct xlsx_column {
	const char *head; /* the header cell's text */
	const char *key;  /* the audit or answers key */
};

/* The auditor's columns of 監査調書, in sheet order. */
extern const struct xlsx_column xlsx_audit_columns[];
extern const size_t xlsx_naudit_columns;
/* The cover's auditor rows (label in column B, value in column C). */
extern const struct xlsx_column xlsx_cover_rows[];
extern const size_t xlsx_ncover_rows;
/* The respondent's columns of an answer workbook. */
extern const struct xlsx_column xlsx_answer_columns[];
extern const size_t xlsx_nanswer_columns;
/* The respondent's header rows of an answer workbook (label in A). */
extern const struct xlsx_column xlsx_answer_rows[];
extern const size_t xlsx_nanswer_rows;

#define XLSX_ANSWER_SHEET "回答票"

struct xlsx_import {
	struct ini_file *ini; /* the INI file the workbook stands for */
	char **where;	      /* per line of its text: "SHEET!CELL", or NULL */
	size_t nlines;	      /* how many */
};

/*
 * Reads the workbook at path for fiscal year against the year's
 * checklist cl: refuses one written for another year, policy or policy
 * version, or not by kansa.  Problems go to d as FILE:SHEET!CELL; returns
 * KANSA_ERR_INPUT, KANSA_ERR_IO or KANSA_ERR_NOMEM.
 */
enum kansa_err xlsx_import_read(const char *path, const struct checklist *cl,
				int year, struct diags *d,
				struct xlsx_import *out);
/* The same for bytes already read (the fuzz harness). */
enum kansa_err xlsx_import_buffer(const char *path, const void *data,
				  size_t len, const struct checklist *cl,
				  int year, struct diags *d,
				  struct xlsx_import *out);
/* Rewrites diagnostics from index first on that name path:LINE into
 * path:SHEET!CELL. */
void xlsx_import_relocate(const struct xlsx_import *im, const char *path,
			  struct diags *d, size_t first);
void xlsx_import_release(struct xlsx_import *im);

/* True when path names an .xlsx file (by its name). */
bool xlsx_import_is_xlsx(const char *path);

#endif
