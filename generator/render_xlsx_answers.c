/* render_xlsx_answers.c: the answer workbook (回答票) of one role, which
 * kansa import takes like an INI answer sheet (xlsx_import.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fileio.h"
#include "render_xlsx.h"
#include "render_xlsx_internal.h"
#include "xlsx_import.h"

static void answer_rows(struct xw *x, lxw_worksheet *ws,
			const struct checklist *cl, const char *role,
			lxw_row_t row)
{
	lxw_row_t first = row;
	lxw_data_validation v = {0};
	for (size_t i = 0; i < cl->nitems; i++) {
		const struct item *it = &cl->items[i];
		if (!item_has_role(it, role))
			continue;
		xw_str(x, ws, row, 0, it->id, XF_CELL);
		xw_str(x, ws, row, 1, it->section, XF_CELL_C);
		xw_str(x, ws, row, 2, item_level_name(it->level), XF_CELL_C);
		xw_str(x, ws, row, 3, it->text, XF_CELL);
		xw_str(x, ws, row, 4, "", XF_INPUT_C);
		xw_str(x, ws, row, 5, "", XF_INPUT);
		xw_str(x, ws, row, 6, "", XF_INPUT);
		xw_row_done(x, ws, row, 0);
		row++;
	}
	if (row == first)
		return;
	v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
	v.value_formula = (char *)"=回答一覧";
	v.ignore_blank = LXW_VALIDATION_ON;
	v.error_title = (char *)"回答";
	v.error_message =
		(char *)"実施・一部実施・未実施・該当なし から選んでください";
	worksheet_data_validation_range(ws, first, 4, row - 1, 4, &v);
	xw_status_colours(x, ws, first, row - 1, 4);
	worksheet_autofilter(ws, first - 1, 0, row - 1, 6);
	worksheet_freeze_panes(ws, first, 1);
	worksheet_repeat_rows(ws, first - 1, first - 1);
}

static void answer_sheet(struct xw *x, const struct checklist *cl,
			 const char *role, int year, const char *department)
{
	static const double widths[] = {13, 8, 6, 70, 10, 22, 40, 0};
	static const char *const head[] = {"項目ID", "節",   "水準",	"条文",
					   "回答",   "証跡", "コメント"};
	lxw_worksheet *ws = xw_sheet(x, XLSX_ANSWER_SHEET, widths);
	char title[256], era[64];
	lxw_row_t row = 0;

	if (!ws)
		return;
	text_wareki_fiscal_year(year, era, sizeof(era));
	snprintf(title, sizeof(title), "%s 自己点検 回答票 (%s)", era, role);
	xw_str(x, ws, row++, 0, title, XF_TITLE);
	for (size_t i = 0; i < xlsx_nanswer_rows; i++, row++) {
		const char *key = xlsx_answer_rows[i].key;
		xw_str(x, ws, row, 0, xlsx_answer_rows[i].head, XF_LABEL);
		if (!strcmp(key, "answered_on"))
			xw_str(x, ws, row, 1, "", XF_INPUT_D);
		else
			xw_str(x, ws, row, 1,
			       !strcmp(key, "department") && department
				       ? department
				       : "",
			       XF_INPUT);
	}
	xw_str(x, ws, row++, 3,
	       "黄色のセルに記入してください。回答は一覧から選び、証跡には"
	       "証跡台帳の ID をカンマ区切りで、コメントには補足 (該当なしの"
	       "ときは理由) を書きます。",
	       XF_VALUE);
	xw_row_done(x, ws, row - 1, 0);
	row++;
	for (lxw_col_t c = 0; c < 7; c++)
		xw_str(x, ws, row, c, head[c], XF_HEAD);
	xw_row_done(x, ws, row, 0);
	answer_rows(x, ws, cl, role, row + 1);
	xw_protect(x, ws);
}

static void status_list(struct xw *x)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "リスト");
	if (!ws) {
		x->failed = true;
		return;
	}
	x->nwidths = 0;
	for (int s = 0; s < 4; s++)
		xw_str(x, ws, (lxw_row_t)s, 0,
		       answer_status_name((enum answer_status)s), XF_CELL);
	worksheet_hide(ws);
	if (workbook_define_name(x->wb, "回答一覧", "=リスト!$A$1:$A$4"))
		x->failed = true;
}

enum kansa_err render_xlsx_answer_sheet(const struct checklist *cl,
					const char *role, int year,
					const char *department,
					const char *path, struct diags *d)
{
	struct xw x = {.d = d};
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
	lxw_doc_properties p = {0};
	struct tm tm = {.tm_year = year - 1900, .tm_mon = 3, .tm_mday = 1};
	struct sbuf h = {0};
	char *tmp = fileio_temp_create(path, d);

	if (!tmp)
		return KANSA_ERR_IO;
	sbuf_adds(&h, "&C");
	xw_add_escaped(&h, role);
	x.header = sbuf_take(&h);
	x.footer = (char *)"&C- &P / &N -";
	opt.tmpdir =
		getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : NULL;
	if (!x.header || !(x.wb = workbook_new_opt(tmp, &opt))) {
		x.failed = true;
		diags_add(d, DIAG_ERROR, path, 0, "cannot start the workbook");
	} else {
		xw_formats(&x);
		p.title = (char *)"自己点検 回答票";
		p.created = timegm(&tm); /* the same bytes for the same sheet */
		workbook_set_properties(x.wb, &p);
		answer_sheet(&x, cl, role, year, department);
		status_list(&x);
		xw_ident(&x, "answers", year, cl, NULL, role);
		if (workbook_close(x.wb) != LXW_NO_ERROR && !x.failed) {
			x.failed = true;
			diags_add(d, DIAG_ERROR, path, 0,
				  "cannot write the workbook");
		}
	}
	free(x.header);
	return fileio_temp_commit(tmp, path, !x.failed, d);
}
