/* render_text.c: the report model as text, TSV and JSON. */
#include "render_text.h"

#include <stdlib.h>
#include <string.h>

#include "ini.h"
#include "render_text_internal.h"
#include "text.h"

static const char *const group_titles[GROUP_KINDS] = {
	"章 / chapter",	     "節 / section",	  "役割 / role",
	"部署 / department", "システム / system",
};
static const char *const group_names[GROUP_KINDS] = {
	"chapter", "section", "role", "department", "system",
};

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
	render_text_cell(out, label, 27, false);
	if (view != VIEW_AUDIT)
		render_text_rate_cell(out, score_rate(g, VIEW_SELF), 9);
	if (view != VIEW_SELF)
		render_text_rate_cell(out, score_rate(g, VIEW_AUDIT), 9);
	for (int i = 0; i < 5; i++)
		render_text_count_cell(out, g->counts[VIEW_SELF][order[i]],
				       widths[i] - 1);
	fputc('\n', out);
}

static void score_text(FILE *out, const struct report *r,
		       enum score_group_kind by, int view)
{
	char label[256];
	fprintf(out, "%s (%d) 実施率 / implementation rate\n", r->era, r->year);
	fprintf(out, "%s@%s, as of %s, %zu respondents\n\n", r->cl.policy,
		r->cl.version, r->as_of, r->data.nrespondents);
	render_text_cell(out, "", 27, false);
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
	render_text_tsv_field(out, kind, false);
	render_text_tsv_field(out, key, false);
	render_text_tsv_field(out, title, false);
	render_text_tsv_rate(out, score_rate(g, VIEW_SELF));
	render_text_tsv_rate(out, score_rate(g, VIEW_AUDIT));
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
	render_text_json_str(out, "group", kind, true);
	render_text_json_str(out, "key", g->key, true);
	render_text_json_rate(out, "self_rate", score_rate(g, VIEW_SELF), true);
	render_text_json_rate(out, "audit_rate", score_rate(g, VIEW_AUDIT),
			      true);
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
	render_text_json_str(out, "as_of", r->as_of, true);
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
	render_text_cell(out, label, 44, false);
	render_text_rate_cell(out, p->rate_now, 10);
	render_text_rate_cell(out, p->rate_before, 10);
	if (p->rate_now >= 0 && p->rate_before >= 0)
		snprintf(change, sizeof(change), "%+.1f", p->change * 100);
	else
		snprintf(change, sizeof(change), "-");
	render_text_cell(out, change, 8, true);
	fputc('\n', out);
}

static void diff_item_line(FILE *out, const struct report *r,
			   const struct diff_item *d)
{
	const struct failed_plan *fp;
	fprintf(out, "  ");
	render_text_cell(out, diff_class_name(d->cls), 5, false);
	render_text_cell(out, d->now ? d->now->item->id : d->before->item->id,
			 15, false);
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
	render_text_cell(out, "章 / chapter", 44, false);
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
		render_text_tsv_field(out, diff_class_name(d->cls), false);
		render_text_tsv_field(out, d->now ? d->now->item->id : "",
				      false);
		render_text_tsv_field(out, d->before ? d->before->item->id : "",
				      false);
		render_text_tsv_field(out, d->now ? status_of(d->now) : "",
				      false);
		render_text_tsv_field(
			out, d->before ? status_of(d->before) : "", false);
		fprintf(out, "%s\t%s\t%.4f\t%s\t", d->reworded ? "yes" : "no",
			d->moved ? "yes" : "no", d->similarity,
			d->by_mapping ? "yes" : "no");
		render_text_tsv_field(out, fp ? fp->plan->id : "", true);
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
	render_text_cell(out, p->id, 13, false);
	render_text_cell(out, plan_status_name(p->status), 7, false);
	render_text_cell(out, prog, 5, true);
	fprintf(out, "  %s  ", p->due);
	render_text_cell(out, days, 12, false);
	render_text_last_cell(out, p->department, 28);
	fputc('\n', out);
	fprintf(out, "             ");
	for (size_t i = 0; i < p->nitems; i++)
		fprintf(out, "%s%s", i ? ", " : "", p->items[i]);
	fputs("  ", out);
	render_text_last_cell(out, p->action, 50);
	fprintf(out, "\n             (%s, %s)\n", p->as_of, p->source);
}

/* One plan as a JSON object (a line of the list). */
static void plan_json(FILE *out, const struct plan *p, const char *as_of,
		      bool comma)
{
	fputs("  {", out);
	render_text_json_str(out, "id", p->id, true);
	render_text_json_str(out, "status", plan_status_name(p->status), true);
	fprintf(out, "\"progress\": %d, ", p->progress);
	render_text_json_str(out, "due", p->due, true);
	fprintf(out, "\"days_overdue\": %ld, \"overdue\": %s, \"items\": [",
		plan_days_overdue(p, as_of),
		plan_is_overdue(p, as_of) ? "true" : "false");
	for (size_t k = 0; k < p->nitems; k++) {
		char *e = text_escape_json(p->items[k]);
		fprintf(out, "%s\"%s\"", k ? ", " : "", e ? e : "");
		free(e);
	}
	fprintf(out, "], \"finding_year\": %d, ", p->finding_year);
	render_text_json_str(out, "department", p->department, true);
	render_text_json_str(out, "role", p->role, true);
	render_text_json_str(out, "action", p->action, true);
	render_text_json_str(out, "completed_on", p->completed_on, true);
	render_text_json_str(out, "as_of", p->as_of, false);
	fprintf(out, "}%s\n", comma ? "," : "");
}

/* The plans as one JSON object: {"as_of", "open", "overdue", "plans"}. */
static void plans_json(FILE *out, const struct plan *plans, size_t n,
		       const char *as_of, bool all, bool overdue_only,
		       size_t open, size_t late)
{
	size_t last = n;
	fputc('{', out);
	render_text_json_str(out, "as_of", as_of, true);
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
		render_text_tsv_field(out, p->id, false);
		render_text_tsv_field(out, plan_status_name(p->status), false);
		fprintf(out, "%d\t%s\t%ld\t%s\t", p->progress, p->due,
			plan_days_overdue(p, as_of),
			plan_is_overdue(p, as_of) ? "yes" : "no");
		for (size_t k = 0; k < p->nitems; k++)
			fprintf(out, "%s%s", k ? "," : "", p->items[k]);
		fputc('\t', out);
		render_text_tsv_field(out, p->department, false);
		render_text_tsv_field(out, p->role, false);
		render_text_tsv_field(out, p->action, false);
		render_text_tsv_field(out, p->as_of, true);
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
	render_text_wrapped(out, "対応: ", p->action);
	for (size_t i = 0; i < p->nmilestones; i++)
		fprintf(out, "  節目: %s %s%s%s\n", p->milestones[i].due,
			p->milestones[i].title,
			*p->milestones[i].done_on ? " 済 " : "",
			p->milestones[i].done_on);
	if (*p->completed_on)
		fprintf(out, "  完了日: %s\n", p->completed_on);
	if (*p->notes)
		render_text_wrapped(out, "備考: ", p->notes);
	fprintf(out, "\n  経過 / log:\n");
	for (size_t i = 0; i < nlog; i++)
		fprintf(out, "  %s  %-4s %3d%%  期限 %s%s%s  (%s)\n",
			log[i].as_of, log[i].status, log[i].progress,
			log[i].due, *log[i].reason ? "  理由: " : "",
			log[i].reason, log[i].source);
}
