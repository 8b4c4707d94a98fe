/* store.h: the SQLite store, the only module that speaks SQL.
 *
 * One database file holds every policy version, checklist item, answer,
 * evidence record, plan and report run (docs/schema.md).  Ownership:
 * store_open() returns a handle that store_close() frees; functions that
 * fill a caller's struct leave the caller to release it.
 */
#ifndef KANSA_STORE_H
#define KANSA_STORE_H

#include <stdbool.h>

#include "answers.h"
#include "audit.h"
#include "checklist.h"
#include "err.h"
#include "evidence.h"
#include "plans.h"
#include "score.h"
#include "strpool.h"

struct store;

/* The schema version this kansa writes (PRAGMA user_version). */
int store_schema_version(void);

/*
 * Opens (creating when create is true) the database at path and migrates
 * it to the current schema, each step in its own transaction.  Returns
 * KANSA_ERR_DB with a diagnostic naming the file.
 */
enum kansa_err store_open(const char *path, bool create, struct diags *d,
			  struct store **out);
/* Opens an existing database for `kansa check-db`: like store_open(),
 * but a schema that differs from this kansa's is opened, for store_check()
 * to list the differences. */
enum kansa_err store_open_for_check(const char *path, struct diags *d,
				    struct store **out);
void store_close(struct store *st);

/* What store_save_policy() did. */
enum store_saved {
	STORE_SAVED_NEW,      /* a new policy version */
	STORE_SAVED_REPLACED, /* the same version with other items */
	STORE_SAVED_SAME      /* identical: nothing changed */
};

/*
 * Saves a derived checklist as policy cl->policy version cl->version, in
 * one transaction.  checklist_sha256 identifies the checklist file.
 */
enum kansa_err store_save_policy(struct store *st, const struct checklist *cl,
				 const char *checklist_sha256,
				 enum store_saved *saved, struct diags *d);

/*
 * Loads a policy version's checklist into cl (empty).  spec is NAME,
 * NAME@VERSION or NULL for the policy derived last; role, when not NULL,
 * keeps only that role's items.  Returns KANSA_ERR_NOTFOUND with a
 * diagnostic when there is no such policy.
 */
enum kansa_err store_load_checklist(struct store *st, const char *spec,
				    const char *role, struct checklist *cl,
				    struct diags *d);

/* How a policy text and its checklist file (by SHA-256) stand to what
 * was derived before: nothing derived yet; derived from this text into
 * this checklist; from this text but the checklist was edited since; or
 * only from other texts (the policy changed). */
enum store_derived {
	DERIVED_NONE,
	DERIVED_SAME,
	DERIVED_CHECKLIST_EDITED,
	DERIVED_TEXT_CHANGED
};
enum store_derived store_policy_derived(struct store *st,
					const char *source_sha256,
					const char *checklist_sha256);

/* The folder the database file is in (relative paths are kept to it). */
const char *store_dir(const struct store *st);

/*
 * Loads the checklist in force for a fiscal year into cl (empty): the
 * version pinned by the year's first import; else, with spec (NAME or
 * NAME@VERSION), that policy; else the policy version whose version (the
 * fiscal year it takes effect) is the latest not after year.  A spec
 * that contradicts the pinned version is an error.  *policy_id is set.
 */
enum kansa_err store_year_checklist(struct store *st, int year,
				    const char *spec, struct checklist *cl,
				    long long *policy_id, struct diags *d);

/* What an import did with one file. */
enum store_import_result {
	IMPORT_NEW,	 /* a respondent or register seen the first time */
	IMPORT_REPLACED, /* a new version: the old answers went to history */
	IMPORT_UNCHANGED /* the identical file was imported before */
};

