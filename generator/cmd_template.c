/* cmd_template.c: `kansa template` and `kansa year start`: the answer
 * sheets of a fiscal year, blank or with last year's answers beside each
 * item, in the workspace around the current folder when there is one. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "answers.h"
#include "cli.h"
#include "fileio.h"
#include "ini.h"
#include "render_xlsx.h"
#include "templates.h"
#include "text.h"
#include "workspace.h"
#include "cmd_sheets.h"
#include "roles.h"

int sheets_role_index(const struct role_table *t, const char *role)
{
	return roles_find(t, role);
}

const char *sheets_role_slug(const struct role_table *t, const char *role)
{
	int r = roles_find(t, role);
	return r >= 0 ? t->v[r].slug : "role";
}

bool sheets_role_has_items(const struct checklist *cl, const char *role)
{
	for (size_t i = 0; i < cl->nitems; i++)
		if (item_has_role(&cl->items[i], role))
			return true;
	return false;
}

size_t sheets_role_items(const struct checklist *cl, const char *role)
{
	size_t n = 0;
	for (size_t i = 0; i < cl->nitems; i++)
		n += item_has_role(&cl->items[i], role);
	return n;
}

/* --- where the sheets are made --------------------------------------- */

void where_release(struct where *w)
{
	free(w->ws_dir);
	free(w->db);
	free(w->templates);
	workspace_release(&w->ws);
}

enum kansa_err where_open(struct cli *cli, struct where *w)
{
	enum kansa_err err = KANSA_OK;
	const char *dir = workspace_current_dir();

	memset(w, 0, sizeof(*w));
	/* main.c opened the workspace (--workspace, $KANSA_WORKSPACE or the
	 * one around the current folder) and made cli->db its database */
	if (dir) {
		if (!(w->ws_dir = strdup(dir)) ||
		    !(w->templates = strdup(workspace_current_templates())))
			return KANSA_ERR_NOMEM;
		err = workspace_read(workspace_current_ini(), &w->ws,
				     &cli->diags);
		if (err)
			return err;
	}
	if (!(w->roles = roles_get(&cli->diags)))
		return KANSA_ERR_INPUT;
	if (!(w->db = strdup(cli->db)))
		return KANSA_ERR_NOMEM;
	cli->db = w->db;
	return KANSA_OK;
}

/* Runs `kansa derive -o CHECKLIST -- POLICY` of the workspace, from its
 * folder, as kansa run would.  Returns its exit code. */
static int derive_workspace(struct cli *cli, struct where *w)
{
	char *argv[] = {(char *)"derive", (char *)"-o", w->ws.checklist,
			(char *)"--",	  w->ws.policy, NULL};
	int here = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc;

	if (here < 0 || chdir(w->ws_dir) != 0) {
		diags_add(&cli->diags, DIAG_ERROR, w->ws_dir, 0,
			  "cannot enter the workspace: %s", strerror(errno));
		if (here >= 0)
			close(here);
		return KANSA_EXIT_SYSTEM;
	}
	fflush(stdout);
	rc = cmd_derive(5, argv, cli);
	fflush(stdout);
	if (fchdir(here) != 0 && !rc)
		rc = KANSA_EXIT_SYSTEM;
	close(here);
	return rc;
}

