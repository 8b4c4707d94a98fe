/* render_pdf_parts.c: the parts of the PDF documents that more than one
 * of them shows (results, rates, findings counted, plans, evidence, the
 * letter head), and the helpers every part uses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_pdf_internal.h"
#include "text.h"

/* Cut lists in the PDF: the workbook has them whole. */
#define MAX_WHERE    8
#define MAX_COMMENTS 3

/* --- pieces both documents share ------------------------------------- */

void rp_overall_sentences(struct pdf *p, const struct report *r)
{
	char buf[1024], a[16], b[16], c[16], e[16];
	text_rate(a, sizeof(a), score_rate(&r->score.overall, VIEW_SELF));
	text_rate(b, sizeof(b), score_rate(&r->score.overall, VIEW_AUDIT));
	text_rate(c, sizeof(c), score_rate(&r->score.required, VIEW_SELF));
	text_rate(e, sizeof(e), score_rate(&r->score.required, VIEW_AUDIT));
	snprintf(buf, sizeof(buf),
		 "対策基準の %zu 項目について、%zu "
		 "の回答者から回答を得た。実施率は"
		 "自己評価で %s（必須項目 %s）、監査評価"
		 "（監査統括責任者の判定と、"
		 "有効な証跡のない「実施」を一部実施とみなした評価）で %s"
		 "（必須項目 "
		 "%s）であった。",
		 r->score.nitems, r->data.nrespondents, a, c, b, e);
	pdf_text(p, buf, BODY, 0, false);
	if (r->prev_year) {
		text_rate(a, sizeof(a),
			  score_rate(&r->prev_score.overall, VIEW_SELF));
		text_rate(b, sizeof(b),
			  score_rate(&r->prev_score.overall, VIEW_AUDIT));
		snprintf(buf, sizeof(buf),
			 "前年度（%s）は自己評価 %s、監査評価 %s "
			 "であった。前年度と"
			 "比べて改善した項目は %zu、悪化した項目は "
			 "%zu、両年度とも満たさ"
			 "れていない項目は %zu である。",
			 r->prev_era, a, b, r->diff.by_class[DIFF_IMPROVED],
			 r->diff.by_class[DIFF_DECLINED],
			 r->diff.by_class[DIFF_PERSISTENT]);
		pdf_text(p, buf, BODY, 0, false);
	}
	snprintf(buf, sizeof(buf),
		 "指摘事項は、重大な不適合 %zu 件、軽微な不適合 %zu "
		 "件、推奨事項 %zu "
		 "件、観察事項 %zu "
		 "件である。これらは点検と監査で確認した範囲の結果"
		 "であり、ここに挙げていない事項に不備がないことを示すものでは"
		 "ない。",
		 r->findings.by_grade[GRADE_MAJOR],
		 r->findings.by_grade[GRADE_MINOR],
		 r->findings.by_grade[GRADE_RECOMMEND],
		 r->findings.by_grade[GRADE_OBSERVATION]);
	pdf_text(p, buf, BODY, 0, false);
}

void rp_rates_table(struct pdf *p, const struct report *r)
{
	static const double w[] = {150, 85, 85, 85, 78};
	static const char *const head[] = {"区分", "自己評価", "監査評価",
					   "前年度 自己評価",
					   "前年度 監査評価"};
	char cells[2][5][64];
	const char *cp[10];
	const struct score_group *now[2] = {&r->score.overall,
					    &r->score.required};
	const struct score_group *was[2] = {&r->prev_score.overall,
					    &r->prev_score.required};
	for (int i = 0; i < 2; i++) {
		snprintf(cells[i][0], 64, "%s", i ? "必須項目のみ" : "全体");
		text_rate(cells[i][1], 64, score_rate(now[i], VIEW_SELF));
		text_rate(cells[i][2], 64, score_rate(now[i], VIEW_AUDIT));
		text_rate(cells[i][3], 64,
			  r->prev_year ? score_rate(was[i], VIEW_SELF) : -1);
		text_rate(cells[i][4], 64,
			  r->prev_year ? score_rate(was[i], VIEW_AUDIT) : -1);
		for (int c = 0; c < 5; c++)
			cp[i * 5 + c] = cells[i][c];
	}
	pdf_table(p, 5, w, head, cp, 2, 9);
}

