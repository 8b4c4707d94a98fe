/* render_pdf_internal.h: what the PDF renderer's files share.  Calls go
 * one way: render_pdf.c (the documents: CISO letter, audit report, plans
 * report, writing and passwords) calls render_pdf_audit.c (the audit's
 * own parts: its frame, opinion, findings, follow-up, the CISO's
 * decisions) and render_pdf_plans.c (the plans report's body); all three
 * call render_pdf_parts.c (the parts more than one document shows, and
 * the helpers), which calls none of them.  Everything here reads only
 * the report model.
 */
#ifndef KANSA_RENDER_PDF_INTERNAL_H
#define KANSA_RENDER_PDF_INTERNAL_H

#include "pdf_layout.h"
#include "report.h"

#define BODY  10.0 /* body text, points */
#define TABLE 9.0  /* table text, points */

/* "a、b、c ほか N" of a "、"-joined list cut at max entries; caller
 * frees. */
char *rp_cut_list(const char *list, size_t n, size_t max);
/* Body text (indented by indent) with its ISO dates in 和暦. */
void rp_wareki_text(struct pdf *p, const char *s, double indent);
/* A caption kept with the first lines of the table under it. */
void rp_caption(struct pdf *p, const char *s);

/* render_pdf_parts.c */
/* 実施率 in sentences, as a table, as a chart per chapter. */
void rp_overall_sentences(struct pdf *p, const struct report *r);
void rp_rates_table(struct pdf *p, const struct report *r);
void rp_chapter_chart(struct pdf *p, const struct report *r);
/* Findings per grade; the IDs of the items found. */
void rp_grade_table(struct pdf *p, const struct report *r);
void rp_finding_ids(struct pdf *p, const struct report *r);
/* The chapters no item of which applies. */
void rp_chapters_without_items(struct pdf *p, const struct report *r);
/* The sections that changed most (diff.improved or diff.declined). */
void rp_sections_table(struct pdf *p, const struct report *r,
		       const struct diff_part *const *v, size_t n);
/* The year's plans counted, the overdue and failed ones listed. */
void rp_plans_summary(struct pdf *p, const struct report *r);
/* A letter's first page: marking, number, date, addressee, sender,
 * title. */
void rp_letter_head(struct pdf *p, const struct report *r,
		    enum report_kind kind);
/* The full report's parts: results per chapter, the change from last
 * year, plans with their logs, evidence, the inputs. */
void rp_chapter_results(struct pdf *p, const struct report *r);
void rp_diff_part(struct pdf *p, const struct report *r);
void rp_plans_part(struct pdf *p, const struct report *r);
void rp_evidence_part(struct pdf *p, const struct report *r);
void rp_appendix(struct pdf *p, const struct report *r);

/* render_pdf_plans.c */
/* The quarterly plan-progress report's pages. */
void rp_plans_report_body(struct pdf *p, const struct report *r,
			  const struct plans_progress *pp);

/* render_pdf_audit.c */
/* The 案 notice when a 重大/軽微 candidate is undecided (nothing else). */
void rp_draft_notice(struct pdf *p, const struct report *r);
/* 監査の概要: purpose, kind, criteria, year, 基準日, departments,
 * systems, exclusions, period, method, auditors, independence. */
void rp_audit_frame(struct pdf *p, const struct report *r, const char *h);
/* 総合意見 (the audit file's opinion). */
void rp_opinion(struct pdf *p, const struct report *r);
/* 指摘事項の区分の定義. */
void rp_grade_definitions(struct pdf *p, const char *h);
/* 指摘事項: each 重大/軽微/推奨 in a block, observations grouped, the
 * candidates decided away; headings numbered under n. */
void rp_findings(struct pdf *p, const struct report *r, int n);
/* 前年度指摘事項の対応状況 (follow-up). */
void rp_followup(struct pdf *p, const struct report *r, const char *h);
/* The CISO's page 1: the verdict, grave findings, decisions asked. */
void rp_ciso_front(struct pdf *p, const struct report *r);
/* 基準日: the audit file's as_of, else the report's as-of date. */
const char *rp_base_date(const struct report *r);

#endif
