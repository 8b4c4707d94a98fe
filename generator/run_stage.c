/* run_stage.c: kansa run's output folder, locked for the whole run and
 * published as one set (issue 11). */
#define _GNU_SOURCE /* renameat2, RENAME_EXCHANGE */
#include "run_stage.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"

/* Removes a folder kansa made and what is in it (two levels at most:
 * the report's own staging folder). */
static void remove_tree(const char *dir, int depth)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	char path[PATH_MAX + 260];

	if (!dp)
		return;
	while ((e = readdir(dp))) {
		struct stat sb;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (lstat(path, &sb) == 0 && S_ISDIR(sb.st_mode) && depth < 2)
			remove_tree(path, depth + 1);
		else
			unlink(path);
	}
	closedir(dp);
	rmdir(dir);
}

/* The parent folder and the last component of final. */
static void split(const char *final, char *parent, size_t np, char *base,
		  size_t nb)
{
	const char *slash = strrchr(final, '/');
	if (!slash) {
		snprintf(parent, np, ".");
		snprintf(base, nb, "%s", final);
	} else {
		snprintf(parent, np, "%.*s", (int)(slash - final), final);
		snprintf(base, nb, "%s", slash + 1);
	}
	if (!*parent)
		snprintf(parent, np, "/");
}

/* Removes the staging folders (".BASE.run-*") killed runs left. */
static void remove_stale(const char *parent, const char *base, struct diags *d)
{
	char prefix[NAME_MAX + 8], path[PATH_MAX + 260];
	DIR *dp = opendir(parent);
	struct dirent *e;

	snprintf(prefix, sizeof(prefix), ".%s.run-", base);
	if (!dp)
		return;
	while ((e = readdir(dp)))
		if (!strncmp(e->d_name, prefix, strlen(prefix))) {
			snprintf(path, sizeof(path), "%s/%s", parent,
				 e->d_name);
			remove_tree(path, 0);
			diags_add(d, DIAG_NOTICE, path, 0,
				  "removed: what an interrupted run left");
		}
	closedir(dp);
}

/* Hard-links the final folder's files into the staging folder. */
static enum kansa_err carry_over(struct run_stage *s, struct diags *d)
{
	DIR *dp = opendir(s->final);
	struct dirent *e;
	char from[PATH_MAX + 260], to[PATH_MAX + 260];
	enum kansa_err err = KANSA_OK;

	if (!dp) {
		diags_add(d, DIAG_ERROR, s->final, 0, "cannot read: %s",
			  strerror(errno));
		return KANSA_ERR_IO;
	}
	while (!err && (e = readdir(dp))) {
		struct stat sb;
		if (e->d_name[0] == '.' || !strcmp(e->d_name, "kansa-run.log"))
			continue;
		snprintf(from, sizeof(from), "%s/%s", s->final, e->d_name);
		snprintf(to, sizeof(to), "%s/%s", s->stage, e->d_name);
		if (lstat(from, &sb) != 0 || !S_ISREG(sb.st_mode))
			continue;
		if (link(from, to) != 0) {
			diags_add(d, DIAG_ERROR, to, 0, "cannot link: %s",
				  strerror(errno));
			err = KANSA_ERR_IO;
		}
	}
	closedir(dp);
	return err;
}

enum kansa_err run_stage_open(struct run_stage *s, const char *final,
			      struct diags *d)
{
	char parent[PATH_MAX], base[NAME_MAX + 1];
	enum kansa_err err;

	s->lock = -1;
	snprintf(s->final, sizeof(s->final), "%s", final);
	split(final, parent, sizeof(parent), base, sizeof(base));
	if ((err = fileio_lock_dir(final, &s->lock, d)))
		return err;
	remove_stale(parent, base, d);
	if (snprintf(s->stage, sizeof(s->stage), "%s/.%s.run-XXXXXX", parent,
		     base) >= (int)sizeof(s->stage) ||
	    !mkdtemp(s->stage)) {
		diags_add(d, DIAG_ERROR, parent, 0,
			  "cannot make a folder for the run's files: %s",
			  strerror(errno));
		*s->stage = '\0';
		return KANSA_ERR_IO;
	}
	chmod(s->stage, 0755);
	return carry_over(s, d);
}

enum kansa_err run_stage_publish(struct run_stage *s, struct diags *d)
{
	int dfd;

	/* the staged files are on disk before the folder takes its place */
	if ((dfd = open(s->stage, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fsync(dfd);
		close(dfd);
	}
	if (renameat2(AT_FDCWD, s->stage, AT_FDCWD, s->final,
		      RENAME_EXCHANGE) != 0) {
		diags_add(d, DIAG_ERROR, s->final, 0,
			  "cannot put the run's files in place: %s (they "
			  "are in %s)",
			  strerror(errno), s->stage);
		return KANSA_ERR_IO;
	}
	remove_tree(s->stage, 0); /* the previous set */
	*s->stage = '\0';
	return KANSA_OK;
}

void run_stage_abandon(struct run_stage *s, const char *log_name)
{
	char from[PATH_MAX + 260], to[PATH_MAX + 260];

	if (!*s->stage)
		return;
	snprintf(from, sizeof(from), "%s/%s", s->stage, log_name);
	snprintf(to, sizeof(to), "%s/%s", s->final, log_name);
	rename(from, to);
	remove_tree(s->stage, 0);
	*s->stage = '\0';
}

void run_stage_close(struct run_stage *s)
{
	fileio_unlock_dir(s->lock);
	s->lock = -1;
}

const char *run_stage_shown(const struct run_stage *s, const char *path,
			    char *buf, size_t n)
{
	size_t k = strlen(s->stage);
	if (!k || strncmp(path, s->stage, k) || (path[k] && path[k] != '/'))
		return path;
	snprintf(buf, n, "%s%s", s->final, path + k);
	return buf;
}
