/* ini_check.c: checks shared by the readers of kansa INI files (fiscal
 * year, unknown keys). */
#include "ini.h"

#include <stdbool.h>
#include <string.h>

#include "text.h"

bool ini_check_fiscal_year(const struct ini_file *f,
			   const struct ini_section *k, int year,
			   struct diags *d, int *out)
{
	const char *v = k ? ini_get(f, k, "fiscal_year") : NULL;

	*out = 0;
	if (!v)
		diags_add(d, DIAG_ERROR, f->path, k ? k->line : 0,
			  "missing fiscal_year in [kansa] (expected e.g. "
			  "'fiscal_year = %d')",
			  year);
	else if (!text_parse_fiscal_year(v, out))
		diags_add(
			d, DIAG_ERROR, f->path, ini_key_line(k, "fiscal_year"),
			"fiscal_year '%s' is not a fiscal year (expected four "
			"digits, e.g. 'fiscal_year = %d')",
			v, year);
	else if (*out != year)
		diags_add(d, DIAG_ERROR, f->path,
			  ini_key_line(k, "fiscal_year"),
			  "fiscal year mismatch: the file says %d, the import "
			  "is for --year %d",
			  *out, year);
	else
		return true;
	return false;
}

long ini_key_line(const struct ini_section *s, const char *key)
{
	const struct ini_key *k = ini_key(s, key);
	return k ? k->line : s->line;
}

void ini_warn_unknown_keys(const struct ini_file *f,
			   const struct ini_section *s, const char *const *keys,
			   size_t n, struct diags *d)
{
	for (size_t i = 0; i < s->nkeys; i++) {
		const char *name = s->keys[i].lower, *dot = strchr(name, '.');
		size_t len = dot ? (size_t)(dot - name) : strlen(name), k;
		for (k = 0; k < n; k++) {
			size_t kl = strlen(keys[k]);
			bool prefix = kl > 0 && keys[k][kl - 1] == '*';
			if (prefix ? strncmp(keys[k], name, kl - 1) == 0
				   : kl == len &&
					     strncmp(keys[k], name, len) == 0)
				break;
		}
		if (k == n)
			diags_add(d, DIAG_WARNING, f->path, s->keys[i].line,
				  "unknown key '%s' in [%s] is ignored",
				  s->keys[i].name, s->name);
	}
}
