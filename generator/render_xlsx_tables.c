/* render_xlsx_tables.c: the workpaper's table sheets, each written row by
 * row (the workbook is in constant_memory mode). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_xlsx_internal.h"
#include "strpool.h"
#include "text.h"

/* Freeze the header row (and first column), filter the table. */
static void table(lxw_worksheet *ws, lxw_row_t head, lxw_row_t last,
		  lxw_col_t lastcol, bool freeze_col)
{
	worksheet_freeze_panes(ws, head + 1, freeze_col ? 1 : 0);
	worksheet_autofilter(ws, head, 0, last > head ? last : head, lastcol);
	worksheet_repeat_rows(ws, head, head);
}

/* --- answers of an item, for チェックリスト and 監査調書 ---------- */

void xw_item_answers(struct xw *x, const struct score_item *si, struct sbuf *ev,
		     struct sbuf *comments)
{
	const struct report *r = x->r;
	const struct report_item *ri = &r->data.items[si - r->score.items];
	struct strpool seen = {0}; /* the evidence IDs in ev, each once */
	for (size_t k = 0; k < ri->nanswers; k++) {
		const struct report_answer *a = ri->answers[k];
		const struct score_respondent *p = a->by->who;
		const char *e = a->evidence_ids;
		for (const char *q = e; *q;) {
			const char *comma = strchr(q, ',');
			size_t len = comma ? (size_t)(comma - q) : strlen(q);
			size_t known = seen.n;
			while (*q == ' ')
				q++, len--;
			if (len > 0 && len < 256 &&
			    strpool_add(&seen, q, len) && seen.n > known)
				sbuf_printf(ev, "%s%.*s", ev->len ? ", " : "",
					    (int)len, q);
			if (!comma)
				break;
			q = comma + 1;
		}
		if (comments && *a->comment)
			sbuf_printf(comments, "%s%s%s%s: %s",
				    comments->len ? "\n" : "", p->department,
				    *p->system ? " / " : "", p->system,
				    a->comment);
	}
	strpool_release(&seen);
}

/* --- チェックリスト ------------------------------------------------- */

static void validate_status(struct xw *x, lxw_worksheet *ws, lxw_row_t first,
			    lxw_row_t last, lxw_col_t col)
{
	lxw_data_validation v = {0};
	if (last < first)
		return;
	v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
	v.value_formula = (char *)"=状態一覧";
	v.ignore_blank = LXW_VALIDATION_ON;
	worksheet_data_validation_range(ws, first, col, last, col, &v);
	(void)x;
}

static void chapter_row(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
			const char *chapter)
{
	const struct report *r = x->r;
	const struct score_group *g =
		score_group_find(&r->score, GROUP_CHAPTER, chapter);
	char title[512];
	snprintf(title, sizeof(title),
		 "%s %s (実施率 自己評価 %.1f%% / 監査評価 %.1f%%)", chapter,
		 report_part_title(r, chapter),
		 g ? score_rate(g, VIEW_SELF) * 100 : 0,
		 g ? score_rate(g, VIEW_AUDIT) * 100 : 0);
	for (lxw_col_t c = 0; c <= 14; c++)
		if (c == 1)
			xw_chapter(x, ws, row, c, chapter, XF_CHAPTER);
		else
			xw_str(x, ws, row, c, c == 5 ? title : "", XF_CHAPTER);
}

