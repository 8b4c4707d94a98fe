/* floor_xlsx.c: the floor kansa's workbook is measured against: the same
 * sheets and cells (as kansa dumped them with KANSA_FLOOR_DUMP set) written
 * with bare libxlsxwriter calls in constant_memory mode: no database, no
 * model, no scoring, no formats, widths, validation or charts.
 *
 * usage: floor_xlsx CELLS.tsv OUT.xlsx
 * CELLS.tsv lines: "W name" (a sheet), "S row col text" (\t \n \\
 * escaped), "N row col number".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

/* Undoes the \t, \n, \\ escapes in place. */
static void unescape(char *s)
{
	char *o = s;
	for (; *s; s++) {
		if (*s == '\\' && s[1]) {
			s++;
			*o++ = *s == 't' ? '\t' : *s == 'n' ? '\n' : *s;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
}

int main(int argc, char **argv)
{
	lxw_workbook_options o = {.constant_memory = LXW_TRUE};
	lxw_workbook *wb;
	lxw_worksheet *ws = NULL;
	FILE *in;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (argc != 3 || !(in = fopen(argv[1], "r")))
		return 2;
	wb = workbook_new_opt(argv[2], &o);
	while ((n = getline(&line, &cap, in)) > 0) {
		char *f[4] = {line, NULL, NULL, NULL};
		line[n - 1] = '\0';
		for (int i = 1; i < 4 && f[i - 1]; i++)
			if ((f[i] = strchr(f[i - 1], '\t')))
				*f[i]++ = '\0';
		if (f[0][0] == 'W' && f[1])
			ws = workbook_add_worksheet(wb, f[1]);
		else if (ws && f[3] && f[0][0] == 'S') {
			unescape(f[3]);
			worksheet_write_string(ws, (lxw_row_t)atol(f[1]),
					       (lxw_col_t)atoi(f[2]), f[3],
					       NULL);
		} else if (ws && f[3] && f[0][0] == 'N')
			worksheet_write_number(ws, (lxw_row_t)atol(f[1]),
					       (lxw_col_t)atoi(f[2]),
					       strtod(f[3], NULL), NULL);
	}
	free(line);
	fclose(in);
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
