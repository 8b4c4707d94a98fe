/* plans.h: improvement plans (改善計画): their files (kind = plans), the
 * rules for changing them, and overdue and failed plans.
 *
 * Ownership: a struct plan owns its strings; plan_release() frees them.
 * Functions that only compute (plans_*) do no I/O.
 */
#ifndef KANSA_PLANS_H
#define KANSA_PLANS_H

#include <stdbool.h>
#include <stddef.h>

#include "checklist.h"
#include "err.h"
#include "grades.h"
#include "ini.h"

enum plan_status {
	PLAN_TODO,	/* 未着手 */
	PLAN_DOING,	/* 対応中 */
	PLAN_DONE,	/* 完了 */
	PLAN_CONFIRMED, /* 確認済: by the audit chief only */
	PLAN_STATUSES
};

const char *plan_status_name(enum plan_status s);
/* Parses 未着手 ... 確認済; -1 for anything else. */
int plan_status_parse(const char *s);

struct milestone {
	char *due;     /* YYYY-MM-DD */
	char *title;   /* what */
	char *done_on; /* YYYY-MM-DD, or "" */
};

struct plan {
	char *id;     /* KP-2025-001 */
	char **items; /* the item IDs (findings) it addresses */
	size_t nitems;
	int finding_year;	      /* the fiscal year of the findings */
	char *department;	      /* owner: department */
	char *role;		      /* owner: role */
	char *action;		      /* what will be done */
	char *due;		      /* YYYY-MM-DD */
	struct milestone *milestones; /* dated steps */
	size_t nmilestones;
	enum plan_status status; /* 未着手 ... 確認済 */
	int progress;		 /* 0..100 % */
	char *completed_on;	 /* YYYY-MM-DD, or "" */
	char *notes;		 /* or "" */
	char *reason;		 /* why the due date moved, or "" */
	char *as_of;		 /* the date of this version */
	char *source;		 /* the file (FILE:LINE) or "kansa plan" */
	long line;		 /* of its [section] in a file */
	bool unchanged;		 /* the same as the stored version:
				    an import skips it */
};

/* A plans file: one progress report. */
struct plan_file {
	char *path;	    /* as given */
	char sha256[65];    /* of its bytes */
	long long size;	    /* bytes */
	char *as_of;	    /* [kansa] as_of */
	long as_of_line;    /* its line */
	char *reported_by;  /* [kansa] reported_by, or "" */
	char *role;	    /* [kansa] role of the reporter, or "" */
	struct plan *plans; /* in file order */
	size_t n;
};

/* One version of a plan in its log. */
struct plan_log_entry {
	char *plan_id;	 /* the plan */
	char *logged_at; /* when kansa recorded it */
	char *as_of;	 /* the date of the progress report */
	char *status;	 /* 未着手 ... */
	int progress;	 /* % */
	char *due;	 /* YYYY-MM-DD */
	char *reason;	 /* why the due date moved, or "" */
	char *note;	 /* notes of that version, or "" */
	char *source;	 /* FILE:LINE or "kansa plan" */
};

void plan_release(struct plan *p);
void plan_file_release(struct plan_file *f);
/* A deep copy of src into dst; false when out of memory. */
bool plan_copy(struct plan *dst, const struct plan *src);

/*
 * Reads a loaded plans file; item IDs are checked against cl (an unknown
 * one is a warning: a plan may name an ID of an older version).
 */
enum kansa_err plans_read(const struct ini_file *f, const struct checklist *cl,
			  struct diags *d, struct plan_file *out);

/*
 * Checks a change of a plan (old is NULL for a new plan): a later due
 * date needs a reason; 確認済 needs the audit chief (by_audit_chief);
 * 完了 and 確認済 need a completion date.  Problems go to d naming file
 * and line.  Returns true when nothing would change.
 */
bool plans_check_change(const struct plan *old, const struct plan *now,
			bool by_audit_chief, const char *file, struct diags *d);

/*
 * Reads a plan's log snapshot (one plans-file section, as plans_format()
 * writes it) dated as_of into out (caller releases); KANSA_ERR_DB when
 * the snapshot does not read back as one plan.
 */
enum kansa_err plans_parse_snapshot(const char *as_of, const char *snapshot,
				    struct plan *out);

/* True when a plan is open: neither 完了 nor 確認済. */
bool plan_is_open(const struct plan *p);
/* Days past the due date as of a date (negative: days left). */
long plan_days_overdue(const struct plan *p, const char *as_of);
/* True when open and its due date is before as_of. */
bool plan_is_overdue(const struct plan *p, const char *as_of);
/* True when the plan names item_id among its items. */
bool plan_has_item(const struct plan *p, const char *item_id);

/* Formats a plan as a [section] of a plans file (LF line ends). */
void plans_format(struct sbuf *b, const struct plan *p);

/* The plan with ID id among v[0..n), or NULL. */
const struct plan *plans_find(const struct plan *v, size_t n, const char *id);

/* A change of a plan asked for by hand (kansa plan add|update|close). */
enum plan_change_kind {
	PLAN_CHANGE_ADD,    /* a new plan */
	PLAN_CHANGE_UPDATE, /* fields of a plan */
	PLAN_CHANGE_CLOSE   /* 完了, or 確認済 with confirm */
};
#define PLAN_CHANGE_ITEMS 16
struct plan_change {
	enum plan_change_kind kind;
	const char *id;				/* the plan */
	char as_of[11];				/* the date of the change */
	const char *items[PLAN_CHANGE_ITEMS];	/* its finding items */
	size_t nitems;				/* 0: unchanged */
	int finding_year;			/* 0: unchanged */
	const char *department, *role, *action; /* NULL: unchanged */
	char due[11];				/* "": unchanged */
	int status;				/* enum plan_status, -1 */
	int progress;				/* 0..100, -1 */
	const char *reason;			/* why the due date moves */
	const char *note;			/* NULL: unchanged */
	char completed_on[11];			/* "": unchanged */
	bool confirm;				/* close as 確認済 */
	const char *by;				/* who (the audit chief) */
};

/*
 * The plan c makes of the stored plans (v, n) into *out (caller releases
 * it): an added plan must not exist and needs items, finding year,
 * department, action and due; an update or close needs the plan; 確認済
 * needs 完了 first and by; then plans_check_change()'s rules.  *unchanged
 * when nothing would change.  KANSA_ERR_INPUT or _NOTFOUND with the
 * problems in d, KANSA_ERR_NOMEM.
 */
enum kansa_err plans_apply_change(const struct plan *v, size_t n,
				  const struct plan_change *c, struct plan *out,
				  bool *unchanged, struct diags *d);

/* A finding of a year, as plans_suggest() needs it. */
struct plan_need {
	const char *item_id;	    /* its item */
	const char *department;	    /* where it was found */
	enum finding_grade grade;   /* 重大な不適合 ... */
	bool candidate;		    /* kansa's candidate, not decided */
	const char *finding;	    /* 事象 (or kansa's reason) */
	const char *recommendation; /* 改善提言, or "" */
};

/*
 * Appends to b a plans file of skeletons (ID KP-YEAR-NNN, the next free)
 * for every 重大な/軽微な不適合 among needs that none of plans names;
 * era is the year's 和暦, as_of the file's date.  Returns how many.
 */
size_t plans_suggest(struct sbuf *b, int year, const char *era,
		     const char *as_of, const struct plan_need *needs, size_t n,
		     const struct plan *plans, size_t nplans);

#endif
