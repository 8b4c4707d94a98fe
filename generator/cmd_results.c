/* cmd_results.c: `kansa score`, `kansa findings` and `kansa diff`: the
 * year's report model rendered as text, TSV or JSON. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fileio.h"
#include "render_text.h"
#include "report.h"
#include "text.h"

struct results_opts {
	struct report_options r; /* year, against, as-of, templates */
	char as_of[11];		 /* storage for r.as_of */
	int format;		 /* RENDER_* */
	int by;			 /* score: group kind */
	int view;		 /* score: -1 both, or a score_view */
	bool all;		 /* diff: every item */
	bool candidates;	 /* findings: only the undecided */
	const char *skeleton;	 /* findings: write audit-file sections */
};

/* --by and --view, in English or Japanese. */
static const struct cli_value groups[] = {
	{GROUP_CHAPTER, {"章", "chapter", NULL}},
	{GROUP_SECTION, {"節", "section", NULL}},
	{GROUP_ROLE, {"役割", "role", NULL}},
	{GROUP_DEPARTMENT, {"部署", "department", NULL}},
	{GROUP_SYSTEM, {"システム", "system", NULL}},
	{0, {NULL}},
};
static const struct cli_value views[] = {
	{VIEW_SELF, {"自己評価", "self", "自己", NULL}},
	{VIEW_AUDIT, {"監査評価", "audit", "監査", NULL}},
	{0, {NULL}},
};

#define OPT_AGAINST                                                            \
	{                                                                      \
		"against", 'g', false, "FY",                                   \
			N_("the year shown beside (default: the one\n"         \
			   "before with answers)")                             \
	}

const struct cli_option cmd_score_options[] = {
	CLI_OPT_YEAR(N_("the fiscal year")),
	{"by", 'b', false, "KIND",
	 N_("chapter (default), section, role,\ndepartment or system (章, 節, "
	    "役割, 部署,\nシステム)")},
	{"view", 'v', false, "self|audit",
	 N_("only one view (default: both; 自己評価\nor 監査評価)")},
	CLI_OPT_AS_OF(N_("evidence expiry (default: today)")),
	OPT_AGAINST,
	CLI_OPT_FORMAT(N_("output format (default: text)")),
	CLI_OPT_TEMPLATES(N_("where scoring.ini is")),
	CLI_OPT_DB,
	CLI_OPT_END,
};

const struct cli_option cmd_findings_options[] = {
	CLI_OPT_YEAR(N_("the fiscal year")),
	CLI_OPT_AS_OF(N_("evidence expiry (default: today)")),
	CLI_OPT_FORMAT(N_("output format (default: text)")),
	{"candidates", 'C', false, NULL,
	 N_("only the candidates (候補) the audit file\nhas not decided")},
	{"skeleton", 'S', false, "FILE|-",
	 N_("write an audit-file section for each\nundecided candidate")},
	CLI_OPT_DB,
	CLI_OPT_END,
};

const struct cli_option cmd_diff_options[] = {
	CLI_OPT_YEAR(N_("the fiscal year")),
	OPT_AGAINST,
	{"all", 'A', false, NULL,
	 N_("list the items that stayed met (維持) too")},
	CLI_OPT_AS_OF(
		N_("evidence expiry and overdue plans (default:\ntoday)")),
	CLI_OPT_FORMAT(N_("output format (default: text)")),
	CLI_OPT_TEMPLATES(N_("where scoring.ini is")),
	CLI_OPT_DB,
	CLI_OPT_END,
};

static int parse(int argc, char **argv, const struct command *cmd,
		 struct results_opts *o, struct cli *cli)
{
	struct cli_parser p;
	int c, rc;

