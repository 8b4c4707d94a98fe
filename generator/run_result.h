/* run_result.h: what a command run as a step of `kansa run` reports to
 * it: NAME=VALUE lines on the descriptor kansa run names in
 * $KANSA_RUN_RESULT_FD, so that the run's summary never reads text meant
 * for people.  Without the variable nothing is written. */
#ifndef KANSA_RUN_RESULT_H
#define KANSA_RUN_RESULT_H

#include "err.h"

#define RUN_RESULT_ENV "KANSA_RUN_RESULT_FD"

/* Reports name = value to kansa run, when it asked for results. */
void run_result_put(const char *name, long long value);
/* Reports the number of warnings among d as "warnings". */
void run_result_warnings(const struct diags *d);
/* The value of name among results (NAME=VALUE lines, or NULL), or
 * dflt when it is not there. */
long long run_result_get(const char *results, const char *name, long long dflt);

#endif
