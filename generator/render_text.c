/* render_text.c: the report model as text, TSV and JSON. */
#include "render_text.h"

#include <stdlib.h>
#include <string.h>

#include "ini.h"
#include "text.h"

static const char *const group_titles[GROUP_KINDS] = {
	"章 / chapter",	     "節 / section",	  "役割 / role",
	"部署 / department", "システム / system",
};
static const char *const group_names[GROUP_KINDS] = {
	"chapter", "section", "role", "department", "system",
};

/* Prints s in a cell of width columns. */
static void cell(FILE *out, const char *s, size_t width, bool right)
{
	char *c = text_cell(s, width, right);
	fputs(c ? c : s, out);
	free(c);
}

/* Prints s cut to width columns, without padding (a line's last cell). */
static void last_cell(FILE *out, const char *s, size_t width)
{
	char *c = text_cut(s, width);
	fputs(c ? c : s, out);
	free(c);
}

static void rate_cell(FILE *out, double rate, size_t width)
{
	char buf[32];
	text_rate(buf, sizeof(buf), rate);
	cell(out, buf, width, true);
}

static void count_cell(FILE *out, size_t n, size_t width)
{
	char buf[32];
	snprintf(buf, sizeof(buf), "%zu", n);
	cell(out, buf, width, true);
}

static void tsv_field(FILE *out, const char *s, bool last)
{
	char *e = text_escape_tsv(s ? s : "");
	fputs(e ? e : "", out);
	fputc(last ? '\n' : '\t', out);
	free(e);
}

static void tsv_rate(FILE *out, double rate)
{
	if (rate >= 0)
		fprintf(out, "%.6f", rate);
	fputc('\t', out);
}

static void json_str(FILE *out, const char *key, const char *v, bool comma)
{
	char *e = text_escape_json(v ? v : "");
	fprintf(out, "\"%s\": \"%s\"%s", key, e ? e : "", comma ? ", " : "");
	free(e);
}

static void json_rate(FILE *out, const char *key, double rate, bool comma)
{
	if (rate >= 0)
		fprintf(out, "\"%s\": %.6f%s", key, rate, comma ? ", " : "");
	else
		fprintf(out, "\"%s\": null%s", key, comma ? ", " : "");
}

static size_t items_in(const struct score_group *g)
{
	size_t n = 0;
	for (int s = 0; s < STATUS_COUNT; s++)
		n += g->counts[VIEW_SELF][s];
	return n;
}

/* --- score ----------------------------------------------------------- */

static const char *group_title(const struct report *r, enum score_group_kind k,
			       const char *key)
{
	return k == GROUP_CHAPTER || k == GROUP_SECTION
		       ? report_part_title(r, key)
		       : "";
}

static void score_text_row(FILE *out, const char *label,
			   const struct score_group *g, int view)
{
	static const enum answer_status order[] = {STATUS_DONE, STATUS_PARTIAL,
						   STATUS_NOT_DONE, STATUS_NA,
						   STATUS_UNANSWERED};
	static const size_t widths[] = {6, 6, 7, 9, 7};
	cell(out, label, 27, false);
	if (view != VIEW_AUDIT)
		rate_cell(out, score_rate(g, VIEW_SELF), 9);
	if (view != VIEW_SELF)
		rate_cell(out, score_rate(g, VIEW_AUDIT), 9);
	for (int i = 0; i < 5; i++)
		count_cell(out, g->counts[VIEW_SELF][order[i]], widths[i] - 1);
	fputc('\n', out);
}

