/* render_xlsx_followup.c: 前年度指摘のフォローアップ, what became of each
 * of last year's findings (改善済, 改善中, 未着手, 再発), read from the
 * model's follow-up as it is, each row linked to its item's row on
 * チェックリスト. */
#include <stdio.h>
#include <string.h>

#include "render_xlsx_internal.h"

#define SHEET "前年度指摘のフォローアップ"

/* The row (0-based) of item i on チェックリスト: a row per item, and a
 * chapter row before each chapter's first. */
static lxw_row_t checklist_row(const struct report *r, size_t i)
{
	const char *chapter = "";
	lxw_row_t row = 0;
	for (size_t k = 0; k <= i && k < r->score.nitems; k++) {
		const struct item *it = r->score.items[k].item;
		if (strcmp(chapter, it->chapter) != 0) {
			chapter = it->chapter;
			row++;
		}
		row++;
	}
	return row;
}

/* The index of a follow-up's item this year, or -1. */
static long item_index(const struct report *r, const struct score_item *si)
{
	if (!si)
		return -1;
	if (si >= r->score.items && si < r->score.items + r->score.nitems)
		return (long)(si - r->score.items);
	for (size_t i = 0; i < r->score.nitems; i++)
		if (!strcmp(r->score.items[i].item->id, si->item->id))
			return (long)i;
	return -1;
}

static void state_colours(struct xw *x, lxw_worksheet *ws, lxw_row_t first,
			  lxw_row_t last, lxw_col_t col)
{
	static const enum xfmt f[FOLLOWUP_STATES] = {XF_GREEN, XF_YELLOW,
						     XF_ORANGE, XF_RED};
	for (int s = 0; s < FOLLOWUP_STATES; s++)
		xw_colour_value(x, ws, first, last, col,
				followup_state_name((enum followup_state)s),
				f[s]);
}

static void followup_row(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
			 size_t n, const struct followup *u)
{
	const struct report *r = x->r;
	const struct finding *b = u->before;
	const struct plan *p = u->plan;
	long i = item_index(r, u->now);
	char pstate[64] = "";
	const char *what =
		b->audit && *b->audit->finding ? b->audit->finding : b->reason;

	xw_num(x, ws, row, 0, (double)n, XF_NUM);
	xw_str(x, ws, row, 1, b->item->item->id, XF_CELL);
	if (i >= 0)
		xw_link(x, ws, row, 2, "チェックリスト",
			checklist_row(r, (size_t)i), 0, u->now->item->id);
	else
		xw_str(x, ws, row, 2, "(項目削除)", XF_CELL);
	xw_str(x, ws, row, 3, (u->now ? u->now : b->item)->item->text, XF_CELL);
	xw_str(x, ws, row, 4, finding_grade_name(b->grade), XF_CELL_C);
	xw_str(x, ws, row, 5, what ? what : "", XF_CELL);
	xw_str(x, ws, row, 6, b->where ? b->where : "", XF_CELL);
	xw_str(x, ws, row, 7, followup_state_name(u->state), XF_CELL_C);
	xw_str(x, ws, row, 8,
	       u->finding ? finding_grade_name(u->finding->grade)
	       : u->now	  ? "指摘なし"
			  : "項目削除",
	       XF_CELL_C);
	if (p)
		snprintf(pstate, sizeof(pstate), "%s %d%%",
			 plan_status_name(p->status), p->progress);
	xw_str(x, ws, row, 9, p ? p->id : "計画なし", XF_CELL);
	xw_str(x, ws, row, 10, p ? p->action : "", XF_CELL);
	xw_str(x, ws, row, 11, pstate, XF_CELL_C);
	if (p)
		xw_date(x, ws, row, 12, p->due, XF_DATE);
	else
		xw_str(x, ws, row, 12, "", XF_DATE);
	xw_row_done(x, ws, row, 0);
}

void xw_followup(struct xw *x)
{
	static const double widths[] = {6, 13, 13, 40, 12, 40, 24,
					9, 12, 13, 34, 11, 11, 0};
	static const char *const head[] = {
		"通番",	    "前年度の項目ID", "今年度の項目ID",
		"条文",	    "前年度の区分",   "前年度の指摘",
		"対象部署", "対応状況",	      "今年度の区分",
		"改善計画", "計画の内容",     "計画の状態",
		"期限"};
	const struct report *r = x->r;
	lxw_worksheet *ws = xw_sheet(x, SHEET, widths);
	lxw_row_t row = 0, head_row;
	char buf[512];

	if (!ws)
		return;
	xw_sheet_a3(ws);
	if (!r->prev_year) {
		xw_str(x, ws, 0, 0, "前年度の監査結果がありません。", XF_H2);
		return;
	}
	snprintf(buf, sizeof(buf), "%sの指摘事項のフォローアップ (%s時点)",
		 r->prev_era, r->era);
	xw_str(x, ws, row++, 0, buf, XF_TITLE);
	snprintf(buf, sizeof(buf),
		 "%sの指摘事項 (重大な不適合、軽微な不適合、推奨事項) %zu 件: "
		 "改善済 %zu 件、改善中 %zu 件、未着手 %zu 件、再発 %zu 件 "
		 "(今年度の点検結果、判定及び改善計画から)",
		 r->prev_era, r->nfollowups, r->by_followup[FOLLOWUP_DONE],
		 r->by_followup[FOLLOWUP_PROGRESS],
		 r->by_followup[FOLLOWUP_NOT_BEGUN],
		 r->by_followup[FOLLOWUP_RECURRED]);
	xw_str(x, ws, row++, 0, buf, XF_NOTE);
	row++;
	head_row = row;
	xw_header(x, ws, row++, head, 13);
	for (size_t i = 0; i < r->nfollowups; i++, row++)
		followup_row(x, ws, row, i + 1, &r->followups[i]);
	worksheet_freeze_panes(ws, head_row + 1, 2);
	worksheet_autofilter(ws, head_row, 0, row - 1, 12);
	worksheet_repeat_rows(ws, head_row, head_row);
	if (row > head_row + 1) {
		state_colours(x, ws, head_row + 1, row - 1, 7);
		xw_grade_colours(x, ws, head_row + 1, row - 1, 4);
		xw_grade_colours(x, ws, head_row + 1, row - 1, 8);
	}
}
