/* cmd_year.c: `kansa close`, `kansa reopen` and `kansa respondents`:
 * a year's record frozen, reopened with a reason, and its respondents
 * listed and corrected, each act logged (issue 11). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "names.h"

/* What the commands of this file take. */
struct year_opts {
	int year;		   /* --year */
	const char *reason;	   /* --reason */
	const char *department;	   /* --department */
	const char *role;	   /* --role */
	const char *system;	   /* --system */
	const char *to_department; /* --to-department */
	const char *to_system;	   /* --to-system */
};

const struct cli_option cmd_close_options[] = {
	CLI_OPT_YEAR(N_("the fiscal year")),
	{"reason", 'r', false, "TEXT", N_("why, for the year log")},
	CLI_OPT_DB,
	CLI_OPT_END,
};

const struct cli_option cmd_respondents_options[] = {
	CLI_OPT_YEAR(N_("the fiscal year")),
	{"department", 'd', false, "D", N_("the respondent's department")},
	{"role", 'R', false, "R", N_("its role")},
	{"system", 's', false, "S", N_("its system (default: none)")},
	{"to-department", 'e', false, "D2", N_("rename: the new department")},
	{"to-system", 'u', false, "S2", N_("rename: the new system")},
	{"reason", 'r', false, "TEXT",
	 N_("why (required to remove or rename,\nlogged)")},
	CLI_OPT_DB,
	CLI_OPT_END,
};

/* Parses the options of cmd; -1 when all is well, else the exit code of
 * the usage error. */
static int parse(int argc, char **argv, const struct command *cmd,
		 struct year_opts *o, struct cli *cli)
{
	struct cli_parser p;
	const char **slot[128] = {0};
	int c, rc;

	slot['r'] = &o->reason;
	slot['d'] = &o->department;
	slot['R'] = &o->role;
	slot['s'] = &o->system;
	slot['e'] = &o->to_department;
	slot['u'] = &o->to_system;
	memset(o, 0, sizeof(*o));
	o->year = -1;
	cli_parse_start(&p, cmd, cli);
	while ((c = cli_parse_next(&p, argc, argv)) != -1) {
		if (c == 'y') {
			if ((rc = cli_opt_year(cmd, optarg, &o->year)) != 0)
				return rc;
		} else if (c > 0 && c < 128 && slot[c]) {
			*slot[c] = optarg;
		} else {
			return cli_usage_error(cmd, "unknown option");
		}
	}
	if (optind != argc)
		return cli_usage_error(cmd, "unexpected argument '%s'",
				       argv[optind]);
	if (o->year < 0)
		return cli_usage_error(cmd, "--year FY is required");
	return -1;
}

/* Opens the store and checks it; KANSA_OK or the error to finish with. */
static enum kansa_err open_checked(struct cli *cli, struct store **st)
{
	enum kansa_err err = cli_open_store(cli, false, st);
	return err ? err : store_quick_check(*st, &cli->diags);
}

int cmd_close(int argc, char **argv, struct cli *cli)
{
	const struct command *cmd = cli_find("close");
	struct year_opts o;
	struct store *st = NULL;
	enum kansa_err err;
	int rc = parse(argc, argv, cmd, &o, cli);

	if (rc >= 0)
		return rc;
	if (!(err = open_checked(cli, &st)) &&
	    !(err = store_close_year(st, o.year, o.reason, &cli->diags)))
		printf(_("FY %d closed: imports, plan changes dated in it and "
			 "changes of its respondents are refused from now on.\n"
			 "The next kansa report --year %d --as-of DATE --date "
			 "DATE (or kansa run with them) makes its final "
			 "outputs,\nwithout 案; later reports of the year must "
			 "reproduce them byte for byte.\n"),
		       o.year, o.year);
	store_close(st);
	return cli_finish(cli, err);
}

int cmd_reopen(int argc, char **argv, struct cli *cli)
{
	const struct command *cmd = cli_find("reopen");
	struct year_opts o;
	struct store *st = NULL;
	enum kansa_err err;
	int rc = parse(argc, argv, cmd, &o, cli);

	if (rc >= 0)
		return rc;
	if (!o.reason || !*o.reason)
		return cli_usage_error(cmd, "--reason TEXT is required (it is "
					    "logged)");
	if (!(err = open_checked(cli, &st)) &&
	    !(err = store_reopen_year(st, o.year, o.reason, &cli->diags)))
		printf(_("FY %d reopened (logged: %s); its reports are drafts "
			 "(案) again until kansa close.\n"),
		       o.year, o.reason);
	store_close(st);
	return cli_finish(cli, err);
}

