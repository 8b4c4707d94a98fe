/* fuzz_plans.c: libFuzzer harness for the improvement-plan reader and the
 * change rules between two versions of a plan. */
#include "fuzz_common.h"
#include "plans.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags d;
	struct ini_file *f;

	diags_init(&d);
	if ((f = fz_load(data, size, "plans", &d))) {
		struct plan_file pf;
		if (plans_read(f, &fz_checklist, &d, &pf) == KANSA_OK) {
			struct sbuf b = {0};
			for (size_t i = 0; i < pf.n; i++) {
				const struct plan *old =
					i ? &pf.plans[i - 1] : NULL;
				plans_check_change(old, &pf.plans[i], i % 2,
						   "fuzz.ini", &d);
				plan_is_overdue(&pf.plans[i], "2026-01-31");
				plans_format(&b, &pf.plans[i]);
			}
			sbuf_release(&b);
		}
		plan_file_release(&pf);
	}
	ini_free(f);
	diags_release(&d);
	return 0;
}
