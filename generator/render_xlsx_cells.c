/* render_xlsx_cells.c: what every sheet of kansa's workbooks is written
 * with: cells (text cleaned and cut at Excel's 32,767 characters, numbers,
 * dates, formulas with cached values, links), row heights, a sheet's print
 * setup, colours, protection and the formats.  It calls no other part of
 * the renderer; they all call it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_xlsx_internal.h"
#include "text.h"

/* Excel's limit of characters in a cell. */
#define CELL_MAX 32767

/* True when s can go into a cell as it is: valid UTF-8, no control
 * characters but tab and newline, not longer than Excel takes. */
static bool clean_already(const char *s, size_t n)
{
	if (n > CELL_MAX || !text_is_utf8(s, n))
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
			return false;
	}
	return true;
}

/* s cleaned as clean() does, whole (it is known to fit). */
static char *clean_whole(const char *s)
{
	struct sbuf b = {0};
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int len = text_u8_next(s + i, n - i, &cp);
		if (len < 0) {
			sbuf_adds(&b, "\xEF\xBF\xBD");
			i++;
			continue;
		}
		if ((cp >= 0x20 && cp != 0x7f) || cp == '\t' || cp == '\n')
			sbuf_add(&b, s + i, (size_t)len);
		i += (size_t)len;
	}
	return sbuf_take(&b);
}

/* Characters kept of a text longer than a cell holds: room is left for
 * the mark that says what was cut. */
#define CELL_KEEP (CELL_MAX - 120)

/* A copy of s fit for a cell: valid UTF-8 (invalid bytes become U+FFFD),
 * no control characters but tab and newline.  A text of more than
 * CELL_MAX characters keeps its first CELL_KEEP; *cut is then how many
 * characters were left out (else 0).  Characters beyond the BMP are
 * kept: the XML carries them. */
static char *clean(const char *s, size_t *cut)
{
	struct sbuf b = {0};
	size_t n = strlen(s), chars = 0;
	*cut = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int len = text_u8_next(s + i, n - i, &cp);
		bool keep = chars < CELL_KEEP;
		if (len < 0) {
			if (keep)
				sbuf_adds(&b, "\xEF\xBF\xBD");
			i++;
		} else {
			if (keep && ((cp >= 0x20 && cp != 0x7f) || cp == '\t' ||
				     cp == '\n'))
				sbuf_add(&b, s + i, (size_t)len);
			i += (size_t)len;
		}
		chars++;
	}
	if (chars > CELL_MAX)
		*cut = chars - CELL_KEEP;
	else if (chars > CELL_KEEP) { /* fits after all: keep it whole */
		sbuf_release(&b);
		return clean_whole(s);
	}
	return sbuf_take(&b);
}

void xw_check(struct xw *x, lxw_error e)
{
	if (e != LXW_NO_ERROR && !x->failed) {
		x->failed = true;
		diags_add(x->d, DIAG_ERROR, NULL, 0, "writing the workbook: %s",
			  lxw_strerror(e));
	}
}

/* True for the characters a Japanese font draws twice as wide: kana,
 * kanji, full-width forms (East Asian Wide and Fullwidth, roughly). */
static bool wide(uint32_t cp)
{
	return (cp >= 0x1100 && cp <= 0x115F) ||
	       (cp >= 0x2E80 && cp <= 0xA4CF) ||
	       (cp >= 0xAC00 && cp <= 0xD7A3) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFE30 && cp <= 0xFE4F) ||
	       (cp >= 0xFF00 && cp <= 0xFF60) ||
	       (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000;
}

/* Lines a wrapped text takes in a column of width w (Excel's units are
 * about one narrow character; a Japanese character takes two). */
