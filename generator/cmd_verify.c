/* cmd_verify.c: `kansa verify`: hash every recorded evidence file again. */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "evidence.h"
#include "run_result.h"

const struct cli_option cmd_verify_options[] = {
	CLI_OPT_YEAR(N_("the fiscal year")),
	CLI_OPT_DB,
	CLI_OPT_END,
};

/* Hashes one record's file again, prints what was found and fills c
 * (sha, 65 bytes, holds the SHA-256 it points to); returns 0 when ok. */
static int verify_one(const struct evidence_record *e, const char *dir,
		      char *sha, struct store_verified *c)
{
	static const char *const results[] = {"ok", "changed", "missing"};
	char why[PATH_MAX + 128];
	int r = e->missing
			? 2
			: evidence_verify_record(e, dir, sha, why, sizeof(why));
	if (r == 3) {
		/* recorded as missing: nothing was read */
		printf("refused  %s  %s: %s\n", e->id, e->path, why);
		fprintf(stderr, _("%s: evidence file of [%s] %s\n"), e->path,
			e->id, why);
		r = 2;
		sha[0] = '\0';
	} else if (r == 1)
		printf("changed  %s  %s\n         was %s\n         now "
		       "%s\n",
		       e->id, e->path, e->sha256, sha);
	else
		printf("%-8s %s  %s\n", results[r], e->id, e->path);
	c->id = e->id;
	c->result = results[r];
	c->sha256 = r == 2 ? "" : sha;
	return r;
}

int cmd_verify(int argc, char **argv, struct cli *cli)
{
	struct cli_parser p;
	const struct command *cmd = cli_find("verify");
	struct evidence_register reg = {0};
	struct store_verified *checks = NULL;
	char(*shas)[65] = NULL;
	struct store *st = NULL;
	size_t bad = 0;
	int c, year = -1;
	enum kansa_err err;

	cli_parse_start(&p, cmd, cli);
	while ((c = cli_parse_next(&p, argc, argv)) != -1) {
		if (c == 'y' && (year = cli_parse_year(optarg)) < 0)
			return cli_usage_error(cmd,
					       "--year '%s' is not a "
					       "fiscal year",
					       optarg);
		else if (c == 'D')
			cli->db = optarg;
		else if (c != 'y')
			return cli_usage_error(cmd, "unknown option");
	}
	if (year < 0 || optind != argc)
		return cli_usage_error(cmd, "expected --year FY");
	if ((err = cli_open_store(cli, false, &st)) ||
	    (err = store_load_evidence(st, year, &reg, &cli->diags)))
		goto out;
	checks = calloc(reg.n + 1, sizeof(*checks));
	shas = calloc(reg.n + 1, sizeof(*shas));
	if (!checks || !shas) {
		err = KANSA_ERR_NOMEM;
		goto out;
	}
	for (size_t i = 0; i < reg.n; i++)
		bad += verify_one(&reg.records[i], store_dir(st), shas[i],
				  &checks[i]) != 0;
	/* every result in one transaction: one commit, not one per file */
	if (!(err = store_save_checks(st, year, checks, reg.n, &cli->diags))) {
		printf(_("%zu evidence files: %zu ok, %zu not ok\n"), reg.n,
		       reg.n - bad, bad);
		run_result_put("files", (long long)reg.n); /* for kansa run */
		run_result_put("not_ok", (long long)bad);
	}
out:
	free(checks);
	free(shas);
	evidence_release(&reg);
	store_close(st);
	c = cli_finish(cli, err);
	return c == 0 && bad > 0 ? KANSA_EXIT_FOUND : c;
}