static void score_text(FILE *out, const struct report *r,
		       enum score_group_kind by, int view)
{
	char label[256];
	fprintf(out, "%s (%d) 実施率 / implementation rate\n", r->era, r->year);
	fprintf(out, "%s@%s, as of %s, %zu respondents\n\n", r->cl.policy,
		r->cl.version, r->as_of, r->data.nrespondents);
	cell(out, "", 27, false);
	fputs(view == VIEW_SELF	   ? " 自己評価"
	      : view == VIEW_AUDIT ? " 監査評価"
				   : " 自己評価 監査評価",
	      out);
	fputs("  実施  一部 未実施 該当なし 未回答\n", out);
	snprintf(label, sizeof(label), "全体 (%zu 項目)",
		 items_in(&r->score.overall));
	score_text_row(out, label, &r->score.overall, view);
	snprintf(label, sizeof(label), "必須のみ (%zu 項目)",
		 items_in(&r->score.required));
	score_text_row(out, label, &r->score.required, view);
	if (r->prev_year) {
		snprintf(label, sizeof(label), "前年度 %s 全体", r->prev_era);
		score_text_row(out, label, &r->prev_score.overall, view);
		snprintf(label, sizeof(label), "前年度 %s 必須のみ",
			 r->prev_era);
		score_text_row(out, label, &r->prev_score.required, view);
	}
	fprintf(out, "\n%s\n", group_titles[by]);
	for (size_t i = 0; i < r->score.ngroups[by]; i++) {
		const struct score_group *g = &r->score.groups[by][i];
		const char *t = group_title(r, by, g->key);
		snprintf(label, sizeof(label), "%s%s%s", g->key, *t ? " " : "",
			 t);
		score_text_row(out, label, g, view);
	}
	if (by == GROUP_DEPARTMENT && r->score.ngroups[GROUP_SYSTEM]) {
		fprintf(out, "\n%s\n", group_titles[GROUP_SYSTEM]);
		for (size_t i = 0; i < r->score.ngroups[GROUP_SYSTEM]; i++)
			score_text_row(out,
				       r->score.groups[GROUP_SYSTEM][i].key,
				       &r->score.groups[GROUP_SYSTEM][i], view);
	}
}

static void score_tsv_row(FILE *out, const char *kind, const char *key,
			  const char *title, const struct score_group *g)
{
	tsv_field(out, kind, false);
	tsv_field(out, key, false);
	tsv_field(out, title, false);
	tsv_rate(out, score_rate(g, VIEW_SELF));
	tsv_rate(out, score_rate(g, VIEW_AUDIT));
	for (int v = 0; v < VIEW_COUNT; v++)
		for (int s = 0; s < STATUS_COUNT; s++)
			fprintf(out, "%zu\t", g->counts[v][s]);
	fprintf(out, "%.6f\n", g->weight[VIEW_SELF]);
}

static void score_tsv(FILE *out, const struct report *r,
		      enum score_group_kind by)
{
	fputs("group\tkey\ttitle\tself_rate\taudit_rate", out);
	for (int v = 0; v < VIEW_COUNT; v++)
		for (int s = 0; s < STATUS_COUNT; s++)
			fprintf(out, "\t%s_%s", v ? "audit" : "self",
				answer_status_name((enum answer_status)s));
	fputs("\tweight\n", out);
	score_tsv_row(out, "overall", "全体", "", &r->score.overall);
	score_tsv_row(out, "required", "必須", "", &r->score.required);
	for (size_t i = 0; i < r->score.ngroups[by]; i++)
		score_tsv_row(out, group_names[by], r->score.groups[by][i].key,
			      group_title(r, by, r->score.groups[by][i].key),
			      &r->score.groups[by][i]);
}

static void score_json_group(FILE *out, const char *kind,
			     const struct score_group *g, bool comma)
{
	fprintf(out, "{");
	json_str(out, "group", kind, true);
	json_str(out, "key", g->key, true);
	json_rate(out, "self_rate", score_rate(g, VIEW_SELF), true);
	json_rate(out, "audit_rate", score_rate(g, VIEW_AUDIT), true);
	fprintf(out, "\"counts\": {");
	for (int s = 0; s < STATUS_COUNT; s++)
		fprintf(out, "\"%s\": %zu%s",
			answer_status_name((enum answer_status)s),
			g->counts[VIEW_SELF][s],
			s + 1 < STATUS_COUNT ? ", " : "");
	fprintf(out, "}}%s\n", comma ? "," : "");
}

static void score_json(FILE *out, const struct report *r,
		       enum score_group_kind by)
{
	fprintf(out, "{\"year\": %d, ", r->year);
	json_str(out, "as_of", r->as_of, true);
	fprintf(out, "\"groups\": [\n");
	score_json_group(out, "overall", &r->score.overall, true);
	score_json_group(out, "required", &r->score.required,
			 r->score.ngroups[by] > 0);
	for (size_t i = 0; i < r->score.ngroups[by]; i++)
		score_json_group(out, group_names[by], &r->score.groups[by][i],
				 i + 1 < r->score.ngroups[by]);
	fprintf(out, "]}\n");
}

void render_text_score(FILE *out, const struct report *r,
		       enum score_group_kind by, int view, enum render_format f)
{
	if (f == RENDER_TSV)
		score_tsv(out, r, by);
	else if (f == RENDER_JSON)
		score_json(out, r, by);
	else
		score_text(out, r, by, view);
}

