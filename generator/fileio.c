/* fileio.c: reading files with a size limit, hashing, atomic writes. */
#include "fileio.h"

#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text.h"

enum kansa_err fileio_read(const char *path, size_t limit, char **buf,
			   size_t *len, struct diags *d)
{
	enum kansa_err err = KANSA_ERR_IO;
	struct stat st;
	char *p = NULL;
	size_t got = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		int e = errno;
		diags_add(d, DIAG_ERROR, path, 0, "cannot open: %s",
			  strerror(e));
		/* a file that is not there is the caller's mistake */
		return e == ENOENT || e == ENOTDIR ? KANSA_ERR_INPUT
						   : KANSA_ERR_IO;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		diags_add(d, DIAG_ERROR, path, 0, "not a regular file");
		err = KANSA_ERR_INPUT;
		goto out;
	}
	if ((unsigned long long)st.st_size > limit) {
		diags_add(d, DIAG_ERROR, path, 0,
			  "file too large (%lld bytes; the limit is %zu bytes)",
			  (long long)st.st_size, limit);
		err = KANSA_ERR_INPUT;
		goto out;
	}
	if (!(p = malloc((size_t)st.st_size + 1))) {
		err = KANSA_ERR_NOMEM;
		goto out;
	}
	while (got < (size_t)st.st_size) {
		ssize_t r = read(fd, p + got, (size_t)st.st_size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			diags_add(d, DIAG_ERROR, path, 0, "cannot read: %s",
				  strerror(errno));
			goto out;
		}
		if (r == 0)
			break;
		got += (size_t)r;
	}
	p[got] = '\0';
	*buf = p;
	*len = got;
	p = NULL;
	err = KANSA_OK;
out:
	free(p);
	close(fd);
	return err;
}

enum kansa_err fileio_write_atomic(const char *path, const void *data,
				   size_t len, struct diags *d)
{
	size_t plen = strlen(path);
	char *tmp = malloc(plen + 16);
	const char *p = data;
	int fd;

	if (!tmp)
		return KANSA_ERR_NOMEM;
	snprintf(tmp, plen + 16, "%s.tmp-XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		diags_add(d, DIAG_ERROR, path, 0, "cannot create: %s",
			  strerror(errno));
		free(tmp);
		return KANSA_ERR_IO;
	}
	while (len > 0) {
		ssize_t w = write(fd, p, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			goto fail;
		p += w;
		len -= (size_t)w;
	}
	if (fchmod(fd, 0644) < 0 || fsync(fd) < 0 || close(fd) < 0) {
		fd = -1;
		goto fail;
	}
	if (rename(tmp, path) < 0) {
		fd = -1;
		goto fail;
	}
	free(tmp);
	return KANSA_OK;
fail:
	diags_add(d, DIAG_ERROR, path, 0, "cannot write: %s", strerror(errno));
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	return KANSA_ERR_IO;
}

char *fileio_temp_create(const char *path, struct diags *d)
{
	size_t plen = strlen(path);
	char *tmp = malloc(plen + 16);
	int fd;

	if (!tmp) {
		diags_add(d, DIAG_ERROR, path, 0, "out of memory");
		return NULL;
	}
	snprintf(tmp, plen + 16, "%s.tmp-XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		diags_add(d, DIAG_ERROR, path, 0, "cannot create: %s",
			  strerror(errno));
		free(tmp);
		return NULL;
	}
	close(fd);
	return tmp;
}

enum kansa_err fileio_temp_commit(char *tmp, const char *path, bool written,
				  struct diags *d)
{
	int fd = -1;
	if (written && ((fd = open(tmp, O_RDONLY)) < 0 || fsync(fd) < 0 ||
			chmod(tmp, 0644) < 0 || rename(tmp, path) < 0)) {
		diags_add(d, DIAG_ERROR, path, 0, "cannot write: %s",
			  strerror(errno));
		written = false;
	}
	if (fd >= 0)
		close(fd);
	if (!written)
		unlink(tmp);
	free(tmp);
	return written ? KANSA_OK : KANSA_ERR_RENDER;
}

