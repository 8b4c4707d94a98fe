/* floor_xlsx.c: the floor kansa's workbook is measured against: with
 * --db, first the rows of the two years read from kansa's database
 * (floor_read.c); then the same sheets and cells with the same formats,
 * column widths, row heights, frozen panes, protection, hyperlinks, list
 * validations, conditional formats, autofilters, page setup and defined
 * names as kansa's own workbook (listed from it by bench/xlsx_cells.py),
 * written
 * with bare libxlsxwriter calls in constant_memory mode, as kansa does:
 * no model, no scoring, no layout decisions.
 *
 * usage: floor_xlsx [--db KANSA.DB --years Y1,Y2] CELLS.tsv OUT.xlsx
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "floor_read.h"

#define MAXF   64
#define MAXFMT 4096

static lxw_format *fmt[MAXFMT];

/* Undoes the \t, \n, \\ escapes in place. */
static char *unescape(char *s)
{
	char *o = s, *r = s;
	for (; *s; s++) {
		if (*s == '\\' && s[1]) {
			s++;
			*o++ = *s == 't' ? '\t' : *s == 'n' ? '\n' : *s;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
	return r;
}

static int lookup(const char *s, const char *const *names, int n)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(s, names[i]))
			return i;
	return 0;
}

static int border(const char *s)
{
	static const char *const b[] = {"",
					"thin",
					"medium",
					"dashed",
					"dotted",
					"thick",
					"double",
					"hair",
					"mediumDashed",
					"dashDot",
					"mediumDashDot",
					"dashDotDot",
					"mediumDashDotDot",
					"slantDashDot"};
	return lookup(s, b, (int)(sizeof(b) / sizeof(*b)));
}

static int pattern(const char *s)
{
	static const char *const p[] = {
		"none",		 "solid",	 "mediumGray",
		"darkGray",	 "lightGray",	 "darkHorizontal",
		"darkVertical",	 "darkDown",	 "darkUp",
		"darkGrid",	 "darkTrellis",	 "lightHorizontal",
		"lightVertical", "lightDown",	 "lightUp",
		"lightGrid",	 "lightTrellis", "gray125",
		"gray0625"};
	return lookup(s, p, (int)(sizeof(p) / sizeof(*p)));
}

static lxw_format *format_of(const char *s)
{
	long i = *s ? atol(s) : 0; /* 0: the default, kansa's NULL */
	return i > 0 && i < MAXFMT ? fmt[i] : NULL;
}

static unsigned hex(const char *s)
{
	return (unsigned)strtoul(s, NULL, 16);
}

/* An X line: f[1] id ... (see bench/xlsx_cells.py). */
static void add_format(lxw_workbook *wb, char **f)
{
	static const char *const h[] = {
		"",	"left",	   "center",	       "right",
		"fill", "justify", "centerContinuous", "distributed"};
	static const char *const v[] = {"top", "bottom", "center", "justify",
					"distributed"};
	long id = atol(f[1]);
	lxw_format *x;
	if (id < 0 || id >= MAXFMT)
		return;
	x = fmt[id] = workbook_add_format(wb);
	format_set_font_name(x, f[2]);
	format_set_font_size(x, atof(f[3]));
	if (atoi(f[4]))
		format_set_bold(x);
	if (atoi(f[5]))
		format_set_italic(x);
	if (atoi(f[6]))
		format_set_underline(x, LXW_UNDERLINE_SINGLE);
	if (*f[7])
		format_set_font_color(x, hex(f[7]));
	if (strcmp(f[8], "General"))
		format_set_num_format(x, f[8]);
	if (*f[9])
		format_set_align(x, (uint8_t)lookup(f[9], h, 8));
	if (*f[10])
		format_set_align(x, (uint8_t)(LXW_ALIGN_VERTICAL_TOP +
					      lookup(f[10], v, 5)));
	if (atoi(f[11]))
		format_set_text_wrap(x);
	if (atoi(f[12]))
		format_set_indent(x, (uint8_t)atoi(f[12]));
	if (atoi(f[13]))
		format_set_rotation(x, (int16_t)atoi(f[13]));
	if (atoi(f[14]))
		format_set_shrink(x);
	if (*f[15] && strcmp(f[15], "none")) {
		format_set_pattern(x, (uint8_t)pattern(f[15]));
		if (*f[16])
			format_set_fg_color(x, hex(f[16]));
		if (*f[17])
			format_set_bg_color(x, hex(f[17]));
	}
	format_set_left(x, (uint8_t)border(f[18]));
	format_set_right(x, (uint8_t)border(f[19]));
	format_set_top(x, (uint8_t)border(f[20]));
	format_set_bottom(x, (uint8_t)border(f[21]));
	if (*f[22])
		format_set_left_color(x, hex(f[22]));
	if (*f[23])
		format_set_right_color(x, hex(f[23]));
	if (*f[24])
		format_set_top_color(x, hex(f[24]));
	if (*f[25])
		format_set_bottom_color(x, hex(f[25]));
	if (!atoi(f[26]))
		format_set_unlocked(x);
	if (atoi(f[27]))
		format_set_hidden(x);
}

