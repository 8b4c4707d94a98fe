/* render_text_findings.c: findings, candidates and the audit-file
 * skeleton as text, TSV and JSON. */
#include "render_text.h"

#include <stdlib.h>
#include <string.h>

#include "ini.h"
#include "render_text_internal.h"
#include "text.h"

/* --- findings -------------------------------------------------------- */

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
	render_text_wrapped(out, "", clause ? clause : si->item->text);
	free(clause);
	render_text_wrapped(out, "対象: ", f->where);
	render_text_wrapped(out, "根拠: ", f->reason);
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
		render_text_wrapped(out, "判定の理由: ", j->reason);
	if (*j->finding)
		render_text_wrapped(out, "事象: ", j->finding);
	if (*j->cause)
		render_text_wrapped(out, "原因: ", j->cause);
	if (*j->impact)
		render_text_wrapped(out, "影響: ", j->impact);
	if (*j->recommendation)
		render_text_wrapped(out, "改善提言: ", j->recommendation);
	fprintf(out, "      緊急度: %s\n", j->urgency);
	if (*j->examined)
		render_text_wrapped(out, "確認した証跡: ", j->examined);
	if (*j->reply)
		render_text_wrapped(out, "回答: ", j->reply);
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
	render_text_wrapped(out, "対象: ", f->where);
	render_text_wrapped(out, "証跡: ", b.s ? b.s : "");
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
			render_text_wrapped(out, "理由: ", x->audit->reason);
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
		render_text_tsv_field(out, finding_grade_name(f->grade), false);
		render_text_tsv_field(out, f->item->item->id, false);
		render_text_tsv_field(
			out, item_level_name(f->item->item->level), false);
		render_text_tsv_field(
			out, answer_status_name(f->item->status[VIEW_SELF]),
			false);
		render_text_tsv_field(
			out, answer_status_name(f->item->status[VIEW_AUDIT]),
			false);
		render_text_tsv_field(out, f->candidate ? "candidate" : "yes",
				      false);
		render_text_tsv_field(out, f->where, false);
		render_text_tsv_field(out, f->reason, false);
		render_text_tsv_field(out, f->audit ? f->audit->finding : "",
				      false);
		render_text_tsv_field(out, f->audit ? f->audit->cause : "",
				      false);
		render_text_tsv_field(
			out, f->audit ? f->audit->recommendation : "", false);
		render_text_tsv_field(out, f->audit ? f->audit->urgency : "",
				      true);
	}
}

static void findings_json(FILE *out, const struct report *r)
{
	fprintf(out, "{\"year\": %d, \"findings\": [\n", r->year);
	for (size_t i = 0; i < r->findings.n; i++) {
		const struct finding *f = &r->findings.v[i];
		fprintf(out, "  {");
		render_text_json_str(out, "grade", finding_grade_name(f->grade),
				     true);
		render_text_json_str(out, "id", f->item->item->id, true);
		render_text_json_str(
			out, "self",
			answer_status_name(f->item->status[VIEW_SELF]), true);
		render_text_json_str(
			out, "audit",
			answer_status_name(f->item->status[VIEW_AUDIT]), true);
		fprintf(out, "\"judged\": %s, ", f->judged ? "true" : "false");
		fprintf(out, "\"candidate\": %s, ",
			f->candidate ? "true" : "false");
		render_text_json_str(out, "where", f->where, true);
		render_text_json_str(out, "reason", f->reason, false);
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
			render_text_tsv_field(out, finding_grade_name(x->grade),
					      false);
			render_text_tsv_field(out, x->item->item->id, false);
			render_text_tsv_field(out, x->where, false);
			render_text_tsv_field(out, x->reason, false);
			render_text_tsv_field(out, x->problem ? x->problem : "",
					      true);
			continue;
		}
		fprintf(out, "  %s  %s（候補）  %s\n", x->item->item->id,
			finding_grade_name(x->grade), x->reason);
		render_text_wrapped(out, "対象: ", x->where);
		if (x->problem)
			render_text_wrapped(out, "証跡: ", x->problem);
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