/* 実施率 by chapter, the self and the audit view side by side. */
void rp_chapter_chart(struct pdf *p, const struct report *r)
{
	size_t n = r->score.ngroups[GROUP_CHAPTER];
	const char **labels = calloc(n + 1, sizeof(*labels));
	double *self = calloc(n + 1, sizeof(*self));
	double *audit = calloc(n + 1, sizeof(*audit));
	char(*names)[128] = calloc(n + 1, sizeof(*names));

	if (!labels || !self || !audit || !names)
		goto out;
	for (size_t i = 0; i < n; i++) {
		const struct score_group *g =
			&r->score.groups[GROUP_CHAPTER][i];
		snprintf(names[i], sizeof(names[i]), "%s %s", g->key,
			 report_part_title(r, g->key));
		labels[i] = names[i];
		self[i] = score_rate(g, VIEW_SELF);
		audit[i] = score_rate(g, VIEW_AUDIT);
	}
	pdf_bars(p, labels, self, audit, n, "自己評価", "監査評価",
		 "章別の実施率（自己評価・監査評価、%）");
out:
	free(labels);
	free(self);
	free(audit);
	free(names);
}

void rp_grade_table(struct pdf *p, const struct report *r)
{
	static const double w[] = {160, 80};
	static const char *const head[] = {"区分", "件数"};
	char nums[4][16];
	const char *cells[8];
	for (int g = 0; g < 4; g++) {
		snprintf(nums[g], 16, "%zu", r->findings.by_grade[g]);
		cells[g * 2] = finding_grade_name((enum finding_grade)g);
		cells[g * 2 + 1] = nums[g];
	}
	pdf_table(p, 2, w, head, cells, 4, 9);
}

/* "a、b、c ほか N" of a "、"-joined list cut at max entries. */
char *rp_cut_list(const char *list, size_t n, size_t max)
{
	struct sbuf b = {0};
	const char *p = list;
	for (size_t i = 0; i < max && *p; i++) {
		const char *next = strstr(p, "、");
		size_t len = next ? (size_t)(next - p) : strlen(p);
		if (i)
			sbuf_adds(&b, "、");
		sbuf_add(&b, p, len);
		p = next ? next + 3 : p + len;
	}
	if (n > max)
		sbuf_printf(&b, " ほか %zu", n - max);
	return sbuf_take(&b);
}

/* Every finding's item ID, grade by grade, in a few lines. */
void rp_finding_ids(struct pdf *p, const struct report *r)
{
	for (int g = GRADE_MAJOR; g < GRADE_CONFORM; g++) {
		struct sbuf b = {0};
		size_t n = 0;
		for (size_t i = 0; i < r->findings.n; i++) {
			const struct finding *f = &r->findings.v[i];
			if (f->grade != (enum finding_grade)g)
				continue;
			if (!n++)
				sbuf_printf(&b, "%s（%zu 件）：",
					    finding_grade_name(f->grade),
					    r->findings.by_grade[g]);
			else
				sbuf_adds(&b, "、");
			sbuf_adds(&b, f->item->item->id);
		}
		if (b.s)
			pdf_text(p, b.s, 9, 8, false);
		sbuf_release(&b);
	}
}

/* Chapters that hold no obligation, so that every chapter is named. */
void rp_chapters_without_items(struct pdf *p, const struct report *r)
{
	struct sbuf b = {0};
	for (size_t i = 0; i < r->cl.nparts; i++) {
		const struct part *pt = &r->cl.parts[i];
		bool found = false;
		if (!*pt->id || strspn(pt->id, "0123456789") != strlen(pt->id))
			continue;
		for (size_t c = 0; c < r->score.ngroups[GROUP_CHAPTER]; c++)
			found |= !strcmp(r->score.groups[GROUP_CHAPTER][c].key,
					 pt->id);
		if (!found)
			sbuf_printf(&b, "%s第%s章 %s", b.len ? "、" : "",
				    pt->id, pt->title);
	}
	if (b.s) {
		char *line = NULL;
		sbuf_printf(&b,
			    " は義務を定める条項を含まず、点検項目はない。");
		line = sbuf_take(&b);
		pdf_text(p, line, 9, 0, false);
		free(line);
	}
	sbuf_release(&b);
}

/* A caption kept with the first lines of the table under it. */
void rp_caption(struct pdf *p, const char *s)
{
	pdf_need(p, 80);
	pdf_text(p, s, BODY, 0, true);
}

