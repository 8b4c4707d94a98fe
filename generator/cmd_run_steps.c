/* cmd_run_steps.c: the steps of `kansa run` (derive, import, verify and
 * status in a child process; score, findings, diff and the report made
 * from the year's model) and its summary. */
#include "cmd_run_internal.h"

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
#include "documents.h"
#include "fileio.h"
#include "render_text.h"
#include "report.h"
#include "run_result.h"
#include "run_stage.h"
#include "run_step.h"
#include "text.h"
#include "workspace.h"

/* The same for a command of the year: --year FY. */
static void args_year(struct run_step_args *a, struct run *r, const char *cmd)
{
	run_step_args(a, &r->steps, cmd);
	run_step_arg(a, "--year");
	run_step_arg(a, r->year);
}

/* A failed step: its messages, and the exit code to end the run with. */
static int step_failed(struct run *r, const struct run_step *s)
{
	int code = s->code == 3 ? 3 : 4; /* invalid input, else a failure */
	run_step_line(s, "failed (exit %d)", s->code);
	fflush(stdout);
	if (s->out && *s->out)
		fputs(s->out, stderr);
	fprintf(stderr,
		_("kansa run: stopped at %s; the steps before it are kept; "
		  "the whole log is %s\n"),
		s->name, r->logpath);
	return code;
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
int cmd_run_do_derive(struct run *r, struct store *st)
{
	struct run_step s = {.name = "derive"};
	char text_sha[65], cl_sha[65] = "";
	long long size;
	enum store_derived state;
	struct run_step_args a;

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
		run_step_line(&s, "unchanged: %s", r->ws.checklist);
		return 0;
	}
	run_step_args(&a, &r->steps, "derive");
	run_step_arg(&a, "-o");
	run_step_arg(&a, r->ws.checklist);
	run_step_arg(&a, "--"); /* a file name may start with '-' */
	run_step_arg(&a, r->ws.policy);
	run_step_exec(&r->steps, &s, &a, NULL);
	if (s.code) {
		int rc = step_failed(r, &s);
		free(s.out);
		free(s.results);
		return rc;
	}
	{
		long long warnings = run_result_get(s.results, "warnings", 0);
		if (run_result_get(s.results, "items", -1) < 0)
			run_step_line(&s, "derived");
		else
			run_step_line(
				&s, "%s: %lld lines, %lld clauses, %lld items",
				r->ws.policy,
				run_result_get(s.results, "lines", 0),
				run_result_get(s.results, "clauses", 0),
				run_result_get(s.results, "items", 0));
		if (warnings)
			printf(ngettext(
				       "  %lld warning about the policy text: "
				       "see %s\n",
				       "  %lld warnings about the policy text: "
				       "see %s\n",
				       (unsigned long)warnings),
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
	free(s.results);
	remember(r, r->ws.checklist);
	return 0;
}

/* When the year's audit in force came from another file than the
 * workspace's audit file (a workpaper imported since), says which. */
static void audit_in_force(struct run *r, struct store *st, const char *file)
{
	char *path = NULL, *at = NULL;
	if (!store_audit_source(st, r->o.year, &path, &at, r->d) && path &&
	    !fileio_same_name(path, file))
		printf(_("  notice: the audit in force is %s (imported %s), "
			 "not %s: see %s\n"),
		       path, at, file, r->logpath);
	free(path);
	free(at);
}

/* No answer sheet of the year: what the pattern is, and the answer
 * workbooks it leaves out (kansa template --format xlsx writes them
 * where a kansa.ini of an older kansa init reads only *.ini). */
static void no_answers(struct run *r)
{
	char *p = workspace_expand(r->ws.files[WS_ANSWERS], r->o.year);
	char *books = workspace_books_left_out(&r->ws, NULL, r->o.year);

	diags_add(r->d, DIAG_ERROR, r->o.workspace, 0,
		  "no answer sheets for %d: nothing matches %s "
		  "([files] answers)",
		  r->o.year, p ? p : r->ws.files[WS_ANSWERS]);
	if (books)
		diags_add(r->d, DIAG_NOTICE, r->o.workspace, 0,
			  _("the pattern leaves out the answer workbooks %s; "
			    "[files] answers = {year}/answers/*.{ini,xlsx} "
			    "reads both kinds"),
			  books);
	free(p);
	free(books);
}

/* import: every file of the year that kansa.ini points to. */
int cmd_run_do_import(struct run *r, struct store *st)
{
	struct run_step s = {.name = "import"};
	char **files[WS_KINDS] = {0};
	size_t n[WS_KINDS] = {0}, total = 0;
	struct run_step_args a;
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
		no_answers(r);
		rc = 3;
		goto out;
	}
	args_year(&a, r, "import");
	run_step_arg(&a, "--complete"); /* the year's files: a respondent
				  without one is retired (issue 11) */
	if (r->o.allow_missing)
		run_step_arg(&a, "--allow-missing-evidence");
	run_step_arg(&a, "--"); /* a file name may start with '-' */
	a.extra = calloc(total + 1, sizeof(*a.extra));
	if (!a.extra) {
		rc = 4;
		goto out;
	}
	for (int k = 0; k < WS_KINDS; k++)
		for (size_t i = 0; i < n[k]; i++)
			a.extra[a.nextra++] = files[k][i];
	run_step_exec(&r->steps, &s, &a, NULL);
	free(a.extra);
	if (s.code) {
		rc = step_failed(r, &s);
	} else {
		long long warnings = run_result_get(s.results, "warnings", 0);
		run_step_line(
			&s,
			"%zu files (answers %zu, evidence %zu, audit %zu, "
			"plans %zu): %lld new, %lld replaced, %lld unchanged",
			total, n[WS_ANSWERS], n[WS_EVIDENCE], n[WS_AUDIT],
			n[WS_PLANS], run_result_get(s.results, "new", 0),
			run_result_get(s.results, "replaced", 0),
			run_result_get(s.results, "unchanged", 0));
		if (warnings)
			printf(_("  %lld warnings: see %s\n"), warnings,
			       r->logpath);
		if (n[WS_AUDIT] == 1)
			audit_in_force(r, st, files[WS_AUDIT][0]);
	}
	free(s.out);
	free(s.results);
out:
	for (int k = 0; k < WS_KINDS; k++) {
		for (size_t i = 0; i < n[k]; i++)
			free(files[k][i]);
		free(files[k]);
	}
	return rc;
}

/* verify: evidence that changed or went missing is a warning. */
int cmd_run_do_verify(struct run *r)
{
	struct run_step s = {.name = "verify"};
	struct run_step_args a;
	int rc = 0;

	args_year(&a, r, "verify");
	run_step_exec(&r->steps, &s, &a, NULL);
	if (s.code == 0 || s.code == 1) {
		long long files = run_result_get(s.results, "files", 0),
			  bad = run_result_get(s.results, "not_ok", 0);
		r->warnings += s.code == 1;
		run_step_line(&s,
			      "%lld evidence files: %lld ok, %lld not ok%s%s%s",
			      files, files - bad, bad,
			      s.code ? _(" (warning: see ") : "",
			      s.code ? r->logpath : "", s.code ? ")" : "");
	} else {
		rc = step_failed(r, &s);
	}
	free(s.out);
	free(s.results);
	return rc;
}

/* status, as kansa status prints it, into the output folder. */
int cmd_run_do_status(struct run *r)
{
	struct run_step s = {.name = "status"};
	char path[PATH_MAX];
	struct run_step_args a;
	int rc = 0;

	snprintf(path, sizeof(path), "%s/status.txt", r->outdir);
	args_year(&a, r, "status");
	run_step_arg(&a, "--as-of");
	run_step_arg(&a, r->o.as_of);
	run_step_exec(&r->steps, &s, &a, path);
	if (s.code) {
		rc = step_failed(r, &s);
	} else {
		run_step_line(&s, "%s", shown(r, path));
		remember(r, path);
	}
	free(s.out);
	free(s.results);
	return rc;
}

/*
 * The year's model, read once for score, findings, diff, the report and
 * the summary: everything (a closed year's final outputs too) in one
 * read transaction, one committed state (issue 11).  The import step has
 * run SQLite's quick check on the database: once a run.
 */
static enum kansa_err gather(struct run *r, struct store *st)
{
	struct report_options ro = {.year = r->o.year,
				    .as_of = r->o.as_of,
				    .date = r->o.date,
				    .templates = r->ws.templates,
				    .organisation = r->ws.organisation,
				    .output_dir = r->outdir};
	enum kansa_err err;

	r->have_model = true;
	if ((err = store_read_begin(st, r->d)))
		return err;
	if (!(err = store_load_finals(st, r->o.year, &r->finals, r->d)))
		err = report_gather(st, &ro, &r->model, r->d);
	store_read_end(st);
	return err;
}

/*
 * score, findings and diff: as kansa score, kansa findings and kansa diff
 * print them, into the output folder, made here from one model of the
 * year (gathered by the score step; the summary uses it too) instead of
 * three child processes gathering it three times.
 */
int cmd_run_do_result(struct run *r, struct store *st, const char *name)
{
	struct run_step s = {.name = name};
	char path[PATH_MAX], *tmp;
	double t0 = run_step_now(), c0 = run_step_cpu(&s.rss_kb);
	FILE *f = NULL;
	enum kansa_err err = KANSA_OK;

	if (!r->have_model)
		err = gather(r, st);
	if (!err && strcmp(name, "diff") == 0 && !r->model.prev_year) {
		s.wall = run_step_now() - t0;
		run_step_line(&s, "no earlier year with answers");
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
	s.wall = run_step_now() - t0;
	s.cpu = run_step_cpu(&s.rss_kb) - c0;
	s.code = kansa_exit_code(err);
	run_step_record(&r->steps, &s);
	if (err) {
		run_step_line(&s, "failed (exit %d)", s.code);
		return s.code;
	}
	run_step_line(&s, "%s", shown(r, path));
	remember(r, path);
	return 0;
}

/* report: the workpaper and both PDFs from the year's model (the PDFs on
 * the second core while the workbook is written), the manifest (which
 * also lists the text results) and the run's record, made here. */
int cmd_run_do_report(struct run *r, struct store *st, const char *const *texts,
		      size_t ntexts)
{
	struct run_step s = {.name = "report"};
	struct pdf_passwords pw;
	struct documents doc = {.outdir = r->outdir,
				.only = {true, true, true},
				.finals = &r->finals,
				.as_of = r->o.as_of,
				.date = r->o.date,
				.version = KANSA_VERSION,
				.include = texts,
				.ninclude = ntexts};
	struct manifest_run run = {.version = KANSA_VERSION,
				   .as_of = r->o.as_of,
				   .date = r->o.date,
				   .staged_for = r->stage.final,
				   .year_report = true};
	double t0 = run_step_now(), c0 = run_step_cpu(&s.rss_kb);
	char started[32];
	time_t t = time(NULL);
	struct diags d;
	enum kansa_err err;
	int rc = 0;

	diags_init(&d);
	strftime(started, sizeof(started), "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
	run.started = started;
	dprintf(r->steps.log,
		"\n== report --year %d --as-of %s --date %s -o %s (published "
		"as %s)\n",
		r->o.year, r->o.as_of, r->o.date, r->outdir, r->stage.final);
	if (!r->o.password_file ||
	    !(err = pdf_passwords_read(r->o.password_file, &pw, &d))) {
		doc.pw = r->o.password_file ? &pw : NULL;
		err = documents_report_year(st, &r->model, &doc, &run, &d);
		explicit_bzero(&pw, sizeof(pw));
	}
	s.wall = run_step_now() - t0;
	s.cpu = run_step_cpu(&s.rss_kb) - c0 + doc.pdf_cpu;
	if (doc.pdf_rss_kb > s.rss_kb)
		s.rss_kb = doc.pdf_rss_kb;
	s.code = kansa_exit_code(err);
	for (size_t i = 0; i < doc.nfiles; i++)
		dprintf(r->steps.log, "%s\n", doc.files[i].path);
	run_step_diags(&r->steps, &s, &d);
	run_step_record(&r->steps, &s);
	if (err) {
		rc = step_failed(r, &s);
	} else {
		struct sbuf b = {0};
		for (size_t i = 0; i < doc.n; i++)
			remember(r, doc.files[i].path);
		remember(r, doc.files[doc.nfiles - 1].path); /* manifest */
		run_step_line(&s, "%zu files in %s", doc.n + 1, r->stage.final);
		if (doc.placeholder) /* the letter is about to be dated */
			run_step_diag_line(&b, &d.v[doc.placeholder - 1]);
		if (b.len)
			printf("  %s", b.s);
		sbuf_release(&b);
	}
	free(s.out);
	diags_release(&d);
	return rc;
}

/* A rate as the other commands print it. */
static const char *pct(double rate, char buf[32])
{
	text_rate(buf, 32, rate);
	return buf;
}

/* The summary, from the year's model; returns 1 when --fail-on finds. */
int cmd_run_summary(struct run *r)
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
