/* xlsx.h: reading the cells of an .xlsx workbook (libzip + expat) that
 * Excel, LibreOffice, openpyxl or kansa itself wrote.
 *
 * Nothing is trusted: the zip's size claims (the inflated bytes are
 * counted), entry names (no "..", absolute or backslashed names),
 * encryption (refused), the XML (no DTD at all, so no entity expansion;
 * element depth, text length, cell and string counts capped).  Only the
 * workbook, its relationships, the shared strings and the sheets asked
 * for are read.
 *
 * Ownership: xlsx_open() returns a struct xlsx_book that xlsx_free()
 * frees with every sheet and string in it.
 */
#ifndef KANSA_XLSX_H
#define KANSA_XLSX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

#define XLSX_MAX_FILE	 (64u << 20)  /* bytes of the .xlsx file */
#define XLSX_MAX_PART	 (96u << 20)  /* inflated bytes of one part */
#define XLSX_MAX_TOTAL	 (192u << 20) /* inflated bytes of all parts read */
#define XLSX_MAX_DEPTH	 64	      /* XML element nesting */
#define XLSX_MAX_TEXT	 131072	      /* bytes of one cell or string */
#define XLSX_MAX_CELLS	 1000000      /* cells of one sheet */
#define XLSX_MAX_STRINGS 2000000      /* shared strings */
#define XLSX_MAX_SHEETS	 1024	      /* sheets of the workbook */
#define XLSX_MAX_ENTRIES 20000	      /* entries of the zip */

enum xlsx_type {
	XLSX_STRING, /* text (shared, inline or a formula's string) */
	XLSX_NUMBER, /* a number (dates are serial numbers) */
	XLSX_BOOL,   /* "0" or "1" */
	XLSX_ERROR   /* #N/A ... */
};

struct xlsx_cell {
	uint32_t row;	     /* 0-based */
	uint32_t col;	     /* 0-based */
	enum xlsx_type type; /* what the value is */
	bool formula;	     /* the cell holds a formula (text: its value) */
	char *text;	     /* the value as text, UTF-8 */
};

struct xlsx_sheet {
	char *name;		 /* as shown on its tab */
	char *part;		 /* its zip entry, e.g. xl/worksheets/s1.xml */
	bool hidden;		 /* state hidden or veryHidden */
	bool loaded;		 /* cells read */
	struct xlsx_cell *cells; /* sorted by row, then column */
	size_t n;		 /* how many */
};

struct xlsx_book {
	char *path;		   /* as given */
	char sha256[65];	   /* of the file's bytes */
	long long size;		   /* bytes */
	struct xlsx_sheet *sheets; /* in the workbook's order */
	size_t nsheets;		   /* how many */
	char **strings;		   /* the shared strings */
	size_t nstrings;	   /* how many */
	size_t inflated;	   /* bytes inflated so far */
	char *data;		   /* the file's bytes */
	void *zip;		   /* the libzip archive */
};

/*
 * Opens the workbook at path: checks the zip and reads the workbook's
 * sheet list and shared strings.  Problems go to d naming the file;
 * returns KANSA_ERR_INPUT (not a workbook, refused), KANSA_ERR_IO or
 * KANSA_ERR_NOMEM.
 */
enum kansa_err xlsx_open(const char *path, struct diags *d,
			 struct xlsx_book **out);
/* The same for len bytes already read (copied); name stands for them. */
enum kansa_err xlsx_open_buffer(const char *name, const void *data, size_t len,
				struct diags *d, struct xlsx_book **out);
void xlsx_free(struct xlsx_book *b);

/* The sheet called name, or NULL. */
struct xlsx_sheet *xlsx_sheet(struct xlsx_book *b, const char *name);
/* Reads the cells of s (once).  KANSA_ERR_INPUT with a diagnostic. */
enum kansa_err xlsx_load(struct xlsx_book *b, struct xlsx_sheet *s,
			 struct diags *d);
/* The cell of a loaded sheet at row, col (0-based), or NULL when empty. */
const struct xlsx_cell *xlsx_cell(const struct xlsx_sheet *s, uint32_t row,
				  uint32_t col);
/* The text of that cell, "" when it is empty. */
const char *xlsx_text(const struct xlsx_sheet *s, uint32_t row, uint32_t col);
/* "B3" for row 2, col 1; out has room for 16 bytes. */
void xlsx_ref(uint32_t row, uint32_t col, char out[16]);

#endif
