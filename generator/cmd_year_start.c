/* cmd_year_start.c: `kansa year start FY`: the next fiscal year of a workspace:
 * its folders, the answer sheets of the checklist in force with last
 * year's answers beside each item (as comments, never as answers), and
 * the plans still open, carried into a plans file of the year. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "answers.h"
#include "cli.h"
#include "cmd_sheets.h"
#include "cmd_year.h"
#include "fileio.h"
#include "plans.h"
#include "templates.h"
#include "text.h"

struct year_opts {
	int year;		 /* FY */
	int from;		 /* --from: the year whose answers are shown */
	const char *dir;	 /* -o: where the sheets go */
	const char *tdir;	 /* --templates */
	const char *action;	 /* start, move or log */
	struct year_cmd_opts mv; /* move and log: --year, --to, ... */
	bool start_only, move_only; /* an option of one action was given */
};

/* What year start did, for its summary. */
struct year_done {
	size_t carried;	  /* sheets with last year's answers */
	size_t blank;	  /* blank sheets of roles nobody answered */
	size_t kept;	  /* sheets already there, left alone */
	size_t skipped;	  /* respondents whose role has no items now */
	size_t plans;	  /* open plans carried */
	char *plans_file; /* where they went, or NULL */
};

const struct cli_option cmd_year_options[] = {
	{"from", 'f', false, "FY",
	 N_("the year whose answers are shown (default: the\n"
	    "latest before the new one with answers)")},
	CLI_OPT_OUTPUT("DIR", N_("where the sheets go (default: the\n"
				 "workspace's answers folder of FY)")),
	CLI_OPT_TEMPLATES(N_("where answer-sheet.txt is")),
	CLI_OPT_YEAR(N_("move, log: the fiscal year")),
	{"to", 'V', false, "VERSION",
	 N_("move: the policy version to move to (VERSION\n"
	    "of the year's policy, or NAME@VERSION)")},
	{"yes", 'Y', false, NULL,
	 N_("move: do it (without: show the mapping only)")},
	{"reason", 'r', false, "TEXT", N_("move: why, for the year log")},
	CLI_OPT_DB,
	CLI_OPT_END,
};

/* The operands after the options: start FY, move or log. */
static int year_operands(const struct command *cmd, int argc, char **argv,
			 struct year_opts *o)
{
	o->action = optind < argc ? argv[optind] : "";
	if (!strcmp(o->action, "move") || !strcmp(o->action, "log")) {
		if (o->start_only || optind + 1 != argc)
			return cli_usage_error(
				cmd,
				"year %s takes --year FY%s "
				"and no other operand",
				o->action,
				*o->action == 'm' ? ", --to VERSION, --yes "
						    "and --reason"
						  : "");
		if (o->mv.year <= 0)
			return cli_usage_error(cmd, "--year FY is required");
		if (*o->action == 'm' && !o->mv.to)
			return cli_usage_error(cmd, "--to VERSION is required");
		return 0;
	}
	if (strcmp(o->action, "start") != 0)
		return cli_usage_error(cmd, "expected 'year start FY', "
					    "'year move' or 'year log'");
	if (o->move_only)
		return cli_usage_error(cmd, "--year, --to, --yes and --reason "
					    "are options of year move");
	if (optind + 2 != argc ||
	    (o->year = cli_parse_year(argv[optind + 1])) < 0)
		return cli_usage_error(cmd, "expected one fiscal year, e.g. "
					    "'kansa year start 2026'");
	if (o->from && o->from >= o->year)
		return cli_usage_error(cmd, "--from %d is not before %d",
				       o->from, o->year);
	return 0;
}

static int year_parse(int argc, char **argv, struct cli *cli,
		      struct year_opts *o)
{
	const struct command *cmd = cli_find("year");
	struct cli_parser p;
	int c, rc;

