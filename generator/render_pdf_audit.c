/* render_pdf_audit.c: the audit's own parts of the PDFs: the frame, the
 * opinion, the grade definitions, the findings with their replies, the
 * follow-up of last year's findings and the CISO's decisions. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_pdf_internal.h"
#include "text.h"

/* Strings made for one table, freed together. */
struct strs {
	char **v;
	size_t n, cap;
};

/* Keeps s (malloc'd) until strs_free; returns it, or "" when NULL. */
static const char *keep(struct strs *k, char *s)
{
	if (!s)
		return "";
	if (k->n == k->cap) {
		size_t cap = k->cap ? k->cap * 2 : 32;
		char **v = realloc(k->v, cap * sizeof(*v));
		if (!v) {
			free(s);
			return "";
		}
		k->v = v;
		k->cap = cap;
	}
	return k->v[k->n++] = s;
}

static const char *keepf(struct strs *k, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static const char *keepf(struct strs *k, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !(s = malloc((size_t)n + 1)))
		return "";
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return keep(k, s);
}

static void strs_free(struct strs *k)
{
	for (size_t i = 0; i < k->n; i++)
		free(k->v[i]);
	free(k->v);
	memset(k, 0, sizeof(*k));
}

/* A date in 和暦, kept. */
static const char *wdate(struct strs *k, const char *iso)
{
	char buf[64];
	if (!iso || !*iso)
		return "－";
	text_wareki_date(iso, buf, sizeof(buf));
	return keep(k, strdup(buf));
}

/* s with its ISO dates in 和暦, kept. */
static const char *wtext(struct strs *k, const char *s)
{
	return keep(k, text_wareki_dates(s ? s : ""));
}

const char *rp_base_date(const struct report *r)
{
	return r->has_audit && *r->audit.as_of ? r->audit.as_of : r->as_of;
}

void rp_draft_notice(struct pdf *p, const struct report *r)
{
	char buf[512];
	if (!findings_is_draft(&r->findings))
		return;
	snprintf(
		buf, sizeof(buf),
		"【案】本報告書は案である。規則により区分した指摘の候補のうち、"
		"重大な不適合 %zu 件、軽微な不適合 %zu "
		"件について監査統括責任者の判定が済んでいない。",
		r->findings.undecided[GRADE_MAJOR],
		r->findings.undecided[GRADE_MINOR]);
	pdf_text(p, buf, BODY, 0, true);
}

/* "氏名（役職、所属）" of each auditor, or the auditors line. */
static const char *auditors_cell(struct strs *k, const struct report *r)
{
	struct sbuf b = {0};
	if (!r->has_audit)
		return "－";
	if (!r->audit.nmembers)
		return *r->audit.auditors ? r->audit.auditors
					  : r->audit.auditor;
	for (size_t i = 0; i < r->audit.nmembers; i++) {
		const struct audit_member *m = &r->audit.members[i];
		sbuf_printf(&b, "%s%s", i ? "、" : "", m->name);
		if (*m->post || *m->department)
			sbuf_printf(&b, "（%s%s%s）", m->post,
				    *m->post && *m->department ? "、" : "",
				    m->department);
	}
	return keep(k, sbuf_take(&b));
}

/* The independence line: whose own department which findings concern. */
static const char *independence_cell(struct strs *k, const struct report *r)
{
	struct sbuf b = {0};
	size_t n = 0;
	if (!r->has_audit || !r->audit.nmembers)
		return "監査人の所属が監査ファイルに記載されていないため、"
		       "確認していない。";
	for (size_t i = 0; i < r->findings.n; i++)
		n += r->findings.v[i].conflict != NULL;
	if (!n)
		return "いずれの指摘事項も、監査人の所属部署に関するものでは"
		       "ない。監査人は被監査部門から独立している。";
	/* one sentence per auditor with their findings */
	for (size_t m = 0; m < r->audit.nmembers; m++) {
		const struct audit_member *a = &r->audit.members[m];
		size_t c = 0;
		for (size_t i = 0; i < r->findings.n; i++)
			if (r->findings.v[i].conflict == a) {
				if (!c++)
					sbuf_printf(&b,
						    "%s%s の所属部署（%s）に関"
						    "する指摘：",
						    b.len ? "。" : "", a->name,
						    a->department);
				else
					sbuf_adds(&b, "、");
				sbuf_adds(&b, r->findings.v[i].item->item->id);
			}
	}
	sbuf_adds(&b, "。監査人が自らの所属部署を監査することのないよう、"
		      "これらの項目の監査担当の割当てに留意を要する。");
	return keep(k, sbuf_take(&b));
}