struct store_import {
	int year;				   /* fiscal year */
	long long policy_id;			   /* checklist in force */
	struct answer_sheet *sheets;		   /* validated sheets */
	size_t nsheets;				   /* how many */
	struct evidence_register *registers;	   /* validated, hashed */
	size_t nregisters;			   /* how many */
	struct audit_file *audits;		   /* validated audit files */
	size_t naudits;				   /* how many */
	struct plan_file *plan_files;		   /* validated plans files */
	size_t nplan_files;			   /* how many */
	enum store_import_result *sheet_result;	   /* out, one per sheet */
	enum store_import_result *register_result; /* out, one per register */
	enum store_import_result *audit_result;	   /* out, one per audit */
	enum store_import_result *plan_result;	   /* out, one per plans file */
	bool complete; /* the sheets are all of the year's: a respondent
			  none backs is retired (kansa run) */
};

/*
 * Stores everything of one import in one transaction: the year's pinned
 * checklist, the registers' evidence, each respondent's answers (the
 * answers they replace go to the append-only history).  When every file
 * was imported before, nothing is written at all.
 */
enum kansa_err store_import(struct store *st, struct store_import *im,
			    struct diags *d);

/*
 * The evidence recorded for a year, as records (id, title, file, path,
 * dates, clauses, sha256, size, missing); caller releases *out.
 */
enum kansa_err store_load_evidence(struct store *st, int year,
				   struct evidence_register *out,
				   struct diags *d);

/* The result of verifying one evidence file. */
struct store_verified {
	const char *id;	    /* evidence ID */
	const char *result; /* ok, changed or missing */
	const char *sha256; /* found, or "" when nothing was read */
};

/* Records the results of one `kansa verify` of a year in one transaction
 * (nothing for a closed year: its record stays as its final report
 * showed it). */
enum kansa_err store_save_checks(struct store *st, int year,
				 const struct store_verified *v, size_t n,
				 struct diags *d);

/* One respondent of a year as stored: who (strings owned), and its
 * sheet. */
struct store_year_respondent {
	struct score_respondent who; /* department, role, system, name */
	char *answered_on;	     /* or "" */
	char *file;		     /* its sheet imported last */
};

/* One answer of a year as stored. */
struct store_year_answer {
	struct score_answer a;	  /* respondent index, item (the pool's),
				     status, evidence counted */
	const char *comment;	  /* or ""; the pool's; NULL without texts */
	const char *evidence_ids; /* "EV-1, EV-2", or ""; the pool's; NULL
				     without texts */
	long line;		  /* its line in its sheet */
};

/* A year's respondents and answers, as rows. */
struct store_year {
	int year;				   /* fiscal year */
	long long policy_id;			   /* its checklist */
	struct store_year_respondent *respondents; /* by department, role,
						     system */
	size_t nrespondents;
	struct store_year_answer *answers; /* by respondent, sheet order */
	size_t nanswers;
	struct strpool strings; /* the answers' item IDs, comments and
				   evidence IDs, each distinct one once */
	bool texts;		/* comments and evidence IDs were kept */
};

/*
 * Loads a year's respondents and answers; each answer counts its cited
 * evidence and how much of it is valid as of a date (recorded, present,
 * unchanged at the last verify, not expired).  Without texts, the
 * answers' comments and evidence IDs are not kept (NULL): what scoring
 * needs only.  KANSA_ERR_NOTFOUND when nothing was imported for the
 * year.
 */
enum kansa_err store_load_year(struct store *st, int year, const char *as_of,
			       bool texts, struct store_year *out,
			       struct diags *d);
void store_year_release(struct store_year *y);
/* The latest year before year with imported answers, or 0. */
int store_previous_year(struct store *st, int year);

/* The audit file of a year, when one was imported (*found). */
enum kansa_err store_load_audit(struct store *st, int year,
				struct audit_file *out, bool *found,
				struct diags *d);

/* The file the year's audit in force came from and when it was imported
 * (*path and *imported_at NULL when the year has none); caller frees. */
enum kansa_err store_audit_source(struct store *st, int year, char **path,
				  char **imported_at, struct diags *d);

/* Every plan in its current state, by ID; caller releases each. */
enum kansa_err store_load_plans(struct store *st, struct plan **out, size_t *n,
				struct diags *d);

