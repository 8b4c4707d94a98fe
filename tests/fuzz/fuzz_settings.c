/* fuzz_settings.c: libFuzzer harness for the report settings
 * (report.ini: names, titles, file names with {era}, {year}, {as_of}) and
 * the scoring weights (scoring.ini), whichever kind the input is. */
#include <string.h>

#include "fuzz_common.h"
#include "report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const kinds[] = {"report", "scoring", NULL};
	struct diags d;
	struct ini_file *f = NULL;

	diags_init(&d);
	if (ini_parse("fuzz.ini", (const char *)data, size, kinds, &d, &f) ==
	    KANSA_OK) {
		struct report r;
		memset(&r, 0, sizeof(r));
		r.year = 2025;
		strcpy(r.era, "令和7年度");
		strcpy(r.as_of, "2026-01-31");
		if (strcmp(f->kind, "report") == 0)
			report_settings_from_ini(&r, f);
		else
			report_weights_from_ini(&r, f, &d);
		report_release(&r);
	}
	ini_free(f);
	diags_release(&d);
	return 0;
}
