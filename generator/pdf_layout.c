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
#include "pdf_font.h"
#include "pdf_layout_internal.h"
#include "text.h"

#define GETA "〓" /* drawn for a character the font cannot (beyond BMP) */

/* --- text ------------------------------------------------------------ */

/* A copy of s the font can draw: characters beyond the BMP become 〓
 * (with a warning), control characters but newline are dropped. */
char *pdf_drawable(struct pdf *p, const char *s)
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

#define MIN_BODY 10.0 /* points: body text is never smaller */
#define HASH_LEN 64   /* hex digits of a SHA-256 value */

static bool is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	       (c >= 'A' && c <= 'F');
}

static bool is_alnum(char c)
{
	return is_hex(c) || (c >= 'g' && c <= 'z') || (c >= 'G' && c <= 'Z');
}

/* True when a SHA-256 value (64 hex digits, no letter or digit either
 * side) starts at s[i] of the n bytes at s: it is set in the monospaced
 * face and never broken, so that copying it gives the value. */
static bool hash_at(const char *s, size_t n, size_t i)
{
	if (n - i < HASH_LEN || (i > 0 && is_alnum(s[i - 1])))
		return false;
	for (size_t k = 0; k < HASH_LEN; k++)
		if (!is_hex(s[i + k]))
			return false;
	return i + HASH_LEN == n || !is_alnum(s[i + HASH_LEN]);
}

/* The width of one character (n bytes at s, code point cp) of face f in
 * 1/1000 em.  libharu finds a glyph by searching the font's cmap on every
 * call, which was a third of a long report's time: the answers are kept
 * per face and code point. */
static unsigned advance(struct pdf *p, enum pdf_face f, const char *s, size_t n,
			uint32_t cp)
{
	HPDF_TextWidth t;
	if (cp < 0x10000 && p->advance[f] && p->advance[f][cp] != 0xFFFF)
		return p->advance[f][cp];
	if (!pdf_load_face(p, f))
		return 0;
	t = HPDF_Font_TextWidth(p->font[f], (const HPDF_BYTE *)s, (HPDF_UINT)n);
	if (cp < 0x10000 && p->advance[f])
		p->advance[f][cp] =
			(uint16_t)(t.width < 0xFFFF ? t.width : 0xFFFE);
	return t.width;
}

/* The width of n bytes of text in face f at size points (the sum of its
 * characters' widths, as libharu measures a CID font). */
static double face_width(struct pdf *p, enum pdf_face f, const char *s,
			 size_t n, double size)
{
	double w = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int l = text_u8_next(s + i, n - i, &cp);
		if (l <= 0) {
			l = 1;
			cp = 0x110000; /* not cached */
		}
		w += advance(p, f, s + i, (size_t)l, cp);
		i += (size_t)l;
	}
	return w * size / 1000.0;
}

/* The width of n bytes of text set in face f, its SHA-256 values in the
 * monospaced face. */
static double width_of(struct pdf *p, enum pdf_face f, const char *s, size_t n,
		       double size)
{
	double w = 0;
	size_t from = 0;
	for (size_t i = 0; i + HASH_LEN <= n; i++)
		if (hash_at(s, n, i)) {
			w += face_width(p, f, s + from, i - from, size) +
			     face_width(p, PDF_MONO, s + i, HASH_LEN, size);
			from = i += HASH_LEN;
			i--;
		}
	return w + face_width(p, f, s + from, n - from, size);
}

/* The places s (len bytes) may break (UAX #14, UC_BREAK_*), with the
 * breaks kansa forbids besides; NULL when out of memory. */
static char *line_breaks(const char *s, size_t len)
{
	char *brk = malloc(len + 1);
	if (!brk)
		return NULL;
	u8_possible_linebreaks((const uint8_t *)s, len, "UTF-8", brk);
	/* "95.8 %" stays on one line, and so do clause IDs such as
	 * 7-1(10)エ(ア): no break before "(" or after ")" unless at a space */
	for (size_t i = 1; i < len; i++)
		if ((s[i] == '%' && s[i - 1] == ' ') ||
		    (s[i] == '(' && s[i - 1] != ' ') ||
		    (s[i - 1] == ')' && (unsigned char)s[i] >= 0xC0))
			brk[i] = UC_BREAK_PROHIBITED;
	return brk;
}

