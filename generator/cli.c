/* cli.c: what every kansa command shares: options, diagnostics, exits. */
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>

#include "text.h"

void cli_print_usage(FILE *out, const struct command *cmd)
{
	fputs(cmd->usage, out);
	/* the exit codes are one table, in `kansa help` and kansa(1) */
	if (strcmp(cmd->name, "help") != 0 && strcmp(cmd->name, "version") != 0)
		fputs("\nExit codes: see 'kansa help'.\n", out);
}

int cli_usage_error(const struct command *cmd, const char *fmt, ...)
{
	va_list ap;
	/* getopt has named the option already ("kansa CMD: unrecognized
	 * option '--x'", main.c makes argv[0] "kansa CMD"): say it once */
	if (strcmp(fmt, "unknown option") != 0) {
		fprintf(stderr, "kansa %s: ", cmd->name);
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
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
	static const char *const label[] = {"", "warning: ", "notice: "};
	for (size_t i = 0; i < cli->diags.n; i++) {
		const struct diag *g = &cli->diags.v[i];
		if (g->file && g->line > 0)
			fprintf(stderr, "%s:%ld: %s%s\n", g->file, g->line,
				label[g->level], g->msg);
		else if (g->file)
			fprintf(stderr, "%s: %s%s\n", g->file, label[g->level],
				g->msg);
		else
			fprintf(stderr, "kansa: %s%s\n", label[g->level],
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

enum kansa_err cli_open_store(struct cli *cli, bool create, struct store **st)
{
	return store_open(cli->db, create, &cli->diags, st);
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
	char *end;
	long y = strtol(s, &end, 10);
	if (end == s || *end || y < 1900 || y > 2999)
		return -1;
	return (int)y;
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
		return cli_usage_error(cmd, "--year '%s' is not a fiscal year",
				       arg);
	return 0;
}

int cli_opt_date(const struct command *cmd, const char *name, const char *arg,
		 char out[11])
{
	if (!text_parse_date(arg, out))
		return cli_usage_error(cmd,
				       "--%s '%s' is not a date (expected "
				       "YYYY-MM-DD)",
				       name, arg);
	return 0;
}