static double lines_of(const char *s, double w)
{
	double lines = 1, col = 0, room = w > 3 ? w - 1.5 : 1;
	for (size_t i = 0, n = strlen(s); i < n;) {
		uint32_t cp;
		int len = text_u8_next(s + i, n - i, &cp);
		double cw;
		if (len <= 0) {
			i++;
			continue;
		}
		i += (size_t)len;
		if (cp == '\n') {
			lines++;
			col = 0;
			continue;
		}
		cw = wide(cp) ? 1.8 : 1.0;
		if (col + cw > room) {
			lines++;
			col = 0;
		}
		col += cw;
	}
	return lines;
}

void xw_row_done(struct xw *x, lxw_worksheet *ws, lxw_row_t row, uint8_t level)
{
	lxw_row_col_options o = {.level = level};
	double h = (x->lines > 1 ? x->lines : 1) * 14.0 + 2;
	if (h > 409)
		h = 409; /* Excel's tallest row */
	if (x->lines > 1 || level)
		xw_check(x, worksheet_set_row_opt(ws, row, h, NULL, &o));
	x->lines = 0;
}

/* Ends c, a text cut to CELL_KEEP characters, with a visible mark of the
 * cut, and warns naming the cell (issue 12: a 1.68 M-character comment
 * was cut without a word).  Returns the new text (c freed), or NULL. */
static char *mark_cut(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
		      lxw_col_t col, char *c, size_t cut)
{
	struct sbuf b = {0};
	char ref[16];
	(void)ws;
	sbuf_adds(&b, c);
	sbuf_printf(&b,
		    "\n…【ここまで。以下 %zu 文字は Excel のセルの上限 (32,767 "
		    "文字) を超えるため省略。全文はデータベースと PDF 報告書に"
		    "あります】",
		    cut);
	free(c);
	lxw_rowcol_to_cell(ref, row, col);
	diags_add(x->d, DIAG_WARNING, NULL, 0,
		  "workbook: the text of %s!%s has %zu characters, more than "
		  "an Excel cell holds (32,767): it is cut after %d and the "
		  "cell says so; the whole text is in the database and the PDF",
		  x->sheet ? x->sheet : "", ref, cut + CELL_KEEP, CELL_KEEP);
	return sbuf_take(&b);
}

void xw_str(struct xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
	    const char *s, enum xfmt f)
{
	const char *text = s ? s : "";
	size_t n = strlen(text), cut = 0;
	char *c = clean_already(text, n) ? NULL : clean(text, &cut);
	if (c && cut)
		c = mark_cut(x, ws, row, col, c, cut);
	if (c)
		text = c;
	else if (n > CELL_MAX || !text_is_utf8(text, n)) {
		x->failed = true;
		return;
	}
	n = strlen(text);
	if (row != x->lines_row) { /* a row left without xw_row_done() */
		x->lines = 0;
		x->lines_row = row;
	}
	if ((f == XF_CELL || f == XF_VALUE || f == XF_HEAD || f == XF_INPUT) &&
	    col < x->nwidths && (double)n > x->widths[col] / 2 - 1) {
		double l = lines_of(text, x->widths[col]);
		if (l > x->lines)
			x->lines = l;
	}
	xw_check(x, worksheet_write_string(ws, row, col, text, x->f[f]));
	if (x->floor) {
		char *e = text_escape_tsv(text);
		fprintf(x->floor, "S\t%u\t%u\t%s\n", (unsigned)row,
			(unsigned)col, e ? e : "");
		free(e);
	}
	free(c);
}

void xw_num(struct xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
	    double v, enum xfmt f)
{
	xw_check(x, worksheet_write_number(ws, row, col, v, x->f[f]));
	if (x->floor)
		fprintf(x->floor, "N\t%u\t%u\t%.17g\n", (unsigned)row,
			(unsigned)col, v);
}

void xw_chapter(struct xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
		const char *key, enum xfmt f)
{
	size_t n = strspn(key, "0123456789");
	/* a number only when writing it back gives the same text */
	if (n > 0 && n <= 9 && key[n] == '\0' && (key[0] != '0' || n == 1))
		xw_num(x, ws, row, col, (double)strtol(key, NULL, 10), f);
	else
		xw_str(x, ws, row, col, key, f);
}

