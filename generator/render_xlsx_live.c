/* render_xlsx_live.c: the figures of 集計 as formulas over the checklist
 * sheet (チェックリスト) and the auditor's sheet (監査調書), each with
 * kansa's own value cached in it: the file stays byte-identical for the
 * same inputs, and a status or judgement changed in Excel or LibreOffice
 * changes the totals. */
#include <stdio.h>
#include <string.h>

#include "render_xlsx_internal.h"

#define CL "'チェックリスト'!"
#define AU "'" XW_AUDIT_SHEET "'!"

/* The range of column col (a letter) on sheet (quoted, with "!") from row
 * 2 to the last. */
static void range(struct sbuf *b, const char *sheet, char col, unsigned last)
{
	sbuf_printf(b, "%s$%c$2:$%c$%u", sheet, col, col, last + 1);
}

/* SUMIFS of the weights (column I) with the criteria crit (", range,
 * value" pairs, or "") and, when status is not NULL, view = status. */
static void weights(struct xw *x, struct sbuf *b, const char *crit, char view,
		    const char *status)
{
	if (!*crit && !status) {
		sbuf_adds(b, "SUM(");
		range(b, CL, 'I', x->cl_last);
		sbuf_adds(b, ")");
		return;
	}
	sbuf_adds(b, "SUMIFS(");
	range(b, CL, 'I', x->cl_last);
	sbuf_adds(b, crit);
	if (status) {
		sbuf_adds(b, ",");
		range(b, CL, view, x->cl_last);
		sbuf_printf(b, ",\"%s\"", status);
	}
	sbuf_adds(b, ")");
}

void xw_live_rate(struct xw *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
		  const char *crit, enum score_view v, double cached)
{
	char view = v == VIEW_SELF ? 'G' : 'H';
	struct sbuf b = {0}, den = {0};
	weights(x, &den, crit, view, NULL);
	sbuf_adds(&den, "-");
	weights(x, &den, crit, view, "該当なし");
	sbuf_printf(&b, "=IF(%s>0,(", den.s ? den.s : "");
	weights(x, &b, crit, view, "実施");
	sbuf_adds(&b, "+0.5*");
	weights(x, &b, crit, view, "一部実施");
	sbuf_printf(&b, ")/(%s),\"\")", den.s ? den.s : "");
	xw_formula(x, ws, row, col, &b, cached < 0, cached, XF_PCT);
	sbuf_release(&b);
	sbuf_release(&den);
}

void xw_live_count(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
		   lxw_col_t col, const char *chapter, const char *status,
		   double cached)
{
	struct sbuf b = {0};
	sbuf_adds(&b, "=COUNTIFS(");
	range(&b, CL, 'B', x->cl_last);
	sbuf_printf(&b, ",\"%s\",", chapter);
	range(&b, CL, 'G', x->cl_last);
	sbuf_printf(&b, ",\"%s\")", status);
	xw_formula(x, ws, row, col, &b, false, cached, XF_NUM);
	sbuf_release(&b);
}

void xw_live_grade_count(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
			 lxw_col_t col, const char *grade, double cached)
{
	struct sbuf b = {0}, k = {0}, i = {0};
	/* the chief's 判定 (K) where there is one, else the rules' (I) */
	range(&k, AU, 'K', x->au_last);
	range(&i, AU, 'I', x->au_last);
	sbuf_printf(&b, "=SUMPRODUCT((%s=\"%s\")+(%s=\"\")*(%s=\"%s\"))",
		    k.s ? k.s : "", grade, k.s ? k.s : "", i.s ? i.s : "",
		    grade);
	xw_formula(x, ws, row, col, &b, false, cached, XF_NUM);
	sbuf_release(&b);
	sbuf_release(&k);
	sbuf_release(&i);
}

void xw_live_change(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
		    lxw_col_t now, lxw_col_t before, lxw_col_t col, bool have,
		    double cached)
{
	struct sbuf b = {0};
	char n[16], p[16];
	lxw_rowcol_to_cell(n, row, now);
	lxw_rowcol_to_cell(p, row, before);
	sbuf_printf(&b, "=IF(AND(ISNUMBER(%s),ISNUMBER(%s)),%s-%s,\"\")", n, p,
		    n, p);
	xw_formula(x, ws, row, col, &b, !have, cached, XF_PCT);
	sbuf_release(&b);
}
