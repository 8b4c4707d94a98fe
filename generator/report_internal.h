/* report_internal.h: what report.c shares with report_prev.c (last year
 * scored on the second core).  Nothing outside the report model includes
 * this.
 */
#ifndef KANSA_REPORT_INTERNAL_H
#define KANSA_REPORT_INTERNAL_H

#include <pthread.h>
#include <stdbool.h>

#include "report.h"

struct store;

/* Loads a year as of as_of (with its comments and evidence IDs when
 * texts) and scores it into (cl, data, score). */
enum kansa_err report_score_year(struct store *st, const struct report *r,
				 int year, const char *as_of, bool texts,
				 const struct audit_file *audit,
				 struct checklist *cl, struct report_year *data,
				 struct score_result *score, struct diags *d);

/* Last year's part of the model while this year is gathered. */
struct report_previous {
	struct report *r;   /* the model its prev_* fields are made in */
	struct store *twin; /* its own connection, or NULL: not started */
	pthread_t thread;   /* scoring it through twin */
	struct diags d;	    /* what the thread said */
	enum kansa_err err; /* its result */
};

/* Decides r->prev_year (and its era) and starts scoring it on a thread of
 * its own when a twin connection can read the same state (store.h,
 * store_open_twin); otherwise report_previous_finish() does it. */
void report_previous_start(struct store *st, const struct report_options *o,
			   struct report *r, struct report_previous *p);
/* Waits for the thread (or, unless skip, scores last year here), then
 * compares the years (r->diff); its diagnostics go to d. */
enum kansa_err report_previous_finish(struct store *st, struct report *r,
				      struct report_previous *p, bool skip,
				      struct diags *d);

#endif