	memset(o, 0, sizeof(*o));
	o->r.year = -1;
	o->view = -1;
	cli_today(o->as_of);
	cli_parse_start(&p, cmd, cli);
	while ((c = cli_parse_next(&p, argc, argv)) != -1) {
		switch (c) {
		case 'y':
			if ((rc = cli_opt_year(cmd, optarg, &o->r.year)) != 0)
				return rc;
			break;
		case 'a':
			if ((rc = cli_opt_date(cmd, "as-of", optarg,
					       o->as_of)) != 0)
				return rc;
			break;
		case 'g':
			if ((o->r.against = cli_parse_year(optarg)) < 0)
				return cli_usage_error(cmd,
						       "--against '%s' is "
						       "not a fiscal year",
						       optarg);
			break;
		case 'f':
			if ((o->format = cli_parse_format(optarg)) < 0)
				return cli_usage_error(cmd,
						       "unknown format '%s' "
						       "(expected text, "
						       "tsv or json)",
						       optarg);
			break;
		case 'b':
			if ((o->by = cli_parse_value(groups, optarg)) < 0)
				return cli_usage_error(
					cmd,
					"unknown --by '%s' (expected "
					"chapter, section, role, "
					"department or system: 章, 節, 役割, "
					"部署 or システム)",
					optarg);
			break;
		case 'v':
			if ((o->view = cli_parse_value(views, optarg)) < 0)
				return cli_usage_error(cmd,
						       "unknown --view '%s' "
						       "(expected self or "
						       "audit: 自己評価 or "
						       "監査評価)",
						       optarg);
			break;
		case 'A':
			o->all = true;
			break;
		case 'C':
			o->candidates = true;
			break;
		case 'S':
			o->skeleton = optarg;
			break;
		case 'T':
			o->r.templates = optarg;
			break;
		default:
			return cli_usage_error(cmd, "unknown option");
		}
	}
	if (o->r.year < 0 || optind != argc)
		return cli_usage_error(cmd, "expected --year FY");
	o->r.as_of = o->as_of;
	return 0;
}

/* Writes the audit-file sections of the undecided candidates to path
 * ("-": standard output). */
static enum kansa_err write_skeleton(const struct report *r, const char *path,
				     struct diags *d)
{
	char *text = render_text_skeleton(r);
	enum kansa_err err = KANSA_OK;
	size_t n = 0;

	if (!text)
		return KANSA_ERR_NOMEM;
	for (size_t i = 0; i < r->findings.n; i++)
		n += r->findings.v[i].candidate;
	if (strcmp(path, "-") == 0)
		fputs(text, stdout);
	else if (!(err = fileio_write_atomic(path, text, strlen(text), d)))
		printf("%s: %zu candidate sections\n", path, n);
	free(text);
	return err;
}

/* Gathers the report of the options and renders it with what. */
static int run(int argc, char **argv, struct cli *cli, const char *name,
	       int what)
{
	struct results_opts o;
	struct report r;
	struct store *st = NULL;
	enum kansa_err err;
	int rc;

	if ((rc = parse(argc, argv, cli_find(name), &o, cli)) != 0)
		return rc;
	memset(&r, 0, sizeof(r));
	/* one read transaction: one committed state (issue 11) */
	if ((err = cli_open_store(cli, false, &st)) ||
	    (err = store_read_begin(st, &cli->diags)) ||
	    (err = report_gather(st, &o.r, &r, &cli->diags)))
		goto out;
	store_read_end(st);
	if (what == 0) {
		render_text_score(stdout, &r, (enum score_group_kind)o.by,
				  o.view, (enum render_format)o.format);
	} else if (what == 1 && o.skeleton) {
		err = write_skeleton(&r, o.skeleton, &cli->diags);
	} else if (what == 1 && o.candidates) {
		render_text_candidates(stdout, &r,
				       (enum render_format)o.format);
	} else if (what == 1) {
		render_text_findings(stdout, &r, (enum render_format)o.format);
	} else if (!r.prev_year) {
		diags_add(&cli->diags, DIAG_ERROR, NULL, 0,
			  "no earlier fiscal year with answers to compare "
			  "%d with",
			  o.r.year);
		err = KANSA_ERR_NOTFOUND;
	} else {
		render_text_diff(stdout, &r, o.all,
				 (enum render_format)o.format);
	}
out:
	report_release(&r);
	store_close(st);
	return cli_finish(cli, err);
}

int cmd_score(int argc, char **argv, struct cli *cli)
{
	return run(argc, argv, cli, "score", 0);
}

int cmd_findings(int argc, char **argv, struct cli *cli)
{
	return run(argc, argv, cli, "findings", 1);
}

int cmd_diff(int argc, char **argv, struct cli *cli)
{
	return run(argc, argv, cli, "diff", 2);
}
