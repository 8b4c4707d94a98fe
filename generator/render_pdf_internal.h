/* render_pdf_internal.h: what render_pdf.c (the documents, the parts both
 * share) and render_pdf_audit.c (the audit's own parts: its frame,
 * opinion, findings, follow-up, the CISO's decisions) share.
 * Everything here reads only the report model.
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
