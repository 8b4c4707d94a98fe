/* fuzz_ini_bulk.c: libFuzzer harness for the INI loader's single reading
 * (ini_parse_bulk, kansa's scan alone, what `kansa import` reads every
 * file with): for any input it gives what the checked reading
 * (ini_parse, the scan held to iniparser's) gives. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ini.h"

static void same(bool ok)
{
	if (!ok)
		__builtin_trap();
}

static void same_sections(const struct ini_file *a, const struct ini_file *b)
{
	same(b->dict == NULL && a->nsections == b->nsections &&
	     strcmp(a->kind, b->kind) == 0 &&
	     strcmp(a->sha256, b->sha256) == 0 && a->size == b->size &&
	     a->encoding == b->encoding);
	for (size_t i = 0; i < a->nsections; i++) {
		const struct ini_section *x = &a->sections[i],
					 *y = &b->sections[i];
		same(strcmp(x->name, y->name) == 0 &&
		     strcmp(x->lower, y->lower) == 0 && x->line == y->line &&
		     x->nkeys == y->nkeys && ini_section(b, x->name) == y);
		for (size_t k = 0; k < x->nkeys; k++)
			same(strcmp(x->keys[k].name, y->keys[k].name) == 0 &&
			     strcmp(x->keys[k].lower, y->keys[k].lower) == 0 &&
			     strcmp(x->keys[k].raw, y->keys[k].raw) == 0 &&
			     strcmp(x->keys[k].value, y->keys[k].value) == 0 &&
			     x->keys[k].line == y->keys[k].line &&
			     ini_key(y, x->keys[k].name) == &y->keys[k]);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const kinds[] = {"checklist", "answers", "evidence",
					    "plans",	 "audit",   "workspace",
					    "report",	 NULL};
	struct diags d1, d2;
	struct ini_file *f1 = NULL, *f2 = NULL;
	enum kansa_err e1, e2;

	diags_init(&d1);
	diags_init(&d2);
	e1 = ini_parse("fuzz.ini", (const char *)data, size, kinds, &d1, &f1);
	e2 = ini_parse_bulk("fuzz.ini", (const char *)data, size, kinds, &d2,
			    &f2);
	same(e1 == e2 && d1.n == d2.n && d1.errors == d2.errors && !f1 == !f2);
	for (size_t i = 0; i < d1.n; i++)
		same(d1.v[i].level == d2.v[i].level &&
		     d1.v[i].line == d2.v[i].line &&
		     strcmp(d1.v[i].msg, d2.v[i].msg) == 0);
	if (f1)
		same_sections(f1, f2);
	ini_free(f1);
	ini_free(f2);
	diags_release(&d1);
	diags_release(&d2);
	return 0;
}
