/* i18n.c: the locale and the message catalogue (i18n.h). */
#include "i18n.h"

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef KANSA_LOCALEDIR
#define KANSA_LOCALEDIR "/usr/local/share/locale"
#endif

const char *i18n_locale_dir(void)
{
	static char dir[PATH_MAX];
	char exe[PATH_MAX], cand[PATH_MAX + 32], *slash;
	struct stat st;
	ssize_t n;

	if (*dir)
		return dir;
	snprintf(dir, sizeof(dir), "%s", KANSA_LOCALEDIR);
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return dir;
	exe[n] = '\0';
	if (!(slash = strrchr(exe, '/')))
		return dir;
	*slash = '\0';
	snprintf(cand, sizeof(cand), "%s/locale", exe);
	if (stat(cand, &st) != 0 || !S_ISDIR(st.st_mode))
		snprintf(cand, sizeof(cand), "%s/../share/locale", exe);
	if (stat(cand, &st) == 0 && S_ISDIR(st.st_mode) && !realpath(cand, dir))
		snprintf(dir, sizeof(dir), "%.*s", (int)sizeof(dir) - 1, cand);
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