void xw_rate(struct xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
	     double v, enum xfmt f)
{
	if (v < 0)
		xw_check(x, worksheet_write_blank(ws, row, col, x->f[f]));
	else
		xw_num(x, ws, row, col, v, f);
}

void xw_header(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
	       const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		xw_str(x, ws, row, (lxw_col_t)i, names[i], XF_HEAD);
	xw_row_done(x, ws, row, 0);
}

/* text with every "&" doubled, for a header or footer. */
void xw_add_escaped(struct sbuf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '&')
			sbuf_add(b, "&", 1);
		sbuf_add(b, s, 1);
	}
}

lxw_worksheet *xw_sheet(struct xw *x, const char *name, const double *widths)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, name);
	if (!ws) {
		x->failed = true;
		diags_add(x->d, DIAG_ERROR, NULL, 0,
			  "cannot add the sheet '%s' to the workbook", name);
		return NULL;
	}
	x->sheet = name;
	if (x->floor)
		fprintf(x->floor, "W\t%s\n", name);
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_set_margins(ws, 0.5, 0.5, 0.7, 0.7);
	xw_check(x, worksheet_set_header(ws, x->header));
	xw_check(x, worksheet_set_footer(ws, x->footer));
	x->nwidths = 0;
	for (lxw_col_t c = 0; widths && widths[c] > 0; c++) {
		xw_check(x, worksheet_set_column(ws, c, c, widths[c], NULL));
		x->nwidths = (size_t)c + 1;
	}
	x->widths = widths;
	x->lines = 0;
	return ws;
}

void xw_link(struct xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
	     const char *sheet, lxw_row_t to_row, lxw_col_t to_col,
	     const char *text)
{
	struct sbuf url = {0};
	char ref[16];
	lxw_rowcol_to_cell(ref, to_row, to_col);
	sbuf_printf(&url, "internal:'%s'!%s", sheet, ref);
	if (!url.s || strlen(text) > 255 ||
	    worksheet_write_url_opt(ws, row, col, url.s, x->f[XF_LINK], text,
				    NULL) != LXW_NO_ERROR)
		xw_str(x, ws, row, col, text, XF_CELL);
	else if (x->floor)
		fprintf(x->floor, "S\t%u\t%u\t%s\n", (unsigned)row,
			(unsigned)col, text);
	sbuf_release(&url);
}

void xw_sheet_a3(lxw_worksheet *ws)
{
	worksheet_set_paper(ws, 8); /* A3 */
}

void xw_colour_value(struct xw *x, lxw_worksheet *ws, lxw_row_t first,
		     lxw_row_t last, lxw_col_t col, const char *value,
		     enum xfmt f)
{
	lxw_conditional_format cf = {0};
	char quoted[128];
	if (last < first)
		return;
	snprintf(quoted, sizeof(quoted), "\"%s\"", value);
	cf.type = LXW_CONDITIONAL_TYPE_CELL;
	cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
	cf.value_string = quoted;
	cf.format = x->f[f];
	xw_check(x, worksheet_conditional_format_range(ws, first, col, last,
						       col, &cf));
}

void xw_status_colours(struct xw *x, lxw_worksheet *ws, lxw_row_t first,
		       lxw_row_t last, lxw_col_t col)
{
	xw_colour_value(x, ws, first, last, col, "未実施", XF_RED);
	xw_colour_value(x, ws, first, last, col, "一部実施", XF_ORANGE);
	xw_colour_value(x, ws, first, last, col, "未回答", XF_YELLOW);
	xw_colour_value(x, ws, first, last, col, "該当なし", XF_GREY);
	xw_colour_value(x, ws, first, last, col, "実施", XF_GREEN);
}

