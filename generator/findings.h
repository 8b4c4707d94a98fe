/* findings.h: 指摘事項: every item not fully met, with its grade.
 *
 * The rules make candidates (候補); the audit chief's decisions (the
 * audit file) confirm, regrade or dismiss (棄却) them.  A candidate with
 * no decision stays in the list, marked candidate; while a 重大/軽微
 * candidate is undecided the reports are drafts (案).
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
						where it is not met, "、"-joined;
						the chief's departments when
						given; never "" */
	size_t nwhere;			     /* how many */
	bool candidate; /* made by the rules, not yet decided (候補) */
	/* filled by report_gather (they need the evidence records): */
	char *problem; /* 観察事項: the evidence problem (なし, 期限切れ,
			  変更, 所在不明, "、"-joined), or NULL */
	char *evidence; /* 観察事項: the evidence IDs concerned, or NULL */
	const struct audit_member *conflict; /* an auditor of a department
						the finding concerns, or NULL */
};

/* A candidate the audit chief dismissed (棄却) or judged 適合. */
struct dismissal {
	const struct score_item *item;	     /* the item */
	enum finding_grade default_grade;    /* what the rules made of it */
	const struct audit_judgement *audit; /* the decision and its reason */
};

struct findings {
	struct finding *v;	       /* by grade, then document order */
	size_t n;		       /* how many */
	size_t by_grade[GRADE_COUNT];  /* counts */
	size_t undecided[GRADE_COUNT]; /* of them candidates */
	struct dismissal *dismissed;   /* candidates decided away, in
					  document order */
	size_t ndismissed;	       /* how many */
};

/* True while a 重大/軽微 candidate is undecided: the report is 案. */
bool findings_is_draft(const struct findings *f);

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
