/* documents.c: the year's workpaper and PDFs from one model on two
 * cores: the audit report in a second process while this one writes the
 * workbook, the CISO summary in whichever is free first. */
#define _GNU_SOURCE /* pipe2 */
#include "documents.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fileio.h"
#include "render_xlsx.h"
#include "store.h"

/* --- the PDFs' process ---------------------------------------------- */

/* What the PDFs' process sends for each diagnostic and each document:
 * this header, then the file name (flen bytes; none when flen is
 * NO_FILE) and the message (mlen bytes). */
struct wire {
	int kind;  /* -1: a diagnostic; else the document it is done with */
	int level; /* enum diag_level */
	long line; /* the diagnostic's line */
	int err;   /* the document's enum kansa_err */
	uint32_t flen, mlen;
};
#define NO_FILE UINT32_MAX

static bool write_all(int fd, const void *p, size_t n)
{
	const char *s = p;
	while (n) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		s += w;
		n -= (size_t)w;
	}
	return true;
}

static bool read_all(int fd, void *p, size_t n)
{
	char *s = p;
	while (n) {
		ssize_t got = read(fd, s, n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return false;
		s += got;
		n -= (size_t)got;
	}
	return true;
}

/* Sends the diagnostics of d, then that document kind is done (err). */
static bool send(int fd, const struct diags *d, int kind, enum kansa_err err)
{
	struct wire w = {.kind = kind, .err = (int)err};
	for (size_t i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];
		struct wire h = {.kind = -1,
				 .level = (int)g->level,
				 .line = g->line,
				 .flen = g->file ? (uint32_t)strlen(g->file)
						 : NO_FILE,
				 .mlen = (uint32_t)strlen(g->msg)};
		if (!write_all(fd, &h, sizeof(h)) ||
		    (g->file && !write_all(fd, g->file, h.flen)) ||
		    !write_all(fd, g->msg, h.mlen))
			return false;
	}
	return write_all(fd, &w, sizeof(w));
}

/* Receives what the PDFs' process sends: each document's diagnostics
 * into parts[kind] and its result into errs[kind] (set to -1
 * beforehand: -1 left means that document was never done); what came
 * for no document into d. */
static void receive(int fd, struct diags *d, struct diags parts[3], int errs[3])
{
	struct diags pending;
	struct wire h;
	diags_init(&pending);
	while (read_all(fd, &h, sizeof(h))) {
		char *file = NULL, *msg;
		if (h.kind >= 0 && h.kind < 3) {
			errs[h.kind] = h.err;
			diags_move(&parts[h.kind], &pending);
			continue;
		}
		if (h.kind != -1 || h.mlen > (1u << 24) ||
		    (h.flen != NO_FILE && h.flen > (1u << 24)))
			break;
		if (h.flen != NO_FILE && (!(file = calloc(h.flen + 1, 1)) ||
					  !read_all(fd, file, h.flen))) {
			free(file);
			break;
		}
		if (!(msg = calloc(h.mlen + 1, 1)) ||
		    !read_all(fd, msg, h.mlen)) {
			free(file);
			free(msg);
			break;
		}
		diags_add(&pending, (enum diag_level)h.level, file, h.line,
			  "%s", msg);
		free(file);
		free(msg);
	}
	diags_move(d, &pending);
	diags_release(&pending);
}

/* True when this process takes the one byte of the pipe fd (whose
 * writing end is closed): the CISO summary is rendered by whichever
 * process is free first. */
static bool take(int fd)
{
	char c;
	ssize_t n;
	while ((n = read(fd, &c, 1)) < 0 && errno == EINTR)
		;
	return n == 1;
}

/* The PDFs' process: renders the audit report when asked, then the CISO
 * summary when asked and it takes it first (token), each into
 * paths[kind], stopping at the first that fails; sends what happened
 * through fd and ends.  It dies with its parent (a killed run leaves no
 * writer). */
