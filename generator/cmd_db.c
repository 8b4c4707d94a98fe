/* cmd_db.c: `kansa backup` and `kansa check-db`: the database kept sound. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

/* Parses the common options only; returns -1 when all is well, else the
 * exit code of a usage error. */
static int common_options(int argc, char **argv, struct cli *cli,
			  const struct command *cmd)
{
	static const struct option longopts[] = {
		CLI_COMMON_OPTIONS,
		{NULL, 0, NULL, 0},
	};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c == 'D')
			cli->db = optarg;
		else
			return cli_usage_error(cmd, "unknown option");
	}
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
		printf("%s: copied to %s\n", cli->db, argv[optind]);
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
	if (!(err = cli_open_store(cli, false, &st)) &&
	    !(err = store_check(st, &c))) {
		for (size_t i = 0; i < c.nproblems; i++)
			diags_add(&cli->diags, DIAG_ERROR, cli->db, 0,
				  "%s%s%s: %s", c.problems[i].what,
				  *c.problems[i].who ? " " : "",
				  c.problems[i].who, c.problems[i].detail);
		if (c.nproblems)
			err = KANSA_ERR_DB;
		else
			printf("%s: ok (SQLite integrity and foreign keys, "
			       "%zu rules of kansa, schema %d)\n",
			       cli->db, c.rules, store_schema_version());
	}
	store_check_release(&c);
	store_close(st);
	return cli_finish(cli, err);
}
