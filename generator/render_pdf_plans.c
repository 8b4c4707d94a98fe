/* render_pdf_plans.c: the quarterly plan-progress report's body. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_pdf_internal.h"
#include "text.h"

/* --- the quarterly plan-progress report --------------------------------- */

/* Rows of plan_progress as table cells (ncols per row); the strings the
 * cells point to are kept in txt (5 per row).  NULL when out of memory. */
static const char **progress_cells(const struct plan_progress *v, size_t n,
				   bool open, char (**txt)[6][256])
{
	const size_t ncols = open ? 8 : 6;
	const char **cells = calloc(n * ncols + 1, sizeof(*cells));
	*txt = calloc(n + 1, sizeof(**txt));
	if (!cells || !*txt) {
		free(cells);
		free(*txt);
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		const struct plan *pl = v[i].plan;
		const char **c = cells + i * ncols;
		char(*t)[256] = (*txt)[i];
		text_wareki_date(open ? v[i].now->due : v[i].now->as_of, t[5],
				 256);
		struct sbuf items = {0};
		for (size_t k = 0; k < pl->nitems; k++)
			sbuf_printf(&items, "%s%s", k ? "、" : "",
				    pl->items[k]);
		snprintf(t[0], 256, "%s", items.s ? items.s : "");
		sbuf_release(&items);
		snprintf(t[1], 256, "%s（%s）", pl->department, pl->role);
		if (!v[i].before)
			snprintf(t[2], 256, "新規 → %d%%", v[i].now->progress);
		else
			snprintf(t[2], 256, "%d%% → %d%%",
				 v[i].before->progress, v[i].now->progress);
		snprintf(t[3], 256, "%ld", v[i].days_overdue);
		snprintf(t[4], 256, "%s%s%s", v[i].now->reason,
			 *v[i].now->reason && *v[i].now->note ? "。" : "",
			 v[i].now->note);
		c[0] = pl->id;
		c[1] = t[0];
		c[2] = t[1];
		c[3] = pl->action;
		if (open) {
			c[4] = t[5];
			c[5] = t[2];
			c[6] = v[i].now->status;
			c[7] = v[i].days_overdue ? t[3] : "-";
		} else {
			c[4] = t[5];
			c[5] = v[i].now->status;
		}
	}
	return cells;
}

static bool ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), e = strlen(end);
	return n >= e && strcmp(s + n - e, end) == 0;
}

/* Due dates moved: from what to what, when and why. */
static void moved_dues(struct pdf *p, const struct plans_progress *pp)
{
	char buf[1024], from[64], to[64], on[64];
	if (!pp->nmoves) {
		pdf_text(p, "期限を変更した計画はない。", BODY, 0, false);
		return;
	}
	for (size_t i = 0; i < pp->nmoves; i++) {
		const struct due_move *m = &pp->moves[i];
		text_wareki_date(m->from, from, sizeof(from));
		text_wareki_date(m->to, to, sizeof(to));
		text_wareki_date(m->on, on, sizeof(on));
		snprintf(buf, sizeof(buf),
			 "・%s（%s）：期限を%sから%sに%s（%s報告）。理由：%s%s",
			 m->plan->id, m->plan->action, from, to,
			 strcmp(m->to, m->from) > 0 ? "延長" : "繰上げ", on,
			 *m->reason ? m->reason : "（記載なし）",
			 *m->reason && !ends_with(m->reason, "。") ? "。" : "");
		pdf_text(p, buf, BODY, 8, false);
	}
}