/* The format of a conditional format's background colour (one each). */
static lxw_format *background(lxw_workbook *wb, const char *colour)
{
	static char seen[32][8];
	static lxw_format *made[32];
	int i;
	for (i = 0; i < 32 && made[i]; i++)
		if (!strcmp(seen[i], colour))
			return made[i];
	if (i == 32)
		return made[31];
	snprintf(seen[i], sizeof(seen[i]), "%s", colour);
	made[i] = workbook_add_format(wb);
	format_set_bg_color(made[i], hex(colour));
	return made[i];
}

/* K, V, A, H, O and Q lines: a sheet's validations, conditional formats,
 * autofilter and page setup. */
static void sheet_setup(lxw_workbook *wb, lxw_worksheet *ws, char **f, int n)
{
	lxw_row_t r1 = n > 4 ? (lxw_row_t)atol(f[1]) : 0;
	lxw_col_t c1 = n > 4 ? (lxw_col_t)atol(f[2]) : 0;
	lxw_row_t r2 = n > 4 ? (lxw_row_t)atol(f[3]) : 0;
	lxw_col_t c2 = n > 4 ? (lxw_col_t)atol(f[4]) : 0;
	char formula[4096];
	switch (f[0][0]) {
	case 'K':
		if (n >= 8) {
			lxw_conditional_format cf = {
				.type = LXW_CONDITIONAL_TYPE_CELL,
				.criteria = (uint8_t)atoi(f[5]),
				.value_string = unescape(f[6]),
				.format = background(wb, f[7])};
			worksheet_conditional_format_range(ws, r1, c1, r2, c2,
							   &cf);
		}
		break;
	case 'V':
		if (n >= 6) {
			lxw_data_validation dv = {
				.validate = LXW_VALIDATION_TYPE_LIST_FORMULA,
				.value_formula = formula};
			snprintf(formula, sizeof(formula), "=%s",
				 unescape(f[5]));
			worksheet_data_validation_range(ws, r1, c1, r2, c2,
							&dv);
		}
		break;
	case 'A':
		if (n >= 5)
			worksheet_autofilter(ws, r1, c1, r2, c2);
		break;
	case 'H':
		if (n >= 2)
			worksheet_set_header(ws, unescape(f[1]));
		break;
	case 'O':
		if (n >= 2)
			worksheet_set_footer(ws, unescape(f[1]));
		break;
	case 'Q':
		if (n >= 5) {
			worksheet_set_paper(ws, (uint8_t)atoi(f[1]));
			if (atoi(f[2]))
				worksheet_set_landscape(ws);
			if (*f[3] || *f[4])
				worksheet_fit_to_pages(
					ws, (uint16_t)atoi(*f[3] ? f[3] : "1"),
					(uint16_t)atoi(*f[4] ? f[4] : "1"));
		}
		break;
	}
}

