/* render_xlsx.c: the audit workpaper: workbook, formats, 表紙 and 集計. */
#include "render_xlsx.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fileio.h"
#include "render_xlsx_internal.h"
#include "text.h"
#include "xlsx_import.h"

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

static void check(struct xw *x, lxw_error e)
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
		check(x, worksheet_set_row_opt(ws, row, h, NULL, &o));
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
	check(x, worksheet_write_string(ws, row, col, text, x->f[f]));
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
	check(x, worksheet_write_number(ws, row, col, v, x->f[f]));
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
		check(x, worksheet_write_blank(ws, row, col, x->f[f]));
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
	check(x, worksheet_set_header(ws, x->header));
	check(x, worksheet_set_footer(ws, x->footer));
	x->nwidths = 0;
	for (lxw_col_t c = 0; widths && widths[c] > 0; c++) {
		check(x, worksheet_set_column(ws, c, c, widths[c], NULL));
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

static void conditional(struct xw *x, lxw_worksheet *ws, lxw_row_t first,
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
	check(x, worksheet_conditional_format_range(ws, first, col, last, col,
						    &cf));
}

void xw_status_colours(struct xw *x, lxw_worksheet *ws, lxw_row_t first,
		       lxw_row_t last, lxw_col_t col)
{
	conditional(x, ws, first, last, col, "未実施", XF_RED);
	conditional(x, ws, first, last, col, "一部実施", XF_ORANGE);
	conditional(x, ws, first, last, col, "未回答", XF_YELLOW);
	conditional(x, ws, first, last, col, "該当なし", XF_GREY);
	conditional(x, ws, first, last, col, "実施", XF_GREEN);
}

void xw_grade_colours(struct xw *x, lxw_worksheet *ws, lxw_row_t first,
		      lxw_row_t last, lxw_col_t col)
{
	conditional(x, ws, first, last, col, "重大な不適合", XF_RED);
	conditional(x, ws, first, last, col, "軽微な不適合", XF_ORANGE);
	conditional(x, ws, first, last, col, "観察事項", XF_YELLOW);
	conditional(x, ws, first, last, col, "推奨事項", XF_BLUE);
}

/* --- formats --------------------------------------------------------- */

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
	format_set_num_format(x->f[XF_DATE], "yyyy-mm-dd");
	format_set_align(x->f[XF_DATE], LXW_ALIGN_CENTER);
	/* the auditor's cells: unlocked, tinted so that they are seen */
	x->f[XF_INPUT] = fmt(x, true, false, 10, true, 0xFFF9DB);
	format_set_unlocked(x->f[XF_INPUT]);
	x->f[XF_INPUT_C] = fmt(x, true, false, 10, false, 0xFFF9DB);
	format_set_unlocked(x->f[XF_INPUT_C]);
	format_set_align(x->f[XF_INPUT_C], LXW_ALIGN_CENTER);
	x->f[XF_INPUT_D] = fmt(x, true, false, 10, false, 0xFFF9DB);
	format_set_unlocked(x->f[XF_INPUT_D]);
	format_set_num_format(x->f[XF_INPUT_D], "yyyy-mm-dd");
	format_set_align(x->f[XF_INPUT_D], LXW_ALIGN_CENTER);
}

/* --- 表紙 ------------------------------------------------------------ */

static void cover_row(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
		      const char *label, const char *value)
{
	xw_str(x, ws, row, 1, label, XF_LABEL);
	xw_str(x, ws, row, 2, value, XF_VALUE);
	xw_row_done(x, ws, row, 0);
}

/* A cover row whose value the audit chief fills in (read back by
 * kansa import). */
static void input_row(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
		      const char *label, const char *value)
{
	xw_str(x, ws, row, 1, label, XF_LABEL);
	if (strcmp(label, "監査実施日") == 0)
		xw_date(x, ws, row, 2, value, XF_INPUT_D);
	else
		xw_str(x, ws, row, 2, value, XF_INPUT);
	xw_row_done(x, ws, row, 0);
}