/* The log of one plan (or of all, plan_id NULL), oldest first. */
enum kansa_err store_load_plan_log(struct store *st, const char *plan_id,
				   struct plan_log_entry **out, size_t *n,
				   struct diags *d);
void store_plan_log_release(struct plan_log_entry *v, size_t n);

/* Saves a new version of a plan and appends it to the log, in one
 * transaction. */
enum kansa_err store_save_plan(struct store *st, const struct plan *p,
			       struct diags *d);

/* A file a year's results were made from. */
struct store_input {
	char *kind;	   /* answers, evidence, audit, plans */
	char *path;	   /* as given to kansa import */
	char *sha256;	   /* of its bytes */
	long long size;	   /* bytes */
	char *imported_at; /* when */
};

/*
 * The files a year's results are made from: each respondent's current
 * sheet, the evidence registers, the audit file and every plans file, by
 * kind and path.  Caller releases with store_inputs_release().
 */
enum kansa_err store_load_inputs(struct store *st, int year,
				 struct store_input **out, size_t *n,
				 struct diags *d);
void store_inputs_release(struct store_input *v, size_t n);

/* A respondent of a year, for `kansa status`. */
struct store_respondent {
	char *department;  /* 議会事務局総務課 */
	char *role;	   /* 情報システム管理者 */
	char *system;	   /* or "" */
	char *name;	   /* respondent */
	char *answered_on; /* or "" */
	char *file;	   /* the sheet imported last */
	char *imported_at; /* when */
	long answers;	   /* answers given (not 未回答) */
	char *retired_at;  /* when it was retired, or NULL (current) */
};

/* One line of `kansa status`: an item, answer or evidence to look at. */
struct store_issue {
	char *what;   /* item ID or evidence ID */
	char *who;    /* respondent (department / role / system) or "" */
	char *detail; /* what is wrong */
};

struct store_status {
	struct store_respondent *respondents;
	size_t nrespondents;
	struct store_issue *unanswered;
	size_t nunanswered;
	struct store_issue *no_evidence;
	size_t nno_evidence;
	struct store_issue *evidence;
	size_t nevidence;
};

/* Gathers the status of a year as of a date (for expiry). */
enum kansa_err store_year_status(struct store *st, int year, const char *as_of,
				 struct store_status *out, struct diags *d);
void store_status_release(struct store_status *s);

/*
 * Copies the database to dest while other connections may be using it
 * (SQLite's online backup), through a temporary file renamed into place.
 */
enum kansa_err store_backup(struct store *st, const char *dest,
			    struct diags *d);

/* What store_check() found. */
struct store_check {
	struct store_issue *problems; /* what, where, what is wrong */
	size_t nproblems;
	size_t rules; /* how many of kansa's own rules were checked */
};

/*
 * The schema against the one this kansa makes (tables, indexes, triggers
 * and views added, missing or changed), SQLite's integrity check, its
 * foreign key check and kansa's own rules between tables
 * (docs/schema.md).  c is overwritten; release it with
 * store_check_release().
 */
/* SQLite's quick_check (every page and record well formed, without the
 * index contents: about a second for 80 MB): KANSA_ERR_DB with a
 * diagnostic naming the file when the database is damaged.  Commands that
 * write records or reports call it first, so that nothing is made from a
 * damaged database. */
enum kansa_err store_quick_check(struct store *st, struct diags *d);
/* The same check on a thread of its own with a connection of its own
 * (the second core), while the caller goes on reading through st: *out
 * is then given to store_quick_check_finish(), which waits for it and
 * returns (with its diagnostic) what store_quick_check() would have;
 * nothing made meanwhile may be published before.  Where no thread can
 * be made, the check runs at once. */
struct store_quick;
enum kansa_err store_quick_check_start(struct store *st,
				       struct store_quick **out,
				       struct diags *d);
/* Waits for the check and frees q (NULL: KANSA_OK). */
enum kansa_err store_quick_check_finish(struct store_quick *q, struct diags *d);