void xw_grade_colours(struct xw *x, lxw_worksheet *ws, lxw_row_t first,
		      lxw_row_t last, lxw_col_t col)
{
	xw_colour_value(x, ws, first, last, col, "重大な不適合", XF_RED);
	xw_colour_value(x, ws, first, last, col, "軽微な不適合", XF_ORANGE);
	xw_colour_value(x, ws, first, last, col, "観察事項", XF_YELLOW);
	xw_colour_value(x, ws, first, last, col, "推奨事項", XF_BLUE);
}

/* --- formats --------------------------------------------------------- */

/* Dates in 和暦, as the PDFs print them.  [$-411] (ja-JP) with the era
 * codes g (R) / ggg (令和) and e (the year in the era): Excel and
 * LibreOffice (7.4) both display these; LibreOffice shows the serial
 * number for the BCP 47 form [$-ja-JP-x-gannen].  Both show the first
 * year of an era as 1 (令和1年), where the PDFs say 元年.  The long form
 * (令和8年1月31日) is for the cover, the short one (R8.1.31) for table
 * columns 11 wide. */
#define WAREKI_LONG  "[$-411]ggge\"年\"m\"月\"d\"日\""
#define WAREKI_SHORT "[$-411]ge.m.d"

static lxw_format *fmt(struct xw *x, bool border, bool bold, double size,
		       bool wrap, lxw_color_t fill)
{
	lxw_format *f = workbook_add_format(x->wb);
	format_set_font_name(f, "游ゴシック");
	format_set_font_size(f, size);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	if (border)
		format_set_border(f, LXW_BORDER_THIN);
	if (bold)
		format_set_bold(f);
	if (wrap)
		format_set_text_wrap(f);
	if (fill)
		format_set_bg_color(f, fill);
	return f;
}

static lxw_format *fill_only(struct xw *x, lxw_color_t fill)
{
	lxw_format *f = workbook_add_format(x->wb);
	format_set_bg_color(f, fill);
	return f;
}

void xw_formats(struct xw *x)
{
	x->f[XF_TITLE] = fmt(x, false, true, 16, false, 0);
	x->f[XF_H2] = fmt(x, false, true, 12, false, 0);
	x->f[XF_HEAD] = fmt(x, true, true, 10, true, 0xD9E1F2);
	format_set_align(x->f[XF_HEAD], LXW_ALIGN_CENTER);
	x->f[XF_CELL] = fmt(x, true, false, 10, true, 0);
	x->f[XF_CELL_C] = fmt(x, true, false, 10, false, 0);
	format_set_align(x->f[XF_CELL_C], LXW_ALIGN_CENTER);
	x->f[XF_NUM] = fmt(x, true, false, 10, false, 0);
	x->f[XF_PCT] = fmt(x, true, false, 10, false, 0);
	format_set_num_format(x->f[XF_PCT], "0.0%");
	x->f[XF_LABEL] = fmt(x, true, true, 11, false, 0xF2F2F2);
	x->f[XF_VALUE] = fmt(x, true, false, 11, true, 0);
	x->f[XF_BOX] = fmt(x, true, false, 11, false, 0);
	format_set_align(x->f[XF_BOX], LXW_ALIGN_CENTER);
	x->f[XF_CHAPTER] = fmt(x, true, true, 10, false, 0xE7E6E6);
	x->f[XF_RED] = fill_only(x, 0xF8CBAD);
	x->f[XF_ORANGE] = fill_only(x, 0xFFE699);
	x->f[XF_YELLOW] = fill_only(x, 0xFFF2CC);
	x->f[XF_GREEN] = fill_only(x, 0xE2EFDA);
	x->f[XF_GREY] = fill_only(x, 0xEDEDED);
	x->f[XF_BLUE] = fill_only(x, 0xDDEBF7);
	x->f[XF_LINK] = fmt(x, true, false, 10, false, 0);
	format_set_underline(x->f[XF_LINK], LXW_UNDERLINE_SINGLE);
	format_set_font_color(x->f[XF_LINK], LXW_COLOR_BLUE);
	x->f[XF_NOTE] = fmt(x, false, false, 10, false, 0);
	x->f[XF_DATE] = fmt(x, true, false, 10, false, 0);
	format_set_num_format(x->f[XF_DATE], WAREKI_SHORT);
	format_set_align(x->f[XF_DATE], LXW_ALIGN_CENTER);
	/* the auditor's cells: unlocked, tinted so that they are seen */
	x->f[XF_INPUT] = fmt(x, true, false, 10, true, 0xFFF9DB);
	format_set_unlocked(x->f[XF_INPUT]);
	x->f[XF_INPUT_C] = fmt(x, true, false, 10, false, 0xFFF9DB);
	format_set_unlocked(x->f[XF_INPUT_C]);
	format_set_align(x->f[XF_INPUT_C], LXW_ALIGN_CENTER);
	x->f[XF_INPUT_D] = fmt(x, true, false, 10, false, 0xFFF9DB);
	format_set_unlocked(x->f[XF_INPUT_D]);
	format_set_num_format(x->f[XF_INPUT_D], WAREKI_SHORT);
	format_set_align(x->f[XF_INPUT_D], LXW_ALIGN_CENTER);
	/* left like the cover's other values (general would put a date,
	 * a number, on the right) */
	x->f[XF_COVER_D] = fmt(x, true, false, 10, false, 0xFFF9DB);
	format_set_unlocked(x->f[XF_COVER_D]);
	format_set_num_format(x->f[XF_COVER_D], WAREKI_LONG);
	format_set_align(x->f[XF_COVER_D], LXW_ALIGN_LEFT);
}

