/* render_xlsx.c: the audit workpaper: the workbook, 表紙 and 集計. */
#include "render_xlsx.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fileio.h"
#include "render_xlsx_internal.h"
#include "testhook.h"
#include "text.h"
#include "xlsx_import.h"

/* --- 表紙 ------------------------------------------------------------ */

static void cover_row(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
		      const char *label, const char *value)
{
	xw_str(x, ws, row, 1, label, XF_LABEL);
	xw_str(x, ws, row, 2, value, XF_VALUE);
	xw_row_done(x, ws, row, 0);
}

/* The fiscal year's first and last days in 和暦: "令和7年4月1日〜令和8年
 * 3月31日". */
static void cover_period(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
			 int year)
{
	char iso[2][24], w[2][64], buf[160];
	snprintf(iso[0], sizeof(iso[0]), "%04d-04-01", year);
	snprintf(iso[1], sizeof(iso[1]), "%04d-03-31", year + 1);
	for (int i = 0; i < 2; i++)
		text_wareki_date(iso[i], w[i], sizeof(w[i]));
	snprintf(buf, sizeof(buf), "%s〜%s", w[0], w[1]);
	cover_row(x, ws, row, "対象期間", buf);
}

/* A cover row whose date is shown in 和暦 text ("令和8年1月31日"). */
static void cover_date_row(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
			   const char *label, const char *date)
{
	char buf[64];
	text_wareki_date(date, buf, sizeof(buf));
	cover_row(x, ws, row, label, buf);
}

/* A cover row whose value the audit chief fills in (read back by
 * kansa import): 監査実施日 a date cell, dates in the others (監査期間)
 * written in 和暦 as the PDFs print them. */
static void input_row(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
		      const char *label, const char *value)
{
	char *w;
	xw_str(x, ws, row, 1, label, XF_LABEL);
	if (strcmp(label, "監査実施日") == 0) {
		xw_date(x, ws, row, 2, value, XF_COVER_D);
	} else if ((w = text_wareki_dates(value))) {
		xw_str(x, ws, row, 2, w, XF_INPUT);
		free(w);
	} else {
		x->failed = true; /* out of memory */
	}
	xw_row_done(x, ws, row, 0);
}

/* The imported audit file's value of a [kansa] key, "" without one. */
static const char *cover_value(const struct report *r, const char *key)
{
	const struct audit_file *a = &r->audit;
	if (!r->has_audit)
		return "";
	return !strcmp(key, "auditor")	    ? a->auditor
	       : !strcmp(key, "auditors")   ? a->auditors
	       : !strcmp(key, "period")	    ? a->period
	       : !strcmp(key, "audited_on") ? a->audited_on
	       : !strcmp(key, "scope")	    ? a->scope
	       : !strcmp(key, "method")	    ? a->method
	       : !strcmp(key, "notes")	    ? a->notes
					    : "";
}

/* The cover's 監査担当: the auditors line, else the names of the team
 * (auditor_N), ", "-joined as in that line.  NULL when out of memory. */
static char *cover_auditors(const struct report *r)
{
	struct sbuf b = {0};
	sbuf_adds(&b, cover_value(r, "auditors"));
	for (size_t i = 0;
	     !*cover_value(r, "auditors") && i < r->audit.nmembers; i++)
		sbuf_printf(&b, "%s%s", i ? ", " : "",
			    r->audit.members[i].name);
	return sbuf_take(&b);
}

/* Rows naming the tables continued over several sheets, if any. */
static void cover_parts(struct xw *x, lxw_worksheet *ws, lxw_row_t *row)
{
	struct xw_table t;
	size_t nch = x->r->score.ngroups[GROUP_CHAPTER];
	size_t per = (size_t)x->max_cols - 5;
	xw_answers_plan(x, &t);
	xw_parts_cover(x, ws, row, &t);
	xw_departments_plan(x, &t);
	xw_parts_cover(x, ws, row, &t);
	if (nch > per) {
		char buf[256];
		snprintf(buf, sizeof(buf),
			 "%zu 章を %zu シートに分けています (Excel の 1 シート "
			 "%u 列の上限): 部署別、部署別 (2) …",
			 nch, (nch + per - 1) / per, (unsigned)x->max_cols);
		cover_row(x, ws, (*row)++, "部署別", buf);
	}
}