/* --- findings -------------------------------------------------------- */

/* Prints text indented, wrapped to 80 columns. */
static void wrapped(FILE *out, const char *label, const char *text)
{
	char **lines = text_wrap(text, 70 - (int)text_width(label));
	fprintf(out, "      %s", label);
	for (size_t i = 0; lines && lines[i]; i++) {
		if (i)
			fprintf(out, "      %*s", (int)text_width(label), "");
		fprintf(out, "%s\n", lines[i]);
	}
	if (!lines || !lines[0])
		fputc('\n', out);
	text_free_lines(lines);
}

/* The decision line of a finding. */
static const char *decided_by(const struct finding *f)
{
	return f->candidate ? "候補（未決定）" : "監査統括責任者";
}

/* One finding of grade 重大/軽微/推奨, in full. */
static void finding_text(FILE *out, const struct finding *f)
{
	const struct score_item *si = f->item;
	const struct audit_judgement *j = f->audit;
	char *clause = text_cell(si->item->text, 136, false);
	fprintf(out, "  %s  %s  自己評価 %s / 監査評価 %s\n", si->item->id,
		item_level_name(si->item->level),
		answer_status_name(si->status[VIEW_SELF]),
		answer_status_name(si->status[VIEW_AUDIT]));
	wrapped(out, "", clause ? clause : si->item->text);
	free(clause);
	wrapped(out, "対象: ", f->where);
	wrapped(out, "根拠: ", f->reason);
	fprintf(out, "      判定: %s（%s）\n", decided_by(f),
		finding_grade_name(f->grade));
	if (f->conflict)
		fprintf(out,
			"      独立性: 監査人 %s "
			"の所属部署（%s）に関する指摘\n",
			f->conflict->name, f->conflict->department);
	if (!j)
		return;
	if (*j->reason)
		wrapped(out, "判定の理由: ", j->reason);
	if (*j->finding)
		wrapped(out, "事象: ", j->finding);
	if (*j->cause)
		wrapped(out, "原因: ", j->cause);
	if (*j->impact)
		wrapped(out, "影響: ", j->impact);
	if (*j->recommendation)
		wrapped(out, "改善提言: ", j->recommendation);
	fprintf(out, "      緊急度: %s\n", j->urgency);
	if (*j->examined)
		wrapped(out, "確認した証跡: ", j->examined);
	if (*j->reply)
		wrapped(out, "回答: ", j->reply);
}

/* 観察事項, one line each: item, where, the evidence problem. */
static void observation_text(FILE *out, const struct finding *f)
{
	struct sbuf b = {0};
	sbuf_printf(&b, "%s%s%s%s", f->problem ? f->problem : "",
		    f->evidence && *f->evidence ? "（" : "",
		    f->evidence ? f->evidence : "",
		    f->evidence && *f->evidence ? "）" : "");
	fprintf(out, "  %s  %s%s\n", f->item->item->id,
		f->candidate ? "" : "判定済  ",
		f->audit && *f->audit->finding ? f->audit->finding : "");
	wrapped(out, "対象: ", f->where);
	wrapped(out, "証跡: ", b.s ? b.s : "");
	sbuf_release(&b);
}

static void dismissed_text(FILE *out, const struct report *r)
{
	const struct findings *fs = &r->findings;
	if (!fs->ndismissed)
		return;
	fprintf(out, "\n棄却・適合とした候補 / candidates decided away: %zu\n",
		fs->ndismissed);
	for (size_t i = 0; i < fs->ndismissed; i++) {
		const struct dismissal *x = &fs->dismissed[i];
		fprintf(out, "  %s  %s → %s\n", x->item->item->id,
			finding_grade_name(x->default_grade),
			audit_judgement_name(x->audit));
		if (*x->audit->reason)
			wrapped(out, "理由: ", x->audit->reason);
	}
}

static void followup_text(FILE *out, const struct report *r)
{
	if (!r->prev_year)
		return;
	fprintf(out, "\n前年度（%s）の指摘事項の対応状況 / follow-up: %zu\n",
		r->prev_era, r->nfollowups);
	for (int s = 0; s < FOLLOWUP_STATES; s++)
		fprintf(out, "%s%s %zu", s ? ", " : "  ",
			followup_state_name((enum followup_state)s),
			r->by_followup[s]);
	fputc('\n', out);
	for (size_t i = 0; i < r->nfollowups; i++) {
		const struct followup *u = &r->followups[i];
		fprintf(out, "  %s  %s → %s", u->before->item->item->id,
			finding_grade_name(u->before->grade),
			followup_state_name(u->state));
		if (u->finding)
			fprintf(out, "（今年度 %s）",
				finding_grade_name(u->finding->grade));
		if (u->plan)
			fprintf(out, "  計画 %s %s %d%%", u->plan->id,
				plan_status_name(u->plan->status),
				u->plan->progress);
		fputc('\n', out);
	}
}

