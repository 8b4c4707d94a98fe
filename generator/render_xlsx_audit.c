/* render_xlsx_audit.c: the workpaper's auditor's sheet (監査調書), its
 * protection, and the hidden sheet that lets kansa import recognise the
 * workbook when it comes back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_xlsx_internal.h"
#include "xlsx_import.h"

/* The audit chief's judgement of an item, or NULL. */
static const struct audit_judgement *judgement_of(const struct report *r,
						  const char *id)
{
	for (size_t i = 0; r->has_audit && i < r->audit.n; i++)
		if (strcmp(r->audit.items[i].item_id, id) == 0)
			return &r->audit.items[i];
	return NULL;
}

/* "EV-01 確認済, EV-02 期限切れ" for the IDs in ids. */
static void evidence_states(const struct report *r, const char *ids,
			    struct sbuf *out)
{
	for (const char *q = ids; q && *q;) {
		const char *comma = strchr(q, ',');
		size_t len = comma ? (size_t)(comma - q) : strlen(q);
		long i;
		while (*q == ' ' && len)
			q++, len--;
		i = report_evidence_find(r, q, len);
		if (len)
			sbuf_printf(out, "%s%.*s %s", out->len ? "\n" : "",
				    (int)len, q,
				    i < 0 ? "台帳になし"
					  : report_check_name(
						    r->evidence_checks[i]));
		if (!comma)
			break;
		q = comma + 1;
	}
}

/* The index in r->evidence of the first ID of ids, or -1. */
static long first_evidence(const struct report *r, const char *ids)
{
	return ids ? report_evidence_find(r, ids, strcspn(ids, ",")) : -1;
}

/* The value an auditor's column shows from the imported audit file. */
static const char *audit_value(const struct audit_judgement *j, const char *key)
{
	if (!j)
		return "";
	if (!strcmp(key, "judgement"))
		return j->dismissed ? "棄却" : finding_grade_name(j->grade);
	return !strcmp(key, "reason")		? j->reason
	       : !strcmp(key, "finding")	? j->finding
	       : !strcmp(key, "cause")		? j->cause
	       : !strcmp(key, "impact")		? j->impact
	       : !strcmp(key, "recommendation") ? j->recommendation
	       : !strcmp(key, "urgency")	? j->urgency
	       : !strcmp(key, "examined")	? j->examined
	       : !strcmp(key, "audited_by")	? j->audited_by
	       : !strcmp(key, "examined_on")	? j->examined_on
	       : !strcmp(key, "departments")	? j->departments
	       : !strcmp(key, "system")		? j->system
	       : !strcmp(key, "reply")		? j->reply
						: "";
}

/* What the rules made of an item (also when the chief dismissed it or
 * judged it 適合), or "". */
static const char *rule_grade(const struct report *r, const struct finding *f,
			      const char *id)
{
	if (f)
		return f->default_grade != GRADE_CONFORM
			       ? finding_grade_name(f->default_grade)
			       : "";
	for (size_t i = 0; i < r->findings.ndismissed; i++)
		if (!strcmp(r->findings.dismissed[i].item->item->id, id))
			return finding_grade_name(
				r->findings.dismissed[i].default_grade);
	return "";
}

static void auditor_row(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
			size_t n, const struct score_item *si)
{
	const struct report *r = x->r;
	const struct item *it = si->item;
	const struct finding *f = findings_of_item(&r->findings, it->id);
	const struct audit_judgement *j = judgement_of(r, it->id);
	struct sbuf ev = {0}, states = {0}, place = {0};
	lxw_col_t c = 10;

	xw_item_answers(x, si, &ev, NULL);
	evidence_states(r, ev.s, &states);
	sbuf_printf(&place, "%s", it->section);
	xw_num(x, ws, row, 0, (double)n, XF_NUM);
	xw_str(x, ws, row, 1, it->id, XF_CELL);
	xw_str(x, ws, row, 2, place.s ? place.s : "", XF_CELL_C);
	xw_str(x, ws, row, 3, it->text, XF_CELL);
	xw_str(x, ws, row, 4, it->method ? it->method : "", XF_CELL);
	xw_str(x, ws, row, 5,
	       it->evidence_examples ? it->evidence_examples : "", XF_CELL);
	xw_str(x, ws, row, 6, answer_status_name(si->status[VIEW_SELF]),
	       XF_CELL_C);
	if (first_evidence(r, ev.s) >= 0) /* to the first on 証跡一覧 */
		xw_link(x, ws, row, 7, "証跡一覧",
			(lxw_row_t)first_evidence(r, ev.s) + 1, 0,
			states.s ? states.s : "");
	else
		xw_str(x, ws, row, 7, states.s ? states.s : "", XF_CELL);
	xw_str(x, ws, row, 8, rule_grade(r, f, it->id), XF_CELL_C);
	xw_str(x, ws, row, 9, f ? f->reason : "", XF_CELL);
	for (size_t k = 0; k < xlsx_naudit_columns; k++, c++) {
		const char *key = xlsx_audit_columns[k].key;
		if (!strcmp(key, "examined_on"))
			xw_date(x, ws, row, c, audit_value(j, key), XF_INPUT_D);
		else
			xw_str(x, ws, row, c, audit_value(j, key),
			       !strcmp(key, "judgement") ||
					       !strcmp(key, "urgency")
				       ? XF_INPUT_C
				       : XF_INPUT);
	}
	xw_row_done(x, ws, row, 0);
	sbuf_release(&ev);
	sbuf_release(&states);
	sbuf_release(&place);
}