	memset(o, 0, sizeof(*o));
	cli_parse_start(&p, cmd, cli);
	while ((c = cli_parse_next(&p, argc, argv)) != -1) {
		o->start_only |= c == 'f' || c == 'o' || c == 'T';
		o->move_only |= c == 'y' || c == 'V' || c == 'Y' || c == 'r';
		switch (c) {
		case 'f':
			if ((o->from = cli_parse_year(optarg)) < 0)
				return cli_usage_error(cmd,
						       "--from '%s' is not a "
						       "fiscal year",
						       optarg);
			break;
		case 'o':
			o->dir = optarg;
			break;
		case 'T':
			o->tdir = optarg;
			break;
		case 'y':
			if ((rc = cli_opt_year(cmd, optarg, &o->mv.year)) != 0)
				return rc;
			break;
		case 'V':
			o->mv.to = optarg;
			break;
		case 'Y':
			o->mv.yes = true;
			break;
		case 'r':
			o->mv.reason = optarg;
			break;
		default:
			return cli_usage_error(cmd, "unknown option");
		}
	}
	return year_operands(cmd, argc, argv, o);
}

/* Respondent r's sheet of year y as an answer_sheet (strings copied). */
static bool sheet_of(const struct store_year *y, size_t r,
		     struct answer_sheet *sh)
{
	const struct score_respondent *p = &y->respondents[r].who;
	bool ok;

	memset(sh, 0, sizeof(*sh));
	sh->fiscal_year = y->year;
	ok = (sh->department = strdup(p->department)) &&
	     (sh->role = strdup(p->role)) &&
	     (sh->respondent = strdup(p->name)) &&
	     (sh->system = strdup(p->system)) &&
	     (sh->answered_on = strdup(y->respondents[r].answered_on)) &&
	     (sh->path = strdup(y->respondents[r].file));
	for (size_t i = 0; ok && i < y->nanswers; i++) {
		struct answer *a;
		const struct store_year_answer *row = &y->answers[i];
		if (row->a.respondent != r)
			continue;
		if (!(a = text_grow(sh->answers, sh->nanswers + 1,
				    sizeof(*a)))) {
			ok = false;
			break;
		}
		sh->answers = (struct answer *)a;
		a = &sh->answers[sh->nanswers++];
		memset(a, 0, sizeof(*a));
		a->status = row->a.status;
		ok = (a->item_id = strdup(row->a.item_id)) &&
		     (a->comment = strdup(row->comment));
		if (ok && *row->evidence_ids) {
			ok = (a->evidence = malloc(sizeof(char *))) &&
			     (a->evidence[0] = strdup(row->evidence_ids));
			a->nevidence = ok;
		}
	}
	return ok;
}

/* dir/name, or dir/name-2.ini ... when name is taken by another sheet
 * of this run (caller frees). */
static char *sheet_path(const char *dir, const char *name, char **used,
			size_t nused)
{
	struct sbuf b = {0};
	const char *dot = strrchr(name, '.');
	int stem = dot ? (int)(dot - name) : (int)strlen(name);

	for (int n = 1; n < 100; n++) {
		bool taken = false;
		sbuf_release(&b);
		if (n == 1)
			sbuf_printf(&b, "%s/%s", dir, name);
		else
			sbuf_printf(&b, "%s/%.*s-%d.ini", dir, stem, name, n);
		for (size_t i = 0; b.s && i < nused; i++)
			taken |= strcmp(used[i], b.s) == 0;
		if (!taken)
			break;
	}
	return sbuf_take(&b);
}

/* Last year's sheet name for year: each "prev" in it that is a number of
 * its own (answers-2026-ciso.ini) made "year", so that next year's
 * sheets do not carry last year's number (caller frees; NULL when out of
 * memory). */
static char *next_name(const char *name, int prev, int year)
{
	struct sbuf b = {0};
	char p[16];
	size_t n = (size_t)snprintf(p, sizeof(p), "%d", prev);

	for (const char *s = name; *s;) {
		bool alone = strncmp(s, p, n) == 0 &&
			     (s == name || !isdigit((unsigned char)s[-1])) &&
			     !isdigit((unsigned char)s[n]);
		if (alone) {
			sbuf_printf(&b, "%d", year);
			s += n;
		} else {
			sbuf_add(&b, s++, 1);
		}
	}
	return sbuf_take(&b);
}

/* Writes text to path unless a file is there already (*kept). */
static enum kansa_err write_new(const char *path, const char *text, size_t len,
				bool *kept, struct diags *d)
{
	*kept = access(path, F_OK) == 0;
	if (*kept) {
		printf(_("%s: already there, left as it is\n"), path);
		return KANSA_OK;
	}
	return fileio_write_atomic(path, text, len, d);
}