static void item_row(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
		     const struct score_item *si)
{
	const struct report *r = x->r;
	const struct item *it = si->item;
	const struct finding *f = findings_of_item(&r->findings, it->id);
	const struct diff_item *di =
		r->prev_year ? diff_of_item(&r->diff, it->id) : NULL;
	struct sbuf ev = {0}, comments = {0};

	xw_item_answers(x, si, &ev, &comments);
	xw_str(x, ws, row, 0, it->id, XF_CELL);
	xw_chapter(x, ws, row, 1, it->chapter, XF_CELL_C);
	xw_str(x, ws, row, 2, it->section, XF_CELL_C);
	xw_str(x, ws, row, 3, item_level_name(it->level), XF_CELL_C);
	xw_str(x, ws, row, 4, it->roles, XF_CELL);
	xw_str(x, ws, row, 5, it->text, XF_CELL);
	xw_str(x, ws, row, 6, answer_status_name(si->status[VIEW_SELF]),
	       XF_CELL_C);
	xw_str(x, ws, row, 7, answer_status_name(si->status[VIEW_AUDIT]),
	       XF_CELL_C);
	xw_num(x, ws, row, 8, si->weight, XF_NUM);
	if (si->status[VIEW_SELF] == STATUS_NA)
		xw_str(x, ws, row, 9, "", XF_NUM);
	else
		xw_num(x, ws, row, 9, score_points(si->status[VIEW_SELF]),
		       XF_NUM);
	xw_str(x, ws, row, 10, ev.s ? ev.s : "", XF_CELL);
	xw_str(x, ws, row, 11, comments.s ? comments.s : "", XF_CELL);
	xw_str(x, ws, row, 12,
	       di && di->before
		       ? answer_status_name(di->before->status[VIEW_SELF])
		       : "",
	       XF_CELL_C);
	xw_str(x, ws, row, 13, di ? diff_class_name(di->cls) : "", XF_CELL_C);
	xw_str(x, ws, row, 14, f ? finding_grade_name(f->grade) : "",
	       XF_CELL_C);
	xw_row_done(x, ws, row, 1);
	sbuf_release(&ev);
	sbuf_release(&comments);
}

void xw_checklist(struct xw *x)
{
	static const double widths[] = {13, 5, 7,  6,  18, 60, 9,  9,
					6,  6, 16, 40, 9,  7,  13, 0};
	static const char *const head[] = {
		"ID",	  "章",	  "節",	      "水準",
		"役割",	  "条文", "自己評価", "監査評価",
		"重み",	  "点数", "証跡",     "回答者のコメント",
		"前年度", "比較", "指摘区分"};
	const struct report *r = x->r;
	lxw_worksheet *ws = xw_sheet(x, "チェックリスト", widths);
	lxw_row_t row = 1;
	const char *chapter = "";

	if (!ws)
		return;
	xw_sheet_a3(ws);
	xw_header(x, ws, 0, head, 15);
	for (size_t i = 0; i < r->score.nitems; i++) {
		const struct score_item *si = &r->score.items[i];
		if (strcmp(chapter, si->item->chapter) != 0) {
			chapter = si->item->chapter;
			chapter_row(x, ws, row++, chapter);
		}
		item_row(x, ws, row++, si);
	}
	table(ws, 0, row - 1, 14, true);
	validate_status(x, ws, 1, row - 1, 6);
	validate_status(x, ws, 1, row - 1, 7);
	xw_status_colours(x, ws, 1, row - 1, 6);
	xw_status_colours(x, ws, 1, row - 1, 7);
	xw_status_colours(x, ws, 1, row - 1, 12);
	xw_grade_colours(x, ws, 1, row - 1, 14);
}

/* --- 回答明細 -------------------------------------------------------- */

/* 回答明細's filters and colours, per part. */
static void answers_end(struct xw *x, struct xw_table *t, lxw_row_t last)
{
	table(t->ws, t->head_row, last, 10, false);
	if (last >= t->first)
		xw_status_colours(x, t->ws, t->first, last, 5);
}

void xw_answers_plan(struct xw *x, struct xw_table *t)
{
	static const double widths[] = {14, 22, 18, 18, 13, 9,
					18, 40, 11, 30, 6,  0};
	static const char *const head[] = {
		"回答者", "部署",     "システム", "役割",     "項目ID", "回答",
		"証跡",	  "コメント", "回答日",	  "ファイル", "行"};
	memset(t, 0, sizeof(*t));
	t->base = "回答明細";
	t->widths = widths;
	t->head = head;
	t->nhead = 11;
	t->nrows = x->r->data.nanswers;
	t->end = answers_end;
	xw_parts_plan(x, t);
}

