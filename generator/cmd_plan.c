/* cmd_plan.c: `kansa plan add|update|close|show|list|suggest`. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fileio.h"
#include "render_text.h"
#include "report.h"
#include "text.h"

struct plan_opts {
	const char *sub;       /* add, update ... */
	struct plan_change ch; /* add, update, close: the change asked */
	bool overdue, all;     /* list */
	int format;	       /* list */
	int year;	       /* suggest */
	const char *output;    /* suggest -o */
};

/* --status in English too (plans files keep the Japanese names). */
static const struct cli_value statuses[] = {
	{PLAN_TODO, {"未着手", "todo", "not-started", NULL}},
	{PLAN_DOING, {"対応中", "doing", "in-progress", NULL}},
	{PLAN_DONE, {"完了", "done", NULL}},
	{PLAN_CONFIRMED, {"確認済", "confirmed", NULL}},
	{0, {NULL}},
};

const struct cli_option cmd_plan_options[] = {
	CLI_OPT_AS_OF(N_("the date of the change, or of list's view\n"
			 "(default: today)")),
	{"item", 'i', false, "ITEM",
	 N_("add: the finding's item (may repeat)")},
	{"finding-year", 'F', false, "FY", N_("add: the year of the finding")},
	{"department", 'd', false, "DEPT",
	 N_("add: the department responsible")},
	{"role", 'r', false, "ROLE", N_("add: the role responsible")},
	{"action", 'x', false, "TEXT", N_("add, update: what will be done")},
	{"due", 'u', false, "DATE", N_("add, update: the due date")},
	{"status", 's', false, "S",
	 N_("update: 未着手, 対応中, 完了 or 確認済\n(todo, doing, done, "
	    "confirmed)")},
	{"progress", 'p', false, "N", N_("update: progress, 0 to 100 (%)")},
	{"reason", 'R', false, "TEXT",
	 N_("update: why the due date moves later")},
	{"note", 'n', false, "TEXT", N_("update: a note for the log")},
	{"completed-on", 'c', false, "DATE",
	 N_("close: the completion date (default: --as-of)")},
	{"confirm", 'C', false, NULL, N_("close: confirm (確認済), with --by")},
	{"by", 'b', false, "NAME", N_("close --confirm: the audit chief")},
	{"overdue", 'O', false, NULL, N_("list: only overdue plans")},
	{"all", 'A', false, NULL, N_("list: every plan, 確認済 too")},
	CLI_OPT_FORMAT(N_("list: output format (default: text)")),
	CLI_OPT_YEAR(N_("suggest: the fiscal year of the findings")),
	CLI_OPT_OUTPUT("FILE", N_("suggest: the plans file to write")),
	CLI_OPT_DB,
	CLI_OPT_END,
};

/* Sets an option of plan that takes its value as given; false for others. */
static bool set_plain(struct plan_opts *o, int c)
{
	const char **str = c == 'd'   ? &o->ch.department
			   : c == 'r' ? &o->ch.role
			   : c == 'x' ? &o->ch.action
			   : c == 'R' ? &o->ch.reason
			   : c == 'n' ? &o->ch.note
			   : c == 'b' ? &o->ch.by
			   : c == 'o' ? &o->output
				      : NULL;
	bool *flag = c == 'C'	? &o->ch.confirm
		     : c == 'O' ? &o->overdue
		     : c == 'A' ? &o->all
				: NULL;
	if (str)
		*str = optarg;
	else if (flag)
		*flag = true;
	return str || flag;
}

/* Sets option c of plan from optarg: 0, or the exit code of a usage
 * error it printed. */
static int set_option(struct plan_opts *o, int c, const struct command *cmd)
{
	char *end;

	if (set_plain(o, c))
		return 0;
	switch (c) {
	case 'a':
		return cli_opt_date(cmd, "as-of", optarg, o->ch.as_of);
	case 'i':
		if (o->ch.nitems == PLAN_CHANGE_ITEMS)
			return cli_usage_error(cmd, "too many --item");
		o->ch.items[o->ch.nitems++] = optarg;
		return 0;
	case 'F':
	case 'y':
		if (cli_parse_year(optarg) < 0)
			return cli_usage_error(cmd, "'%s' is not a fiscal year",
					       optarg);
		*(c == 'F' ? &o->ch.finding_year : &o->year) =
			cli_parse_year(optarg);
		return 0;
	case 'u':
		return cli_opt_date(cmd, "due", optarg, o->ch.due);
	case 's':
		if ((o->ch.status = plan_status_parse(optarg)) < 0 &&
		    (o->ch.status = cli_parse_value(statuses, optarg)) < 0)
			return cli_usage_error(
				cmd,
				"unknown status '%s' (expected "
				"未着手, 対応中, 完了 or 確認済, or "
				"todo, doing, done or confirmed)",
				optarg);
		return 0;
	case 'p':
		o->ch.progress = (int)strtol(optarg, &end, 10);
		if (end == optarg || *end || o->ch.progress < 0 ||
		    o->ch.progress > 100)
			return cli_usage_error(cmd, "--progress is 0 to 100");
		return 0;
	case 'c':
		return cli_opt_date(cmd, "completed-on", optarg,
				    o->ch.completed_on);
	case 'f':
		if ((o->format = cli_parse_format(optarg)) < 0)
			return cli_usage_error(cmd, "unknown format");
		return 0;
	default:
		return cli_usage_error(cmd, "unknown option");
	}
}

