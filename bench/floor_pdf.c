/* floor_pdf.c: the floor kansa's PDFs are measured against: the same
 * pages and lines of text at the same places (as kansa dumped them with
 * KANSA_FLOOR_DUMP set), drawn with bare libharu calls in the same
 * embedded font and compression: no database, no model, no line breaking,
 * tables, charts or outline.
 *
 * usage: floor_pdf FONT.ttf TEXT.tsv OUT.pdf
 * TEXT.tsv lines: "P" (a new A4 page), "T x y size text".
 */
#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void on_error(HPDF_STATUS e, HPDF_STATUS detail, void *user)
{
	(void)user;
	fprintf(stderr, "libharu error %04X (%u)\n", (unsigned)e,
		(unsigned)detail);
	exit(1);
}

int main(int argc, char **argv)
{
	HPDF_Doc doc;
	HPDF_Font font;
	HPDF_Page page = NULL;
	FILE *in;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (argc != 4 || !(in = fopen(argv[2], "r")))
		return 2;
	doc = HPDF_New(on_error, NULL);
	HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(doc);
	HPDF_SetCurrentEncoder(doc, "UTF-8");
	font = HPDF_GetFont(doc, HPDF_LoadTTFontFromFile(doc, argv[1], HPDF_TRUE),
			    "UTF-8");
	while ((n = getline(&line, &cap, in)) > 0) {
		char *f[5] = {line, NULL, NULL, NULL, NULL};
		line[n - 1] = '\0';
		for (int i = 1; i < 5 && f[i - 1]; i++)
			if ((f[i] = strchr(f[i - 1], '\t')))
				*f[i]++ = '\0';
		if (f[0][0] == 'P') {
			page = HPDF_AddPage(doc);
			HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4,
					  HPDF_PAGE_PORTRAIT);
		} else if (page && f[0][0] == 'T' && f[4]) {
			HPDF_Page_BeginText(page);
			HPDF_Page_SetFontAndSize(page, font,
						 (HPDF_REAL)atof(f[3]));
			HPDF_Page_TextOut(page, (HPDF_REAL)atof(f[1]),
					  (HPDF_REAL)atof(f[2]), f[4]);
			HPDF_Page_EndText(page);
		}
	}
	free(line);
	fclose(in);
	if (HPDF_SaveToFile(doc, argv[3]) != HPDF_OK)
		return 1;
	HPDF_Free(doc);
	return 0;
}