/*
 * A second connection to st's file, for another thread, that reads the
 * very state st reads: only while st is inside a read transaction
 * (store_read_begin) on a database in a rollback-journal mode, where
 * st's shared lock keeps any writer from committing; the twin takes its
 * own shared lock at once, without waiting for one.  KANSA_ERR_NOTFOUND
 * (no diagnostic) when there can be no such twin: the caller then reads
 * through st.  Close it with store_close(); its diagnostics go to d
 * (each call's own then).
 */
enum kansa_err store_open_twin(struct store *st, struct diags *d,
			       struct store **out);
enum kansa_err store_check(struct store *st, struct store_check *c);
void store_check_release(struct store_check *c);

/* A file a report run read or wrote. */
struct store_run_file {
	const char *path;
	const char *sha256;
	long long size;
};

/* One run of `kansa report`, to record. */
struct store_run {
	int year;
	const char *started_at; /* YYYY-MM-DDTHH:MM:SSZ */
	const char *kansa_version;
	const char *as_of, *date; /* the run's --as-of and --date */
	const char *input_digest;
	const struct store_run_file *inputs, *outputs;
	size_t ninputs, noutputs;
	bool year_report; /* the year's report (not the plans report): the
			     first after the year is closed is its final */
	long long id;	  /* set by store_begin_run(), else 0 */
};

/* Records that a run starts (its finish stays empty until
 * store_record_run()), before anything is written: a database that
 * cannot record the run (read-only, full, locked) stops it there. */
enum kansa_err store_begin_run(struct store *st, struct store_run *run,
			       struct diags *d);
/* Records a run (begun or not) and its files in one transaction. */
enum kansa_err store_record_run(struct store *st, const struct store_run *run,
				struct diags *d);

/* A recorded run, as `kansa runs` lists it. */
struct store_run_row {
	long long id;
	int year;
	char *finished_at, *kansa_version, *as_of, *date, *input_digest;
	size_t ninputs, noutputs;
};

/* The runs of year (all when year < 0), oldest first. */
enum kansa_err store_list_runs(struct store *st, int year,
			       struct store_run_row **out, size_t *n,
			       struct diags *d);
void store_runs_release(struct store_run_row *v, size_t n);

/* The --as-of of the latest finished run before as_of that wrote a file
 * named name (a report's file name as of as_of: each as_of in it stands
 * for the run's own) into out, or "" when there is none. */
enum kansa_err store_last_report_before(struct store *st, const char *as_of,
					const char *name, char out[11],
					struct diags *d);

/* --- consistent reads and closed years (store_records.c) ------------- */

/*
 * Starts a read transaction: every read until store_read_end() sees one
 * committed state, whatever other connections commit meanwhile (the
 * rollback journal holds their commits back until it ends).  Within a
 * transaction already open it does nothing.
 */
enum kansa_err store_read_begin(struct store *st, struct diags *d);
void store_read_end(struct store *st);

/* 1 when FY year is closed (closed_at, when not NULL, says since when),
 * 0 when open or unknown, -1 on a database error. */
int store_year_closed(struct store *st, int year, char closed_at[32]);
/* Whether anything was imported for year (it has a policy version). */
bool store_year_known(struct store *st, int year);

/* Closes / reopens a year, each logged with its reason in year_log.  A
 * reopen moves the final outputs' SHA-256s into the log. */
enum kansa_err store_close_year(struct store *st, int year, const char *reason,
				struct diags *d);
enum kansa_err store_reopen_year(struct store *st, int year, const char *reason,
				 struct diags *d);

/* One final output of a closed year, as the closing report wrote it. */
struct store_final {
	char *path;	/* as the report run recorded it */
	char *sha256;	/* of its bytes */
	long long size; /* bytes */
};

/* A closed year's final outputs and the run that made them. */
struct store_finals {
	struct store_final *v;
	size_t n;	     /* 0: none recorded yet */
	char *as_of, *date;  /* that run's --as-of and --date */
	char *input_digest;  /* of the inputs it read */
	char *kansa_version; /* the kansa that made them */
};

