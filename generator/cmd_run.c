/* cmd_run.c: `kansa init` and `kansa run`: the yearly run of a workspace.
 *
 * `kansa run` runs derive, import, verify and status as kansa itself in a
 * child process (as git runs its own commands), so that each is exactly
 * the command a user could run by hand, its output goes to the run's log,
 * and its time, CPU time and peak memory are measured apart (wait4); each
 * reports its counts as NAME=VALUE lines on a pipe of their own
 * (run_result.h), never read from its text.  score, findings, diff and
 * the report (workbook and PDFs, manifest, the run's record) are made
 * here, from one model of the year gathered once, that the summary uses
 * too.  The run stops at the first step that fails, with that step's
 * messages; each step is whole or nothing on its own (imports are one
 * transaction, files are renamed into place), and the whole set is
 * published by one rename (run_stage.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "cmd_run_internal.h"
#include "documents.h"
#include "fileio.h"
#include "render_text.h"
#include "report.h"
#include "run_result.h"
#include "run_stage.h"
#include "run_step.h"
#include "text.h"
#include "workspace.h"

/* --- options -------------------------------------------------------- */

/* --fail-on: a grade in Japanese (its name or first word) or English. */
static int parse_grade(const char *s)
{
	static const struct cli_value grades[] = {
		{GRADE_MAJOR, {"重大", "grave", "major", NULL}},
		{GRADE_MINOR, {"軽微", "minor", NULL}},
		{GRADE_RECOMMEND, {"推奨", "advisory", "recommendation", NULL}},
		{GRADE_OBSERVATION, {"観察", "observation", NULL}},
		{0, {NULL}},
	};
	int g = cli_parse_value(grades, s);
	if (g >= 0)
		return g;
	for (g = 0; g < GRADE_CONFORM; g++) {
		const char *name = finding_grade_name((enum finding_grade)g);
		if (*s && strncmp(name, s, strlen(s)) == 0)
			return g;
	}
	return -1;
}

const struct cli_option cmd_run_options[] = {
	CLI_OPT_YEAR(N_("the fiscal year")),
	CLI_OPT_AS_OF(
		N_("evidence expiry and overdue plans (default:\ntoday)")),
	CLI_OPT_DATE(N_("the report date (default: the as-of date)")),
	CLI_OPT_WORKSPACE,
	{"fail-on", 'f', false, "GRADE",
	 N_("exit 1 when there are findings of GRADE or\ngraver: grave, minor, "
	    "advisory or\nobservation (重大, 軽微, 推奨 or 観察)")},
	{"pdf-password-file", 'P', false, "FILE",
	 N_("encrypt both PDFs (see kansa report)")},
	{"timings", 'T', false, "FILE",
	 N_("write each step's wall and CPU seconds, peak\nmemory (KB) and "
	    "exit "
	    "code as TSV")},
	{"allow-missing-evidence", 'M', false, NULL,
	 N_("the import step records a missing evidence\nfile as missing "
	    "instead of refusing it")},
	{"db", 'd', false, "FILE", NULL}, /* refused, with the reason */
	CLI_OPT_END,
};

static int parse(int argc, char **argv, struct run_opts *o, struct cli *cli)
{
	struct cli_parser p;
	const struct command *cmd = cli_find("run");
	int c, rc;

	memset(o, 0, sizeof(*o));
	o->year = -1;
	o->fail_on = -1;
	/* main.c opened the workspace (--workspace, $KANSA_WORKSPACE or the
	 * one around the current folder) */
	o->workspace =
		workspace_current_ini() ? workspace_current_ini() : "kansa.ini";
	cli_today(o->as_of);
	cli_parse_start(&p, cmd, cli);
	while ((c = cli_parse_next(&p, argc, argv)) != -1) {
		switch (c) {
		case 'y':
			if ((rc = cli_opt_year(cmd, optarg, &o->year)) != 0)
				return rc;
			break;
		case 'a':
			o->dated = true;
			if ((rc = cli_opt_date(cmd, "as-of", optarg,
					       o->as_of)) != 0)
				return rc;
			break;
		case 't':
			o->dated = true;
			if ((rc = cli_opt_date(cmd, "date", optarg, o->date)) !=
			    0)
				return rc;
			break;
		case 'f':
			if ((o->fail_on = parse_grade(optarg)) < 0)
				return cli_usage_error(
					cmd,
					"--fail-on '%s': expected grave, "
					"minor, advisory or observation (重大, "
					"軽微, 推奨 or 観察)",
					optarg);
			break;
		case 'P':
			o->password_file = optarg;
			break;
		case 'T':
			o->timings = optarg;
			break;
		case 'M':
			o->allow_missing = true;
			break;
		case 'd':
			return cli_usage_error(
				cmd, "--db: the database is kansa.ini's "
				     "[workspace] database");
		default:
			return cli_usage_error(cmd, "unknown option");
		}
	}
	if (o->year < 0 || optind != argc)
		return cli_usage_error(cmd, "expected --year FY");
	if (!*o->date)
		memcpy(o->date, o->as_of, sizeof(o->date));
	return 0;
}

