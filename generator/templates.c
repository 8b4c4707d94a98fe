/* templates.c: finding report settings and templates. */
#include "templates.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "workspace_dirs.h"

#ifndef KANSA_SHAREDIR
#define KANSA_SHAREDIR "/usr/local/share/kansa"
#endif

/* Largest template or settings file, in bytes. */
#define TEMPLATE_MAX_BYTES (1024u * 1024)

const char *templates_share_dir(void)
{
	static const char *const rel[] = {"../share/kansa/templates", NULL};
	static char dir[PATH_MAX];

	if (!*dir && fileio_beside_binary(rel, dir, sizeof(dir)))
		dir[strlen(dir) - strlen("/templates")] = '\0';
	else if (!*dir)
		snprintf(dir, sizeof(dir), "%s", KANSA_SHAREDIR);
	return dir;
}

static char *join(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s/%s", dir, name);
	return p;
}

enum kansa_err templates_load(const char *name, const char *dir, char **out,
			      size_t *len, char **from, struct diags *d)
{
	char share[PATH_MAX + 16];
	const char *ws = workspace_current_templates();
	const char *dirs[] = {dir, ws ? ws : "templates", share};
	struct stat st;

	snprintf(share, sizeof(share), "%s/templates", templates_share_dir());

	if (from)
		*from = NULL;
	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		char *path;
		enum kansa_err err;
		if (!dirs[i])
			continue;
		if (!(path = join(dirs[i], name)))
			return KANSA_ERR_NOMEM;
		if (stat(path, &st) != 0) {
			free(path);
			continue;
		}
		err = fileio_read(path, TEMPLATE_MAX_BYTES, out, len, d);
		if (!err && from)
			*from = path;
		else
			free(path);
		return err == KANSA_ERR_IO ? KANSA_ERR_INPUT : err;
	}
	for (const struct template_file *t = templates_builtin; t->name; t++) {
		if (strcmp(t->name, name) != 0)
			continue;
		if (!(*out = malloc(t->len + 1)))
			return KANSA_ERR_NOMEM;
		memcpy(*out, t->data, t->len + 1);
		*len = t->len;
		if (from)
			*from = strdup("compiled-in");
		return KANSA_OK;
	}
	diags_add(d, DIAG_ERROR, NULL, 0,
		  "no template '%s' (looked in %s%s"
		  "templates/ and %s)",
		  name, dir ? dir : "", dir ? ", " : "", share);
	return KANSA_ERR_NOTFOUND;
}