/* The imported audit file's value of a [kansa] key, "" without one. */
static const char *cover_value(const struct report *r, const char *key)
{
	const struct audit_file *a = &r->audit;
	if (!r->has_audit)
		return "";
	return !strcmp(key, "auditor")	    ? a->auditor
	       : !strcmp(key, "auditors")   ? a->auditors
	       : !strcmp(key, "period")	    ? a->period
	       : !strcmp(key, "audited_on") ? a->audited_on
	       : !strcmp(key, "scope")	    ? a->scope
	       : !strcmp(key, "method")	    ? a->method
	       : !strcmp(key, "notes")	    ? a->notes
					    : "";
}

static void cover(struct xw *x)
{
	static const double widths[] = {2, 30, 72, 14, 14, 14, 0};
	const struct report *r = x->r;
	lxw_worksheet *ws = xw_sheet(x, "表紙", widths);
	char buf[512];
	lxw_row_t row = 8;
	const char *rows[] = {"氏名", "日付", "印"};

	if (!ws)
		return;
	worksheet_gridlines(ws, LXW_HIDE_ALL_GRIDLINES);
	xw_str(x, ws, 0, 5, r->marking, XF_H2); /* 案 while open */
	xw_str(x, ws, 1, 1, r->settings.organisation, XF_H2);
	xw_str(x, ws, 3, 1, r->settings.title[REPORT_WORKPAPER], XF_TITLE);
	snprintf(buf, sizeof(buf), "%s (%d年度)", r->era, r->year);
	cover_row(x, ws, 5, "年度", buf);
	snprintf(buf, sizeof(buf), "%d年4月1日〜%d年3月31日", r->year,
		 r->year + 1);
	cover_row(x, ws, 6, "対象期間", buf);
	snprintf(buf, sizeof(buf), "%s (版 %s)", r->cl.policy, r->cl.version);
	cover_row(x, ws, 7, "監査の基準", buf);
	for (size_t i = 0; i < xlsx_ncover_rows; i++)
		input_row(x, ws, row++, xlsx_cover_rows[i].head,
			  cover_value(r, xlsx_cover_rows[i].key));
	cover_row(x, ws, row++, "報告日", r->date);
	cover_row(x, ws, row++, "文書番号", r->settings.document_number);
	cover_row(x, ws, row++, "基準日 (証跡の期限・計画の期限)", r->as_of);
	cover_row(x, ws, row++, "入力ダイジェスト (SHA-256)", r->input_digest);
	row += 2;
	xw_str(x, ws, row, 1, "承認欄", XF_H2);
	row++;
	xw_str(x, ws, row, 2, "", XF_BOX);
	xw_str(x, ws, row, 3, "作成", XF_HEAD);
	xw_str(x, ws, row, 4, "確認", XF_HEAD);
	xw_str(x, ws, row, 5, "承認", XF_HEAD);
	row++;
	for (int i = 0; i < 3; i++, row++) {
		lxw_row_col_options o = {0};
		worksheet_set_row_opt(ws, row, i == 2 ? 48 : 24, NULL, &o);
		xw_str(x, ws, row, 2, rows[i], XF_LABEL);
		for (lxw_col_t c = 3; c <= 5; c++)
			xw_str(x, ws, row, c, "", XF_BOX);
	}
	xw_protect(x, ws);
}

/* --- 集計 ------------------------------------------------------------ */

static void summary_rates(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
			  const char *label, const char *crit,
			  const struct score_group *now,
			  const struct score_group *before)
{
	size_t n = 0;
	for (int s = 0; s < STATUS_COUNT; s++)
		n += now->counts[VIEW_SELF][s];
	xw_str(x, ws, row, 0, label, XF_CELL);
	xw_live_rate(x, ws, row, 1, crit, VIEW_SELF,
		     score_rate(now, VIEW_SELF));
	xw_live_rate(x, ws, row, 2, crit, VIEW_AUDIT,
		     score_rate(now, VIEW_AUDIT));
	xw_rate(x, ws, row, 3, before ? score_rate(before, VIEW_SELF) : -1,
		XF_PCT);
	xw_rate(x, ws, row, 4, before ? score_rate(before, VIEW_AUDIT) : -1,
		XF_PCT);
	xw_num(x, ws, row, 5, (double)n, XF_NUM);
}

static const struct diff_part *diff_chapter(const struct report *r,
					    const char *key)
{
	for (size_t i = 0; r->prev_year && i < r->diff.nchapters; i++)
		if (strcmp(r->diff.chapters[i].key, key) == 0)
			return &r->diff.chapters[i];
	return NULL;
}