/* One sheet per respondent of year prev, with their answers beside. */
static enum kansa_err carry_sheets(struct store *st, const struct checklist *cl,
				   const struct role_table *roles,
				   const struct year_opts *o, int prev,
				   const char *header, const char *dir,
				   bool *role_done, struct year_done *done,
				   struct diags *d)
{
	struct store_year y;
	char today[11], **used;
	enum kansa_err err;

	cli_today(today);
	if ((err = store_load_year(st, prev, today, true, &y, d)))
		return err;
	if (!(used = calloc(y.nrespondents + 1, sizeof(*used)))) {
		store_year_release(&y);
		return KANSA_ERR_NOMEM;
	}
	for (size_t r = 0; r < y.nrespondents && !err; r++) {
		struct answer_sheet sh;
		char *text = NULL, *path, *name;
		size_t len;
		bool kept;
		const char *role = y.respondents[r].who.role;

		if (!sheets_role_has_items(cl, role)) {
			printf(_("%s: %s has no items in %s@%s: no sheet\n"),
			       y.respondents[r].file, role, cl->policy,
			       cl->version);
			done->skipped++;
			continue;
		}
		name = next_name(fileio_basename(y.respondents[r].file), prev,
				 o->year);
		path = name ? sheet_path(dir, name, used, r) : NULL;
		free(name);
		if (!path || !sheet_of(&y, r, &sh)) {
			free(path);
			err = KANSA_ERR_NOMEM;
			break;
		}
		used[r] = path;
		err = answers_format_carried(cl, o->year, &sh, header, &text,
					     &len);
		if (!err && !(err = write_new(path, text, len, &kept, d))) {
			if (sheets_role_index(roles, role) >= 0)
				role_done[sheets_role_index(roles, role)] =
					true;
			if (kept)
				done->kept++;
			else {
				done->carried++;
				printf(_("%s: %s (%s%s%s), %zu item(s), %d's "
					 "answers beside them\n"),
				       path, role, sh.department,
				       *sh.system ? " / " : "", sh.system,
				       sheets_role_items(cl, role), prev);
			}
		}
		free(text);
		answers_release(&sh);
	}
	for (size_t r = 0; r < y.nrespondents; r++)
		free(used[r]);
	free(used);
	store_year_release(&y);
	return err;
}

/* A blank sheet for each role with items that no sheet was made for. */
static enum kansa_err
blank_sheets(const struct checklist *cl, const struct role_table *roles,
	     const struct year_opts *o, const char *header, const char *dir,
	     const bool *role_done, struct year_done *done, struct diags *d)
{
	enum kansa_err err = KANSA_OK;
	for (size_t r = 0; r < roles->n && !err; r++) {
		const char *role = roles->v[r].name;
		char *text = NULL;
		size_t len;
		bool kept;
		struct sbuf path = {0};

		if (role_done[r] || !sheets_role_has_items(cl, role))
			continue;
		sbuf_printf(&path, "%s/answers-%d-%s.ini", dir, o->year,
			    sheets_role_slug(roles, role));
		if (path.oom ||
		    (err = answers_format_template(cl, role, o->year, NULL,
						   header, &text, &len))) {
			err = err ? err : KANSA_ERR_NOMEM;
		} else if (!(err = write_new(path.s, text, len, &kept, d))) {
			done->kept += kept;
			done->blank += !kept;
			if (!kept)
				printf(_("%s: %s, %zu item(s) (blank: nobody "
					 "answered for this role before)\n"),
				       path.s, role,
				       sheets_role_items(cl, role));
		}
		free(text);
		sbuf_release(&path);
	}
	return err;
}

/* The plans file the open plans go to: the workspace's plans pattern for
 * the year with its '*' made "from-PREV". */
