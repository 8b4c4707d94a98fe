/* ini_write.c: values written into kansa INI files (quoted, split into
 * numbered keys when long). */
#include "ini.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "text.h"

/* Bytes of s that fit in max without cutting a UTF-8 character. */
static size_t utf8_prefix(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

static void add_quoted(struct sbuf *b, const char *s, size_t n)
{
	bool dq = memchr(s, '"', n) != NULL, sq = memchr(s, '\'', n) != NULL;
	bool ctl = false;
	for (size_t i = 0; i < n; i++)
		ctl |= (unsigned char)s[i] < 0x20;
	bool quote = n == 0 || ctl || memchr(s, ';', n) || memchr(s, '#', n) ||
		     isspace((unsigned char)s[0]) ||
		     isspace((unsigned char)s[n - 1]) || dq || sq ||
		     s[n - 1] == '\\';
	char q = dq && !sq ? '\'' : '"';

	if (!quote) {
		sbuf_add(b, s, n);
		return;
	}
	sbuf_add(b, &q, 1);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == q)
			sbuf_adds(b, q == '"' ? "＂" : "＇");
		else if ((unsigned char)s[i] < 0x20) /* never a new line */
			sbuf_add(b, " ", 1);
		else
			sbuf_add(b, s + i, 1);
	}
	sbuf_add(b, &q, 1);
}

const char *ini_value_problem(const char *v)
{
	for (; *v; v++)
		if (*v == '\n' || *v == '\r')
			return "a line break cannot be written into an INI "
			       "value (expected one line)";
		else if ((unsigned char)*v < 0x20 && *v != '\t')
			return "a control character cannot be written into "
			       "an INI value";
	return NULL;
}

void ini_format_value(struct sbuf *b, const char *key, const char *value)
{
	size_t n = strlen(value), klen = strlen(key);
	size_t over = klen + 16 + 3 * 8; /* ".NN = ", quotes, full-width */
	/* a key near the line limit still leaves room for one character
	 * (the fuzzer found an endless loop of empty parts here) */
	size_t room = over + 4 < INI_MAX_LINE ? INI_MAX_LINE - over : 4;
	int part = 1;

	do {
		size_t take = utf8_prefix(value, n, room);
		if (take == 0) /* only for invalid UTF-8 */
			take = n;
		if (part == 1)
			sbuf_printf(b, "%s = ", key);
		else
			sbuf_printf(b, "%s.%d = ", key, part);
		add_quoted(b, value, take);
		sbuf_add(b, "\n", 1);
		value += take;
		n -= take;
		part++;
	} while (n > 0);
}
