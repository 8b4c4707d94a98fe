/* render_xlsx_departments.c: 部署別, the rate of each department and
 * system per chapter, as formulas over 部署別明細: one row per
 * department (or system) and item with the worst of its respondents'
 * answers, the status its rate counts.  kansa's own figures are cached
 * in the formulas; a status changed on 部署別明細 changes 部署別. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_xlsx_internal.h"

#define DETAIL "部署別明細"

/* The kinds 部署別 shows, in its order, and their labels. */
static const enum score_group_kind kinds[] = {GROUP_DEPARTMENT, GROUP_SYSTEM};
static const char *const kind_label[] = {"部署", "システム"};
#define NKINDS 2

/* Where each group's rows start on 部署別明細 (detail row indexes from
 * 0, departments first): start[k][g] .. start[k][g + 1]. */
struct blocks {
	size_t *start[NKINDS];
};

static bool blocks_make(const struct score_result *s, struct blocks *b)
{
	size_t base = 0;
	for (int k = 0; k < NKINDS; k++) {
		enum score_group_kind kind = kinds[k];
		size_t ng = s->ngroups[kind];
		if (!(b->start[k] = calloc(ng + 2, sizeof(size_t))))
			return false;
		for (size_t i = 0; i < s->nworst[kind]; i++)
			b->start[k][s->worst[kind][i].group + 1]++;
		b->start[k][0] = base;
		for (size_t g = 1; g <= ng; g++)
			b->start[k][g] += b->start[k][g - 1];
		base = b->start[k][ng];
	}
	return true;
}

static void blocks_free(struct blocks *b)
{
	for (int k = 0; k < NKINDS; k++)
		free(b->start[k]);
}

/* Appends "\"text\"" with any '"' doubled. */
static void add_quoted(struct sbuf *b, const char *text)
{
	sbuf_adds(b, "\"");
	for (const char *p = text; *p; p++)
		sbuf_add(b, p, *p == '"' ? 2 : 1);
	sbuf_adds(b, "\"");
}

/* The range of column col on the rows of the detail rows a..b-1 that lie
 * on one sheet (the segment starting at a); returns its end. */
static size_t segment(const struct xw_table *t, struct sbuf *out, char col,
		      size_t a, size_t b)
{
	unsigned part;
	lxw_row_t row;
	char name[64];
	size_t end = ((size_t)(a / t->cap) + 1) * t->cap;
	if (end > b)
		end = b;
	xw_parts_place(t, a, &part, &row);
	xw_parts_name(t, part, name, sizeof(name));
	sbuf_printf(out, "'%s'!$%c$%u:$%c$%u", name, col, (unsigned)row + 1,
		    col, (unsigned)(row + (end - a)));
	return end;
}

/* Σ over the segments of rows a..b-1 of fn(weights or statuses, with
 * the chapter criterion when chapter is not NULL and the status one):
 * "SUMIFS(E,C,"2",F,"実施")+SUMIFS(...)". */
static void sum_over(const struct xw_table *t, struct sbuf *out, bool count,
		     size_t a, size_t b, const char *chapter,
		     const char *status)
{
	for (size_t at = a, next; at < b; at = next) {
		if (at > a)
			sbuf_adds(out, "+");
		sbuf_adds(out, count ? "COUNTIFS(" : "SUMIFS(");
		if (!count) {
			segment(t, out, 'E', at, b);
			sbuf_adds(out, ",");
		}
		if (chapter) {
			segment(t, out, 'C', at, b);
			sbuf_adds(out, ",");
			add_quoted(out, chapter);
			sbuf_adds(out, ",");
		}
		next = segment(t, out, 'F', at, b);
		sbuf_adds(out, ",");
		add_quoted(out, status);
		sbuf_adds(out, ")");
	}
}

/* The self-view rate of rows a..b-1 (of a chapter, or all). */
static void rate_formula(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
			 lxw_col_t col, const struct xw_table *t, size_t a,
			 size_t b, const char *chapter, double cached)
{
	struct sbuf f = {0}, den = {0};
	if (a == b) {
		xw_rate(x, ws, row, col, -1, XF_PCT);
		return;
	}
	sum_over(t, &den, false, a, b, chapter, "<>該当なし");
	sbuf_printf(&f, "=IF(%s>0,(", den.s ? den.s : "");
	sum_over(t, &f, false, a, b, chapter, "実施");
	sbuf_adds(&f, "+0.5*(");
	sum_over(t, &f, false, a, b, chapter, "一部実施");
	sbuf_printf(&f, "))/(%s),\"\")", den.s ? den.s : "");
	xw_formula(x, ws, row, col, &f, cached < 0, cached, XF_PCT);
	sbuf_release(&f);
	sbuf_release(&den);
}

