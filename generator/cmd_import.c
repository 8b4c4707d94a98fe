/* cmd_import.c: `kansa import`: answer sheets and evidence registers,
 * validated whole, stored all or nothing. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "audit.h"
#include "cli.h"
#include "workspace.h"
#include "evidence.h"
#include "ini.h"
#include "names.h"
#include "plans.h"
#include "run_result.h"
#include "xlsx_import.h"

struct import_opts {
	int year;	    /* --year */
	const char *spec;   /* --policy */
	bool allow_missing; /* --allow-missing-evidence */
	bool complete;	    /* --complete: every sheet of the year */
	char **files;	    /* the files */
	int nfiles;	    /* how many */
	char **found;	    /* the workspace's files, when none given */
	size_t nfound;	    /* how many */
};

struct batch {
	struct answer_sheet *sheets; /* read sheets */
	size_t nsheets;
	struct evidence_register *registers; /* read registers */
	size_t nregisters;
	struct audit_file *audits; /* read audit files */
	size_t naudits;
	struct plan_file *plan_files; /* read plans files */
	size_t nplan_files;
	struct plan *stored_plans; /* the plans already stored */
	size_t nstored;
	struct evidence_register stored; /* evidence already stored */
};

static void batch_release(struct batch *b)
{
	for (size_t i = 0; i < b->nsheets; i++)
		answers_release(&b->sheets[i]);
	for (size_t i = 0; i < b->nregisters; i++)
		evidence_release(&b->registers[i]);
	for (size_t i = 0; i < b->naudits; i++)
		audit_release(&b->audits[i]);
	for (size_t i = 0; i < b->nplan_files; i++)
		plan_file_release(&b->plan_files[i]);
	for (size_t i = 0; i < b->nstored; i++)
		plan_release(&b->stored_plans[i]);
	free(b->audits);
	free(b->plan_files);
	free(b->stored_plans);
	evidence_release(&b->stored);
	free(b->sheets);
	free(b->registers);
}

/* Reads one file of either kind into the batch. */
static enum kansa_err read_file(const char *path, const struct import_opts *o,
				const struct checklist *cl, const char *base,
				struct batch *b, struct diags *d)
{
	static const char *const kinds[] = {"answers", "evidence", "audit",
					    "plans", NULL};
	struct ini_file *f = NULL;
	struct xlsx_import xi = {0};
	size_t first = d->n;
	enum kansa_err err;

	/* a workbook kansa wrote comes back as the INI file it stands for */
	if (xlsx_import_is_xlsx(path)) {
		err = xlsx_import_read(path, cl, o->year, d, &xi);
		f = xi.ini;
		xi.ini = NULL;
	} else {
		err = ini_load(path, kinds, d, &f);
	}
	if (err) {
		xlsx_import_release(&xi);
		return err;
	}
	if (strcmp(f->kind, "evidence") == 0) {
		struct evidence_register *reg = &b->registers[b->nregisters++];
		err = evidence_read(f, cl, o->year, d, reg);
		if (err != KANSA_ERR_NOMEM) {
			enum kansa_err e2 =
				evidence_hash(reg, base, o->allow_missing, d);
			if (!err || e2 == KANSA_ERR_NOMEM)
				err = e2;
		}
	} else if (strcmp(f->kind, "audit") == 0) {
		err = audit_read(f, cl, o->year, d, &b->audits[b->naudits++]);
	} else if (strcmp(f->kind, "plans") == 0) {
		err = plans_read(f, cl, d, &b->plan_files[b->nplan_files++]);
	} else {
		err = answers_read(f, cl, o->year, d, &b->sheets[b->nsheets++]);
		/* the names that identify a respondent, normalised here once */
		if (err != KANSA_ERR_NOMEM &&
		    !names_normalise_sheet(&b->sheets[b->nsheets - 1]))
			err = KANSA_ERR_NOMEM;
	}
	ini_free(f);
	xlsx_import_relocate(&xi, path, d, first);
	xlsx_import_release(&xi);
	return err;
}

/* The evidence record with this ID, from this import or the store. */
static const struct evidence_record *find_evidence(const struct batch *b,
						   const char *id)
{
	for (size_t r = 0; r < b->nregisters; r++)
		for (size_t i = 0; i < b->registers[r].n; i++)
			if (strcmp(b->registers[r].records[i].id, id) == 0)
				return &b->registers[r].records[i];
	for (size_t i = 0; i < b->stored.n; i++)
		if (strcmp(b->stored.records[i].id, id) == 0)
			return &b->stored.records[i];
	return NULL;
}