enum kansa_err fileio_sha256(const char *path, char out[65], long long *size)
{
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];
	unsigned char chunk[65536];
	long long total = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t r;

	if (fd < 0)
		return KANSA_ERR_IO;
	sha256_init(&ctx);
	while ((r = read(fd, chunk, sizeof(chunk))) != 0) {
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			close(fd);
			return KANSA_ERR_IO;
		}
		sha256_update(&ctx, (size_t)r, chunk);
		total += r;
	}
	close(fd);
	sha256_digest(&ctx, sizeof(digest), digest);
	for (size_t i = 0; i < sizeof(digest); i++)
		snprintf(out + 2 * i, 3, "%02x", digest[i]);
	if (size)
		*size = total;
	return KANSA_OK;
}

const char *fileio_basename(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/*
 * The path of a file relative to the folder base ("../x/y" when it is
 * beside it), so that a workspace can move as a whole; the real path
 * when either cannot be resolved.
 */
char *fileio_relative(const char *base, const char *path)
{
	char rb[PATH_MAX], rp[PATH_MAX];
	struct sbuf out = {0};
	size_t common = 0, i;

	if (!realpath(base, rb) || !realpath(path, rp))
		return strdup(path);
	/* the longest common prefix that ends at a folder boundary */
	for (i = 0; rb[i] && rb[i] == rp[i]; i++)
		if (rb[i] == '/')
			common = i;
	if (!rb[i] && rp[i] == '/')
		common = i;
	else if (!rb[i] && !rp[i])
		return strdup(".");
	for (const char *p = rb + common; *p; p++)
		if (*p == '/' && p[1])
			sbuf_adds(&out, "../");
	if (strcmp(rb, "/") == 0)
		out.len = 0;
	sbuf_adds(&out, rp + common + 1);
	return sbuf_take(&out);
}

bool fileio_make_dirs(const char *path)
{
	char buf[4096];
	if (snprintf(buf, sizeof(buf), "%s", path) >= (int)sizeof(buf)) {
		errno = ENAMETOOLONG;
		return false;
	}
	for (char *p = buf + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			if (mkdir(buf, 0777) != 0 && errno != EEXIST)
				return false;
			*p = '/';
		}
	return mkdir(buf, 0777) == 0 || errno == EEXIST;
}

/* True for NAME.tmp-XXXXXX, the names fileio_temp_create() makes. */
static bool is_temp_name(const char *name)
{
	const char *t = strstr(name, ".tmp-");
	if (!t || t == name || strlen(t + 5) != 6)
		return false;
	for (const char *p = t + 5; *p; p++)
		if (!(*p >= 'a' && *p <= 'z') && !(*p >= 'A' && *p <= 'Z') &&
		    !(*p >= '0' && *p <= '9'))
			return false;
	return true;
}

enum kansa_err fileio_lock_dir(const char *dir, int *fd, struct diags *d)
{
	char path[4096];
	DIR *dp;
	struct dirent *e;

	*fd = -1;
	if (snprintf(path, sizeof(path), "%s/.kansa-lock", dir) >=
	    (int)sizeof(path)) {
		diags_add(d, DIAG_ERROR, dir, 0, "path too long");
		return KANSA_ERR_IO;
	}
	if ((*fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666)) < 0) {
		diags_add(d, DIAG_ERROR, dir, 0, "cannot write here: %s",
			  strerror(errno));
		return KANSA_ERR_IO;
	}
	if (flock(*fd, LOCK_EX | LOCK_NB) != 0) {
		diags_add(d, DIAG_ERROR, dir, 0,
			  "another kansa is writing to this folder now (%s); "
			  "try again when it is done",
			  strerror(errno));
		close(*fd);
		*fd = -1;
		return KANSA_ERR_IO;
	}
	if (!(dp = opendir(dir)))
		return KANSA_OK;
	while ((e = readdir(dp)))
		if (is_temp_name(e->d_name) &&
		    snprintf(path, sizeof(path), "%s/%s", dir, e->d_name) <
			    (int)sizeof(path) &&
		    unlink(path) == 0)
			diags_add(d, DIAG_NOTICE, path, 0,
				  "removed: a temporary file left by an "
				  "interrupted run");
	closedir(dp);
	return KANSA_OK;
}

void fileio_unlock_dir(int fd)
{
	if (fd >= 0)
		close(fd);
}
