/* templates.c: finding report settings and templates. */
#include "templates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fileio.h"

#ifndef KANSA_SHAREDIR
#define KANSA_SHAREDIR "/usr/local/share/kansa"
#endif

/* Largest template or settings file, in bytes. */
#define TEMPLATE_MAX_BYTES (1024u * 1024)

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
	const char *dirs[] = {dir, "templates", KANSA_SHAREDIR "/templates"};
	struct stat st;

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
		  "templates/ and %s/templates)",
		  name, dir ? dir : "", dir ? ", " : "", KANSA_SHAREDIR);
	return KANSA_ERR_NOTFOUND;
}