/* What the CISO is asked to decide: overdue plans, moved due dates. */
static void plans_decisions(struct pdf *p, const struct plans_progress *pp)
{
	char buf[1024], from[64], to[64];
	size_t n = 0;
	for (size_t i = 0; i < pp->nopen; i++) {
		const struct plan_progress *v = &pp->open[i];
		if (!v->days_overdue)
			continue;
		snprintf(buf, sizeof(buf),
			 "・%s（%s、%ld 日超過、進捗 %d%%）：期限の再設定、担当"
			 "・方法の見直し又は資源の追加を指示する。",
			 v->plan->id, v->plan->department, v->days_overdue,
			 v->now->progress);
		pdf_text(p, buf, BODY, 8, false);
		n++;
	}
	for (size_t i = 0; i < pp->nmoves; i++) {
		const struct due_move *m = &pp->moves[i];
		if (strcmp(m->on, pp->since) <= 0)
			continue;
		text_wareki_date(m->from, from, sizeof(from));
		text_wareki_date(m->to, to, sizeof(to));
		snprintf(buf, sizeof(buf),
			 "・%s の期限の変更（%sから%s）：承認するか、元の期限"
			 "での対応を指示する。",
			 m->plan->id, from, to);
		pdf_text(p, buf, BODY, 8, false);
		n++;
	}
	if (!n)
		pdf_text(p, "判断を求める事項はない。", BODY, 8, false);
}

void rp_plans_report_body(struct pdf *p, const struct report *r,
			  const struct plans_progress *pp)
{
	static const double wo[] = {70, 44, 72, 85, 66, 64, 44, 38};
	static const char *const ho[] = {"ID",	 "指摘", "担当", "対応",
					 "期限", "進捗", "状態", "超過日数"};
	static const double wc[] = {70, 46, 90, 143, 82, 52};
	static const char *const hc[] = {"ID",	 "指摘",   "担当",
					 "対応", "報告日", "状態"};
	char buf[1024], since[64], asof[64];
	char(*txt)[6][256] = NULL;
	const char **cells;

	text_wareki_date(pp->since, since, sizeof(since));
	text_wareki_date(r->as_of, asof, sizeof(asof));
	rp_letter_head(p, r, REPORT_PLANS);
	/* the first report has no 前回報告 to compare with (REVIEW #17) */
	snprintf(buf, sizeof(buf),
		 pp->first ? "%s現在の改善計画の進捗状況を、下記のとおり報告"
			     "する。前回の報告はないため、進捗は%s現在からの"
			     "変化を示す。"
			   : "%s現在の改善計画の進捗状況を、下記のとおり報告"
			     "する。進捗は前回報告（%s現在）からの変化を示す。",
		 asof, since);
	pdf_text(p, buf, 10.5, 0, false);
	pdf_space(p, 8);
	pdf_line_at(p, "記", 10.5, PDF_LEFT, PDF_WIDTH, 1, false);
	p->y += 20;
	pdf_heading(p, 1, "1 概要");
	snprintf(buf, sizeof(buf),
		 "対応中の改善計画は %zu 件で、うち %zu 件が期限を過ぎている。"
		 "期限を変更した計画は %zu 件、%s以降に完了したものは "
		 "%zu 件である。",
		 pp->nopen, pp->noverdue, pp->nmoves,
		 pp->first ? since : "前回報告", pp->nclosed);
	pdf_text(p, buf, BODY, 0, false);
	pdf_heading(p, 1, "2 判断を求める事項");
	plans_decisions(p, pp);
	pdf_heading(p, 1, "3 対応中の計画（期限超過を先に）");
	if (!pp->nopen) {
		pdf_text(p, "対応中の計画はない。", BODY, 0, false);
	} else if ((cells = progress_cells(pp->open, pp->nopen, true, &txt))) {
		pdf_table(p, 8, wo, ho, cells, pp->nopen, TABLE);
		free(cells);
		free(txt);
	}
	pdf_heading(p, 1, "4 期限を変更した計画");
	moved_dues(p, pp);
	snprintf(buf, sizeof(buf), "5 %s以降に完了した計画",
		 pp->first ? since : "前回報告");
	pdf_heading(p, 1, buf);
	if (!pp->nclosed) {
		pdf_text(p,
			 pp->first ? "この間に完了した計画はない。"
				   : "前回報告以降に完了した計画はない。",
			 BODY, 0, false);
	} else if ((cells = progress_cells(pp->closed, pp->nclosed, false,
					   &txt))) {
		pdf_table(p, 6, wc, hc, cells, pp->nclosed, TABLE);
		free(cells);
		free(txt);
	}
	pdf_closing(p, true);
}
