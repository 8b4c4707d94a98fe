/* cmd_report.c: `kansa report`: the workpaper and the PDF reports. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "fileio.h"
#include "render_pdf.h"
#include "render_xlsx.h"
#include "report.h"
#include "text.h"
#include "workspace.h"

/* Most --include files. */
#define MAX_INCLUDES 16

struct report_cmd {
	struct report_options r; /* year, as-of, date, templates, output */
	char as_of[11];		 /* storage */
	char date[11];
	char outdir[4096];		   /* -o, default output/FY */
	bool only[3];			   /* --only: which reports */
	const char *password_file;	   /* --pdf-password-file */
	const char *include[MAX_INCLUDES]; /* --include: more files */
	size_t ninclude;
	bool plans;		    /* kansa report plans */
	char since[11];		    /* --since (plans) */
	bool dated;		    /* --as-of or --date given */
	const char *staged_for;	    /* --staged-for: the folder the files
				       are published to (kansa run) */
	long long run_id;	    /* recorded before anything is written */
	struct store_finals finals; /* a closed year's final outputs */
	char stage[4128]; /* where a closed year's report is made first */
};

/* The files this run wrote: name (in the output folder) and SHA-256. */
struct written {
	char name[256];
	char sha256[65];
	long long size;
	char path[8192];
};

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct written *)a)->name,
		      ((const struct written *)b)->name);
}

/*
 * Writes MANIFEST.sha256 in outdir, which `sha256sum -c` checks there:
 * the files written now, and those an earlier run listed that are still
 * there (their recorded SHA-256 kept, so a later change shows).
 */
static enum kansa_err write_manifest(const char *outdir,
				     const struct written *w, size_t n,
				     struct written *manifest, struct diags *d)
{
	struct written *all = calloc(n + 64, sizeof(*all));
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
		    KANSA_OK) {
		for (char *line = strtok(old, "\n"); line;
		     line = strtok(NULL, "\n")) {
			char path[8192];
			bool seen = false;
			if (strlen(line) < 67 || line[64] != ' ' ||
			    line[65] != ' ' || strchr(line + 66, '/'))
				continue;
			for (size_t i = 0; i < nall; i++)
				seen |= !strcmp(all[i].name, line + 66);
			snprintf(path, sizeof(path), "%s/%s", outdir,
				 line + 66);
			if (seen || access(path, F_OK) != 0 ||
			    strlen(line + 66) >= sizeof(all->name))
				continue;
			if (nall == cap) {
				struct written *g =
					realloc(all, (cap *= 2) * sizeof(*all));
				if (!g)
					break;
				all = g;
			}
			memset(&all[nall], 0, sizeof(*all));
			memcpy(all[nall].sha256, line, 64);
			snprintf(all[nall].name, sizeof(all->name), "%s",
				 line + 66);
			nall++;
		}
	}
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

/* Records the run (inputs from the model, outputs as written). */
static enum kansa_err record_run(struct store *st, const struct report *r,
				 const struct report_cmd *o,
				 const char *started, const struct written *w,
				 size_t n, struct diags *d)
{
	struct store_run run = {0};
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
			if (o->staged_for &&
			    (staged[i] = malloc(strlen(o->staged_for) +
						strlen(w[i].name) + 2))) {
				sprintf(staged[i], "%s/%s", o->staged_for,
					w[i].name);
				out[i].path = staged[i];
			}
			out[i].sha256 = w[i].sha256;
			out[i].size = w[i].size;
		}
		run.year = r->year;
		run.started_at = started;
		run.kansa_version = KANSA_VERSION;
		run.as_of = o->as_of;
		run.date = o->date;
		run.input_digest = r->input_digest;
		run.inputs = in;
		run.ninputs = r->ninputs;
		run.outputs = out;
		run.noutputs = n;
		run.year_report = !o->plans;
		run.id = o->run_id;
		err = store_record_run(st, &run, d);
	}
	for (size_t i = 0; staged && i < n; i++)
		free(staged[i]);
	free(staged);
	free(in);
	free(out);
	return err;
}

/* The output folder of year: the workspace's (kansa.ini [workspace]
 * output, absolute), else output/FY.  False when out of memory. */
