/* fuzz_policy.c: libFuzzer harness for the policy parser and derivation. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "checklist.h"
#include "policy.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags d;
	struct policy *pol = NULL;
	struct checklist cl;
	enum text_encoding enc;
	char *text = NULL, *ini = NULL;
	size_t len, inilen;

	diags_init(&d);
	checklist_init(&cl);
	if (text_decode((const char *)data, size, "fuzz", &d, &text, &len,
			&enc) == KANSA_OK &&
	    policy_parse(text, len, "fuzz", NULL, 0, &d, &pol) == KANSA_OK &&
	    checklist_derive(pol, "fuzz", &cl, &d) == KANSA_OK)
		checklist_format(&cl, &ini, &inilen);
	free(ini);
	checklist_release(&cl);
	policy_free(pol);
	free(text);
	diags_release(&d);
	return 0;
}