static void count_formula(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
			  lxw_col_t col, const struct xw_table *t, size_t a,
			  size_t b, const char *status, double cached)
{
	struct sbuf f = {0};
	if (a == b) {
		xw_num(x, ws, row, col, cached, XF_NUM);
		return;
	}
	sbuf_adds(&f, "=");
	sum_over(t, &f, true, a, b, NULL, status);
	xw_formula(x, ws, row, col, &f, false, cached, XF_NUM);
	sbuf_release(&f);
}

/* The columns of one sheet of 部署別: chapters from ch0 to ch1 - 1. */
struct matrix {
	const struct xw_table *t; /* 部署別明細 */
	const struct blocks *b;
	size_t ch0, ch1;
};

static void matrix_rows(struct xw *x, lxw_worksheet *ws, lxw_row_t *row,
			const struct matrix *m, int k)
{
	const struct score_result *s = &x->r->score;
	enum score_group_kind kind = kinds[k];
	for (size_t g = 0; g < s->ngroups[kind]; g++, (*row)++) {
		const struct score_group *grp = &s->groups[kind][g];
		size_t a = m->b->start[k][g], e = m->b->start[k][g + 1];
		lxw_col_t c = 2;
		xw_str(x, ws, *row, 0, kind_label[k], XF_CELL);
		xw_str(x, ws, *row, 1, grp->key, XF_CELL);
		for (size_t ch = m->ch0; ch < m->ch1; ch++, c++)
			rate_formula(x, ws, *row, c, m->t, a, e,
				     s->groups[GROUP_CHAPTER][ch].key,
				     score_rate(score_cell(s, kind, g, ch),
						VIEW_SELF));
		rate_formula(x, ws, *row, c++, m->t, a, e, NULL,
			     score_rate(grp, VIEW_SELF));
		count_formula(x, ws, *row, c++, m->t, a, e, "未実施",
			      (double)grp->counts[VIEW_SELF][STATUS_NOT_DONE]);
		count_formula(
			x, ws, *row, c, m->t, a, e, "未回答",
			(double)grp->counts[VIEW_SELF][STATUS_UNANSWERED]);
	}
}

/* Colours rates by their value, not by rank: 0 % red, 80 % yellow,
 * 100 % green, whatever the other cells hold. */
static void rate_colours(lxw_worksheet *ws, lxw_row_t last, lxw_col_t col)
{
	lxw_conditional_format cf = {0};
	cf.type = LXW_CONDITIONAL_3_COLOR_SCALE;
	cf.min_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
	cf.min_value = 0;
	cf.mid_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
	cf.mid_value = 0.8;
	cf.max_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
	cf.max_value = 1;
	cf.min_color = 0xF8696B;
	cf.mid_color = 0xFFEB84;
	cf.max_color = 0x63BE7B;
	worksheet_conditional_format_range(ws, 2, 2, last, col, &cf);
}

/* One sheet of 部署別 (the chapters of m; part of nparts). */
static void matrix_sheet(struct xw *x, const struct matrix *m, unsigned part,
			 unsigned nparts)
{
	static const double widths[] = {10, 30, 0};
	const struct score_result *s = &x->r->score;
	size_t nch = m->ch1 - m->ch0;
	lxw_col_t last = (lxw_col_t)(2 + nch + 2);
	lxw_worksheet *ws;
	lxw_row_t row = 2;
	char buf[512], name[64], from[128], to[128];
	static const char *const tail[] = {"全体", "未実施 (件)",
					   "未回答 (件)"};

	if (part)
		snprintf(name, sizeof(name), "部署別 (%u)", part + 1);
	else
		snprintf(name, sizeof(name), "部署別");
	if (!(ws = xw_sheet(x, name, widths)))
		return;
	worksheet_set_column(ws, 2, last, 8, NULL);
	snprintf(buf, sizeof(buf),
		 "%s 部署・情報システム別の実施率 (自己評価。%sの最も悪い回答"
		 "から)",
		 x->r->era, DETAIL);
	if (nparts > 1) {
		text_chapter_name(from, sizeof(from),
				  s->groups[GROUP_CHAPTER][m->ch0].key);
		text_chapter_name(to, sizeof(to),
				  s->groups[GROUP_CHAPTER][m->ch1 - 1].key);
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf),
			 "。全 %u シートの %u 枚目: %s〜%s (Excel の 1 "
			 "シート %u 列の上限のため)%s",
			 nparts, part + 1, from, to, (unsigned)x->max_cols,
			 part + 1 < nparts ? "。続きは次のシートにあります"
					   : "");
	}
	/* the title's 16 pt needs a taller row than the default */
	worksheet_set_row(ws, 0, nparts > 1 ? 15 : 24, NULL);
	xw_str(x, ws, 0, 0, buf, nparts > 1 ? XF_NOTE : XF_TITLE);
	xw_str(x, ws, 1, 0, "区分", XF_HEAD);
	xw_str(x, ws, 1, 1, "部署・システム", XF_HEAD);
	for (size_t c = 0; c < nch; c++) {
		text_chapter_name(buf, sizeof(buf),
				  s->groups[GROUP_CHAPTER][m->ch0 + c].key);
		xw_str(x, ws, 1, (lxw_col_t)(2 + c), buf, XF_HEAD);
	}
	for (int i = 0; i < 3; i++)
		xw_str(x, ws, 1, (lxw_col_t)(2 + nch + (size_t)i), tail[i],
		       XF_HEAD);
	for (int k = 0; k < NKINDS; k++)
		matrix_rows(x, ws, &row, m, k);
	worksheet_freeze_panes(ws, 2, 2);
	worksheet_repeat_rows(ws, 1, 1);
	if (row > 2)
		rate_colours(ws, row - 1, (lxw_col_t)(2 + nch));
}

