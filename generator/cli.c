/* cli.c: what every kansa command shares: options, diagnostics, exits. */
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>

#include "text.h"
#include "workspace.h"

/* "-o, --output FILE" for one option, into buf. */
static void option_label(const struct cli_option *o, char *buf, size_t size)
{
	const char *sp = o->arg ? " " : "", *arg = o->arg ? o->arg : "";
	if (o->short_opt)
		snprintf(buf, size, "-%c, --%s%s%s", o->key, o->name, sp, arg);
	else
		snprintf(buf, size, "--%s%s%s", o->name, sp, arg);
}

/* One option's line(s): the label, then its help from column col. */
static void print_option(FILE *out, const char *label, const char *help,
			 int col)
{
	int len = fprintf(out, "  %s", label);
	if (len + 1 > col) {
		fputc('\n', out);
		len = 0;
	}
	fprintf(out, "%*s", col - len, "");
	for (const char *h = help; *h; h++) {
		fputc(*h, out);
		if (*h == '\n' && h[1])
			fprintf(out, "%*s", col, "");
	}
	fputc('\n', out);
}

/* The options of cmd, their help aligned (a label too long for the
 * column puts its help on the next line), then -h. */
static void print_options(FILE *out, const struct cli_option *opts)
{
	char label[96];
	int col = 12;
	for (const struct cli_option *o = opts; o->name; o++) {
		if (!o->help)
			continue;
		option_label(o, label, sizeof(label));
		if ((int)strlen(label) + 4 > col && strlen(label) + 4 <= 26)
			col = (int)strlen(label) + 4;
	}
	for (const struct cli_option *o = opts; o->name; o++) {
		if (!o->help)
			continue;
		option_label(o, label, sizeof(label));
		print_option(out, label, _(o->help), col);
	}
	print_option(out, "-h, --help", _("show this help"), col);
}

void cli_print_usage(FILE *out, const struct command *cmd)
{
	fputs(_(cmd->usage), out);
	if (cmd->options) {
		fputc('\n', out);
		print_options(out, cmd->options);
	}
	if (cmd->epilog) {
		fputc('\n', out);
		fputs(_(cmd->epilog), out);
	}
	/* the exit codes are one table, in `kansa help` and kansa(1) */
	if (strcmp(cmd->name, "help") != 0 && strcmp(cmd->name, "version") != 0)
		fputs(_("\nExit codes: see 'kansa help'.\n"), out);
}

void cli_parse_start(struct cli_parser *p, const struct command *cmd,
		     struct cli *cli)
{
	size_t n = 0, k = 0;

	memset(p, 0, sizeof(*p));
	p->cmd = cmd;
	p->cli = cli;
	for (const struct cli_option *o = cmd->options; o && o->name; o++) {
		if (n == CLI_MAX_OPTIONS)
			abort(); /* a programming error: raise the limit */
		p->longopts[n++] = (struct option){
			o->name, o->arg ? required_argument : no_argument, NULL,
			o->key};
		if (o->short_opt) {
			p->shortopts[k++] = (char)o->key;
			if (o->arg)
				p->shortopts[k++] = ':';
		}
	}
	optind = 1;
}

int cli_parse_next(struct cli_parser *p, int argc, char **argv)
{
	int c;
	while ((c = getopt_long(argc, argv, p->shortopts, p->longopts, NULL)) ==
		       'D' ||
	       c == 'W') {
		if (c == 'D') {
			p->cli->db = optarg;
			p->cli->db_named = true;
		} else if (!p->cli->workspace ||
			   strcmp(p->cli->workspace, optarg) != 0) {
			/* main.c opened the one written out in full; this
			 * was abbreviated (--works DIR) */
			if (cli_open_workspace(p->cli, optarg))
				exit(cli_finish(p->cli, KANSA_ERR_INPUT));
		}
	}
	return c;
}

int cli_usage_error(const struct command *cmd, const char *fmt, ...)
{
	va_list ap;
	/* getopt has named the option already ("kansa CMD: unrecognized
	 * option '--x'", main.c makes argv[0] "kansa CMD"): say it once */
	if (strcmp(fmt, "unknown option") != 0) {
		fprintf(stderr, "kansa %s: ", cmd->name);
		va_start(ap, fmt);
		vfprintf(stderr, _(fmt), ap);
		va_end(ap);
		fputs("\n", stderr);
	}
	fputs("\n", stderr);
	cli_print_usage(stderr, cmd);
	return KANSA_EXIT_USAGE;
}

