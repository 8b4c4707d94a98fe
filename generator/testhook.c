/* testhook.c: a pause at a named point, for tests only.  tests/cli/
 * zz_faults.sh sets KANSA_TEST_PAUSE=import-commit to stop an import after
 * it wrote every row and before its COMMIT, then kills it there: proof that
 * the kill lands inside the transaction, not before or after it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testhook.h"

void testhook_reach(const char *point)
{
	const char *want = getenv("KANSA_TEST_PAUSE");
	const char *file = getenv("KANSA_TEST_PAUSE_FILE");
	FILE *f;

	if (!want || !file || strcmp(want, point) != 0)
		return;
	if ((f = fopen(file, "w"))) {
		fprintf(f, "%s\n", point);
		fclose(f);
	}
	for (;;)
		pause();
}

long testhook_limit(const char *name, long least, long deflt)
{
	const char *s = getenv(name);
	char *end;
	long v;
	if (!s || !*s)
		return deflt;
	v = strtol(s, &end, 10);
	return *end || v < least || v > deflt ? deflt : v;
}