static void findings_text(FILE *out, const struct report *r)
{
	const struct findings *fs = &r->findings;
	int last = -1;
	fprintf(out, "%s (%d) 指摘事項 / findings: %zu\n", r->era, r->year,
		fs->n);
	for (int g = 0; g < GRADE_CONFORM; g++)
		fprintf(out, "%s%s %zu", g ? ", " : "  ",
			finding_grade_name((enum finding_grade)g),
			fs->by_grade[g]);
	fputc('\n', out);
	if (findings_is_draft(fs))
		fprintf(out,
			"案: 重大な不適合 %zu 件・軽微な不適合 %zu 件の候補が"
			"未決定 (kansa findings --candidates)\n",
			fs->undecided[GRADE_MAJOR], fs->undecided[GRADE_MINOR]);
	for (size_t i = 0; i < fs->n; i++) {
		const struct finding *f = &fs->v[i];
		if ((int)f->grade != last) {
			fprintf(out, "\n%s\n", finding_grade_name(f->grade));
			last = (int)f->grade;
		}
		if (f->grade == GRADE_OBSERVATION)
			observation_text(out, f);
		else
			finding_text(out, f);
	}
	dismissed_text(out, r);
	followup_text(out, r);
}

static void findings_tsv(FILE *out, const struct report *r)
{
	fputs("grade\tid\tlevel\tself\taudit\tjudged\twhere\treason\t"
	      "finding\tcause\trecommendation\turgency\n",
	      out);
	for (size_t i = 0; i < r->findings.n; i++) {
		const struct finding *f = &r->findings.v[i];
		tsv_field(out, finding_grade_name(f->grade), false);
		tsv_field(out, f->item->item->id, false);
		tsv_field(out, item_level_name(f->item->item->level), false);
		tsv_field(out, answer_status_name(f->item->status[VIEW_SELF]),
			  false);
		tsv_field(out, answer_status_name(f->item->status[VIEW_AUDIT]),
			  false);
		tsv_field(out, f->candidate ? "candidate" : "yes", false);
		tsv_field(out, f->where, false);
		tsv_field(out, f->reason, false);
		tsv_field(out, f->audit ? f->audit->finding : "", false);
		tsv_field(out, f->audit ? f->audit->cause : "", false);
		tsv_field(out, f->audit ? f->audit->recommendation : "", false);
		tsv_field(out, f->audit ? f->audit->urgency : "", true);
	}
}

static void findings_json(FILE *out, const struct report *r)
{
	fprintf(out, "{\"year\": %d, \"findings\": [\n", r->year);
	for (size_t i = 0; i < r->findings.n; i++) {
		const struct finding *f = &r->findings.v[i];
		fprintf(out, "  {");
		json_str(out, "grade", finding_grade_name(f->grade), true);
		json_str(out, "id", f->item->item->id, true);
		json_str(out, "self",
			 answer_status_name(f->item->status[VIEW_SELF]), true);
		json_str(out, "audit",
			 answer_status_name(f->item->status[VIEW_AUDIT]), true);
		fprintf(out, "\"judged\": %s, ", f->judged ? "true" : "false");
		fprintf(out, "\"candidate\": %s, ",
			f->candidate ? "true" : "false");
		json_str(out, "where", f->where, true);
		json_str(out, "reason", f->reason, false);
		fprintf(out, "}%s\n", i + 1 < r->findings.n ? "," : "");
	}
	fprintf(out, "]}\n");
}

void render_text_findings(FILE *out, const struct report *r,
			  enum render_format f)
{
	if (f == RENDER_TSV)
		findings_tsv(out, r);
	else if (f == RENDER_JSON)
		findings_json(out, r);
	else
		findings_text(out, r);
}

/* --- diff ------------------------------------------------------------ */

static const char *status_of(const struct score_item *si)
{
	return si ? answer_status_name(si->status[VIEW_SELF]) : "-";
}

