/* fuzz_ini.c: libFuzzer harness for the INI loader itself (every kind;
 * the readers of each kind have their own harness, fuzz_KIND.c). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ini.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const kinds[] = {"checklist", "answers", "evidence",
					    "plans",	 "audit",   "workspace",
					    "report",	 NULL};
	struct diags d;
	struct ini_file *f = NULL;

	diags_init(&d);
	if (ini_parse("fuzz.ini", (const char *)data, size, kinds, &d, &f) ==
	    KANSA_OK) {
		for (size_t i = 0; i < f->nsections; i++)
			for (size_t k = 0; k < f->sections[i].nkeys; k++) {
				char *v = ini_get_joined(
					f, &f->sections[i],
					f->sections[i].keys[k].name);
				free(v);
			}
	}
	ini_free(f);
	diags_release(&d);
	return 0;
}