/* The final outputs of a year (none when it is open or has none yet);
 * release with store_finals_release(). */
enum kansa_err store_load_finals(struct store *st, int year,
				 struct store_finals *out, struct diags *d);
void store_finals_release(struct store_finals *f);

/* --- respondents (store_respondents.c) -------------------------------- */

/* One respondent: (year, department, role, system). */
struct store_who {
	const char *department, *role, *system; /* system "" when none */
};

/* A year's respondents, retired ones too (retired_at set), as rows of
 * struct store_respondent; release with store_status_release()'s rule:
 * store_respondents_release(). */
enum kansa_err store_list_respondents(struct store *st, int year,
				      struct store_respondent **out, size_t *n,
				      struct diags *d);
void store_respondents_release(struct store_respondent *v, size_t n);

/* Removes a respondent from a year: its answers go to the history, it is
 * marked retired, the act is logged with the reason.  KANSA_ERR_NOTFOUND
 * when there is no such current respondent. */
enum kansa_err store_remove_respondent(struct store *st, int year,
				       const struct store_who *who,
				       const char *reason, struct diags *d);
/* Renames a respondent's department and/or system (logged); refused
 * when another respondent has the new name. */
enum kansa_err store_rename_respondent(struct store *st, int year,
				       const struct store_who *who,
				       const char *department,
				       const char *system, const char *reason,
				       struct diags *d);

/* One act in a year's log (close, reopen, respondent-*, policy-move). */
struct store_log_entry {
	char *logged_at; /* when */
	char *action;	 /* what */
	char *reason;	 /* why, or "" */
	char *detail;	 /* lines of detail, or "" */
};
/* A year's log, oldest first; release with store_year_log_release(). */
enum kansa_err store_load_year_log(struct store *st, int year,
				   struct store_log_entry **out, size_t *n,
				   struct diags *d);
void store_year_log_release(struct store_log_entry *v, size_t n);

/* --- moving a year to another policy version (store_move.c) --------- */
/*
 * Loads what kansa year move needs: the year's version (from) and the
 * target (to_spec: VERSION of the year's policy, or NAME@VERSION) with
 * its [mapping], both empty checklists filled, and their policy IDs.
 * KANSA_ERR_NOTFOUND when the year or the version does not exist,
 * KANSA_ERR_INPUT when the year uses the target already.
 */
enum kansa_err store_move_load(struct store *st, int year, const char *to_spec,
			       struct checklist *from, long long *from_id,
			       struct checklist *to, long long *to_id,
			       struct diags *d);
/* An item of the year's version and its counterpart in the target. */
struct store_move_pair {
	const char *from_id, *to_id;
};
/* One move: what to do (in) and what it did (out). */
struct store_move {
	int year;			     /* in: the fiscal year */
	long long from_id, to_id;	     /* in: its version, the target */
	const char *from_name, *to_name;     /* in: NAME@VERSION of each */
	const struct store_move_pair *pairs; /* in: every matched item */
	size_t npairs;
	const char *const *removed; /* in: items without a counterpart */
	size_t nremoved;
	const char *reason; /* in: why, for the year log */
	bool apply;	    /* in: false: everything is rolled back */
	long answers;	    /* out: the year's answers */
	long renumbered;    /* out: of them, moved to another ID */
	long archived;	    /* out: moved to the history (no counterpart) */
	long judgements;    /* out: the year's judgements */
	char *dropped;	    /* out: judgements and audit decisions of items
			       without a counterpart, as the log keeps
			       them ("" when none); caller frees */
};
/*
 * Moves a year to another version in one transaction: refused (exit 3's
 * KANSA_ERR_INPUT) when the year is closed; answers, evidence links,
 * judgements, the audit file's decisions and the items of plans of its
 * findings follow the pairs; answers of removed items go to the history;
 * the move is logged (policy-move, with every changed and removed ID).
 * With apply false it counts, then rolls everything back (a dry run).
 */
enum kansa_err store_move_year(struct store *st, struct store_move *mv,
			       struct diags *d);

#endif
