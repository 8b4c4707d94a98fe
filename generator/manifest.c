/* manifest.c: MANIFEST.sha256 and the record of a report run. */
#include "manifest.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fileio.h"
#include "store.h"
#include "text.h"

enum kansa_err manifest_file_set(struct manifest_file *f, const char *dir,
				 const char *name)
{
	snprintf(f->name, sizeof(f->name), "%s", name);
	if (snprintf(f->path, sizeof(f->path), "%s/%s", dir, name) >=
	    (int)sizeof(f->path)) {
		errno = ENAMETOOLONG;
		return KANSA_ERR_IO;
	}
	return fileio_sha256(f->path, f->sha256, &f->size);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct manifest_file *)a)->name,
		      ((const struct manifest_file *)b)->name);
}

/* Adds the entries of an earlier manifest (text old, changed in place)
 * whose files are still in outdir and not among the first n of *all. */
static void keep_earlier(char *old, const char *outdir,
			 struct manifest_file **all, size_t *nall, size_t *cap)
{
	for (char *line = strtok(old, "\n"); line; line = strtok(NULL, "\n")) {
		char path[8192];
		bool seen = false;
		if (strlen(line) < 67 || line[64] != ' ' || line[65] != ' ' ||
		    strchr(line + 66, '/'))
			continue;
		for (size_t i = 0; i < *nall; i++)
			seen |= !strcmp((*all)[i].name, line + 66);
		snprintf(path, sizeof(path), "%s/%s", outdir, line + 66);
		if (seen || access(path, F_OK) != 0 ||
		    strlen(line + 66) >= sizeof((*all)->name))
			continue;
		if (*nall == *cap) {
			struct manifest_file *g =
				realloc(*all, (*cap *= 2) * sizeof(**all));
			if (!g)
				break;
			*all = g;
		}
		memset(&(*all)[*nall], 0, sizeof(**all));
		memcpy((*all)[*nall].sha256, line, 64);
		snprintf((*all)[*nall].name, sizeof((*all)->name), "%s",
			 line + 66);
		(*nall)++;
	}
}

enum kansa_err manifest_write(const char *outdir, const struct manifest_file *w,
			      size_t n, struct manifest_file *manifest,
			      struct diags *d)
{
	struct manifest_file *all = calloc(n + 64, sizeof(*all));
	size_t nall = 0, cap = n + 64;
	struct sbuf b = {0};
	char *old = NULL;
	size_t len;
	enum kansa_err err;
	struct diags ignore;

	if (!all)
		return KANSA_ERR_NOMEM;
	for (size_t i = 0; i < n; i++)
		all[nall++] = w[i];
	snprintf(manifest->path, sizeof(manifest->path), "%s/MANIFEST.sha256",
		 outdir);
	diags_init(&ignore);
	if (access(manifest->path, F_OK) == 0 &&
	    fileio_read(manifest->path, 1 << 20, &old, &len, &ignore) ==
		    KANSA_OK)
		keep_earlier(old, outdir, &all, &nall, &cap);
	diags_release(&ignore);
	free(old);
	qsort(all, nall, sizeof(*all), by_name);
	for (size_t i = 0; i < nall; i++)
		sbuf_printf(&b, "%s  %s\n", all[i].sha256, all[i].name);
	free(all);
	if (b.oom) {
		sbuf_release(&b);
		return KANSA_ERR_NOMEM;
	}
	err = fileio_write_atomic(manifest->path, b.s ? b.s : "", b.len, d);
	sbuf_release(&b);
	if (!err) {
		snprintf(manifest->name, sizeof(manifest->name),
			 "MANIFEST.sha256");
		err = fileio_sha256(manifest->path, manifest->sha256,
				    &manifest->size);
	}
	return err;
}

/* The store's record of run for model r. */
static void to_store(struct store_run *s, const struct manifest_run *run,
		     const struct report *r)
{
	memset(s, 0, sizeof(*s));
	s->year = r->year;
	s->started_at = run->started;
	s->kansa_version = run->version;
	s->as_of = run->as_of;
	s->date = run->date;
	s->input_digest = r->input_digest;
}

enum kansa_err manifest_begin_run(struct store *st, struct manifest_run *run,
				  const struct report *r, struct diags *d)
{
	struct store_run s;
	enum kansa_err err;

	to_store(&s, run, r);
	err = store_begin_run(st, &s, d);
	run->id = s.id;
	return err;
}

enum kansa_err manifest_record_run(struct store *st,
				   const struct manifest_run *run,
				   const struct report *r,
				   const struct manifest_file *w, size_t n,
				   struct diags *d)
{
	struct store_run s;
	struct store_run_file *in = calloc(r->ninputs + 1, sizeof(*in));
	struct store_run_file *out = calloc(n + 1, sizeof(*out));
	char **staged = calloc(n + 1, sizeof(*staged));
	enum kansa_err err = KANSA_ERR_NOMEM;

	if (in && out && staged) {
		for (size_t i = 0; i < r->ninputs; i++) {
			in[i].path = r->inputs[i].path;
			in[i].sha256 = r->inputs[i].sha256;
			in[i].size = r->inputs[i].size;
		}
		for (size_t i = 0; i < n; i++) {
			out[i].path = w[i].path;
			/* kansa run publishes the folder under its name */
			if (run->staged_for &&
			    (staged[i] = malloc(strlen(run->staged_for) +
						strlen(w[i].name) + 2))) {
				sprintf(staged[i], "%s/%s", run->staged_for,
					w[i].name);
				out[i].path = staged[i];
			}
			out[i].sha256 = w[i].sha256;
			out[i].size = w[i].size;
		}
		to_store(&s, run, r);
		s.inputs = in;
		s.ninputs = r->ninputs;
		s.outputs = out;
		s.noutputs = n;
		s.year_report = run->year_report;
		s.id = run->id;
		err = store_record_run(st, &s, d);
	}
	for (size_t i = 0; staged && i < n; i++)
		free(staged[i]);
	free(staged);
	free(in);
	free(out);
	return err;
}
