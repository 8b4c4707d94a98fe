/* render_text.h: the report model as text for people (80 columns,
 * Japanese counted as two) and as TSV or JSON for scripts.
 *
 * Reads only the report model; writes to a FILE the caller owns.
 */
#ifndef KANSA_RENDER_TEXT_H
#define KANSA_RENDER_TEXT_H

#include <stdbool.h>
#include <stdio.h>

#include "report.h"

enum render_format { RENDER_TEXT, RENDER_TSV, RENDER_JSON };

/* 実施率: the summary, then one line per group of kind by; view is a
 * score_view to show only that one, or -1 for both. */
void render_text_score(FILE *out, const struct report *r,
		       enum score_group_kind by, int view,
		       enum render_format f);
/* 指摘事項, by grade. */
void render_text_findings(FILE *out, const struct report *r,
			  enum render_format f);
/* The undecided candidates (候補) the audit file has yet to decide. */
void render_text_candidates(FILE *out, const struct report *r,
			    enum render_format f);
/* Audit-file sections ([ITEM-ID] with every key of the decision, the
 * rule's grade filled in) for every undecided candidate; caller frees;
 * NULL when out of memory. */
char *render_text_skeleton(const struct report *r);
/* The year-over-year diff; all lists every item, else only changes. */
void render_text_diff(FILE *out, const struct report *r, bool all,
		      enum render_format f);
/* Plans as of a date: all, or those not 確認済, or only the overdue. */
void render_text_plans(FILE *out, const struct plan *plans, size_t n,
		       const char *as_of, bool all, bool overdue_only,
		       enum render_format f);
/* One plan with its whole log. */
void render_text_plan(FILE *out, const struct plan *p,
		      const struct plan_log_entry *log, size_t nlog,
		      const char *as_of);

#endif