void xw_answers(struct xw *x)
{
	const struct report_year *y = &x->r->data;
	struct xw_table t;

	xw_answers_plan(x, &t);
	if (!xw_parts_begin(x, &t))
		return;
	for (size_t i = 0; i < y->nanswers; i++) {
		const struct report_answer *ra = &y->answers[i];
		const struct score_answer *a = ra->a;
		const struct score_respondent *p = ra->by->who;
		lxw_row_t row = xw_parts_row(x, &t);
		lxw_worksheet *ws = t.ws;
		if (!ws)
			return;
		xw_str(x, ws, row, 0, p->name, XF_CELL);
		xw_str(x, ws, row, 1, p->department, XF_CELL);
		xw_str(x, ws, row, 2, p->system, XF_CELL);
		xw_str(x, ws, row, 3, p->role, XF_CELL);
		xw_str(x, ws, row, 4, a->item_id, XF_CELL);
		xw_str(x, ws, row, 5, answer_status_name(a->status), XF_CELL_C);
		xw_str(x, ws, row, 6, ra->evidence_ids, XF_CELL);
		xw_str(x, ws, row, 7, ra->comment, XF_CELL);
		xw_date(x, ws, row, 8, ra->by->answered_on, XF_DATE);
		xw_str(x, ws, row, 9, ra->by->file, XF_CELL);
		xw_num(x, ws, row, 10, (double)ra->line, XF_NUM);
		xw_row_done(x, ws, row, 0);
	}
	xw_parts_end(x, &t);
}

/* --- 指摘事項 -------------------------------------------------------- */

void xw_findings(struct xw *x)
{
	static const double widths[] = {13, 12, 6, 50, 26, 22, 36,
					30, 36, 7, 8,  13, 10, 0};
	static const char *const head[] = {
		"区分", "項目ID",   "水準",	 "条文",     "対象部署",
		"根拠", "事象",	    "原因",	 "改善提案", "緊急度",
		"判定", "関連計画", "計画の状態"};
	const struct report *r = x->r;
	lxw_worksheet *ws = xw_sheet(x, "指摘事項", widths);
	lxw_row_t row = 1;

	if (!ws)
		return;
	xw_sheet_a3(ws);
	xw_header(x, ws, 0, head, 13);
	for (size_t i = 0; i < r->findings.n; i++, row++) {
		const struct finding *f = &r->findings.v[i];
		const struct plan *p = r->finding_plans[i].related;
		char pstate[64] = "";
		if (p)
			snprintf(pstate, sizeof(pstate), "%s %d%%",
				 plan_status_name(p->status), p->progress);
		xw_str(x, ws, row, 0, finding_grade_name(f->grade), XF_CELL_C);
		xw_link(x, ws, row, 1, XW_AUDIT_SHEET,
			(lxw_row_t)(f->item - r->score.items) + 1, 1,
			f->item->item->id);
		xw_str(x, ws, row, 2, item_level_name(f->item->item->level),
		       XF_CELL_C);
		xw_str(x, ws, row, 3, f->item->item->text, XF_CELL);
		xw_str(x, ws, row, 4, f->where, XF_CELL);
		xw_str(x, ws, row, 5, f->reason, XF_CELL);
		xw_str(x, ws, row, 6, f->audit ? f->audit->finding : "",
		       XF_CELL);
		xw_str(x, ws, row, 7, f->audit ? f->audit->cause : "", XF_CELL);
		xw_str(x, ws, row, 8, f->audit ? f->audit->recommendation : "",
		       XF_CELL);
		xw_str(x, ws, row, 9, f->audit ? f->audit->urgency : "",
		       XF_CELL_C);
		xw_str(x, ws, row, 10, f->judged ? "監査統括責任者" : "規則",
		       XF_CELL_C);
		xw_str(x, ws, row, 11, p ? p->id : "", XF_CELL);
		xw_str(x, ws, row, 12, pstate, XF_CELL);
		xw_row_done(x, ws, row, 0);
	}
	table(ws, 0, row - 1, 12, false);
	xw_grade_colours(x, ws, 1, row - 1, 0);
}

