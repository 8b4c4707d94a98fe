/* cmd_run.c: `kansa init` and `kansa run`: the yearly run of a workspace.
 *
 * `kansa run` runs derive, import, verify, status and report as kansa
 * itself in a child process (as git runs its own commands), so that each
 * is exactly the command a user could run by hand, its output goes to the
 * run's log, and its time, CPU time and peak memory are measured apart
 * (wait4).  score, findings and diff are written here, from one model of
 * the year that the summary uses too, rather than gathered three more
 * times by three children (at 3,000 respondents a gather is seconds).
 * The run stops at
 * the first step that fails, with that step's messages; each step is
 * whole or nothing on its own (imports are one transaction, files are
 * renamed into place).
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "fileio.h"
#include "render_text.h"
#include "report.h"
#include "run_stage.h"
#include "text.h"
#include "workspace.h"

/* Most arguments one step takes (the files of an import are more). */
#define MAX_ARGS 64

struct run_opts {
	int year;		   /* --year */
	char as_of[11];		   /* --as-of, default today */
	char date[11];		   /* --date, default the as-of date */
	const char *workspace;	   /* kansa.ini of the workspace */
	int fail_on;		   /* --fail-on: a grade, or -1 */
	const char *password_file; /* --pdf-password-file */
	const char *timings;	   /* --timings FILE (TSV) */
	bool allow_missing;	   /* --allow-missing-evidence (import) */
};

/* One step as run. */
struct step {
	const char *name; /* "import" */
	double wall;	  /* seconds */
	double cpu;	  /* user + system seconds */
	long rss_kb;	  /* peak resident memory */
	int code;	  /* exit code */
	char *out;	  /* what it printed to the log (caller frees) */
};

struct run {
	struct run_opts o;
	char year[16]; /* o.year as an argument */
	struct workspace ws;
	char exe[PATH_MAX];	     /* kansa itself */
	char *outdir;		     /* where the steps write: the staging
					folder beside output/FY */
	struct run_stage stage;	     /* output/FY locked, the set published */
	char logpath[PATH_MAX + 32]; /* outdir/kansa-run.log */
	int log;		     /* its descriptor */
	bool tty;		     /* stdout is a terminal: show progress */
	FILE *timings;		     /* --timings, or NULL */
	double wall, cpu;	     /* totals */
	long rss_kb;		     /* the largest step's */
	char *written[24];	     /* the files written, to list at the end */
	size_t nwritten;
	size_t warnings; /* steps that finished with a warning */
	struct diags *d;
	struct report model; /* the year, gathered once for score, findings,
				diff and the summary */
	bool have_model;
};

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Argument vectors: argv[0] is kansa, then --db DB, then the command. */
struct args {
	char *v[MAX_ARGS + 1];
	size_t n;
	char **extra; /* more (files), appended last */
	size_t nextra;
};

static void arg(struct args *a, const char *s)
{
	if (a->n < MAX_ARGS)
		a->v[a->n++] = (char *)s;
}

static void args_start(struct args *a, struct run *r, const char *cmd)
{
	memset(a, 0, sizeof(*a));
	arg(a, r->exe);
	arg(a, "--db");
	arg(a, r->ws.database);
	arg(a, cmd);
}

/* The same for a command of the year: --year FY. */
static void args_year(struct args *a, struct run *r, const char *cmd)
{
	args_start(a, r, cmd);
	arg(a, "--year");
	arg(a, r->year);
}

/* Reads bytes [from, end) of the log (NUL-terminated; caller frees). */
static char *log_since(int fd, off_t from)
{
	off_t end = lseek(fd, 0, SEEK_END);
	size_t n = end > from ? (size_t)(end - from) : 0;
	char *s = malloc(n + 1);
	ssize_t got = 0;
	if (!s)
		return NULL;
	if (n)
		got = pread(fd, s, n, from);
	s[got > 0 ? got : 0] = '\0';
	return s;
}

