/* cmd_status.c: `kansa status`: who answered, and what is still open. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "text.h"

static void print_issues(const char *title, const struct store_issue *v,
			 size_t n)
{
	printf("\n%s: %zu\n", title, n);
	for (size_t i = 0; i < n; i++) {
		char line[1024], *c, *id = text_cell(v[i].what, 15, false);
		snprintf(line, sizeof(line), "  %s %s%s%s", id ? id : v[i].what,
			 v[i].who, *v[i].who ? ": " : "", v[i].detail);
		free(id);
		c = text_cut(line, 79);
		printf("%s\n", c ? c : line);
		free(c);
	}
}

static void print_status(int year, const char *as_of,
			 const struct checklist *cl,
			 const struct store_status *s)
{
	char fy[32];
	text_wareki_fiscal_year(year, fy, sizeof(fy));
	printf("%s (%d) 自己点検の状況 / self-inspection status, as of %s\n",
	       fy, year, as_of);
	printf("policy: %s@%s, %zu items\n", cl->policy, cl->version,
	       cl->nitems);
	printf("\n回答者 / respondents: %zu\n", s->nrespondents);
	for (size_t i = 0; i < s->nrespondents; i++) {
		const struct store_respondent *r = &s->respondents[i];
		char line[1024], *c;
		snprintf(line, sizeof(line), "  %s / %s%s%s", r->department,
			 r->role, *r->system ? " / " : "", r->system);
		c = text_cut(line, 79);
		printf("%s\n", c ? c : line);
		free(c);
		snprintf(line, sizeof(line),
			 "      %s, answered %s, %ld answers, %s",
			 *r->name ? r->name : "(no name)",
			 *r->answered_on ? r->answered_on : "(no date)",
			 r->answers, r->file);
		c = text_cut(line, 79);
		printf("%s\n", c ? c : line);
		free(c);
	}
	print_issues("未回答の項目 / items no responsible role answered",
		     s->unanswered, s->nunanswered);
	print_issues("証跡のない回答 / answers without evidence",
		     s->no_evidence, s->nno_evidence);
	print_issues("証跡の問題 / evidence missing, changed or expired",
		     s->evidence, s->nevidence);
}

const struct cli_option cmd_status_options[] = {
	CLI_OPT_YEAR(N_("the fiscal year")),
	CLI_OPT_AS_OF(N_("evidence expiry (default: today)")),
	CLI_OPT_DB,
	CLI_OPT_END,
};

int cmd_status(int argc, char **argv, struct cli *cli)
{
	struct cli_parser p;
	const struct command *cmd = cli_find("status");
	struct store_status s = {0};
	struct checklist cl;
	struct store *st = NULL;
	char as_of[11];
	long long pid;
	int c, rc, year = -1;
	enum kansa_err err;

	cli_today(as_of);
	cli_parse_start(&p, cmd, cli);
	while ((c = cli_parse_next(&p, argc, argv)) != -1) {
		if (c == 'y') {
			if ((rc = cli_opt_year(cmd, optarg, &year)) != 0)
				return rc;
		} else if (c == 'a') {
			if ((rc = cli_opt_date(cmd, "as-of", optarg, as_of)) !=
			    0)
				return rc;
		} else {
			return cli_usage_error(cmd, "unknown option");
		}
	}
	if (year < 0 || optind != argc)
		return cli_usage_error(cmd, "expected --year FY");
	checklist_init(&cl);
	if (!(err = cli_open_store(cli, false, &st)) &&
	    !(err = store_read_begin(st, &cli->diags)) && /* one state */
	    !(err = store_year_status(st, year, as_of, &s, &cli->diags)) &&
	    !(err = store_year_checklist(st, year, NULL, &cl, &pid,
					 &cli->diags)))
		print_status(year, as_of, &cl, &s);
	store_status_release(&s);
	checklist_release(&cl);
	store_close(st);
	return cli_finish(cli, err);
}
