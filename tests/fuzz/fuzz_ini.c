/* fuzz_ini.c: libFuzzer harness for the INI loader itself (every kind;
 * the readers of each kind have their own harness, fuzz_KIND.c). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <iniparser.h>

#include "ini.h"

/* The property: the value kansa's line scanner reports for every key is
 * the one iniparser gives, and kansa never finds the two disagreeing. */
static void check_agreement(const struct ini_file *f, const struct diags *d)
{
	(void)d;
	if (ini_disagreements)
		__builtin_trap();
	for (size_t i = 0; f && i < f->nsections; i++)
		for (size_t k = 0; k < f->sections[i].nkeys; k++) {
			const struct ini_section *s = &f->sections[i];
			char key[2100];
			const char *v;
			snprintf(key, sizeof(key), "%s:%s", s->lower,
				 s->keys[k].lower);
			v = iniparser_getstring(f->dict, key, NULL);
			if (!v || strcmp(v, s->keys[k].raw) != 0)
				__builtin_trap();
		}
}

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
		check_agreement(f, &d);
		for (size_t i = 0; i < f->nsections; i++)
			for (size_t k = 0; k < f->sections[i].nkeys; k++) {
				char *v = ini_get_joined(
					f, &f->sections[i],
					f->sections[i].keys[k].name);
				free(v);
			}
	} else
		check_agreement(NULL, &d);
	ini_free(f);
	diags_release(&d);
	return 0;
}
