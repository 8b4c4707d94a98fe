/* err.c: error messages and the diagnostics list. */
#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const messages[] = {
	/* KANSA_OK */ "no error",
	/* KANSA_ERR_NOMEM */ "out of memory",
	/* KANSA_ERR_IO */ "input/output error",
	/* KANSA_ERR_INPUT */ "invalid input",
	/* KANSA_ERR_DB */ "database error",
	/* KANSA_ERR_RENDER */ "report rendering failed",
	/* KANSA_ERR_USAGE */ "wrong usage",
	/* KANSA_ERR_NOTFOUND */ "not found",
};

const char *kansa_strerror(enum kansa_err err)
{
	if ((int)err < 0 || err >= KANSA_ERR_MAX)
		return "unknown error";
	return messages[err];
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
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0 || !(msg = malloc((size_t)len + 1)))
		return;
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)len + 1, fmt, ap);
	va_end(ap);
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
