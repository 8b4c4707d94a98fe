/* documents.h: the year's documents (workpaper, CISO summary, audit
 * report) rendered from one model on two cores: the audit report in a
 * second process while this one writes the workbook, the CISO summary
 * in whichever of the two is free first; a closed year's are
 * made apart first and take their place only when each equals its final
 * version byte for byte.
 * Ownership: the caller owns struct documents and what it points to. */
#ifndef KANSA_DOCUMENTS_H
#define KANSA_DOCUMENTS_H

#include <stdbool.h>

#include "manifest.h"
#include "render_pdf.h"
#include "report.h"

/* Most files a report writes and lists: 3 documents, 16 included, the
 * manifest. */
#define DOCUMENTS_MAX_INCLUDES 16
#define DOCUMENTS_MAX	       (3 + DOCUMENTS_MAX_INCLUDES + 1)

struct documents {
	/* in */
	const char *outdir;		/* where the files go */
	bool only[3];			/* REPORT_WORKPAPER .. REPORT_AUDIT */
	const struct pdf_passwords *pw; /* encrypt the PDFs, or NULL */
	const struct store_finals *finals; /* a closed year's final outputs
					      (n 0 or NULL: an open year) */
	const char *as_of, *date;	   /* the run's, to say why a closed
					      year's file differs */
	const char *version;		   /* the kansa that runs */
	const char *const *include; /* more files of outdir for the manifest
				       and the record (kansa run's texts) */
	size_t ninclude;
	/* out */
	struct manifest_file files[DOCUMENTS_MAX]; /* the documents written,
						      in the order of kinds;
						      then the included files
						      and the manifest */
	size_t n;				   /* how many documents */
	bool written;	    /* every document is in place */
	size_t nfiles;	    /* how many files, the manifest last */
	size_t placeholder; /* 1 + the index in the diagnostics of the
			       warning that the CISO letter is addressed
			       with ○○ left in report.ini; 0: none */
	double pdf_cpu;	    /* CPU seconds of the PDFs' process (the
			       second one) */
	long pdf_rss_kb;    /* its peak memory */
	char stage[4128];   /* a closed year's folder of its own (internal) */
};

/*
 * Writes the documents doc->only asks for into doc->outdir, from r.
 * Returns the first error (KANSA_ERR_RENDER, KANSA_ERR_IO, KANSA_ERR_DB
 * when a closed year's file differs from its final version) with
 * diagnostics in the order the documents come; a closed year's folder
 * of its own is removed either way.
 */
enum kansa_err documents_write_year(const struct report *r,
				    struct documents *doc, struct diags *d);

/*
 * The year's report from model r: records the run in st before anything
 * is written (run->id set), writes the documents (documents_write_year),
 * then MANIFEST.sha256 over them and doc->include, and records the run
 * whole.  KANSA_ERR_INPUT when an included file cannot be read; else as
 * documents_write_year, manifest_write and the store return.
 */
enum kansa_err documents_report_year(struct store *st, const struct report *r,
				     struct documents *doc,
				     struct manifest_run *run, struct diags *d);

#endif
