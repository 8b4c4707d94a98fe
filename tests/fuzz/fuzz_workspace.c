/* fuzz_workspace.c: libFuzzer harness for kansa.ini (the workspace) and
 * the expansion of its {year} patterns. */
#include <stdlib.h>

#include "fuzz_common.h"
#include "workspace.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags d;
	struct ini_file *f;

	diags_init(&d);
	if ((f = fz_load(data, size, "workspace", &d))) {
		struct workspace ws;
		if (workspace_from_ini(f, &ws, &d) == KANSA_OK) {
			for (int k = 0; k < WS_KINDS; k++)
				free(workspace_expand(ws.files[k], 2025));
			free(workspace_expand(ws.output, 2025));
		}
		workspace_release(&ws);
	}
	ini_free(f);
	diags_release(&d);
	return 0;
}
