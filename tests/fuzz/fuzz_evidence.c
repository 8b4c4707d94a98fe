/* fuzz_evidence.c: libFuzzer harness for the evidence-register reader
 * (without hashing: that reads the file system). */
#include "evidence.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags d;
	struct ini_file *f;

	diags_init(&d);
	if ((f = fz_load(data, size, "evidence", &d))) {
		struct evidence_register reg;
		evidence_read(f, &fz_checklist, 2025, &d, &reg);
		for (size_t i = 0; i < reg.n; i++)
			evidence_lists_item(reg.records[i].clauses, fz_id2);
		evidence_release(&reg);
	}
	ini_free(f);
	diags_release(&d);
	return 0;
}
