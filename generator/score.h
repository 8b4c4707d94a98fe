/* score.h: 実施率 per item, chapter, section, role, department and system,
 * in the self view (自己評価) and the audit view (監査評価).
 *
 * A pure computation on in-memory structs: no I/O (docs/scoring.md).
 * Ownership: score_compute() fills a struct score_result that
 * score_release() frees; it points into (does not copy) the input's
 * checklist and respondents, which must outlive it.
 */
#ifndef KANSA_SCORE_H
#define KANSA_SCORE_H

#include <stdbool.h>
#include <stddef.h>

#include "answers.h"
#include "checklist.h"
#include "err.h"
#include "grades.h"

/* The two views of one year. */
enum score_view {
	VIEW_SELF,  /* 自己評価: the answers as given */
	VIEW_AUDIT, /* 監査評価: the audit chief's judgements; 実施 without
		       valid evidence counts as 一部実施 */
	VIEW_COUNT
};

const char *score_view_name(enum score_view v);

struct score_respondent {
	const char *department; /* 議会事務局総務課 */
	const char *role;	/* 情報システム管理者 */
	const char *system;	/* or "" */
	const char *name;	/* respondent */
};

struct score_answer {
	size_t respondent;	   /* index into the respondents */
	const char *item_id;	   /* the item */
	enum answer_status status; /* as answered */
	int evidence;		   /* evidence IDs cited */
	int evidence_valid;	   /* of them: recorded, present, unchanged and
				      not expired */
};

struct score_judgement {
	const char *item_id;	  /* the item */
	enum finding_grade grade; /* the audit chief's judgement */
};

struct score_input {
	const struct checklist *cl;		    /* the year's checklist */
	const struct score_respondent *respondents; /* the year's respondents */
	size_t nrespondents;
	const struct score_answer *answers; /* their answers */
	size_t nanswers;
	const struct score_judgement *judgements; /* the audit file's */
	size_t njudgements;
	double weight_required;	   /* 必須 (templates/scoring.ini) */
	double weight_recommended; /* 推奨 */
};

/* How one respondent stands on one item. */
struct score_response {
	size_t respondent;		       /* index into the respondents */
	enum answer_status status[VIEW_COUNT]; /* per view */
	bool answered;			       /* false: responsible but no
						  answer in their sheet */
	bool weak_evidence; /* 実施 without valid evidence */
};

struct score_item {
	const struct item *item;	       /* the checklist item */
	double weight;			       /* its weight */
	enum answer_status status[VIEW_COUNT]; /* worst of the responses */
	int judgement;			       /* enum finding_grade, or -1 */
	bool weak_evidence;		  /* a 実施 lacks valid evidence */
	struct score_response *responses; /* every respondent counted */
	size_t nresponses;
};

/* A total over a set of items. */
struct score_group {
	char *key;				 /* "6", "6-4", a role ... */
	size_t counts[VIEW_COUNT][STATUS_COUNT]; /* items per status */
	double weight[VIEW_COUNT];		 /* Σ weight, applicable */
	double points[VIEW_COUNT];		 /* Σ weight × points */
};

enum score_group_kind {
	GROUP_CHAPTER,
	GROUP_SECTION,
	GROUP_ROLE,
	GROUP_DEPARTMENT,
	GROUP_SYSTEM,
	GROUP_KINDS
};

/* How a role, department or system stands on one item: the worst of its
 * respondents' responses, the status its group totals count. */
struct score_worst {
	unsigned group;			       /* index into groups[kind] */
	unsigned item;			       /* index into items */
	enum answer_status status[VIEW_COUNT]; /* per view */
};

struct score_result {
	struct score_item *items; /* checklist order */
	size_t nitems;
	struct score_group overall;		 /* the whole policy */
	struct score_group required;		 /* 必須 items only */
	struct score_group *groups[GROUP_KINDS]; /* in first-seen order */
	size_t ngroups[GROUP_KINDS];
	/* per role, department and system, per chapter: the cell of group g
	 * and chapter c is matrix[kind][g * ngroups[GROUP_CHAPTER] + c] */
	struct score_group *matrix[GROUP_KINDS];
	/* per role, department and system: each group's worst response to
	 * each item it answers for, by group, then in checklist order */
	struct score_worst *worst[GROUP_KINDS];
	size_t nworst[GROUP_KINDS];
};

/* Points of a status: 実施 1, 一部実施 0.5, 未実施 and 未回答 0. */
double score_points(enum answer_status s);
/* 実施率 of a group in a view, 0..1; negative when nothing applies. */
double score_rate(const struct score_group *g, enum score_view v);
/* The group of a kind with that key, or NULL. */
const struct score_group *score_group_find(const struct score_result *r,
					   enum score_group_kind kind,
					   const char *key);
/* The cell of a role, department or system group and a chapter. */
const struct score_group *score_cell(const struct score_result *r,
				     enum score_group_kind kind, size_t group,
				     size_t chapter);
/* The scored item with that ID, or NULL. */
const struct score_item *score_item_find(const struct score_result *r,
					 const char *id);

/* The grade the rules give a scored item (from its self view; a static
 * reason in *reason), GRADE_CONFORM for none: the findings' candidate. */
enum finding_grade score_default_grade(const struct score_item *si,
				       const char **reason);

/* Where one item's answers are in score_answers_by_item()'s order. */
struct score_span {
	size_t first; /* index into the order */
	size_t n;     /* how many */
};

/*
 * Groups n answers by the item of items[0..nitems) they answer, with a
 * table of the item IDs and a counting sort (linear; sorting the answers
 * by ID with strcmp was a tenth of a large report): *order lists the
 * answers' indexes item after item, each item's in the answers' order,
 * and (*span)[i] says where those of items[i] are (an item whose ID
 * repeats an earlier one's has the same answers); answers to no item
 * are left out: *ngrouped says how many are in the order.  The caller
 * frees both; KANSA_ERR_NOMEM or OK.
 */
enum kansa_err score_answers_by_item(const struct item *items, size_t nitems,
				     const struct score_answer *answers,
				     size_t n, size_t **order,
				     struct score_span **span,
				     size_t *ngrouped);

/* Computes every score of a year.  Returns KANSA_ERR_NOMEM or OK. */
enum kansa_err score_compute(const struct score_input *in,
			     struct score_result *out);
void score_release(struct score_result *r);

#endif
