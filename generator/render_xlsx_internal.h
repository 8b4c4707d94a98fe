/* render_xlsx_internal.h: what the parts of the workbook renderer share.
 * Calls go one way, down this list (no file calls one above it):
 *   render_xlsx.c          the workpaper and plans workbooks, 表紙, 集計
 *   render_xlsx_answers.c  the answer workbook (回答票)
 *   render_xlsx_audit.c    監査調書 and the hidden identity sheet
 *   render_xlsx_tables.c   the table sheets (チェックリスト, 回答明細 ...)
 *   render_xlsx_departments.c  部署別 and 部署別明細
 *   render_xlsx_followup.c 前年度指摘のフォローアップ
 *   render_xlsx_live.c     集計's formulas
 *   render_xlsx_parts.c    tables continued over several sheets
 *   render_xlsx_cells.c    cells, sheets, colours, formats (calls none)
 */
#ifndef KANSA_RENDER_XLSX_INTERNAL_H
#define KANSA_RENDER_XLSX_INTERNAL_H

#include <stdbool.h>
#include <stdio.h>
#include <xlsxwriter.h>

#include "report.h"
#include "text.h"

/* The formats of the workbook. */
enum xfmt {
	XF_TITLE,   /* sheet title */
	XF_H2,	    /* a table's caption */
	XF_HEAD,    /* table header cell */
	XF_CELL,    /* bordered, wrapped text */
	XF_CELL_C,  /* bordered, centred */
	XF_NUM,	    /* bordered number */
	XF_PCT,	    /* bordered 0.0% */
	XF_LABEL,   /* bold label on the cover */
	XF_VALUE,   /* value on the cover */
	XF_BOX,	    /* approval box cell */
	XF_CHAPTER, /* a chapter row in the checklist */
	XF_RED,	    /* conditional: 未実施, 重大な不適合, overdue */
	XF_ORANGE,  /* conditional: 一部実施, 軽微な不適合 */
	XF_YELLOW,  /* conditional: 未回答, 観察事項 */
	XF_GREEN,   /* conditional: 実施 */
	XF_GREY,    /* conditional: 該当なし */
	XF_BLUE,    /* conditional: 推奨事項 */
	XF_LINK,    /* hyperlink */
	XF_NOTE,    /* a line of text that runs over the empty cells */
	XF_DATE,    /* bordered, centred date in short 和暦 (R8.1.31) */
	XF_INPUT,   /* an auditor's cell: unlocked, tinted, wrapped */
	XF_INPUT_C, /* the same, centred */
	XF_INPUT_D, /* the same, a date in short 和暦 */
	XF_COVER_D, /* the cover's date input: long 和暦, left-aligned */
	XF_COUNT
};

struct xw {
	const struct report *r;		 /* the model */
	enum report_kind kind;		 /* the workpaper or the plans report */
	const struct plans_progress *pp; /* the plans report's */
	lxw_workbook *wb;		 /* the workbook */
	lxw_format *f[XF_COUNT];	 /* formats */
	struct diags *d;		 /* problems */
	bool failed;			 /* a libxlsxwriter call failed */
	char *header;			 /* the header/footer strings */
	char *footer;
	const double *widths; /* the current sheet's column widths */
	size_t nwidths;	      /* how many there are */
	double lines;	      /* lines the current row needs */
	lxw_row_t lines_row;  /* the row lines is for */
	FILE *floor;	   /* $KANSA_FLOOR_DUMP.xlsx.tsv: every sheet and cell
			      written, for make bench's floor */
	const char *sheet; /* the name of the sheet being written */
	unsigned cl_last; /* last row (0-based) of チェックリスト's table */
	unsigned au_last;   /* last row (0-based) of 監査調書's table */
	lxw_row_t max_rows; /* rows a sheet holds: Excel's 1,048,576, lower
			       only under a test (KANSA_TEST_XLSX_ROWS) */
	lxw_col_t max_cols; /* columns: 16,384 (KANSA_TEST_XLSX_COLS) */
};