void rp_sections_table(struct pdf *p, const struct report *r,
		       const struct diff_part *const *v, size_t n)
{
	static const double w[] = {50, 200, 70, 70, 70};
	static const char *const head[] = {"節", "節名", "今年度", "前年度",
					   "差（ポイント）"};
	char(*txt)[3][32] = calloc(n + 1, sizeof(*txt));
	const char **cells = calloc(n * 5 + 1, sizeof(*cells));
	if (!txt || !cells) {
		free(txt);
		free(cells);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		text_rate(txt[i][0], 32, v[i]->rate_now);
		text_rate(txt[i][1], 32, v[i]->rate_before);
		snprintf(txt[i][2], 32, "%+.1f", v[i]->change * 100);
		cells[i * 5] = v[i]->key;
		cells[i * 5 + 1] = report_part_title(r, v[i]->key);
		cells[i * 5 + 2] = txt[i][0];
		cells[i * 5 + 3] = txt[i][1];
		cells[i * 5 + 4] = txt[i][2];
	}
	if (n)
		pdf_table(p, 5, w, head, cells, n, 9);
	else
		pdf_text(p, "該当する節はない。", BODY, 8, false);
	free(txt);
	free(cells);
}

/* Body text (indented by indent) with its ISO dates in 和暦. */
void rp_wareki_text(struct pdf *p, const char *s, double indent)
{
	char *w = text_wareki_dates(s);
	pdf_text(p, w ? w : s, BODY, indent, false);
	free(w);
}

void rp_plans_summary(struct pdf *p, const struct report *r)
{
	const size_t *by = r->plan_counts.by_status;
	char buf[512];
	snprintf(buf, sizeof(buf),
		 "本年度に対応中であった改善計画は %zu 件（未着手 %zu、対応中 "
		 "%zu、"
		 "完了 %zu、確認済 %zu）で、%s時点で期限を過ぎているものは "
		 "%zu 件"
		 "である。",
		 r->nyear_plans, by[PLAN_TODO], by[PLAN_DOING], by[PLAN_DONE],
		 by[PLAN_CONFIRMED], r->as_of, r->plan_counts.overdue);
	rp_wareki_text(p, buf, 0);
	for (size_t i = 0; i < r->nyear_plans; i++) {
		const struct plan *pl = r->year_plans[i].plan;
		if (!r->year_plans[i].overdue)
			continue;
		snprintf(buf, sizeof(buf),
			 "・%s（%s）期限 %s、%ld 日超過、%s %d%%：%s", pl->id,
			 pl->nitems ? pl->items[0] : "", pl->due,
			 r->year_plans[i].days_overdue,
			 plan_status_name(pl->status), pl->progress,
			 pl->action);
		rp_wareki_text(p, buf, 8);
	}
	for (size_t i = 0; i < r->nfailed; i++) {
		snprintf(buf, sizeof(buf),
			 "・計画 %s は期限（%s）を過ぎたが、指摘 %s "
			 "は今年度も満たされて"
			 "いない。計画の見直しが必要である。",
			 r->failed[i].plan->id, r->failed[i].plan->due,
			 r->failed[i].item_id);
		rp_wareki_text(p, buf, 8);
	}
}

void rp_letter_head(struct pdf *p, const struct report *r,
		    enum report_kind kind)
{
	char date[64], sender[512];
	bool pre;
	text_wareki_date(r->date, date, sizeof(date));
	pdf_page(p, false);
	p->y = 70;
	pdf_line_at(p, r->marking, 10, PDF_LEFT, PDF_WIDTH, 2, true);
	p->y += 22;
	pdf_line_at(p, r->settings.document_number, 10.5, PDF_LEFT, PDF_WIDTH,
		    2, false);
	p->y += 16;
	pdf_line_at(p, date, 10.5, PDF_LEFT, PDF_WIDTH, 2, false);
	p->y += 34;
	pdf_line_at(p, r->settings.addressee, 11, PDF_LEFT, PDF_WIDTH, 0,
		    false);
	p->y += 30;
	pre = *r->settings.organisation &&
	      !strstr(r->settings.sender, r->settings.organisation);
	snprintf(sender, sizeof(sender), "%s%s%s",
		 pre ? r->settings.organisation : "", pre ? "　" : "",
		 r->settings.sender);
	pdf_line_at(p, sender, 10.5, PDF_LEFT, PDF_WIDTH, 2, false);
	p->y += 16;
	if (r->has_audit && *r->audit.auditor)
		pdf_line_at(p, r->audit.auditor, 10.5, PDF_LEFT, PDF_WIDTH, 2,
			    false);
	p->y += 40;
	pdf_line_at(p, r->settings.title[kind], 14, PDF_LEFT, PDF_WIDTH, 1,
		    true);
	if (kind != REPORT_PLANS && findings_is_draft(&r->findings)) {
		p->y += 20;
		pdf_line_at(p, "（案）", 14, PDF_LEFT, PDF_WIDTH, 1, true);
	}
	p->y += 32;
}