static bool default_outdir(char *out, size_t size, int year)
{
	const struct workspace *ws = workspace_current();
	char *rel, *abs;

	if (!ws) {
		snprintf(out, size, "output/%d", year);
		return true;
	}
	rel = workspace_expand(ws->output, year);
	abs = rel ? workspace_current_path(rel) : NULL;
	if (abs)
		snprintf(out, size, "%s", abs);
	free(rel);
	free(abs);
	return abs != NULL;
}

const struct cli_option cmd_report_options[] = {
	CLI_OPT_YEAR(N_("the fiscal year")),
	CLI_OPT_AS_OF(
		N_("evidence expiry and overdue plans (default:\ntoday)")),
	CLI_OPT_DATE(N_("the report date (default: the as-of date)")),
	CLI_OPT_OUTPUT("DIR", N_("output folder (default: the "
				 "workspace's,\nelse output/FY)")),
	{"only", 'O', false, "KIND", N_("xlsx, ciso or audit (may repeat)")},
	CLI_OPT_TEMPLATES(N_("where report.ini and scoring.ini are")),
	{"organisation", 'g', false, "NAME", N_("instead of report.ini's")},
	{"include", 'i', false, "NAME",
	 N_("list this file of the output folder in the\nmanifest and the "
	    "run's "
	    "record too (kansa run\nuses it for its text results; may "
	    "repeat)")},
	{"pdf-password-file", 'P', false, "FILE",
	 N_("encrypt both PDFs: line 1 the password to\nopen them, line 2 "
	    "(optional) the owner's;\nprinting allowed, copying not")},
	{"since", 's', false, "DATE",
	 N_("report plans: the last report's date\n(default: three months "
	    "before --as-of)")},
	{"staged-for", 'S', false, "DIR",
	 N_("the output folder is staged for DIR\n(kansa run): recorded under "
	    "DIR")},
	CLI_OPT_DB,
	CLI_OPT_END,
};

/* Sets option c of report from optarg: 0, or the exit code of a usage
 * error it printed.  *any_only: an --only was given. */
static int set_option(struct report_cmd *o, int c, const struct command *cmd,
		      bool *any_only)
{
	static const char *const kinds[] = {"xlsx", "ciso", "audit"};
	size_t k;

	switch (c) {
	case 'y':
		return cli_opt_year(cmd, optarg, &o->r.year);
	case 'a':
		o->dated = true;
		return cli_opt_date(cmd, "as-of", optarg, o->as_of);
	case 't':
		o->dated = true;
		return cli_opt_date(cmd, "date", optarg, o->date);
	case 'S':
		o->staged_for = optarg;
		return 0;
	case 'o':
		snprintf(o->outdir, sizeof(o->outdir), "%s", optarg);
		return 0;
	case 'O':
		for (k = 0; k < 3 && strcmp(optarg, kinds[k]); k++)
			;
		if (k == 3)
			return cli_usage_error(cmd,
					       "--only '%s': expected xlsx, "
					       "ciso or audit",
					       optarg);
		o->only[k] = *any_only = true;
		return 0;
	case 'T':
		o->r.templates = optarg;
		return 0;
	case 's':
		if (!o->plans)
			return cli_usage_error(
				cmd, "--since is for kansa report plans");
		return cli_opt_date(cmd, "since", optarg, o->since);
	case 'P':
		o->password_file = optarg;
		return 0;
	case 'g':
		o->r.organisation = optarg;
		return 0;
	case 'i':
		if (strchr(optarg, '/') || !*optarg ||
		    o->ninclude == MAX_INCLUDES)
			return cli_usage_error(
				cmd,
				"--include '%s': expected the name of a file "
				"in the output folder (at most %d)",
				optarg, MAX_INCLUDES);
		o->include[o->ninclude++] = optarg;
		return 0;
	default:
		return cli_usage_error(cmd, "unknown option");
	}
}

