/* cmd_template.c: `kansa template`: blank answer sheets for each role. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "answers.h"
#include "cli.h"
#include "ini.h"
#include "fileio.h"
#include "render_xlsx.h"
#include "roles.h"
#include "templates.h"

/* The ASCII name of a role's sheet files ([roles] slug). */
static const char *slug_of(const struct role_table *t, const char *role)
{
	int r = roles_find(t, role);
	return r >= 0 ? t->v[r].slug : "role";
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
static enum kansa_err write_book(const struct checklist *cl,
				 const struct role_table *t, const char *role,
				 int year, const char *department,
				 const char *dir, struct diags *d)
{
	char path[4096];
	enum kansa_err err;
	snprintf(path, sizeof(path), "%s/answers-%d-%s.xlsx", dir, year,
		 slug_of(t, role));
	err = render_xlsx_answer_sheet(cl, role, year, department, path, d);
	if (!err)
		printf("%s: %s, %zu items\n", path, role, role_items(cl, role));
	return err;
}

static enum kansa_err write_sheet(const struct checklist *cl,
				  const struct role_table *t, const char *role,
				  int year, const char *department,
				  const char *header, const char *dir,
				  bool xlsx, struct diags *d)
{
	char path[4096], *ini = NULL;
	size_t len;
	enum kansa_err err;
	if (xlsx)
		return write_book(cl, t, role, year, department, dir, d);
	err = answers_format_template(cl, role, year, department, header, &ini,
				      &len);
	if (err)
		return err;
	snprintf(path, sizeof(path), "%s/answers-%d-%s.ini", dir, year,
		 slug_of(t, role));
	if (!(err = fileio_write_atomic(path, ini, len, d))) {
		size_t n = 0;
		for (size_t i = 0; i < cl->nitems; i++)
			n += item_has_role(&cl->items[i], role);
		printf("%s: %s, %zu items\n", path, role, n);
	}
	free(ini);
	return err;
}

const struct cli_option cmd_template_options[] = {
	CLI_OPT_YEAR("fiscal year (April to March), e.g. 2025"),
	{"role", 'r', false, "ROLE", "only this role's sheet"},
	{"department", 'p', false, "DEPT", "fill in the department"},
	CLI_OPT_OUTPUT("DIR", "folder to write to (default:\n"
			      "answer-sheets/FY)"),
	{"policy", 'P', false, "NAME[@VERSION]",
	 "the checklist, when no import fixed it"},
	CLI_OPT_TEMPLATES("where answer-sheet.txt is"),
	{"format", 'f', false, "ini|xlsx",
	 "INI sheets (default) or Excel answer workbooks\n"
	 "(answers-FY-ROLE.xlsx: fill the yellow cells;\n"
	 "kansa import takes them)"},
	CLI_OPT_DB,
	CLI_OPT_END,
};

struct template_opts {
	int year;	  /* --year */
	const char *role; /* --role, the table's name, or NULL: every role */
	const char *dept; /* --department, or NULL */
	const char *dir;  /* -o, or NULL: answer-sheets/FY */
	const char *spec; /* --policy, or NULL */
	const char *tdir; /* --templates, or NULL */
	bool xlsx;	  /* --format xlsx */
};

/* Parses the arguments: 0, or the exit code of a usage error it printed. */
static int parse(int argc, char **argv, struct template_opts *o,
		 const struct command *cmd, struct cli *cli)
{
	struct cli_parser p;
	const char *format = "ini";
	int c, rc;

	memset(o, 0, sizeof(*o));
	o->year = -1;
	cli_parse_start(&p, cmd, cli);
	while ((c = cli_parse_next(&p, argc, argv)) != -1) {
		switch (c) {
		case 'y':
			if ((rc = cli_opt_year(cmd, optarg, &o->year)) != 0)
				return rc;
			break;
		case 'r':
			if (!(o->role = answers_role_name(optarg)))
				return cli_usage_error(cmd, "unknown role '%s'",
						       optarg);
			break;
		case 'p':
			if (ini_value_problem(optarg))
				return cli_usage_error(
					cmd, "--department: %s",
					ini_value_problem(optarg));
			o->dept = optarg;
			break;
		case 'o':
			o->dir = optarg;
			break;
		case 'P':
			o->spec = optarg;
			break;
		case 'T':
			o->tdir = optarg;
			break;
		case 'f':
			format = optarg;
			break;
		default:
			return cli_usage_error(cmd, "unknown option");
		}
	}
	if (strcmp(format, "xlsx") && strcmp(format, "ini"))
		return cli_usage_error(cmd, "--format is ini or xlsx, not '%s'",
				       format);
	o->xlsx = strcmp(format, "xlsx") == 0;
	if (o->year < 0 || optind != argc)
		return cli_usage_error(cmd, "expected --year FY and no other "
					    "arguments");
	return 0;
}

int cmd_template(int argc, char **argv, struct cli *cli)
{
	const struct command *cmd = cli_find("template");
	const struct role_table *roles = NULL;
	struct template_opts o;
	const char *role, *dept, *dir, *spec, *tdir;
	char defdir[64], *header = NULL;
	int rc, year;
	size_t hlen;
	struct checklist cl;
	struct store *st = NULL;
	long long pid;
	enum kansa_err err;

	if ((rc = parse(argc, argv, &o, cmd, cli)) != 0)
		return rc;
	year = o.year;
	role = o.role;
	dept = o.dept;
	dir = o.dir;
	spec = o.spec;
	tdir = o.tdir;
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
	if (!(roles = roles_get(&cli->diags))) {
		err = KANSA_ERR_INPUT;
		goto out;
	}
	for (size_t r = 0; r < roles->n && !err; r++) {
		const char *name = roles->v[r].name;
		if ((role && strcmp(role, name) != 0) ||
		    !role_has_items(&cl, name))
			continue;
		err = write_sheet(&cl, roles, name, year, dept, header, dir,
				  o.xlsx, &cli->diags);
	}
out:
	free(header);
	store_close(st);
	checklist_release(&cl);
	return cli_finish(cli, err);
}