/* --- the full report's parts ------------------------------------------ */

/* An item's evidence (up to 6 distinct citations) and comments (up to
 * MAX_COMMENTS, then how many more) as two strings; caller frees. */
static void item_evidence_comments(const struct report_item *ri, char **ev_out,
				   char **com_out)
{
	struct sbuf ev = {0}, com = {0};
	size_t ncom = 0, nev = 0;
	for (size_t x = 0; x < ri->nanswers; x++) {
		const struct report_answer *an = ri->answers[x];
		if (*an->evidence_ids && nev < 6 &&
		    (!ev.s || !strstr(ev.s, an->evidence_ids))) {
			sbuf_printf(&ev, "%s%s", ev.len ? ", " : "",
				    an->evidence_ids);
			nev++;
		}
		if (*an->comment) {
			if (ncom < MAX_COMMENTS)
				sbuf_printf(&com, "%s%s", com.len ? " / " : "",
					    an->comment);
			ncom++;
		}
	}
	if (ncom > MAX_COMMENTS)
		sbuf_printf(&com, " ほか %zu 件", ncom - MAX_COMMENTS);
	*ev_out = sbuf_take(&ev);
	*com_out = sbuf_take(&com);
}

/* The table of one chapter's items (titled title). */
static void chapter_table(struct pdf *p, const struct report *r,
			  const char *chapter, const char *title)
{
	static const double w[] = {76, 30, 48, 48, 95, 186};
	static const char *const head[] = {"項目",     "水準", "自己評価",
					   "監査評価", "証跡", "コメント"};
	size_t n = 0, k = 0;
	const char **cells, **ids;
	char **owned;
	for (size_t i = 0; i < r->score.nitems; i++)
		n += strcmp(r->score.items[i].item->chapter, chapter) == 0;
	cells = calloc(n * 6 + 1, sizeof(*cells));
	owned = calloc(n * 2 + 1, sizeof(*owned));
	if (!cells || !owned)
		goto out;
	for (size_t i = 0; i < r->score.nitems; i++) {
		const struct score_item *si = &r->score.items[i];
		if (strcmp(si->item->chapter, chapter) != 0)
			continue;
		item_evidence_comments(&r->data.items[i], &owned[k * 2],
				       &owned[k * 2 + 1]);
		cells[k * 6] = si->item->id;
		cells[k * 6 + 1] = item_level_name(si->item->level);
		cells[k * 6 + 2] = answer_status_name(si->status[VIEW_SELF]);
		cells[k * 6 + 3] = answer_status_name(si->status[VIEW_AUDIT]);
		cells[k * 6 + 4] = owned[k * 2] ? owned[k * 2] : "";
		cells[k * 6 + 5] = owned[k * 2 + 1] ? owned[k * 2 + 1] : "";
		k++;
	}
	p->context = title;
	ids = calloc(k + 1, sizeof(*ids));
	for (size_t i = 0; ids && i < k; i++)
		ids[i] = cells[i * 6];
	p->row_context = ids;
	pdf_table(p, 6, w, head, cells, k, 8);
	free(ids);
out:
	for (size_t i = 0; owned && i < k * 2; i++)
		free(owned[i]);
	free(owned);
	free(cells);
}