void rp_audit_frame(struct pdf *p, const struct report *r, const char *h)
{
	static const double w[] = {110, 373};
	static const char *const head[] = {"項目", "内容"};
	const struct audit_file *a = &r->audit;
	struct strs k = {0};
	const char *c[28];
	size_t n = 0;
	bool has = r->has_audit;

	c[n++] = "目的";
	c[n++] = "対策基準の遵守状況を確認し、情報資産の情報セキュリティ"
		 "対策の改善を図るため。";
	c[n++] = "監査の種類";
	c[n++] = has && *a->audit_kind ? a->audit_kind : "内部監査";
	c[n++] = "監査の基準";
	c[n++] = has && *a->criteria ? a->criteria
				     : keepf(&k, "%s（版 %s）", r->cl.policy,
					     r->cl.version);
	c[n++] = "対象年度";
	c[n++] = r->era;
	c[n++] = "基準日";
	c[n++] = wdate(&k, rp_base_date(r));
	if (has && *a->scope) { /* its own row, never as the departments */
		c[n++] = "監査の範囲";
		c[n++] = a->scope;
	}
	c[n++] = "対象部署";
	c[n++] = has && *a->departments ? a->departments
					: "対策基準の適用を受ける全部署";
	c[n++] = "対象システム";
	c[n++] = has && *a->systems ? a->systems : "－";
	c[n++] = "対象外とした範囲";
	c[n++] = has && *a->exclusions ? a->exclusions : "なし";
	c[n++] = "監査期間";
	c[n++] = has && *a->period ? wtext(&k, a->period) : "－";
	c[n++] = "監査の方法";
	c[n++] = has && *a->method ? a->method
				   : "自己点検結果の閲覧、関係者へのヒアリング";
	c[n++] = "監査人";
	c[n++] = auditors_cell(&k, r);
	c[n++] = "独立性";
	c[n++] = independence_cell(&k, r);
	pdf_heading(p, 1, h);
	pdf_table(p, 2, w, head, c, n / 2, TABLE);
	strs_free(&k);
}

void rp_opinion(struct pdf *p, const struct report *r)
{
	if (r->has_audit && *r->audit.opinion)
		rp_wareki_text(p, r->audit.opinion, 0);
	else
		pdf_text(p, "総合意見は、監査ファイルに記載されていない。",
			 BODY, 0, false);
	if (findings_is_draft(&r->findings))
		rp_draft_notice(p, r);
	else if (r->has_audit)
		pdf_text(p,
			 "規則により区分した指摘の候補は、すべて監査統括責任者"
			 "が判定した（確定）。",
			 BODY, 0, false);
}

