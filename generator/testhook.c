/* testhook.c: a pause at a named point, for tests only.  tests/cli/
 * zz_faults.sh sets KANSA_TEST_PAUSE=import-commit to stop an import after
 * it wrote every row and before its COMMIT, then kills it there: proof that
 * the kill lands inside the transaction, not before or after it.
 * tests/cli/zz_records.sh also sets KANSA_TEST_RESUME_FILE to let a report
 * paused between its reads (report-between-reads) and an import paused
 * before its COMMIT go on, one after the other, in the order it wants. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "testhook.h"

void testhook_reach(const char *point)
{
	const char *want = getenv("KANSA_TEST_PAUSE");
	const char *file = getenv("KANSA_TEST_PAUSE_FILE");
	const char *resume = getenv("KANSA_TEST_RESUME_FILE");
	struct timespec tick = {0, 10 * 1000 * 1000};
	FILE *f;

	if (!want || !file || strcmp(want, point) != 0)
		return;
	if ((f = fopen(file, "w"))) {
		fprintf(f, "%s\n", point);
		fclose(f);
	}
	for (;;) {
		if (resume && access(resume, F_OK) == 0)
			return;
		if (resume)
			nanosleep(&tick, NULL);
		else
			pause();
	}
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