/* 部署別明細's filters and colours, per part. */
static void detail_end(struct xw *x, struct xw_table *t, lxw_row_t last)
{
	lxw_data_validation v = {0};
	lxw_protection p = {0};
	worksheet_freeze_panes(t->ws, t->first, 2);
	worksheet_repeat_rows(t->ws, t->head_row, t->head_row);
	if (last < t->first)
		return;
	xw_status_colours(x, t->ws, t->first, last, 5);
	v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
	v.value_formula = (char *)"=状態一覧";
	v.ignore_blank = LXW_VALIDATION_ON;
	worksheet_data_validation_range(t->ws, t->first, 5, last, 5, &v);
	/* 部署別 sums blocks of rows: no sorting, no filter */
	p.format_columns = 1;
	p.format_rows = 1;
	worksheet_protect(t->ws, NULL, &p);
}

static void detail_rows(struct xw *x, struct xw_table *t, int k)
{
	const struct score_result *s = &x->r->score;
	enum score_group_kind kind = kinds[k];
	for (size_t i = 0; i < s->nworst[kind] && t->ws; i++) {
		const struct score_worst *w = &s->worst[kind][i];
		const struct score_item *si = &s->items[w->item];
		lxw_row_t row = xw_parts_row(x, t);
		if (!t->ws)
			return;
		xw_str(x, t->ws, row, 0, kind_label[k], XF_CELL);
		xw_str(x, t->ws, row, 1, s->groups[kind][w->group].key,
		       XF_CELL);
		xw_chapter(x, t->ws, row, 2, si->item->chapter, XF_CELL_C);
		xw_str(x, t->ws, row, 3, si->item->id, XF_CELL);
		xw_num(x, t->ws, row, 4, si->weight, XF_NUM);
		xw_str(x, t->ws, row, 5,
		       answer_status_name(w->status[VIEW_SELF]), XF_INPUT_C);
	}
}

void xw_departments_plan(struct xw *x, struct xw_table *t)
{
	static const double widths[] = {10, 30, 6, 14, 6, 12, 0};
	static const char *const head[] = {"区分", "部署・システム",
					   "章",   "項目ID",
					   "重み", "最も悪い回答"};
	const struct score_result *s = &x->r->score;
	memset(t, 0, sizeof(*t));
	t->base = DETAIL;
	t->widths = widths;
	t->head = head;
	t->nhead = 6;
	t->nrows = s->nworst[GROUP_DEPARTMENT] + s->nworst[GROUP_SYSTEM];
	t->end = detail_end;
	xw_parts_plan(x, t);
}

void xw_departments(struct xw *x)
{
	const struct score_result *s = &x->r->score;
	size_t nch = s->ngroups[GROUP_CHAPTER];
	size_t per = (size_t)x->max_cols - 5; /* A, B and the last three */
	unsigned nparts = nch ? (unsigned)((nch + per - 1) / per) : 1;
	struct blocks b = {{NULL}};
	struct xw_table t;

	xw_departments_plan(x, &t);
	if (!blocks_make(s, &b)) {
		x->failed = true;
		goto out;
	}
	for (unsigned p = 0; p < nparts; p++) {
		struct matrix m = {&t, &b, p * per, (p + 1) * per};
		if (m.ch1 > nch)
			m.ch1 = nch;
		matrix_sheet(x, &m, p, nparts);
	}
	if (!xw_parts_begin(x, &t))
		goto out;
	for (int k = 0; k < NKINDS; k++)
		detail_rows(x, &t, k);
	xw_parts_end(x, &t);
out:
	blocks_free(&b);
}
