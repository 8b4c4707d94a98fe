/* fuzz_audit.c: libFuzzer harness for the audit-file reader. */
#include "audit.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags d;
	struct ini_file *f;

	diags_init(&d);
	if ((f = fz_load(data, size, "audit", &d))) {
		struct audit_file a;
		audit_read(f, &fz_checklist, 2025, &d, &a);
		audit_release(&a);
	}
	ini_free(f);
	diags_release(&d);
	return 0;
}
