/* pdf_layout.h: a small layout layer over libharu for kansa's A4
 * Japanese reports: text flow with Japanese line breaking, tables whose
 * rows wrap and continue across pages under a repeated header, headings
 * with outlines and a table of contents, bar charts, an approval box.
 *
 * Usage: pdf_open(); then lay the document out once with dry = true (to
 * learn on which page each heading falls), pdf_restart(), and once more
 * for real; pdf_save().  Ownership: struct pdf owns the libharu document;
 * pdf_close() frees it.
 */
#ifndef KANSA_PDF_LAYOUT_H
#define KANSA_PDF_LAYOUT_H

#include <hpdf.h>
#include <stdbool.h>
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "text.h"

#define PDF_PAGE_W 595.28
#define PDF_PAGE_H 841.89
#define PDF_LEFT   56.0
#define PDF_RIGHT  56.0
#define PDF_TOP	   70.0
#define PDF_BOTTOM 64.0
#define PDF_WIDTH  (PDF_PAGE_W - PDF_LEFT - PDF_RIGHT)

/* The three faces of a kansa document, each embedded once. */
enum pdf_face {
	PDF_MINCHO, /* body text and table cells: IPAex Mincho */
	PDF_GOTHIC, /* headings, table heads, emphasis: IPAex Gothic */
	PDF_MONO,   /* SHA-256 values: IPA Gothic (monospaced) */
	PDF_FACES
};

struct pdf_heading {
	char *title;	    /* as shown */
	int level;	    /* 1 chapter, 2 part, 3 block */
	int page;	    /* printed page number, learnt in the dry pass */
	HPDF_Page at;	    /* drawing pass: the page it is on */
	double at_y;	    /* and where (points from the page top) */
	HPDF_Page toc;	    /* drawing pass: its contents line's page */
	HPDF_Rect toc_rect; /* and the line's box there (PDF space) */
};

struct pdf {
	HPDF_Doc doc;			  /* the document */
	HPDF_Font font[PDF_FACES];	  /* loaded on first use */
	const char *font_path[PDF_FACES]; /* the caller's TrueType files */
	uint8_t *used[PDF_FACES];	  /* bitmap of BMP code points drawn
					     (their ToUnicode entries) */
	HPDF_Page page;			  /* the current page, or NULL */
	bool dry;			  /* measure only: nothing is drawn */
	int pages;			  /* pages so far */
	int number_offset;		  /* printed number = pages - offset */
	bool numbered;	     /* the current page has header and footer */
	double y;	     /* cursor: points from the page top */
	const char *marking; /* classification, in header and footer */
	const char *title;   /* the document title, in the header */
	const char *context; /* where the text drawn comes from */
	const char *const *row_context; /* per row of the next pdf_table */
	struct diags *d;		/* warnings and errors */
	bool failed;			/* libharu refused something */
	const char *saving;		/* the file being saved, for messages */
	HPDF_Outline outline[3];	/* open outline per level */
	struct pdf_heading *headings;	/* in order; pages from the dry pass */
	size_t nheadings, next_heading;
	size_t warned;	       /* beyond-BMP warnings given */
	struct sbuf warned_at; /* "\n<context>\t<code point>\n" of each */
	uint16_t *advance[PDF_FACES]; /* per face and BMP code point: its
					 width (1/1000 em), or 0xFFFF when
					 not yet asked */
	char *pending;	       /* a heading not yet drawn: it waits for what
					  follows, to be kept with it */
	int pending_level;     /* and its level */
	char section[256];     /* the innermost heading, for "（続き）" */
	char chapter[256];     /* the last heading of level 1 or 2 */
	bool breaking_heading; /* a heading makes the page break */
	int labelled;	       /* the last page label's kind: -1 none,
				  0 unnumbered, 1 numbered */
	FILE *floor;	       /* $KANSA_FLOOR_DUMP.pdf.tsv: every page and
				  text drawn, for make bench's floor */
};

/* Opens a document (Japanese, /Lang ja) that embeds the TrueType fonts
 * at fonts[PDF_MINCHO], fonts[PDF_GOTHIC] and fonts[PDF_MONO] (the last
 * only when drawn); the paths must outlive p.  Returns KANSA_ERR_RENDER
 * with a diagnostic naming the missing file and its Debian package. */
enum kansa_err pdf_open(struct pdf *p, const char *const *fonts,
			struct diags *d);
void pdf_close(struct pdf *p);
/* Encrypts the document when saved (128-bit RC4, revision 3): opening
 * needs user; printing is allowed, copying and changing are not. */
void pdf_encrypt(struct pdf *p, const char *user, const char *owner);
/* Starts (another) pass: dry measures, else draws. */
void pdf_restart(struct pdf *p, bool dry);

/* A new page; numbered pages get the header, footer and "- n -". */
void pdf_page(struct pdf *p, bool numbered);
/* Starts a new page when less than h points are left. */
void pdf_need(struct pdf *p, double h);
/* Moves the cursor down. */
void pdf_space(struct pdf *p, double h);

/* Flows text (wrapped, Japanese rules) at size (at least 10 points),
 * indented by indent; bold sets it in Gothic. */
void pdf_text(struct pdf *p, const char *text, double size, double indent,
	      bool bold);
/* Draws one line at a place: align 0 left, 1 centre, 2 right of x..x+w. */
void pdf_line_at(struct pdf *p, const char *text, double size, double x,
		 double w, int align, bool bold);
/* A heading: kept with what follows, in the outline and the contents
 * (levels 1 and 2).  It is drawn with what follows it: with a table's
 * head and first rows, or the whole of a small table.  A level-3 heading
 * starts a block: a table right after it is kept on its page with it
 * whenever the two fit on one page. */
void pdf_heading(struct pdf *p, int level, const char *text);
/* The table of contents, from the dry pass's page numbers: dot leaders,
 * and each line a link to its heading. */
void pdf_contents(struct pdf *p);
/* The number of lines text takes in width at size. */
size_t pdf_lines(struct pdf *p, const char *text, double size, double width);

/* A table: ncols columns of the given widths (points), a header, and
 * nrows rows of ncols cells each (cells[r * ncols + c]), at size (at
 * least 9 points).  Rows wrap; a table that fits on half a page is kept
 * on one page; a longer one continues on the next page under a
 * "（続き）" heading and its header, never leaving its last row alone.
 * A SHA-256 value in a cell is set in the monospaced face on one line. */
void pdf_table(struct pdf *p, size_t ncols, const double *widths,
	       const char *const *header, const char *const *cells,
	       size_t nrows, double size);

/* Horizontal bars of rates 0..1 per label, this year and (when before is
 * not NULL) the year before, with a legend and an axis. */
void pdf_bars(struct pdf *p, const char *const *labels, const double *now,
	      const double *before, size_t n, const char *now_name,
	      const char *before_name, const char *axis);

/* The approval box: 作成, 確認, 承認 with name and date rows, this high
 * with its caption and the space after it. */
#define PDF_APPROVAL_H 104
void pdf_approval(struct pdf *p);
/* Ends a document: 以上, then the approval box when approval, on one
 * page (a new one without "（続き）" when they do not fit). */
void pdf_closing(struct pdf *p, bool approval);

/* Draws a block heading that waits for what follows it now. */
void pdf_flush(struct pdf *p);
/* A box at x, y (points from the page top), tinted as a table head when
 * fill. */
void pdf_rect(struct pdf *p, double x, double y, double w, double h, bool fill);

/* Writes the document through a temporary file renamed to path. */
enum kansa_err pdf_save(struct pdf *p, const char *path, const char *date,
			const char *title, const char *author,
			const char *subject);

#endif