void rp_chapter_results(struct pdf *p, const struct report *r)
{
	pdf_heading(p, 1, "6 章別の結果");
	rp_chapters_without_items(p, r);
	for (size_t c = 0; c < r->score.ngroups[GROUP_CHAPTER]; c++) {
		const struct score_group *g =
			&r->score.groups[GROUP_CHAPTER][c];
		char title[512], a[16], b[16], line[256], name[256];
		text_chapter_name(name, sizeof(name), g->key);
		snprintf(title, sizeof(title), "6.%zu %s %s", c + 1, name,
			 report_part_title(r, g->key));
		pdf_heading(p, 2, title);
		text_rate(a, sizeof(a), score_rate(g, VIEW_SELF));
		text_rate(b, sizeof(b), score_rate(g, VIEW_AUDIT));
		snprintf(line, sizeof(line), "実施率：自己評価 %s、監査評価 %s",
			 a, b);
		pdf_text(p, line, BODY, 0, false);
		chapter_table(p, r, g->key, title);
	}
}

void rp_diff_part(struct pdf *p, const struct report *r)
{
	static const double w[] = {80, 80, 70, 70, 60, 123};
	static const char *const head[] = {"項目",   "前年度の項目", "今年度",
					   "前年度", "比較",	     "備考"};
	size_t n = 0, k = 0;
	const char **cells;
	char(*notes)[128];

	pdf_heading(p, 1, "7 前年度比較");
	if (!r->prev_year) {
		pdf_text(p, "比較できる前年度の回答がない。", BODY, 0, false);
		return;
	}
	pdf_text(p,
		 "全体の実施率の比較は 2 に示した。ここでは節と項目ごとの変化"
		 "を示す（自己評価による）。",
		 BODY, 0, false);
	pdf_heading(p, 2, "7.1 最も改善した節と悪化した節");
	rp_caption(p, "最も改善した節");
	rp_sections_table(p, r, r->diff.improved, r->diff.nimproved);
	pdf_space(p, 4);
	rp_caption(p, "最も悪化した節");
	rp_sections_table(p, r, r->diff.declined, r->diff.ndeclined);
	pdf_heading(p, 2, "7.2 変化のあった項目");
	for (size_t i = 0; i < r->diff.nitems; i++)
		n += r->diff.items[i].cls != DIFF_KEPT ||
		     r->diff.items[i].moved || r->diff.items[i].reworded;
	cells = calloc(n * 6 + 1, sizeof(*cells));
	notes = calloc(n + 1, sizeof(*notes));
	if (!cells || !notes)
		goto out;
	for (size_t i = 0; i < r->diff.nitems; i++) {
		const struct diff_item *d = &r->diff.items[i];
		if (!(d->cls != DIFF_KEPT || d->moved || d->reworded))
			continue;
		snprintf(notes[k], sizeof(notes[k]), "%s%s%s",
			 d->moved ? "移動 " : "",
			 d->reworded ? "文言変更 " : "", "");
		for (size_t f = 0; d->now && f < r->nfailed; f++)
			if (strcmp(r->failed[f].item_id, d->now->item->id) == 0)
				snprintf(notes[k], sizeof(notes[k]),
					 "計画 %s の効果が見られない",
					 r->failed[f].plan->id);
		cells[k * 6] = d->now ? d->now->item->id : "";
		cells[k * 6 + 1] = d->before ? d->before->item->id : "";
		cells[k * 6 + 2] =
			d->now ? answer_status_name(d->now->status[VIEW_SELF])
			       : "";
		cells[k * 6 + 3] =
			d->before ? answer_status_name(
					    d->before->status[VIEW_SELF])
				  : "";
		cells[k * 6 + 4] = diff_class_name(d->cls);
		cells[k * 6 + 5] = notes[k];
		k++;
	}
	pdf_table(p, 6, w, head, cells, k, 8.5);
out:
	free(cells);
	free(notes);
}