static void validate_list(lxw_worksheet *ws, lxw_row_t last, lxw_col_t col,
			  const char *formula)
{
	lxw_data_validation v = {0};
	if (last < 1)
		return;
	v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
	v.value_formula = (char *)formula;
	v.ignore_blank = LXW_VALIDATION_ON;
	worksheet_data_validation_range(ws, 1, col, last, col, &v);
}

/* 23 columns fitted to one page width print at about 45 % on A3: too
 * small to read.  Instead two A3 landscape pages per band of rows at
 * 70 %, printed side by side in order (across, then down), each with
 * 通番 and 項目ID and the header row repeated: the item with both
 * judgements (A:L), then the auditor's findings (M:W).  Measured through
 * LibreOffice, a page holds about 225 characters of column width at
 * 70 %; the halves are 206 and 219 with A:B. */
static void auditor_print(lxw_worksheet *ws)
{
	static lxw_col_t breaks[] = {12, 0};
	xw_sheet_a3(ws);
	worksheet_set_margins(ws, 0.4, 0.4, 0.7, 0.7);
	worksheet_set_print_scale(ws, 70);
	worksheet_set_v_pagebreaks(ws, breaks);
	worksheet_repeat_columns(ws, 0, 1);
	worksheet_print_across(ws);
}

void xw_auditor(struct xw *x)
{
	static const double widths[] = {6,  13, 8,  46, 16, 22, 9,  18,
					11, 24, 13, 20, 32, 24, 24, 28,
					8,  14, 10, 12, 14, 14, 20, 0};
	static const char *const head[] = {
		"通番",		  "項目ID",	  "節",	      "条文",
		"監査手続",	  "監査資料の例", "自己評価", "証跡と状態",
		"規則による判定", "規則の根拠"};
	const struct report *r = x->r;
	lxw_worksheet *ws = xw_sheet(x, XW_AUDIT_SHEET, widths);
	lxw_row_t row = 1;
	lxw_col_t last = (lxw_col_t)(10 + xlsx_naudit_columns - 1);

	if (!ws)
		return;
	auditor_print(ws);
	for (lxw_col_t c = 0; c < 10; c++)
		xw_str(x, ws, 0, c, head[c], XF_HEAD);
	for (size_t k = 0; k < xlsx_naudit_columns; k++)
		xw_str(x, ws, 0, (lxw_col_t)(10 + k),
		       xlsx_audit_columns[k].head, XF_HEAD);
	xw_row_done(x, ws, 0, 0);
	for (size_t i = 0; i < r->score.nitems; i++, row++)
		auditor_row(x, ws, row, i + 1, &r->score.items[i]);
	worksheet_freeze_panes(ws, 1, 2);
	worksheet_autofilter(ws, 0, 0, row > 1 ? row - 1 : 0, last);
	worksheet_repeat_rows(ws, 0, 0);
	validate_list(ws, row - 1, 10, "=判定一覧");
	validate_list(ws, row - 1, 16, "=緊急度一覧");
	xw_grade_colours(x, ws, 1, row - 1, 8);
	xw_grade_colours(x, ws, 1, row - 1, 10);
	xw_status_colours(x, ws, 1, row - 1, 6);
	xw_protect(x, ws);
}

void xw_ident(struct xw *x, const char *kind, int year,
	      const struct checklist *cl, const char *organisation,
	      const char *role)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, XW_IDENT_SHEET);
	char fy[16];
	const char *rows[][2] = {
		{"kind", kind},
		{"fiscal_year", fy},
		{"policy", cl->policy ? cl->policy : ""},
		{"policy_version", cl->version ? cl->version : ""},
		{"policy_sha256", cl->source_sha256 ? cl->source_sha256 : ""},
		{"organisation", organisation ? organisation : ""},
		{"format", "1"},
		{"role", role},
	};
	size_t n = sizeof(rows) / sizeof(rows[0]) - (role ? 0 : 1);
	if (!ws) {
		x->failed = true;
		return;
	}
	snprintf(fy, sizeof(fy), "%d", year);
	x->nwidths = 0;
	for (size_t i = 0; i < n; i++) {
		xw_str(x, ws, (lxw_row_t)i, 0, rows[i][0], XF_CELL);
		xw_str(x, ws, (lxw_row_t)i, 1, rows[i][1], XF_CELL);
	}
	worksheet_hide(ws);
	xw_protect(x, ws);
}
