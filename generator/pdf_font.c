/* pdf_font.c: glyph maps, widths and ToUnicode maps of kansa's fonts. */
#include "pdf_font.h"

#include <hpdf_utils.h> /* HPDF_IS_WHITE_SPACE */
#include <stdlib.h>
#include <string.h>

#include "text.h"

static bool is_used(const uint8_t *map, uint32_t cp)
{
	return map[cp >> 3] & (1u << (cp & 7));
}

/*
 * Making the font.  HPDF_GetFont builds the font's CIDToGIDMap at once:
 * for an encoder with a ToUnicode function of its own, as the UTF-8 one
 * has, libharu 2.3.0 searches the font's cmap (HPDF_TTFontDef_GetGlyphid)
 * for all 65,536 code points, about 0.1 s of CPU per face, more than half
 * of a report's drawing time with three faces.  For a plain CMap encoder
 * it searches only the codes the encoder maps.  So the font is made with
 * the encoder dressed as a plain one that maps only the space, then
 * undressed; pdf_font_finish() writes the real map.
 */
HPDF_Font pdf_font_make(HPDF_Doc doc, const char *name)
{
	HPDF_Encoder enc = HPDF_GetEncoder(doc, "UTF-8");
	HPDF_CMapEncoderAttr a = enc ? (HPDF_CMapEncoderAttr)enc->attr : NULL;
	HPDF_UINT16(*saved)[256] = a ? malloc(sizeof(a->cid_map)) : NULL;
	HPDF_Encoder_ToUnicode_Func to_unicode;
	HPDF_UNICODE space;
	HPDF_Font font;

	if (!saved) /* the slow way still makes a correct font */
		return HPDF_GetFont(doc, name, "UTF-8");
	memcpy(saved, a->cid_map, sizeof(a->cid_map));
	memset(a->cid_map, 0, sizeof(a->cid_map));
	a->cid_map[0][' '] = ' ';
	space = a->unicode_map[0][' '];
	a->unicode_map[0][' '] = ' ';
	to_unicode = enc->to_unicode_fn;
	enc->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
	font = HPDF_GetFont(doc, name, "UTF-8");
	enc->to_unicode_fn = to_unicode;
	a->unicode_map[0][' '] = space;
	memcpy(a->cid_map, saved, sizeof(a->cid_map));
	free(saved);
	return font;
}

/*
 * Widths.  libharu measures every string it shows (HPDF_Page_ShowText
 * calls HPDF_Page_TextWidth to move the text position), and measures a
 * UTF-8 font's characters one by one, each by a search of the font's
 * cmap segment after segment (HPDF_TTFontDef_GetGlyphid): a fifth of a
 * 231-page report's time.  Measuring a character also marks its glyph
 * as one to embed.  A font given to pdf_font_keep_widths() measures
 * each BMP code point through libharu's own function once (which marks
 * its glyph) and keeps what it said: libharu counts a string character
 * by character (CMap parse state restarts at each character of UTF-8),
 * so the sum of the characters' answers is libharu's answer.  The width
 * function has no user pointer: the fonts are found in a small table,
 * and leave it when libharu frees them.
 */
struct kept_char {
	uint16_t width; /* 1/1000 em */
	uint8_t chars;	/* libharu's numchars + 1; 0: not asked yet */
	uint8_t spaces; /* libharu's numspace */
};

struct kept_font {
	HPDF_Font font;			    /* NULL: a free slot */
	HPDF_Font_TextWidths_Func width_fn; /* libharu's */
	HPDF_Dict_FreeFunc free_fn;	    /* libharu's */
	struct kept_char *v;		    /* per BMP code point */
};

#define KEPT_FONTS 16
static struct kept_font kept[KEPT_FONTS];
static HPDF_Font_TextWidths_Func type0_width; /* libharu's, for Type0 */

static struct kept_font *kept_find(HPDF_Font font)
{
	for (int i = 0; i < KEPT_FONTS; i++)
		if (kept[i].font == font)
			return &kept[i];
	return NULL;
}

/* One character's answer (l bytes at s, code point cp), asked once;
 * NULL when libharu's answer does not fit the table. */
static const struct kept_char *kept_char(struct kept_font *k,
					 const HPDF_BYTE *s, int l, uint32_t cp)
{
	struct kept_char *c = &k->v[cp];
	HPDF_TextWidth t;
	if (c->chars)
		return c;
	t = k->width_fn(k->font, s, (HPDF_UINT)l);
	/* numwords: the spaces, and one more unless it ends in one */
	if (t.width >= 0xFFFF || t.numchars >= 0xFF || t.numspace >= 0xFF ||
	    t.numwords != t.numspace + !HPDF_IS_WHITE_SPACE(s[l - 1]))
		return NULL;
	c->width = (uint16_t)t.width;
	c->spaces = (uint8_t)t.numspace;
	c->chars = (uint8_t)(t.numchars + 1);
	return c;
}

