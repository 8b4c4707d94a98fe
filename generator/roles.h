/* roles.h: the ONE role table: names, aliases, answer-sheet slugs and
 * the default role, from the workspace's [roles] (kansa.ini) or else the
 * built-in templates/roles.ini.
 *
 * Ownership: roles_get() returns a table that lives until the process
 * ends; struct role_table from roles_parse() is freed by roles_release().
 */
#ifndef KANSA_ROLES_H
#define KANSA_ROLES_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "text.h"

/* Most roles one table may have (items keep them in a bit set). */
#define ROLES_MAX 32

struct role {
	char *name;	/* "情報システム管理者" */
	char *slug;	/* "sys-admin" (answer-sheet file names) */
	char **aliases; /* other spellings in the text: "職員等" */
	size_t naliases;
};

struct role_table {
	struct role *v; /* in canonical order */
	size_t n;	/* how many */
	size_t def;	/* index of the default role */
	char *from;	/* where it was read: "kansa.ini", "compiled-in" */
};

/*
 * The role table of this process: [roles] of ./kansa.ini when it has
 * one, else ./templates/roles.ini, else the built-in one (loaded once).
 * Problems go to d (may be NULL); returns NULL when the workspace's [roles] is
 * wrong.
 */
const struct role_table *roles_get(struct diags *d);
/* Parses the [roles] section of an INI text (name stands for the file). */
enum kansa_err roles_parse(struct role_table *t, const char *name,
			   const char *text, size_t len, struct diags *d);
void roles_release(struct role_table *t);

/* The index of the role named s (or an alias; NFKC, spaces ignored), or
 * -1. */
int roles_find(const struct role_table *t, const char *s);
/* "CISO, 副CISO ... or X" into b, for messages. */
void roles_list(const struct role_table *t, struct sbuf *b);

#endif