static const struct failed_plan *failed_of(const struct report *r,
					   const char *item_id)
{
	for (size_t i = 0; i < r->nfailed; i++)
		if (strcmp(r->failed[i].item_id, item_id) == 0)
			return &r->failed[i];
	return NULL;
}

static void diff_part_row(FILE *out, const struct report *r,
			  const struct diff_part *p)
{
	char label[256], change[32];
	const char *t = report_part_title(r, p->key);
	snprintf(label, sizeof(label), "%s %s", p->key, t);
	cell(out, label, 44, false);
	rate_cell(out, p->rate_now, 10);
	rate_cell(out, p->rate_before, 10);
	if (p->rate_now >= 0 && p->rate_before >= 0)
		snprintf(change, sizeof(change), "%+.1f", p->change * 100);
	else
		snprintf(change, sizeof(change), "-");
	cell(out, change, 8, true);
	fputc('\n', out);
}

static void diff_item_line(FILE *out, const struct report *r,
			   const struct diff_item *d)
{
	const struct failed_plan *fp;
	fprintf(out, "  ");
	cell(out, diff_class_name(d->cls), 5, false);
	cell(out, d->now ? d->now->item->id : d->before->item->id, 15, false);
	fprintf(out, "%s → %s", status_of(d->before), status_of(d->now));
	if (d->moved)
		fprintf(out, "  (%s から移動, 類似度 %.2f%s)",
			d->before->item->id, d->similarity,
			d->by_mapping ? ", mapping" : "");
	if (d->reworded)
		fprintf(out, "  文言変更 (類似度 %.2f)", d->similarity);
	fputc('\n', out);
	if (d->now && d->cls == DIFF_PERSISTENT &&
	    (fp = failed_of(r, d->now->item->id)) != NULL)
		fprintf(out,
			"         計画 %s (期限 %s, %s %d%%) の効果が"
			"見られない\n",
			fp->plan->id, fp->plan->due,
			plan_status_name(fp->plan->status), fp->plan->progress);
}

static void diff_text(FILE *out, const struct report *r, bool all)
{
	const struct diff_result *d = &r->diff;
	fprintf(out, "%s (%d) と %s (%d) の比較 / year over year\n", r->era,
		r->year, r->prev_era, r->prev_year);
	fprintf(out, "  ");
	for (int c = 0; c < DIFF_CLASSES; c++)
		fprintf(out, "%s %zu, ", diff_class_name((enum diff_class)c),
			d->by_class[c]);
	fprintf(out, "文言変更 %zu, 移動 %zu\n", d->reworded, d->moved);
	fprintf(out, "  実施率 (自己評価): %.1f %% (前年度 %.1f %%)\n\n",
		score_rate(&r->score.overall, VIEW_SELF) * 100,
		score_rate(&r->prev_score.overall, VIEW_SELF) * 100);
	cell(out, "章 / chapter", 44, false);
	fputs("    今年度    前年度      差\n", out);
	for (size_t i = 0; i < d->nchapters; i++)
		diff_part_row(out, r, &d->chapters[i]);
	fputs("\n改善した節 / most improved sections\n", out);
	for (size_t i = 0; i < d->nimproved; i++)
		diff_part_row(out, r, d->improved[i]);
	fputs("\n悪化した節 / most declined sections\n", out);
	for (size_t i = 0; i < d->ndeclined; i++)
		diff_part_row(out, r, d->declined[i]);
	fputs("\n項目 / items\n", out);
	for (size_t i = 0; i < d->nitems; i++) {
		const struct diff_item *it = &d->items[i];
		if (all || it->cls != DIFF_KEPT || it->moved || it->reworded)
			diff_item_line(out, r, it);
	}
}

static void diff_tsv(FILE *out, const struct report *r)
{
	fputs("class\tid\tbefore_id\tstatus\tbefore_status\treworded\tmoved\t"
	      "similarity\tby_mapping\tfailed_plan\n",
	      out);
	for (size_t i = 0; i < r->diff.nitems; i++) {
		const struct diff_item *d = &r->diff.items[i];
		const struct failed_plan *fp =
			d->now ? failed_of(r, d->now->item->id) : NULL;
		tsv_field(out, diff_class_name(d->cls), false);
		tsv_field(out, d->now ? d->now->item->id : "", false);
		tsv_field(out, d->before ? d->before->item->id : "", false);
		tsv_field(out, d->now ? status_of(d->now) : "", false);
		tsv_field(out, d->before ? status_of(d->before) : "", false);
		fprintf(out, "%s\t%s\t%.4f\t%s\t", d->reworded ? "yes" : "no",
			d->moved ? "yes" : "no", d->similarity,
			d->by_mapping ? "yes" : "no");
		tsv_field(out, fp ? fp->plan->id : "", true);
	}
}