static HPDF_TextWidth kept_width(HPDF_Font font, const HPDF_BYTE *text,
				 HPDF_UINT len)
{
	struct kept_font *k = kept_find(font);
	HPDF_TextWidth t = {0, 0, 0, 0};

	if (!k) /* never: only the table's fonts measure with this */
		return type0_width(font, text, len);
	for (HPDF_UINT i = 0; i < len;) {
		uint32_t cp;
		int l = text_u8_next((const char *)text + i, len - i, &cp);
		const struct kept_char *c;
		if (l <= 0 || cp == 0 || cp > 0xFFFF ||
		    (cp >= 0xD800 && cp <= 0xDFFF) ||
		    !(c = kept_char(k, text + i, l, cp)))
			return k->width_fn(font, text, len);
		t.numchars += c->chars - 1u;
		t.numspace += c->spaces;
		t.width += c->width;
		i += (HPDF_UINT)l;
	}
	if (len == 0)
		return k->width_fn(font, text, len);
	t.numwords = t.numspace + !HPDF_IS_WHITE_SPACE(text[len - 1]);
	return t;
}

static void kept_free(HPDF_Dict font)
{
	struct kept_font *k = kept_find(font);
	HPDF_Dict_FreeFunc free_fn;
	if (!k)
		return;
	free_fn = k->free_fn;
	free(k->v);
	memset(k, 0, sizeof(*k));
	if (free_fn)
		free_fn(font);
}

bool pdf_font_keep_widths(HPDF_Font font)
{
	HPDF_FontAttr fa = font ? (HPDF_FontAttr)font->attr : NULL;
	struct kept_font *k = kept_find(NULL);

	if (!fa || fa->type != HPDF_FONT_TYPE0_TT || !k ||
	    fa->text_width_fn == kept_width ||
	    !(k->v = calloc(0x10000, sizeof(*k->v))))
		return false;
	k->font = font;
	k->width_fn = type0_width = fa->text_width_fn;
	k->free_fn = font->free_fn;
	fa->text_width_fn = kept_width;
	font->free_fn = kept_free;
	return true;
}

/* The /CIDToGIDMap (two bytes per CID up to the last one drawn, glyph 0
 * for the others) and the /W array of the widths that differ from /DW. */
static bool write_glyph_map(HPDF_Doc doc, HPDF_FontAttr fa, const uint8_t *used)
{
	HPDF_FontDef def = fa->fontdef;
	HPDF_Array w = HPDF_Array_New(doc->mmgr), run = NULL;
	uint32_t last = 0, prev = 0;
	uint8_t *map;
	bool ok;

	if (!w || !fa->map_stream || !fa->descendant_font)
		return false;
	for (uint32_t cp = 0; cp < 0x10000; cp++)
		if (is_used(used, cp))
			last = cp;
	if (!(map = calloc(last + 1, 2)))
		return false;
	for (uint32_t cp = 1; cp <= last; cp++) {
		HPDF_UINT16 gid;
		HPDF_INT16 width;
		if (!is_used(used, cp))
			continue;
		gid = HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)cp);
		map[2 * cp] = (uint8_t)(gid >> 8);
		map[2 * cp + 1] = (uint8_t)gid;
		width = HPDF_TTFontDef_GetGidWidth(def, gid);
		if (width == def->missing_width)
			continue;
		if (!run || prev + 1 != cp) {
			run = HPDF_Array_New(doc->mmgr);
			if (!run || HPDF_Array_AddNumber(w, (HPDF_INT32)cp) ||
			    HPDF_Array_Add(w, run))
				break;
		}
		HPDF_Array_AddNumber(run, width);
		prev = cp;
	}
	HPDF_MemStream_FreeData(fa->map_stream->stream);
	ok = HPDF_Stream_Write(fa->map_stream->stream, map,
			       (HPDF_UINT)(2 * (last + 1))) == HPDF_OK &&
	     HPDF_Dict_Add(fa->descendant_font, "W", w) == HPDF_OK;
	free(map);
	return ok;
}

