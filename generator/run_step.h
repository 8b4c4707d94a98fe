/* run_step.h: a step of `kansa run`, timed (wall and CPU seconds, peak
 * memory), logged, and written to --timings: kansa itself run in a child
 * process (its counts reported on a pipe, run_result.h), or work done in
 * this process.
 * Ownership: a struct run_step's out and results are the caller's to
 * free; struct run_steps and run_step_args borrow what they point to. */
#ifndef KANSA_RUN_STEP_H
#define KANSA_RUN_STEP_H

#include <stdbool.h>
#include <stdio.h>

#include "err.h"
#include "text.h"

/* Most arguments one step takes (the files of an import are more). */
#define RUN_STEP_MAX_ARGS 64

/* What the steps of one run share. */
struct run_steps {
	const char *exe;  /* kansa itself */
	const char *db;	  /* the database (--db) */
	int log;	  /* the run's log */
	bool tty;	  /* stdout is a terminal: show progress */
	FILE *timings;	  /* --timings, or NULL */
	double wall, cpu; /* totals */
	long rss_kb;	  /* the largest step's */
	struct diags *d;  /* why a step could not start */
};

/* One step as run. */
struct run_step {
	const char *name; /* "import" */
	double wall;	  /* seconds */
	double cpu;	  /* user + system seconds */
	long rss_kb;	  /* peak resident memory */
	int code;	  /* exit code */
	char *out;	  /* what it printed to the log (caller frees) */
	char *results;	  /* the NAME=VALUE lines it reported (run_result.h;
			     caller frees) */
};

/* Argument vectors: argv[0] is kansa, then --db DB, then the command. */
struct run_step_args {
	char *v[RUN_STEP_MAX_ARGS + 1];
	size_t n;
	char **extra; /* more (files), appended last */
	size_t nextra;
};

/* a: kansa --db DB cmd. */
void run_step_args(struct run_step_args *a, const struct run_steps *r,
		   const char *cmd);
/* Appends s to a (dropped beyond RUN_STEP_MAX_ARGS). */
void run_step_arg(struct run_step_args *a, const char *s);

/*
 * Runs kansa with the arguments of a in a child process, its standard
 * output to the file to (through a temporary file, renamed when the step
 * succeeds) or to the log, its errors to the log, the results it reports
 * into s->results; s->code is its exit code (4 when it could not run).
 * Shows the time taken while it runs when stdout is a terminal.
 */
void run_step_exec(struct run_steps *r, struct run_step *s,
		   const struct run_step_args *a, const char *to);
/* Adds a finished step to the totals and the --timings file. */
void run_step_record(struct run_steps *r, const struct run_step *s);
/* Prints the step's line: name, time and what it did. */
void run_step_line(const struct run_step *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A diagnostic as kansa prints it (cli_print_diags), one line, into b. */
void run_step_diag_line(struct sbuf *b, const struct diag *g);
/* A step done in this process: its diagnostics into the log and s->out
 * (the step's messages when it fails). */
void run_step_diags(struct run_steps *r, struct run_step *s,
		    const struct diags *d);
/* Seconds on a monotonic clock. */
double run_step_now(void);
/* CPU seconds of this process so far; *rss_kb its peak memory. */
double run_step_cpu(long *rss_kb);

#endif