/* The lines of a text being wrapped. */
struct spans {
	struct span *v;
	size_t n, cap;
};

/* Adds the line of bytes [a, b); false when out of memory. */
static bool emit(struct spans *out, size_t a, size_t b)
{
	if (out->n == out->cap) {
		size_t nc = out->cap ? out->cap * 2 : 8;
		struct span *g = realloc(out->v, nc * sizeof(*g));
		if (!g)
			return false;
		out->v = g;
		out->cap = nc;
	}
	out->v[out->n].start = a;
	out->v[out->n].len = b - a;
	out->n++;
	return true;
}

/* A last line of one or two characters (い。) pulls one piece of the
 * line before down, where that fits. */
static void balance_last_line(struct pdf *p, enum pdf_face f, const char *s,
			      const char *brk, double size, double width,
			      struct spans *out)
{
	struct span *last, *prev;
	size_t chars = 0;
	if (out->n < 2)
		return;
	last = &out->v[out->n - 1];
	prev = &out->v[out->n - 2];
	for (size_t i = 0; i < last->len; i++)
		chars += ((unsigned char)s[last->start + i] & 0xC0) != 0x80;
	if (chars > 2)
		return;
	for (size_t k = prev->start + prev->len - 1; k > prev->start + 1; k--)
		if (brk[k] == UC_BREAK_POSSIBLE &&
		    width_of(p, f, s + k, last->start + last->len - k, size) <=
			    width) {
			last->len += last->start - k;
			last->start = k;
			prev->len = k - prev->start;
			break;
		}
}

/* Breaks s into lines no wider than width at size in face f, at the
 * places Unicode allows (UAX #14: no line starts with 、。」ー or ends
 * with 「（), never inside a SHA-256 value, then avoids a last line of
 * one character.  Returns the lines (caller frees) and their count in
 * *n, or NULL when out of memory. */
struct span *pdf_wrap(struct pdf *p, enum pdf_face f, const char *s,
		      double size, double width, size_t *n)
{
	size_t len = strlen(s), start = 0, brk_at = 0;
	char *brk = line_breaks(s, len);
	struct spans out = {0};
	double x = 0, x_at_brk = 0;
	bool ok = brk != NULL;

	for (size_t i = 0; ok && i < len;) {
		uint32_t cp;
		int l = text_u8_next(s + i, len - i, &cp);
		double cw;
		if (l <= 0)
			l = 1;
		if (i > start && brk[i] == UC_BREAK_MANDATORY) {
			ok = emit(&out, start, i);
			start = i;
			x = 0;
			brk_at = 0;
		} else if (i > start && brk[i] == UC_BREAK_POSSIBLE) {
			brk_at = i;
			x_at_brk = x;
		}
		if (cp == '\n') {
			cw = 0;
		} else if (hash_at(s, len, i)) {
			l = HASH_LEN; /* one unit: never broken */
			cw = face_width(p, PDF_MONO, s + i, HASH_LEN, size);
		} else {
			cw = face_width(p, f, s + i, (size_t)l, size);
		}
		if (ok && x + cw > width && i > start) {
			size_t at = brk_at > start ? brk_at : i;
			ok = emit(&out, start, at);
			x = brk_at > start ? x - x_at_brk : 0;
			start = at;
			brk_at = 0;
		}
		x += cw;
		i += (size_t)l;
	}
	if (ok && (start < len || out.n == 0))
		ok = emit(&out, start, len);
	if (ok)
		balance_last_line(p, f, s, brk, size, width, &out);
	free(brk);
	if (!ok) {
		free(out.v);
		out.v = NULL;
		out.n = 0;
	}
	*n = out.n;
	return out.v;
}

static void new_page_if_needed(struct pdf *p)
{
	if (!p->pages)
		pdf_page(p, true);
}

/* Marks the code points of n bytes at s as drawn in face f. */
static void mark_used(struct pdf *p, enum pdf_face f, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int l = text_u8_next(s + i, n - i, &cp);
		if (l <= 0) {
			i++;
			continue;
		}
		if (cp < 0x10000)
			p->used[f][cp >> 3] |= (uint8_t)(1u << (cp & 7));
		i += (size_t)l;
	}
}