/*
 * The ToUnicode CMap.  libharu gives the font, as its /ToUnicode, a copy
 * of its encoding CMap: one "begincidrange <0000> <FFFF> 0", which is not
 * a ToUnicode CMap (those map codes to Unicode with bfchar/bfrange;
 * poppler warns "Invalid 'begincidrange' operator" on every page).  The
 * stream is rewritten in place: code c maps to U+c, for the code points
 * drawn, as ranges within one high byte (bfrange) or single codes
 * (bfchar), at most 100 a block.
 */
static void cmap_block(struct sbuf *b, const uint32_t (*v)[2], size_t count,
		       bool range)
{
	for (size_t i = 0; i < count; i += 100) {
		size_t k = count - i < 100 ? count - i : 100;
		sbuf_printf(b, "%zu begin%s\n", k,
			    range ? "bfrange" : "bfchar");
		for (size_t j = i; j < i + k; j++)
			if (range)
				sbuf_printf(b, "<%04X> <%04X> <%04X>\n",
					    (unsigned)v[j][0],
					    (unsigned)v[j][1],
					    (unsigned)v[j][0]);
			else
				sbuf_printf(b, "<%04X> <%04X>\n",
					    (unsigned)v[j][0],
					    (unsigned)v[j][0]);
		sbuf_printf(b, "end%s\n", range ? "bfrange" : "bfchar");
	}
}

/* The CMap program for the code points in used; NULL when out of
 * memory. */
static char *cmap_text(const uint8_t *used)
{
	uint32_t(*ranges)[2] = calloc(0x8000, sizeof(*ranges));
	uint32_t(*singles)[2] = calloc(0x8000, sizeof(*singles));
	size_t nr = 0, ns = 0;
	struct sbuf b = {0};

	if (!ranges || !singles)
		goto out;
	for (uint32_t cp = 0; cp < 0x10000; cp++) {
		uint32_t end = cp;
		if (!is_used(used, cp) || (cp >= 0xD800 && cp <= 0xDFFF))
			continue;
		while ((end & 0xFF) != 0xFF && is_used(used, end + 1))
			end++;
		if (end > cp) {
			ranges[nr][0] = cp;
			ranges[nr++][1] = end;
		} else {
			singles[ns++][0] = cp;
		}
		cp = end;
	}
	sbuf_adds(&b, "/CIDInit /ProcSet findresource begin\n"
		      "12 dict begin\n"
		      "begincmap\n"
		      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
		      "/Supplement 0 >> def\n"
		      "/CMapName /Adobe-Identity-UCS def\n"
		      "/CMapType 2 def\n"
		      "1 begincodespacerange\n<0000> <FFFF>\n"
		      "endcodespacerange\n");
	cmap_block(&b, (const uint32_t(*)[2])ranges, nr, true);
	cmap_block(&b, (const uint32_t(*)[2])singles, ns, false);
	sbuf_adds(&b, "endcmap\n"
		      "CMapName currentdict /CMap defineresource pop\n"
		      "end\n"
		      "end\n");
out:
	free(ranges);
	free(singles);
	return sbuf_take(&b);
}

static bool write_to_unicode(HPDF_Doc doc, HPDF_Font font, const uint8_t *used)
{
	HPDF_Dict cmap = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
	HPDF_Dict info;
	char *text;
	bool ok;

	if (!cmap || !cmap->stream || !(text = cmap_text(used)))
		return false;
	HPDF_MemStream_FreeData(cmap->stream);
	ok = HPDF_Stream_WriteStr(cmap->stream, text) == HPDF_OK;
	free(text);
	/* the stream dictionary named the encoding CMap: name this one */
	ok = ok && HPDF_Dict_AddName(cmap, "CMapName", "Adobe-Identity-UCS") ==
			   HPDF_OK;
	if (ok && (info = HPDF_Dict_New(doc->mmgr))) {
		HPDF_Dict_Add(info, "Registry",
			      HPDF_String_New(doc->mmgr, "Adobe", NULL));
		HPDF_Dict_Add(info, "Ordering",
			      HPDF_String_New(doc->mmgr, "UCS", NULL));
		HPDF_Dict_AddNumber(info, "Supplement", 0);
		ok = HPDF_Dict_Add(cmap, "CIDSystemInfo", info) == HPDF_OK;
	}
	cmap->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	return ok;
}

bool pdf_font_finish(HPDF_Doc doc, HPDF_Font font, const uint8_t *used)
{
	HPDF_FontAttr fa = font ? (HPDF_FontAttr)font->attr : NULL;
	if (!fa || fa->type != HPDF_FONT_TYPE0_TT)
		return false;
	return write_glyph_map(doc, fa, used) &&
	       write_to_unicode(doc, font, used);
}
