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

#endif