void render_text_diff(FILE *out, const struct report *r, bool all,
		      enum render_format f)
{
	if (f == RENDER_TEXT)
		diff_text(out, r, all);
	else
		diff_tsv(out, r); /* JSON of the diff: not yet; TSV for both */
}

/* --- plans ----------------------------------------------------------- */

static void plan_line(FILE *out, const struct plan *p, const char *as_of)
{
	char days[32], prog[16];
	long late = plan_days_overdue(p, as_of);
	if (!plan_is_open(p))
		snprintf(days, sizeof(days), "%s", p->completed_on);
	else if (late > 0)
		snprintf(days, sizeof(days), "%ld日超過", late);
	else
		snprintf(days, sizeof(days), "残り%ld日", -late);
	snprintf(prog, sizeof(prog), "%d%%", p->progress);
	cell(out, p->id, 13, false);
	cell(out, plan_status_name(p->status), 7, false);
	cell(out, prog, 5, true);
	fprintf(out, "  %s  ", p->due);
	cell(out, days, 12, false);
	last_cell(out, p->department, 28);
	fputc('\n', out);
	fprintf(out, "             ");
	for (size_t i = 0; i < p->nitems; i++)
		fprintf(out, "%s%s", i ? ", " : "", p->items[i]);
	fputs("  ", out);
	last_cell(out, p->action, 50);
	fprintf(out, "\n             (%s, %s)\n", p->as_of, p->source);
}

/* One plan as a JSON object (a line of the list). */
static void plan_json(FILE *out, const struct plan *p, const char *as_of,
		      bool comma)
{
	fputs("  {", out);
	json_str(out, "id", p->id, true);
	json_str(out, "status", plan_status_name(p->status), true);
	fprintf(out, "\"progress\": %d, ", p->progress);
	json_str(out, "due", p->due, true);
	fprintf(out, "\"days_overdue\": %ld, \"overdue\": %s, \"items\": [",
		plan_days_overdue(p, as_of),
		plan_is_overdue(p, as_of) ? "true" : "false");
	for (size_t k = 0; k < p->nitems; k++) {
		char *e = text_escape_json(p->items[k]);
		fprintf(out, "%s\"%s\"", k ? ", " : "", e ? e : "");
		free(e);
	}
	fprintf(out, "], \"finding_year\": %d, ", p->finding_year);
	json_str(out, "department", p->department, true);
	json_str(out, "role", p->role, true);
	json_str(out, "action", p->action, true);
	json_str(out, "completed_on", p->completed_on, true);
	json_str(out, "as_of", p->as_of, false);
	fprintf(out, "}%s\n", comma ? "," : "");
}

/* The plans as one JSON object: {"as_of", "open", "overdue", "plans"}. */
static void plans_json(FILE *out, const struct plan *plans, size_t n,
		       const char *as_of, bool all, bool overdue_only,
		       size_t open, size_t late)
{
	size_t last = n;
	fputc('{', out);
	json_str(out, "as_of", as_of, true);
	fprintf(out, "\"open\": %zu, \"overdue\": %zu, \"plans\": [\n", open,
		late);
	for (size_t i = 0; i < n; i++)
		if (!((overdue_only && !plan_is_overdue(&plans[i], as_of)) ||
		      (!all && plans[i].status == PLAN_CONFIRMED)))
			last = i;
	for (size_t i = 0; last < n && i <= last; i++)
		if (!((overdue_only && !plan_is_overdue(&plans[i], as_of)) ||
		      (!all && plans[i].status == PLAN_CONFIRMED)))
			plan_json(out, &plans[i], as_of, i < last);
	fputs("]}\n", out);
}