static void cover(struct xw *x)
{
	static const double widths[] = {2, 30, 72, 14, 14, 14, 0};
	const struct report *r = x->r;
	lxw_worksheet *ws = xw_sheet(x, "表紙", widths);
	char buf[512];
	lxw_row_t row = 8;
	const char *rows[] = {"氏名", "日付", "印"};

	if (!ws)
		return;
	worksheet_gridlines(ws, LXW_HIDE_ALL_GRIDLINES);
	xw_str(x, ws, 0, 5, r->marking, XF_H2); /* 案 while open */
	xw_str(x, ws, 1, 1, r->settings.organisation, XF_H2);
	xw_str(x, ws, 3, 1, r->settings.title[REPORT_WORKPAPER], XF_TITLE);
	snprintf(buf, sizeof(buf), "%s (%d年度)", r->era, r->year);
	cover_row(x, ws, 5, "年度", buf);
	cover_period(x, ws, 6, r->year);
	snprintf(buf, sizeof(buf), "%s (版 %s)", r->cl.policy, r->cl.version);
	cover_row(x, ws, 7, "監査の基準", buf);
	for (size_t i = 0; i < xlsx_ncover_rows; i++) {
		const char *key = xlsx_cover_rows[i].key;
		char *team = strcmp(key, "auditors") ? NULL : cover_auditors(r);
		if (!strcmp(key, "auditors") && !team)
			x->failed = true; /* out of memory */
		input_row(x, ws, row++, xlsx_cover_rows[i].head,
			  team ? team : cover_value(r, key));
		free(team);
	}
	cover_date_row(x, ws, row++, "報告日", r->date);
	cover_row(x, ws, row++, "文書番号", r->settings.document_number);
	cover_date_row(x, ws, row++, "基準日 (証跡の期限・計画の期限)",
		       r->as_of);
	cover_row(x, ws, row++, "入力ダイジェスト (SHA-256)", r->input_digest);
	cover_parts(x, ws, &row);
	row += 2;
	xw_str(x, ws, row, 1, "承認欄", XF_H2);
	row++;
	xw_str(x, ws, row, 2, "", XF_BOX);
	xw_str(x, ws, row, 3, "作成", XF_HEAD);
	xw_str(x, ws, row, 4, "確認", XF_HEAD);
	xw_str(x, ws, row, 5, "承認", XF_HEAD);
	row++;
	for (int i = 0; i < 3; i++, row++) {
		lxw_row_col_options o = {0};
		worksheet_set_row_opt(ws, row, i == 2 ? 48 : 24, NULL, &o);
		xw_str(x, ws, row, 2, rows[i], XF_LABEL);
		for (lxw_col_t c = 3; c <= 5; c++)
			xw_str(x, ws, row, c, "", XF_BOX);
	}
	xw_protect(x, ws);
}

/* --- 集計 ------------------------------------------------------------ */

static void summary_rates(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
			  const char *label, const char *crit,
			  const struct score_group *now,
			  const struct score_group *before)
{
	size_t n = 0;
	for (int s = 0; s < STATUS_COUNT; s++)
		n += now->counts[VIEW_SELF][s];
	xw_str(x, ws, row, 0, label, XF_CELL);
	xw_live_rate(x, ws, row, 1, crit, VIEW_SELF,
		     score_rate(now, VIEW_SELF));
	xw_live_rate(x, ws, row, 2, crit, VIEW_AUDIT,
		     score_rate(now, VIEW_AUDIT));
	xw_rate(x, ws, row, 3, before ? score_rate(before, VIEW_SELF) : -1,
		XF_PCT);
	xw_rate(x, ws, row, 4, before ? score_rate(before, VIEW_AUDIT) : -1,
		XF_PCT);
	xw_num(x, ws, row, 5, (double)n, XF_NUM);
}

static const struct diff_part *diff_chapter(const struct report *r,
					    const char *key)
{
	for (size_t i = 0; r->prev_year && i < r->diff.nchapters; i++)
		if (strcmp(r->diff.chapters[i].key, key) == 0)
			return &r->diff.chapters[i];
	return NULL;
}