void rp_plans_part(struct pdf *p, const struct report *r)
{
	static const double w[] = {90, 50, 40, 90, 213};
	static const char *const head[] = {"基準日", "状態", "進捗", "期限",
					   "理由・備考"};
	pdf_heading(p, 1, "8 改善計画の進捗");
	rp_plans_summary(p, r);
	for (size_t i = 0; i < r->nyear_plans; i++) {
		const struct report_plan *rp = &r->year_plans[i];
		const struct plan *pl = rp->plan;
		char title[256], buf[1024], fy[32];
		size_t n = rp->nlog, k = 0;
		const char **cells;
		char(*txt)[4][256];
		snprintf(title, sizeof(title), "%s %s %d%%", pl->id,
			 plan_status_name(pl->status), pl->progress);
		pdf_heading(p, 3, title);
		text_wareki_fiscal_year(pl->finding_year, fy, sizeof(fy));
		snprintf(buf, sizeof(buf),
			 "指摘 %s（%s）、担当 %s（%s）、期限 %s：%s",
			 pl->nitems ? pl->items[0] : "", fy, pl->department,
			 pl->role, pl->due, pl->action);
		rp_wareki_text(p, buf, 0);
		cells = calloc(n * 5 + 1, sizeof(*cells));
		txt = calloc(n + 1, sizeof(*txt));
		if (!cells || !txt) {
			free(cells);
			free(txt);
			return;
		}
		for (size_t e = 0; e < n; e++) {
			const struct plan_log_entry *l = rp->log[e];
			snprintf(txt[k][0], 256, "%d%%", l->progress);
			snprintf(txt[k][1], 256, "%s%s%s", l->reason,
				 *l->reason && *l->note ? "。" : "", l->note);
			text_wareki_date(l->as_of, txt[k][2], 256);
			text_wareki_date(l->due, txt[k][3], 256);
			cells[k * 5] = txt[k][2];
			cells[k * 5 + 1] = l->status;
			cells[k * 5 + 2] = txt[k][0];
			cells[k * 5 + 3] = txt[k][3];
			cells[k * 5 + 4] = txt[k][1];
			k++;
		}
		pdf_table(p, 5, w, head, cells, k, 8);
		free(cells);
		free(txt);
	}
}

void rp_evidence_part(struct pdf *p, const struct report *r)
{
	/* the SHA-256 under the title, on one line of its own */
	static const double w[] = {64, 377, 42};
	static const char *const head[] = {"ID", "表題 / SHA-256", "検証結果"};
	const char **cells = calloc(r->evidence.n * 3 + 1, sizeof(*cells));
	char **owned = calloc(r->evidence.n + 1, sizeof(*owned));
	pdf_heading(p, 1, "9 証跡一覧");
	if (!cells || !owned)
		goto out;
	for (size_t i = 0; i < r->evidence.n; i++) {
		const struct evidence_record *e = &r->evidence.records[i];
		struct sbuf b = {0};
		sbuf_printf(&b, "%s\n%s", e->title,
			    *e->sha256 ? e->sha256 : "-");
		owned[i] = sbuf_take(&b);
		cells[i * 3] = e->id;
		cells[i * 3 + 1] = owned[i] ? owned[i] : e->title;
		cells[i * 3 + 2] = report_check_name(r->evidence_checks[i]);
	}
	pdf_table(p, 3, w, head, cells, r->evidence.n, 9);
out:
	for (size_t i = 0; owned && i < r->evidence.n; i++)
		free(owned[i]);
	free(owned);
	free(cells);
}

void rp_appendix(struct pdf *p, const struct report *r)
{
	static const double w[] = {38, 150, 295};
	static const char *const head[] = {"種類", "ファイル", "SHA-256"};
	const char **cells = calloc(r->ninputs * 3 + 1, sizeof(*cells));
	char **owned = calloc(r->ninputs + 1, sizeof(*owned));
	char buf[256];
	pdf_heading(p, 1, "付録 入力ファイル");
	snprintf(buf, sizeof(buf), "入力ダイジェスト (SHA-256): %s",
		 r->input_digest);
	pdf_text(p, buf, 9, 0, false);
	snprintf(buf, sizeof(buf), "基準: %s (版 %s)、本文の SHA-256: %s",
		 r->cl.policy, r->cl.version,
		 r->cl.source_sha256 ? r->cl.source_sha256 : "");
	pdf_text(p, buf, 9, 0, false);
	if (!cells || !owned)
		goto out;
	for (size_t i = 0; i < r->ninputs; i++) {
		struct sbuf b = {0};
		cells[i * 3] = report_input_kind(r->inputs[i].kind);
		cells[i * 3 + 1] = r->inputs[i].path;
		cells[i * 3 + 2] = r->inputs[i].sha256;
		if (!r->inputs[i].outside)
			continue;
		/* a file imported from elsewhere: not kept with the records */
		sbuf_printf(&b, "%s\n（ワークスペース外のファイル）",
			    r->inputs[i].path);
		if ((owned[i] = sbuf_take(&b)) != NULL)
			cells[i * 3 + 1] = owned[i];
	}
	pdf_table(p, 3, w, head, cells, r->ninputs, 9);
out:
	for (size_t i = 0; owned && i < r->ninputs; i++)
		free(owned[i]);
	free(owned);
	free(cells);
}
