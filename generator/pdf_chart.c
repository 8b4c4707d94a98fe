/* pdf_chart.c: bar charts and the approval box of kansa's PDFs. */
#include "pdf_layout.h"
#include "pdf_layout_internal.h"

#include <stdio.h>

static void fill_rect(struct pdf *p, double x, double y, double w, double h,
		      float r, float g, float b)
{
	if (p->dry || !p->page || w <= 0)
		return;
	HPDF_Page_SetRGBFill(p->page, r, g, b);
	HPDF_Page_Rectangle(p->page, (HPDF_REAL)x,
			    (HPDF_REAL)(PDF_PAGE_H - y - h), (HPDF_REAL)w,
			    (HPDF_REAL)h);
	HPDF_Page_Fill(p->page);
	HPDF_Page_SetRGBFill(p->page, 0, 0, 0);
}

static void hline(struct pdf *p, double x1, double y1, double x2, double y2,
		  double width)
{
	if (p->dry || !p->page)
		return;
	HPDF_Page_SetLineWidth(p->page, (HPDF_REAL)width);
	HPDF_Page_MoveTo(p->page, (HPDF_REAL)x1, (HPDF_REAL)(PDF_PAGE_H - y1));
	HPDF_Page_LineTo(p->page, (HPDF_REAL)x2, (HPDF_REAL)(PDF_PAGE_H - y2));
	HPDF_Page_Stroke(p->page);
}

/* The rate v (0..1) as "95.8" right of the plot, level with its bar (y
 * its top). */
static void bar_value(struct pdf *p, double x, double y, double v, double bar_h)
{
	char num[16];
	if (v < 0)
		return;
	snprintf(num, sizeof(num), "%.1f", v * 100);
	p->y = y + bar_h / 2 - 4.6;
	pdf_line_at(p, num, 7.5, x + 3, 40, 0, false);
}

void pdf_bars(struct pdf *p, const char *const *labels, const double *now,
	      const double *before, size_t n, const char *now_name,
	      const char *before_name, const char *axis)
{
	const double label_w = 170, bar_h = 8, gap = 8;
	double group = before ? 2 * bar_h + gap : bar_h + gap;
	double plot_x = PDF_LEFT + label_w, plot_w = PDF_WIDTH - label_w - 30;
	double height = (double)n * group + 54, y0;
	char tick[16];

	pdf_flush(p);
	pdf_need(p, height);
	y0 = p->y;
	for (int t = 0; t <= 10; t += 2) {
		double x = plot_x + plot_w * t / 10.0;
		hline(p, x, y0, x, y0 + (double)n * group, t ? 0.2 : 0.6);
		snprintf(tick, sizeof(tick), "%d%%", t * 10);
		p->y = y0 + (double)n * group + 2;
		pdf_line_at(p, tick, 8, x - 20, 40, 1, false);
	}
	for (size_t i = 0; i < n; i++) {
		double y = y0 + (double)i * group + gap / 2;
		double a = now[i] > 0 ? now[i] : 0;
		double b = before && before[i] > 0 ? before[i] : 0;
		p->y = y + (before ? bar_h - 4.5 : -0.5);
		pdf_line_at(p, labels[i], 9, PDF_LEFT, label_w - 6, 2, false);
		fill_rect(p, plot_x, y, plot_w * a, bar_h, 0.27f, 0.45f, 0.77f);
		bar_value(p, plot_x + plot_w, y, now[i], bar_h);
		if (before) {
			fill_rect(p, plot_x, y + bar_h, plot_w * b, bar_h,
				  0.75f, 0.75f, 0.75f);
			bar_value(p, plot_x + plot_w, y + bar_h, before[i],
				  bar_h);
		}
	}
	p->y = y0 + (double)n * group + 15;
	pdf_line_at(p, axis, 9, plot_x, plot_w, 1, false);
	p->y += 15;
	fill_rect(p, plot_x, p->y + 1, 10, 8, 0.27f, 0.45f, 0.77f);
	pdf_line_at(p, now_name, 9, plot_x + 14, 120, 0, false);
	if (before) {
		fill_rect(p, plot_x + 140, p->y + 1, 10, 8, 0.75f, 0.75f,
			  0.75f);
		pdf_line_at(p, before_name, 9, plot_x + 154, 120, 0, false);
	}
	p->y = y0 + height + 6;
}

void pdf_approval(struct pdf *p)
{
	static const char *const head[] = {"", "作成", "確認", "承認"};
	static const char *const rows[] = {"氏名", "日付", "印"};
	const double w = 70, x0 = PDF_PAGE_W - PDF_RIGHT - 4 * w;
	double y;

	pdf_flush(p);
	pdf_need(p, PDF_APPROVAL_H);
	pdf_line_at(p, "承認欄", 10, x0, 4 * w, 0, true);
	p->y += 16;
	y = p->y;
	for (int c = 0; c < 4; c++) {
		pdf_rect(p, x0 + c * w, y, w, 16, c > 0);
		p->y = y + 3;
		pdf_line_at(p, head[c], 9, x0 + c * w, w, 1, c > 0);
	}
	y += 16;
	for (int r = 0; r < 3; r++) {
		double h = r == 2 ? 34 : 19;
		for (int c = 0; c < 4; c++)
			pdf_rect(p, x0 + c * w, y, w, h, false);
		p->y = y + 4;
		pdf_line_at(p, rows[r], 9, x0, w, 1, false);
		y += h;
	}
	p->y = y + 10;
}

/* 以上, and the approval box after it when approval: kept on one page;
 * when they do not fit, they start the next page without a "（続き）"
 * heading, as the section before them has ended. */
void pdf_closing(struct pdf *p, bool approval)
{
	const double need = 10 + 20 + (approval ? PDF_APPROVAL_H : 10.5 * LINE);

	pdf_flush(p);
	if (p->pages && p->y + need > PDF_PAGE_H - PDF_BOTTOM)
		pdf_page(p, true);
	else
		p->y += 10;
	pdf_line_at(p, "以上", 10.5, PDF_LEFT, PDF_WIDTH, 2, false);
	p->y += 20;
	if (approval)
		pdf_approval(p);
}
