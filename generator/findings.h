/* findings.h: 指摘事項: every item not fully met, with its grade.
 *
 * A pure computation on a score result (docs/scoring.md).  Ownership:
 * struct findings owns its array and strings; findings_release() frees
 * them.  It points into the score result and audit judgements.
 */
#ifndef KANSA_FINDINGS_H
#define KANSA_FINDINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "audit.h"
#include "err.h"
#include "score.h"

struct finding {
	const struct score_item *item;	     /* the item */
	enum finding_grade grade;	     /* default or the auditor's */
	enum finding_grade default_grade;    /* by the rules; GRADE_CONFORM
						when the rules see none */
	bool judged;			     /* the audit chief's grade */
	const struct audit_judgement *audit; /* 事象, 原因 ... or NULL */
	char *reason;			     /* why, by the rules, in words */
	char *where;			     /* departments (and systems)
						where it is not met, "、"-joined */
	size_t nwhere;			     /* how many */
};

struct findings {
	struct finding *v;	      /* by grade, then document order */
	size_t n;		      /* how many */
	size_t by_grade[GRADE_COUNT]; /* counts */
};

/*
 * Makes the findings of a scored year.  respondents are the score input's;
 * judgements (may be NULL) the audit file's.
 */
enum kansa_err findings_compute(const struct score_result *r,
				const struct score_respondent *respondents,
				const struct audit_judgement *judgements,
				size_t njudgements, struct findings *out);
void findings_release(struct findings *f);

/* The finding of an item, or NULL. */
const struct finding *findings_of_item(const struct findings *f,
				       const char *item_id);

#endif