/* --- 前年度比較 ------------------------------------------------------ */

static void part_rows(struct xw *x, lxw_worksheet *ws, lxw_row_t *row,
		      const char *caption, const struct diff_part *const *v,
		      size_t n)
{
	static const char *const head[] = {"節", "節名", "今年度", "前年度",
					   "差"};
	char crit[320];
	xw_str(x, ws, (*row)++, 0, caption, XF_H2);
	xw_header(x, ws, (*row)++, head, 5);
	for (size_t i = 0; i < n; i++, (*row)++) {
		xw_str(x, ws, *row, 0, v[i]->key, XF_CELL);
		xw_str(x, ws, *row, 1, report_part_title(x->r, v[i]->key),
		       XF_CELL);
		/* this year's rate is live over the section's items on
		 * チェックリスト; the year before is a plain figure */
		snprintf(crit, sizeof(crit),
			 ",'チェックリスト'!$C$2:$C$%u,\"%s\"", x->cl_last + 1,
			 v[i]->key);
		xw_live_rate(x, ws, *row, 2, crit, VIEW_SELF, v[i]->rate_now);
		xw_rate(x, ws, *row, 3, v[i]->rate_before, XF_PCT);
		/* a change may be negative: empty only when a rate is
		 * missing (a decline must show) */
		xw_live_change(x, ws, *row, 2, 3, 4,
			       v[i]->rate_now >= 0 && v[i]->rate_before >= 0,
			       v[i]->change);
	}
	(*row)++;
}

void xw_diff(struct xw *x)
{
	static const double widths[] = {14, 30, 10, 10, 10, 9, 9, 8, 14, 0};
	static const char *const head[] = {
		"項目ID",   "前年度の項目ID", "今年度", "前年度", "比較",
		"文言変更", "移動",	      "類似度", "計画"};
	const struct report *r = x->r;
	lxw_worksheet *ws = xw_sheet(x, "前年度比較", widths);
	lxw_row_t row = 0, head_row;
	char buf[256];

	if (!ws)
		return;
	if (!r->prev_year) {
		xw_str(x, ws, 0, 0, "比較できる前年度の回答がありません。",
		       XF_H2);
		return;
	}
	snprintf(buf, sizeof(buf), "%s と %s の比較", r->era, r->prev_era);
	xw_str(x, ws, row++, 0, buf, XF_TITLE);
	snprintf(buf, sizeof(buf),
		 "改善 %zu、悪化 %zu、維持 %zu、継続 %zu、新規 %zu、削除 %zu、"
		 "文言変更 %zu、移動 %zu",
		 r->diff.by_class[DIFF_IMPROVED],
		 r->diff.by_class[DIFF_DECLINED], r->diff.by_class[DIFF_KEPT],
		 r->diff.by_class[DIFF_PERSISTENT], r->diff.by_class[DIFF_NEW],
		 r->diff.by_class[DIFF_REMOVED], r->diff.reworded,
		 r->diff.moved);
	xw_str(x, ws, row++, 0, buf, XF_NOTE);
	row++;
	part_rows(x, ws, &row, "最も改善した節", r->diff.improved,
		  r->diff.nimproved);
	part_rows(x, ws, &row, "最も悪化した節", r->diff.declined,
		  r->diff.ndeclined);
	xw_str(x, ws, row++, 0, "項目ごとの比較 (基準の版をまたぐ対応を含む)",
	       XF_H2);
	head_row = row;
	xw_header(x, ws, row++, head, 9);
	for (size_t i = 0; i < r->diff.nitems; i++, row++) {
		const struct diff_item *d = &r->diff.items[i];
		const char *plan = "";
		for (size_t k = 0; d->now && k < r->nfailed; k++)
			if (strcmp(r->failed[k].item_id, d->now->item->id) == 0)
				plan = r->failed[k].plan->id;
		xw_str(x, ws, row, 0, d->now ? d->now->item->id : "", XF_CELL);
		xw_str(x, ws, row, 1, d->before ? d->before->item->id : "",
		       XF_CELL);
		xw_str(x, ws, row, 2,
		       d->now ? answer_status_name(d->now->status[VIEW_SELF])
			      : "",
		       XF_CELL_C);
		xw_str(x, ws, row, 3,
		       d->before ? answer_status_name(
					   d->before->status[VIEW_SELF])
				 : "",
		       XF_CELL_C);
		xw_str(x, ws, row, 4, diff_class_name(d->cls), XF_CELL_C);
		xw_str(x, ws, row, 5, d->reworded ? "あり" : "", XF_CELL_C);
		xw_str(x, ws, row, 6, d->moved ? "あり" : "", XF_CELL_C);
		if (d->now && d->before)
			xw_num(x, ws, row, 7, d->similarity, XF_NUM);
		else
			xw_str(x, ws, row, 7, "", XF_NUM);
		xw_str(x, ws, row, 8, plan, XF_CELL);
	}
	worksheet_autofilter(ws, head_row, 0, row - 1, 8);
	/* no frozen panes: the table starts below the summaries, and
	 * freezing there would hold 20 rows on the screen */
	worksheet_repeat_rows(ws, head_row, head_row);
	xw_status_colours(x, ws, head_row + 1, row - 1, 2);
	xw_status_colours(x, ws, head_row + 1, row - 1, 3);
}

