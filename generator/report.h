/* report.h: one fiscal year's report model, gathered from the store.
 *
 * A plain struct that every renderer (render_text, render_xlsx,
 * render_pdf) reads and none changes; the scores, findings, diff and
 * plan states in it are computed here from the stored answers.
 * The model has types of its own (report.c converts the store's rows):
 * renderers include this header, never store.h.
 * Ownership: report_gather() fills a struct report that report_release()
 * frees whole; every pointer in it points into it.
 */
#ifndef KANSA_REPORT_H
#define KANSA_REPORT_H

#include <stdbool.h>

#include "audit.h"
#include "checklist.h"
#include "diff.h"
#include "evidence.h"
#include "findings.h"
#include "plans.h"
#include "score.h"
#include "strpool.h"

struct store;

struct report_options {
	int year;	       /* the fiscal year */
	int against;	       /* the year to compare with; 0: the one before
				  with data; -1: none */
	const char *as_of;     /* YYYY-MM-DD: evidence expiry, overdue plans */
	const char *date;      /* YYYY-MM-DD: the report date */
	const char *templates; /* --templates DIR, or NULL */
	const char *organisation; /* overrides report.ini's, or NULL */
	const char *output_dir;	  /* where the reports go (for the links to the
				     evidence files), or NULL */
};

/* templates/report.ini: what another council changes. */
struct report_settings {
	char *organisation;    /* the organisation: "架空町議会" */
	char *classification;  /* 機密性2: every page's header and footer */
	char *document_number; /* 議事第　　号 */
	char *addressee;       /* "架空町議会議長　様" */
	char *sender;	    /* 情報セキュリティ監査統括責任者 */
	char *basis_clause; /* the clause the CISO letter reports under:
			       "10-1(4)", or "" */
	char *font;	    /* the PDFs' Gothic (headings), embedded */
	char *font_body;    /* their Mincho (body text), embedded */
	char *font_mono;    /* their monospaced font (SHA-256 values) */
	char *title[4];	    /* workpaper, CISO summary, audit report, plans */
	char *file[4];	    /* their file names (plans: the PDF's; the
			       workbook's ends in .xlsx instead) */
	char *from;	    /* where the settings came from */
	char *order_clause; /* the clause under which the CISO orders
			       improvement plans: "10-1(6)", or "" */
};

enum report_kind {
	REPORT_WORKPAPER,
	REPORT_CISO,
	REPORT_AUDIT,
	REPORT_PLANS /* the quarterly plan-progress report (PDF and xlsx) */
};

/* One respondent of a year, as the reports show it. */
struct report_respondent {
	const struct score_respondent *who; /* department, role, system,
					       name */
	char *answered_on;		    /* or "" */
	char *file;			    /* its sheet imported last */
};

/* One answer of a year, as the reports show it. */
struct report_answer {
	const struct score_answer *a;	    /* item, status, evidence counted */
	const struct report_respondent *by; /* who answered */
	const char *comment;		    /* or "" */
	const char *evidence_ids;	    /* "EV-1, EV-2", or "" */
	long line;			    /* its line in its sheet */
};

/* A scored item and its answers. */
struct report_item {
	const struct score_item *score;	      /* the item, scored */
	const struct report_answer **answers; /* its answers, in the order
						 of answers[] */
	size_t nanswers;
};

/* A year's respondents and answers. */
struct report_year {
	struct score_respondent *who; /* per respondent (strings owned):
					 scoring's input */
	struct score_answer *scored;  /* per answer: scoring's input */
	struct report_respondent *respondents; /* by department, role,
						  system */
	size_t nrespondents;
	struct report_answer *answers; /* by respondent, in sheet order */
	size_t nanswers;
	struct report_item *items; /* per item of the score, in its order
				      (this year only; NULL in prev_data) */
	size_t nitems;
	const struct report_answer **by_item; /* what items[] point into */
	struct strpool strings; /* the answers' item IDs, comments and
				   evidence IDs (taken from the store's) */
};

/* A file a year's results are made from. */
struct report_input {
	char *kind;	   /* answers, evidence, audit, plans */
	char *path;	   /* as given to kansa import */
	char *sha256;	   /* of its bytes */
	long long size;	   /* bytes */
	char *imported_at; /* when */
	bool outside;	   /* not in the database's folder (the workspace) */
};

/* A plan open during the year, as the plans tables show it. */
struct report_plan {
	const struct plan *plan;	   /* the plan (in plans) */
	const struct plan_log_entry **log; /* its log, oldest first */
	size_t nlog;
	const struct plan_log_entry *last; /* log[nlog - 1], or NULL */
	char *items;			   /* its item IDs: "A, B" */
	bool overdue;			   /* open and past due at as_of */
	long days_overdue;		   /* days past due, or 0 */
};

