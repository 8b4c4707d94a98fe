/* cmd_derive.c: `kansa derive`: policy text -> checklist INI and store. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checklist.h"
#include "cli.h"
#include "workspace.h"
#include "fileio.h"
#include "ini.h"
#include "policy.h"
#include "run_result.h"
#include "text.h"

struct derive_opts {
	const char *name;    /* --name */
	const char *version; /* --version */
	const char *output;  /* -o */
	const char *style;   /* --style */
	const char *input;   /* POLICY.txt */
	char *ws_input;	     /* the workspace's policy, when no POLICY.txt */
	char *ws_output;     /* and its checklist, when no -o */
};

/* checklists/<name without extension>.ini; caller frees. */
static char *default_output(const char *input)
{
	const char *base = fileio_basename(input), *dot = strrchr(base, '.');
	size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	struct sbuf b = {0};
	sbuf_adds(&b, "checklists/");
	sbuf_add(&b, base, n);
	sbuf_adds(&b, ".ini");
	return sbuf_take(&b);
}

/* Reads and decodes the policy text. */
static enum kansa_err read_policy(const char *path, struct diags *d,
				  char **text, size_t *len, char sha[65])
{
	char *raw = NULL;
	size_t rawlen;
	enum text_encoding enc;
	enum kansa_err err =
		fileio_read(path, POLICY_MAX_BYTES, &raw, &rawlen, d);
	if (err)
		return err;
	if (rawlen == 0) {
		diags_add(d, DIAG_ERROR, path, 0,
			  "empty file (expected the policy text)");
		free(raw);
		return KANSA_ERR_INPUT;
	}
	text_sha256_hex(raw, rawlen, sha);
	err = text_decode(raw, rawlen, path, d, text, len, &enc);
	free(raw);
	return err;
}

/* The checklist of an earlier derive, when there is one. */
static enum kansa_err read_previous(const char *path, struct checklist *old,
				    bool *exists, struct diags *d)
{
	struct stat st;
	*exists = stat(path, &st) == 0;
	if (!*exists)
		return KANSA_OK;
	return checklist_read(path, old, d);
}

/* Name, version and the reviewer's sections carried over. */
static enum kansa_err fill_meta(struct checklist *cl, struct checklist *old,
				const struct derive_opts *o,
				const struct policy *pol, const char *sha)
{
	char *guess = policy_guess_name(pol);
	const char *base = fileio_basename(o->input);

	cl->policy = strdup(o->name			  ? o->name
			    : old->policy && *old->policy ? old->policy
			    : guess			  ? guess
							  : base);
	cl->version = strdup(o->version			     ? o->version
			     : old->version && *old->version ? old->version
							     : "1");
	cl->source = strdup(base);
	if (o->style || (old->style && *old->style))
		cl->style = strdup(o->style ? o->style : old->style);
	cl->source_sha256 = strdup(sha);
	free(guess);
	cl->renumber = old->renumber;
	cl->nrenumber = old->nrenumber;
	old->renumber = NULL;
	old->nrenumber = 0;
	cl->mapping = old->mapping;
	cl->nmapping = old->nmapping;
	old->mapping = NULL;
	old->nmapping = 0;
	if (!cl->policy || !cl->version || !cl->source || !cl->source_sha256)
		return KANSA_ERR_NOMEM;
	return KANSA_OK;
}

/*
 * The numbering style: --style, else the checklist's [kansa] style, else
 * the one that reads the text best.  why says which and why.
 */
static enum kansa_err choose_style(const struct style_set *set,
				   const struct derive_opts *o,
				   const struct checklist *old,
				   const char *text, size_t len,
				   const char *output, const struct style **st,
				   struct sbuf *why, struct diags *d)
{
	const char *name = o->style		       ? o->style
			   : old->style && *old->style ? old->style
						       : NULL;
	if (!name) {
		sbuf_adds(why, "detected: ");
		*st = policy_detect_style(text, len, set, why);
		return *st ? KANSA_OK : KANSA_ERR_INPUT;
	}
	if (!(*st = style_find(set, name))) {
		struct sbuf names = {0};
		for (size_t i = 0; i < set->n; i++)
			sbuf_printf(&names, "%s%s", i ? ", " : "",
				    set->v[i].name);
		diags_add(d, DIAG_ERROR, o->style ? NULL : output, 0,
			  "unknown numbering style '%s' (expected one of %s, "
			  "or a style described in templates/styles.ini)",
			  name, names.s ? names.s : "");
		sbuf_release(&names);
		return KANSA_ERR_INPUT;
	}
	sbuf_printf(why, "%s", o->style ? "--style" : "the checklist's style");
	return KANSA_OK;
}

