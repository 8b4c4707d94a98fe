/* pdf_layout.c: text flow, tables, headings and charts over libharu. */
#include "pdf_layout.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unilbrk.h>
#include <unistd.h>

#include "fileio.h"
#include "text.h"

#define LINE 1.45 /* line height, in font sizes */
#define PAD  3.0  /* cell padding */
#define GETA "〓" /* drawn for a character the font cannot (beyond BMP) */

static void on_error(HPDF_STATUS e, HPDF_STATUS detail, void *user)
{
	struct pdf *p = user;
	int saved = errno;
	if (p->failed)
		return;
	p->failed = true;
	/* while saving, a failure is a write failure (libharu reports a
	 * full disk as a zlib or file error); errno says which */
	if (p->saving)
		diags_add(p->d, DIAG_ERROR, p->saving, 0,
			  "cannot write: %s (libharu error 0x%04X)",
			  saved ? strerror(saved) : "write failed",
			  (unsigned)e);
	else
		diags_add(p->d, DIAG_ERROR, NULL, 0,
			  "the PDF library failed (error 0x%04X, detail %u)",
			  (unsigned)e, (unsigned)detail);
}

/*
 * make bench measures kansa against a floor program that draws the same
 * pages and text with bare libharu calls: with $KANSA_FLOOR_DUMP set, the
 * drawing pass writes them to $KANSA_FLOOR_DUMP.pdf.tsv ("P" per page,
 * "T x y size text" per line drawn).  Unset, this costs nothing.
 */
static FILE *floor_open(const char *suffix)
{
	const char *prefix = getenv("KANSA_FLOOR_DUMP");
	char path[4096];
	if (!prefix || !*prefix ||
	    snprintf(path, sizeof(path), "%s%s", prefix, suffix) >=
		    (int)sizeof(path))
		return NULL;
	return fopen(path, "w");
}

enum kansa_err pdf_open(struct pdf *p, const char *font_path, struct diags *d)
{
	const char *name;
	struct stat st;

	memset(p, 0, sizeof(*p));
	p->d = d;
	if (stat(font_path, &st) != 0) {
		diags_add(d, DIAG_ERROR, font_path, 0,
			  "font not found: install the Debian package "
			  "fonts-ipaexfont-gothic, or name another TrueType "
			  "font with font = in templates/report.ini");
		return KANSA_ERR_RENDER;
	}
	if (!(p->doc = HPDF_New(on_error, p)) ||
	    !(p->advance = malloc(0x10000 * sizeof(*p->advance)))) {
		if (p->doc)
			HPDF_Free(p->doc);
		return KANSA_ERR_NOMEM;
	}
	memset(p->advance, 0xFF, 0x10000 * sizeof(*p->advance));
	p->floor = floor_open(".pdf.tsv");
	HPDF_SetCompressionMode(p->doc, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(p->doc);
	HPDF_SetCurrentEncoder(p->doc, "UTF-8");
	HPDF_SetPageMode(p->doc, HPDF_PAGE_MODE_USE_OUTLINE);
	name = HPDF_LoadTTFontFromFile(p->doc, font_path, HPDF_TRUE);
	if (name)
		p->font = HPDF_GetFont(p->doc, name, "UTF-8");
	if (!p->font || p->failed) {
		diags_add(d, DIAG_ERROR, font_path, 0,
			  "cannot load the font (expected a TrueType font such "
			  "as IPAex Gothic, package fonts-ipaexfont-gothic)");
		pdf_close(p);
		return KANSA_ERR_RENDER;
	}
	return KANSA_OK;
}

void pdf_close(struct pdf *p)
{
	if (p->floor)
		fclose(p->floor);
	p->floor = NULL;
	free(p->advance);
	p->advance = NULL;
	if (p->doc)
		HPDF_Free(p->doc);
	for (size_t i = 0; i < p->nheadings; i++)
		free(p->headings[i].title);
	free(p->headings);
	sbuf_release(&p->warned_at);
	p->doc = NULL;
	p->headings = NULL;
	p->nheadings = 0;
}

void pdf_restart(struct pdf *p, bool dry)
{
	p->dry = dry;
	p->pages = 0;
	p->page = NULL;
	p->y = 0;
	p->next_heading = 0;
	memset(p->outline, 0, sizeof(p->outline));
}

/* --- text ------------------------------------------------------------ */

/* A copy of s the font can draw: characters beyond the BMP become 〓
 * (with a warning), control characters but newline are dropped. */
static char *drawable(struct pdf *p, const char *s)
{
	struct sbuf b = {0};
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int len = text_u8_next(s + i, n - i, &cp);
		if (len < 0) {
			i++;
			continue;
		}
		if (cp > 0xFFFF) {
			char key[320];
			sbuf_adds(&b, GETA);
			snprintf(key, sizeof(key), "\n%s\t%X\n",
				 p->context ? p->context : "", (unsigned)cp);
			if (!p->dry && p->warned < 20 &&
			    (!p->warned_at.s || !strstr(p->warned_at.s, key))) {
				p->warned++;
				sbuf_adds(&p->warned_at, key);
				diags_add(p->d, DIAG_WARNING, NULL, 0,
					  "U+%04X is beyond what the PDF font "
					  "draws: shown as 〓 (in %s)",
					  (unsigned)cp,
					  p->context ? p->context
						     : "the report");
			}
		} else if (cp >= 0x20 || cp == '\n') {
			sbuf_add(&b, s + i, (size_t)len);
		}
		i += (size_t)len;
	}
	return sbuf_take(&b);
}