/* --- 改善計画 -------------------------------------------------------- */

void xw_plans(struct xw *x)
{
	static const double widths[] = {13, 14, 8, 22, 18, 40, 11,
					8,  8,	9, 11, 30, 0};
	static const char *const head[] = {
		"ID",	"指摘項目", "指摘年度", "部署",	    "役割",	"対応",
		"期限", "進捗",	    "状態",	"超過日数", "最終報告", "出典"};
	static const char *const loghead[] = {"ID",   "基準日", "状態", "進捗",
					      "期限", "理由",	"備考", "出典"};
	const struct report *r = x->r;
	lxw_worksheet *ws = xw_sheet(x, "改善計画", widths);
	lxw_conditional_format bar = {0}, late = {0};
	lxw_row_t row = 1, first = 1;

	if (!ws)
		return;
	xw_header(x, ws, 0, head, 12);
	for (size_t i = 0; i < r->nyear_plans; i++, row++) {
		const struct report_plan *rp = &r->year_plans[i];
		const struct plan *p = rp->plan;
		const struct plan_log_entry *e = rp->last;
		xw_str(x, ws, row, 0, p->id, XF_CELL);
		xw_str(x, ws, row, 1, rp->items, XF_CELL);
		xw_num(x, ws, row, 2, p->finding_year, XF_NUM);
		xw_str(x, ws, row, 3, p->department, XF_CELL);
		xw_str(x, ws, row, 4, p->role, XF_CELL);
		xw_str(x, ws, row, 5, p->action, XF_CELL);
		xw_date(x, ws, row, 6, p->due, XF_DATE);
		xw_num(x, ws, row, 7, p->progress / 100.0, XF_PCT);
		xw_str(x, ws, row, 8, plan_status_name(p->status), XF_CELL_C);
		xw_num(x, ws, row, 9, (double)rp->days_overdue, XF_NUM);
		xw_date(x, ws, row, 10, e ? e->as_of : "", XF_DATE);
		xw_str(x, ws, row, 11, e ? e->source : "", XF_CELL);
		xw_row_done(x, ws, row, 0);
	}
	worksheet_autofilter(ws, 0, 0, row > 1 ? row - 1 : 0, 11);
	worksheet_freeze_panes(ws, 1, 1);
	worksheet_repeat_rows(ws, 0, 0);
	if (row > first) {
		bar.type = LXW_CONDITIONAL_DATA_BAR;
		bar.min_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
		bar.min_value = 0;
		bar.max_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
		bar.max_value = 1;
		worksheet_conditional_format_range(ws, first, 7, row - 1, 7,
						   &bar);
		late.type = LXW_CONDITIONAL_TYPE_CELL;
		late.criteria = LXW_CONDITIONAL_CRITERIA_GREATER_THAN;
		late.value = 0;
		late.format = x->f[XF_RED];
		worksheet_conditional_format_range(ws, first, 9, row - 1, 9,
						   &late);
	}
	row += 2;
	xw_str(x, ws, row++, 0, "進捗の記録 (すべての版)", XF_H2);
	/* not when each version was imported (the database keeps that): the
	 * workpaper depends on the inputs only */
	xw_header(x, ws, row++, loghead, 8);
	for (size_t i = 0; i < r->nlog; i++, row++) {
		const struct plan_log_entry *e = &r->log[i];
		xw_str(x, ws, row, 0, e->plan_id, XF_CELL);
		xw_date(x, ws, row, 1, e->as_of, XF_DATE);
		xw_str(x, ws, row, 2, e->status, XF_CELL_C);
		xw_num(x, ws, row, 3, e->progress / 100.0, XF_PCT);
		xw_date(x, ws, row, 4, e->due, XF_DATE);
		xw_str(x, ws, row, 5, e->reason, XF_CELL);
		xw_str(x, ws, row, 6, e->note, XF_CELL);
		xw_str(x, ws, row, 7, e->source, XF_CELL);
		xw_row_done(x, ws, row, 0);
	}
}