static int parse(int argc, char **argv, struct report_cmd *o, struct cli *cli)
{
	struct cli_parser p;
	const struct command *cmd = cli_find("report");
	bool any_only = false;
	int c, rc = 0;

	memset(o, 0, sizeof(*o));
	o->r.year = -1;
	cli_today(o->as_of);
	if (argc > 1 && strcmp(argv[1], "plans") == 0) {
		o->plans = true;
		argc--;
		argv++;
	}
	cli_parse_start(&p, cmd, cli);
	while (!rc && (c = cli_parse_next(&p, argc, argv)) != -1)
		rc = set_option(o, c, cmd, &any_only);
	if (rc)
		return rc;
	if (o->plans) {
		if (optind != argc || any_only || o->ninclude || o->r.year >= 0)
			return cli_usage_error(
				cmd, "kansa report plans takes "
				     "--as-of, --since, --date, -o and "
				     "the PDF and template options");
		o->r.year = text_fiscal_year_of(o->as_of);
	} else if (o->r.year < 0 || optind != argc) {
		return cli_usage_error(cmd, "expected --year FY");
	}
	if (!any_only)
		o->only[0] = o->only[1] = o->only[2] = true;
	if (!*o->date)
		memcpy(o->date, o->as_of, sizeof(o->date));
	if (!*o->outdir &&
	    !default_outdir(o->outdir, sizeof(o->outdir), o->r.year))
		return KANSA_EXIT_SYSTEM;
	/* kansa.ini's organisation, as kansa run passes it */
	if (!o->r.organisation && workspace_current() &&
	    *workspace_current()->organisation)
		o->r.organisation = workspace_current()->organisation;
	o->r.as_of = o->as_of;
	o->r.date = o->date;
	o->r.output_dir = o->outdir;
	return 0;
}

/* kansa report plans: the PDF and the workbook, named after the PDF. */
static enum kansa_err
write_plans(const struct report *r, const struct plans_progress *pp,
	    const struct report_cmd *o, const struct pdf_passwords *pw,
	    struct written *w, size_t *nw, struct diags *d)
{
	const char *pdf = r->settings.file[REPORT_PLANS];
	const char *dot = strrchr(pdf, '.');
	size_t stem = dot ? (size_t)(dot - pdf) : strlen(pdf);
	enum kansa_err err;

	for (int k = 0; k < 2; k++) {
		struct written *f = &w[*nw];
		if (k == 0)
			snprintf(f->name, sizeof(f->name), "%.*s.xlsx",
				 (int)stem, pdf);
		else
			snprintf(f->name, sizeof(f->name), "%s", pdf);
		if (snprintf(f->path, sizeof(f->path), "%s/%s", o->outdir,
			     f->name) >= (int)sizeof(f->path))
			return KANSA_ERR_IO;
		err = k == 0 ? render_xlsx_plans(r, pp, f->path, d)
			     : render_pdf_plans(r, pp, f->path, pw, d);
		if (err || (err = fileio_sha256(f->path, f->sha256, &f->size)))
			return err;
		printf("%s\n", f->path);
		(*nw)++;
	}
	return KANSA_OK;
}

/* Reads everything the report shows inside one read transaction, so
 * that it and its input digest are one committed state.  For a closed
 * year the dates default to those of its final report. */
static enum kansa_err gather(struct store *st, struct report_cmd *o,
			     struct report *r, struct plans_progress *pp,
			     struct diags *d)
{
	enum kansa_err err;

	if ((err = store_read_begin(st, d)))
		return err;
	if (!o->plans &&
	    (err = store_load_finals(st, o->r.year, &o->finals, d)) ==
		    KANSA_OK &&
	    o->finals.n && !o->dated && o->finals.as_of && o->finals.date) {
		snprintf(o->as_of, sizeof(o->as_of), "%s", o->finals.as_of);
		snprintf(o->date, sizeof(o->date), "%s", o->finals.date);
	}
	if (!err)
		err = o->plans
			      ? report_gather_plans(st, &o->r,
						    *o->since ? o->since : NULL,
						    r, pp, d)
			      : report_gather(st, &o->r, r, d);
	store_read_end(st);
	return err;
}

/* Records that the run starts, before anything is written. */
static enum kansa_err begin_run(struct store *st, struct report_cmd *o,
				const struct report *r, const char *started,
				struct diags *d)
{
	struct store_run run = {0};
	enum kansa_err err;

