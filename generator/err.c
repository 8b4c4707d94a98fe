/* err.c: error messages and the diagnostics list. */
#include "err.h"

#include "i18n.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const messages[] = {
	/* KANSA_OK */ N_("no error"),
	/* KANSA_ERR_NOMEM */ N_("out of memory"),
	/* KANSA_ERR_IO */ N_("input/output error"),
	/* KANSA_ERR_INPUT */ N_("invalid input"),
	/* KANSA_ERR_DB */ N_("database error"),
	/* KANSA_ERR_RENDER */ N_("report rendering failed"),
	/* KANSA_ERR_USAGE */ N_("wrong usage"),
	/* KANSA_ERR_NOTFOUND */ N_("not found"),
};

const char *kansa_strerror(enum kansa_err err)
{
	if ((int)err < 0 || err >= KANSA_ERR_MAX)
		return _("unknown error");
	return _(messages[err]);
}

int kansa_exit_code(enum kansa_err err)
{
	switch (err) {
	case KANSA_OK:
		return KANSA_EXIT_OK;
	case KANSA_ERR_USAGE:
		return KANSA_EXIT_USAGE;
	case KANSA_ERR_INPUT:
	case KANSA_ERR_NOTFOUND:
		return KANSA_EXIT_INPUT;
	default:
		return KANSA_EXIT_SYSTEM;
	}
}

void diags_init(struct diags *d)
{
	memset(d, 0, sizeof(*d));
}

void diags_release(struct diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	free(d->v);
	diags_init(d);
}

/* True for a character a reader cannot see in a message: white space
 * other than the ASCII space and tab, zero-width characters, BOM. */
static bool invisible(unsigned cp)
{
	return cp == 0x85 || cp == 0xA0 || cp == 0xAD || cp == 0x1680 ||
	       (cp >= 0x2000 && cp <= 0x200F) ||
	       (cp >= 0x2028 && cp <= 0x202F) ||
	       (cp >= 0x205F && cp <= 0x2064) || cp == 0x3000 || cp == 0xFEFF;
}

/* msg with each invisible character written <U+XXXX> (a new string; msg
 * itself when there is none or memory is short). */
static char *show_invisible(char *msg)
{
	size_t n = strlen(msg), extra = 0, o = 0;
	const unsigned char *u = (const unsigned char *)msg;
	char *out;

	for (size_t i = 0; i < n; i++)
		if ((u[i] == 0xC2 || u[i] == 0xE1 || u[i] == 0xE2 ||
		     u[i] == 0xE3 || u[i] == 0xEF))
			extra += 8;
	if (!extra || !(out = malloc(n + extra + 1)))
		return msg;
	for (size_t i = 0; i < n;) {
		unsigned cp = 0;
		size_t l = 1;
		if (u[i] == 0xC2 && i + 1 < n)
			cp = (u[i] & 0x1F) << 6 | (u[i + 1] & 0x3F), l = 2;
		else if ((u[i] & 0xF0) == 0xE0 && i + 2 < n)
			cp = (u[i] & 0x0F) << 12 | (u[i + 1] & 0x3F) << 6 |
			     (u[i + 2] & 0x3F),
			l = 3;
		if (l > 1 && invisible(cp)) {
			o += (size_t)sprintf(out + o, "<U+%04X>", cp);
		} else {
			memcpy(out + o, msg + i, l);
			o += l;
		}
		i += l;
	}
	out[o] = '\0';
	free(msg);
	return out;
}

void diags_add(struct diags *d, enum diag_level level, const char *file,
	       long line, const char *fmt, ...)
{
	va_list ap;
	char *msg = NULL;
	int len;

	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 8;
		struct diag *v = realloc(d->v, cap * sizeof(*v));
		if (!v)
			return;
		d->v = v;
		d->cap = cap;
	}
	va_start(ap, fmt);
	/* the message in the user's language (tools/pot.sh extracts the
	 * formats given to diags_add) */
	fmt = _(fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0 || !(msg = malloc((size_t)len + 1)))
		return;
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)len + 1, fmt, ap);
	va_end(ap);
	msg = show_invisible(msg);
	d->v[d->n].level = level;
	d->v[d->n].file = file ? strdup(file) : NULL;
	d->v[d->n].line = line;
	d->v[d->n].msg = msg;
	d->n++;
	if (level == DIAG_ERROR)
		d->errors++;
}

void diags_move(struct diags *dst, struct diags *src)
{
	for (size_t i = 0; i < src->n; i++) {
		struct diag *s = &src->v[i];
		diags_add(dst, s->level, s->file, s->line, "%s", s->msg);
	}
	diags_release(src);
}
