/* cmd_init.c: `kansa init`: a new workspace, and what to do next. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "workspace.h"

const struct cli_option cmd_init_options[] = {
	{"organisation", 'g', false, "NAME",
	 N_("the organisation (架空町議会)")},
	CLI_OPT_YEAR(N_("the first fiscal year (default: today's)")),
	CLI_OPT_END,
};

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
		 "role "
		 "into %d/answers/)\n"
		 "  4. collect the filled sheets in %d/answers/, the evidence "
		 "and its register in %d/evidence/,\n"
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