/* The width of one character (n bytes at s, code point cp) in 1/1000 em.
 * libharu finds a glyph by searching the font's cmap on every call, which
 * was a third of a long report's time: the answers are kept per code
 * point. */
static unsigned advance(struct pdf *p, const char *s, size_t n, uint32_t cp)
{
	HPDF_TextWidth t;
	if (p->advance && cp < 0x10000 && p->advance[cp] != 0xFFFF)
		return p->advance[cp];
	t = HPDF_Font_TextWidth(p->font, (const HPDF_BYTE *)s, (HPDF_UINT)n);
	if (p->advance && cp < 0x10000)
		p->advance[cp] =
			(uint16_t)(t.width < 0xFFFF ? t.width : 0xFFFE);
	return t.width;
}

/* The width of n bytes of text at size points (the sum of its characters'
 * widths, as libharu measures a CID font). */
static double width_of(struct pdf *p, const char *s, size_t n, double size)
{
	double w = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int l = text_u8_next(s + i, n - i, &cp);
		if (l <= 0) {
			l = 1;
			cp = 0x110000; /* not cached */
		}
		w += advance(p, s + i, (size_t)l, cp);
		i += (size_t)l;
	}
	return w * size / 1000.0;
}

struct span {
	size_t start, len; /* bytes of a line */
};

/* Breaks s into lines no wider than width at size, at the places Unicode
 * allows (UAX #14: no line starts with 、。」ー or ends with 「（), then
 * avoids a last line of one character.  Returns the lines (caller
 * frees) and their count in *n. */