static void pdf_process(const struct report *r, const struct documents *doc,
			char paths[3][8192], int fd, int token, pid_t parent)
{
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(4);
	for (int k = REPORT_AUDIT; k >= REPORT_CISO; k--) {
		struct diags dk;
		enum kansa_err err;
		if (!doc->only[k] || (k == REPORT_CISO && !take(token)))
			continue;
		diags_init(&dk);
		err = render_pdf(r, (enum report_kind)k, paths[k], doc->pw,
				 &dk);
		if (!send(fd, &dk, k, err)) {
			diags_release(&dk);
			_exit(4);
		}
		diags_release(&dk);
		if (err)
			break;
	}
	_exit(0);
}

/* --- rendering ------------------------------------------------------ */

static enum kansa_err render_one(const struct report *r,
				 const struct documents *doc, int k,
				 const char *path, struct diags *d)
{
	if (k == REPORT_WORKPAPER)
		return render_xlsx(r, path, d);
	return render_pdf(r, (enum report_kind)k, path, doc->pw, d);
}

/* The PDFs' process ended: its CPU time and memory, and an error when it
 * ended before it was done with every PDF it was to render (errs[kind]
 * stays -1 for those). */
static void pdf_process_end(pid_t pid, struct documents *doc, const int errs[3],
			    struct diags *d)
{
	struct rusage ru;
	int status = 0;
	pid_t w;

	while ((w = wait4(pid, &status, 0, &ru)) < 0 && errno == EINTR)
		;
	if (w == pid) {
		doc->pdf_cpu = (double)ru.ru_utime.tv_sec +
			       (double)ru.ru_utime.tv_usec / 1e6 +
			       (double)ru.ru_stime.tv_sec +
			       (double)ru.ru_stime.tv_usec / 1e6;
		doc->pdf_rss_kb = ru.ru_maxrss;
	}
	for (int k = REPORT_CISO; k <= REPORT_AUDIT; k++) {
		if (!doc->only[k] || errs[k] == 0)
			continue;
		if (errs[k] < 0)
			diags_add(d, DIAG_ERROR, NULL, 0,
				  "the process rendering the PDFs ended "
				  "before they were written (%s %d)",
				  w == pid && WIFSIGNALED(status) ? "signal"
								  : "exit",
				  w == pid && WIFSIGNALED(status)
					  ? WTERMSIG(status)
					  : WEXITSTATUS(status));
		return; /* the rest was never begun */
	}
}

/* The PDFs' process and the pipes to it: fds its messages, token the
 * CISO summary's one byte. */