void rp_grade_definitions(struct pdf *p, const char *h)
{
	static const double w[] = {90, 393};
	static const char *const head[] = {"区分", "定義"};
	static const char *const cells[] = {
		"重大な不適合",
		"対策基準の必須の事項が実施されておらず、情報資産の機密性・完"
		"全性・可用性に重大な影響を及ぼすおそれがあるもの。速やかな"
		"改善を要する。",
		"軽微な不適合",
		"対策基準の必須の事項の実施が一部にとどまる、又は手順・記録に"
		"不備があるもの。計画的な改善を要する。",
		"推奨事項",
		"対策基準の推奨の事項が実施されていないもの、又はより望ましい"
		"状態への改善を提言するもの。",
		"観察事項",
		"実施と回答されたが有効な証跡（なし・期限切れ・変更・所在不明）"
		"を確認できないもの、又は回答がないもの。次回の点検・監査で確"
		"認する。",
		"候補（未決定）",
		"点検結果から規則により区分したが、監査統括責任者の判定が済ん"
		"でいないもの。判定が済むまで本報告書は案である。",
	};
	pdf_heading(p, 1, h);
	pdf_table(p, 2, w, head, cells, 5, TABLE);
	pdf_text(p,
		 "緊急度「緊急」は、改善の着手を次回の定期報告を待たずに求める"
		 "ものを示す。",
		 BODY, 0, false);
}

/* 被監査部門の回答: 了承, a plan ID (with its state) or a text. */
static const char *reply_cell(struct strs *k, const struct report *r,
			      const struct audit_judgement *j)
{
	size_t n;
	char id[64];
	const struct plan *pl;
	if (!j || !*j->reply)
		return "（回答なし）";
	n = strcspn(j->reply, " 　、。,（(");
	snprintf(id, sizeof(id), "%.*s", (int)(n < 63 ? n : 63), j->reply);
	if ((pl = report_plan_by_id(r, id))) {
		char due[64];
		text_wareki_date(pl->due, due, sizeof(due));
		return keepf(k,
			     "改善計画 %s により対応する（%s、期限 %s、%s "
			     "%d%%）。%s",
			     pl->id, pl->action, due,
			     plan_status_name(pl->status), pl->progress,
			     j->reply + n);
	}
	if (strcmp(j->reply, "了承") == 0)
		return "指摘を了承し、改善に取り組む。";
	return wtext(k, j->reply);
}

/* "7-1(6)ウ（7-1 節名）" */
static const char *clause_cell(struct strs *k, const struct report *r,
			       const struct item *it)
{
	const char *t = report_part_title(r, it->section);
	return keepf(k, "%s（%s %s）：%s", it->id, it->section, t, it->text);
}

/* One 重大/軽微/推奨 finding as a block. */
static void finding_block(struct pdf *p, const struct report *r,
			  const struct finding *f, const char *title)
{
	static const double w[] = {90, 393};
	static const char *const head[] = {"項目", "内容"};
	const struct audit_judgement *j = f->audit;
	struct strs k = {0};
	const char *c[32];
	size_t n = 0;

	c[n++] = "基準（条項）";
	c[n++] = clause_cell(&k, r, f->item->item);
	c[n++] = "対象部署";
	c[n++] = f->where;
	c[n++] = "判定";
	c[n++] = f->candidate ? keepf(&k, "候補（未決定）：%s", f->reason)
			      : keepf(&k, "監査統括責任者の判定%s%s%s",
				      j && *j->reason ? "（" : "",
				      j ? j->reason : "",
				      j && *j->reason ? "）" : "");
	c[n++] = "事象";
	c[n++] = j && *j->finding
			 ? wtext(&k, j->finding)
			 : keepf(&k, "自己点検の回答：%s（%s）",
				 answer_status_name(f->item->status[VIEW_SELF]),
				 f->reason);
	if (j && *j->cause) {
		c[n++] = "原因";
		c[n++] = wtext(&k, j->cause);
	}
	c[n++] = "影響・リスク";
	c[n++] = j && *j->impact ? wtext(&k, j->impact) : "（未記載）";
	c[n++] = "改善提言";
	c[n++] = j && *j->recommendation ? wtext(&k, j->recommendation)
					 : "（未記載）";
	c[n++] = "緊急度";
	c[n++] = j ? j->urgency : "通常";
	if (j && (*j->examined || *j->audited_by || *j->examined_on)) {
		c[n++] = "確認した証跡";
		c[n++] = keepf(
			&k, "%s%s%s%s%s", *j->examined ? j->examined : "－",
			*j->audited_by ? "（監査担当 " : "", j->audited_by,
			*j->examined_on ? "、" : "",
			*j->examined_on ? wdate(&k, j->examined_on) : "");
		if (*j->audited_by)
			c[n - 1] = keepf(&k, "%s）", c[n - 1]);
	}
	c[n++] = "被監査部門の回答";
	c[n++] = reply_cell(&k, r, j);
	if (f->conflict) {
		c[n++] = "独立性";
		c[n++] = keepf(&k, "監査人 %s の所属部署（%s）に関する指摘",
			       f->conflict->name, f->conflict->department);
	}
	pdf_need(p, 40 + 14.0 * (double)n);
	pdf_heading(p, 3, title);
	p->context = f->item->item->id;
	pdf_table(p, 2, w, head, c, n / 2, TABLE);
	strs_free(&k);
}

