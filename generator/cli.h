/* cli.h: what every kansa command shares: options, diagnostics, exits.
 *
 * Only the CLI layer (main.c, cli.c, cmd_*.c) prints or exits.
 */
#ifndef KANSA_CLI_H
#define KANSA_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "err.h"
#include "store.h"

#define KANSA_VERSION "0.1.0"

struct cli {
	const char *db;	     /* database path: --db, $KANSA_DB or kansa.db */
	bool db_named;	     /* db came from --db or $KANSA_DB */
	struct diags diags;  /* collected while a command runs */
	size_t errors_shown; /* errors cli_print_diags() printed */
};

struct command {
	const char *name;				/* "derive" */
	int (*fn)(int argc, char **argv, struct cli *); /* cmd_derive() */
	const char *summary;				/* one line */
	const char *usage; /* the whole help text */
};

/* Long options every command takes; the value of 'D' is the database. */
#define CLI_COMMON_OPTIONS                                                     \
	{                                                                      \
		"db", required_argument, NULL, 'D'                             \
	}

const struct command *cli_find(const char *name);
extern const struct command cli_commands[];
extern const size_t cli_ncommands;

/* Prints the usage of cmd to out. */
void cli_print_usage(FILE *out, const struct command *cmd);
/* Prints "kansa CMD: message" and the usage to stderr; returns exit 2. */
int cli_usage_error(const struct command *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Prints and clears the diagnostics collected so far. */
void cli_print_diags(struct cli *cli);
/* Prints the diagnostics and maps err to an exit code. */
int cli_finish(struct cli *cli, enum kansa_err err);
/* Opens the database of cli (creating it when create). */
enum kansa_err cli_open_store(struct cli *cli, bool create, struct store **st);

/* Prints s padded with spaces to width terminal columns. */
void cli_print_padded(FILE *out, const char *s, size_t width, bool right);

/* Output formats of listing commands. */
enum cli_format { FORMAT_TEXT, FORMAT_TSV, FORMAT_JSON };
/* Parses --format; -1 when unknown. */
int cli_parse_format(const char *s);

/* Parses a fiscal year (1900-2999); -1 when it is not one. */
int cli_parse_year(const char *s);
/* Parses the value of --year into *year: 0 when it is one, else the
 * exit code of the usage error it printed. */
int cli_opt_year(const struct command *cmd, const char *arg, int *year);
/* Parses the value of option --name into out (YYYY-MM-DD), the same way. */
int cli_opt_date(const struct command *cmd, const char *name, const char *arg,
		 char out[11]);
/* Today's date as YYYY-MM-DD (local time). */
void cli_today(char out[11]);

int cmd_derive(int argc, char **argv, struct cli *cli);
int cmd_items(int argc, char **argv, struct cli *cli);
int cmd_template(int argc, char **argv, struct cli *cli);
int cmd_import(int argc, char **argv, struct cli *cli);
int cmd_verify(int argc, char **argv, struct cli *cli);
int cmd_status(int argc, char **argv, struct cli *cli);
int cmd_score(int argc, char **argv, struct cli *cli);
int cmd_findings(int argc, char **argv, struct cli *cli);
int cmd_diff(int argc, char **argv, struct cli *cli);
int cmd_plan(int argc, char **argv, struct cli *cli);
int cmd_report(int argc, char **argv, struct cli *cli);
int cmd_backup(int argc, char **argv, struct cli *cli);
int cmd_check_db(int argc, char **argv, struct cli *cli);
int cmd_init(int argc, char **argv, struct cli *cli);
int cmd_run(int argc, char **argv, struct cli *cli);
int cmd_runs(int argc, char **argv, struct cli *cli);
int cmd_year(int argc, char **argv, struct cli *cli);

#endif
