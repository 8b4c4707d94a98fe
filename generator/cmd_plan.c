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
	const char *id;	       /* the plan */
	char as_of[11];	       /* --as-of, default today */
	const char *items[16]; /* --item */
	size_t nitems;
	int finding_year;	/* --finding-year */
	const char *department; /* --department */
	const char *role;	/* --role */
	const char *action;	/* --action */
	char due[11];		/* --due */
	int status;		/* --status, or -1 */
	int progress;		/* --progress, or -1 */
	const char *reason;	/* --reason */
	const char *note;	/* --note */
	char completed_on[11];	/* --completed-on */
	bool confirm;		/* --confirm */
	const char *by;		/* --by */
	bool overdue, all;	/* list */
	int format;		/* list */
	int year;		/* suggest */
	const char *output;	/* suggest -o */
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
	const char **str = c == 'd'   ? &o->department
			   : c == 'r' ? &o->role
			   : c == 'x' ? &o->action
			   : c == 'R' ? &o->reason
			   : c == 'n' ? &o->note
			   : c == 'b' ? &o->by
			   : c == 'o' ? &o->output
				      : NULL;
	bool *flag = c == 'C'	? &o->confirm
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
		return cli_opt_date(cmd, "as-of", optarg, o->as_of);
	case 'i':
		if (o->nitems == 16)
			return cli_usage_error(cmd, "too many --item");
		o->items[o->nitems++] = optarg;
		return 0;
	case 'F':
	case 'y':
		if (cli_parse_year(optarg) < 0)
			return cli_usage_error(cmd, "'%s' is not a fiscal year",
					       optarg);
		*(c == 'F' ? &o->finding_year : &o->year) =
			cli_parse_year(optarg);
		return 0;
	case 'u':
		return cli_opt_date(cmd, "due", optarg, o->due);
	case 's':
		if ((o->status = plan_status_parse(optarg)) < 0 &&
		    (o->status = cli_parse_value(statuses, optarg)) < 0)
			return cli_usage_error(
				cmd,
				"unknown status '%s' (expected "
				"未着手, 対応中, 完了 or 確認済, or "
				"todo, doing, done or confirmed)",
				optarg);
		return 0;
	case 'p':
		o->progress = (int)strtol(optarg, &end, 10);
		if (end == optarg || *end || o->progress < 0 ||
		    o->progress > 100)
			return cli_usage_error(cmd, "--progress is 0 to 100");
		return 0;
	case 'c':
		return cli_opt_date(cmd, "completed-on", optarg,
				    o->completed_on);
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
	o->status = o->progress = -1;
	cli_today(o->as_of);
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
		o->id = argv[optind++];
	}
	if (optind != argc)
		return cli_usage_error(cmd, "unexpected argument '%s'",
				       argv[optind]);
	return 0;
}

static struct plan *find_plan(struct plan *v, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].id, id) == 0)
			return &v[i];
	return NULL;
}

static bool set_str(char **dst, const char *v)
{
	char *n;
	if (!v)
		return true;
	if (!(n = strdup(v)))
		return false;
	free(*dst);
	*dst = n;
	return true;
}

/* Applies the options to a plan (a copy of the stored one, or new). */
static bool apply(struct plan *p, const struct plan_opts *o)
{
	char src[256];
	snprintf(src, sizeof(src), "kansa plan %s%s%s", o->sub,
		 o->by ? " by " : "", o->by ? o->by : "");
	if (o->nitems) {
		for (size_t i = 0; i < p->nitems; i++)
			free(p->items[i]);
		free(p->items);
		if (!(p->items = calloc(o->nitems, sizeof(*p->items))))
			return false;
		p->nitems = 0;
		for (size_t i = 0; i < o->nitems; i++)
			if (!(p->items[p->nitems++] = strdup(o->items[i])))
				return false;
	}
	if (o->finding_year)
		p->finding_year = o->finding_year;
	if (o->status >= 0)
		p->status = (enum plan_status)o->status;
	if (o->progress >= 0)
		p->progress = o->progress;
	return set_str(&p->department, o->department) &&
	       set_str(&p->role, o->role) && set_str(&p->action, o->action) &&
	       set_str(&p->due, *o->due ? o->due : NULL) &&
	       set_str(&p->notes, o->note) &&
	       set_str(&p->completed_on,
		       *o->completed_on ? o->completed_on : NULL) &&
	       set_str(&p->reason, o->reason ? o->reason : "") &&
	       set_str(&p->as_of, o->as_of) && set_str(&p->source, src);
}