static struct span *wrap(struct pdf *p, const char *s, double size,
			 double width, size_t *n)
{
	size_t len = strlen(s), start = 0, brk_at = 0, cap = 8;
	char *brk = malloc(len + 1);
	struct span *v = malloc(cap * sizeof(*v));
	double x = 0, x_at_brk = 0;

	*n = 0;
	if (!brk || !v) {
		free(brk);
		free(v);
		return NULL;
	}
	u8_possible_linebreaks((const uint8_t *)s, len, "UTF-8", brk);
	/* "95.8 %" stays on one line, and so do clause IDs such as
	 * 7-1(10)エ(ア): no break before "(" or after ")" unless at a space */
	for (size_t i = 1; i < len; i++)
		if ((s[i] == '%' && s[i - 1] == ' ') ||
		    (s[i] == '(' && s[i - 1] != ' ') ||
		    (s[i - 1] == ')' && (unsigned char)s[i] >= 0xC0))
			brk[i] = UC_BREAK_PROHIBITED;
#define EMIT(a, b)                                                             \
	do {                                                                   \
		if (*n == cap) {                                               \
			struct span *g = realloc(v, (cap *= 2) * sizeof(*v));  \
			if (!g)                                                \
				goto oom;                                      \
			v = g;                                                 \
		}                                                              \
		v[*n].start = (a);                                             \
		v[*n].len = (b) - (a);                                         \
		(*n)++;                                                        \
	} while (0)
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int l = text_u8_next(s + i, len - i, &cp);
		double cw;
		if (l <= 0)
			l = 1;
		if (i > start && brk[i] == UC_BREAK_MANDATORY) {
			EMIT(start, i);
			start = i;
			x = 0;
			brk_at = 0;
		} else if (i > start && brk[i] == UC_BREAK_POSSIBLE) {
			brk_at = i;
			x_at_brk = x;
		}
		cw = cp == '\n' ? 0 : width_of(p, s + i, (size_t)l, size);
		if (x + cw > width && i > start) {
			if (brk_at > start) {
				EMIT(start, brk_at);
				x -= x_at_brk;
				start = brk_at;
			} else {
				EMIT(start, i);
				start = i;
				x = 0;
			}
			brk_at = 0;
		}
		x += cw;
		i += (size_t)l;
	}
	if (start < len || *n == 0)
		EMIT(start, len);
#undef EMIT
	/* a last line of a single character pulls one piece down */
	if (*n >= 2) {
		struct span *last = &v[*n - 1], *prev = &v[*n - 2];
		size_t chars = 0;
		for (size_t i = 0; i < last->len; i++)
			chars += ((unsigned char)s[last->start + i] & 0xC0) !=
				 0x80;
		if (chars == 1) {
			for (size_t k = prev->start + prev->len - 1;
			     k > prev->start + 1; k--)
				if (brk[k] == UC_BREAK_POSSIBLE &&
				    width_of(p, s + k,
					     last->start + last->len - k,
					     size) <= width) {
					last->len += last->start - k;
					last->start = k;
					prev->len = k - prev->start;
					break;
				}
		}
	}
	free(brk);
	return v;
oom:
	free(brk);
	free(v);
	return NULL;
}

static void new_page_if_needed(struct pdf *p)
{
	if (!p->pages)
		pdf_page(p, true);
}

/* Draws one line (no wrapping) at x, baseline at cursor y + size. */
static void draw(struct pdf *p, const char *s, size_t n, double x, double y,
		 double size, bool bold)
{
	char *line;
	if (p->dry || p->failed || !p->page)
		return;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n'))
		n--;
	while (n > 0 && *s == ' ') {
		s++;
		n--;
	}
	if (!n || !(line = strndup(s, n)))
		return;
	HPDF_Page_BeginText(p->page);
	HPDF_Page_SetFontAndSize(p->page, p->font, (HPDF_REAL)size);
	if (bold) {
		HPDF_Page_SetTextRenderingMode(p->page, HPDF_FILL_THEN_STROKE);
		HPDF_Page_SetLineWidth(p->page, (HPDF_REAL)(size * 0.035));
	} else {
		HPDF_Page_SetTextRenderingMode(p->page, HPDF_FILL);
	}
	HPDF_Page_TextOut(p->page, (HPDF_REAL)x,
			  (HPDF_REAL)(PDF_PAGE_H - y - size), line);
	HPDF_Page_EndText(p->page);
	if (p->floor)
		fprintf(p->floor, "T\t%.2f\t%.2f\t%.2f\t%s\n", x,
			PDF_PAGE_H - y - size, size, line);
	free(line);
}

void pdf_line_at(struct pdf *p, const char *text, double size, double x,
		 double w, int align, bool bold)
{
	char *t = drawable(p, text);
	double tw;
	if (!t)
		return;
	new_page_if_needed(p);
	tw = width_of(p, t, strlen(t), size);
	if (align == 1)
		x += (w - tw) / 2;
	else if (align == 2)
		x += w - tw;
	draw(p, t, strlen(t), x, p->y, size, bold);
	free(t);
}

