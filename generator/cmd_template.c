/* cmd_template.c: `kansa template`: blank answer sheets for each role. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "answers.h"
#include "cli.h"
#include "fileio.h"
#include "render_xlsx.h"
#include "templates.h"

/* Short ASCII names for the file names of the sheets. */
static const char *const role_slugs[] = {
	"ciso",	     "vice-ciso",   "security-chief", "security-manager",
	"sys-admin", "sys-staff",   "members-staff",  "contractor",
	"csirt",     "audit-chief",
};

static const char *slug_of(const char *role)
{
	for (size_t i = 0; i < checklist_nroles; i++)
		if (strcmp(checklist_roles[i], role) == 0)
			return role_slugs[i];
	return "role";
}

static bool role_has_items(const struct checklist *cl, const char *role)
{
	for (size_t i = 0; i < cl->nitems; i++)
		if (item_has_role(&cl->items[i], role))
			return true;
	return false;
}

/* The items of role, for the line printed about its sheet. */
static size_t role_items(const struct checklist *cl, const char *role)
{
	size_t n = 0;
	for (size_t i = 0; i < cl->nitems; i++)
		n += item_has_role(&cl->items[i], role);
	return n;
}

/* The answer workbook of role (--format xlsx). */
static enum kansa_err write_book(const struct checklist *cl, const char *role,
				 int year, const char *department,
				 const char *dir, struct diags *d)
{
	char path[4096];
	enum kansa_err err;
	snprintf(path, sizeof(path), "%s/answers-%d-%s.xlsx", dir, year,
		 slug_of(role));
	err = render_xlsx_answer_sheet(cl, role, year, department, path, d);
	if (!err)
		printf("%s: %s, %zu items\n", path, role, role_items(cl, role));
	return err;
}

static enum kansa_err write_sheet(const struct checklist *cl, const char *role,
				  int year, const char *department,
				  const char *header, const char *dir,
				  bool xlsx, struct diags *d)
{
	char path[4096], *ini = NULL;
	size_t len;
	enum kansa_err err;
	if (xlsx)
		return write_book(cl, role, year, department, dir, d);
	err = answers_format_template(cl, role, year, department, header, &ini,
				      &len);
	if (err)
		return err;
	snprintf(path, sizeof(path), "%s/answers-%d-%s.ini", dir, year,
		 slug_of(role));
	if (!(err = fileio_write_atomic(path, ini, len, d))) {
		printf("%s: %s, %zu items\n", path, role, role_items(cl, role));
	}
	free(ini);
	return err;
}

int cmd_template(int argc, char **argv, struct cli *cli)
{
	static const struct option longopts[] = {
		{"year", required_argument, NULL, 'y'},
		{"role", required_argument, NULL, 'r'},
		{"department", required_argument, NULL, 'p'},
		{"output", required_argument, NULL, 'o'},
		{"policy", required_argument, NULL, 'P'},
		{"templates", required_argument, NULL, 'T'},
		{"format", required_argument, NULL, 'f'},
		CLI_COMMON_OPTIONS,
		{NULL, 0, NULL, 0},
	};
	const struct command *cmd = cli_find("template");
	const char *role = NULL, *dept = NULL, *dir = NULL, *spec = NULL;
	const char *tdir = NULL;
	char defdir[64], *header = NULL;
	int c, rc, year = -1;
	bool xlsx = false;
	size_t hlen;
	struct checklist cl;
	struct store *st = NULL;
	long long pid;
	enum kansa_err err;

	optind = 1;
	while ((c = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
		switch (c) {
		case 'y':
			if ((rc = cli_opt_year(cmd, optarg, &year)) != 0)
				return rc;
			break;
		case 'r':
			if (!(role = answers_role_name(optarg)))
				return cli_usage_error(cmd, "unknown role '%s'",
						       optarg);
			break;
		case 'p':
			dept = optarg;
			break;
		case 'o':
			dir = optarg;
			break;
		case 'P':
			spec = optarg;
			break;
		case 'T':
			tdir = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "xlsx") && strcmp(optarg, "ini"))
				return cli_usage_error(
					cmd,
					"--format is ini or xlsx, not '%s'",
					optarg);
			xlsx = strcmp(optarg, "xlsx") == 0;
			break;
		case 'D':
			cli->db = optarg;
			break;
		default:
			return cli_usage_error(cmd, "unknown option");
		}
	}
	if (year < 0 || optind != argc)
		return cli_usage_error(cmd, "expected --year FY and no other "
					    "arguments");
	if (!dir) {
		snprintf(defdir, sizeof(defdir), "answer-sheets/%d", year);
		mkdir("answer-sheets", 0777);
		dir = defdir;
	}
	mkdir(dir, 0777);
	checklist_init(&cl);
	if ((err = cli_open_store(cli, false, &st)) ||
	    (err = store_year_checklist(st, year, spec, &cl, &pid,
					&cli->diags)) ||
	    (err = templates_load("answer-sheet.txt", tdir, &header, &hlen,
				  NULL, &cli->diags)))
		goto out;
	if (role && !role_has_items(&cl, role)) {
		diags_add(&cli->diags, DIAG_ERROR, NULL, 0,
			  "%s has no items in %s@%s: no sheet to write", role,
			  cl.policy, cl.version);
		err = KANSA_ERR_INPUT;
		goto out;
	}
	for (size_t r = 0; r < checklist_nroles && !err; r++) {
		const char *name = checklist_roles[r];
		if ((role && strcmp(role, name) != 0) ||
		    !role_has_items(&cl, name))
			continue;
		err = write_sheet(&cl, name, year, dept, header, dir, xlsx,
				  &cli->diags);
	}
out:
	free(header);
	store_close(st);
	checklist_release(&cl);
	return cli_finish(cli, err);
}