enum kansa_err where_load_checklist(struct cli *cli, struct where *w,
				    const char *how, int year, const char *spec,
				    struct store **st, struct checklist *cl,
				    int *rc)
{
	long long pid;
	enum kansa_err err = KANSA_ERR_NOTFOUND;
	char *policy;

	*rc = 0;
	if (access(w->db, F_OK) == 0 &&
	    (err = cli_open_store(cli, false, st)) == KANSA_OK)
		err = store_year_checklist(*st, year, spec, cl, &pid,
					   &cli->diags);
	/* a policy that is not in force for the year, or not the one
	 * --policy names, is not "none yet" (no policy at all is
	 * DERIVED_NONE) */
	if (err != KANSA_ERR_NOTFOUND ||
	    (*st && store_policy_derived(*st, "", "") != DERIVED_NONE))
		return err;
	diags_release(&cli->diags);
	store_close(*st);
	*st = NULL;
	if (!w->ws_dir) {
		diags_add(&cli->diags, DIAG_ERROR, w->db, 0,
			  "no checklist yet: make a workspace with 'kansa init "
			  "DIR', put the policy text in DIR/checklists/"
			  "policy.txt and run '%s' in DIR; or derive the "
			  "checklist here with 'kansa derive POLICY.txt' first",
			  how);
		return KANSA_ERR_INPUT;
	}
	if (!(policy = workspace_path(w->ws_dir, w->ws.policy)))
		return KANSA_ERR_NOMEM;
	if (access(policy, R_OK) != 0) {
		diags_add(&cli->diags, DIAG_ERROR, policy, 0,
			  "no policy text yet: put the organisation's "
			  "情報セキュリティ対策基準 there as text (UTF-8 or "
			  "Shift_JIS; kansa.ini [workspace] policy = %s names "
			  "it), then run '%s' again",
			  w->ws.policy, how);
		free(policy);
		return KANSA_ERR_INPUT;
	}
	free(policy);
	printf(_("no checklist yet in %s: deriving it from %s into %s (as "
		 "kansa "
		 "run would; review it before the answers are collected)\n"),
	       w->ws.database, w->ws.policy, w->ws.checklist);
	if ((*rc = derive_workspace(cli, w)) != 0)
		return KANSA_ERR_INPUT;
	printf("\n");
	checklist_release(cl);
	checklist_init(cl);
	if ((err = cli_open_store(cli, false, st)))
		return err;
	return store_year_checklist(*st, year, spec, cl, &pid, &cli->diags);
}

char *where_sheets_dir(const struct where *w, const char *dir, int year,
		       struct diags *d)
{
	char *out = NULL, *rel;

	if (dir)
		out = strdup(dir);
	else if (w->ws_dir &&
		 (rel = workspace_dir_of(&w->ws, WS_ANSWERS, year))) {
		out = where_shown(w, rel);
		free(rel);
	} else {
		struct sbuf b = {0};
		sbuf_printf(&b, "answer-sheets/%d", year);
		out = sbuf_take(&b);
	}
	if (out && !fileio_make_dirs(out)) {
		diags_add(d, DIAG_ERROR, out, 0, "cannot make the folder: %s",
			  strerror(errno));
		free(out);
		return NULL;
	}
	if (out && !dir && w->ws_dir && out[0] == '/') {
		/* made now: shown relative to the current folder */
		char *cwd = getcwd(NULL, 0), *r;
		r = cwd ? fileio_relative(cwd, out) : NULL;
		free(cwd);
		if (r) {
			free(out);
			out = r;
		}
	}
	return out;
}

char *where_shown(const struct where *w, const char *rel)
{
	char *abs = workspace_path(w->ws_dir, rel), *cwd, *r = NULL;
	size_t n;
	if (!abs || !(cwd = getcwd(NULL, 0)))
		return abs;
	n = strlen(cwd);
	if (strncmp(abs, cwd, n) == 0 && abs[n] == '/')
		r = strdup(abs + n + 1);
	else if (access(abs, F_OK) == 0)
		r = fileio_relative(cwd, abs);
	free(cwd);
	if (!r)
		return abs;
	free(abs);
	return r;
}

/* --- kansa template --------------------------------------------------- */

/* Writes the blank sheet of role into dir; with keep, a sheet already
 * there (in the folder kansa run reads, perhaps filled in) is left as it
 * is. */
/* The answer workbook of role (--format xlsx). */
static enum kansa_err write_book(const struct checklist *cl,
				 const struct role_table *t, const char *role,
				 int year, const char *department,
				 const char *dir, struct diags *d)
{
	char path[4096];
	enum kansa_err err;
	snprintf(path, sizeof(path), "%s/answers-%d-%s.xlsx", dir, year,
		 sheets_role_slug(t, role));
	err = render_xlsx_answer_sheet(cl, role, year, department, path, d);
	if (!err)
		printf(_("%s: %s, %zu items\n"), path, role,
		       sheets_role_items(cl, role));
	return err;
}

static enum kansa_err write_sheet(const struct checklist *cl,
				  const struct role_table *roles,
				  const char *role, int year,
				  const char *department, const char *header,
				  const char *dir, bool keep, bool xlsx,
				  struct diags *d)
{
	char path[4096], *ini = NULL;
	size_t len;
	enum kansa_err err;

