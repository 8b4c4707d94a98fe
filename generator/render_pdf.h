/* render_pdf.h: the CISO's summary and the audit chief's full report, as
 * Japanese A4 PDFs with the font embedded (reads only the report model;
 * lays out with pdf_layout). */
#ifndef KANSA_RENDER_PDF_H
#define KANSA_RENDER_PDF_H

#include "err.h"
#include "report.h"

/* Writes the report of kind REPORT_CISO or REPORT_AUDIT to path.
 * Returns KANSA_ERR_RENDER or KANSA_ERR_IO with a diagnostic. */
enum kansa_err render_pdf(const struct report *r, enum report_kind kind,
			  const char *path, struct diags *d);

#endif