/* Creates the folder a file goes in when it is missing (one level). */
static void make_parent(const char *path)
{
	char *dir = strdup(path), *slash = dir ? strrchr(dir, '/') : NULL;
	if (slash && slash != dir) {
		*slash = '\0';
		mkdir(dir, 0777);
	}
	free(dir);
}

/*
 * Writes the checklist unless the file there already says the same (in
 * kansa's own layout once read: a reviewer's key order and comments are
 * then left as they are).  prev is the previous checklist formatted, or
 * NULL when there was none.
 */
static enum kansa_err write_checklist(const char *path, const char *ini,
				      size_t len, const char *prev,
				      bool *changed, struct diags *d)
{
	*changed = !prev || strlen(prev) != len || memcmp(prev, ini, len) != 0;
	if (!*changed)
		return KANSA_OK;
	make_parent(path);
	return fileio_write_atomic(path, ini, len, d);
}

static void print_row(const char *a, const char *b, const char *c,
		      const char *d, const char *e)
{
	cli_print_padded(stdout, a, 5, false);
	cli_print_padded(stdout, b, 34, false);
	cli_print_padded(stdout, c, 6, true);
	cli_print_padded(stdout, d, 6, true);
	cli_print_padded(stdout, e, 6, true);
	putchar('\n');
}

static void print_counts(const char *id, const char *title, const size_t n[2])
{
	char a[24], b[24], c[24];
	snprintf(a, sizeof(a), "%zu", n[0]);
	snprintf(b, sizeof(b), "%zu", n[1]);
	snprintf(c, sizeof(c), "%zu", n[0] + n[1]);
	print_row(id, title, a, b, c);
}

/* True when id is a chapter (a clause directly under the root). */
static bool is_chapter(const struct policy *pol, const char *id)
{
	for (size_t i = 0; i < pol->root->nchildren; i++)
		if (strcmp(pol->root->children[i]->id, id) == 0)
			return true;
	return false;
}

static void print_summary(const struct checklist *cl, const char *input,
			  const struct policy *pol, const char *output,
			  bool changed, enum store_saved saved, const char *db,
			  const char *why)
{
	static const char *const saved_label[] = {
		N_("new policy version"), N_("replaced (the items changed)"),
		N_("unchanged")};
	size_t total[2] = {0, 0};

	printf(_("%s: %ld lines, %zu clauses, %zu items\n"), input, pol->nlines,
	       pol->nclauses, cl->nitems);
	printf(_("policy:    %s (version %s)\n"), cl->policy, cl->version);
	printf(_("style:     %s (%s; %s)\n"), pol->style->name,
	       pol->style->description, why);
	printf(_("checklist: %s (%s)\n"), output,
	       changed ? _("written") : _("unchanged"));
	printf(_("database:  %s (%s)\n\n"), db, _(saved_label[saved]));
	print_row("章", "", "必須", "推奨", "計");
	for (size_t p = 0; p < cl->nparts; p++) {
		const struct part *pt = &cl->parts[p];
		size_t n[2] = {0, 0};
		if (!is_chapter(pol, pt->id))
			continue;
		for (size_t i = 0; i < cl->nitems; i++)
			if (strcmp(cl->items[i].chapter, pt->id) == 0)
				n[cl->items[i].level]++;
		print_counts(pt->id, pt->title, n);
		total[0] += n[0];
		total[1] += n[1];
	}
	print_counts("計", "", total);
}

const struct cli_option cmd_derive_options[] = {
	{"name", 'n', false, "NAME",
	 N_("policy name (default: the name the text defines,\nelse the "
	    "checklist's, else the file name)")},
	{"version", 'V', false, "VER",
	 N_("policy version: the fiscal year it takes effect\n(default: the "
	    "checklist's, else 1)")},
	CLI_OPT_OUTPUT("FILE", N_("checklist to write (default:\n"
				  "checklists/<policy file name>.ini)")),
	{"style", 's', false, "NAME",
	 N_("numbering style: council, dai, jourei, guideline,\ndecimal, "
	    "bullets or one of templates/styles.ini\n(default: the checklist's "
	    "style, else the style\nthat reads the most clauses); kept in the "
	    "checklist")},
	CLI_OPT_DB,
	CLI_OPT_END,
};

/* No POLICY.txt in a workspace: its policy, into its checklist unless
 * -o says otherwise (as kansa run derives). */
