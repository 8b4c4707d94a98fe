/* pdf_save.c: a PDF document finished (contents links, fonts embedded,
 * encryption) and saved. */
#include "pdf_layout.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "pdf_font.h"
#include "pdf_layout_internal.h"
#include "text.h"

/* Each contents line becomes a link to its heading (made when both
 * pages exist, after the drawing pass). */
static void contents_links(struct pdf *p)
{
	for (size_t i = 0; i < p->nheadings && !p->failed; i++) {
		const struct pdf_heading *h = &p->headings[i];
		HPDF_Destination dst;
		HPDF_Annotation a;
		if (!h->toc || !h->at)
			continue;
		dst = HPDF_Page_CreateDestination(h->at);
		if (!dst)
			continue;
		HPDF_Destination_SetXYZ(
			dst, 0, (HPDF_REAL)(PDF_PAGE_H - h->at_y + 10), 1);
		a = HPDF_Page_CreateLinkAnnot(h->toc, h->toc_rect, dst);
		if (a) {
			HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
			HPDF_LinkAnnot_SetHighlightMode(a,
							HPDF_ANNOT_INVERT_BOX);
		}
	}
}

/* --- saving ---------------------------------------------------------- */

/* Permission bit 12 (PDF 1.7, 7.6.3.2): print at full quality; libharu
 * names only bit 3, which alone allows a degraded print under R3. */
#define PRINT_HIGH 0x800

void pdf_encrypt(struct pdf *p, const char *user, const char *owner)
{
	if (HPDF_SetPassword(p->doc, owner, user) != HPDF_OK ||
	    HPDF_SetPermission(p->doc, HPDF_ENABLE_PRINT | PRINT_HIGH) !=
		    HPDF_OK ||
	    HPDF_SetEncryptionMode(p->doc, HPDF_ENCRYPT_R3, 16) != HPDF_OK)
		p->failed = true;
}

/* Writes face f's glyph map, widths and ToUnicode map for the code
 * points drawn (pdf_font.c). */
static void finish_face(struct pdf *p, enum pdf_face f)
{
	if (!p->font[f] || p->failed)
		return;
	if (!pdf_font_finish(p->doc, p->font[f], p->used[f])) {
		diags_add(p->d, DIAG_ERROR, p->font_path[f], 0,
			  "cannot write the font's glyph and ToUnicode maps "
			  "(expected libharu 2.3.0's UTF-8 fonts)");
		p->failed = true;
	}
}

enum kansa_err pdf_save(struct pdf *p, const char *path, const char *date,
			const char *title, const char *author,
			const char *subject)
{
	HPDF_Date dt = {0};
	char *tmp;

	if (sscanf(date, "%d-%d-%d", &dt.year, &dt.month, &dt.day) != 3) {
		dt.year = 2000;
		dt.month = dt.day = 1;
	}
	dt.ind = 'Z';
	HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_CREATION_DATE, dt);
	HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_MOD_DATE, dt);
	HPDF_SetInfoAttr(p->doc, HPDF_INFO_TITLE, title);
	HPDF_SetInfoAttr(p->doc, HPDF_INFO_AUTHOR, author);
	HPDF_SetInfoAttr(p->doc, HPDF_INFO_SUBJECT, subject);
	HPDF_SetInfoAttr(p->doc, HPDF_INFO_CREATOR, "kansa");
	pdf_flush(p);
	contents_links(p);
	for (int f = 0; f < PDF_FACES; f++)
		finish_face(p, (enum pdf_face)f);
	if (!(tmp = fileio_temp_create(path, p->d)))
		return KANSA_ERR_IO;
	p->saving = path;
	errno = 0;
	if (!p->failed && HPDF_SaveToFile(p->doc, tmp) != HPDF_OK &&
	    !p->failed) {
		p->failed = true;
		diags_add(p->d, DIAG_ERROR, path, 0, "cannot write: %s",
			  strerror(errno));
	}
	return fileio_temp_commit(tmp, path, !p->failed, p->d);
}