static int parse(int argc, char **argv, struct plan_opts *o, struct cli *cli)
{
	struct cli_parser p;
	const struct command *cmd = cli_find("plan");
	int c, rc = 0;

	memset(o, 0, sizeof(*o));
	o->ch.status = o->ch.progress = -1;
	cli_today(o->ch.as_of);
	cli_parse_start(&p, cmd, cli);
	while (!rc && (c = cli_parse_next(&p, argc, argv)) != -1)
		rc = set_option(o, c, cmd);
	if (rc)
		return rc;
	if (optind >= argc)
		return cli_usage_error(cmd, "expected add, update, close, "
					    "show, list or suggest");
	o->sub = argv[optind++];
	if (strcmp(o->sub, "list") && strcmp(o->sub, "suggest")) {
		if (optind >= argc)
			return cli_usage_error(cmd, "plan %s needs a plan ID",
					       o->sub);
		o->ch.id = argv[optind++];
	}
	if (optind != argc)
		return cli_usage_error(cmd, "unexpected argument '%s'",
				       argv[optind]);
	return 0;
}

/* kansa plan add|update|close: the change by plans' rules, then saved. */
static enum kansa_err change(struct store *st, const struct plan *plans,
			     size_t n, struct plan_opts *o, struct diags *d)
{
	struct plan p = {0};
	bool unchanged = false, added;
	enum kansa_err err;

	o->ch.kind = !strcmp(o->sub, "add")	? PLAN_CHANGE_ADD
		     : !strcmp(o->sub, "close") ? PLAN_CHANGE_CLOSE
						: PLAN_CHANGE_UPDATE;
	added = !plans_find(plans, n, o->ch.id);
	err = plans_apply_change(plans, n, &o->ch, &p, &unchanged, d);
	if (!err && unchanged)
		printf(_("%s: unchanged\n"), o->ch.id);
	else if (!err && !(err = store_save_plan(st, &p, d)))
		printf(_("%s: %s %d%%, due %s (%s)\n"), p.id,
		       plan_status_name(p.status), p.progress, p.due,
		       added ? "added" : "updated");
	plan_release(&p);
	return err;
}

/* kansa plan suggest: skeletons (plans.c's rule) for the findings of the
 * year's report model, written to -o or printed. */
static enum kansa_err suggest(struct store *st, const struct plan_opts *o,
			      struct diags *d)
{
	struct report_options ro = {
		.year = o->year, .as_of = o->ch.as_of, .against = -1};
	struct report r;
	struct plan_need *needs = NULL;
	struct sbuf b = {0};
	enum kansa_err err;
	size_t n;

	if (!o->year) {
		diags_add(d, DIAG_ERROR, NULL, 0,
			  "plan suggest needs --year FY");
		return KANSA_ERR_USAGE;
	}
	if ((err = report_gather(st, &ro, &r, d)))
		goto out;
	err = KANSA_ERR_NOMEM;
	if (!(needs = calloc(r.findings.n + 1, sizeof(*needs))))
		goto out;
	for (size_t i = 0; i < r.findings.n; i++) {
		const struct finding *f = &r.findings.v[i];
		needs[i] = (struct plan_need){
			.item_id = f->item->item->id,
			.department = f->where,
			.grade = f->grade,
			.candidate = f->candidate,
			.finding = f->audit && *f->audit->finding
					   ? f->audit->finding
					   : f->reason,
			.recommendation =
				f->audit ? f->audit->recommendation : ""};
	}
	n = plans_suggest(&b, r.year, r.era, o->ch.as_of, needs, r.findings.n,
			  r.plans, r.nplans);
	if (b.oom) {
		err = KANSA_ERR_NOMEM;
	} else if (o->output) {
		err = fileio_write_atomic(o->output, b.s, b.len, d);
		if (!err)
			printf(_("%s: %zu plan skeletons\n"), o->output, n);
	} else {
		fputs(b.s, stdout);
		err = KANSA_OK;
	}
out:
	free(needs);
	sbuf_release(&b);
	report_release(&r);
	return err;
}

int cmd_plan(int argc, char **argv, struct cli *cli)
{
	struct plan_opts o;
	struct store *st = NULL;
	struct plan *plans = NULL;
	struct plan_log_entry *log = NULL;
	size_t n = 0, nlog = 0;
	enum kansa_err err;
	int rc;

	if ((rc = parse(argc, argv, &o, cli)) != 0)
		return rc;
	if ((err = cli_open_store(cli, false, &st)) ||
	    (err = store_load_plans(st, &plans, &n, &cli->diags)))
		goto out;
	if (strcmp(o.sub, "list") == 0) {
		render_text_plans(stdout, plans, n, o.ch.as_of, o.all,
				  o.overdue,
				  o.format == FORMAT_TSV    ? RENDER_TSV
				  : o.format == FORMAT_JSON ? RENDER_JSON
							    : RENDER_TEXT);
	} else if (strcmp(o.sub, "show") == 0) {
		const struct plan *p = plans_find(plans, n, o.ch.id);
		if (!p) {
			diags_add(&cli->diags, DIAG_ERROR, NULL, 0,
				  "no plan '%s'", o.ch.id);
			err = KANSA_ERR_NOTFOUND;
		} else if (!(err = store_load_plan_log(st, o.ch.id, &log, &nlog,
						       &cli->diags))) {
			render_text_plan(stdout, p, log, nlog, o.ch.as_of);
		}
	} else if (strcmp(o.sub, "suggest") == 0) {
		err = suggest(st, &o, &cli->diags);
	} else if (!strcmp(o.sub, "add") || !strcmp(o.sub, "update") ||
		   !strcmp(o.sub, "close")) {
		err = change(st, plans, n, &o, &cli->diags);
	} else {
		store_close(st);
		return cli_usage_error(cli_find("plan"),
				       "unknown plan command "
				       "'%s'",
				       o.sub);
	}
out:
	for (size_t i = 0; i < n; i++)
		plan_release(&plans[i]);
	free(plans);
	store_plan_log_release(log, nlog);
	store_close(st);
	return cli_finish(cli, err);
}
