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
#include "documents.h"
#include "fileio.h"
#include "manifest.h"
#include "render_pdf.h"
#include "render_xlsx.h"
#include "report.h"
#include "text.h"
#include "workspace.h"

/* Most --include files. */
#define MAX_INCLUDES DOCUMENTS_MAX_INCLUDES

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
				       are published to */
	struct store_finals finals; /* a closed year's final outputs */
};

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
	    "record too (may repeat)")},
	{"pdf-password-file", 'P', false, "FILE",
	 N_("encrypt both PDFs: line 1 the password to\nopen them, line 2 "
	    "(optional) the owner's;\nprinting allowed, copying not")},
	{"since", 's', false, "DATE",
	 N_("report plans: the last report's date\n(default: the last plans "
	    "report's --as-of,\nelse three months before --as-of)")},
	{"staged-for", 'S', false, "DIR",
	 N_("the output folder is staged to be published\nas DIR: the run is "
	    "recorded under DIR")},
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
	    struct manifest_file *w, size_t *nw, struct diags *d)
{
	const char *pdf = r->settings.file[REPORT_PLANS];
	const char *dot = strrchr(pdf, '.');
	size_t stem = dot ? (size_t)(dot - pdf) : strlen(pdf);
	enum kansa_err err;

	for (int k = 0; k < 2; k++) {
		struct manifest_file *f = &w[*nw];
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

/* A year's report as of a date before the year began, or dated before
 * its 基準日, is refused: the first report after kansa close took today
 * for both in silence and froze it as the final version. */
static enum kansa_err check_dates(const struct report_cmd *o, struct diags *d)
{
	char era[64];

	text_wareki_fiscal_year(o->r.year, era, sizeof(era));
	if (text_fiscal_year_of(o->as_of) < o->r.year) {
		diags_add(d, DIAG_ERROR, NULL, 0,
			  "--as-of %s%s is before %s (%d) began (%d-04-01): "
			  "give the 基準日 of the year's report, e.g. "
			  "--as-of %d-01-31",
			  o->as_of, o->dated ? "" : " (today, the default)",
			  era, o->r.year, o->r.year, o->r.year + 1);
		return KANSA_ERR_USAGE;
	}
	if (strcmp(o->date, o->as_of) < 0) {
		diags_add(d, DIAG_ERROR, NULL, 0,
			  "--date %s is before --as-of %s: a report cannot be "
			  "dated before its 基準日",
			  o->date, o->as_of);
		return KANSA_ERR_USAGE;
	}
	return KANSA_OK;
}

/* The first report of a closed year is its final version: without
 * --as-of and --date it took today for both in silence.  Refused, with
 * the dates of the year's last recorded run. */
static enum kansa_err
check_final_dates(struct store *st, const struct report_cmd *o, struct diags *d)
{
	struct store_run_row *runs = NULL;
	size_t n = 0;
	const char *as_of = NULL, *date = NULL;

	if (o->plans || o->finals.n || o->dated ||
	    store_year_closed(st, o->r.year, NULL) != 1)
		return KANSA_OK;
	if (store_list_runs(st, o->r.year, &runs, &n, d) == KANSA_OK)
		for (size_t i = 0; i < n; i++)
			if (runs[i].as_of && runs[i].date)
				as_of = runs[i].as_of, date = runs[i].date;
	diags_add(d, DIAG_ERROR, NULL, 0,
		  "FY %d is closed and this report makes its final version: "
		  "give its 基準日 and 報告日%s%s%s%s%s",
		  o->r.year, as_of ? " (the last run used --as-of " : "",
		  as_of ? as_of : "", as_of ? " --date " : "", date ? date : "",
		  as_of ? ")" : " with --as-of and --date");
	store_runs_release(runs, n);
	return KANSA_ERR_USAGE;
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
		err = check_final_dates(st, o, d);
	if (!err && !o->plans)
		err = check_dates(o, d);
	if (!err)
		err = o->plans
			      ? report_gather_plans(st, &o->r,
						    *o->since ? o->since : NULL,
						    r, pp, d)
			      : report_gather(st, &o->r, r, d);
	store_read_end(st);
	return err;
}

/* gather() while SQLite's quick check runs on the second core; the
 * check's verdict is waited for before anything is written.  When the
 * database is damaged, what the reading said of it is dropped: the
 * damage is the one thing to say. */
static enum kansa_err checked_gather(struct store *st, struct report_cmd *o,
				     struct report *r,
				     struct plans_progress *pp, struct diags *d)
{
	struct store_quick *q = NULL;
	struct diags mine;
	enum kansa_err err, check;

	if ((err = store_quick_check_start(st, &q, d)))
		return err;
	diags_init(&mine);
	err = gather(st, o, r, pp, &mine);
	if ((check = store_quick_check_finish(q, d)))
		err = check;
	else
		diags_move(d, &mine);
	diags_release(&mine);
	return err;
}

/* The year's documents, the manifest and the run's record; prints the
 * files written. */
static enum kansa_err report_year(struct store *st, struct report_cmd *o,
				  const struct report *r,
				  const struct pdf_passwords *pw,
				  struct manifest_run *run, struct diags *d)
{
	struct documents doc = {.outdir = o->outdir,
				.pw = pw,
				.finals = &o->finals,
				.as_of = o->as_of,
				.date = o->date,
				.version = KANSA_VERSION,
				.include = o->include,
				.ninclude = o->ninclude};
	enum kansa_err err;

	memcpy(doc.only, o->only, sizeof(doc.only));
	err = documents_report_year(st, r, &doc, run, d);
	for (size_t i = 0; doc.written && i < doc.n; i++)
		printf("%s\n", doc.files[i].path);
	if (doc.nfiles)
		printf("%s\n", doc.files[doc.nfiles - 1].path);
	return err;
}

/* kansa report plans: both files, the manifest and the run's record. */
static enum kansa_err report_plans(struct store *st, struct report_cmd *o,
				   const struct report *r,
				   const struct plans_progress *pp,
				   const struct pdf_passwords *pw,
				   struct manifest_run *run, struct diags *d)
{
	struct manifest_file w[3];
	size_t nw = 0;
	enum kansa_err err;

	memset(w, 0, sizeof(w));
	if ((err = manifest_begin_run(st, run, r, d)) ||
	    (err = write_plans(r, pp, o, pw, w, &nw, d)) ||
	    (err = manifest_write(o->outdir, w, nw, &w[nw], d)) ||
	    (err = manifest_record_run(st, run, r, w, nw + 1, d)))
		return err;
	printf("%s\n", w[nw].path);
	return KANSA_OK;
}

int cmd_report(int argc, char **argv, struct cli *cli)
{
	struct report_cmd o;
	struct report r;
	struct store *st = NULL;
	struct pdf_passwords pw;
	struct plans_progress pp = {0};
	struct manifest_run run = {0};
	int lock = -1;
	enum kansa_err err;
	char started[32];
	time_t now = time(NULL);
	int rc;

	if ((rc = parse(argc, argv, &o, cli)) != 0)
		return rc;
	strftime(started, sizeof(started), "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	memset(&r, 0, sizeof(r));
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
	    (err = checked_gather(st, &o, &r, &pp, &cli->diags)))
		goto out;
	run = (struct manifest_run){.started = started,
				    .version = KANSA_VERSION,
				    .as_of = o.as_of,
				    .date = o.date,
				    .staged_for = o.staged_for,
				    .year_report = !o.plans};
	if (o.plans)
		err = report_plans(st, &o, &r, &pp,
				   o.password_file ? &pw : NULL, &run,
				   &cli->diags);
	else
		err = report_year(st, &o, &r, o.password_file ? &pw : NULL,
				  &run, &cli->diags);
	if (!err)
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