	run.year = r->year;
	run.started_at = started;
	run.kansa_version = KANSA_VERSION;
	run.as_of = o->as_of;
	run.date = o->date;
	run.input_digest = r->input_digest;
	err = store_begin_run(st, &run, d);
	o->run_id = run.id;
	return err;
}

/* Why a closed year's report differs from its final version. */
static const char *why_not(const struct report_cmd *o, const struct report *r)
{
	const struct store_finals *f = &o->finals;
	if (f->input_digest && strcmp(f->input_digest, r->input_digest))
		return "the inputs differ from those the final report was "
		       "made from (kansa runs shows both input digests)";
	if (f->kansa_version && strcmp(f->kansa_version, KANSA_VERSION))
		return "it was made by another version of kansa";
	if ((f->as_of && strcmp(f->as_of, o->as_of)) ||
	    (f->date && strcmp(f->date, o->date)))
		return "--as-of or --date differ from the final report's";
	if (o->password_file)
		return "encrypted PDFs differ from run to run";
	return "the same inputs, dates and kansa: the fonts or libraries "
	       "that render it must have changed";
}

/*
 * A closed year's report is made in a folder of its own first: when each
 * file equals its final version byte for byte, they take their place
 * (the same bytes); else nothing in the output folder changes and the
 * error says which file differs and why.
 */
static enum kansa_err publish_reproduced(struct report_cmd *o,
					 const struct report *r,
					 struct written *w, size_t nw,
					 struct diags *d)
{
	bool same = true;

	for (size_t i = 0; i < nw; i++) {
		const struct store_final *f = NULL;
		for (size_t k = 0; k < o->finals.n; k++)
			if (!strcmp(fileio_basename(o->finals.v[k].path),
				    w[i].name))
				f = &o->finals.v[k];
		if (f && !strcmp(f->sha256, w[i].sha256))
			continue;
		same = false;
		if (f)
			diags_add(d, DIAG_ERROR, w[i].name, 0,
				  "FY %d is closed and this differs from its "
				  "final version (SHA-256 %.12s… recorded, "
				  "%.12s… now): %s; the final version was "
				  "left as it is",
				  r->year, f->sha256, w[i].sha256,
				  why_not(o, r));
		else
			diags_add(d, DIAG_ERROR, w[i].name, 0,
				  "FY %d is closed and no final version of "
				  "this file was recorded (reopen the year and "
				  "close it again to make one)",
				  r->year);
	}
	for (size_t i = 0; i < nw; i++) {
		char dest[8192];
		snprintf(dest, sizeof(dest), "%s/%s", o->outdir, w[i].name);
		if (same && rename(w[i].path, dest) == 0)
			memcpy(w[i].path, dest, sizeof(dest));
		else
			unlink(w[i].path);
	}
	rmdir(o->stage);
	if (same)
		diags_add(d, DIAG_NOTICE, NULL, 0,
			  "FY %d is closed: its final outputs were reproduced "
			  "byte for byte",
			  r->year);
	return same ? KANSA_OK : KANSA_ERR_DB;
}

/* The year's workpaper and PDFs, into the output folder, or for a
 * closed year into a folder of their own inside it first. */
static enum kansa_err write_year(struct report_cmd *o, const struct report *r,
				 const struct pdf_passwords *pw,
				 struct written *w, size_t *nw, struct diags *d)
{
	const char *dir = o->outdir;
	enum kansa_err err = KANSA_OK;

