/* render_pdf.c: the CISO's summary (2-4 pages) and the full audit report. */
#include "render_pdf.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "fileio.h"
#include "pdf_layout.h"
#include "render_pdf_internal.h"
#include "text.h"

/* --- the CISO's summary ---------------------------------------------- */

static void ciso_body(struct pdf *p, const struct report *r)
{
	char buf[1024], base[64];
	int h = 4;

	rp_letter_head(p, r, REPORT_CISO);
	text_wareki_date(rp_base_date(r), base, sizeof(base));
	snprintf(buf, sizeof(buf),
		 "%sの情報セキュリティ監査及び自己点検の結果（基準日 %s）に"
		 "ついて、%s%s%s%s下記のとおり報告する。",
		 r->era, base, *r->settings.basis_clause ? r->cl.policy : "",
		 *r->settings.basis_clause ? " " : "", r->settings.basis_clause,
		 *r->settings.basis_clause ? " に基づき、" : "");
	pdf_text(p, buf, 10.5, 0, false);
	pdf_space(p, 8);
	pdf_line_at(p, "記", 10.5, PDF_LEFT, PDF_WIDTH, 1, false);
	p->y += 20;
	rp_ciso_front(p, r);
	pdf_page(p, true);
	snprintf(buf, sizeof(buf), "%d 全体の結果", h++);
	pdf_heading(p, 1, buf);
	rp_overall_sentences(p, r);
	pdf_space(p, 4);
	rp_rates_table(p, r);
	rp_chapter_chart(p, r);
	rp_chapters_without_items(p, r);
	snprintf(buf, sizeof(buf), "%d 指摘事項", h++);
	pdf_heading(p, 1, buf);
	rp_grade_table(p, r);
	if (r->findings.n) {
		pdf_text(p, "指摘の対象項目：", BODY, 0, true);
		rp_finding_ids(p, r);
	}
	if (r->prev_year) {
		snprintf(buf, sizeof(buf),
			 "%d 前年度指摘事項の対応状況と前年度からの変化", h++);
		pdf_heading(p, 1, buf);
		snprintf(
			buf, sizeof(buf),
			"%sの指摘事項 %zu 件のうち、改善済 %zu 件、改善中 %zu "
			"件、未着手 %zu 件、再発 %zu 件である（詳細は監査報告書"
			"を参照）。",
			r->prev_era, r->nfollowups,
			r->by_followup[FOLLOWUP_DONE],
			r->by_followup[FOLLOWUP_PROGRESS],
			r->by_followup[FOLLOWUP_NOT_BEGUN],
			r->by_followup[FOLLOWUP_RECURRED]);
		pdf_text(p, buf, BODY, 0, false);
		rp_caption(p, "最も改善した節");
		rp_sections_table(p, r, r->diff.improved, r->diff.nimproved);
		pdf_space(p, 4);
		rp_caption(p, "最も悪化した節");
		rp_sections_table(p, r, r->diff.declined, r->diff.ndeclined);
	}
	snprintf(buf, sizeof(buf), "%d 改善計画", h++);
	pdf_heading(p, 1, buf);
	rp_plans_summary(p, r);
	if (r->has_audit && *r->audit.notes) {
		snprintf(buf, sizeof(buf), "%d 特記事項", h++);
		pdf_heading(p, 1, buf);
		rp_wareki_text(p, r->audit.notes, 0);
	}
	pdf_space(p, 10);
	pdf_line_at(p, "以上", 10.5, PDF_LEFT, PDF_WIDTH, 2, false);
	p->y += 20;
	pdf_approval(p);
}

/* --- the full report --------------------------------------------------- */

static void audit_cover(struct pdf *p, const struct report *r)
{
	char buf[1024], base[64];
	rp_letter_head(p, r, REPORT_AUDIT);
	text_wareki_date(rp_base_date(r), base, sizeof(base));
	snprintf(buf, sizeof(buf),
		 "%sの情報セキュリティ監査（基準日 %s）を実施したので、%s%s%s%s"
		 "に基づき、その結果を別紙のとおり報告する。",
		 r->era, base, r->cl.policy,
		 *r->settings.basis_clause ? " " : "", r->settings.basis_clause,
		 *r->settings.basis_clause ? " " : "");
	pdf_text(p, buf, 10.5, 0, false);
	rp_draft_notice(p, r);
	p->y = p->y < 600 ? 600 : p->y;
	pdf_approval(p);
}

static void audit_body(struct pdf *p, const struct report *r)
{
	audit_cover(p, r);
	pdf_page(p, true);
	pdf_line_at(p, "目次", 14, PDF_LEFT, PDF_WIDTH, 0, true);
	p->y += 26;
	pdf_contents(p);
	pdf_page(p, true);
	rp_audit_frame(p, r, "1 監査の概要");
	pdf_heading(p, 1, "2 監査の結果（総合意見）");
	rp_opinion(p, r);
	pdf_space(p, 4);
	rp_overall_sentences(p, r);
	rp_rates_table(p, r);
	rp_chapter_chart(p, r);
	rp_grade_table(p, r);
	pdf_text(p, "改善計画：", BODY, 0, true);
	rp_plans_summary(p, r);
	if (r->has_audit && *r->audit.notes) {
		pdf_text(p, "特記事項：", BODY, 0, true);
		rp_wareki_text(p, r->audit.notes, 8);
	}
	rp_grade_definitions(p, "3 指摘事項の区分");
	rp_findings(p, r, 4);
	rp_followup(p, r, "5 前年度指摘事項の対応状況");
	rp_chapter_results(p, r);
	rp_diff_part(p, r);
	rp_plans_part(p, r);
	rp_evidence_part(p, r);
	rp_appendix(p, r);
	pdf_space(p, 10);
	pdf_line_at(p, "以上", 10.5, PDF_LEFT, PDF_WIDTH, 2, false);
	p->y += 20;
}

