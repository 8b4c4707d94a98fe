/* cli.h: what every kansa command shares: options, diagnostics, exits.
 *
 * Only the CLI layer (main.c, cli.c, cmd_*.c) prints or exits.
 */
#ifndef KANSA_CLI_H
#define KANSA_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "err.h"
#include "i18n.h"
#include "store.h"

#define KANSA_VERSION "0.1.0"

struct cli {
	const char *db;	       /* database path: --db, $KANSA_DB, the
				  workspace's or kansa.db */
	bool db_named;	       /* db came from --db or $KANSA_DB */
	const char *workspace; /* --workspace or $KANSA_WORKSPACE, or NULL */
	char *db_owned;	       /* the workspace's database, absolute */
	struct diags diags;    /* collected while a command runs */
	size_t errors_shown;   /* errors cli_print_diags() printed */
};

/* One option of a command (git's parse-options): getopt_long's table,
 * --help, `kansa help CMD` and the manual page are all made from the
 * command's list of these, so a command takes exactly what its help shows.
 * A list ends with an entry whose name is NULL. */
struct cli_option {
	const char *name; /* long name without "--" ("as-of") */
	int key;	  /* what cli_parse_next() returns for it */
	bool short_opt;	  /* -KEY works too (-o) */
	const char *arg;  /* the argument's name ("DATE"), NULL: none */
	const char *help; /* what it does ('\n' continues on the next line),
			     NULL: taken but not shown (to refuse it kindly) */
};

/* The options several commands share, with the same key everywhere. */
#define CLI_OPT_YEAR(help)                                                     \
	{                                                                      \
		"year", 'y', false, "FY", help                                 \
	}
#define CLI_OPT_AS_OF(help)                                                    \
	{                                                                      \
		"as-of", 'a', false, "DATE", help                              \
	}
#define CLI_OPT_DATE(help)                                                     \
	{                                                                      \
		"date", 't', false, "DATE", help                               \
	}
#define CLI_OPT_FORMAT(help)                                                   \
	{                                                                      \
		"format", 'f', false, "text|tsv|json", help                    \
	}
#define CLI_OPT_TEMPLATES(help)                                                \
	{                                                                      \
		"templates", 'T', false, "DIR", help                           \
	}
#define CLI_OPT_OUTPUT(arg, help)                                              \
	{                                                                      \
		"output", 'o', true, arg, help                                 \
	}
/* --workspace DIR: handled by main.c and cli_parse_next() (opens it). */
#define CLI_OPT_WORKSPACE                                                      \
	{                                                                      \
		"workspace", 'W', false, "DIR",                                \
			N_("the workspace (default: $KANSA_WORKSPACE, else\n"  \
			   "the folder of the nearest kansa.ini here or\n"     \
			   "above)")                                           \
	}
/* --db FILE and --workspace DIR: handled by cli_parse_next() itself (sets
 * cli->db, opens the workspace). */
#define CLI_OPT_DB                                                             \
	{"db", 'D', false, "FILE",                                             \
	 N_("the database (default: $KANSA_DB, else the\n"                     \
	    "workspace's, else kansa.db)")},                                   \
		CLI_OPT_WORKSPACE
#define CLI_OPT_END                                                            \
	{                                                                      \
		NULL, 0, false, NULL, NULL                                     \
	}

struct command {
	const char *name;				/* "derive" */
	int (*fn)(int argc, char **argv, struct cli *); /* cmd_derive() */
	const struct cli_option *options; /* what it takes, or NULL */
	const char *summary;		  /* one line */
	const char *usage;  /* synopsis and description, before the options */
	const char *epilog; /* notes and examples, after the options */
};

/* getopt_long's tables for one command, made from its options. */
#define CLI_MAX_OPTIONS 40
struct cli_parser {
	const struct command *cmd;		     /* whose options */
	struct cli *cli;			     /* gets --db */
	struct option longopts[CLI_MAX_OPTIONS + 1]; /* for getopt_long */
	char shortopts[2 * CLI_MAX_OPTIONS + 2];     /* "o:" */
};

/* Starts parsing the arguments of cmd (optind = 1). */
void cli_parse_start(struct cli_parser *p, const struct command *cmd,
		     struct cli *cli);
/* The key of the next option of the command (its argument in optarg),
 * '?' for an option the command does not take (getopt_long has said
 * which), -1 after the last option (optind: the first operand).  --db is
 * taken here and never returned. */
int cli_parse_next(struct cli_parser *p, int argc, char **argv);

const struct command *cli_find(const char *name);
extern const struct command cli_commands[];
extern const size_t cli_ncommands;

/* Prints the usage of cmd to out: synopsis, description, every option
 * with its help, notes and examples. */
void cli_print_usage(FILE *out, const struct command *cmd);
/* Prints "kansa CMD: message" and the usage to stderr; returns exit 2. */
int cli_usage_error(const struct command *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Prints and clears the diagnostics collected so far. */
void cli_print_diags(struct cli *cli);
/* Prints the diagnostics and maps err to an exit code. */
int cli_finish(struct cli *cli, enum kansa_err err);
/*
 * Opens the workspace named (NULL: $KANSA_WORKSPACE, else the one around
 * the current folder, else none) as the current one (workspace.h), and
 * makes its database cli's unless --db or $KANSA_DB named one.
 * KANSA_ERR_INPUT with the problem in cli->diags.
 */
enum kansa_err cli_open_workspace(struct cli *cli, const char *named);
/* Opens the database of cli (creating it when create). */
enum kansa_err cli_open_store(struct cli *cli, bool create, struct store **st);

/* Prints s padded with spaces to width terminal columns. */
void cli_print_padded(FILE *out, const char *s, size_t width, bool right);

/* One value of an enumerated option (--fail-on, --status, --by, --view)
 * as the user may write it: in Japanese or in English, whatever the
 * locale.  names: Japanese first, then English, then other spellings;
 * NULL-ended.  A table ends with an entry whose names[0] is NULL. */
struct cli_value {
	int value;	      /* what it means (an enum) */
	const char *names[6]; /* "重大", "grave", "重大な不適合", NULL */
};
/* The value arg names (exactly one of its names), or -1. */
int cli_parse_value(const struct cli_value *values, const char *arg);

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

extern const struct cli_option cmd_derive_options[], cmd_items_options[],
	cmd_template_options[], cmd_import_options[], cmd_verify_options[],
	cmd_status_options[], cmd_score_options[], cmd_findings_options[],
	cmd_diff_options[], cmd_plan_options[], cmd_report_options[],
	cmd_db_options[], cmd_runs_options[], cmd_init_options[],
	cmd_run_options[], cmd_close_options[], cmd_respondents_options[],
	cmd_year_options[];

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
int cmd_close(int argc, char **argv, struct cli *cli);
int cmd_reopen(int argc, char **argv, struct cli *cli);
int cmd_respondents(int argc, char **argv, struct cli *cli);
int cmd_year(int argc, char **argv, struct cli *cli);

#endif