size_t pdf_lines(struct pdf *p, const char *text, double size, double width)
{
	char *t = drawable(p, text);
	size_t n = 0;
	struct span *v = t ? wrap(p, t, size, width, &n) : NULL;
	free(v);
	free(t);
	return n;
}

void pdf_text(struct pdf *p, const char *text, double size, double indent,
	      bool bold)
{
	char *t = drawable(p, text);
	size_t n = 0;
	struct span *v = t ? wrap(p, t, size, PDF_WIDTH - indent, &n) : NULL;
	new_page_if_needed(p);
	for (size_t i = 0; v && i < n; i++) {
		pdf_need(p, size * LINE);
		draw(p, t + v[i].start, v[i].len, PDF_LEFT + indent, p->y, size,
		     bold);
		p->y += size * LINE;
	}
	free(v);
	free(t);
}

/* --- pages ----------------------------------------------------------- */

static void page_furniture(struct pdf *p)
{
	char num[32];
	double y = p->y;
	if (p->dry || !p->numbered)
		return;
	p->y = 30;
	pdf_line_at(p, p->marking, 9, PDF_LEFT, PDF_WIDTH, 0, true);
	pdf_line_at(p, p->title, 8, PDF_LEFT, PDF_WIDTH, 2, false);
	snprintf(num, sizeof(num), "- %d -", p->pages - p->number_offset);
	p->y = PDF_PAGE_H - 40;
	pdf_line_at(p, num, 9, PDF_LEFT, PDF_WIDTH, 1, false);
	pdf_line_at(p, p->marking, 9, PDF_LEFT, PDF_WIDTH, 2, true);
	if (p->page) {
		HPDF_Page_SetLineWidth(p->page, 0.5);
		HPDF_Page_MoveTo(p->page, PDF_LEFT, PDF_PAGE_H - 46);
		HPDF_Page_LineTo(p->page, PDF_PAGE_W - PDF_RIGHT,
				 PDF_PAGE_H - 46);
		HPDF_Page_Stroke(p->page);
	}
	p->y = y;
}

void pdf_page(struct pdf *p, bool numbered)
{
	p->pages++;
	p->numbered = numbered;
	p->y = PDF_TOP;
	if (!p->dry && !p->failed) {
		p->page = HPDF_AddPage(p->doc);
		if (p->floor)
			fputs("P\n", p->floor);
		if (p->page)
			HPDF_Page_SetSize(p->page, HPDF_PAGE_SIZE_A4,
					  HPDF_PAGE_PORTRAIT);
	}
	page_furniture(p);
}

void pdf_need(struct pdf *p, double h)
{
	if (!p->pages || p->y + h > PDF_PAGE_H - PDF_BOTTOM)
		pdf_page(p, true);
}

void pdf_space(struct pdf *p, double h)
{
	p->y += h;
}

/* --- headings and contents ------------------------------------------ */

void pdf_heading(struct pdf *p, int level, const char *text)
{
	double size = level == 1 ? 14 : level == 2 ? 12 : 10.5;
	HPDF_Destination dst;

	pdf_space(p, level == 1 ? 10 : 6);
	pdf_need(p, size * LINE + 100); /* keep with what follows */
	if (p->dry) {
		struct pdf_heading *g = realloc(
			p->headings, (p->nheadings + 1) * sizeof(*p->headings));
		if (g) {
			p->headings = g;
			g[p->nheadings].title = strdup(text);
			g[p->nheadings].level = level;
			g[p->nheadings].page = p->pages - p->number_offset;
			p->nheadings++;
		}
	} else if (p->page && level <= 2) {
		HPDF_Outline parent =
			level == 1 || !p->outline[1] ? NULL : p->outline[1];
		HPDF_Outline o = HPDF_CreateOutline(p->doc, parent, text, NULL);
		if (o) {
			dst = HPDF_Page_CreateDestination(p->page);
			HPDF_Destination_SetXYZ(
				dst, 0, (HPDF_REAL)(PDF_PAGE_H - p->y + 10), 1);
			HPDF_Outline_SetDestination(o, dst);
			HPDF_Outline_SetOpened(o, HPDF_TRUE);
			p->outline[level] = o;
		}
	}
	p->next_heading++;
	pdf_text(p, text, size, 0, true);
	if (level == 1 && !p->dry && p->page) {
		HPDF_Page_SetLineWidth(p->page, 0.8);
		HPDF_Page_MoveTo(p->page, PDF_LEFT,
				 (HPDF_REAL)(PDF_PAGE_H - p->y + 2));
		HPDF_Page_LineTo(p->page, PDF_PAGE_W - PDF_RIGHT,
				 (HPDF_REAL)(PDF_PAGE_H - p->y + 2));
		HPDF_Page_Stroke(p->page);
	}
	pdf_space(p, 4);
}

