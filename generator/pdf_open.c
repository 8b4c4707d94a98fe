/* pdf_open.c: a PDF document opened (its fonts loaded), closed and
 * restarted for the drawing pass. */
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

static void on_error(HPDF_STATUS e, HPDF_STATUS detail, void *user)
{
	struct pdf *p = user;
	int saved = errno;
	if (p->failed)
		return;
	p->failed = true;
	/* while saving, a failure is a write failure (libharu reports a
	 * full disk as a zlib or file error); errno says which */
	if (p->saving)
		diags_add(p->d, DIAG_ERROR, p->saving, 0,
			  "cannot write: %s (libharu error 0x%04X)",
			  saved ? strerror(saved) : "write failed",
			  (unsigned)e);
	else
		diags_add(p->d, DIAG_ERROR, NULL, 0,
			  "the PDF library failed (error 0x%04X, detail %u)",
			  (unsigned)e, (unsigned)detail);
}

/*
 * make bench measures kansa against a floor program that draws the same
 * pages and text with bare libharu calls: with $KANSA_FLOOR_DUMP set, the
 * drawing pass writes them to $KANSA_FLOOR_DUMP.pdf.tsv ("P" per page,
 * "T x y size face text" per piece of text drawn, face an enum pdf_face).
 * Unset, this costs nothing.
 */
static FILE *floor_open(const char *suffix)
{
	const char *prefix = getenv("KANSA_FLOOR_DUMP");
	char path[4096];
	if (!prefix || !*prefix ||
	    snprintf(path, sizeof(path), "%s%s", prefix, suffix) >=
		    (int)sizeof(path))
		return NULL;
	return fileio_fopen_write(path);
}

/* The Debian package that has each face's default file. */
static const char *const packages[PDF_FACES] = {"fonts-ipaexfont-mincho",
						"fonts-ipaexfont-gothic",
						"fonts-ipafont-gothic"};
static const char *const setting_keys[PDF_FACES] = {"font_body", "font",
						    "font_mono"};

/* Loads face f (once); false when it cannot be, with a diagnostic. */
bool pdf_load_face(struct pdf *p, enum pdf_face f)
{
	const char *name;
	if (p->font[f])
		return true;
	if (p->failed)
		return false;
	name = HPDF_LoadTTFontFromFile(p->doc, p->font_path[f], HPDF_TRUE);
	if (name && (p->font[f] = pdf_font_make(p->doc, name)))
		pdf_font_keep_widths(p->font[f]); /* else measured slower */
	if (!p->font[f] || p->failed) {
		diags_add(p->d, DIAG_ERROR, p->font_path[f], 0,
			  "cannot load the font (expected a TrueType font "
			  "such as the one in the Debian package %s)",
			  packages[f]);
		p->failed = true;
		p->font[f] = NULL;
		return false;
	}
	return true;
}

enum kansa_err pdf_open(struct pdf *p, const char *const *fonts,
			struct diags *d)
{
	struct stat st;

	memset(p, 0, sizeof(*p));
	p->d = d;
	p->labelled = -1;
	for (int f = 0; f < PDF_FACES; f++) {
		p->font_path[f] = fonts[f];
		if (stat(fonts[f], &st) != 0) {
			diags_add(d, DIAG_ERROR, fonts[f], 0,
				  "font not found: install the Debian "
				  "package %s, or name another TrueType "
				  "font with %s = in templates/report.ini",
				  packages[f], setting_keys[f]);
			return KANSA_ERR_RENDER;
		}
	}
	if (!(p->doc = HPDF_New(on_error, p)))
		return KANSA_ERR_NOMEM;
	for (int f = 0; f < PDF_FACES; f++)
		if (!(p->advance[f] = malloc(0x10000 * sizeof(uint16_t))) ||
		    !(p->used[f] = calloc(0x10000 / 8, 1))) {
			pdf_close(p);
			return KANSA_ERR_NOMEM;
		} else {
			memset(p->advance[f], 0xFF, 0x10000 * sizeof(uint16_t));
		}
	p->floor = floor_open(".pdf.tsv");
	HPDF_SetCompressionMode(p->doc, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(p->doc);
	HPDF_SetCurrentEncoder(p->doc, "UTF-8");
	HPDF_SetPageMode(p->doc, HPDF_PAGE_MODE_USE_OUTLINE);
	/* the catalog's /Lang: screen readers and search read Japanese */
	if (p->doc->catalog)
		HPDF_Dict_Add(p->doc->catalog, "Lang",
			      HPDF_String_New(p->doc->mmgr, "ja", NULL));
	if (!pdf_load_face(p, PDF_MINCHO) || !pdf_load_face(p, PDF_GOTHIC)) {
		pdf_close(p);
		return KANSA_ERR_RENDER;
	}
	return KANSA_OK;
}

void pdf_close(struct pdf *p)
{
	if (p->floor)
		fclose(p->floor);
	p->floor = NULL;
	for (int f = 0; f < PDF_FACES; f++) {
		free(p->advance[f]);
		free(p->used[f]);
		p->advance[f] = NULL;
		p->used[f] = NULL;
	}
	if (p->doc)
		HPDF_Free(p->doc);
	for (size_t i = 0; i < p->nheadings; i++)
		free(p->headings[i].title);
	free(p->headings);
	free(p->pending);
	p->pending = NULL;
	sbuf_release(&p->warned_at);
	p->doc = NULL;
	p->headings = NULL;
	p->nheadings = 0;
}

void pdf_restart(struct pdf *p, bool dry)
{
	p->dry = dry;
	p->pages = 0;
	p->page = NULL;
	p->y = 0;
	p->next_heading = 0;
	p->section[0] = '\0';
	p->chapter[0] = '\0';
	free(p->pending);
	p->pending = NULL;
	memset(p->outline, 0, sizeof(p->outline));
}