/* One line of a sheet (f[0] its kind); n fields. */
static void sheet_line(lxw_worksheet *ws, char **f, int n)
{
	lxw_row_t r = n > 1 ? (lxw_row_t)atol(f[1]) : 0;
	lxw_col_t c = n > 2 ? (lxw_col_t)atol(f[2]) : 0;
	switch (f[0][0]) {
	case 'C':
		if (n >= 6)
			worksheet_set_column(ws, (lxw_col_t)atol(f[1]),
					     (lxw_col_t)atol(f[2]), atof(f[3]),
					     format_of(f[4]));
		break;
	case 'Z':
		worksheet_freeze_panes(ws, r, c);
		break;
	case 'P':
		worksheet_protect(ws, NULL, NULL);
		break;
	case 'R':
		if (n >= 5)
			worksheet_set_row(
				ws, r, *f[2] ? atof(f[2]) : LXW_DEF_ROW_HEIGHT,
				*f[3] ? format_of(f[3]) : NULL);
		break;
	case 'S':
		worksheet_write_string(ws, r, c, unescape(f[4]),
				       format_of(f[3]));
		break;
	case 'N':
		worksheet_write_number(ws, r, c, strtod(f[4], NULL),
				       format_of(f[3]));
		break;
	case 'B':
		worksheet_write_blank(ws, r, c, format_of(f[3]));
		break;
	case 'L':
		worksheet_write_boolean(ws, r, c, atoi(f[4]), format_of(f[3]));
		break;
	case 'F':
		worksheet_write_formula_num(ws, r, c, unescape(f[4]),
					    format_of(f[3]),
					    n > 5 ? strtod(f[5], NULL) : 0);
		break;
	case 'G':
		worksheet_write_formula_str(ws, r, c, unescape(f[4]),
					    format_of(f[3]),
					    n > 5 ? unescape(f[5]) : "");
		break;
	case 'U':
		worksheet_write_url_opt(ws, r, c, unescape(f[4]),
					format_of(f[3]),
					n > 5 ? unescape(f[5]) : NULL, NULL);
		break;
	}
}

static int write(const char *cells, const char *out)
{
	lxw_workbook_options o = {.constant_memory = LXW_TRUE};
	lxw_workbook *wb;
	lxw_worksheet *ws = NULL;
	FILE *in = fopen(cells, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	if (!in || !(wb = workbook_new_opt(out, &o)))
		return 2;
	while ((len = getline(&line, &cap, in)) > 0) {
		char *f[MAXF] = {line};
		int n = 1;
		if (line[len - 1] == '\n')
			line[len - 1] = '\0';
		while (n < MAXF && (f[n] = strchr(f[n - 1], '\t')))
			*f[n++]++ = '\0';
		if (f[0][0] == 'X' && n >= 28)
			add_format(wb, f);
		else if (f[0][0] == 'W' && n > 1)
			ws = workbook_add_worksheet(wb, unescape(f[1]));
		else if (f[0][0] == 'D' && n > 2)
			workbook_define_name(wb, unescape(f[1]),
					     unescape(f[2]));
		else if (ws && strchr("KVAHOQ", f[0][0]))
			sheet_setup(wb, ws, f, n);
		else if (ws && (n > 4 || f[0][0] == 'P' || f[0][0] == 'Z'))
			sheet_line(ws, f, n);
	}
	free(line);
	fclose(in);
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}

int main(int argc, char **argv)
{
	if (argc == 7 && !strcmp(argv[1], "--db") &&
	    !strcmp(argv[3], "--years")) {
		if (floor_read(argv[2], argv[4]))
			return 1;
		argv += 4;
		argc -= 4;
	}
	if (argc != 3) {
		fprintf(stderr, "usage: floor_xlsx [--db KANSA.DB --years "
				"Y1,Y2] CELLS.tsv OUT.xlsx\n");
		return 2;
	}
	return write(argv[1], argv[2]);
}