/* Shows n bytes at s in face f at x (PDF space), returns the new x. */
static double show(struct pdf *p, enum pdf_face f, const char *s, size_t n,
		   double x, double base, double size)
{
	char *piece;
	if (!n || !pdf_load_face(p, f) || !(piece = strndup(s, n)))
		return x;
	mark_used(p, f, s, n);
	HPDF_Page_BeginText(p->page);
	HPDF_Page_SetFontAndSize(p->page, p->font[f], (HPDF_REAL)size);
	HPDF_Page_TextOut(p->page, (HPDF_REAL)x, (HPDF_REAL)base, piece);
	HPDF_Page_EndText(p->page);
	free(piece);
	if (p->floor)
		fprintf(p->floor, "T\t%.2f\t%.2f\t%.2f\t%d\t%.*s\n", x, base,
			size, (int)f, (int)n, s);
	return x + face_width(p, f, s, n, size);
}

/* Draws one line (no wrapping) at x, baseline at cursor y + size, in
 * face f, its SHA-256 values in the monospaced face. */
void pdf_draw(struct pdf *p, const char *s, size_t n, double x, double y,
	      double size, enum pdf_face f)
{
	double base = PDF_PAGE_H - y - size;
	size_t from = 0;
	if (p->dry || p->failed || !p->page)
		return;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n'))
		n--;
	while (n > 0 &&
	       (*s == ' ' || *s == '\n')) { /* a line after a
						newline starts with it */
		s++;
		n--;
	}
	if (!n)
		return;
	for (size_t i = 0; i + HASH_LEN <= n; i++)
		if (hash_at(s, n, i)) {
			x = show(p, f, s + from, i - from, x, base, size);
			x = show(p, PDF_MONO, s + i, HASH_LEN, x, base, size);
			from = i += HASH_LEN;
			i--;
		}
	show(p, f, s + from, n - from, x, base, size);
}

/* pdf_line_at without drawing a waiting block heading first (for the
 * page furniture, drawn while one waits). */
static void line_at(struct pdf *p, const char *text, double size, double x,
		    double w, int align, bool bold)
{
	char *t;
	enum pdf_face f = bold ? PDF_GOTHIC : PDF_MINCHO;
	double tw;
	if (!(t = pdf_drawable(p, text)))
		return;
	new_page_if_needed(p);
	tw = width_of(p, f, t, strlen(t), size);
	if (align == 1)
		x += (w - tw) / 2;
	else if (align == 2)
		x += w - tw;
	pdf_draw(p, t, strlen(t), x, p->y, size, f);
	free(t);
}

void pdf_line_at(struct pdf *p, const char *text, double size, double x,
		 double w, int align, bool bold)
{
	pdf_flush(p);
	line_at(p, text, size, x, w, align, bold);
}

size_t pdf_lines(struct pdf *p, const char *text, double size, double width)
{
	char *t = pdf_drawable(p, text);
	size_t n = 0;
	struct span *v = t ? pdf_wrap(p, PDF_MINCHO, t, size, width, &n) : NULL;
	free(v);
	free(t);
	return n;
}