/* 観察事項 in one table: item, department, evidence problem, IDs. */
static void observations_table(struct pdf *p, const struct report *r)
{
	static const double w[] = {70, 150, 83, 110, 70};
	static const char *const head[] = {"項目", "対象部署", "証跡の問題",
					   "証跡ID", "判定"};
	size_t rows = r->findings.by_grade[GRADE_OBSERVATION], k2 = 0;
	const char **c = calloc(rows * 5 + 1, sizeof(*c));
	const char **ids = calloc(rows + 1, sizeof(*ids));
	if (!c || !ids)
		goto out;
	for (size_t i = 0; i < r->findings.n; i++) {
		const struct finding *f = &r->findings.v[i];
		if (f->grade != GRADE_OBSERVATION)
			continue;
		ids[k2] = f->item->item->id;
		c[k2 * 5] = f->item->item->id;
		c[k2 * 5 + 1] = f->where;
		c[k2 * 5 + 2] = f->problem ? f->problem : "";
		c[k2 * 5 + 3] =
			f->evidence && *f->evidence ? f->evidence : "－";
		c[k2 * 5 + 4] = f->candidate ? "候補" : "確定";
		k2++;
	}
	p->row_context = ids;
	pdf_table(p, 5, w, head, c, k2, TABLE);
	p->row_context = NULL;
out:
	free(c);
	free(ids);
}

/* The candidates the chief dismissed or judged 適合, with the reason. */
static void dismissed_table(struct pdf *p, const struct report *r)
{
	static const double w[] = {70, 80, 50, 283};
	static const char *const head[] = {"項目", "規則による区分", "判定",
					   "理由"};
	const struct findings *fs = &r->findings;
	const char **c = calloc(fs->ndismissed * 4 + 1, sizeof(*c));
	if (!c)
		return;
	for (size_t i = 0; i < fs->ndismissed; i++) {
		const struct dismissal *x = &fs->dismissed[i];
		c[i * 4] = x->item->item->id;
		c[i * 4 + 1] = finding_grade_name(x->default_grade);
		c[i * 4 + 2] = audit_judgement_name(x->audit);
		c[i * 4 + 3] = *x->audit->reason    ? x->audit->reason
			       : *x->audit->finding ? x->audit->finding
						    : "－";
	}
	pdf_table(p, 4, w, head, c, fs->ndismissed, TABLE);
	free(c);
}