/* What the plans say about one of the year's findings. */
struct report_finding_plan {
	const struct plan *related; /* the last plan (by ID) naming its
				       item, or NULL: 関連計画 */
	bool planned; /* a plan of this year's, or one still open, names
			 its item: no plan to order */
};

/* What the year's plans add up to. */
struct report_plan_counts {
	size_t by_status[PLAN_STATUSES]; /* year plans per status */
	size_t overdue;			 /* year plans overdue at as_of */
	size_t open;			 /* every plan: open ones */
	size_t open_overdue;		 /* of them overdue at as_of */
};

/* An evidence file's state at the report. */
enum report_check {
	CHECK_OK,	 /* 確認済 */
	CHECK_CHANGED,	 /* 変更あり */
	CHECK_MISSING,	 /* 所在不明 */
	CHECK_EXPIRED,	 /* 期限切れ (on the as-of date) */
	CHECK_UNCHECKED, /* 未検証 */
	CHECKS
};

const char *report_check_name(enum report_check c);

/* A plan that did not work: its finding persists after its due date. */
struct failed_plan {
	const struct plan *plan; /* the plan */
	const char *item_id;	 /* the persistent finding's item */
};

/* What became of one of last year's findings (前年度指摘事項の対応状況),
 * decided from this year's answers, decisions and plans:
 *   改善済  this year the item is no 重大/軽微/推奨 finding;
 *   再発    it is again, although a plan for it was 完了 or 確認済;
 *   改善中  it is again, and a plan for it is 対応中 (or has progress);
 *   未着手  it is again, and no plan for it has started.
 * The workbook's follow-up sheet reads these fields as they are. */
enum followup_state {
	FOLLOWUP_DONE,	    /* 改善済 */
	FOLLOWUP_PROGRESS,  /* 改善中 */
	FOLLOWUP_NOT_BEGUN, /* 未着手 */
	FOLLOWUP_RECURRED,  /* 再発 */
	FOLLOWUP_STATES
};

const char *followup_state_name(enum followup_state s);

struct followup {
	const struct finding *before;  /* last year's finding (in
					  prev_findings) */
	const struct score_item *now;  /* the item this year (matched
					  across a revision), or NULL */
	const struct finding *finding; /* this year's finding of it, or
					  NULL when it is none */
	const struct plan *plan;       /* the plan for it (its latest
					  state), or NULL */
	enum followup_state state;     /* see above */
};

struct report {
	struct report_settings settings; /* templates/report.ini, expanded */
	int year;			 /* fiscal year */
	char era[32];			 /* 令和7年度 */
	char as_of[11];			 /* YYYY-MM-DD */
	char date[11];			 /* YYYY-MM-DD, the report date */
	double weight_required;		 /* from scoring.ini */
	double weight_recommended;

	struct checklist cl;		   /* the year's checklist */
	struct report_year data;	   /* respondents and answers */
	struct audit_file audit;	   /* the audit chief's file */
	bool has_audit;			   /* one was imported */
	struct score_result score;	   /* both views */
	struct findings findings;	   /* 指摘事項 */
	struct evidence_register evidence; /* the year's evidence records */

	int prev_year;		      /* the year compared with, or 0 */
	char prev_era[32];	      /* 令和6年度 */
	struct checklist prev_cl;     /* its checklist */
	struct report_year prev_data; /* its respondents only: its answers
					 are dropped once scored */
	struct score_result prev_score;
	struct diff_result diff;       /* this year against prev_year */
	struct audit_file prev_audit;  /* its audit file (n = 0 if none) */
	struct findings prev_findings; /* its findings, as decided then */
	struct followup *followups;    /* its 重大/軽微/推奨 findings, in
					  its order, and what became of
					  each */
	size_t nfollowups;
	size_t by_followup[FOLLOWUP_STATES]; /* counts */

	struct plan *plans; /* every plan, current state */
	size_t nplans;
	struct plan_log_entry *log; /* every plan's log, by plan */
	size_t nlog;
	struct failed_plan *failed; /* plans that did not work */
	size_t nfailed;
	struct report_plan *year_plans; /* plans open during the year */
	size_t nyear_plans;
	struct report_plan_counts plan_counts;	   /* of them, and of plans */
	struct report_finding_plan *finding_plans; /* per findings.v */

	char **evidence_links; /* per evidence record: its path from the
				  output folder (for hyperlinks) */
	enum report_check *evidence_checks; /* per evidence record */
	size_t by_check[CHECKS];	    /* records per state */
	struct report_input *inputs; /* the files the year is made from */
	size_t ninputs;
	char input_digest[65]; /* SHA-256 over the inputs' kinds and
				  SHA-256s and the policy's */

