/* cmd_sheets.h: what `kansa template` and `kansa year start` share: the
 * workspace around the current folder, its database and checklist, and
 * where the answer sheets go.  Only the CLI layer includes this.
 *
 * Ownership: where_open() fills a struct where that where_release() frees
 * (also after a failed where_open()).
 */
#ifndef KANSA_CMD_SHEETS_H
#define KANSA_CMD_SHEETS_H

#include <stdbool.h>
#include <stddef.h>

#include "checklist.h"
#include "cli.h"
#include "roles.h"
#include "workspace.h"

/* The workspace around the current folder (if any) and the database. */
struct where {
	char *ws_dir;	     /* the workspace folder (absolute), or NULL */
	struct workspace ws; /* its kansa.ini, when ws_dir */
	char *db;	     /* the database (absolute in a workspace) */
	char *templates;     /* the workspace's templates folder, or NULL */
	const struct role_table *roles; /* the workspace's roles */
};

/* The current workspace (workspace_open_current(), done by main.c) and
 * the database: --db or $KANSA_DB, else the workspace's, else kansa.db.
 * Points cli->db at its copy. */
enum kansa_err where_open(struct cli *cli, struct where *w);
void where_release(struct where *w);

/*
 * Opens the database (*st) and loads the checklist in force for year.
 * When there is none yet: in a workspace, derives it from the
 * workspace's policy text (saying so) or says where to put that text;
 * elsewhere, names the commands that make one.  how is the command to
 * name for running again.  *rc is set to the exit code of a failure that
 * was already reported (by derive); 0 otherwise.
 */
enum kansa_err where_load_checklist(struct cli *cli, struct where *w,
				    const char *how, int year, const char *spec,
				    struct store **st, struct checklist *cl,
				    int *rc);

/* The folder the sheets of year go to: dir (-o), else the workspace's
 * answers folder, else answer-sheets/FY.  Made when missing.  Caller
 * frees; NULL with a diagnostic when it cannot be made. */
char *where_sheets_dir(const struct where *w, const char *dir, int year,
		       struct diags *d);

/* The index of role in the role table t, or -1. */
int sheets_role_index(const struct role_table *t, const char *role);
/* A path relative to the workspace folder as seen from the current
 * folder ("2026/answers", or "../2026/answers" from a subfolder).
 * Caller frees. */
char *where_shown(const struct where *w, const char *rel);

/* The short ASCII name of a role for file names ("sys-admin"). */
const char *sheets_role_slug(const struct role_table *t, const char *role);
/* True when the role has items in cl; how many. */
bool sheets_role_has_items(const struct checklist *cl, const char *role);
size_t sheets_role_items(const struct checklist *cl, const char *role);

#endif
