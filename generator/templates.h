/* templates.h: report settings and templates, found where the user keeps
 * them or compiled in.
 *
 * Lookup order for a file NAME: DIR/NAME when a --templates DIR is
 * given; the workspace's templates folder (kansa.ini [workspace]
 * templates; ./templates outside a workspace); the installed
 * PREFIX/share/kansa/templates/NAME (templates_share_dir()); else the copy
 * compiled into kansa from templates/ at build time, so kansa works from any
 * folder. Ownership: templates_load() hands the caller a string to free.
 */
#ifndef KANSA_TEMPLATES_H
#define KANSA_TEMPLATES_H

#include <stddef.h>

#include "err.h"

struct template_file {
	const char *name; /* "answer-sheet.txt" */
	const char *data; /* its bytes, NUL-terminated */
	size_t len;	  /* without the NUL */
};

/*
 * The installed share folder: PREFIX/share/kansa beside the running
 * binary (its folder/../share/kansa, when that has templates/), so that
 * an installed kansa reads the data installed with it wherever PREFIX
 * was; else the folder compiled in (KANSA_SHAREDIR).
 */
const char *templates_share_dir(void);

/* The compiled-in files, ended by a NULL name (generated). */
extern const struct template_file templates_builtin[];

/*
 * Loads the template name.  dir is the --templates folder or NULL.  *from
 * (may be NULL) is set to where it came from ("compiled-in" or a path;
 * caller frees).  Returns KANSA_ERR_NOTFOUND when there is no such
 * template anywhere, KANSA_ERR_INPUT when a file found is unreadable.
 */
enum kansa_err templates_load(const char *name, const char *dir, char **out,
			      size_t *len, char **from, struct diags *d);

#endif
