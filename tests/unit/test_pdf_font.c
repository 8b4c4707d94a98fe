/* test_pdf_font.c: the glyph map, widths and ToUnicode map that
 * pdf_font_finish() writes for libharu 2.3.0's UTF-8 fonts. */
#include "helpers.h"

#include <hpdf.h>

#include "pdf_font.h"

#define MINCHO "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf"

static void on_error(HPDF_STATUS e, HPDF_STATUS detail, void *user)
{
	(void)detail;
	*(HPDF_STATUS *)user = e;
}

/* The bytes of a libharu memory stream, as one string (caller frees). */
static char *stream_text(HPDF_Stream s)
{
	struct sbuf b = {0};
	for (HPDF_UINT i = 0; i < HPDF_MemStream_GetBufCount(s); i++) {
		HPDF_UINT len = 0;
		HPDF_BYTE *p = HPDF_MemStream_GetBufPtr(s, i, &len);
		sbuf_add(&b, (const char *)p, len);
	}
	return sbuf_take(&b);
}

static void mark(uint8_t *used, uint32_t cp)
{
	used[cp >> 3] |= (uint8_t)(1u << (cp & 7));
}

/* libharu's own ToUnicode is one "begincidrange <0000> <FFFF> 0" (poppler
 * warns on every page); after pdf_font_finish() it maps each code drawn
 * to itself with bfrange/bfchar, the glyph map gives each its glyph and
 * the fonts are made without 65,536 glyph searches. */
static void test_maps(void **state)
{
	HPDF_STATUS err = 0;
	HPDF_Doc doc = HPDF_New(on_error, &err);
	uint8_t *used = calloc(0x10000 / 8, 1);
	const char *name;
	HPDF_Font font;
	HPDF_Dict cmap;
	HPDF_FontAttr fa;
	char *text;
	HPDF_UINT len = 0;
	HPDF_BYTE *map;
	(void)state;

	assert_non_null(doc);
	assert_non_null(used);
	HPDF_UseUTFEncodings(doc);
	HPDF_SetCurrentEncoder(doc, "UTF-8");
	name = HPDF_LoadTTFontFromFile(doc, MINCHO, HPDF_TRUE);
	assert_non_null(name);
	font = pdf_font_make(doc, name);
	assert_non_null(font);
	cmap = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
	assert_non_null(cmap);
	text = stream_text(cmap->stream);
	assert_non_null(strstr(text, "begincidrange")); /* libharu's */
	free(text);
	/* A, B, C (a range), 監 and 査 (a range), 。 (single) */
	for (uint32_t cp = 'A'; cp <= 'C'; cp++)
		mark(used, cp);
	mark(used, 0x76E3);
	mark(used, 0x76E4);
	mark(used, 0x3002);
	assert_true(pdf_font_finish(doc, font, used));
	assert_int_equal(err, 0);
	text = stream_text(cmap->stream);
	assert_null(strstr(text, "cidrange"));
	assert_non_null(strstr(text, "<0041> <0043> <0041>"));
	assert_non_null(strstr(text, "<76E3> <76E4> <76E3>"));
	assert_non_null(strstr(text, "1 beginbfchar\n<3002> <3002>\n"));
	assert_non_null(strstr(text, "/Ordering (UCS)"));
	free(text);
	/* the glyph map reaches the last code drawn; each its glyph */
	fa = (HPDF_FontAttr)font->attr;
	assert_int_equal(fa->map_stream->stream->size, 2 * (0x76E4 + 1));
	map = HPDF_MemStream_GetBufPtr(fa->map_stream->stream, 0, &len);
	assert_non_null(map);
	assert_true(len >= 2 * ('A' + 1));
	assert_int_equal(map[2 * 'A'] << 8 | map[2 * 'A' + 1],
			 HPDF_TTFontDef_GetGlyphid(fa->fontdef, 'A'));
	assert_int_not_equal(map[2 * 'A'] << 8 | map[2 * 'A' + 1], 0);
	assert_int_equal(map[2 * 'D'] << 8 | map[2 * 'D' + 1], 0); /* unused */
	free(used);
	HPDF_Free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_maps),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
