/* fuzz_ini.c: libFuzzer harness for the INI loader and the readers of
 * answer sheets and evidence registers. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "evidence.h"
#include "ini.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char id1[] = "5-4(2)", id2[] = "6-4(2)キ", id3[] = "7-1(6)ア";
static char admin[] = "情報システム管理者", staff[] = "議員及び職員";
static char policy[] = "p", version[] = "1";
static struct item items[] = {
	{.id = id1, .roles = admin},
	{.id = id2, .roles = staff},
	{.id = id3, .roles = admin},
};

static void read_kinds(const struct ini_file *f)
{
	struct checklist cl = {
		.policy = "p", .version = "1", .items = items, .nitems = 3};
	struct diags d;

	diags_init(&d);
	if (strcmp(f->kind, "answers") == 0) {
		struct answer_sheet sh;
		answers_read(f, &cl, 2025, &d, &sh);
		answers_release(&sh);
	} else if (strcmp(f->kind, "evidence") == 0) {
		struct evidence_register reg;
		evidence_read(f, &cl, 2025, &d, &reg);
		evidence_release(&reg);
	}
	diags_release(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const kinds[] = {"checklist", "answers", "evidence",
					    "plans",	 "audit",   NULL};
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
		read_kinds(f);
	}
	ini_free(f);
	diags_release(&d);
	return 0;
}
