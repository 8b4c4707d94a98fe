/* fuzz_answers.c: libFuzzer harness for the answer-sheet reader. */
#include "answers.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags d;
	struct ini_file *f;

	diags_init(&d);
	if ((f = fz_load(data, size, "answers", &d))) {
		struct answer_sheet sh;
		answers_read(f, &fz_checklist, 2025, &d, &sh);
		answers_release(&sh);
	}
	ini_free(f);
	diags_release(&d);
	return 0;
}
