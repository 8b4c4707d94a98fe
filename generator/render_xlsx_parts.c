/* render_xlsx_parts.c: tables continued over several sheets when they
 * outgrow Excel's sheet (1,048,576 rows): 回答明細, 回答明細 (2) ...,
 * each part with its header, a note at its top and at its end that says
 * where the table goes on, and the cover listing the parts. */
#include <stdio.h>
#include <string.h>

#include "render_xlsx_internal.h"

/* Rows a part of a continued table keeps for itself: the note at its
 * top, the header, the note at its end. */
#define PART_OVERHEAD 3

void xw_parts_plan(const struct xw *x, struct xw_table *t)
{
	size_t room = x->max_rows - 1; /* one sheet: the header only */
	if (t->nrows <= room) {
		t->nparts = 1;
		t->cap = room;
		return;
	}
	t->cap = x->max_rows - PART_OVERHEAD;
	t->nparts = (unsigned)((t->nrows + t->cap - 1) / t->cap);
}

void xw_parts_name(const struct xw_table *t, unsigned part, char *buf,
		   size_t size)
{
	if (part == 0)
		snprintf(buf, size, "%s", t->base);
	else
		snprintf(buf, size, "%s (%u)", t->base, part + 1);
}

void xw_parts_place(const struct xw_table *t, size_t i, unsigned *part,
		    lxw_row_t *row)
{
	*part = (unsigned)(i / t->cap);
	*row = (lxw_row_t)(i % t->cap) + (t->nparts > 1 ? 2 : 1);
}

/* The note at the top of a part of a continued table. */
static void top_note(struct xw *x, struct xw_table *t)
{
	struct sbuf b = {0};
	char next[64];
	size_t first = (size_t)t->part * t->cap + 1;
	size_t last = first + t->cap - 1;
	if (last > t->nrows)
		last = t->nrows;
	sbuf_printf(&b,
		    "%s: 全 %u シートの %u 枚目 (%zu〜%zu 行目 / 全 %zu 行)。"
		    "Excel の 1 シート %u 行の上限を超えるため、続きのシートに"
		    "分けています。",
		    t->base, t->nparts, t->part + 1, first, last, t->nrows,
		    (unsigned)x->max_rows);
	if (t->part + 1 < t->nparts) {
		xw_parts_name(t, t->part + 1, next, sizeof(next));
		sbuf_printf(&b, "続きは「%s」にあります。", next);
	}
	xw_str(x, t->ws, 0, 0, b.s ? b.s : "", XF_NOTE);
	sbuf_release(&b);
}

/* Opens part t->part: its sheet, note and header. */
static bool open_part(struct xw *x, struct xw_table *t)
{
	xw_parts_name(t, t->part, t->name, sizeof(t->name));
	if (!(t->ws = xw_sheet(x, t->name, t->widths)))
		return false;
	t->row = 0;
	if (t->nparts > 1)
		top_note(x, t);
	t->head_row = t->nparts > 1 ? 1 : 0;
	xw_header(x, t->ws, t->head_row, t->head, t->nhead);
	t->row = t->first = t->head_row + 1;
	t->in_part = 0;
	return true;
}

/* Ends the current part: its filters and colours, and the note that
 * names the next part (a link to it). */
static void close_part(struct xw *x, struct xw_table *t)
{
	char next[64], buf[160];
	lxw_row_t last = t->row > t->first ? t->row - 1 : t->first;
	if (t->end)
		t->end(x, t, t->row > t->first ? t->row - 1 : t->head_row);
	if (t->part + 1 < t->nparts) {
		xw_parts_name(t, t->part + 1, next, sizeof(next));
		snprintf(buf, sizeof(buf), "続きは「%s」にあります →", next);
		xw_link(x, t->ws, last + 1, 0, next, 0, 0, buf);
	}
}

bool xw_parts_begin(struct xw *x, struct xw_table *t)
{
	xw_parts_plan(x, t);
	t->part = 0;
	return open_part(x, t);
}

lxw_row_t xw_parts_row(struct xw *x, struct xw_table *t)
{
	if (t->ws && t->in_part == t->cap) {
		close_part(x, t);
		t->part++;
		if (!open_part(x, t))
			x->failed = true;
	}
	t->in_part++;
	return t->row++;
}

void xw_parts_end(struct xw *x, struct xw_table *t)
{
	if (t->ws)
		close_part(x, t);
}

void xw_parts_cover(struct xw *x, lxw_worksheet *ws, lxw_row_t *row,
		    const struct xw_table *t)
{
	struct sbuf b = {0};
	char name[64];
	if (t->nparts < 2)
		return;
	sbuf_printf(&b,
		    "%zu 行を %u シートに分けています (Excel の 1 シート "
		    "%u 行の上限): ",
		    t->nrows, t->nparts, (unsigned)x->max_rows);
	for (unsigned p = 0; p < t->nparts; p++) {
		xw_parts_name(t, p, name, sizeof(name));
		sbuf_printf(&b, "%s%s", p ? "、" : "", name);
	}
	xw_str(x, ws, *row, 1, t->base, XF_LABEL);
	xw_str(x, ws, *row, 2, b.s ? b.s : "", XF_VALUE);
	xw_row_done(x, ws, *row, 0);
	(*row)++;
	sbuf_release(&b);
}