static void list_respondents(const struct store_respondent *v, size_t n,
			     int year)
{
	size_t current = 0;
	printf("FY %d 回答者 / respondents\n", year);
	for (size_t i = 0; i < n; i++) {
		current += !v[i].retired_at;
		printf("  %s / %s%s%s  %ld answers  %s", v[i].department,
		       v[i].role, *v[i].system ? " / " : "", v[i].system,
		       v[i].answers, v[i].file);
		if (v[i].retired_at)
			printf("  (retired %s)", v[i].retired_at);
		putchar('\n');
	}
	printf(_("%zu current, %zu retired\n"), current, n - current);
}

/* Normalised copies of the names a command names a respondent by. */
struct who_buf {
	char *department, *system, *to_department, *to_system;
	const char *role;
};

static void who_release(struct who_buf *w)
{
	free(w->department);
	free(w->system);
	free(w->to_department);
	free(w->to_system);
}

static int who_from(const struct command *cmd, const struct year_opts *o,
		    struct who_buf *w)
{
	memset(w, 0, sizeof(*w));
	if (!o->department || !o->role || !o->reason || !*o->reason)
		return cli_usage_error(cmd, "--department, --role and "
					    "--reason are required");
	if (!(w->role = answers_role_name(o->role)))
		return cli_usage_error(cmd, "unknown role '%s'", o->role);
	w->department = names_normalise(o->department);
	w->system = names_normalise(o->system ? o->system : "");
	w->to_department =
		o->to_department ? names_normalise(o->to_department) : NULL;
	w->to_system = o->to_system ? names_normalise(o->to_system) : NULL;
	if (!w->department || !w->system ||
	    (o->to_department && !w->to_department) ||
	    (o->to_system && !w->to_system))
		return cli_usage_error(cmd, "a name is not valid UTF-8");
	return -1;
}

int cmd_respondents(int argc, char **argv, struct cli *cli)
{
	const struct command *cmd = cli_find("respondents");
	const char *action = argc > 1 && argv[1][0] != '-' ? argv[1] : NULL;
	struct store_respondent *v = NULL;
	struct year_opts o;
	struct who_buf w = {0};
	struct store *st = NULL;
	size_t n = 0;
	enum kansa_err err;
	int rc;

	if (action && strcmp(action, "remove") && strcmp(action, "rename"))
		return cli_usage_error(cmd,
				       "unknown action '%s' (expected "
				       "remove or rename)",
				       action);
	if ((rc = parse(argc - (action != NULL), argv + (action != NULL), cmd,
			&o, cli)) >= 0)
		return rc;
	if (action && (rc = who_from(cmd, &o, &w)) >= 0) {
		who_release(&w);
		return rc;
	}
	if (action && !strcmp(action, "rename") && !w.to_department &&
	    !w.to_system) {
		who_release(&w);
		return cli_usage_error(cmd, "rename needs --to-department or "
					    "--to-system");
	}
	if (!(err = open_checked(cli, &st))) {
		struct store_who who = {w.department, w.role, w.system};
		if (!action)
			err = store_list_respondents(st, o.year, &v, &n,
						     &cli->diags);
		else if (!strcmp(action, "remove"))
			err = store_remove_respondent(st, o.year, &who,
						      o.reason, &cli->diags);
		else
			err = store_rename_respondent(
				st, o.year, &who, w.to_department, w.to_system,
				o.reason, &cli->diags);
		if (!err && !action)
			list_respondents(v, n, o.year);
		else if (!err)
			printf(_("FY %d: %s %s / %s%s%s (logged)\n"), o.year,
			       !strcmp(action, "remove") ? "removed"
							 : "renamed",
			       w.department, w.role, *w.system ? " / " : "",
			       w.system);
	}
	store_respondents_release(v, n);
	who_release(&w);
	store_close(st);
	return cli_finish(cli, err);
}