void rp_findings(struct pdf *p, const struct report *r, int num)
{
	char h[256];
	int sub = 0;
	snprintf(h, sizeof(h), "%d 指摘事項", num);
	pdf_heading(p, 1, h);
	rp_draft_notice(p, r);
	for (int g = GRADE_MAJOR; g < GRADE_OBSERVATION; g++) {
		size_t k = 0;
		snprintf(h, sizeof(h), "%d.%d %s（%zu 件）", num, ++sub,
			 finding_grade_name((enum finding_grade)g),
			 r->findings.by_grade[g]);
		if (r->findings.by_grade[g])
			pdf_need(p, 330); /* the heading with its first block */
		pdf_heading(p, 2, h);
		if (!r->findings.by_grade[g])
			pdf_text(p, "該当する指摘はない。", BODY, 0, false);
		for (size_t i = 0; i < r->findings.n; i++) {
			const struct finding *f = &r->findings.v[i];
			if (f->grade != (enum finding_grade)g)
				continue;
			snprintf(h, sizeof(h), "%d.%d.%zu %s %s%s", num, sub,
				 ++k, f->item->item->id,
				 finding_grade_name(f->grade),
				 f->candidate ? "（候補）" : "");
			finding_block(p, r, f, h);
		}
	}
	snprintf(h, sizeof(h), "%d.%d 観察事項（%zu 件）", num, ++sub,
		 r->findings.by_grade[GRADE_OBSERVATION]);
	pdf_heading(p, 2, h);
	if (r->findings.by_grade[GRADE_OBSERVATION]) {
		pdf_text(
			p,
			"実施と回答されたが有効な証跡を確認できない項目、"
			"又は回答のない項目である。証跡の問題は、なし（証跡の"
			"記載がない）、期限切れ、変更（登録後にファイルが変わっ"
			"た）、所在不明（ファイルがない）、未回答を示す。",
			BODY, 0, false);
		observations_table(p, r);
	} else {
		pdf_text(p, "該当する項目はない。", BODY, 0, false);
	}
	snprintf(h, sizeof(h), "%d.%d 指摘としなかった候補（%zu 件）", num,
		 ++sub, r->findings.ndismissed);
	pdf_heading(p, 2, h);
	if (r->findings.ndismissed)
		dismissed_table(p, r);
	else
		pdf_text(p, "該当する候補はない。", BODY, 0, false);
}

void rp_followup(struct pdf *p, const struct report *r, const char *h)
{
	static const double w[] = {66, 72, 50, 72, 223};
	static const char *const head[] = {"項目", "前年度の区分", "対応状況",
					   "今年度", "改善計画・進捗"};
	struct strs k = {0};
	const char **c;
	char buf[512];

	pdf_heading(p, 1, h);
	if (!r->prev_year) {
		pdf_text(p, "前年度の監査結果がない。", BODY, 0, false);
		return;
	}
	snprintf(buf, sizeof(buf),
		 "%sの指摘事項（重大な不適合、軽微な不適合及び推奨事項）%zu "
		 "件について、今年度の点検結果、判定及び改善計画から対応状況を"
		 "確認した。改善済 %zu 件、改善中 %zu 件、未着手 %zu 件、再発 "
		 "%zu 件である。",
		 r->prev_era, r->nfollowups, r->by_followup[FOLLOWUP_DONE],
		 r->by_followup[FOLLOWUP_PROGRESS],
		 r->by_followup[FOLLOWUP_NOT_BEGUN],
		 r->by_followup[FOLLOWUP_RECURRED]);
	pdf_text(p, buf, BODY, 0, false);
	if (!r->nfollowups || !(c = calloc(r->nfollowups * 5 + 1, sizeof(*c))))
		return;
	for (size_t i = 0; i < r->nfollowups; i++) {
		const struct followup *u = &r->followups[i];
		const struct plan *pl = u->plan;
		c[i * 5] = u->before->item->item->id;
		c[i * 5 + 1] = finding_grade_name(u->before->grade);
		c[i * 5 + 2] = followup_state_name(u->state);
		c[i * 5 + 3] = u->finding
				       ? finding_grade_name(u->finding->grade)
			       : u->now ? "指摘なし"
					: "項目削除";
		c[i * 5 + 4] = pl ? keepf(&k, "%s %s %d%%（期限 %s）", pl->id,
					  plan_status_name(pl->status),
					  pl->progress, wdate(&k, pl->due))
				  : "計画なし";
	}
	pdf_table(p, 5, w, head, c, r->nfollowups, TABLE);
	free(c);
	strs_free(&k);
}

/* The decisions the CISO is asked for: plans to order, overdue plans and
 * plans that did not work. */