void pdf_text(struct pdf *p, const char *text, double size, double indent,
	      bool bold)
{
	enum pdf_face f = bold ? PDF_GOTHIC : PDF_MINCHO;
	char *t;
	size_t n = 0;
	struct span *v;
	pdf_flush(p);
	if (size < MIN_BODY)
		size = MIN_BODY;
	t = pdf_drawable(p, text);
	v = t ? pdf_wrap(p, f, t, size, PDF_WIDTH - indent, &n) : NULL;
	new_page_if_needed(p);
	for (size_t i = 0; v && i < n; i++) {
		pdf_need(p, size * LINE);
		pdf_draw(p, t + v[i].start, v[i].len, PDF_LEFT + indent, p->y,
			 size, f);
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
	line_at(p, p->marking, 9, PDF_LEFT, PDF_WIDTH, 0, true);
	line_at(p, p->title, 9, PDF_LEFT, PDF_WIDTH, 2, false);
	snprintf(num, sizeof(num), "- %d -", p->pages - p->number_offset);
	p->y = PDF_PAGE_H - 40;
	line_at(p, num, 9, PDF_LEFT, PDF_WIDTH, 1, false);
	line_at(p, p->marking, 9, PDF_LEFT, PDF_WIDTH, 2, true);
	if (p->page) {
		HPDF_Page_SetLineWidth(p->page, 0.5);
		HPDF_Page_MoveTo(p->page, PDF_LEFT, PDF_PAGE_H - 46);
		HPDF_Page_LineTo(p->page, PDF_PAGE_W - PDF_RIGHT,
				 PDF_PAGE_H - 46);
		HPDF_Page_Stroke(p->page);
	}
	p->y = y;
}

/* The page labels a viewer shows match the printed numbers: a numbered
 * run starts at its printed number, an unnumbered page is "表紙". */
static void page_label(struct pdf *p)
{
	HPDF_UINT index = (HPDF_UINT)(p->pages - 1);
	HPDF_Dict label;
	if (p->labelled == (int)p->numbered)
		return;
	p->labelled = p->numbered;
	if (p->numbered) {
		HPDF_AddPageLabel(p->doc, index, HPDF_PAGE_NUM_STYLE_DECIMAL,
				  (HPDF_UINT)(p->pages - p->number_offset),
				  NULL);
		return;
	}
	/* a label of a prefix and no number: libharu always sets /S */
	if ((label = HPDF_Dict_New(p->doc->mmgr)) &&
	    HPDF_Dict_Add(label, "P",
			  HPDF_String_New(p->doc->mmgr, "表紙",
					  HPDF_GetEncoder(p->doc, "UTF-8"))) ==
		    HPDF_OK)
		HPDF_Catalog_AddPageLabel(p->doc->catalog, index, label);
}

static void start_page(struct pdf *p, bool numbered)
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
		page_label(p);
	}
	page_furniture(p);
}

void pdf_page(struct pdf *p, bool numbered)
{
	pdf_flush(p);
	p->section[0] = '\0'; /* a new page of the caller's: no "（続き）" */
	start_page(p, numbered);
}

/* A page break inside a section: the next page starts with the
 * section's heading and "（続き）". */
void pdf_page_break(struct pdf *p)
{
	char cont[sizeof(p->section) + 16];
	start_page(p, true);
	if (!*p->section || p->breaking_heading || p->pending)
		return; /* a heading starts the page */
	snprintf(cont, sizeof(cont), "%s（続き）", p->section);
	line_at(p, cont, 10.5, PDF_LEFT, PDF_WIDTH, 0, true);
	p->y += 10.5 * LINE + 4;
}

void pdf_need(struct pdf *p, double h)
{
	if (!p->pages)
		start_page(p, true);
	else if (p->y + h > PDF_PAGE_H - PDF_BOTTOM)
		pdf_page_break(p);
}

void pdf_space(struct pdf *p, double h)
{
	pdf_flush(p);
	p->y += h;
}

/* --- headings and contents ------------------------------------------ */

double pdf_heading_size(int level)
{
	return level == 1 ? 14 : level == 2 ? 12 : 10.5;
}

/* Draws a heading now: it starts a page when less than keep points
 * would be left under it. */
void pdf_put_heading(struct pdf *p, int level, const char *text, double keep)
{
	double size = pdf_heading_size(level);
	struct pdf_heading *h = NULL;

	p->y += level == 1 ? 10 : 6;
	p->breaking_heading = true;
	pdf_need(p, size * LINE + keep);
	p->breaking_heading = false;
	if (p->dry) {
		struct pdf_heading *g = realloc(
			p->headings, (p->nheadings + 1) * sizeof(*p->headings));
		if (g) {
			p->headings = g;
			h = &g[p->nheadings++];
			memset(h, 0, sizeof(*h));
			h->title = strdup(text);
			h->level = level;
			h->page = p->pages - p->number_offset;
		}
	} else if (p->next_heading < p->nheadings) {
		h = &p->headings[p->next_heading];
		h->at = p->page;
		h->at_y = p->y;
	}
	if (!p->dry && p->page && level <= 2) {
		HPDF_Outline parent =
			level == 1 || !p->outline[1] ? NULL : p->outline[1];
		HPDF_Outline o = HPDF_CreateOutline(p->doc, parent, text, NULL);
		if (o) {
			HPDF_Destination dst =
				HPDF_Page_CreateDestination(p->page);
			HPDF_Destination_SetXYZ(
				dst, 0, (HPDF_REAL)(PDF_PAGE_H - p->y + 10), 1);
			HPDF_Outline_SetDestination(o, dst);
			HPDF_Outline_SetOpened(o, HPDF_TRUE);
			p->outline[level] = o;
		}
	}
	p->next_heading++;
	pdf_text(p, text, size, 0, true);
	snprintf(p->section, sizeof(p->section), "%s", text);
	if (level <= 2)
		snprintf(p->chapter, sizeof(p->chapter), "%s", text);
	if (level == 1 && !p->dry && p->page) {
		HPDF_Page_SetLineWidth(p->page, 0.8);
		HPDF_Page_MoveTo(p->page, PDF_LEFT,
				 (HPDF_REAL)(PDF_PAGE_H - p->y + 2));
		HPDF_Page_LineTo(p->page, PDF_PAGE_W - PDF_RIGHT,
				 (HPDF_REAL)(PDF_PAGE_H - p->y + 2));
		HPDF_Page_Stroke(p->page);
	}
	p->y += 4;
}

