/* pdf_table.c: tables across pages (rows laid out first, the header
 * repeated on each page, a row never split) and cell rectangles. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_layout.h"
#include "pdf_layout_internal.h"

/* --- tables ---------------------------------------------------------- */

struct cell_lines {
	char *text;	/* drawable text */
	struct span *v; /* its lines */
	size_t n;	/* how many */
};

void pdf_rect(struct pdf *p, double x, double y, double w, double h, bool fill)
{
	if (p->dry || !p->page)
		return;
	if (fill) {
		HPDF_Page_SetRGBFill(p->page, 0.88f, 0.91f, 0.96f);
		HPDF_Page_Rectangle(p->page, (HPDF_REAL)x,
				    (HPDF_REAL)(PDF_PAGE_H - y - h),
				    (HPDF_REAL)w, (HPDF_REAL)h);
		HPDF_Page_Fill(p->page);
		HPDF_Page_SetRGBFill(p->page, 0, 0, 0);
	}
	HPDF_Page_SetLineWidth(p->page, 0.4);
	HPDF_Page_Rectangle(p->page, (HPDF_REAL)x,
			    (HPDF_REAL)(PDF_PAGE_H - y - h), (HPDF_REAL)w,
			    (HPDF_REAL)h);
	HPDF_Page_Stroke(p->page);
}

/* Draws lines first..first+count of each cell of a row at the cursor:
 * the head in Gothic on a tint, cells in Mincho. */
static void row_part(struct pdf *p, size_t ncols, const double *widths,
		     const struct cell_lines *cells, size_t first, size_t count,
		     double size, bool head)
{
	double x = PDF_LEFT, h = count * size * LINE + 2 * PAD;
	for (size_t c = 0; c < ncols; c++) {
		pdf_rect(p, x, p->y, widths[c], h, head);
		for (size_t k = first; k < first + count && k < cells[c].n; k++)
			pdf_draw(p, cells[c].text + cells[c].v[k].start,
				 cells[c].v[k].len, x + PAD,
				 p->y + PAD +
					 (double)(k - first) * size * LINE +
					 size * 0.15,
				 size, head ? PDF_GOTHIC : PDF_MINCHO);
		x += widths[c];
	}
	p->y += h;
}

static bool lay_cells(struct pdf *p, size_t ncols, const double *widths,
		      const char *const *text, double size, bool head,
		      struct cell_lines *out, size_t *most)
{
	*most = 1;
	for (size_t c = 0; c < ncols; c++) {
		out[c].text = pdf_drawable(p, text[c] ? text[c] : "");
		out[c].v = out[c].text
				   ? pdf_wrap(p, head ? PDF_GOTHIC : PDF_MINCHO,
					      out[c].text, size,
					      widths[c] - 2 * PAD, &out[c].n)
				   : NULL;
		if (!out[c].v)
			return false;
		if (out[c].n > *most)
			*most = out[c].n;
	}
	return true;
}

static void free_cells(struct cell_lines *c, size_t n)
{
	for (size_t i = 0; c && i < n; i++) {
		free(c[i].text);
		free(c[i].v);
		c[i].text = NULL;
		c[i].v = NULL;
	}
}

#define BODY_H	    (PDF_PAGE_H - PDF_TOP - PDF_BOTTOM) /* a page's room */
#define SMALL_TABLE 220.0 /* points: a table no taller is never split */
#define EPS	    0.01  /* points: what rounding may add up to */

/* A table that was laid out: the head's and every row's cells. */
struct laid_table {
	struct cell_lines *head; /* ncols */
	struct cell_lines *rows; /* nrows * ncols */
	size_t *lines;		 /* per row: its lines */
	size_t head_lines;
};

static void laid_free(struct laid_table *t, size_t ncols, size_t nrows)
{
	free_cells(t->head, ncols);
	for (size_t r = 0; t->rows && r < nrows; r++)
		free_cells(t->rows + r * ncols, ncols);
	free(t->head);
	free(t->rows);
	free(t->lines);
}