static int workspace_policy(struct derive_opts *o)
{
	const struct workspace *ws = workspace_current();
	if (!(o->ws_input = workspace_current_path(ws->policy)) ||
	    (!o->output &&
	     !(o->ws_output = workspace_current_path(ws->checklist))))
		return KANSA_EXIT_SYSTEM;
	o->input = o->ws_input;
	if (!o->output)
		o->output = o->ws_output;
	return 0;
}

static int parse_args(int argc, char **argv, struct derive_opts *o,
		      struct cli *cli)
{
	struct cli_parser p;
	const struct command *cmd = cli_find("derive");
	int c;

	cli_parse_start(&p, cmd, cli);
	while ((c = cli_parse_next(&p, argc, argv)) != -1) {
		switch (c) {
		case 'n':
			o->name = optarg;
			break;
		case 'V':
			o->version = optarg;
			break;
		case 'o':
			o->output = optarg;
			break;
		case 's':
			o->style = optarg;
			break;
		default:
			return cli_usage_error(cmd, "unknown option");
		}
	}
	if (optind == argc && workspace_current())
		return workspace_policy(o);
	if (optind != argc - 1)
		return cli_usage_error(cmd, _("expected one policy text file"));
	o->input = argv[optind];
	if (o->name && !*o->name)
		return cli_usage_error(cmd, "--name must not be empty");
	if (o->version && !*o->version)
		return cli_usage_error(cmd, "--version must not be empty");
	if (o->style && !*o->style)
		return cli_usage_error(cmd, "--style must not be empty");
	return 0;
}

int cmd_derive(int argc, char **argv, struct cli *cli)
{
	struct derive_opts o = {0};
	struct checklist cl, old;
	struct policy *pol = NULL;
	struct store *st = NULL;
	struct style_set styles = {0};
	const struct style *style = NULL;
	struct sbuf why = {0};
	char *text = NULL, *ini = NULL, *prev = NULL, *output = NULL;
	char sha[65], inisha[65];
	size_t len, inilen, prevlen;
	bool exists, changed = false;
	enum store_saved saved = STORE_SAVED_SAME;
	enum kansa_err err;
	int rc;

	checklist_init(&cl);
	checklist_init(&old);
	if ((rc = parse_args(argc, argv, &o, cli)) != 0)
		return rc;
	if (!(output = o.output ? strdup(o.output) : default_output(o.input)))
		return cli_finish(cli, KANSA_ERR_NOMEM);
	if ((err = read_policy(o.input, &cli->diags, &text, &len, sha)) ||
	    (err = read_previous(output, &old, &exists, &cli->diags)) ||
	    (exists && (err = checklist_format(&old, &prev, &prevlen))) ||
	    (err = style_set_load(&styles, NULL, &cli->diags)) ||
	    (err = choose_style(&styles, &o, &old, text, len, output, &style,
				&why, &cli->diags)) ||
	    (err = policy_parse_style(text, len, o.input, style, old.renumber,
				      old.nrenumber, &cli->diags, &pol)) ||
	    (err = fill_meta(&cl, &old, &o, pol, sha)) ||
	    (err = checklist_derive(pol, o.input, &cl, &cli->diags)) ||
	    (err = checklist_keep_reviewed(&cl, &old, output, &cli->diags)) ||
	    (err = checklist_format(&cl, &ini, &inilen)) ||
	    (err = write_checklist(output, ini, inilen, prev, &changed,
				   &cli->diags)) ||
	    (err = checklist_apply_corrections(&cl)))
		goto out;
	text_sha256_hex(ini, inilen, inisha);
	if ((err = cli_open_store(cli, true, &st)) ||
	    (err = store_save_policy(st, &cl, inisha, &saved, &cli->diags)))
		goto out;
	run_result_warnings(&cli->diags); /* for kansa run */
	run_result_put("lines", pol->nlines);
	run_result_put("clauses", (long long)pol->nclauses);
	run_result_put("items", (long long)cl.nitems);
	cli_print_diags(cli);
	print_summary(&cl, o.input, pol, output, changed, saved, cli->db,
		      why.s ? why.s : "");
out:
	store_close(st);
	policy_free(pol);
	style_set_release(&styles);
	sbuf_release(&why);
	checklist_release(&cl);
	checklist_release(&old);
	free(text);
	free(ini);
	free(prev);
	free(output);
	free(o.ws_input);
	free(o.ws_output);
	return cli_finish(cli, err);
}