const struct command *cli_find(const char *name)
{
	for (size_t i = 0; i < cli_ncommands; i++)
		if (strcmp(cli_commands[i].name, name) == 0)
			return &cli_commands[i];
	return NULL;
}

void cli_print_diags(struct cli *cli)
{
	static const char *const label[] = {"", N_("warning: "),
					    N_("notice: ")};
	for (size_t i = 0; i < cli->diags.n; i++) {
		const struct diag *g = &cli->diags.v[i];
		if (g->file && g->line > 0)
			fprintf(stderr, "%s:%ld: %s%s\n", g->file, g->line,
				*label[g->level] ? _(label[g->level]) : "",
				g->msg);
		else if (g->file)
			fprintf(stderr, "%s: %s%s\n", g->file,
				*label[g->level] ? _(label[g->level]) : "",
				g->msg);
		else
			fprintf(stderr, "kansa: %s%s\n",
				*label[g->level] ? _(label[g->level]) : "",
				g->msg);
	}
	cli->errors_shown += cli->diags.errors;
	diags_release(&cli->diags);
}

int cli_finish(struct cli *cli, enum kansa_err err)
{
	cli_print_diags(cli);
	if (err && !cli->errors_shown)
		fprintf(stderr, "kansa: %s\n", kansa_strerror(err));
	return kansa_exit_code(err);
}

enum kansa_err cli_open_workspace(struct cli *cli, const char *named)
{
	const char *env = getenv("KANSA_WORKSPACE");
	const struct workspace *ws;
	enum kansa_err err;

	if (!named && env && *env)
		named = env;
	cli->workspace = named;
	if ((err = workspace_open_current(named, &cli->diags)))
		return err;
	/* the steps of kansa run (child processes, in the workspace's
	 * folder) open the same one */
	if (named && workspace_current_ini() &&
	    setenv("KANSA_WORKSPACE", workspace_current_ini(), 1) != 0)
		return KANSA_ERR_NOMEM;
	if (!(ws = workspace_current()) || cli->db_named)
		return KANSA_OK;
	free(cli->db_owned);
	if (!(cli->db_owned = workspace_current_path(ws->database)))
		return KANSA_ERR_NOMEM;
	cli->db = cli->db_owned;
	return KANSA_OK;
}

enum kansa_err cli_open_store(struct cli *cli, bool create, struct store **st)
{
	return store_open(cli->db, create, &cli->diags, st);
}

int cli_parse_value(const struct cli_value *values, const char *arg)
{
	for (const struct cli_value *v = values; v->names[0]; v++)
		for (const char *const *n = v->names; *n; n++)
			if (strcmp(*n, arg) == 0)
				return v->value;
	return -1;
}

int cli_parse_format(const char *s)
{
	if (strcmp(s, "text") == 0)
		return FORMAT_TEXT;
	if (strcmp(s, "tsv") == 0)
		return FORMAT_TSV;
	if (strcmp(s, "json") == 0)
		return FORMAT_JSON;
	return -1;
}

void cli_print_padded(FILE *out, const char *s, size_t width, bool right)
{
	size_t w = text_width(s);
	if (right)
		fprintf(out, "%*s", w < width ? (int)(width - w) : 0, "");
	fputs(s, out);
	if (!right)
		fprintf(out, "%*s", w < width ? (int)(width - w) : 0, "");
}

int cli_parse_year(const char *s)
{
	int y;
	return text_parse_fiscal_year(s, &y) ? y : -1;
}

void cli_today(char out[11])
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

int cli_opt_year(const struct command *cmd, const char *arg, int *year)
{
	if ((*year = cli_parse_year(arg)) < 0)
		return cli_usage_error(
			cmd, N_("--year '%s' is not a fiscal year"), arg);
	return 0;
}

int cli_opt_date(const struct command *cmd, const char *name, const char *arg,
		 char out[11])
{
	if (!text_parse_date(arg, out))
		return cli_usage_error(cmd,
				       N_("--%s '%s' is not a date (expected "
					  "YYYY-MM-DD)"),
				       name, arg);
	return 0;
}