static void check_evidence_links(const struct batch *b, struct diags *d)
{
	for (size_t s = 0; s < b->nsheets; s++) {
		const struct answer_sheet *sh = &b->sheets[s];
		for (size_t i = 0; i < sh->nanswers; i++) {
			const struct answer *a = &sh->answers[i];
			for (size_t k = 0; k < a->nevidence; k++) {
				const struct evidence_record *e =
					find_evidence(b, a->evidence[k]);
				if (!e)
					diags_add(d, DIAG_ERROR, sh->path,
						  a->line,
						  "unknown evidence ID '%s' "
						  "cited by [%s] (not in any "
						  "imported evidence register "
						  "of %d)",
						  a->evidence[k], a->item_id,
						  sh->fiscal_year);
				else if (*e->clauses &&
					 !evidence_lists_item(e->clauses,
							      a->item_id))
					diags_add(d, DIAG_WARNING, sh->path,
						  a->line,
						  "evidence '%s' cited by [%s] "
						  "does not list it in its "
						  "clauses (%s)",
						  e->id, a->item_id,
						  e->clauses);
			}
		}
	}
}

/* Two files in one import may not be the same respondent or evidence. */
static void check_duplicates(const struct batch *b, struct diags *d)
{
	for (size_t i = 0; i < b->nsheets; i++)
		for (size_t j = 0; j < i; j++) {
			const struct answer_sheet *x = &b->sheets[i];
			const struct answer_sheet *y = &b->sheets[j];
			if (x->department && y->department && x->role &&
			    y->role &&
			    strcmp(x->department, y->department) == 0 &&
			    strcmp(x->role, y->role) == 0 &&
			    strcmp(x->system, y->system) == 0)
				diags_add(d, DIAG_ERROR, x->path, 1,
					  "the same respondent (%s / %s%s%s) "
					  "as %s: import one sheet per "
					  "respondent",
					  x->department, x->role,
					  *x->system ? " / " : "", x->system,
					  y->path);
		}
	for (size_t r = 0; r < b->nregisters; r++)
		for (size_t i = 0; i < b->registers[r].n; i++)
			for (size_t q = 0; q <= r; q++)
				for (size_t j = 0;
				     j < (q == r ? i : b->registers[q].n); j++)
					if (strcmp(b->registers[r]
							   .records[i]
							   .id,
						   b->registers[q]
							   .records[j]
							   .id) == 0)
						diags_add(
							d, DIAG_ERROR,
							b->registers[r].path,
							b->registers[r]
								.records[i]
								.line,
							"evidence ID '%s' is "
							"also in %s (line %ld)",
							b->registers[r]
								.records[i]
								.id,
							b->registers[q].path,
							b->registers[q]
								.records[j]
								.line);
}

/* The version of plan id that a change is checked against: the latest
 * one earlier in this import, else the stored one. */
static const struct plan *previous_plan(const struct batch *b,
					const struct plan_file *upto,
					size_t upto_plan, const char *id,
					const size_t *order, size_t pos)
{
	const struct plan *found = NULL;
	for (size_t k = 0; k <= pos; k++) {
		const struct plan_file *f = &b->plan_files[order[k]];
		size_t n = f == upto ? upto_plan : f->n;
		for (size_t i = 0; i < n; i++)
			if (strcmp(f->plans[i].id, id) == 0)
				found = &f->plans[i];
	}
	for (size_t i = 0; !found && i < b->nstored; i++)
		if (strcmp(b->stored_plans[i].id, id) == 0)
			found = &b->stored_plans[i];
	return found;
}

/* Checks each plan change against the version before it, the files taken
 * in the order of their as_of dates. */
static bool check_plans(struct batch *b, struct diags *d)
{
	size_t *order = calloc(b->nplan_files + 1, sizeof(*order));
	if (!order)
		return false;
	for (size_t i = 0; i < b->nplan_files; i++) {
		size_t k = i;
		for (; k > 0 && strcmp(b->plan_files[order[k - 1]].as_of,
				       b->plan_files[i].as_of) > 0;
		     k--)
			order[k] = order[k - 1];
		order[k] = i;
	}
	for (size_t pos = 0; pos < b->nplan_files; pos++) {
		struct plan_file *f = &b->plan_files[order[pos]];
		const char *role = answers_role_name(f->role);
		bool chief =
			role &&
			strcmp(role, "情報セキュリティ監査統括責任者") == 0;
		for (size_t i = 0; i < f->n; i++) {
			const struct plan *old = previous_plan(
				b, f, i, f->plans[i].id, order, pos);
			f->plans[i].unchanged = plans_check_change(
				old, &f->plans[i], chief, f->path, d);
		}
	}
	free(order);
	return true;
}

static const char *result_name(enum store_import_result r)
{
	return r == IMPORT_NEW	      ? "new"
	       : r == IMPORT_REPLACED ? "replaced; the previous answers are "
					"kept in the history"
				      : "unchanged: imported before";
}

static void print_results(const struct batch *b, const struct store_import *im)
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
static void report_results(const struct batch *b, const struct store_import *im,
			   const struct diags *d)
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

/* No FILE in a workspace: every file of the year its kansa.ini points to
 * (as kansa run imports them). */