/* Makes a path given on the command line absolute, since the run works
 * from the workspace folder. */
static const char *absolute(const char *path, char *buf, size_t size)
{
	char cwd[PATH_MAX];
	if (!path || path[0] == '/' || !getcwd(cwd, sizeof(cwd)))
		return path;
	if (snprintf(buf, size, "%s/%s", cwd, path) >= (int)size)
		return path;
	return buf;
}

/* Reads kansa.ini and moves into the workspace folder. */
static int open_workspace(struct run *r)
{
	char dir[PATH_MAX], *final;
	const char *slash;
	enum kansa_err err = workspace_read(r->o.workspace, &r->ws, r->d);

	if (err)
		return kansa_exit_code(err);
	slash = strrchr(r->o.workspace, '/');
	if (slash) {
		snprintf(dir, sizeof(dir), "%.*s",
			 (int)(slash - r->o.workspace), r->o.workspace);
		if (chdir(*dir ? dir : "/") != 0) {
			diags_add(r->d, DIAG_ERROR, dir, 0,
				  "cannot enter the workspace: %s",
				  strerror(errno));
			return 4;
		}
	}
	if (!(final = workspace_expand(r->ws.output, r->o.year)))
		return 4;
	if (!fileio_make_dirs(final)) {
		diags_add(r->d, DIAG_ERROR, final, 0,
			  "cannot make the output folder: %s", strerror(errno));
		free(final);
		return 4;
	}
	/* the folder is this run's until it ends: every step writes into
	 * a folder beside it, published as one set at the end (issue 11) */
	err = run_stage_open(&r->stage, final, r->d);
	free(final);
	if (err || !(r->outdir = strdup(r->stage.stage)))
		return 4;
	snprintf(r->logpath, sizeof(r->logpath), "%s/kansa-run.log", r->outdir);
	r->steps.log =
		open(r->logpath,
		     O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0666);
	if (r->steps.log < 0) {
		diags_add(r->d, DIAG_ERROR, r->logpath, 0, "cannot write: %s",
			  strerror(errno));
		return 4;
	}
	/* where the log is when the run ends, published or not */
	snprintf(r->logpath, sizeof(r->logpath), "%s/kansa-run.log",
		 r->stage.final);
	return 0;
}

/* Every step in order, then the set published: 0, or the exit code to
 * end the run with. */
static int run_steps(struct run *r, struct store *st)
{
	static const char *const results[] = {"score", "findings", "diff"};
	static const char *const texts[] = {"score.txt", "findings.txt",
					    "diff.txt"};
	const char *done[4];
	size_t ndone = 0;
	int rc;

	if ((rc = cmd_run_do_derive(r, st)) ||
	    (rc = cmd_run_do_import(r, st)) || (rc = cmd_run_do_verify(r)) ||
	    (rc = cmd_run_do_status(r)))
		return rc;
	done[ndone++] = "status.txt";
	for (size_t i = 0; i < 3; i++) {
		if ((rc = cmd_run_do_result(r, st, results[i])))
			return rc;
		if (i < 2 || r->model.prev_year)
			done[ndone++] = texts[i];
	}
	if ((rc = cmd_run_do_report(r, st, done, ndone)))
		return rc;
	return run_stage_publish(&r->stage, r->d) ? 4 : 0;
}

/* The line of the whole run, on stdout and in --timings. */
static void total_line(struct run *r, double t0)
{
	struct run_step s = {.name = "total"};
	s.wall = run_step_now() - t0;
	run_step_line(&s, "(steps: %.2f s CPU, largest %.0f MB)", r->steps.cpu,
		      (double)r->steps.rss_kb / 1024);
	if (r->steps.timings)
		fprintf(r->steps.timings, "total\t%.3f\t%.3f\t%ld\t0\n", s.wall,
			r->steps.cpu, r->steps.rss_kb);
}

