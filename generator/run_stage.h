/* run_stage.h: kansa run's output folder: locked for the whole run, the
 * run's files made in a folder beside it and published together, so that
 * after a kill the folder holds one run's complete set (issue 11). */
#ifndef KANSA_RUN_STAGE_H
#define KANSA_RUN_STAGE_H

#include <limits.h>
#include <stddef.h>

#include "err.h"

struct run_stage {
	char final[PATH_MAX]; /* output/FY, where the set is published */
	char stage[PATH_MAX]; /* output/.FY.run-XXXXXX, where it is made */
	int lock;	      /* the final folder's lock, or -1 */
};

/*
 * Locks final (refused while another kansa writes there), removes what
 * killed runs left beside it, and makes the staging folder with the
 * final folder's files in it (hard links: files the run does not rewrite
 * stay, and the manifest keeps their entries).  KANSA_ERR_IO with a
 * diagnostic.
 */
enum kansa_err run_stage_open(struct run_stage *s, const char *final,
			      struct diags *d);
/* Swaps the staging folder into place in one rename (RENAME_EXCHANGE)
 * and removes the previous set. */
enum kansa_err run_stage_publish(struct run_stage *s, struct diags *d);
/* A failed run: its log (name) goes into the final folder, the rest of
 * the staging folder is removed; the previous set stays. */
void run_stage_abandon(struct run_stage *s, const char *log_name);
/* Releases the lock (after publish or abandon). */
void run_stage_close(struct run_stage *s);
/* path with the staging folder shown as the final one (in buf). */
const char *run_stage_shown(const struct run_stage *s, const char *path,
			    char *buf, size_t n);

#endif