static void chart(struct xw *x, lxw_worksheet *ws, lxw_row_t first,
		  lxw_row_t last, lxw_row_t at)
{
	lxw_chart *c = workbook_add_chart(x->wb, LXW_CHART_BAR);
	lxw_chart_series *s;
	char cat[64], val[64], name[64];

	snprintf(cat, sizeof(cat), "=集計!$B$%u:$B$%u", first + 1, last + 1);
	snprintf(val, sizeof(val), "=集計!$H$%u:$H$%u", first + 1, last + 1);
	s = chart_add_series(c, cat, val);
	snprintf(name, sizeof(name), "%s", x->r->era);
	chart_series_set_name(s, name);
	if (x->r->prev_year) {
		snprintf(val, sizeof(val), "=集計!$J$%u:$J$%u", first + 1,
			 last + 1);
		s = chart_add_series(c, cat, val);
		chart_series_set_name(s, x->r->prev_era);
	}
	chart_title_set_name(c, "章別の実施率 (自己評価)");
	chart_axis_set_name(c->x_axis, "実施率");
	chart_axis_set_min(c->x_axis, 0);
	chart_axis_set_max(c->x_axis, 1);
	chart_axis_set_num_format(c->x_axis, "0%");
	chart_axis_set_name(c->y_axis, "章");
	chart_axis_set_reverse(c->y_axis);
	chart_legend_set_position(c, LXW_CHART_LEGEND_BOTTOM);
	{
		lxw_chart_options o = {.x_scale = 1.5, .y_scale = 1.15};
		check(x, worksheet_insert_chart_opt(ws, at, 0, c, &o));
	}
}

static void summary(struct xw *x)
{
	static const double widths[] = {14, 30, 9,  9,	9, 9,
					9,  12, 12, 12, 9, 0};
	static const char *const head1[] = {"区分",
					    "自己評価",
					    "監査評価",
					    "前年度 自己評価",
					    "前年度 監査評価",
					    "項目数"};
	static const char *const head2[] = {"章",
					    "章名",
					    "実施",
					    "一部実施",
					    "未実施",
					    "該当なし",
					    "未回答",
					    "実施率 (自己)",
					    "実施率 (監査)",
					    "前年度 (自己)",
					    "差"};
	const struct report *r = x->r;
	const struct score_result *now = &r->score;
	const struct score_result *before =
		r->prev_year ? &r->prev_score : NULL;
	lxw_worksheet *ws = xw_sheet(x, "集計", widths);
	lxw_row_t row = 0, first, chapters_end;
	char buf[256], crit[256];

	if (!ws)
		return;
	worksheet_gridlines(ws, LXW_HIDE_ALL_GRIDLINES);
	snprintf(buf, sizeof(buf), "%s 実施率の集計 (基準日 %s)", r->era,
		 r->as_of);
	xw_str(x, ws, row++, 0, buf, XF_TITLE);
	row++;
	xw_header(x, ws, row++, head1, 6);
	snprintf(buf, sizeof(buf), ",'チェックリスト'!$D$2:$D$%u,\"%s\"",
		 x->cl_last + 1, item_level_name(LEVEL_REQUIRED));
	summary_rates(x, ws, row++, "全体", "", &now->overall,
		      before ? &before->overall : NULL);
	summary_rates(x, ws, row++, "必須のみ", buf, &now->required,
		      before ? &before->required : NULL);
	row++;
	xw_str(x, ws, row++, 0, "章別 (自己評価の項目数)", XF_H2);
	xw_header(x, ws, row++, head2, 11);
	first = row;
	for (size_t i = 0; i < now->ngroups[GROUP_CHAPTER]; i++, row++) {
		const struct score_group *g = &now->groups[GROUP_CHAPTER][i];
		const struct diff_part *dp = diff_chapter(r, g->key);
		xw_row_done(x, ws, row, 0);
		static const enum answer_status order[] = {
			STATUS_DONE, STATUS_PARTIAL, STATUS_NOT_DONE, STATUS_NA,
			STATUS_UNANSWERED};
		xw_chapter(x, ws, row, 0, g->key, XF_CELL_C);
		xw_str(x, ws, row, 1, report_part_title(r, g->key), XF_CELL);
		for (int k = 0; k < 5; k++)
			xw_live_count(x, ws, row, (lxw_col_t)(2 + k), g->key,
				      answer_status_name(order[k]),
				      (double)g->counts[VIEW_SELF][order[k]]);
		snprintf(crit, sizeof(crit),
			 ",'チェックリスト'!$B$2:$B$%u,\"%s\"", x->cl_last + 1,
			 g->key);
		xw_live_rate(x, ws, row, 7, crit, VIEW_SELF,
			     score_rate(g, VIEW_SELF));
		xw_live_rate(x, ws, row, 8, crit, VIEW_AUDIT,
			     score_rate(g, VIEW_AUDIT));
		xw_rate(x, ws, row, 9, dp ? dp->rate_before : -1, XF_PCT);
		xw_live_change(x, ws, row, 7, 9, 10,
			       dp && dp->rate_before >= 0 && dp->rate_now >= 0,
			       dp ? dp->change : 0);
	}
	chapters_end = row;
	row++;
	xw_str(x, ws, row++, 0, "指摘事項の件数", XF_H2);
	xw_str(x, ws, row, 0, "区分", XF_HEAD);
	xw_str(x, ws, row++, 1, "件数", XF_HEAD);
	for (int g = 0; g < GRADE_CONFORM; g++, row++) {
		xw_str(x, ws, row, 0, finding_grade_name((enum finding_grade)g),
		       XF_CELL);
		xw_live_grade_count(x, ws, row, 1,
				    finding_grade_name((enum finding_grade)g),
				    (double)r->findings.by_grade[g]);
	}
	if (chapters_end > first)
		chart(x, ws, first, chapters_end - 1, row + 1);
}

