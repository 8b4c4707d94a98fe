/* cmd_import.c: `kansa import`: answer sheets and evidence registers,
 * validated whole, stored all or nothing. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fileio.h"
#include "workspace.h"
#include "workspace_dirs.h"
#include "import.h"
#include "run_result.h"

static const char *result_name(enum store_import_result r)
{
	return r == IMPORT_NEW	      ? "new"
	       : r == IMPORT_REPLACED ? "replaced; the previous answers are "
					"kept in the history"
				      : "unchanged: imported before";
}

static void print_results(const struct import_batch *b,
			  const struct store_import *im)
{
	for (size_t i = 0; i < b->nregisters; i++)
		printf(_("%s: evidence register, %zu records (%s)\n"),
		       b->registers[i].path, b->registers[i].n,
		       result_name(im->register_result[i]));
	for (size_t i = 0; i < b->nsheets; i++) {
		const struct answer_sheet *sh = &b->sheets[i];
		printf(_("%s: %s / %s%s%s, %zu answers (%s)\n"), sh->path,
		       sh->department, sh->role, *sh->system ? " / " : "",
		       sh->system, sh->nanswers,
		       result_name(im->sheet_result[i]));
	}
	for (size_t i = 0; i < b->naudits; i++)
		printf(_("%s: audit by %s, %zu judgements (%s)\n"),
		       b->audits[i].path, b->audits[i].auditor, b->audits[i].n,
		       result_name(im->audit_result[i]));
	for (size_t i = 0; i < b->nplan_files; i++) {
		size_t changed = 0;
		for (size_t k = 0; k < b->plan_files[i].n; k++)
			changed += !b->plan_files[i].plans[k].unchanged;
		printf(_("%s: plans as of %s, %zu plans, %zu changed (%s)\n"),
		       b->plan_files[i].path, b->plan_files[i].as_of,
		       b->plan_files[i].n, changed,
		       result_name(im->plan_result[i]));
	}
}

/* For kansa run: how many files were new, replaced and unchanged, and
 * the warnings. */
static void report_results(const struct import_batch *b,
			   const struct store_import *im, const struct diags *d)
{
	long long n[3] = {0, 0, 0};
	for (size_t i = 0; i < b->nregisters; i++)
		n[im->register_result[i]]++;
	for (size_t i = 0; i < b->nsheets; i++)
		n[im->sheet_result[i]]++;
	for (size_t i = 0; i < b->naudits; i++)
		n[im->audit_result[i]]++;
	for (size_t i = 0; i < b->nplan_files; i++)
		n[im->plan_result[i]]++;
	run_result_put("new", n[IMPORT_NEW]);
	run_result_put("replaced", n[IMPORT_REPLACED]);
	run_result_put("unchanged", n[IMPORT_UNCHANGED]);
	run_result_warnings(d);
}

const struct cli_option cmd_import_options[] = {
	CLI_OPT_YEAR(N_("the fiscal year of every file")),
	{"policy", 'P', false, "NAME[@VERSION]",
	 N_("the checklist for the year (default:\nthe version in force: the "
	    "latest whose\nversion is not after FY)")},
	{"allow-missing-evidence", 'm', false, NULL,
	 N_("record a missing evidence file as\nmissing instead of refusing "
	    "it")},
	{"complete", 'C', false, NULL,
	 N_("the sheets are all of FY's: a\nrespondent none backs is retired\n"
	    "(answers kept in the history;\nkansa run does this)")},
	CLI_OPT_DB,
	CLI_OPT_END,
};

/* The workspace's files of the year when no FILE is named (as kansa run
 * imports them); freed by workspace_files_free() (found, nfound). */
static char **found;
static size_t nfound;

/* No FILE in a workspace: every file of the year its kansa.ini names. */
static int workspace_inputs(const struct command *cmd, struct import_request *o,
			    struct cli *cli)
{
	enum kansa_err err =
		workspace_current_files(o->year, &found, &nfound, &cli->diags);
	char *books = workspace_books_left_out(
		workspace_current(), workspace_current_dir(), o->year);