static int workspace_inputs(const struct command *cmd, struct import_opts *o,
			    struct cli *cli)
{
	enum kansa_err err = workspace_current_files(o->year, &o->found,
						     &o->nfound, &cli->diags);
	if (err)
		return cli_finish(cli, err);
	if (!o->nfound)
		return cli_usage_error(cmd,
				       _("no files of %d in the workspace "
					 "(kansa.ini [files]): name them"),
				       o->year);
	o->files = o->found;
	o->nfiles = (int)o->nfound;
	return 0;
}

static int parse_args(int argc, char **argv, struct import_opts *o,
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
	o->nfiles = argc - optind;
	return 0;
}

/* Near-duplicate departments among the sheets and the year's stored
 * respondents are warned about (issue 11). */
static enum kansa_err warn_near(struct store *st, int year,
				const struct batch *b, struct diags *d)
{
	struct store_respondent *v = NULL;
	size_t n = 0;
	enum kansa_err err = store_list_respondents(st, year, &v, &n, d);
	if (!err)
		names_warn_near(b->sheets, b->nsheets, v, n, d);
	/* kansa.ini's list of departments, when it has one */
	if (!err)
		err = names_check_departments(b->sheets, b->nsheets, d);
	store_respondents_release(v, n);
	return err;
}

int cmd_import(int argc, char **argv, struct cli *cli)
{
	struct import_opts o = {0};
	struct batch b = {0};
	struct store_import im = {0};
	struct checklist cl;
	struct store *st = NULL;
	enum kansa_err err = KANSA_OK;
	int rc;

	if ((rc = parse_args(argc, argv, &o, cli)) != 0)
		return rc;
	checklist_init(&cl);
	b.sheets = calloc((size_t)o.nfiles, sizeof(*b.sheets));
	b.registers = calloc((size_t)o.nfiles, sizeof(*b.registers));
	im.sheet_result = calloc((size_t)o.nfiles, sizeof(*im.sheet_result));
	im.register_result =
		calloc((size_t)o.nfiles, sizeof(*im.register_result));
	b.audits = calloc((size_t)o.nfiles, sizeof(*b.audits));
	b.plan_files = calloc((size_t)o.nfiles, sizeof(*b.plan_files));
	im.audit_result = calloc((size_t)o.nfiles, sizeof(*im.audit_result));
	im.plan_result = calloc((size_t)o.nfiles, sizeof(*im.plan_result));
	if (!b.sheets || !b.registers || !im.sheet_result ||
	    !im.register_result || !b.audits || !b.plan_files ||
	    !im.audit_result || !im.plan_result) {
		err = KANSA_ERR_NOMEM;
		goto out;
	}
	if ((err = cli_open_store(cli, false, &st)) ||
	    (err = store_quick_check(st, &cli->diags)) ||
	    (err = store_year_checklist(st, o.year, o.spec, &cl, &im.policy_id,
					&cli->diags)) ||
	    (err = store_load_evidence(st, o.year, &b.stored, &cli->diags)) ||
	    (err = store_load_plans(st, &b.stored_plans, &b.nstored,
				    &cli->diags)))
		goto out;
	/* read everything, collecting every problem of every file */
	for (int i = 0; i < o.nfiles; i++) {
		enum kansa_err e = read_file(o.files[i], &o, &cl, store_dir(st),
					     &b, &cli->diags);
		if (e == KANSA_ERR_NOMEM) {
			err = e;
			goto out;
		}
	}
	check_duplicates(&b, &cli->diags);
	if ((err = warn_near(st, o.year, &b, &cli->diags)))
		goto out;
	check_evidence_links(&b, &cli->diags);
	if (b.naudits > 1)
		diags_add(
			&cli->diags, DIAG_ERROR, b.audits[1].path, 1,
			"a second audit file for %d (the first is %s): import "
			"one",
			o.year, b.audits[0].path);
	if (!check_plans(&b, &cli->diags)) {
		err = KANSA_ERR_NOMEM;
		goto out;
	}
	if (cli->diags.errors) {
		size_t n = cli->diags.errors;
		cli_print_diags(cli);
		fprintf(stderr,
			ngettext("kansa import: nothing was imported (%zu "
				 "error)\n",
				 "kansa import: nothing was imported (%zu "
				 "errors)\n",
				 n),
			n);
		err = KANSA_ERR_INPUT;
		goto out;
	}
	im.year = o.year;
	im.sheets = b.sheets;
	im.nsheets = b.nsheets;
	im.registers = b.registers;
	im.nregisters = b.nregisters;
	im.audits = b.audits;
	im.naudits = b.naudits;
	im.plan_files = b.plan_files;
	im.nplan_files = b.nplan_files;
	im.complete = o.complete;
	if ((err = store_import(st, &im, &cli->diags)))
		goto out;
	report_results(&b, &im, &cli->diags);
	cli_print_diags(cli);
	print_results(&b, &im);
out:
	if (err && err != KANSA_ERR_INPUT)
		cli_print_diags(cli);
	free(im.sheet_result);
	free(im.register_result);
	free(im.audit_result);
	free(im.plan_result);
	batch_release(&b);
	store_close(st);
	checklist_release(&cl);
	workspace_files_free(o.found, o.nfound);
	return cli_finish(cli, err);
}
