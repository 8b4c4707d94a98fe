/* render_pdf.h: the CISO's summary and the audit chief's full report, as
 * Japanese A4 PDFs with the font embedded (reads only the report model;
 * lays out with pdf_layout). */
#ifndef KANSA_RENDER_PDF_H
#define KANSA_RENDER_PDF_H

#include "err.h"
#include "report.h"

/* Passwords of an encrypted PDF (at most 32 bytes of printable ASCII:
 * the PDF standard security handler keeps 32). */
struct pdf_passwords {
	char user[33];	/* to open the file */
	char owner[33]; /* to change its permissions */
};

/*
 * Reads passwords from a file: the first line is the user password, the
 * second (optional) the owner password; without one, a random owner
 * password nobody knows.  KANSA_ERR_INPUT with a diagnostic naming the
 * file and line when a password is empty, too long or not ASCII.
 */
enum kansa_err pdf_passwords_read(const char *path, struct pdf_passwords *pw,
				  struct diags *d);

/* Writes the report of kind REPORT_CISO or REPORT_AUDIT to path,
 * encrypted (printing allowed, copying not) when pw is not NULL.
 * Returns KANSA_ERR_RENDER or KANSA_ERR_IO with a diagnostic. */
enum kansa_err render_pdf(const struct report *r, enum report_kind kind,
			  const char *path, const struct pdf_passwords *pw,
			  struct diags *d);

/* Writes the quarterly plan-progress report (a short letter: open plans,
 * overdue first, with their progress since the last report; plans closed
 * since) the same way. */
enum kansa_err render_pdf_plans(const struct report *r,
				const struct plans_progress *pp,
				const char *path,
				const struct pdf_passwords *pw,
				struct diags *d);

#endif