void render_text_plans(FILE *out, const struct plan *plans, size_t n,
		       const char *as_of, bool all, bool overdue_only,
		       enum render_format f)
{
	size_t shown = 0, open = 0, late = 0;
	for (size_t i = 0; i < n; i++) {
		open += plan_is_open(&plans[i]);
		late += plan_is_overdue(&plans[i], as_of);
	}
	if (f == RENDER_JSON) {
		plans_json(out, plans, n, as_of, all, overdue_only, open, late);
		return;
	}
	if (f == RENDER_TSV)
		fputs("id\tstatus\tprogress\tdue\tdays_overdue\toverdue\t"
		      "items\tdepartment\trole\taction\tas_of\n",
		      out);
	else
		fprintf(out,
			"改善計画 / improvement plans, as of %s: %zu "
			"(open %zu, overdue %zu)\n\n"
			"ID           状態     進捗  期限        "
			"残日数      担当\n",
			as_of, n, open, late);
	for (size_t i = 0; i < n; i++) {
		const struct plan *p = &plans[i];
		if ((overdue_only && !plan_is_overdue(p, as_of)) ||
		    (!all && p->status == PLAN_CONFIRMED))
			continue;
		shown++;
		if (f != RENDER_TSV) {
			plan_line(out, p, as_of);
			continue;
		}
		tsv_field(out, p->id, false);
		tsv_field(out, plan_status_name(p->status), false);
		fprintf(out, "%d\t%s\t%ld\t%s\t", p->progress, p->due,
			plan_days_overdue(p, as_of),
			plan_is_overdue(p, as_of) ? "yes" : "no");
		for (size_t k = 0; k < p->nitems; k++)
			fprintf(out, "%s%s", k ? "," : "", p->items[k]);
		fputc('\t', out);
		tsv_field(out, p->department, false);
		tsv_field(out, p->role, false);
		tsv_field(out, p->action, false);
		tsv_field(out, p->as_of, true);
	}
	if (f != RENDER_TSV && !shown)
		fprintf(out, "(none)\n");
}

void render_text_plan(FILE *out, const struct plan *p,
		      const struct plan_log_entry *log, size_t nlog,
		      const char *as_of)
{
	fprintf(out, "%s  %s %d%%  期限 %s%s\n", p->id,
		plan_status_name(p->status), p->progress, p->due,
		plan_is_overdue(p, as_of) ? " (期限超過)" : "");
	fprintf(out, "  指摘: ");
	for (size_t i = 0; i < p->nitems; i++)
		fprintf(out, "%s%s", i ? ", " : "", p->items[i]);
	fprintf(out, " (%d年度)\n  担当: %s / %s\n", p->finding_year,
		p->department, p->role);
	wrapped(out, "対応: ", p->action);
	for (size_t i = 0; i < p->nmilestones; i++)
		fprintf(out, "  節目: %s %s%s%s\n", p->milestones[i].due,
			p->milestones[i].title,
			*p->milestones[i].done_on ? " 済 " : "",
			p->milestones[i].done_on);
	if (*p->completed_on)
		fprintf(out, "  完了日: %s\n", p->completed_on);
	if (*p->notes)
		wrapped(out, "備考: ", p->notes);
	fprintf(out, "\n  経過 / log:\n");
	for (size_t i = 0; i < nlog; i++)
		fprintf(out, "  %s  %-4s %3d%%  期限 %s%s%s  (%s)\n",
			log[i].as_of, log[i].status, log[i].progress,
			log[i].due, *log[i].reason ? "  理由: " : "",
			log[i].reason, log[i].source);
}

/* --- candidates and the audit-file skeleton -------------------------- */

void render_text_candidates(FILE *out, const struct report *r,
			    enum render_format f)
{
	const struct findings *fs = &r->findings;
	size_t n = 0;
	for (int g = 0; g < GRADE_CONFORM; g++)
		n += fs->undecided[g];
	if (f == RENDER_TSV)
		fputs("grade\tid\twhere\treason\tevidence_problem\n", out);
	else
		fprintf(out,
			"%s (%d) 未決定の候補 / undecided candidates: %zu%s\n",
			r->era, r->year, n,
			findings_is_draft(fs) ? " (報告書は案)" : "");
	for (size_t i = 0; i < fs->n; i++) {
		const struct finding *x = &fs->v[i];
		if (!x->candidate)
			continue;
		if (f == RENDER_TSV) {
			tsv_field(out, finding_grade_name(x->grade), false);
			tsv_field(out, x->item->item->id, false);
			tsv_field(out, x->where, false);
			tsv_field(out, x->reason, false);
			tsv_field(out, x->problem ? x->problem : "", true);
			continue;
		}
		fprintf(out, "  %s  %s（候補）  %s\n", x->item->item->id,
			finding_grade_name(x->grade), x->reason);
		wrapped(out, "対象: ", x->where);
		if (x->problem)
			wrapped(out, "証跡: ", x->problem);
	}
}