/* Wraps every cell once; false when out of memory. */
static bool lay_table(struct pdf *p, size_t ncols, const double *widths,
		      const char *const *header, const char *const *cells,
		      size_t nrows, double size, struct laid_table *t)
{
	memset(t, 0, sizeof(*t));
	t->head = calloc(ncols, sizeof(*t->head));
	t->rows = calloc(nrows * ncols + 1, sizeof(*t->rows));
	t->lines = calloc(nrows + 1, sizeof(*t->lines));
	if (!t->head || !t->rows || !t->lines ||
	    !lay_cells(p, ncols, widths, header, size, true, t->head,
		       &t->head_lines))
		return false;
	for (size_t r = 0; r < nrows; r++) {
		if (p->row_context)
			p->context = p->row_context[r];
		if (!lay_cells(p, ncols, widths, cells + r * ncols, size, false,
			       t->rows + r * ncols, &t->lines[r]))
			return false;
	}
	return true;
}

/* Draws row r, continuing it on further pages when it does not fit. */
static void put_row(struct pdf *p, size_t ncols, const double *widths,
		    const struct laid_table *t, size_t r, double size)
{
	const double line = size * LINE;
	size_t done = 0, lines = t->lines[r];
	while (done < lines) {
		double room = PDF_PAGE_H - PDF_BOTTOM - p->y - 2 * PAD + EPS;
		size_t fit = room > 0 ? (size_t)(room / line) : 0;
		if (fit > lines - done)
			fit = lines - done;
		/* a row that fits whole on the next page moves there */
		if (fit < lines - done && done == 0 &&
		    lines * line + 2 * PAD < BODY_H - 60)
			fit = 0;
		if (fit == 0) {
			pdf_page_break(p);
			row_part(p, ncols, widths, t->head, 0, t->head_lines,
				 size, true);
			continue;
		}
		row_part(p, ncols, widths, t->rows + r * ncols, done, fit, size,
			 false);
		done += fit;
	}
}

void pdf_table(struct pdf *p, size_t ncols, const double *widths,
	       const char *const *header, const char *const *cells,
	       size_t nrows, double size)
{
	struct laid_table t;
	double line, head_h, total, heading = 0;
	int level = 0;

	if (size < MIN_TABLE)
		size = MIN_TABLE;
	line = size * LINE;
	if (p->pending) { /* the heading, kept with the table */
		level = p->pending_level;
		heading = (level == 1 ? 10 : 6) +
			  pdf_heading_size(level) * LINE + 4;
	}
	if (!lay_table(p, ncols, widths, header, cells, nrows, size, &t)) {
		p->failed = true;
		goto out;
	}
	head_h = (double)t.head_lines * line + 2 * PAD;
	total = head_h;
	for (size_t r = 0; r < nrows; r++)
		total += (double)t.lines[r] * line + 2 * PAD;
	/* a block (heading and table) or a small table is kept on one
	 * page; a longer one starts where its head and first lines fit */
	p->breaking_heading = heading > 0; /* a new part: no "（続き）" */
	if (level >= 3 ? heading + total <= BODY_H - 30 : total <= SMALL_TABLE)
		pdf_need(p, heading + total);
	else
		pdf_need(p,
			 heading + head_h +
				 (double)(nrows && t.lines[0] < 3 ? t.lines[0]
								  : 3) *
					 line +
				 2 * PAD);
	p->breaking_heading = false;
	if (p->pending) {
		char *h = p->pending;
		p->pending = NULL;
		pdf_put_heading(p, level, h, 0);
		free(h);
	}
	row_part(p, ncols, widths, t.head, 0, t.head_lines, size, true);
	for (size_t r = 0, row_page = 0; r < nrows; r++) {
		double h = (double)t.lines[r] * line + 2 * PAD;
		double room = PDF_PAGE_H - PDF_BOTTOM - p->y + EPS;
		if (p->row_context)
			p->context = p->row_context[r];
		/* the last row never goes alone to the next page: when it
		 * would, the one before goes with it */
		if (nrows >= 3 && r == nrows - 2 &&
		    row_page == (size_t)p->pages && h <= room &&
		    h + (double)t.lines[r + 1] * line + 2 * PAD > room &&
		    h + (double)t.lines[r + 1] * line + 2 * PAD + head_h <
			    BODY_H - 60) {
			pdf_page_break(p);
			row_part(p, ncols, widths, t.head, 0, t.head_lines,
				 size, true);
		}
		put_row(p, ncols, widths, &t, r, size);
		row_page = (size_t)p->pages;
	}
	/* the block ends with its table: what follows continues the part */
	if (level >= 3)
		snprintf(p->section, sizeof(p->section), "%s", p->chapter);
out:
	laid_free(&t, ncols, nrows);
	p->row_context = NULL;
	pdf_space(p, 6);
}