static char *plans_path(const struct where *w, int year, int prev)
{
	char *pat = workspace_expand(w->ws.files[WS_PLANS], year), *star, *p;
	struct sbuf b = {0};

	if (!pat)
		return NULL;
	if ((star = strchr(pat, '*')) && !strpbrk(star + 1, "*?[{")) {
		sbuf_printf(&b, "%.*sfrom-%d%s", (int)(star - pat), pat, prev,
			    star + 1);
	} else if (!strpbrk(pat, "*?[{")) {
		sbuf_adds(&b, pat);
	}
	free(pat);
	if (!b.s || b.oom) {
		sbuf_release(&b);
		return NULL;
	}
	p = where_shown(w, b.s);
	sbuf_release(&b);
	return p;
}

/* Writes the open plans, as they stand, into a plans file of the year:
 * imported unedited it changes nothing; edited it is the next progress
 * report. */
static enum kansa_err carry_plans(struct store *st, const struct where *w,
				  int year, int prev, struct year_done *done,
				  struct diags *d)
{
	struct plan *v = NULL;
	size_t n = 0;
	struct sbuf b = {0}, crlf = {0};
	const char *as_of = "";
	enum kansa_err err = store_load_plans(st, &v, &n, d);
	bool kept;

	for (size_t i = 0; !err && i < n; i++)
		if (plan_is_open(&v[i]) && strcmp(v[i].as_of, as_of) > 0)
			as_of = v[i].as_of;
	if (err || !*as_of)
		goto out;
	sbuf_printf(
		&b,
		"; 改善計画 (%d年度へ引き継いだ未完了の計画)\n"
		"; %s 現在の状態のままです。このまま取り込んでも何も"
		"変わりません。\n"
		"; 進捗を報告するときは、各計画の status・progress・notes と"
		"\n; [kansa] の as_of (報告の日付) を書き換えます "
		"(man kansa-plans)。\n"
		"[kansa]\nkind = plans\nas_of = %s\nreported_by = \n"
		"role = \n",
		year, as_of, as_of);
	for (size_t i = 0; i < n; i++)
		if (plan_is_open(&v[i])) {
			plans_format(&b, &v[i]);
			done->plans++;
		}
	for (size_t i = 0; b.s && i < b.len; i++)
		sbuf_adds(&crlf, b.s[i] == '\n' ? "\r\n" : (char[]){b.s[i], 0});
	if (b.oom || crlf.oom ||
	    !(done->plans_file = plans_path(w, year, prev)))
		err = KANSA_ERR_NOMEM;
	else if (!(err = write_new(done->plans_file, crlf.s, crlf.len, &kept,
				   d)) &&
		 kept)
		done->plans = 0;
out:
	sbuf_release(&b);
	sbuf_release(&crlf);
	for (size_t i = 0; i < n; i++)
		plan_release(&v[i]);
	free(v);
	return err;
}

/* Makes the folder of the year's files of kind k, when it has one. */
static enum kansa_err make_folder(const struct where *w, enum ws_kind k,
				  int year, struct diags *d)
{
	char *rel = workspace_dir_of(&w->ws, k, year), *dir;
	enum kansa_err err = KANSA_OK;

	if (!rel)
		return KANSA_OK;
	dir = where_shown(w, rel);
	if (!dir || !fileio_make_dirs(dir)) {
		diags_add(d, DIAG_ERROR, dir ? dir : rel, 0,
			  "cannot make the folder: %s", strerror(errno));
		err = KANSA_ERR_IO;
	}
	free(dir);
	free(rel);
	return err;
}

/* The year whose answers are shown: --from, which must have answers, or
 * the latest before FY with answers (0: none). */
static enum kansa_err previous_year(struct store *st, const struct year_opts *o,
				    const char *db, int *prev, struct diags *d)
{
	*prev = o->from ? o->from : store_previous_year(st, o->year);
	if (o->from && store_previous_year(st, o->from + 1) != o->from) {
		diags_add(d, DIAG_ERROR, db, 0,
			  "no answers imported for fiscal year %d (--from)",
			  o->from);
		return KANSA_ERR_INPUT;
	}
	return KANSA_OK;
}

/* The year's folders: evidence, plans and the sheets' (*dir). */
static enum kansa_err make_folders(const struct where *w,
				   const struct year_opts *o, char **dir,
				   struct diags *d)
{
	enum kansa_err err;
	if ((err = make_folder(w, WS_EVIDENCE, o->year, d)) ||
	    (err = make_folder(w, WS_PLANS, o->year, d)))
		return err;
	if (!(*dir = where_sheets_dir(w, o->dir, o->year, d)))
		return KANSA_ERR_IO;
	return KANSA_OK;
}