/* A table continued over several sheets when it has more rows than a
 * sheet holds (render_xlsx_parts.c): "回答明細", "回答明細 (2)" ... */
struct xw_table {
	const char *base;	 /* the first part's sheet name */
	const double *widths;	 /* column widths (0 ends them) */
	const char *const *head; /* the header row */
	size_t nhead;
	size_t nrows; /* data rows in all parts */
	/* called when a part is complete (filters, colours), with its
	 * last data row (the header row when it has none); may be NULL */
	void (*end)(struct xw *x, struct xw_table *t, lxw_row_t last);
	/* set by xw_parts_*: */
	size_t cap;	    /* data rows a part holds */
	unsigned nparts;    /* how many parts */
	unsigned part;	    /* the current one, from 0 */
	size_t in_part;	    /* data rows written to it */
	lxw_worksheet *ws;  /* its sheet, NULL after a failure */
	char name[64];	    /* its name */
	lxw_row_t head_row; /* its header row */
	lxw_row_t first;    /* its first data row */
	lxw_row_t row;	    /* its next row */
};

/* How many parts t (base, nrows set) takes, and how many rows each. */
void xw_parts_plan(const struct xw *x, struct xw_table *t);
/* The sheet name of part (from 0). */
void xw_parts_name(const struct xw_table *t, unsigned part, char *buf,
		   size_t size);
/* Where data row i (from 0) of a planned table goes. */
void xw_parts_place(const struct xw_table *t, size_t i, unsigned *part,
		    lxw_row_t *row);
/* Opens the first part; false (x->failed) when its sheet cannot be. */
bool xw_parts_begin(struct xw *x, struct xw_table *t);
/* The row of the next data row, on t->ws (a new part when the current is
 * full; t->ws is NULL when it could not be made). */
lxw_row_t xw_parts_row(struct xw *x, struct xw_table *t);
/* Completes the last part. */
void xw_parts_end(struct xw *x, struct xw_table *t);
/* A cover row naming the parts of a planned table (none for one). */
void xw_parts_cover(struct xw *x, lxw_worksheet *ws, lxw_row_t *row,
		    const struct xw_table *t);

/* The names the workbook's auditor cells are read back by (kansa import
 * of a workpaper, xlsx_import.c). */
#define XW_AUDIT_SHEET "監査調書"
#define XW_IDENT_SHEET "kansa"

/* Records a failed libxlsxwriter call (the first, as a diagnostic). */
void xw_check(struct xw *x, lxw_error e);
/* The evidence IDs (", "-joined) and comments of an item's answers
 * (si: an item of x->r->score). */
void xw_item_answers(struct xw *x, const struct score_item *si, struct sbuf *ev,
		     struct sbuf *comments);
/* Writes a date "YYYY-MM-DD" as an Excel date (text when it is not one). */
void xw_date(struct xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
	     const char *date, enum xfmt f);
/* Sheet protection without a password: only unlocked cells can change;
 * filters, sorting and column widths stay usable. */
void xw_protect(struct xw *x, lxw_worksheet *ws);
/* Adds the workbook's formats to x->f. */
void xw_formats(struct xw *x);
/* Appends s to b with every "&" doubled (a header or footer's text). */
void xw_add_escaped(struct sbuf *b, const char *s);
/* Writes the formula in b with cached as its value, or an empty text
 * when empty ("no value" is an empty result, never a number); the plain
 * value when b could not be made. */
void xw_formula(struct xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
		struct sbuf *b, bool empty, double cached, enum xfmt f);
/* Live figures (render_xlsx_live.c): formulas with kansa's value cached.
 * A rate of the weights on チェックリスト (view's column) under the
 * criteria crit (", RANGE,\"VALUE\"" pairs, or ""); cached < 0: none. */