static pid_t pdf_process_start(const struct report *r,
			       const struct documents *doc, char paths[3][8192],
			       int fds[2], int token[2])
{
	pid_t pid, self = getpid();

	if (pipe2(fds, O_CLOEXEC) != 0)
		return -1;
	if (pipe2(token, O_CLOEXEC) != 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	pid = write(token[1], "c", 1) == 1 ? 0 : -1;
	close(token[1]); /* the byte stays for one reader to take */
	fflush(NULL);	 /* nothing buffered is written twice */
	if (pid < 0 || (pid = fork()) < 0) {
		close(fds[0]);
		close(fds[1]);
		close(token[0]);
		return -1;
	}
	if (pid == 0) {
		close(fds[0]);
		pdf_process(r, doc, paths, fds[1], token[0], self);
	}
	close(fds[1]);
	return pid;
}

/* The diagnostics of each PDF after the workbook's, in the order of
 * the documents, up to the first that failed (as if rendered one after
 * the other: none of those after it). */
static void merge(const struct documents *doc, struct diags parts[3],
		  const int errs[3], struct diags *d)
{
	bool stop = false;
	for (int k = REPORT_CISO; k <= REPORT_AUDIT; k++) {
		if (!stop)
			diags_move(d, &parts[k]);
		diags_release(&parts[k]);
		stop = stop || (doc->only[k] && errs[k] != 0);
	}
}

/* Renders the documents into paths on two cores: the workbook here, the
 * audit report in a process of its own, the CISO summary in whichever
 * of the two is free first (at a demo's size this one, after the
 * workbook; at a large size the other).  errs[kind]: each one's result
 * (-1: not rendered).  Returns false when no process could be started
 * (nothing rendered). */
static bool render_parallel(const struct report *r, struct documents *doc,
			    char paths[3][8192], int errs[3], struct diags *d)
{
	int fds[2], token[2];
	struct diags parts[3];
	pid_t pid = pdf_process_start(r, doc, paths, fds, token);

	if (pid < 0)
		return false;
	for (int k = 0; k < 3; k++)
		diags_init(&parts[k]);
	if (doc->only[REPORT_WORKPAPER])
		errs[REPORT_WORKPAPER] = (int)render_one(
			r, doc, REPORT_WORKPAPER, paths[REPORT_WORKPAPER], d);
	if (errs[REPORT_WORKPAPER] > 0) {
		/* as if rendered one after the other: no more */
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	} else {
		if (doc->only[REPORT_CISO] && take(token[0]))
			errs[REPORT_CISO] = (int)render_one(
				r, doc, REPORT_CISO, paths[REPORT_CISO],
				&parts[REPORT_CISO]);
		receive(fds[0], d, parts, errs);
		merge(doc, parts, errs, d);
		pdf_process_end(pid, doc, errs, d);
	}
	for (int k = 0; k < 3; k++)
		diags_release(&parts[k]);
	close(fds[0]);
	close(token[0]);
	return true;
}

/* Renders each document asked for into dir: doc->files, and the first
 * error. */
static enum kansa_err render_all(const struct report *r, struct documents *doc,
				 const char *dir, struct diags *d)
{
	char paths[3][8192];
	int errs[3] = {-1, -1, -1}, wanted = 0;
	enum kansa_err err = KANSA_OK;

	for (int k = REPORT_WORKPAPER; k <= REPORT_AUDIT; k++) {
		snprintf(paths[k], sizeof(paths[k]), "%s/%s", dir,
			 r->settings.file[k]);
		wanted += doc->only[k];
	}
	if (!(wanted > 1 && render_parallel(r, doc, paths, errs, d)))
		for (int k = REPORT_WORKPAPER; k <= REPORT_AUDIT && !err; k++)
			if (doc->only[k])
				err = errs[k] =
					(int)render_one(r, doc, k, paths[k], d);
	for (int k = REPORT_WORKPAPER; k <= REPORT_AUDIT; k++) {
		struct manifest_file *f = &doc->files[doc->n];
		if (!doc->only[k])
			continue;
		if ((err = errs[k] < 0 ? KANSA_ERR_RENDER
				       : (enum kansa_err)errs[k]))
			break;
		if ((err = manifest_file_set(f, dir, r->settings.file[k]))) {
			diags_add(d, DIAG_ERROR, f->path, 0,
				  "cannot read what was written: %s",
				  strerror(errno));
			break;
		}
		doc->n++;
	}
	return err;
}

/* --- a closed year -------------------------------------------------- */

/* Why a closed year's document differs from its final version. */
static const char *why_not(const struct documents *doc, const struct report *r)
{
	const struct store_finals *f = doc->finals;
	if (f->input_digest && strcmp(f->input_digest, r->input_digest))
		return "the inputs differ from those the final report was "
		       "made from (kansa runs shows both input digests)";
	if (f->kansa_version && strcmp(f->kansa_version, doc->version))
		return "it was made by another version of kansa";
	if ((f->as_of && strcmp(f->as_of, doc->as_of)) ||
	    (f->date && strcmp(f->date, doc->date)))
		return "--as-of or --date differ from the final report's";
	if (doc->pw)
		return "encrypted PDFs differ from run to run";
	return "the same inputs, dates and kansa: the fonts or libraries "
	       "that render it must have changed";
}

/*
 * A closed year's documents, made in a folder of their own: when each
 * equals its final version byte for byte, they take their place (the
 * same bytes); else nothing in the output folder changes and the error
 * says which file differs and why.
 */
static enum kansa_err publish_reproduced(struct documents *doc,
					 const struct report *r,
					 struct diags *d)
{
	bool same = true;

	for (size_t i = 0; i < doc->n; i++) {
		struct manifest_file *w = &doc->files[i];
		const struct store_final *f = NULL;
		for (size_t k = 0; k < doc->finals->n; k++)
			if (!strcmp(fileio_basename(doc->finals->v[k].path),
				    w->name))
				f = &doc->finals->v[k];
		if (f && !strcmp(f->sha256, w->sha256))
			continue;
		same = false;
		if (f)
			diags_add(d, DIAG_ERROR, w->name, 0,
				  "FY %d is closed and this differs from its "
				  "final version (SHA-256 %.12s… recorded, "
				  "%.12s… now): %s; the final version was "
				  "left as it is",
				  r->year, f->sha256, w->sha256,
				  why_not(doc, r));
		else
			diags_add(d, DIAG_ERROR, w->name, 0,
				  "FY %d is closed and no final version of "
				  "this file was recorded (reopen the year and "
				  "close it again to make one)",
				  r->year);
	}
	for (size_t i = 0; i < doc->n; i++) {
		struct manifest_file *w = &doc->files[i];
		char dest[8192];
		snprintf(dest, sizeof(dest), "%s/%s", doc->outdir, w->name);
		if (same && rename(w->path, dest) == 0)
			memcpy(w->path, dest, sizeof(dest));
		else
			unlink(w->path);
	}
	if (same)
		diags_add(d, DIAG_NOTICE, NULL, 0,
			  "FY %d is closed: its final outputs were reproduced "
			  "byte for byte",
			  r->year);
	return same ? KANSA_OK : KANSA_ERR_DB;
}

enum kansa_err documents_write_year(const struct report *r,
				    struct documents *doc, struct diags *d)
{
	bool closed = doc->finals && doc->finals->n;
	enum kansa_err err;

	doc->n = 0;
	*doc->stage = '\0';
	if (!closed)
		return render_all(r, doc, doc->outdir, d);
	snprintf(doc->stage, sizeof(doc->stage), "%s/.reproduce-XXXXXX",
		 doc->outdir);
	if (!mkdtemp(doc->stage)) {
		diags_add(d, DIAG_ERROR, doc->outdir, 0,
			  "cannot make a folder: %s", strerror(errno));
		*doc->stage = '\0';
		return KANSA_ERR_IO;
	}
	err = render_all(r, doc, doc->stage, d);
	if (!err)
		err = publish_reproduced(doc, r, d);
	for (int k = REPORT_WORKPAPER; err && k <= REPORT_AUDIT; k++) {
		char path[8192]; /* what was made so far goes */
		snprintf(path, sizeof(path), "%s/%s", doc->stage,
			 r->settings.file[k]);
		unlink(path);
	}
	rmdir(doc->stage);
	return err;
}

enum kansa_err documents_report_year(struct store *st, const struct report *r,
				     struct documents *doc,
				     struct manifest_run *run, struct diags *d)
{
	enum kansa_err err;
	size_t n;

	doc->nfiles = 0;
	doc->placeholder = 0;
	doc->written = false;
	if ((err = manifest_begin_run(st, run, r, d)) ||
	    (err = documents_write_year(r, doc, d)))
		return err;
	doc->written = true;
	if (doc->only[REPORT_CISO] && strstr(r->settings.addressee, "○○")) {
		size_t before = d->n;
		diags_add(d, DIAG_WARNING, r->settings.from, 0,
			  "addressee '%s' still has ○○ to fill in: the CISO "
			  "letter is dated and addressed with it",
			  r->settings.addressee);
		if (d->n > before)
			doc->placeholder = d->n;
	}
	n = doc->n;
	for (size_t i = 0; i < doc->ninclude && n < DOCUMENTS_MAX - 1; i++) {
		struct manifest_file *f = &doc->files[n];
		if (manifest_file_set(f, doc->outdir, doc->include[i])) {
			diags_add(d, DIAG_ERROR, f->path, 0,
				  "--include: cannot read it: %s",
				  strerror(errno));
			return KANSA_ERR_INPUT;
		}
		n++;
	}
	if ((err = manifest_write(doc->outdir, doc->files, n, &doc->files[n],
				  d)) ||
	    (err = manifest_record_run(st, run, r, doc->files, n + 1, d)))
		return err;
	doc->nfiles = n + 1;
	return KANSA_OK;
}