static enum kansa_err change(struct store *st, struct plan *plans, size_t n,
			     const struct plan_opts *o, struct diags *d)
{
	struct plan *old = find_plan(plans, n, o->id), p;
	enum kansa_err err = KANSA_ERR_NOMEM;
	size_t errors = d->errors;

	if (strcmp(o->sub, "add") == 0 && old) {
		diags_add(d, DIAG_ERROR, NULL, 0,
			  "plan '%s' exists already (use 'kansa plan update')",
			  o->id);
		return KANSA_ERR_INPUT;
	}
	if (strcmp(o->sub, "add") != 0 && !old) {
		diags_add(d, DIAG_ERROR, NULL, 0, "no plan '%s'", o->id);
		return KANSA_ERR_NOTFOUND;
	}
	if (old ? !plan_copy(&p, old) : !plan_copy(&p, &(struct plan){0}))
		goto out;
	if (!set_str(&p.id, o->id) || !apply(&p, o))
		goto out;
	if (strcmp(o->sub, "close") == 0) {
		if (o->confirm && old->status != PLAN_DONE &&
		    old->status != PLAN_CONFIRMED)
			diags_add(d, DIAG_ERROR, NULL, 0,
				  "plan '%s' is %s: it can be confirmed "
				  "(確認済) once it is 完了",
				  o->id, plan_status_name(old->status));
		if (o->confirm && !o->by)
			diags_add(d, DIAG_ERROR, NULL, 0,
				  "--confirm needs --by NAME: the audit chief "
				  "who confirms it");
		p.status = o->confirm ? PLAN_CONFIRMED : PLAN_DONE;
		p.progress = 100;
		if (!*p.completed_on && !set_str(&p.completed_on, o->as_of))
			goto out;
	}
	if (strcmp(o->sub, "add") == 0 &&
	    (!p.nitems || !p.finding_year || !*p.department || !*p.action ||
	     !*p.due))
		diags_add(d, DIAG_ERROR, NULL, 0,
			  "plan add needs --item, --finding-year, "
			  "--department, --action and --due");
	if (plans_check_change(old, &p, o->confirm, NULL, d) && old) {
		printf("%s: unchanged\n", o->id);
		err = KANSA_OK;
	} else if (d->errors > errors) {
		err = KANSA_ERR_INPUT;
	} else if (!(err = store_save_plan(st, &p, d))) {
		printf("%s: %s %d%%, due %s (%s)\n", p.id,
		       plan_status_name(p.status), p.progress, p.due,
		       old ? "updated" : "added");
	}
out:
	plan_release(&p);
	return err;
}

static bool plan_taken(const struct report *r, const char *id)
{
	for (size_t i = 0; i < r->nplans; i++)
		if (strcmp(r->plans[i].id, id) == 0)
			return true;
	return false;
}

/* Plan skeletons for 重大/軽微 findings that no plan addresses. */
static enum kansa_err suggest(struct store *st, const struct plan_opts *o,
			      struct diags *d)
{
	struct report_options ro = {
		.year = o->year, .as_of = o->as_of, .against = -1};
	struct report r;
	struct sbuf b = {0};
	enum kansa_err err;
	size_t n = 0, seq = 0;

	if (!o->year) {
		diags_add(d, DIAG_ERROR, NULL, 0,
			  "plan suggest needs --year FY");
		return KANSA_ERR_USAGE;
	}
	if ((err = report_gather(st, &ro, &r, d)))
		goto out;
	sbuf_printf(&b,
		    "; 改善計画の案 / plan skeletons for the findings of "
		    "%s (%d)\n; Fill in action, due and owner, then "
		    "import this file.\n[kansa]\nkind = plans\n"
		    "as_of = %s\nreported_by = \nrole = \n",
		    r.era, r.year, o->as_of);
	for (size_t i = 0; i < r.findings.n; i++) {
		const struct finding *f = &r.findings.v[i];
		const char *id = f->item->item->id;
		bool covered = false;
		struct plan p = {0};
		char pid[64], *items[1];
		if (f->grade != GRADE_MAJOR && f->grade != GRADE_MINOR)
			continue;
		for (size_t k = 0; k < r.nplans && !covered; k++)
			covered = plan_has_item(&r.plans[k], id);
		if (covered)
			continue;
		do /* the next ID no plan has */
			snprintf(pid, sizeof(pid), "KP-%d-%03zu", r.year,
				 ++seq);
		while (plan_taken(&r, pid));
		n++;
		items[0] = (char *)id;
		p.id = pid;
		p.items = items;
		p.nitems = 1;
		p.finding_year = r.year;
		p.department = f->where;
		p.role = (char *)"";
		p.action = (char *)"";
		p.due = (char *)"";
		p.completed_on = (char *)"";
		p.notes = (char *)finding_grade_name(f->grade);
		sbuf_printf(&b, "\n; %s%s %s: %s\n",
			    finding_grade_name(f->grade),
			    f->candidate ? "（候補、未決定）" : "", id,
			    f->audit && *f->audit->finding ? f->audit->finding
							   : f->reason);
		if (f->audit && *f->audit->recommendation)
			sbuf_printf(&b, "; 改善提言: %s\n",
				    f->audit->recommendation);
		plans_format(&b, &p);
	}
	if (b.oom) {
		err = KANSA_ERR_NOMEM;
	} else if (o->output) {
		err = fileio_write_atomic(o->output, b.s, b.len, d);
		if (!err)
			printf("%s: %zu plan skeletons\n", o->output, n);
	} else {
		fputs(b.s, stdout);
	}
out:
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
		render_text_plans(stdout, plans, n, o.as_of, o.all, o.overdue,
				  o.format == FORMAT_TSV    ? RENDER_TSV
				  : o.format == FORMAT_JSON ? RENDER_JSON
							    : RENDER_TEXT);
	} else if (strcmp(o.sub, "show") == 0) {
		const struct plan *p = find_plan(plans, n, o.id);
		if (!p) {
			diags_add(&cli->diags, DIAG_ERROR, NULL, 0,
				  "no plan '%s'", o.id);
			err = KANSA_ERR_NOTFOUND;
		} else if (!(err = store_load_plan_log(st, o.id, &log, &nlog,
						       &cli->diags))) {
			render_text_plan(stdout, p, log, nlog, o.as_of);
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