	if (o->finals.n) {
		snprintf(o->stage, sizeof(o->stage), "%s/.reproduce-XXXXXX",
			 o->outdir);
		if (!mkdtemp(o->stage)) {
			diags_add(d, DIAG_ERROR, o->outdir, 0,
				  "cannot make a folder: %s", strerror(errno));
			return KANSA_ERR_IO;
		}
		dir = o->stage;
	}
	for (int k = REPORT_WORKPAPER; k <= REPORT_AUDIT && !err; k++) {
		struct written *f = &w[*nw];
		if (!o->only[k])
			continue;
		snprintf(f->name, sizeof(f->name), "%s", r->settings.file[k]);
		snprintf(f->path, sizeof(f->path), "%s/%s", dir,
			 r->settings.file[k]);
		if (k == REPORT_WORKPAPER)
			err = render_xlsx(r, f->path, d);
		else
			err = render_pdf(r, (enum report_kind)k, f->path, pw,
					 d);
		if (!err &&
		    !(err = fileio_sha256(f->path, f->sha256, &f->size)))
			(*nw)++;
	}
	if (o->finals.n)
		err = err ? err : publish_reproduced(o, r, w, *nw, d);
	for (size_t i = 0; !err && i < *nw; i++)
		printf("%s\n", w[i].path);
	if (err && *o->stage) { /* what was made so far goes */
		for (size_t i = 0; i < *nw + 1; i++)
			if (!strncmp(w[i].path, o->stage, strlen(o->stage)))
				unlink(w[i].path);
		rmdir(o->stage);
	}
	return err;
}

int cmd_report(int argc, char **argv, struct cli *cli)
{
	struct report_cmd o;
	struct report r;
	struct store *st = NULL;
	struct pdf_passwords pw;
	struct written w[4 + MAX_INCLUDES];
	struct plans_progress pp = {0};
	int lock = -1;
	size_t nw = 0;
	enum kansa_err err;
	char started[32];
	time_t now = time(NULL);
	int rc;

	if ((rc = parse(argc, argv, &o, cli)) != 0)
		return rc;
	strftime(started, sizeof(started), "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	memset(&r, 0, sizeof(r));
	memset(w, 0, sizeof(w));
	if (o.password_file &&
	    (err = pdf_passwords_read(o.password_file, &pw, &cli->diags)))
		return cli_finish(cli, err);
	if (!fileio_make_dirs(o.outdir)) {
		diags_add(&cli->diags, DIAG_ERROR, o.outdir, 0,
			  "cannot make the output folder: %s", strerror(errno));
		return cli_finish(cli, KANSA_ERR_IO);
	}
	if ((err = fileio_lock_dir(o.outdir, &lock, &cli->diags)))
		return cli_finish(cli, err);
	if ((err = cli_open_store(cli, false, &st)) ||
	    (err = store_quick_check(st, &cli->diags)) ||
	    (err = gather(st, &o, &r, &pp, &cli->diags)) ||
	    (err = begin_run(st, &o, &r, started, &cli->diags)))
		goto out;
	if (o.plans)
		err = write_plans(&r, &pp, &o, o.password_file ? &pw : NULL, w,
				  &nw, &cli->diags);
	else
		err = write_year(&o, &r, o.password_file ? &pw : NULL, w, &nw,
				 &cli->diags);
	if (err)
		goto out;
	if (!o.plans && o.only[REPORT_CISO] &&
	    strstr(r.settings.addressee, "○○"))
		diags_add(&cli->diags, DIAG_WARNING, r.settings.from, 0,
			  "addressee '%s' still has ○○ to fill in: the CISO "
			  "letter is dated and addressed with it",
			  r.settings.addressee);
	for (size_t i = 0; i < o.ninclude; i++) {
		struct written *f = &w[nw];
		snprintf(f->name, sizeof(f->name), "%s", o.include[i]);
		snprintf(f->path, sizeof(f->path), "%s/%s", o.outdir,
			 o.include[i]);
		if (fileio_sha256(f->path, f->sha256, &f->size)) {
			diags_add(&cli->diags, DIAG_ERROR, f->path, 0,
				  "--include: cannot read it: %s",
				  strerror(errno));
			err = KANSA_ERR_INPUT;
			goto out;
		}
		nw++;
	}
	if ((err = write_manifest(o.outdir, w, nw, &w[nw], &cli->diags)) ||
	    (err = record_run(st, &r, &o, started, w, nw + 1, &cli->diags)))
		goto out;
	printf("%s\n", w[nw].path);
	cli_print_diags(cli);
out:
	if (o.password_file)
		explicit_bzero(&pw, sizeof(pw));
	plans_progress_release(&pp);
	report_release(&r);
	store_finals_release(&o.finals);
	store_close(st);
	fileio_unlock_dir(lock);
	return cli_finish(cli, err);
}
