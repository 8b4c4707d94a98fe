/* cmd_run_internal.h: the state of one `kansa run`, shared by cmd_run.c
 * (options, workspace, the order of the steps) and cmd_run_steps.c (each
 * step and the summary), which cmd_run.c calls, never the other way. */
#ifndef KANSA_CMD_RUN_INTERNAL_H
#define KANSA_CMD_RUN_INTERNAL_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#include "report.h"
#include "run_stage.h"
#include "run_step.h"
#include "store.h"
#include "workspace.h"

struct run_opts {
	int year;		   /* --year */
	char as_of[11];		   /* --as-of, default today */
	char date[11];		   /* --date, default the as-of date */
	const char *workspace;	   /* kansa.ini of the workspace */
	int fail_on;		   /* --fail-on: a grade, or -1 */
	const char *password_file; /* --pdf-password-file */
	const char *timings;	   /* --timings FILE (TSV) */
	bool allow_missing;	   /* --allow-missing-evidence (import) */
	bool dated;		   /* --as-of or --date given */
};

struct run {
	struct run_opts o;
	char year[16]; /* o.year as an argument */
	struct workspace ws;
	char exe[PATH_MAX];	     /* kansa itself */
	struct run_steps steps;	     /* the steps' log, timings, totals */
	char *outdir;		     /* where the steps write: the staging
					folder beside output/FY */
	struct run_stage stage;	     /* output/FY locked, the set published */
	char logpath[PATH_MAX + 32]; /* outdir/kansa-run.log */
	char *written[24];	     /* the files written, to list at the end */
	size_t nwritten;
	size_t warnings; /* steps that finished with a warning */
	struct diags *d;
	struct report model; /* the year, gathered once for score, findings,
				diff, the report and the summary */
	struct store_finals finals; /* a closed year's final outputs */
	bool have_model;
};

/* derive: only when the policy text or the checklist file changed since
 * the last derive. */
int cmd_run_do_derive(struct run *r, struct store *st);
/* import: every file of the year that kansa.ini points to; says so when
 * the audit in force came from another file than the workspace's. */
int cmd_run_do_import(struct run *r, struct store *st);
/* verify: evidence that changed or went missing is a warning. */
int cmd_run_do_verify(struct run *r);
/* status, as kansa status prints it, into the output folder. */
int cmd_run_do_status(struct run *r);
/*
 * score, findings and diff: as kansa score, kansa findings and kansa diff
 * print them, into the output folder, made here from one model of the
 * year (gathered by the score step; the summary uses it too) instead of
 * three child processes gathering it three times.
 */
int cmd_run_do_result(struct run *r, struct store *st, const char *name);
/* report: the workpaper and both PDFs from the year's model (the PDFs on
 * the second core while the workbook is written), the manifest (which
 * also lists the text results) and the run's record, made here. */
int cmd_run_do_report(struct run *r, struct store *st, const char *const *texts,
		      size_t ntexts);
/* The summary, from the year's model; returns 1 when --fail-on finds. */
int cmd_run_summary(struct run *r);

#endif