/* --- 証跡一覧 -------------------------------------------------------- */

void xw_evidence(struct xw *x)
{
	static const double widths[] = {13, 34, 34, 11, 11, 9, 24, 10, 26, 0};
	static const char *const head[] = {"ID",      "表題",	  "ファイル",
					   "収集日",  "有効期限", "サイズ",
					   "SHA-256", "検証結果", "対象項目"};
	const struct report *r = x->r;
	lxw_worksheet *ws = xw_sheet(x, "証跡一覧", widths);
	lxw_row_t row = 1;

	if (!ws)
		return;
	xw_header(x, ws, 0, head, 9);
	for (size_t i = 0; i < r->evidence.n; i++, row++) {
		const struct evidence_record *e = &r->evidence.records[i];
		struct sbuf url = {0};
		xw_str(x, ws, row, 0, e->id, XF_CELL);
		xw_str(x, ws, row, 1, e->title, XF_CELL);
		/* a relative link: "external:" with the path from the
		 * workbook's folder */
		text_add_link_path(&url, "external:", r->evidence_links[i]);
		if (url.s && strlen(url.s) < 255 &&
		    worksheet_write_url_opt(ws, row, 2, url.s, x->f[XF_LINK],
					    e->file, NULL) == LXW_NO_ERROR)
			;
		else
			xw_str(x, ws, row, 2, e->file, XF_CELL);
		sbuf_release(&url);
		xw_date(x, ws, row, 3, e->collected_on, XF_DATE);
		xw_date(x, ws, row, 4, e->expires_on, XF_DATE);
		if (e->size >= 0)
			xw_num(x, ws, row, 5, (double)e->size, XF_NUM);
		else
			xw_str(x, ws, row, 5, "", XF_NUM);
		xw_str(x, ws, row, 6, e->sha256, XF_CELL);
		xw_str(x, ws, row, 7, report_check_name(r->evidence_checks[i]),
		       XF_CELL_C);
		xw_str(x, ws, row, 8, e->clauses, XF_CELL);
		xw_row_done(x, ws, row, 0);
	}
	table(ws, 0, row - 1, 8, true);
}

/* --- 改善計画進捗 (the quarterly plans report) ------------------------- */