/* Adds a finished step to the totals and the --timings file. */
static void step_record(struct run *r, const struct step *s)
{
	r->wall += s->wall;
	r->cpu += s->cpu;
	if (s->rss_kb > r->rss_kb)
		r->rss_kb = s->rss_kb;
	if (r->timings)
		fprintf(r->timings, "%s\t%.3f\t%.3f\t%ld\t%d\n", s->name,
			s->wall, s->cpu, s->rss_kb, s->code);
}

/* CPU seconds of this process so far, and its peak memory (KB). */
static double self_cpu(long *rss_kb)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	*rss_kb = ru.ru_maxrss;
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	       (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

/*
 * Runs kansa with the arguments of a in a child process, its standard
 * output to the file to (through a temporary file, renamed when the step
 * succeeds) or to the log, its errors to the log.  Shows the time taken
 * while it runs when stdout is a terminal.
 */
static void step_run(struct run *r, struct step *s, const struct args *a,
		     const char *to)
{
	char **argv = calloc(a->n + a->nextra + 1, sizeof(*argv));
	char *tmp = NULL;
	int out = -1, status = 0;
	double t0 = now(), shown = 0;
	struct rusage ru;
	off_t start;
	pid_t pid;

	s->code = 4;
	s->out = NULL;
	if (!argv)
		return;
	memcpy(argv, a->v, a->n * sizeof(*argv));
	if (a->nextra)
		memcpy(argv + a->n, a->extra, a->nextra * sizeof(*argv));
	dprintf(r->log, "\n== kansa");
	for (size_t i = 1; argv[i]; i++)
		dprintf(r->log, " %s", argv[i]);
	dprintf(r->log, "%s%s\n", to ? " > " : "", to ? to : "");
	start = lseek(r->log, 0, SEEK_END);
	if (to && (!(tmp = fileio_temp_create(to, r->d)) ||
		   (out = fileio_create(tmp, false)) < 0)) {
		free(argv);
		if (tmp)
			fileio_temp_commit(tmp, to, false, r->d);
		return;
	}
	fflush(stdout);
	if ((pid = fork()) == 0) {
		dup2(out >= 0 ? out : r->log, STDOUT_FILENO);
		dup2(r->log, STDERR_FILENO);
		execv(r->exe, argv);
		dprintf(STDERR_FILENO, _("kansa run: cannot run %s: %s\n"),
			r->exe, strerror(errno));
		_exit(4);
	}
	free(argv);
	if (pid < 0) {
		diags_add(r->d, DIAG_ERROR, r->exe, 0, "cannot start: %s",
			  strerror(errno));
	} else {
		pid_t w;
		/* a terminal gets the time so far; anything else waits */
		while ((w = wait4(pid, &status, r->tty ? WNOHANG : 0, &ru)) ==
			       0 ||
		       (w < 0 && errno == EINTR)) {
			double t = now() - t0;
			struct timespec tick = {0, 10 * 1000 * 1000};
			if (t >= 0.5 && t - shown >= 0.1) {
				printf("\r  %-9s %6.1f s ...", s->name, t);
				fflush(stdout);
				shown = t;
			}
			nanosleep(&tick, NULL);
		}
		if (shown > 0)
			printf("\r\033[K");
		if (w == pid) {
			s->code = WIFEXITED(status) ? WEXITSTATUS(status) : 4;
			s->cpu = (double)ru.ru_utime.tv_sec +
				 (double)ru.ru_utime.tv_usec / 1e6 +
				 (double)ru.ru_stime.tv_sec +
				 (double)ru.ru_stime.tv_usec / 1e6;
			s->rss_kb = ru.ru_maxrss;
			if (WIFSIGNALED(status))
				dprintf(r->log,
					"kansa run: killed by signal %d\n",
					WTERMSIG(status));
		}
	}
	s->wall = now() - t0;
	if (out >= 0)
		close(out);
	if (tmp &&
	    fileio_temp_commit(tmp, to, s->code == 0 || s->code == 1, r->d) &&
	    s->code == 0)
		s->code = 4;
	s->out = log_since(r->log, start);
	step_record(r, s);
}

/* Prints the step's line: name, time and what it did. */
static void step_line(const struct step *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void step_line(const struct step *s, const char *fmt, ...)
{
	va_list ap;
	printf("  %-9s %6.2f s  ", s->name, s->wall);
	va_start(ap, fmt);
	vprintf(_(fmt), ap); /* tools/pot.sh extracts step_line's formats */
	va_end(ap);
	putchar('\n');
	fflush(stdout);
}

/* A failed step: its messages, and the exit code to end the run with. */
static int step_failed(struct run *r, const struct step *s)
{
	int code = s->code == 3 ? 3 : 4; /* invalid input, else a failure */
	step_line(s, "failed (exit %d)", s->code);
	fflush(stdout);
	if (s->out && *s->out)
		fputs(s->out, stderr);
	fprintf(stderr,
		_("kansa run: stopped at %s; the steps before it are kept; "
		  "the whole log is %s\n"),
		s->name, r->logpath);
	return code;
}

/* The last non-empty line of s (in place), or "". */
static const char *last_line(char *s)
{
	char *end = s ? s + strlen(s) : NULL;
	if (!s)
		return "";
	while (end > s && (end[-1] == '\n' || end[-1] == '\r'))
		*--end = '\0';
	while (end > s && end[-1] != '\n')
		end--;
	return end;
}

static size_t count(const char *s, const char *what)
{
	size_t n = 0;
	for (const char *p = s; p && (p = strstr(p, what)); p += strlen(what))
		n++;
	return n;
}

/* The warnings in a step's output: its lines "FILE:LINE: warning: ..."
 * (the label in the user's language, as the step printed it). */
static size_t count_warnings(const char *out)
{
	char mark[64];
	snprintf(mark, sizeof(mark), ": %s", _("warning: "));
	return count(out, mark);
}

static void remember(struct run *r, const char *path)
{
	char buf[PATH_MAX + 300];
	if (r->nwritten < sizeof(r->written) / sizeof(*r->written))
		r->written[r->nwritten++] = strdup(
			run_stage_shown(&r->stage, path, buf, sizeof(buf)));
}

/* A path in the staging folder as the user will find it. */
static const char *shown(const struct run *r, const char *path)
{
	static char buf[PATH_MAX + 300];
	return run_stage_shown(&r->stage, path, buf, sizeof(buf));
}

/* --- the steps ------------------------------------------------------ */

/* derive: only when the policy text or the checklist file changed since
 * the last derive. */
static int do_derive(struct run *r, struct store *st)
{
	struct step s = {.name = "derive"};
	char text_sha[65], cl_sha[65] = "";
	long long size;
	enum store_derived state;
	struct args a;

	if (fileio_sha256(r->ws.policy, text_sha, &size)) {
		diags_add(r->d, DIAG_ERROR, r->ws.policy, 0,
			  "cannot read the policy text: %s (kansa.ini "
			  "[workspace] policy)",
			  strerror(errno));
		return 3;
	}
	if (access(r->ws.checklist, F_OK) == 0)
		fileio_sha256(r->ws.checklist, cl_sha, &size);
	state = store_policy_derived(st, text_sha, cl_sha);
	if (state == DERIVED_SAME) {
		step_line(&s, "unchanged: %s", r->ws.checklist);
		return 0;
	}
	args_start(&a, r, "derive");
	arg(&a, "-o");
	arg(&a, r->ws.checklist);
	arg(&a, "--"); /* a file name may start with '-' */
	arg(&a, r->ws.policy);
	step_run(r, &s, &a, NULL);
	if (s.code) {
		int rc = step_failed(r, &s);
		free(s.out);
		return rc;
	}
	{
		/* "POLICY: N lines, N clauses, N items" among the warnings */
		char *line = s.out ? strstr(s.out, " clauses, ") : NULL, *nl;
		while (line && line > s.out && line[-1] != '\n')
			line--;
		if (line && (nl = strchr(line, '\n')))
			*nl = '\0';
		size_t warnings = count_warnings(s.out);
		step_line(&s, "%s", line ? line : _("derived"));
		if (warnings)
			printf(ngettext("  %zu warning about the policy text: "
					"see %s\n",
					"  %zu warnings about the policy text: "
					"see %s\n",
					warnings),
			       warnings, r->logpath);
	}
	if (state == DERIVED_TEXT_CHANGED)
		printf(_("  notice: the policy text %s changed since it was "
			 "last derived: %s was derived again (reviewer keys "
			 "kept); review it (git diff) before the answers are "
			 "collected\n"),
		       r->ws.policy, r->ws.checklist);
	else if (state == DERIVED_CHECKLIST_EDITED)
		printf(_("  notice: %s was edited since it was last derived: "
			 "stored again\n"),
		       r->ws.checklist);
	free(s.out);
	remember(r, r->ws.checklist);
	return 0;
}

/* import: every file of the year that kansa.ini points to. */
static int do_import(struct run *r)
{
	struct step s = {.name = "import"};
	char **files[WS_KINDS] = {0};
	size_t n[WS_KINDS] = {0}, total = 0;
	struct args a;
	int rc = 0;

	for (int k = 0; k < WS_KINDS; k++) {
		if (workspace_files(&r->ws, (enum ws_kind)k, r->o.year,
				    &files[k], &n[k], r->d)) {
			rc = 4;
			goto out;
		}
		total += n[k];
	}
	if (!n[WS_ANSWERS]) {
		char *p = workspace_expand(r->ws.files[WS_ANSWERS], r->o.year);
		diags_add(r->d, DIAG_ERROR, r->o.workspace, 0,
			  "no answer sheets for %d: nothing matches %s "
			  "([files] answers)",
			  r->o.year, p ? p : r->ws.files[WS_ANSWERS]);
		free(p);
		rc = 3;
		goto out;
	}
	args_year(&a, r, "import");
	arg(&a, "--complete"); /* the year's files: a respondent without
				  one is retired (issue 11) */
	if (r->o.allow_missing)
		arg(&a, "--allow-missing-evidence");
	arg(&a, "--"); /* a file name may start with '-' */
	a.extra = calloc(total + 1, sizeof(*a.extra));
	if (!a.extra) {
		rc = 4;
		goto out;
	}
	for (int k = 0; k < WS_KINDS; k++)
		for (size_t i = 0; i < n[k]; i++)
			a.extra[a.nextra++] = files[k][i];
	step_run(r, &s, &a, NULL);
	free(a.extra);
	if (s.code) {
		rc = step_failed(r, &s);
	} else {
		step_line(&s,
			  "%zu files (answers %zu, evidence %zu, audit %zu, "
			  "plans %zu): %zu new, %zu replaced, %zu unchanged",
			  total, n[WS_ANSWERS], n[WS_EVIDENCE], n[WS_AUDIT],
			  n[WS_PLANS], count(s.out, "(new)"),
			  count(s.out, "(replaced"),
			  count(s.out, "(unchanged"));
		if (count_warnings(s.out))
			printf(_("  %zu warnings: see %s\n"),
			       count_warnings(s.out), r->logpath);
	}
	free(s.out);
out:
	for (int k = 0; k < WS_KINDS; k++) {
		for (size_t i = 0; i < n[k]; i++)
			free(files[k][i]);
		free(files[k]);
	}
	return rc;
}

/* verify: evidence that changed or went missing is a warning. */
static int do_verify(struct run *r)
{
	struct step s = {.name = "verify"};
	struct args a;
	int rc = 0;

	args_year(&a, r, "verify");
	step_run(r, &s, &a, NULL);
	if (s.code == 1) {
		r->warnings++;
		step_line(&s, "%s (warning: see %s)", last_line(s.out),
			  r->logpath);
	} else if (s.code) {
		rc = step_failed(r, &s);
	} else {
		step_line(&s, "%s", last_line(s.out));
	}
	free(s.out);
	return rc;
}

/* status, as kansa status prints it, into the output folder. */
static int do_status(struct run *r)
{
	struct step s = {.name = "status"};
	char path[PATH_MAX];
	struct args a;
	int rc = 0;

	snprintf(path, sizeof(path), "%s/status.txt", r->outdir);
	args_year(&a, r, "status");
	arg(&a, "--as-of");
	arg(&a, r->o.as_of);
	step_run(r, &s, &a, path);
	if (s.code) {
		rc = step_failed(r, &s);
	} else {
		step_line(&s, "%s", shown(r, path));
		remember(r, path);
	}
	free(s.out);
	return rc;
}

/*
 * score, findings and diff: as kansa score, kansa findings and kansa diff
 * print them, into the output folder, made here from one model of the
 * year (gathered by the score step; the summary uses it too) instead of
 * three child processes gathering it three times.
 */
static int do_result(struct run *r, struct store *st, const char *name)
{
	struct step s = {.name = name};
	struct report_options ro = {.year = r->o.year,
				    .as_of = r->o.as_of,
				    .date = r->o.date,
				    .templates = r->ws.templates,
				    .organisation = r->ws.organisation,
				    .output_dir = r->outdir};
	char path[PATH_MAX], *tmp;
	double t0 = now(), c0 = self_cpu(&s.rss_kb);
	FILE *f = NULL;
	enum kansa_err err = KANSA_OK;

	if (!r->have_model) {
		r->have_model = true;
		/* one read transaction: one committed state (issue 11) */
		if (!(err = store_read_begin(st, r->d)))
			err = report_gather(st, &ro, &r->model, r->d);
		store_read_end(st);
	}
	if (!err && strcmp(name, "diff") == 0 && !r->model.prev_year) {
		s.wall = now() - t0;
		step_line(&s, "no earlier year with answers");
		return 0;
	}
	snprintf(path, sizeof(path), "%s/%s.txt", r->outdir, name);
	if (!err && (tmp = fileio_temp_create(path, r->d))) {
		if ((f = fileio_fopen_write(tmp))) {
			if (strcmp(name, "score") == 0)
				render_text_score(f, &r->model, GROUP_CHAPTER,
						  -1, RENDER_TEXT);
			else if (strcmp(name, "findings") == 0)
				render_text_findings(f, &r->model, RENDER_TEXT);
			else
				render_text_diff(f, &r->model, false,
						 RENDER_TEXT);
		}
		err = fileio_temp_commit(
			tmp, path, f && !ferror(f) && fclose(f) == 0, r->d);
	} else if (!err) {
		err = KANSA_ERR_IO;
	}
	s.wall = now() - t0;
	s.cpu = self_cpu(&s.rss_kb) - c0;
	s.code = kansa_exit_code(err);
	step_record(r, &s);
	if (err) {
		step_line(&s, "failed (exit %d)", s.code);
		return s.code;
	}
	step_line(&s, "%s", shown(r, path));
	remember(r, path);
	return 0;
}

/* The report step's warning about ○○ left in report.ini, or NULL;
 * caller frees. */
static char *placeholder_warning(const char *out)
{
	const char *todo = strstr(out, "still has ○○"), *bol = todo, *eol;
	if (!todo)
		return NULL;
	while (bol > out && bol[-1] != '\n')
		bol--;
	eol = strchr(todo, '\n');
	return strndup(bol, eol ? (size_t)(eol - bol) : strlen(bol));
}

/* report: the workpaper, both PDFs and the manifest (which also lists
 * the text results). */
static int do_report(struct run *r, const char *const *texts, size_t ntexts)
{
	struct step s = {.name = "report"};
	struct args a;
	int rc = 0;

	args_year(&a, r, "report");
	arg(&a, "--as-of");
	arg(&a, r->o.as_of);
	arg(&a, "--date");
	arg(&a, r->o.date);
	arg(&a, "--templates");
	arg(&a, r->ws.templates);
	arg(&a, "-o");
	arg(&a, r->outdir);
	arg(&a, "--staged-for"); /* recorded where it is published */
	arg(&a, r->stage.final);
	if (*r->ws.organisation) {
		arg(&a, "--organisation");
		arg(&a, r->ws.organisation);
	}
	if (r->o.password_file) {
		arg(&a, "--pdf-password-file");
		arg(&a, r->o.password_file);
	}
	for (size_t i = 0; i < ntexts; i++) {
		arg(&a, "--include");
		arg(&a, texts[i]);
	}
	step_run(r, &s, &a, NULL);
	if (s.code) {
		rc = step_failed(r, &s);
	} else {
		size_t files = 0;
		char *todo = placeholder_warning(s.out);
		for (char *line = strtok(s.out, "\n"); line;
		     line = strtok(NULL, "\n"))
			if (strncmp(line, r->outdir, strlen(r->outdir)) == 0) {
				remember(r, line);
				files++;
			}
		step_line(&s, "%zu files in %s", files, r->stage.final);
		if (todo) /* the letter is about to be dated with it */
			printf("  %s\n", todo);
		free(todo);
	}
	free(s.out);
	return rc;
}

/* A rate as the other commands print it. */
static const char *pct(double rate, char buf[32])
{
	text_rate(buf, 32, rate);
	return buf;
}

/* The summary, from the year's model; returns 1 when --fail-on finds. */
static int summary(struct run *r)
{
	const struct report *m = &r->model;
	size_t open = 0, late = 0, worse = 0;
	size_t checks[5] = {0};
	static const char *const check_names[] = {
		"確認済", "変更あり", "所在不明", "期限切れ", "未検証"};
	char buf[32];
	int rc = 0;

	printf("\n%s %s (%d) 基準日 %s\n", m->settings.organisation, m->era,
	       m->year, m->as_of);
	printf("  実施率     自己評価 %s",
	       pct(score_rate(&m->score.overall, VIEW_SELF), buf));
	if (m->has_audit)
		printf("  監査評価 %s",
		       pct(score_rate(&m->score.overall, VIEW_AUDIT), buf));
	printf("  (必須項目 自己評価 %s)\n",
	       pct(score_rate(&m->score.required, VIEW_SELF), buf));
	printf("  指摘事項 ");
	for (int g = 0; g < GRADE_CONFORM; g++) {
		printf(" %s %zu", finding_grade_name((enum finding_grade)g),
		       m->findings.by_grade[g]);
		if (r->o.fail_on >= 0 && g <= r->o.fail_on)
			worse += m->findings.by_grade[g];
	}
	putchar('\n');
	for (size_t i = 0; i < m->nplans; i++)
		if (plan_is_open(&m->plans[i])) {
			open++;
			late += plan_is_overdue(&m->plans[i], m->as_of);
		}
	printf("  改善計画   未完了 %zu (うち期限超過 %zu)、効果なし %zu\n",
	       open, late, m->nfailed);
	for (size_t i = 0; i < m->evidence.n; i++) {
		const char *c =
			report_evidence_check(m, &m->evidence.records[i]);
		for (size_t k = 0; k < 5; k++)
			checks[k] += strcmp(c, check_names[k]) == 0;
	}
	printf("  証跡       %zu 件: 確認済 %zu、変更あり %zu、所在不明 %zu、"
	       "期限切れ %zu\n",
	       m->evidence.n, checks[0], checks[1], checks[2], checks[3]);
	printf("  ファイル\n");
	for (size_t i = 0; i < r->nwritten; i++)
		printf("    %s\n", r->written[i] ? r->written[i] : "?");
	if (r->o.fail_on >= 0 && worse) {
		fprintf(stderr,
			_("kansa run: %zu findings of %s or graver "
			  "(--fail-on)\n"),
			worse,
			finding_grade_name((enum finding_grade)r->o.fail_on));
		rc = 1;
	}
	return rc;
}

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

const struct cli_option cmd_init_options[] = {
	{"organisation", 'g', false, "NAME",
	 N_("the organisation (架空町議会)")},
	CLI_OPT_YEAR(N_("the first fiscal year (default: today's)")),
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
			if ((rc = cli_opt_date(cmd, "as-of", optarg,
					       o->as_of)) != 0)
				return rc;
			break;
		case 't':
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
	r->log =
		open(r->logpath,
		     O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0666);
	if (r->log < 0) {
		diags_add(r->d, DIAG_ERROR, r->logpath, 0, "cannot write: %s",
			  strerror(errno));
		return 4;
	}
	/* where the log is when the run ends, published or not */
	snprintf(r->logpath, sizeof(r->logpath), "%s/kansa-run.log",
		 r->stage.final);
	return 0;
}

int cmd_run(int argc, char **argv, struct cli *cli)
{
	static const char *const results[] = {"score", "findings", "diff"};
	static const char *const texts[] = {"score.txt", "findings.txt",
					    "diff.txt"};
	const char *done[4];
	size_t ndone = 0;
	char pwbuf[PATH_MAX], tmbuf[PATH_MAX];
	struct run r;
	struct store *st = NULL;
	enum kansa_err err;
	double t0 = now();
	int rc;

	memset(&r, 0, sizeof(r));
	r.log = -1;
	r.stage.lock = -1;
	r.d = &cli->diags;
	if ((rc = parse(argc, argv, &r.o, cli)) != 0)
		return rc;
	snprintf(r.year, sizeof(r.year), "%d", r.o.year);
	r.o.password_file = absolute(r.o.password_file, pwbuf, sizeof(pwbuf));
	r.o.timings = absolute(r.o.timings, tmbuf, sizeof(tmbuf));
	if (r.o.timings && !(r.timings = fileio_fopen_write(r.o.timings))) {
		diags_add(r.d, DIAG_ERROR, r.o.timings, 0, "cannot write: %s",
			  strerror(errno));
		return cli_finish(cli, KANSA_ERR_IO);
	}
	if (readlink("/proc/self/exe", r.exe, sizeof(r.exe) - 1) <= 0) {
		diags_add(r.d, DIAG_ERROR, "/proc/self/exe", 0,
			  "cannot find kansa itself to run its steps: %s",
			  strerror(errno));
		return cli_finish(cli, KANSA_ERR_IO);
	}
	r.tty = isatty(STDOUT_FILENO);
	if ((rc = open_workspace(&r)) != 0)
		goto out;
	printf(_("kansa run --year %d (%s): workspace %s, database %s\n"),
	       r.o.year, r.o.as_of, r.o.workspace, r.ws.database);
	fflush(stdout);
	cli->db = r.ws.database;
	if ((err = cli_open_store(cli, true, &st))) {
		rc = kansa_exit_code(err);
		goto out;
	}
	if ((rc = do_derive(&r, st)) || (rc = do_import(&r)) ||
	    (rc = do_verify(&r)))
		goto out;
	if ((rc = do_status(&r)))
		goto out;
	done[ndone++] = "status.txt";
	for (size_t i = 0; i < 3; i++) {
		if ((rc = do_result(&r, st, results[i])))
			goto out;
		if (i < 2 || r.model.prev_year)
			done[ndone++] = texts[i];
	}
	if ((rc = do_report(&r, done, ndone)))
		goto out;
	if ((err = run_stage_publish(&r.stage, r.d))) {
		rc = 4;
		goto out;
	}
	{
		struct step s = {.name = "total"};
		s.wall = now() - t0;
		step_line(&s, "(steps: %.2f s CPU, largest %.0f MB)", r.cpu,
			  (double)r.rss_kb / 1024);
		if (r.timings)
			fprintf(r.timings, "total\t%.3f\t%.3f\t%ld\t0\n",
				s.wall, r.cpu, r.rss_kb);
	}
	rc = summary(&r);
	if (r.warnings)
		printf(ngettext("  %zu step finished with a warning: see %s\n",
				"  %zu steps finished with a warning: see "
				"%s\n",
				r.warnings),
		       r.warnings, r.logpath);
out:
	cli_print_diags(cli);
	store_close(st);
	run_stage_abandon(&r.stage, "kansa-run.log"); /* unless published */
	run_stage_close(&r.stage);
	if (r.log >= 0)
		close(r.log);
	if (r.timings)
		fclose(r.timings);
	for (size_t i = 0; i < r.nwritten; i++)
		free(r.written[i]);
	free(r.outdir);
	workspace_release(&r.ws);
	if (r.have_model)
		report_release(&r.model);
	return rc;
}

/* What kansa init says to do next, in the order of README.txt. */
static void print_next_steps(const char *dir, int year)
{
	printf(_("%s: a kansa workspace for %d: kansa.ini, README.txt, "
		 "templates/, checklists/, %d/answers/, %d/evidence/, "
		 "output/\n"
		 "next steps (README.txt there tells the whole year, with an "
		 "example of every file):\n"
		 "  1. cd %s\n"
		 "  2. put the policy text (情報セキュリティ対策基準, UTF-8 or "
		 "Shift_JIS) in checklists/policy.txt\n"
		 "  3. kansa template --year %d\n"
		 "     (derives the checklist, writes one answer sheet per "
		 "role into %d/answers/)\n"
		 "  4. collect the filled sheets in %d/answers/, the "
		 "evidence and its register in %d/evidence/,\n"
		 "     the audit chief's judgements in %d/audit.ini\n"
		 "  5. kansa run --year %d --as-of DATE --date DATE\n"
		 "     (imports, scores and writes the reports into "
		 "output/%d/)\n"
		 "  6. the year after: kansa year start %d\n"),
	       dir, year, year, year, dir, year, year, year, year, year, year,
	       year, year + 1);
}

int cmd_init(int argc, char **argv, struct cli *cli)
{
	struct cli_parser p;
	const struct command *cmd = cli_find("init");
	const char *org = "", *dir = ".";
	char today[11];
	int c, rc, year;
	enum kansa_err err;

	/* the fiscal year of today: April to March */
	cli_today(today);
	year = atoi(today) - (strncmp(today + 5, "04", 2) < 0);
	cli_parse_start(&p, cmd, cli);
	while ((c = cli_parse_next(&p, argc, argv)) != -1) {
		switch (c) {
		case 'g':
			org = optarg;
			break;
		case 'y':
			if ((rc = cli_opt_year(cmd, optarg, &year)) != 0)
				return rc;
			break;
		default:
			return cli_usage_error(cmd, "unknown option");
		}
	}
	if (optind + 1 < argc)
		return cli_usage_error(cmd, "expected at most one folder");
	if (optind < argc)
		dir = argv[optind];
	if (strchr(org, '\n') || strchr(org, '\r'))
		return cli_usage_error(cmd, "--organisation: one line");
	if ((err = workspace_init(dir, org, year, &cli->diags)))
		return cli_finish(cli, err);
	print_next_steps(dir, year);
	if (!*org)
		printf(_("note: no --organisation: set organisation in "
			 "%s/kansa.ini (the reports name it)\n"),
		       dir);
	return cli_finish(cli, KANSA_OK);
}