	if (books) /* an older kansa init's kansa.ini reads only *.ini */
		diags_add(&cli->diags, nfound ? DIAG_WARNING : DIAG_ERROR,
			  workspace_current_ini(), 0,
			  _("[files] answers leaves out the answer workbooks "
			    "%s; answers = {year}/answers/*.{ini,xlsx} reads "
			    "both kinds"),
			  books);
	free(books);
	if (!err && cli->diags.errors)
		err = KANSA_ERR_INPUT;
	if (err)
		return cli_finish(cli, err);
	if (!nfound)
		return cli_usage_error(cmd,
				       _("no files of %d in the workspace "
					 "(kansa.ini [files]): name them"),
				       o->year);
	o->files = found;
	o->nfiles = nfound;
	return 0;
}

/* In a workspace, the name each file is recorded under: relative to the
 * workspace when inside it (as kansa run names them), so that a moved
 * workspace still knows its files; freed with workspace_files_free(). */
static char **names;

static enum kansa_err record_names(struct import_request *o)
{
	const char *dir = workspace_current_dir();
	if (!dir)
		return KANSA_OK;
	if (!(names = calloc(o->nfiles + 1, sizeof(*names))))
		return KANSA_ERR_NOMEM;
	for (size_t i = 0; i < o->nfiles; i++)
		if (!(names[i] = fileio_name_inside(dir, o->files[i])))
			return KANSA_ERR_NOMEM;
	o->names = names;
	return KANSA_OK;
}

static int parse_args(int argc, char **argv, struct import_request *o,
		      struct cli *cli)
{
	struct cli_parser p;
	const struct command *cmd = cli_find("import");
	int c, rc;

	o->year = -1;
	cli_parse_start(&p, cmd, cli);
	while ((c = cli_parse_next(&p, argc, argv)) != -1) {
		switch (c) {
		case 'y':
			if ((rc = cli_opt_year(cmd, optarg, &o->year)) != 0)
				return rc;
			break;
		case 'P':
			o->spec = optarg;
			break;
		case 'm':
			o->allow_missing = true;
			break;
		case 'C':
			o->complete = true;
			break;
		default:
			return cli_usage_error(cmd, "unknown option");
		}
	}
	if (o->year < 0)
		return cli_usage_error(cmd, "--year FY is required");
	if (optind >= argc && workspace_current())
		return workspace_inputs(cmd, o, cli);
	if (optind >= argc)
		return cli_usage_error(cmd, "expected one or more files");
	o->files = argv + optind;
	o->nfiles = (size_t)(argc - optind);
	return 0;
}

int cmd_import(int argc, char **argv, struct cli *cli)
{
	struct import_request rq = {0};
	struct import_batch b = {0};
	struct store_import im = {0};
	struct store *st = NULL;
	enum kansa_err err;
	int rc;

	if ((rc = parse_args(argc, argv, &rq, cli)) != 0)
		return rc;
	if (!(err = record_names(&rq)) &&
	    !(err = cli_open_store(cli, false, &st)))
		err = import_files(st, &rq, &b, &im, &cli->diags);
	if (err == KANSA_ERR_INPUT && !b.passed) {
		size_t n = cli->diags.errors;
		cli_print_diags(cli);
		fprintf(stderr,
			ngettext("kansa import: nothing was imported (%zu "
				 "error)\n",
				 "kansa import: nothing was imported (%zu "
				 "errors)\n",
				 n),
			n);
	} else if (!err) {
		report_results(&b, &im, &cli->diags);
		cli_print_diags(cli);
		print_results(&b, &im);
	}
	import_results_release(&im);
	import_batch_release(&b);
	store_close(st);
	workspace_files_free(found, nfound);
	workspace_files_free(names, rq.nfiles);
	return cli_finish(cli, err);
}
