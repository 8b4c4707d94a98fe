/* pdf_layout_internal.h: what pdf_layout.c lends pdf_table.c and
 * pdf_save.c (text flow and page breaks), and what pdf_open.c lends
 * pdf_layout.c (fonts).  pdf_table.c and pdf_save.c call pdf_layout.c,
 * pdf_layout.c calls pdf_open.c, never the other way. */
#ifndef KANSA_PDF_LAYOUT_INTERNAL_H
#define KANSA_PDF_LAYOUT_INTERNAL_H

#include "pdf_layout.h"

#define LINE	  1.45 /* line height, in font sizes */
#define PAD	  3.0  /* cell padding */
#define MIN_TABLE 9.0  /* points: a table's text is never smaller */

struct span {
	size_t start, len; /* bytes of a line */
};

/* A copy of s the font can draw (caller frees), or NULL. */
char *pdf_drawable(struct pdf *p, const char *s);
/* The lines of s no wider than width (caller frees; *n of them), or
 * NULL when out of memory. */
struct span *pdf_wrap(struct pdf *p, enum pdf_face f, const char *s,
		      double size, double width, size_t *n);
/* Draws one line (no wrapping) at x, baseline at y + size. */
void pdf_draw(struct pdf *p, const char *s, size_t n, double x, double y,
	      double size, enum pdf_face f);
/* A page break inside a section (its heading and （続き） on top). */
void pdf_page_break(struct pdf *p);
/* A heading's font size; draws a heading now, keeping keep points. */
double pdf_heading_size(int level);
void pdf_put_heading(struct pdf *p, int level, const char *text, double keep);
/* Loads face f (once); false when it cannot be, with a diagnostic
 * (pdf_open.c). */
bool pdf_load_face(struct pdf *p, enum pdf_face f);

#endif