	bool draft;	   /* the year is open (not closed by kansa close):
			      its reports are drafts, 案 */
	char marking[320]; /* what cover and header show: the
			      classification, with 案 when draft */
};

/* Called by report_gather (report_year.c): takes the rows of a
 * store_year into out (the strings move; y keeps none); indexes each
 * item of score (its answers, in their order); frees a report_year. */
struct store_year;
enum kansa_err report_year_take(struct store_year *y, struct report_year *out);
enum kansa_err report_year_index(struct report_year *y,
				 const struct score_result *score,
				 const struct checklist *cl);
/* Frees a year's answers (and its index), keeping its respondents, which
 * a score_result points into: for a year that was only to be scored. */
void report_year_drop_answers(struct report_year *y);
void report_year_release(struct report_year *y);

/* Called by report_gather (report_audit.c): each evidence file's state;
 * each observation's evidence
 * problem and each finding's auditor of its own department; then, after
 * the previous year is gathered, the follow-up of its findings. */
enum kansa_err report_fill_findings(struct report *r);
/* Each evidence record's state (evidence_checks, by_check). */
enum kansa_err report_check_evidence(struct report *r);
enum kansa_err report_follow_up(struct report *r);

/* An evidence file's state at the report: 確認済, 変更あり, 所在不明,
 * 期限切れ (expired on the as-of date) or 未検証 (its name; a record of
 * r->evidence reads it from evidence_checks). */
const char *report_evidence_check(const struct report *r,
				  const struct evidence_record *e);

/* The index in r->evidence of the record whose ID is id[0..len), or -1:
 * a binary search, the register being read in ID order. */
long report_evidence_find(const struct report *r, const char *id, size_t len);

/* The Japanese name of an input file's kind ("answers" -> "回答"). */
const char *report_input_kind(const char *kind);

/*
 * Gathers the model of a year.  Returns KANSA_ERR_NOTFOUND (with a
 * diagnostic) when nothing was imported for the year.
 */
enum kansa_err report_gather(struct store *st, const struct report_options *o,
			     struct report *r, struct diags *d);
void report_release(struct report *r);

/* The settings of a loaded report.ini (f NULL: the defaults), with {era},
 * {year} and {as_of} of r expanded; KANSA_ERR_NOMEM or KANSA_OK. */
struct ini_file;
enum kansa_err report_settings_from_ini(struct report *r,
					const struct ini_file *f);
/* The weights of a loaded scoring.ini ([weights] 必須, 推奨: numbers from
 * 0 to 1,000,000); KANSA_ERR_INPUT with a diagnostic. */
enum kansa_err report_weights_from_ini(struct report *r,
				       const struct ini_file *f,
				       struct diags *d);

/* A plan in the quarterly progress report: its state at the report's
 * as-of date and at the last report's. */
struct plan_progress {
	const struct plan *plan;	     /* ID, items, who, what */
	const struct plan_log_entry *now;    /* state at the as-of date */
	const struct plan_log_entry *before; /* at the last report, or NULL
						(the plan is new since) */
	long days_overdue; /* past its due date and open; else 0 */
};

/* A plan's due date moved (two log entries in a row with other dues). */
struct due_move {
	const struct plan *plan; /* the plan */
	const char *from;	 /* the due date before, YYYY-MM-DD */
	const char *to;		 /* after */
	const char *on;		 /* as_of of the report that moved it */
	const char *reason;	 /* why (required for a later date), or "" */
};

/* The quarterly plan-progress report. */
struct plans_progress {
	char since[11]; /* the last report's as-of date */
	bool first;	/* no earlier plans report recorded and no --since:
			   since is three months before, not a 前回報告 */
	struct plan_progress *open; /* open at the as-of date: overdue
				       first (most days first), then by due
				       date and ID */
	size_t nopen;
	size_t noverdue;	      /* of them overdue */
	struct plan_progress *closed; /* closed (完了, 確認済) since */
	size_t nclosed;
	struct due_move *moves; /* due dates moved up to the as-of date,
				   by plan then date */
	size_t nmoves;
};

/*
 * Gathers the plan-progress report as of o->as_of into r (settings,
 * dates, every plan and its log, the plans files as inputs; r->year is
 * the fiscal year of the as-of date) and pp.  since is the last report's
 * as-of date, or NULL for three months before o->as_of.
 */
enum kansa_err report_gather_plans(struct store *st,
				   const struct report_options *o,
				   const char *since, struct report *r,
				   struct plans_progress *pp, struct diags *d);
void plans_progress_release(struct plans_progress *pp);

/* The plan with that ID, or NULL. */
const struct plan *report_plan_by_id(const struct report *r, const char *id);

/* The title of a chapter or section ID ("" when unknown). */
const char *report_part_title(const struct report *r, const char *id);

#endif