	if (xlsx)
		return write_book(cl, roles, role, year, department, dir, d);
	snprintf(path, sizeof(path), "%s/answers-%d-%s.ini", dir, year,
		 sheets_role_slug(roles, role));
	if (keep && access(path, F_OK) == 0) {
		printf(_("%s: already there, left as it is (remove it for a "
			 "blank one)\n"),
		       path);
		return KANSA_OK;
	}
	if ((err = answers_format_template(cl, role, year, department, header,
					   &ini, &len)))
		return err;
	if (!(err = fileio_write_atomic(path, ini, len, d)))
		printf(_("%s: %s, %zu items\n"), path, role,
		       sheets_role_items(cl, role));
	free(ini);
	return err;
}

struct template_opts {
	int year;	  /* --year */
	const char *role; /* --role, as kansa spells it */
	const char *dept; /* --department */
	const char *dir;  /* -o */
	const char *spec; /* --policy */
	const char *tdir; /* --templates */
	bool xlsx;	  /* --format xlsx */
};

const struct cli_option cmd_template_options[] = {
	CLI_OPT_YEAR(N_("fiscal year (April to March), e.g. 2025")),
	{"role", 'r', false, "ROLE", N_("only this role's sheet")},
	{"department", 'p', false, "DEPT", N_("fill in the department")},
	CLI_OPT_OUTPUT("DIR", N_("folder to write to (default: the\n"
				 "workspace's answers folder of FY, else\n"
				 "answer-sheets/FY)")),
	{"policy", 'P', false, "NAME[@VERSION]",
	 N_("the checklist, when no import fixed it")},
	CLI_OPT_TEMPLATES(N_("where answer-sheet.txt is")),
	{"format", 'f', false, "ini|xlsx",
	 N_("INI sheets (default) or Excel answer workbooks\n"
	    "(answers-FY-ROLE.xlsx: fill the yellow cells;\n"
	    "kansa import takes them)")},
	CLI_OPT_DB,
	CLI_OPT_END,
};

static int template_parse(int argc, char **argv, struct cli *cli,
			  struct template_opts *o)
{
	const struct command *cmd = cli_find("template");
	const char *format = "ini";
	struct cli_parser p;
	int c, rc;

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
	if (o->year < 0 || optind != argc)
		return cli_usage_error(cmd, "expected --year FY and no other "
					    "arguments");
	if (strcmp(format, "xlsx") && strcmp(format, "ini"))
		return cli_usage_error(cmd, "--format is ini or xlsx, not '%s'",
				       format);
	o->xlsx = strcmp(format, "xlsx") == 0;
	return 0;
}

int cmd_template(int argc, char **argv, struct cli *cli)
{
	struct template_opts o = {0};
	char how[64], *header = NULL, *dir = NULL;
	int rc;
	size_t hlen;
	struct checklist cl;
	struct store *st = NULL;
	struct where w;
	enum kansa_err err;

	if ((rc = template_parse(argc, argv, cli, &o)) != 0)
		return rc;
	checklist_init(&cl);
	snprintf(how, sizeof(how), "kansa template --year %d", o.year);
	if ((err = where_open(cli, &w)) ||
	    (err = where_load_checklist(cli, &w, how, o.year, o.spec, &st, &cl,
					&rc)) ||
	    (err = templates_load("answer-sheet.txt",
				  o.tdir ? o.tdir : w.templates, &header, &hlen,
				  NULL, &cli->diags)))
		goto out;
	if (o.role && !sheets_role_has_items(&cl, o.role)) {
		diags_add(&cli->diags, DIAG_ERROR, NULL, 0,
			  "%s has no items in %s@%s: no sheet to write", o.role,
			  cl.policy, cl.version);
		err = KANSA_ERR_INPUT;
		goto out;
	}
	if (!(dir = where_sheets_dir(&w, o.dir, o.year, &cli->diags))) {
		err = KANSA_ERR_IO;
		goto out;
	}
	for (size_t r = 0; r < w.roles->n && !err; r++) {
		const char *name = w.roles->v[r].name;
		if ((o.role && strcmp(o.role, name) != 0) ||
		    !sheets_role_has_items(&cl, name))
			continue;
		err = write_sheet(&cl, w.roles, name, o.year, o.dept, header,
				  dir, !o.dir && w.ws_dir, o.xlsx, &cli->diags);
	}
out:
	free(header);
	free(dir);
	store_close(st);
	checklist_release(&cl);
	if (rc) {
		where_release(&w);
		return rc;
	}
	rc = cli_finish(cli, err);
	where_release(&w);
	return rc;
}
