/* manifest.h: what a report run wrote: MANIFEST.sha256 beside the files
 * (which `sha256sum -c` checks) and the run's record in the store, begun
 * before anything is written and finished with the files' SHA-256.
 * Ownership: callers own every struct here; nothing outlives a call. */
#ifndef KANSA_MANIFEST_H
#define KANSA_MANIFEST_H

#include <stdbool.h>

#include "err.h"
#include "report.h"

/* One file a run wrote. */
struct manifest_file {
	char name[256];	 /* its name in the output folder */
	char sha256[65]; /* of its bytes */
	long long size;	 /* bytes */
	char path[8192]; /* where it was written */
};

/* A report run as the store records it. */
struct manifest_run {
	const char *started;	/* YYYY-MM-DDTHH:MM:SSZ */
	const char *version;	/* the kansa that runs */
	const char *as_of;	/* the run's --as-of */
	const char *date;	/* the run's --date */
	const char *staged_for; /* the folder the output folder is published
				   as (kansa run), or NULL */
	bool year_report;	/* the year's report, not the plans report */
	long long id;		/* set by manifest_begin_run() */
};

/* f names dir/name with its SHA-256 and size; KANSA_ERR_IO (errno set)
 * when it cannot be read. */
enum kansa_err manifest_file_set(struct manifest_file *f, const char *dir,
				 const char *name);

/*
 * Writes MANIFEST.sha256 in outdir: the n files of w, and those an
 * earlier run listed that are still there (their recorded SHA-256 kept,
 * so that a later change shows).  *manifest describes the file written.
 * KANSA_ERR_NOMEM or KANSA_ERR_IO with a diagnostic.
 */
enum kansa_err manifest_write(const char *outdir, const struct manifest_file *w,
			      size_t n, struct manifest_file *manifest,
			      struct diags *d);

/* Records that the run of model r starts, before anything is written:
 * a database that cannot record it stops the run.  Sets run->id. */
enum kansa_err manifest_begin_run(struct store *st, struct manifest_run *run,
				  const struct report *r, struct diags *d);

/* Records the run whole: its inputs (from r) and the n files of w. */
enum kansa_err manifest_record_run(struct store *st,
				   const struct manifest_run *run,
				   const struct report *r,
				   const struct manifest_file *w, size_t n,
				   struct diags *d);

#endif