static void ciso_decisions(struct pdf *p, const struct report *r)
{
	struct strs k = {0};
	struct sbuf ids = {0};
	size_t n = 0, count[2] = {0, 0};
	for (size_t i = 0; i < r->findings.n; i++) {
		const struct finding *f = &r->findings.v[i];
		if (f->grade > GRADE_MINOR || r->finding_plans[i].planned)
			continue;
		sbuf_printf(&ids, "%s%s", ids.len ? "、" : "",
			    f->item->item->id);
		count[f->grade]++;
	}
	if (ids.len) {
		char grave[64] = "", minor[64] = "";
		if (count[0])
			snprintf(grave, sizeof(grave), "重大な不適合 %zu 件",
				 count[0]);
		if (count[1])
			snprintf(minor, sizeof(minor), "軽微な不適合 %zu 件",
				 count[1]);
		pdf_text(p,
			 keepf(&k,
			       "・改善計画の策定：改善計画のない%s%s%sについて"
			       "、担当部署に改善計画の策定を指示する（%s）。",
			       grave, *grave && *minor ? "、" : "", minor,
			       ids.s),
			 BODY, 8, false);
		n++;
	}
	sbuf_release(&ids);
	for (size_t i = 0; i < r->nyear_plans; i++) {
		const struct plan *pl = r->year_plans[i].plan;
		if (!r->year_plans[i].overdue)
			continue;
		pdf_text(p,
			 keepf(&k,
			       "・改善計画 %s（%s、期限 %s、%ld 日超過、%s "
			       "%d%%）"
			       "：期限の再設定又は担当・方法の見直しを指示する"
			       "。",
			       pl->id, pl->department, wdate(&k, pl->due),
			       r->year_plans[i].days_overdue,
			       plan_status_name(pl->status), pl->progress),
			 BODY, 8, false);
		n++;
	}
	for (size_t i = 0; i < r->nfailed; i++) {
		pdf_text(
			p,
			keepf(&k,
			      "・改善計画 %s は期限を過ぎたが、指摘 %s は今年度"
			      "も満たされていない：計画の見直しを指示する。",
			      r->failed[i].plan->id, r->failed[i].item_id),
			BODY, 8, false);
		n++;
	}
	if (!n)
		pdf_text(p, "判断を求める事項はない。", BODY, 8, false);
	strs_free(&k);
}

void rp_ciso_front(struct pdf *p, const struct report *r)
{
	struct strs k = {0};
	size_t n = 0;
	pdf_heading(p, 1, "1 監査の結論");
	rp_opinion(p, r);
	pdf_heading(p, 1, "2 重大な指摘事項");
	for (size_t i = 0; i < r->findings.n; i++) {
		const struct finding *f = &r->findings.v[i];
		const char *what;
		if (f->grade != GRADE_MAJOR)
			continue;
		what = f->audit && *f->audit->finding
			       ? f->audit->finding
			       : keep(&k, text_cell(f->item->item->text, 40,
						    false));
		pdf_text(p,
			 keepf(&k, "・%s%s（%s）%s%s", f->item->item->id,
			       f->candidate ? "【候補】" : "", f->where, what,
			       f->audit && !strcmp(f->audit->urgency, "緊急")
				       ? "【緊急】"
				       : ""),
			 BODY, 8, false);
		n++;
	}
	if (!n)
		pdf_text(p, "重大な不適合に当たる指摘はなかった。", BODY, 8,
			 false);
	pdf_heading(p, 1, "3 判断を求める事項");
	pdf_text(p,
		 *r->settings.order_clause
			 ? keepf(&k,
				 "%s %s に基づき、次の事項について指示をお願い"
				 "する。",
				 r->cl.policy, r->settings.order_clause)
			 : "監査の結果に基づき、次の事項について指示をお願い"
			   "する。",
		 BODY, 0, false);
	ciso_decisions(p, r);
	strs_free(&k);
}
