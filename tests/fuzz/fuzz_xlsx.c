/* fuzz_xlsx.c: libFuzzer harness for the .xlsx reader (xlsx.c) and the
 * reading of a workbook back as an audit or answers file
 * (xlsx_import.c), the way `kansa import FILE.xlsx` does. */
#include <string.h>

#include "answers.h"
#include "audit.h"
#include "fuzz_common.h"
#include "xlsx.h"
#include "xlsx_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags d;
	struct xlsx_book *b = NULL;
	struct xlsx_import im;

	diags_init(&d);
	/* the reader alone: every sheet */
	if (xlsx_open_buffer("fuzz.xlsx", data, size, &d, &b) == KANSA_OK)
		for (size_t i = 0; i < b->nsheets; i++)
			if (xlsx_load(b, &b->sheets[i], &d) == KANSA_OK &&
			    b->sheets[i].n)
				(void)xlsx_text(&b->sheets[i], 0, 0);
	xlsx_free(b);
	/* and as kansa import takes it */
	if (xlsx_import_buffer("fuzz.xlsx", data, size, &fz_checklist, 2025, &d,
			       &im) == KANSA_OK) {
		if (strcmp(im.ini->kind, "audit") == 0) {
			struct audit_file a;
			audit_read(im.ini, &fz_checklist, 2025, &d, &a);
			audit_release(&a);
		} else {
			struct answer_sheet s;
			answers_read(im.ini, &fz_checklist, 2025, &d, &s);
			answers_release(&s);
		}
		xlsx_import_relocate(&im, "fuzz.xlsx", &d, 0);
	}
	xlsx_import_release(&im);
	diags_release(&d);
	return 0;
}