static void print_summary(const struct year_opts *o, int prev,
			  const struct year_done *done, const char *dir)
{
	printf(ngettext("\nkansa year start %d: %zu sheet with %d's answers "
			"beside each item, %zu blank, %zu left as they were",
			"\nkansa year start %d: %zu sheets with %d's answers "
			"beside each item, %zu blank, %zu left as they were",
			done->carried),
	       o->year, done->carried, prev, done->blank, done->kept);
	if (done->skipped)
		printf(ngettext(", %zu respondent without items now",
				", %zu respondents without items now",
				done->skipped),
		       done->skipped);
	if (done->plans)
		printf(ngettext("; %zu open plan carried into %s\n",
				"; %zu open plans carried into %s\n",
				done->plans),
		       done->plans, done->plans_file);
	else
		printf(_("; 0 open plans carried\n"));
	printf(_("next steps:\n"
		 "  1. hand each sheet in %s to its respondent: last year's "
		 "answer is shown above\n"
		 "     each item as a comment and does not count; they write "
		 "this year's status,\n"
		 "     evidence and comment (the same as last year where "
		 "nothing "
		 "changed)\n"
		 "  2. collect this year's evidence in a new register "
		 "(evidence "
		 "IDs of %d)\n"
		 "  3. kansa run --year %d --as-of DATE --date DATE (an item "
		 "left empty counts as 未回答)\n"),
	       dir, o->year, o->year);
}

int cmd_year(int argc, char **argv, struct cli *cli)
{
	struct year_opts o;
	struct year_done done = {0};
	struct where w;
	struct store *st = NULL;
	struct checklist cl;
	bool role_done[ROLES_MAX] = {false};
	char how[64], *header = NULL, *dir = NULL;
	size_t hlen;
	int rc, prev = 0;
	enum kansa_err err;

	if ((rc = year_parse(argc, argv, cli, &o)) != 0)
		return rc;
	if (!strcmp(o.action, "move"))
		return cmd_year_move(&o.mv, cli);
	if (!strcmp(o.action, "log"))
		return cmd_year_log(&o.mv, cli);
	checklist_init(&cl);
	snprintf(how, sizeof(how), "kansa year start %d", o.year);
	if ((err = where_open(cli, &w)))
		goto out;
	if (!w.ws_dir) {
		diags_add(&cli->diags, DIAG_ERROR, NULL, 0,
			  "not in a workspace (no kansa.ini here or in a "
			  "folder above): run '%s' in the folder of kansa.ini "
			  "(kansa init makes one)",
			  how);
		err = KANSA_ERR_INPUT;
		goto out;
	}
	if ((err = where_load_checklist(cli, &w, how, o.year, NULL, &st, &cl,
					&rc)))
		goto out;
	if ((err = previous_year(st, &o, w.db, &prev, &cli->diags)) ||
	    (err = templates_load("answer-sheet.txt",
				  o.tdir ? o.tdir : w.templates, &header, &hlen,
				  NULL, &cli->diags)) ||
	    (err = make_folders(&w, &o, &dir, &cli->diags)))
		goto out;
	printf(_("kansa year start %d: checklist %s@%s; "), o.year, cl.policy,
	       cl.version);
	if (prev)
		printf(_("the answers of %d shown beside each item\n"), prev);
	else
		printf(_("no earlier year with answers: blank sheets\n"));
	if ((prev &&
	     (err = carry_sheets(st, &cl, w.roles, &o, prev, header, dir,
				 role_done, &done, &cli->diags))) ||
	    (err = blank_sheets(&cl, w.roles, &o, header, dir, role_done, &done,
				&cli->diags)) ||
	    (err = carry_plans(st, &w, o.year, prev ? prev : o.year - 1, &done,
			       &cli->diags)))
		goto out;
	print_summary(&o, prev, &done, dir);
out:
	free(header);
	free(dir);
	free(done.plans_file);
	store_close(st);
	checklist_release(&cl);
	if (!rc)
		rc = cli_finish(cli, err);
	where_release(&w);
	return rc;
}
