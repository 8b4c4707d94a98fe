/* cmd_db.c: `kansa backup`, `kansa check-db` and `kansa runs`: the
 * database kept sound, and what it records of each report run. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

/* backup and check-db */
const struct cli_option cmd_db_options[] = {CLI_OPT_DB, CLI_OPT_END};

const struct cli_option cmd_runs_options[] = {
	CLI_OPT_YEAR(N_("only the runs of that fiscal year")),
	CLI_OPT_DB,
	CLI_OPT_END,
};

/* Parses the common options only; returns -1 when all is well, else the
 * exit code of a usage error. */
static int common_options(int argc, char **argv, struct cli *cli,
			  const struct command *cmd)
{
	struct cli_parser p;
	cli_parse_start(&p, cmd, cli);
	if (cli_parse_next(&p, argc, argv) != -1)
		return cli_usage_error(cmd, "unknown option");
	return -1;
}

int cmd_backup(int argc, char **argv, struct cli *cli)
{
	const struct command *cmd = cli_find("backup");
	struct store *st = NULL;
	enum kansa_err err;
	int rc = common_options(argc, argv, cli, cmd);

	if (rc >= 0)
		return rc;
	if (optind != argc - 1)
		return cli_usage_error(cmd, "expected one FILE to write");
	if (!(err = cli_open_store(cli, false, &st)) &&
	    !(err = store_backup(st, argv[optind], &cli->diags)))
		printf(_("%s: copied to %s\n"), cli->db, argv[optind]);
	store_close(st);
	return cli_finish(cli, err);
}

int cmd_check_db(int argc, char **argv, struct cli *cli)
{
	const struct command *cmd = cli_find("check-db");
	struct store *st = NULL;
	struct store_check c = {0};
	enum kansa_err err;
	int rc = common_options(argc, argv, cli, cmd);

	if (rc >= 0)
		return rc;
	if (optind != argc)
		return cli_usage_error(cmd, "unexpected argument");
	if (!(err = store_open_for_check(cli->db, &cli->diags, &st)) &&
	    !(err = store_check(st, &c))) {
		for (size_t i = 0; i < c.nproblems; i++)
			diags_add(&cli->diags, DIAG_ERROR, cli->db, 0,
				  "%s%s%s: %s", c.problems[i].what,
				  *c.problems[i].who ? " " : "",
				  c.problems[i].who, c.problems[i].detail);
		if (c.nproblems)
			err = KANSA_ERR_DB;
		else
			printf(_("%s: ok (SQLite integrity and foreign keys, "
				 "schema %d as this kansa makes it, %zu rules "
				 "of "
				 "kansa)\n"),
			       cli->db, store_schema_version(), c.rules);
	}
	store_check_release(&c);
	store_close(st);
	return cli_finish(cli, err);
}

int cmd_runs(int argc, char **argv, struct cli *cli)
{
	const struct command *cmd = cli_find("runs");
	struct cli_parser p;
	struct store *st = NULL;
	struct store_run_row *v = NULL;
	size_t n = 0;
	enum kansa_err err;
	int c, rc, year = -1;

	cli_parse_start(&p, cmd, cli);
	while ((c = cli_parse_next(&p, argc, argv)) != -1) {
		if (c == 'y') {
			if ((rc = cli_opt_year(cmd, optarg, &year)) != 0)
				return rc;
		} else {
			return cli_usage_error(cmd, "unknown option");
		}
	}
	if (optind != argc)
		return cli_usage_error(cmd, "unexpected argument");
	if (!(err = cli_open_store(cli, false, &st)) &&
	    !(err = store_list_runs(st, year, &v, &n, &cli->diags))) {
		printf("%-4s %-4s %-20s %-8s %-10s %-10s %3s %3s  %s\n", "run",
		       "FY", "finished (UTC)", "kansa", "as-of", "date", "in",
		       "out", "input digest");
		for (size_t i = 0; i < n; i++)
			printf("%-4lld %-4d %-20s %-8s %-10s %-10s %3zu %3zu  "
			       "%.16s…\n",
			       v[i].id, v[i].year,
			       v[i].finished_at ? v[i].finished_at : "-",
			       v[i].kansa_version ? v[i].kansa_version : "-",
			       v[i].as_of ? v[i].as_of : "-",
			       v[i].date ? v[i].date : "-", v[i].ninputs,
			       v[i].noutputs,
			       v[i].input_digest ? v[i].input_digest : "-");
	}
	store_runs_release(v, n);
	store_close(st);
	return cli_finish(cli, err);
}