static void chart(struct xw *x, lxw_worksheet *ws, lxw_row_t first,
		  lxw_row_t last, lxw_row_t at)
{
	lxw_chart *c = workbook_add_chart(x->wb, LXW_CHART_BAR);
	lxw_chart_series *s;
	char cat[64], val[64], name[64];

	snprintf(cat, sizeof(cat), "=集計!$B$%u:$B$%u", first + 1, last + 1);
	snprintf(val, sizeof(val), "=集計!$H$%u:$H$%u", first + 1, last + 1);
	s = chart_add_series(c, cat, val);
	snprintf(name, sizeof(name), "%s", x->r->era);
	chart_series_set_name(s, name);
	if (x->r->prev_year) {
		snprintf(val, sizeof(val), "=集計!$J$%u:$J$%u", first + 1,
			 last + 1);
		s = chart_add_series(c, cat, val);
		chart_series_set_name(s, x->r->prev_era);
	}
	chart_title_set_name(c, "章別の実施率 (自己評価)");
	chart_axis_set_name(c->x_axis, "実施率");
	chart_axis_set_min(c->x_axis, 0);
	chart_axis_set_max(c->x_axis, 1);
	chart_axis_set_num_format(c->x_axis, "0%");
	chart_axis_set_name(c->y_axis, "章");
	chart_axis_set_reverse(c->y_axis);
	chart_legend_set_position(c, LXW_CHART_LEGEND_BOTTOM);
	{
		lxw_chart_options o = {.x_scale = 1.5, .y_scale = 1.15};
		xw_check(x, worksheet_insert_chart_opt(ws, at, 0, c, &o));
	}
}

/* One row of 集計's chapter table: counts and rates, live. */
static void summary_chapter(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
			    const struct score_group *g)
{
	static const enum answer_status order[] = {STATUS_DONE, STATUS_PARTIAL,
						   STATUS_NOT_DONE, STATUS_NA,
						   STATUS_UNANSWERED};
	const struct report *r = x->r;
	const struct diff_part *dp = diff_chapter(r, g->key);
	char crit[256];

	xw_row_done(x, ws, row, 0);
	xw_chapter(x, ws, row, 0, g->key, XF_CELL_C);
	xw_str(x, ws, row, 1, report_part_title(r, g->key), XF_CELL);
	for (int k = 0; k < 5; k++)
		xw_live_count(x, ws, row, (lxw_col_t)(2 + k), g->key,
			      answer_status_name(order[k]),
			      (double)g->counts[VIEW_SELF][order[k]]);
	snprintf(crit, sizeof(crit), ",'チェックリスト'!$B$2:$B$%u,\"%s\"",
		 x->cl_last + 1, g->key);
	xw_live_rate(x, ws, row, 7, crit, VIEW_SELF, score_rate(g, VIEW_SELF));
	xw_live_rate(x, ws, row, 8, crit, VIEW_AUDIT,
		     score_rate(g, VIEW_AUDIT));
	xw_rate(x, ws, row, 9, dp ? dp->rate_before : -1, XF_PCT);
	xw_live_change(x, ws, row, 7, 9, 10,
		       dp && dp->rate_before >= 0 && dp->rate_now >= 0,
		       dp ? dp->change : 0);
}

/* 集計's findings by grade from row on; returns the row after them. */
static lxw_row_t summary_grades(struct xw *x, lxw_worksheet *ws, lxw_row_t row)
{
	xw_str(x, ws, row++, 0, "指摘事項の件数", XF_H2);
	xw_str(x, ws, row, 0, "区分", XF_HEAD);
	xw_str(x, ws, row++, 1, "件数", XF_HEAD);
	for (int g = 0; g < GRADE_CONFORM; g++, row++) {
		xw_str(x, ws, row, 0, finding_grade_name((enum finding_grade)g),
		       XF_CELL);
		xw_live_grade_count(x, ws, row, 1,
				    finding_grade_name((enum finding_grade)g),
				    (double)x->r->findings.by_grade[g]);
	}
	return row;
}

