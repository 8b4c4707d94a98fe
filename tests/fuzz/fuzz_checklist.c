/* fuzz_checklist.c: libFuzzer harness for the reviewed-checklist reader,
 * and writing what it read back out. */
#include <stdlib.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags d;
	struct ini_file *f;

	diags_init(&d);
	if ((f = fz_load(data, size, "checklist", &d))) {
		struct checklist cl;
		char *out = NULL;
		size_t len;
		checklist_init(&cl);
		if (checklist_from_ini(f, &cl, &d) == KANSA_OK)
			checklist_format(&cl, &out, &len);
		free(out);
		checklist_release(&cl);
	}
	ini_free(f);
	diags_release(&d);
	return 0;
}
