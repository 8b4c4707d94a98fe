/* render_xlsx.h: the audit workpaper (監査調書) as an Excel workbook.
 *
 * Reads only the report model.  The workbook is written in libxlsxwriter's
 * constant_memory mode, every sheet strictly row by row, so that memory
 * stays flat however many answers the 回答明細 sheet holds; it is written
 * to a temporary file that is renamed to path only when complete.
 */
#ifndef KANSA_RENDER_XLSX_H
#define KANSA_RENDER_XLSX_H

#include "err.h"
#include "report.h"

/* Writes the workbook of r to path.  Returns KANSA_ERR_RENDER or
 * KANSA_ERR_IO with a diagnostic naming the file. */
enum kansa_err render_xlsx(const struct report *r, const char *path,
			   struct diags *d);

/* Writes the quarterly plan-progress report as a one-sheet workbook. */
enum kansa_err render_xlsx_plans(const struct report *r,
				 const struct plans_progress *pp,
				 const char *path, struct diags *d);

/*
 * Writes an answer workbook (回答票) of role for year to path: the role's
 * items with their clause text, a drop-down of statuses, evidence and
 * comment cells unlocked, the rest protected without a password, and the
 * hidden sheet kansa import recognises it by.  Byte-identical for the
 * same checklist and arguments.  KANSA_ERR_RENDER or KANSA_ERR_IO.
 */
struct checklist;
enum kansa_err render_xlsx_answer_sheet(const struct checklist *cl,
					const char *role, int year,
					const char *department,
					const char *path, struct diags *d);

#endif