void pdf_contents(struct pdf *p)
{
	for (size_t i = 0; i < p->nheadings; i++) {
		const struct pdf_heading *h = &p->headings[i];
		char num[16];
		double indent = h->level == 1 ? 0 : 18;
		if (h->level > 2)
			continue;
		pdf_need(p, 11 * LINE);
		snprintf(num, sizeof(num), "%d", p->dry ? 0 : h->page);
		pdf_line_at(p, h->title, 10.5, PDF_LEFT + indent,
			    PDF_WIDTH - indent - 30, 0, h->level == 1);
		pdf_line_at(p, num, 10.5, PDF_LEFT, PDF_WIDTH, 2, false);
		p->y += 10.5 * LINE;
	}
}

/* --- tables ---------------------------------------------------------- */

struct cell_lines {
	char *text;	/* drawable text */
	struct span *v; /* its lines */
	size_t n;	/* how many */
};

static void rect(struct pdf *p, double x, double y, double w, double h,
		 bool fill)
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

/* Draws lines first..first+count of each cell of a row at the cursor. */
static void row_part(struct pdf *p, size_t ncols, const double *widths,
		     const struct cell_lines *cells, size_t first, size_t count,
		     double size, bool head)
{
	double x = PDF_LEFT, h = count * size * LINE + 2 * PAD;
	for (size_t c = 0; c < ncols; c++) {
		rect(p, x, p->y, widths[c], h, head);
		for (size_t k = first; k < first + count && k < cells[c].n; k++)
			draw(p, cells[c].text + cells[c].v[k].start,
			     cells[c].v[k].len, x + PAD,
			     p->y + PAD + (double)(k - first) * size * LINE +
				     size * 0.15,
			     size, head);
		x += widths[c];
	}
	p->y += h;
}