/* A waiting block heading is drawn now, kept with 100 points. */
void pdf_flush(struct pdf *p)
{
	char *t = p->pending;
	if (!t)
		return;
	p->pending = NULL;
	pdf_put_heading(p, p->pending_level, t, 100);
	free(t);
}

void pdf_heading(struct pdf *p, int level, const char *text)
{
	pdf_flush(p);
	/* drawn with what follows: pdf_table keeps the two together */
	p->pending = strdup(text);
	p->pending_level = level;
	if (!p->pending)
		pdf_put_heading(p, level, text, 100);
}

/* A dotted leader from x1 to x2 on the line at the cursor. */
static void leader(struct pdf *p, double x1, double x2, double size)
{
	const HPDF_UINT16 dash[] = {1, 3};
	double y = PDF_PAGE_H - p->y - size * 0.85;
	if (p->dry || !p->page || x2 - x1 < 6)
		return;
	HPDF_Page_GSave(p->page);
	HPDF_Page_SetLineWidth(p->page, 0.8);
	HPDF_Page_SetDash(p->page, dash, 2, 0);
	HPDF_Page_MoveTo(p->page, (HPDF_REAL)x1, (HPDF_REAL)y);
	HPDF_Page_LineTo(p->page, (HPDF_REAL)x2, (HPDF_REAL)y);
	HPDF_Page_Stroke(p->page);
	HPDF_Page_GRestore(p->page);
}

void pdf_contents(struct pdf *p)
{
	const double size = 10.5;
	pdf_flush(p);
	snprintf(p->section, sizeof(p->section), "目次");
	for (size_t i = 0; i < p->nheadings; i++) {
		struct pdf_heading *h = &p->headings[i];
		char num[16], *t;
		double indent = h->level == 1 ? 0 : 18, tw, nw;
		enum pdf_face f = h->level == 1 ? PDF_GOTHIC : PDF_MINCHO;
		if (h->level > 2)
			continue;
		pdf_need(p, size * LINE);
		snprintf(num, sizeof(num), "%d", p->dry ? 0 : h->page);
		pdf_line_at(p, h->title, size, PDF_LEFT + indent,
			    PDF_WIDTH - indent - 30, 0, h->level == 1);
		pdf_line_at(p, num, size, PDF_LEFT, PDF_WIDTH, 2, false);
		t = pdf_drawable(p, h->title);
		tw = t ? width_of(p, f, t, strlen(t), size) : 0;
		nw = width_of(p, PDF_MINCHO, num, strlen(num), size);
		free(t);
		leader(p, PDF_LEFT + indent + tw + 6,
		       PDF_PAGE_W - PDF_RIGHT - nw - 6, size);
		if (!p->dry) {
			h->toc = p->page;
			h->toc_rect.left = (HPDF_REAL)(PDF_LEFT + indent - 2);
			h->toc_rect.right = (HPDF_REAL)(PDF_PAGE_W - PDF_RIGHT);
			h->toc_rect.top = (HPDF_REAL)(PDF_PAGE_H - p->y + 2);
			h->toc_rect.bottom =
				(HPDF_REAL)(PDF_PAGE_H - p->y - size * LINE);
		}
		p->y += size * LINE;
	}
}