static void summary(struct xw *x)
{
	static const double widths[] = {14, 30, 9,  9,	9, 9,
					9,  12, 12, 12, 9, 0};
	static const char *const head1[] = {"区分",
					    "自己評価",
					    "監査評価",
					    "前年度 自己評価",
					    "前年度 監査評価",
					    "項目数"};
	static const char *const head2[] = {"章",
					    "章名",
					    "実施",
					    "一部実施",
					    "未実施",
					    "該当なし",
					    "未回答",
					    "実施率 (自己)",
					    "実施率 (監査)",
					    "前年度 (自己)",
					    "差"};
	const struct report *r = x->r;
	const struct score_result *now = &r->score;
	const struct score_result *before =
		r->prev_year ? &r->prev_score : NULL;
	lxw_worksheet *ws = xw_sheet(x, "集計", widths);
	lxw_row_t row = 0, first, chapters_end;
	char buf[256], asof[64];

	if (!ws)
		return;
	worksheet_gridlines(ws, LXW_HIDE_ALL_GRIDLINES);
	text_wareki_date(r->as_of, asof, sizeof(asof));
	snprintf(buf, sizeof(buf), "%s 実施率の集計 (基準日 %s)", r->era, asof);
	xw_str(x, ws, row++, 0, buf, XF_TITLE);
	row++;
	xw_header(x, ws, row++, head1, 6);
	snprintf(buf, sizeof(buf), ",'チェックリスト'!$D$2:$D$%u,\"%s\"",
		 x->cl_last + 1, item_level_name(LEVEL_REQUIRED));
	summary_rates(x, ws, row++, "全体", "", &now->overall,
		      before ? &before->overall : NULL);
	summary_rates(x, ws, row++, "必須のみ", buf, &now->required,
		      before ? &before->required : NULL);
	row++;
	xw_str(x, ws, row++, 0, "章別 (自己評価の項目数)", XF_H2);
	xw_header(x, ws, row++, head2, 11);
	first = row;
	for (size_t i = 0; i < now->ngroups[GROUP_CHAPTER]; i++, row++)
		summary_chapter(x, ws, row, &now->groups[GROUP_CHAPTER][i]);
	chapters_end = row;
	row = summary_grades(x, ws, row + 1);
	if (chapters_end > first)
		chart(x, ws, first, chapters_end - 1, row + 1);
}

/* --- the list of statuses, for the drop-downs ------------------------- */

static void lists(struct xw *x)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "リスト");
	if (!ws) {
		x->failed = true;
		return;
	}
	x->nwidths = 0;
	for (int s = 0; s < STATUS_COUNT; s++) {
		xw_str(x, ws, (lxw_row_t)s, 0,
		       answer_status_name((enum answer_status)s), XF_CELL);
		/* the audit grades, 適合 first */
		xw_str(x, ws, (lxw_row_t)s, 1,
		       finding_grade_name((enum finding_grade)(
			       (s + GRADE_CONFORM) % GRADE_COUNT)),
		       XF_CELL);
		if (s < 2)
			xw_str(x, ws, (lxw_row_t)s, 2, s ? "緊急" : "通常",
			       XF_CELL);
	}
	xw_str(x, ws, STATUS_COUNT, 1, "棄却", XF_CELL); /* a candidate */
	worksheet_hide(ws);
	xw_check(x,
		 workbook_define_name(x->wb, "状態一覧", "=リスト!$A$1:$A$5"));
	xw_check(x,
		 workbook_define_name(x->wb, "判定一覧", "=リスト!$B$1:$B$6"));
	xw_check(x, workbook_define_name(x->wb, "緊急度一覧",
					 "=リスト!$C$1:$C$2"));
}

/* --- the workbook ---------------------------------------------------- */

