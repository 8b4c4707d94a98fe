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

/* A document in UTF-8 mode with IPAex Mincho made by pdf_font_make(),
 * its widths kept or not. */
static HPDF_Font mincho(HPDF_Doc *doc, HPDF_STATUS *err, bool keep)
{
	const char *name;
	HPDF_Font font;
	*doc = HPDF_New(on_error, err);
	assert_non_null(*doc);
	HPDF_UseUTFEncodings(*doc);
	HPDF_SetCurrentEncoder(*doc, "UTF-8");
	name = HPDF_LoadTTFontFromFile(*doc, MINCHO, HPDF_TRUE);
	assert_non_null(name);
	font = pdf_font_make(*doc, name);
	assert_non_null(font);
	assert_true(!keep || pdf_font_keep_widths(font));
	return font;
}

/* A font whose widths are kept measures every string as libharu does
 * (all four counts), the second time from what it kept, and marks the
 * same glyphs to embed; freeing the document frees what it kept (LSan
 * and valgrind see the rest). */
static void test_kept_widths(void **state)
{
	static const char *const texts[] = {"A",
					    "A B",
					    " ",
					    "監査報告書",
					    "監査 報告書 ",
					    "abc\tdef",
					    "全角\u3000スペース",
					    "ｶﾀｶﾅ",
					    "〓",
					    "x\n",
					    "。」、（",
					    "",
					    "SHA-256: 0123456789abcdef",
					    "𠮷",
					    "\xff\xfe bad"};
	HPDF_STATUS err = 0;
	HPDF_Doc plain_doc, kept_doc;
	HPDF_Font plain = mincho(&plain_doc, &err, false);
	HPDF_Font kept = mincho(&kept_doc, &err, true);
	HPDF_TTFontDefAttr a, b;
	(void)state;

	assert_false(pdf_font_keep_widths(kept)); /* once */
	for (int round = 0; round < 2; round++)
		for (size_t i = 0; i < sizeof(texts) / sizeof(*texts); i++) {
			HPDF_UINT n = (HPDF_UINT)strlen(texts[i]);
			HPDF_TextWidth x = HPDF_Font_TextWidth(
				plain, (const HPDF_BYTE *)texts[i], n);
			HPDF_TextWidth y = HPDF_Font_TextWidth(
				kept, (const HPDF_BYTE *)texts[i], n);
			assert_int_equal(x.width, y.width);
			assert_int_equal(x.numchars, y.numchars);
			assert_int_equal(x.numspace, y.numspace);
			assert_int_equal(x.numwords, y.numwords);
		}
	assert_int_not_equal(
		HPDF_Font_TextWidth(kept, (const HPDF_BYTE *)"監", 3).width, 0);
	a = (HPDF_TTFontDefAttr)((HPDF_FontAttr)plain->attr)->fontdef->attr;
	b = (HPDF_TTFontDefAttr)((HPDF_FontAttr)kept->attr)->fontdef->attr;
	assert_int_equal(a->num_glyphs, b->num_glyphs);
	assert_memory_equal(a->glyph_tbl.flgs, b->glyph_tbl.flgs,
			    a->num_glyphs);
	assert_int_equal(err, 0);
	HPDF_Free(plain_doc);
	HPDF_Free(kept_doc);
	/* freed fonts leave the table: more fonts than it holds, one
	 * after the other, are all kept */
	for (int i = 0; i < 20; i++) {
		kept = mincho(&kept_doc, &err, true);
		HPDF_Free(kept_doc);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_maps),
		cmocka_unit_test(test_kept_widths),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