/* The first "（" in s[0..len), or NULL. */
static const char *open_paren(const char *s, size_t len)
{
	for (size_t i = 0; i + 3 <= len; i++)
		if (strncmp(s + i, "（", 3) == 0)
			return s + i;
	return NULL;
}

/* where ("部署（システム）、…") split into departments and systems. */
static void split_where(const char *where, struct sbuf *deps,
			struct sbuf *systems)
{
	const char *p = where;
	while (*p) {
		const char *next = strstr(p, "、");
		size_t len = next ? (size_t)(next - p) : strlen(p);
		const char *paren = open_paren(p, len);
		size_t dl = paren ? (size_t)(paren - p) : len;
		char one[512];
		snprintf(one, sizeof(one), "%.*s", (int)dl, p);
		if (!deps->s || !strstr(deps->s, one))
			sbuf_printf(deps, "%s%s", deps->len ? "、" : "", one);
		if (paren) {
			size_t sl = len - dl - 3;
			if (sl >= 3 &&
			    strncmp(paren + 3 + sl - 3, "）", 3) == 0)
				sl -= 3;
			snprintf(one, sizeof(one), "%.*s", (int)sl, paren + 3);
			if (!systems->s || !strstr(systems->s, one))
				sbuf_printf(systems, "%s%s",
					    systems->len ? "、" : "", one);
		}
		p = next ? next + 3 : p + len;
	}
}

/* "key = value", or "key =" when value is empty. */
static void skeleton_key(struct sbuf *b, const char *key, const char *value)
{
	if (value && *value)
		ini_format_value(b, key, value);
	else
		sbuf_printf(b, "%s =\n", key);
}

/* One skeleton section for an undecided candidate. */
static void skeleton_section(struct sbuf *b, const struct finding *f)
{
	struct sbuf deps = {0}, systems = {0};
	char *clause = text_cell(f->item->item->text, 120, false), *e;
	bool full = f->grade != GRADE_OBSERVATION;

	split_where(f->where, &deps, &systems);
	for (e = clause ? clause + strlen(clause) : NULL;
	     e && e > clause && e[-1] == ' ';)
		*--e = '\0';
	sbuf_printf(b, "\n; %s（候補）: %s\n; 条文: %s\n",
		    finding_grade_name(f->grade), f->reason,
		    clause ? clause : "");
	if (f->problem)
		sbuf_printf(b, "; 証跡の問題: %s%s%s\n", f->problem,
			    f->evidence && *f->evidence ? " " : "",
			    f->evidence ? f->evidence : "");
	sbuf_printf(b, "[%s]\n", f->item->item->id);
	skeleton_key(b, "judgement", finding_grade_name(f->grade));
	skeleton_key(b, "reason", "");
	skeleton_key(b, "finding", "");
	if (full) {
		skeleton_key(b, "cause", "");
		skeleton_key(b, "impact", "");
		skeleton_key(b, "recommendation", "");
	}
	skeleton_key(b, "departments", deps.s ? deps.s : "");
	skeleton_key(b, "system", systems.s ? systems.s : "");
	if (full) {
		skeleton_key(b, "urgency", "通常");
		skeleton_key(b, "reply", "");
	}
	skeleton_key(b, "examined",
		     f->evidence && *f->evidence ? f->evidence : "");
	skeleton_key(b, "audited_by", "");
	skeleton_key(b, "examined_on", "");
	free(clause);
	sbuf_release(&deps);
	sbuf_release(&systems);
}

char *render_text_skeleton(const struct report *r)
{
	struct sbuf b = {0};
	size_t n = 0;
	sbuf_printf(
		&b,
		"; 監査ファイルの追記案 / audit-file sections for the "
		"undecided candidates of %s (%d)\n"
		"; 各項目の judgement を確定し（区分の変更も可）、指摘としない"
		"ものは\n; judgement = 棄却 とし reason に理由を書きます。"
		"監査ファイル（kind = audit）の\n; [kansa] の後に貼り付けて "
		"kansa import で取り込みます。\n",
		r->era, r->year);
	for (size_t i = 0; i < r->findings.n; i++)
		if (r->findings.v[i].candidate) {
			skeleton_section(&b, &r->findings.v[i]);
			n++;
		}
	if (!n)
		sbuf_adds(&b, "\n; 未決定の候補はない。\n");
	if (b.oom) {
		sbuf_release(&b);
		return NULL;
	}
	return sbuf_take(&b);
}
