/* workspace_dirs.c: the folders of the current workspace (workspace_dirs.h). */
#include "workspace_dirs.h"

#include <stdlib.h>
#include <string.h>

static char *dir, *ini, *templates;

bool workspace_dirs_set(const char *d, const char *i, const char *t)
{
	char *nd = d ? strdup(d) : NULL, *ni = i ? strdup(i) : NULL;
	char *nt = t ? strdup(t) : NULL;

	if ((d && !nd) || (i && !ni) || (t && !nt)) {
		free(nd);
		free(ni);
		free(nt);
		return false;
	}
	free(dir);
	free(ini);
	free(templates);
	dir = nd;
	ini = ni;
	templates = nt;
	return true;
}

const char *workspace_current_dir(void)
{
	return dir;
}

const char *workspace_current_ini(void)
{
	return ini;
}

const char *workspace_current_templates(void)
{
	return templates;
}
