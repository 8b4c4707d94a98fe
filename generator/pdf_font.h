/* pdf_font.h: kansa's embedded TrueType fonts in libharu 2.3.0's UTF-8
 * mode, made fast and finished with valid maps.
 *
 * In UTF-8 mode libharu shows each character as its code point in two
 * bytes (/Encoding /Identity-H, so CID = code point) and maps CIDs to
 * glyphs with a /CIDToGIDMap.  pdf_font_make() makes the font without
 * libharu's search of the font's cmap for all 65,536 code points;
 * pdf_font_finish() then writes the glyph map, the widths (/W) and the
 * /ToUnicode map for the code points actually drawn.  Ownership: the
 * fonts belong to the libharu document.
 */
#ifndef KANSA_PDF_FONT_H
#define KANSA_PDF_FONT_H

#include <hpdf.h>
#include <stdbool.h>
#include <stdint.h>

/* The font loaded under name (HPDF_LoadTTFontFromFile) in the document's
 * UTF-8 encoding; NULL on failure (the document's error handler says
 * why). */
HPDF_Font pdf_font_make(HPDF_Doc doc, const char *name);

/* Makes font (one pdf_font_make() made) measure each BMP code point
 * once and keep the answer: libharu's answers, its glyph marks and so
 * the document's bytes stay the same.  Freed with the font.  False when
 * it cannot (the font then measures as before). */
bool pdf_font_keep_widths(HPDF_Font font);

/* Rewrites font's /CIDToGIDMap, /W and /ToUnicode for the code points
 * whose bits are set in used (8,192 bytes: bit cp & 7 of byte cp >> 3).
 * Call once, just before saving.  False when the font is not one that
 * pdf_font_make() made, or out of memory. */
bool pdf_font_finish(HPDF_Doc doc, HPDF_Font font, const uint8_t *used);

#endif
