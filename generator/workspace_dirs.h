/* workspace_dirs.h: the folders of the workspace this process works in.
 *
 * Set by workspace_open_current() (workspace.h) and read by the modules
 * that find files in the workspace whatever the current folder is
 * (templates.c, roles.c, style.c).  Outside a workspace every getter
 * returns NULL and those modules look in ./ as before.  The strings are
 * owned here.
 */
#ifndef KANSA_WORKSPACE_DIRS_H
#define KANSA_WORKSPACE_DIRS_H

#include <stdbool.h>

/* Copies the three (absolute) paths; all NULL forgets them.  False when
 * out of memory (then none is set). */
bool workspace_dirs_set(const char *dir, const char *ini,
			const char *templates);
/* The workspace's folder, its kansa.ini and its templates folder, or NULL. */
const char *workspace_current_dir(void);
const char *workspace_current_ini(void);
const char *workspace_current_templates(void);

#endif