/* One table of plan_progress rows from row on; returns the next row. */
static lxw_row_t progress_rows(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
			       const struct plan_progress *v, size_t n)
{
	static const char *const head[] = {
		"ID",	    "指摘項目", "部署",	     "役割", "対応",
		"期限",	    "前回進捗", "今回進捗",  "増減", "状態",
		"超過日数", "報告日",	"理由・備考"};
	lxw_row_t first = row + 1;

	xw_header(x, ws, row++, head, 13);
	for (size_t i = 0; i < n; i++, row++) {
		const struct plan *p = v[i].plan;
		struct sbuf items = {0}, note = {0};
		for (size_t k = 0; k < p->nitems; k++)
			sbuf_printf(&items, "%s%s", k ? ", " : "", p->items[k]);
		sbuf_printf(&note, "%s%s%s", v[i].now->reason,
			    *v[i].now->reason && *v[i].now->note ? " / " : "",
			    v[i].now->note);
		xw_str(x, ws, row, 0, p->id, XF_CELL);
		xw_str(x, ws, row, 1, items.s ? items.s : "", XF_CELL);
		xw_str(x, ws, row, 2, p->department, XF_CELL);
		xw_str(x, ws, row, 3, p->role, XF_CELL);
		xw_str(x, ws, row, 4, p->action, XF_CELL);
		xw_date(x, ws, row, 5, v[i].now->due, XF_DATE);
		if (v[i].before)
			xw_num(x, ws, row, 6, v[i].before->progress / 100.0,
			       XF_PCT);
		else
			xw_str(x, ws, row, 6, "新規", XF_CELL_C);
		xw_num(x, ws, row, 7, v[i].now->progress / 100.0, XF_PCT);
		xw_num(x, ws, row, 8,
		       (v[i].now->progress -
			(v[i].before ? v[i].before->progress : 0)) /
			       100.0,
		       XF_PCT);
		xw_str(x, ws, row, 9, v[i].now->status, XF_CELL_C);
		xw_num(x, ws, row, 10, (double)v[i].days_overdue, XF_NUM);
		xw_date(x, ws, row, 11, v[i].now->as_of, XF_DATE);
		xw_str(x, ws, row, 12, note.s ? note.s : "", XF_CELL);
		xw_row_done(x, ws, row, 0);
		sbuf_release(&items);
		sbuf_release(&note);
	}
	if (row > first) {
		lxw_conditional_format late = {0};
		late.type = LXW_CONDITIONAL_TYPE_CELL;
		late.criteria = LXW_CONDITIONAL_CRITERIA_GREATER_THAN;
		late.value = 0;
		late.format = x->f[XF_RED];
		worksheet_conditional_format_range(ws, first, 10, row - 1, 10,
						   &late);
	}
	return row;
}

void xw_plan_progress(struct xw *x)
{
	static const double widths[] = {13, 12, 20, 18, 36, 11, 9,
					9,  8,	9,  9,	11, 30, 0};
	const struct report *r = x->r;
	const struct plans_progress *pp = x->pp;
	lxw_worksheet *ws = xw_sheet(x, "改善計画進捗", widths);
	char asof[64], since[64], line[512];
	lxw_row_t row = 0, head;

	if (!ws)
		return;
	text_wareki_date(r->as_of, asof, sizeof(asof));
	text_wareki_date(pp->since, since, sizeof(since));
	xw_str(x, ws, row++, 0, r->settings.title[REPORT_PLANS], XF_TITLE);
	snprintf(line, sizeof(line),
		 "%s 基準日 %s (%s %s): 対応中 %zu 件 (うち期限超過 "
		 "%zu 件)、%s以降に完了 %zu 件",
		 r->settings.organisation, asof,
		 pp->first ? "前回報告なし、比較は" : "前回報告", since,
		 pp->nopen, pp->noverdue, pp->first ? since : "前回報告",
		 pp->nclosed);
	xw_str(x, ws, row++, 0, line, XF_NOTE);
	row++;
	xw_str(x, ws, row++, 0, "対応中の計画 (期限超過を先に)", XF_H2);
	head = row;
	row = progress_rows(x, ws, row, pp->open, pp->nopen);
	worksheet_autofilter(ws, head, 0, row > head + 1 ? row - 1 : head, 12);
	worksheet_freeze_panes(ws, head + 1, 1);
	worksheet_repeat_rows(ws, head, head);
	row += 2;
	xw_str(x, ws, row++, 0,
	       pp->first ? "比較の日以降に完了した計画"
			 : "前回報告以降に完了した計画",
	       XF_H2);
	progress_rows(x, ws, row, pp->closed, pp->nclosed);
}
