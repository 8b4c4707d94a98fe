/* cmd_year.h: what `kansa year` (cmd_year_start.c) hands to its actions
 * move and log (cmd_year_move.c). */
#ifndef KANSA_CMD_YEAR_H
#define KANSA_CMD_YEAR_H

#include <stdbool.h>

#include "cli.h"

/* The options of kansa year move and kansa year log. */
struct year_cmd_opts {
	int year;	    /* --year */
	const char *to;	    /* --to: VERSION or NAME@VERSION */
	const char *reason; /* --reason, or NULL */
	bool yes;	    /* --yes: do it (else a dry run) */
};

/* kansa year move: shows the mapping, moves with --yes; an exit code. */
int cmd_year_move(const struct year_cmd_opts *o, struct cli *cli);
/* kansa year log: prints the year's log; an exit code. */
int cmd_year_log(const struct year_cmd_opts *o, struct cli *cli);

#endif