/* What a document is made of: its kind, body and subject. */
struct pdf_doc {
	enum report_kind kind;
	const struct plans_progress *pp; /* REPORT_PLANS only */
};

static void body_of(struct pdf *p, const struct report *r,
		    const struct pdf_doc *doc)
{
	if (doc->kind == REPORT_CISO)
		ciso_body(p, r);
	else if (doc->kind == REPORT_AUDIT)
		audit_body(p, r);
	else
		rp_plans_report_body(p, r, doc->pp);
}

static enum kansa_err write_pdf(const struct report *r,
				const struct pdf_doc *doc, const char *path,
				const struct pdf_passwords *pw, struct diags *d)
{
	static const char *const subjects[] = {
		"", "情報セキュリティ監査及び自己点検の結果",
		"情報セキュリティ監査報告書", "改善計画の進捗状況"};
	const char *const fonts[PDF_FACES] = {
		[PDF_MINCHO] = r->settings.font_body,
		[PDF_GOTHIC] = r->settings.font,
		[PDF_MONO] = r->settings.font_mono};
	struct pdf p;
	enum kansa_err err = pdf_open(&p, fonts, d);

	if (err)
		return err;
	p.marking = r->marking; /* 案 while the year is open (issue 11) */
	p.title = r->settings.title[doc->kind];
	p.number_offset = 1; /* the cover has no number */
	pdf_restart(&p, true);
	body_of(&p, r, doc);
	pdf_restart(&p, false);
	body_of(&p, r, doc);
	if (pw)
		pdf_encrypt(&p, pw->user, pw->owner);
	err = pdf_save(&p, path, r->date, r->settings.title[doc->kind],
		       r->has_audit && *r->audit.auditor ? r->audit.auditor
							 : r->settings.sender,
		       subjects[doc->kind]);
	pdf_close(&p);
	return err;
}

enum kansa_err render_pdf(const struct report *r, enum report_kind kind,
			  const char *path, const struct pdf_passwords *pw,
			  struct diags *d)
{
	struct pdf_doc doc = {.kind = kind};
	return write_pdf(r, &doc, path, pw, d);
}

enum kansa_err render_pdf_plans(const struct report *r,
				const struct plans_progress *pp,
				const char *path,
				const struct pdf_passwords *pw, struct diags *d)
{
	struct pdf_doc doc = {.kind = REPORT_PLANS, .pp = pp};
	return write_pdf(r, &doc, path, pw, d);
}

enum kansa_err pdf_passwords_read(const char *path, struct pdf_passwords *pw,
				  struct diags *d)
{
	char *buf = NULL, *line, *next;
	size_t len;
	enum kansa_err err;
	uint8_t rnd[16];

	memset(pw, 0, sizeof(*pw));
	/* no core dump may hold the passwords from here on */
	if (fileio_forbid_core_dumps() != KANSA_OK) {
		diags_add(d, DIAG_ERROR, path, 0,
			  "cannot turn core dumps off before reading the "
			  "passwords: %s",
			  strerror(errno));
		return KANSA_ERR_IO;
	}
	if ((err = fileio_read(path, 4096, &buf, &len, d)))
		return err;
	line = buf;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		line += 3;
	for (int n = 1; n <= 2 && line && *line; n++, line = next) {
		char *dst = n == 1 ? pw->user : pw->owner;
		size_t l;
		if ((next = strchr(line, '\n')))
			*next++ = '\0';
		l = strlen(line);
		if (l && line[l - 1] == '\r')
			line[--l] = '\0';
		for (size_t i = 0; i < l; i++)
			if (line[i] < 0x21 || line[i] > 0x7E) {
				diags_add(d, DIAG_ERROR, path, n,
					  "expected a password of printable "
					  "ASCII characters without spaces");
				err = KANSA_ERR_INPUT;
				goto out;
			}
		if (l > 32) {
			diags_add(d, DIAG_ERROR, path, n,
				  "expected a password of at most 32 "
				  "characters (PDF keeps only 32), not %zu",
				  l);
			err = KANSA_ERR_INPUT;
			goto out;
		}
		memcpy(dst, line, l + 1);
	}
	if (!*pw->user) {
		diags_add(d, DIAG_ERROR, path, 1,
			  "expected the password to open the PDFs on the "
			  "first line");
		err = KANSA_ERR_INPUT;
	} else if (strcmp(pw->user, pw->owner) == 0) {
		diags_add(d, DIAG_ERROR, path, 2,
			  "expected an owner password other than the user "
			  "password (or none: a random one)");
		err = KANSA_ERR_INPUT;
	} else if (!*pw->owner) {
		if (getrandom(rnd, sizeof(rnd), 0) != (ssize_t)sizeof(rnd)) {
			diags_add(d, DIAG_ERROR, path, 0,
				  "cannot make a random owner password: %s",
				  strerror(errno));
			err = KANSA_ERR_IO;
		} else {
			for (size_t i = 0; i < sizeof(rnd); i++)
				snprintf(pw->owner + 2 * i, 3, "%02x", rnd[i]);
		}
	}
out:
	explicit_bzero(buf, len);
	explicit_bzero(rnd, sizeof(rnd));
	free(buf);
	if (err)
		explicit_bzero(pw, sizeof(*pw));
	return err;
}