/* --- the list of statuses, for the drop-downs ------------------------- */

static void lists(struct xw *x)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "リスト");
	if (!ws) {
		x->failed = true;
		return;
	}
	x->nwidths = 0;
	for (int s = 0; s < STATUS_COUNT; s++) {
		xw_str(x, ws, (lxw_row_t)s, 0,
		       answer_status_name((enum answer_status)s), XF_CELL);
		/* the audit grades, 適合 first */
		xw_str(x, ws, (lxw_row_t)s, 1,
		       finding_grade_name((enum finding_grade)(
			       (s + GRADE_CONFORM) % GRADE_COUNT)),
		       XF_CELL);
		if (s < 2)
			xw_str(x, ws, (lxw_row_t)s, 2, s ? "緊急" : "通常",
			       XF_CELL);
	}
	xw_str(x, ws, STATUS_COUNT, 1, "棄却", XF_CELL); /* a candidate */
	worksheet_hide(ws);
	check(x, workbook_define_name(x->wb, "状態一覧", "=リスト!$A$1:$A$5"));
	check(x, workbook_define_name(x->wb, "判定一覧", "=リスト!$B$1:$B$6"));
	check(x,
	      workbook_define_name(x->wb, "緊急度一覧", "=リスト!$C$1:$C$2"));
}

/* --- the workbook ---------------------------------------------------- */