static bool lay_cells(struct pdf *p, size_t ncols, const double *widths,
		      const char *const *text, double size,
		      struct cell_lines *out, size_t *most)
{
	*most = 1;
	for (size_t c = 0; c < ncols; c++) {
		out[c].text = drawable(p, text[c] ? text[c] : "");
		out[c].v = out[c].text ? wrap(p, out[c].text, size,
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
	for (size_t i = 0; i < n; i++) {
		free(c[i].text);
		free(c[i].v);
		c[i].text = NULL;
		c[i].v = NULL;
	}
}

void pdf_table(struct pdf *p, size_t ncols, const double *widths,
	       const char *const *header, const char *const *cells,
	       size_t nrows, double size)
{
	struct cell_lines *head = calloc(ncols, sizeof(*head));
	struct cell_lines *row = calloc(ncols, sizeof(*row));
	size_t head_lines, lines;
	double line = size * LINE;

	if (!head || !row ||
	    !lay_cells(p, ncols, widths, header, size, head, &head_lines)) {
		p->failed = true;
		goto out;
	}
	/* the head never stands alone: it starts where the first row (or
	 * its first three lines) fits under it */
	lines = 1;
	if (nrows && lay_cells(p, ncols, widths, cells, size, row, &lines))
		free_cells(row, ncols);
	pdf_need(p, (double)(head_lines + (lines < 3 ? lines : 3)) * line +
			    4 * PAD);
	row_part(p, ncols, widths, head, 0, head_lines, size, true);
	for (size_t r = 0; r < nrows; r++) {
		size_t done = 0;
		if (p->row_context)
			p->context = p->row_context[r];
		if (!lay_cells(p, ncols, widths, cells + r * ncols, size, row,
			       &lines)) {
			p->failed = true;
			break;
		}
		while (done < lines) {
			double room = PDF_PAGE_H - PDF_BOTTOM - p->y - 2 * PAD;
			size_t fit = room > 0 ? (size_t)(room / line) : 0;
			if (fit > lines - done)
				fit = lines - done;
			/* a row that fits whole on the next page moves there */
			if (fit < lines - done &&
			    (done == 0 &&
			     lines * line + 2 * PAD <
				     PDF_PAGE_H - PDF_TOP - PDF_BOTTOM - 60))
				fit = 0;
			if (fit == 0) {
				pdf_page(p, true);
				row_part(p, ncols, widths, head, 0, head_lines,
					 size, true);
				continue;
			}
			row_part(p, ncols, widths, row, done, fit, size, false);
			done += fit;
		}
		free_cells(row, ncols);
	}
out:
	p->row_context = NULL;
	if (head)
		free_cells(head, ncols);
	free(head);
	free(row);
	pdf_space(p, 6);
}

/* --- charts and boxes ------------------------------------------------ */

static void fill_rect(struct pdf *p, double x, double y, double w, double h,
		      float r, float g, float b)
{
	if (p->dry || !p->page || w <= 0)
		return;
	HPDF_Page_SetRGBFill(p->page, r, g, b);
	HPDF_Page_Rectangle(p->page, (HPDF_REAL)x,
			    (HPDF_REAL)(PDF_PAGE_H - y - h), (HPDF_REAL)w,
			    (HPDF_REAL)h);
	HPDF_Page_Fill(p->page);
	HPDF_Page_SetRGBFill(p->page, 0, 0, 0);
}

static void hline(struct pdf *p, double x1, double y1, double x2, double y2,
		  double width)
{
	if (p->dry || !p->page)
		return;
	HPDF_Page_SetLineWidth(p->page, (HPDF_REAL)width);
	HPDF_Page_MoveTo(p->page, (HPDF_REAL)x1, (HPDF_REAL)(PDF_PAGE_H - y1));
	HPDF_Page_LineTo(p->page, (HPDF_REAL)x2, (HPDF_REAL)(PDF_PAGE_H - y2));
	HPDF_Page_Stroke(p->page);
}

void pdf_bars(struct pdf *p, const char *const *labels, const double *now,
	      const double *before, size_t n, const char *now_name,
	      const char *before_name, const char *axis)
{
	const double label_w = 170, bar_h = 7, gap = 7;
	double group = before ? 2 * bar_h + gap : bar_h + gap;
	double plot_x = PDF_LEFT + label_w, plot_w = PDF_WIDTH - label_w - 30;
	double height = (double)n * group + 50, y0;
	char tick[16];

	pdf_need(p, height);
	y0 = p->y;
	for (int t = 0; t <= 10; t += 2) {
		double x = plot_x + plot_w * t / 10.0;
		hline(p, x, y0, x, y0 + (double)n * group, t ? 0.2 : 0.6);
		snprintf(tick, sizeof(tick), "%d%%", t * 10);
		p->y = y0 + (double)n * group + 2;
		pdf_line_at(p, tick, 7, x - 20, 40, 1, false);
	}
	for (size_t i = 0; i < n; i++) {
		double y = y0 + (double)i * group + gap / 2;
		p->y = y + (before ? bar_h - 4 : -1);
		pdf_line_at(p, labels[i], 8, PDF_LEFT, label_w - 6, 2, false);
		fill_rect(p, plot_x, y, plot_w * (now[i] > 0 ? now[i] : 0),
			  bar_h, 0.27f, 0.45f, 0.77f);
		if (before)
			fill_rect(p, plot_x, y + bar_h,
				  plot_w * (before[i] > 0 ? before[i] : 0),
				  bar_h, 0.75f, 0.75f, 0.75f);
	}
	for (size_t i = 0; i < n; i++) { /* the values at the bars' ends */
		double y = y0 + (double)i * group + gap / 2;
		for (int b = 0; b < (before ? 2 : 1); b++) {
			double v = b ? before[i] : now[i];
			if (v < 0)
				continue;
			snprintf(tick, sizeof(tick), "%.1f", v * 100);
			p->y = y + b * bar_h - 1.5;
			pdf_line_at(p, tick, 6.5, plot_x + plot_w * v + 2, 28,
				    0, false);
		}
	}
	p->y = y0 + (double)n * group + 14;
	pdf_line_at(p, axis, 8, plot_x, plot_w, 1, false);
	p->y += 14;
	fill_rect(p, plot_x, p->y + 1, 10, 7, 0.27f, 0.45f, 0.77f);
	pdf_line_at(p, now_name, 8, plot_x + 14, 120, 0, false);
	if (before) {
		fill_rect(p, plot_x + 140, p->y + 1, 10, 7, 0.75f, 0.75f,
			  0.75f);
		pdf_line_at(p, before_name, 8, plot_x + 154, 120, 0, false);
	}
	p->y = y0 + height + 6;
}

void pdf_approval(struct pdf *p)
{
	static const char *const head[] = {"", "作成", "確認", "承認"};
	static const char *const rows[] = {"氏名", "日付", "印"};
	const double w = 70, x0 = PDF_PAGE_W - PDF_RIGHT - 4 * w;
	double y;

	pdf_need(p, 120);
	pdf_line_at(p, "承認欄", 10, x0, 4 * w, 0, true);
	p->y += 16;
	y = p->y;
	for (int c = 0; c < 4; c++) {
		rect(p, x0 + c * w, y, w, 16, c > 0);
		p->y = y + 3;
		pdf_line_at(p, head[c], 9, x0 + c * w, w, 1, c > 0);
	}
	y += 16;
	for (int r = 0; r < 3; r++) {
		double h = r == 2 ? 40 : 20;
		for (int c = 0; c < 4; c++)
			rect(p, x0 + c * w, y, w, h, false);
		p->y = y + 4;
		pdf_line_at(p, rows[r], 9, x0, w, 1, false);
		y += h;
	}
	p->y = y + 10;
}

/* --- saving ---------------------------------------------------------- */

/* Permission bit 12 (PDF 1.7, 7.6.3.2): print at full quality; libharu
 * names only bit 3, which alone allows a degraded print under R3. */
#define PRINT_HIGH 0x800

void pdf_encrypt(struct pdf *p, const char *user, const char *owner)
{
	if (HPDF_SetPassword(p->doc, owner, user) != HPDF_OK ||
	    HPDF_SetPermission(p->doc, HPDF_ENABLE_PRINT | PRINT_HIGH) !=
		    HPDF_OK ||
	    HPDF_SetEncryptionMode(p->doc, HPDF_ENCRYPT_R3, 16) != HPDF_OK)
		p->failed = true;
}

enum kansa_err pdf_save(struct pdf *p, const char *path, const char *date,
			const char *title, const char *author,
			const char *subject)
{
	HPDF_Date dt = {0};
	char *tmp;

	if (sscanf(date, "%d-%d-%d", &dt.year, &dt.month, &dt.day) != 3) {
		dt.year = 2000;
		dt.month = dt.day = 1;
	}
	dt.ind = 'Z';
	HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_CREATION_DATE, dt);
	HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_MOD_DATE, dt);
	HPDF_SetInfoAttr(p->doc, HPDF_INFO_TITLE, title);
	HPDF_SetInfoAttr(p->doc, HPDF_INFO_AUTHOR, author);
	HPDF_SetInfoAttr(p->doc, HPDF_INFO_SUBJECT, subject);
	HPDF_SetInfoAttr(p->doc, HPDF_INFO_CREATOR, "kansa");
	if (!(tmp = fileio_temp_create(path, p->d)))
		return KANSA_ERR_IO;
	p->saving = path;
	errno = 0;
	if (!p->failed && HPDF_SaveToFile(p->doc, tmp) != HPDF_OK &&
	    !p->failed) {
		p->failed = true;
		diags_add(p->d, DIAG_ERROR, path, 0, "cannot write: %s",
			  strerror(errno));
	}
	return fileio_temp_commit(tmp, path, !p->failed, p->d);
}
