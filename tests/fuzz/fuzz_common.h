/* fuzz_common.h: what the per-kind INI harnesses share: a small checklist
 * to check item IDs and roles against, and loading the input as one kind
 * of kansa INI file (the way `kansa import` loads it). */
#ifndef KANSA_FUZZ_COMMON_H
#define KANSA_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "checklist.h"
#include "ini.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char fz_id1[] = "5-4(2)", fz_id2[] = "6-4(2)キ", fz_id3[] = "7-1(6)ア";
static char fz_admin[] = "情報システム管理者", fz_staff[] = "議員及び職員";
static char fz_policy[] = "p", fz_version[] = "1";
static struct item fz_items[] = {
	{.id = fz_id1, .roles = fz_admin},
	{.id = fz_id2, .roles = fz_staff},
	{.id = fz_id3, .roles = fz_admin},
};
static struct checklist fz_checklist = {
	.policy = fz_policy, .version = fz_version, .items = fz_items, .nitems = 3};

/* The property every INI harness tests: kansa's scan of each line and
 * iniparser's reading of it agree (the loader reports INI_DISAGREE
 * otherwise). */
static void fz_check_agreement(const struct diags *d)
{
	(void)d;
	if (ini_disagreements)
		__builtin_trap();
}

/* The input as a file of this kind, or NULL when the loader refused it. */
static struct ini_file *fz_load(const uint8_t *data, size_t size,
				const char *kind, struct diags *d)
{
	const char *kinds[] = {kind, NULL};
	struct ini_file *f = NULL;
	enum kansa_err err =
		ini_parse("fuzz.ini", (const char *)data, size, kinds, d, &f);
	fz_check_agreement(d);
	if (err != KANSA_OK) {
		ini_free(f);
		return NULL;
	}
	return f;
}

#endif