/* Everything the run holds: its lock, staging folder (unless published),
 * log, model. */
static void run_release(struct run *r)
{
	run_stage_abandon(&r->stage, "kansa-run.log");
	run_stage_close(&r->stage);
	if (r->steps.log >= 0)
		close(r->steps.log);
	if (r->steps.timings)
		fclose(r->steps.timings);
	for (size_t i = 0; i < r->nwritten; i++)
		free(r->written[i]);
	free(r->outdir);
	workspace_release(&r->ws);
	if (r->have_model)
		report_release(&r->model);
	store_finals_release(&r->finals);
}

/* Where the run writes its --timings, and kansa itself for its steps;
 * 0 or an exit code. */
static int run_start(struct run *r, struct cli *cli, char *tmbuf, size_t n)
{
	r->o.timings = absolute(r->o.timings, tmbuf, n);
	if (r->o.timings &&
	    !(r->steps.timings = fileio_fopen_write(r->o.timings))) {
		diags_add(r->d, DIAG_ERROR, r->o.timings, 0, "cannot write: %s",
			  strerror(errno));
		return cli_finish(cli, KANSA_ERR_IO);
	}
	if (readlink("/proc/self/exe", r->exe, sizeof(r->exe) - 1) <= 0) {
		diags_add(r->d, DIAG_ERROR, "/proc/self/exe", 0,
			  "cannot find kansa itself to run its steps: %s",
			  strerror(errno));
		return cli_finish(cli, KANSA_ERR_IO);
	}
	r->steps.tty = isatty(STDOUT_FILENO);
	return 0;
}

/* A closed year's run without --as-of and --date passed today to its
 * report, which froze it as the final version or contradicted it: the
 * run takes the final report's dates, and before there is one (this run
 * makes it) needs them given.  0, or the exit code. */
static int closed_year_dates(struct run *r, struct store *st)
{
	struct store_finals f = {0};
	enum kansa_err err;
	int rc = 0;

	if (r->o.dated || store_year_closed(st, r->o.year, NULL) != 1)
		return 0;
	if ((err = store_load_finals(st, r->o.year, &f, r->d)))
		return kansa_exit_code(err);
	if (f.n && f.as_of && f.date) {
		snprintf(r->o.as_of, sizeof(r->o.as_of), "%s", f.as_of);
		snprintf(r->o.date, sizeof(r->o.date), "%s", f.date);
	} else {
		diags_add(r->d, DIAG_ERROR, NULL, 0,
			  "FY %d is closed and this run makes its final "
			  "reports: give their 基準日 and 報告日 with --as-of "
			  "and --date",
			  r->o.year);
		rc = kansa_exit_code(KANSA_ERR_USAGE);
	}
	store_finals_release(&f);
	return rc;
}

int cmd_run(int argc, char **argv, struct cli *cli)
{
	char pwbuf[PATH_MAX], tmbuf[PATH_MAX];
	struct run r;
	struct store *st = NULL;
	enum kansa_err err;
	double t0 = run_step_now();
	int rc;

	memset(&r, 0, sizeof(r));
	r.steps.log = -1;
	r.stage.lock = -1;
	r.d = r.steps.d = &cli->diags;
	r.steps.exe = r.exe;
	if ((rc = parse(argc, argv, &r.o, cli)) != 0)
		return rc;
	snprintf(r.year, sizeof(r.year), "%d", r.o.year);
	r.o.password_file = absolute(r.o.password_file, pwbuf, sizeof(pwbuf));
	if ((rc = run_start(&r, cli, tmbuf, sizeof(tmbuf))) ||
	    (rc = open_workspace(&r)) != 0)
		goto out;
	cli->db = r.steps.db = r.ws.database;
	if ((err = cli_open_store(cli, true, &st))) {
		rc = kansa_exit_code(err);
		goto out;
	}
	if ((rc = closed_year_dates(&r, st)) != 0)
		goto out;
	printf(_("kansa run --year %d (%s): workspace %s, database %s\n"),
	       r.o.year, r.o.as_of, r.o.workspace, r.ws.database);
	fflush(stdout);
	if ((rc = run_steps(&r, st)))
		goto out;
	total_line(&r, t0);
	rc = cmd_run_summary(&r);
	if (r.warnings)
		printf("  %zu step%s finished with a warning: see %s\n",
		       r.warnings, r.warnings == 1 ? "" : "s", r.logpath);
out:
	cli_print_diags(cli);
	store_close(st);
	run_release(&r);
	return rc;
}