/* --- dates, protection, formulas ------------------------------------ */

void xw_protect(struct xw *x, lxw_worksheet *ws)
{
	lxw_protection p = {0};
	p.format_columns = 1;
	p.format_rows = 1;
	p.autofilter = 1;
	p.sort = 1;
	p.no_select_locked_cells = 0;
	worksheet_protect(ws, NULL, &p);
	(void)x;
}

void xw_date(struct xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
	     const char *date, enum xfmt f)
{
	lxw_datetime dt = {0};
	char d[11];
	if (!date || !text_parse_date(date, d) ||
	    sscanf(d, "%d-%d-%d", &dt.year, &dt.month, &dt.day) != 3) {
		xw_str(x, ws, row, col, date ? date : "", f);
		return;
	}
	worksheet_write_datetime(ws, row, col, &dt, x->f[f]);
	if (x->floor)
		fprintf(x->floor, "S\t%u\t%u\t%s\n", (unsigned)row,
			(unsigned)col, d);
}

/* A formula or its cached value could not be made: the plain value. */
static void plain(struct xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
		  double cached, enum xfmt f)
{
	if (f == XF_PCT)
		xw_rate(x, ws, row, col, cached, f);
	else
		xw_num(x, ws, row, col, cached, f);
}

void xw_formula(struct xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
		struct sbuf *b, bool empty, double cached, enum xfmt f)
{
	lxw_error e;
	/* Excel takes formulas of up to 8,192 characters */
	if (b->oom || !b->s || b->len > 8192) {
		plain(x, ws, row, col, empty ? -1 : cached, f);
		return;
	}
	if (empty)
		e = worksheet_write_formula_str(ws, row, col, b->s, x->f[f],
						"");
	else
		e = worksheet_write_formula_num(ws, row, col, b->s, x->f[f],
						cached);
	if (e != LXW_NO_ERROR && !x->failed) {
		x->failed = true;
		diags_add(x->d, DIAG_ERROR, NULL, 0, "writing a formula: %s",
			  lxw_strerror(e));
	}
	if (x->floor)
		fprintf(x->floor, "N\t%u\t%u\t%.17g\n", (unsigned)row,
			(unsigned)col, cached);
}