void xw_live_rate(struct xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
		  const char *crit, enum score_view v, double cached);
/* How many items of chapter have status (self view). */
void xw_live_count(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
		   lxw_col_t col, const char *chapter, const char *status,
		   double cached);
/* How many findings of grade (the chief's 判定, else the rules'). */
void xw_live_grade_count(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
			 lxw_col_t col, const char *grade, double cached);
/* now - before of two rate cells of the row, blank without both (have
 * false: then cached is not used). */
void xw_live_change(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
		    lxw_col_t now, lxw_col_t before, lxw_col_t col, bool have,
		    double cached);
/* The auditor's sheet 監査調書. */
void xw_auditor(struct xw *x);
/* The hidden sheet that tells kansa import what the workbook is. */
void xw_ident(struct xw *x, const char *kind, int year,
	      const struct checklist *cl, const char *organisation,
	      const char *role);

/* Writes text (validated UTF-8, control characters dropped; a text over
 * Excel's 32,767 characters is cut with a visible mark and a warning;
 * never a formula). */
void xw_str(struct xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
	    const char *s, enum xfmt f);
void xw_num(struct xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
	    double v, enum xfmt f);
/* A chapter number: a number when key is one ("2"), else its text. */
void xw_chapter(struct xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
		const char *key, enum xfmt f);
/* A rate 0..1, or a blank cell when score_rate() says nothing applies
 * (negative).  Never for a change, which may be negative. */
void xw_rate(struct xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
	     double v, enum xfmt f);
/* Ends a row: sets its height to fit its wrapped text (libxlsxwriter
 * cannot, and LibreOffice keeps a height it is given), and its outline
 * level. */
void xw_row_done(struct xw *x, lxw_worksheet *ws, lxw_row_t row, uint8_t level);
/* Writes a header row of names starting at column 0. */
void xw_header(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
	       const char *const *names, size_t n);
/* A new sheet with the print setup every sheet has: A4 landscape, fit to
 * one page wide, header and footer with the marking and "- n / N -",
 * and the column widths given (0 ends the list).  xw_sheet_a3() then
 * makes a wide table A3 landscape. */
lxw_worksheet *xw_sheet(struct xw *x, const char *name, const double *widths);
/* Colours the cells of column col (rows first..last) that hold value. */
void xw_colour_value(struct xw *x, lxw_worksheet *ws, lxw_row_t first,
		     lxw_row_t last, lxw_col_t col, const char *value,
		     enum xfmt f);
/* Colours a status column (rows first..last) by its value. */
void xw_status_colours(struct xw *x, lxw_worksheet *ws, lxw_row_t first,
		       lxw_row_t last, lxw_col_t col);
/* Colours a grade column by its value. */
void xw_grade_colours(struct xw *x, lxw_worksheet *ws, lxw_row_t first,
		      lxw_row_t last, lxw_col_t col);

void xw_sheet_a3(lxw_worksheet *ws);
/* text as a link to sheet's cell at to_row, to_col (plain text when it
 * cannot be one). */
void xw_link(struct xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
	     const char *sheet, lxw_row_t to_row, lxw_col_t to_col,
	     const char *text);
void xw_checklist(struct xw *x);
void xw_answers(struct xw *x);
/* 部署別 and 部署別明細 (render_xlsx_departments.c). */
void xw_departments(struct xw *x);
/* The plans of the continued tables, for the cover. */
void xw_departments_plan(struct xw *x, struct xw_table *t);
void xw_answers_plan(struct xw *x, struct xw_table *t);
void xw_findings(struct xw *x);
void xw_diff(struct xw *x);
void xw_plans(struct xw *x);
/* 前年度指摘のフォローアップ (render_xlsx_followup.c). */
void xw_followup(struct xw *x);
void xw_evidence(struct xw *x);
/* The plans report's one sheet. */
void xw_plan_progress(struct xw *x);

#endif
