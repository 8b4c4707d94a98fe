/* floor_pdf.c: the floor kansa's PDFs are measured against: with --db,
 * first the rows of the two years read from kansa's database
 * (floor_read.c); then the same pages and pieces of text at the same
 * places in the same faces (as kansa dumped them with KANSA_FLOOR_DUMP
 * set), drawn with bare libharu calls, the faces embedded as kansa embeds
 * them (IPAex Mincho, IPAex Gothic, IPA Gothic, each loaded on first use
 * and made as kansa makes it, with generator/pdf_font.c: the glyph map
 * and ToUnicode map of the code points drawn, each code point's width
 * asked of libharu once, as kansa does), the same compression: no
 * model, no line breaking, no rules, tables, charts or outline.
 *
 * usage: floor_pdf [--db KANSA.DB --years Y1,Y2] MINCHO.ttf GOTHIC.ttf
 *                  MONO.ttf TEXT.tsv OUT.pdf
 * TEXT.tsv lines: "P" (a new A4 page), "T x y size face text".
 */
#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../generator/pdf_font.h"
#include "../generator/text.h"
#include "floor_read.h"

#define FACES 3

static uint8_t used[FACES][0x10000 / 8]; /* code points drawn, per face */

static void mark_used(int face, const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int l = text_u8_next(s + i, n - i, &cp);
		if (l <= 0) {
			i++;
			continue;
		}
		if (cp < 0x10000)
			used[face][cp >> 3] |= (uint8_t)(1u << (cp & 7));
		i += (size_t)l;
	}
}

static void on_error(HPDF_STATUS e, HPDF_STATUS detail, void *user)
{
	(void)user;
	fprintf(stderr, "libharu error %04X (%u)\n", (unsigned)e,
		(unsigned)detail);
	exit(1);
}

static int draw(char **ttf, const char *text, const char *out)
{
	HPDF_Doc doc = HPDF_New(on_error, NULL);
	HPDF_Font font[FACES] = {NULL};
	HPDF_Page page = NULL;
	FILE *in = fopen(text, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (!in || !doc)
		return 2;
	HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(doc);
	HPDF_SetCurrentEncoder(doc, "UTF-8");
	while ((n = getline(&line, &cap, in)) > 0) {
		char *f[6] = {line, NULL, NULL, NULL, NULL, NULL};
		int face;
		if (line[n - 1] == '\n')
			line[n - 1] = '\0';
		for (int i = 1; i < 6 && f[i - 1]; i++)
			if ((f[i] = strchr(f[i - 1], '\t')))
				*f[i]++ = '\0';
		if (f[0][0] == 'P') {
			page = HPDF_AddPage(doc);
			HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4,
					  HPDF_PAGE_PORTRAIT);
		} else if (page && f[0][0] == 'T' && f[5]) {
			face = atoi(f[4]);
			if (face < 0 || face >= FACES)
				face = 0;
			if (!font[face] &&
			    (font[face] = pdf_font_make(
				     doc, HPDF_LoadTTFontFromFile(
						  doc, ttf[face], HPDF_TRUE))))
				pdf_font_keep_widths(font[face]);
			mark_used(face, f[5]);
			HPDF_Page_BeginText(page);
			HPDF_Page_SetFontAndSize(page, font[face],
						 (HPDF_REAL)atof(f[3]));
			HPDF_Page_TextOut(page, (HPDF_REAL)atof(f[1]),
					  (HPDF_REAL)atof(f[2]), f[5]);
			HPDF_Page_EndText(page);
		}
	}
	free(line);
	fclose(in);
	for (int i = 0; i < FACES; i++)
		if (font[i] && !pdf_font_finish(doc, font[i], used[i]))
			return 1;
	if (HPDF_SaveToFile(doc, out) != HPDF_OK)
		return 1;
	HPDF_Free(doc);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 10 && !strcmp(argv[1], "--db") &&
	    !strcmp(argv[3], "--years")) {
		if (floor_read(argv[2], argv[4]))
			return 1;
		argv += 4;
		argc -= 4;
	}
	if (argc != 6) {
		fprintf(stderr,
			"usage: floor_pdf [--db KANSA.DB --years Y1,Y2] "
			"MINCHO.ttf GOTHIC.ttf MONO.ttf TEXT.tsv "
			"OUT.pdf\n");
		return 2;
	}
	return draw(argv + 1, argv[4], argv[5]);
}