static time_t day_of(const char *date)
{
	struct tm tm = {0};
	if (sscanf(date, "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3)
		return 0;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_hour = 9; /* 09:00 UTC is 18:00 in Japan, the same day */
	return timegm(&tm);
}

static void properties(struct xw *x)
{
	const struct report *r = x->r;
	lxw_doc_properties p = {0};
	p.title = r->settings.title[x->kind];
	p.subject = x->kind == REPORT_PLANS
			    ? (char *)"改善計画の進捗状況"
			    : (char *)"情報セキュリティ監査調書";
	p.author = r->has_audit && *r->audit.auditor ? r->audit.auditor
						     : r->settings.sender;
	p.company = r->settings.organisation;
	p.keywords = (char *)"kansa, 情報セキュリティ監査, 自己点検";
	p.created = day_of(r->date);
	check(x, workbook_set_properties(x->wb, &p));
	check(x, workbook_set_custom_property_integer(x->wb, "年度", r->year));
	check(x,
	      workbook_set_custom_property_string(
		      x->wb, "基準の版", r->cl.version ? r->cl.version : ""));
	check(x, workbook_set_custom_property_string(x->wb, "入力ダイジェスト",
						     r->input_digest));
}

static bool header_footer(struct xw *x)
{
	struct sbuf h = {0}, f = {0};
	sbuf_adds(&h, "&L");
	xw_add_escaped(&h, x->r->marking); /* 案 while open */
	sbuf_adds(&h, "&C");
	xw_add_escaped(&h, x->r->settings.title[x->kind]);
	sbuf_adds(&h, "&R");
	xw_add_escaped(&h, x->r->settings.organisation);
	sbuf_adds(&f, "&L");
	xw_add_escaped(&f, x->r->settings.classification);
	sbuf_adds(&f, "&C- &P / &N -&R&A");
	x->header = sbuf_take(&h);
	x->footer = sbuf_take(&f);
	return x->header && x->footer;
}

/* The last rows of チェックリスト (a row per chapter and per item) and
 * of 監査調書 (a row per item), for the formulas of 集計. */
static void table_rows(struct xw *x)
{
	const char *chapter = "";
	unsigned rows = 0;
	for (size_t i = 0; i < x->r->score.nitems; i++) {
		const struct item *it = x->r->score.items[i].item;
		if (strcmp(chapter, it->chapter) != 0) {
			chapter = it->chapter;
			rows++;
		}
		rows++;
	}
	x->cl_last = rows;
	x->au_last = (unsigned)x->r->score.nitems;
}

static void workpaper_sheets(struct xw *x)
{
	table_rows(x);
	cover(x);
	summary(x);
	xw_auditor(x);
	xw_checklist(x);
	xw_answers(x);
	xw_departments(x);
	xw_findings(x);
	xw_diff(x);
	xw_plans(x);
	xw_evidence(x);
	lists(x);
	xw_ident(x, "workpaper", x->r->year, &x->r->cl,
		 x->r->settings.organisation, NULL);
}

/* Writes the workbook of x (its kind) to path via a temporary file. */
static enum kansa_err write_workbook(struct xw *x, const char *path,
				     void (*sheets)(struct xw *))
{
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
	const char *tdir = getenv("TMPDIR");
	lxw_error e;
	char *tmp;

	if (!header_footer(x)) {
		free(x->header);
		free(x->footer);
		return KANSA_ERR_NOMEM;
	}
	if (!(tmp = fileio_temp_create(path, x->d))) {
		free(x->header);
		free(x->footer);
		return KANSA_ERR_IO;
	}
	opt.tmpdir = (char *)(tdir && *tdir ? tdir : NULL);
	/* make bench's floor writes the same cells with bare calls */
	if (getenv("KANSA_FLOOR_DUMP") && *getenv("KANSA_FLOOR_DUMP")) {
		struct sbuf fp = {0};
		sbuf_printf(&fp, "%s.xlsx.tsv", getenv("KANSA_FLOOR_DUMP"));
		x->floor = fp.s ? fileio_fopen_write(fp.s) : NULL;
		sbuf_release(&fp);
	}
	if (!(x->wb = workbook_new_opt(tmp, &opt))) {
		x->failed = true;
		diags_add(x->d, DIAG_ERROR, path, 0,
			  "cannot start the workbook");
	} else {
		xw_formats(x);
		properties(x);
		sheets(x);
		if ((e = workbook_close(x->wb)) != LXW_NO_ERROR && !x->failed) {
			x->failed = true;
			diags_add(x->d, DIAG_ERROR, path, 0,
				  "cannot write the workbook: %s",
				  lxw_strerror(e));
		}
	}
	free(x->header);
	free(x->footer);
	if (x->floor)
		fclose(x->floor);
	return fileio_temp_commit(tmp, path, !x->failed, x->d);
}

enum kansa_err render_xlsx(const struct report *r, const char *path,
			   struct diags *d)
{
	struct xw x = {.r = r, .d = d, .kind = REPORT_WORKPAPER};
	return write_workbook(&x, path, workpaper_sheets);
}

enum kansa_err render_xlsx_plans(const struct report *r,
				 const struct plans_progress *pp,
				 const char *path, struct diags *d)
{
	struct xw x = {.r = r, .d = d, .kind = REPORT_PLANS, .pp = pp};
	return write_workbook(&x, path, xw_plan_progress);
}
