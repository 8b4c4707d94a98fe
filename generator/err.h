/* err.h: kansa's error codes, their messages and the diagnostics list.
 *
 * Ownership: a struct diags owns every message in it; diags_release()
 * frees them.  Modules fill a caller-owned struct diags and return a code;
 * only the CLI layer prints.
 */
#ifndef KANSA_ERR_H
#define KANSA_ERR_H

#include <stddef.h>

enum kansa_err {
	KANSA_OK = 0,	    /* success */
	KANSA_ERR_NOMEM,    /* out of memory */
	KANSA_ERR_IO,	    /* a file could not be read or written */
	KANSA_ERR_INPUT,    /* the input is invalid (see the diagnostics) */
	KANSA_ERR_DB,	    /* the database failed */
	KANSA_ERR_RENDER,   /* a report could not be rendered */
	KANSA_ERR_USAGE,    /* the command line is wrong */
	KANSA_ERR_NOTFOUND, /* what was asked for does not exist */
	KANSA_ERR_MAX
};

/* Exit codes, documented in --help and README.md. */
enum kansa_exit {
	KANSA_EXIT_OK = 0,    /* success */
	KANSA_EXIT_FOUND = 1, /* succeeded, found what the caller fails on */
	KANSA_EXIT_USAGE = 2, /* wrong command line */
	KANSA_EXIT_INPUT = 3, /* invalid input */
	KANSA_EXIT_SYSTEM = 4 /* system, database or render failure */
};

enum diag_level {
	DIAG_ERROR,   /* the input is refused */
	DIAG_WARNING, /* accepted, but a person should look */
	DIAG_NOTICE   /* for information (an encoding was converted ...) */
};

struct diag {
	enum diag_level level; /* how serious */
	char *file;	       /* file name as given, or NULL */
	long line;	       /* 1-based line number, 0 when none */
	char *msg;	       /* the message, UTF-8 */
};

struct diags {
	struct diag *v; /* the diagnostics in the order they were added */
	size_t n;	/* how many */
	size_t cap;	/* allocated */
	size_t errors;	/* how many are DIAG_ERROR */
};

const char *kansa_strerror(enum kansa_err err);
int kansa_exit_code(enum kansa_err err);

void diags_init(struct diags *d);
void diags_release(struct diags *d);
/* Adds a formatted diagnostic; on allocation failure it is dropped. */
void diags_add(struct diags *d, enum diag_level level, const char *file,
	       long line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Moves every diagnostic of src to the end of dst and empties src. */
void diags_move(struct diags *dst, struct diags *src);

#endif
