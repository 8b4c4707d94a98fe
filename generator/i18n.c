/* i18n.c: the locale and the message catalogue (i18n.h). */
#include "i18n.h"

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"

#ifndef KANSA_LOCALEDIR
#define KANSA_LOCALEDIR "/usr/local/share/locale"
#endif

const char *i18n_locale_dir(void)
{
	static const char *const rel[] = {"locale", "../share/locale", NULL};
	static char dir[PATH_MAX];

	if (!*dir && !fileio_beside_binary(rel, dir, sizeof(dir)))
		snprintf(dir, sizeof(dir), "%s", KANSA_LOCALEDIR);
	return dir;
}

void i18n_init(void)
{
	setlocale(LC_ALL, "");
	/* outputs byte-identical under any locale: numbers, order and
	 * dates "C" */
	setlocale(LC_NUMERIC, "C");
	setlocale(LC_COLLATE, "C");
	setlocale(LC_TIME, "C");
	bindtextdomain("kansa", i18n_locale_dir());
	bind_textdomain_codeset("kansa", "UTF-8");
	textdomain("kansa");
}
