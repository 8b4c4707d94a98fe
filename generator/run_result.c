/* run_result.c: a step's results for kansa run, as NAME=VALUE lines. */
#include "run_result.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void run_result_put(const char *name, long long value)
{
	const char *fd = getenv(RUN_RESULT_ENV);
	char *end;
	long n;

	if (!fd || !*fd)
		return;
	n = strtol(fd, &end, 10);
	if (*end || n < 3 || n > INT_MAX)
		return; /* never one of the standard streams */
	dprintf((int)n, "%s=%lld\n", name, value);
}

void run_result_warnings(const struct diags *d)
{
	long long n = 0;
	for (size_t i = 0; i < d->n; i++)
		n += d->v[i].level == DIAG_WARNING;
	run_result_put("warnings", n);
}

long long run_result_get(const char *results, const char *name, long long dflt)
{
	size_t len = strlen(name);
	for (const char *p = results; p && *p;) {
		const char *nl = strchr(p, '\n');
		if (!strncmp(p, name, len) && p[len] == '=')
			return strtoll(p + len + 1, NULL, 10);
		p = nl ? nl + 1 : NULL;
	}
	return dflt;
}