static time_t day_of(const char *date)
{
	struct tm tm = {0};
	if (sscanf(date, "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3)
		return 0;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_hour = 9; /* 09:00 UTC is 18:00 in Japan, the same day */
	return timegm(&tm);
}

static void properties(struct xw *x)
{
	const struct report *r = x->r;
	lxw_doc_properties p = {0};
	p.title = r->settings.title[x->kind];
	p.subject = x->kind == REPORT_PLANS
			    ? (char *)"改善計画の進捗状況"
			    : (char *)"情報セキュリティ監査調書";
	p.author = r->has_audit && *r->audit.auditor ? r->audit.auditor
						     : r->settings.sender;
	p.company = r->settings.organisation;
	p.keywords = (char *)"kansa, 情報セキュリティ監査, 自己点検";
	p.created = day_of(r->date);
	xw_check(x, workbook_set_properties(x->wb, &p));
	xw_check(x,
		 workbook_set_custom_property_integer(x->wb, "年度", r->year));
	xw_check(x, workbook_set_custom_property_string(
			    x->wb, "基準の版",
			    r->cl.version ? r->cl.version : ""));
	xw_check(x, workbook_set_custom_property_string(
			    x->wb, "入力ダイジェスト", r->input_digest));
}

static bool header_footer(struct xw *x)
{
	struct sbuf h = {0}, f = {0};
	sbuf_adds(&h, "&L");
	xw_add_escaped(&h, x->r->marking); /* 案 while open */
	sbuf_adds(&h, "&C");
	xw_add_escaped(&h, x->r->settings.title[x->kind]);
	sbuf_adds(&h, "&R");
	xw_add_escaped(&h, x->r->settings.organisation);
	sbuf_adds(&f, "&L");
	xw_add_escaped(&f, x->r->marking); /* as the header: 案 too */
	sbuf_adds(&f, "&C- &P / &N -&R&A");
	x->header = sbuf_take(&h);
	x->footer = sbuf_take(&f);
	return x->header && x->footer;
}

/* The last rows of チェックリスト (a row per chapter and per item) and
 * of 監査調書 (a row per item), for the formulas of 集計. */
static void table_rows(struct xw *x)
{
	const char *chapter = "";
	unsigned rows = 0;
	for (size_t i = 0; i < x->r->score.nitems; i++) {
		const struct item *it = x->r->score.items[i].item;
		if (strcmp(chapter, it->chapter) != 0) {
			chapter = it->chapter;
			rows++;
		}
		rows++;
	}
	x->cl_last = rows;
	x->au_last = (unsigned)x->r->score.nitems;
}

static void workpaper_sheets(struct xw *x)
{
	table_rows(x);
	cover(x);
	summary(x);
	xw_auditor(x);
	xw_checklist(x);
	xw_answers(x);
	xw_departments(x);
	xw_findings(x);
	xw_diff(x);
	xw_followup(x);
	xw_plans(x);
	xw_evidence(x);
	lists(x);
	xw_ident(x, "workpaper", x->r->year, &x->r->cl,
		 x->r->settings.organisation, NULL);
}

/* Writes the workbook of x (its kind) to path via a temporary file. */
static enum kansa_err write_workbook(struct xw *x, const char *path,
				     void (*sheets)(struct xw *))
{
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
	const char *tdir = getenv("TMPDIR");
	lxw_error e;
	char *tmp;

	if (!header_footer(x)) {
		free(x->header);
		free(x->footer);
		return KANSA_ERR_NOMEM;
	}
	if (!(tmp = fileio_temp_create(path, x->d))) {
		free(x->header);
		free(x->footer);
		return KANSA_ERR_IO;
	}
	opt.tmpdir = (char *)(tdir && *tdir ? tdir : NULL);
	/* Excel's limits; a test may lower them (tests/cli/xlsx_limits.sh) */
	x->max_rows = (lxw_row_t)testhook_limit("KANSA_TEST_XLSX_ROWS", 8,
						LXW_ROW_MAX);
	x->max_cols = (lxw_col_t)testhook_limit("KANSA_TEST_XLSX_COLS", 6,
						LXW_COL_MAX);
	/* make bench's floor writes the same cells with bare calls */
	if (getenv("KANSA_FLOOR_DUMP") && *getenv("KANSA_FLOOR_DUMP")) {
		struct sbuf fp = {0};
		sbuf_printf(&fp, "%s.xlsx.tsv", getenv("KANSA_FLOOR_DUMP"));
		x->floor = fp.s ? fileio_fopen_write(fp.s) : NULL;
		sbuf_release(&fp);
	}
	if (!(x->wb = workbook_new_opt(tmp, &opt))) {
		x->failed = true;
		diags_add(x->d, DIAG_ERROR, path, 0,
			  "cannot start the workbook");
	} else {
		xw_formats(x);
		properties(x);
		sheets(x);
		if ((e = workbook_close(x->wb)) != LXW_NO_ERROR && !x->failed) {
			x->failed = true;
			diags_add(x->d, DIAG_ERROR, path, 0,
				  "cannot write the workbook: %s",
				  lxw_strerror(e));
		}
	}
	free(x->header);
	free(x->footer);
	if (x->floor)
		fclose(x->floor);
	return fileio_temp_commit(tmp, path, !x->failed, x->d);
}

enum kansa_err render_xlsx(const struct report *r, const char *path,
			   struct diags *d)
{
	struct xw x = {.r = r, .d = d, .kind = REPORT_WORKPAPER};
	return write_workbook(&x, path, workpaper_sheets);
}

enum kansa_err render_xlsx_plans(const struct report *r,
				 const struct plans_progress *pp,
				 const char *path, struct diags *d)
{
	struct xw x = {.r = r, .d = d, .kind = REPORT_PLANS, .pp = pp};
	return write_workbook(&x, path, xw_plan_progress);
}
