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
#include <strings.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "text.h"

enum kansa_err fileio_read(const char *path, size_t limit, char **buf,
			   size_t *len, struct diags *d)
{
	enum kansa_err err = KANSA_ERR_IO;
	struct stat st;
	char *p = NULL;
	size_t got = 0;
	/* O_NONBLOCK: opening a FIFO must not wait for a writer */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);

	if (fd < 0) {
		int e = errno;
		diags_add(d, DIAG_ERROR, path, 0, "cannot open: %s",
			  strerror(e));
		/* a file that is not there is the caller's mistake */
		return e == ENOENT || e == ENOTDIR ? KANSA_ERR_INPUT
						   : KANSA_ERR_IO;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		diags_add(d, DIAG_ERROR, path, 0,
			  "not a regular file (%s): refused",
			  fileio_kind_name(st.st_mode));
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

const char *fileio_kind_name(unsigned mode)
{
	if (S_ISFIFO(mode))
		return "a FIFO";
	if (S_ISCHR(mode))
		return "a character device";
	if (S_ISBLK(mode))
		return "a block device";
	if (S_ISSOCK(mode))
		return "a socket";
	if (S_ISDIR(mode))
		return "a folder";
	if (S_ISLNK(mode))
		return "a symbolic link";
	return S_ISREG(mode) ? "a regular file" : "not a file";
}

/* The mode a new file gets from the umask (0666 & ~umask). */
static mode_t umask_mode(void)
{
	mode_t m = umask(0);
	umask(m);
	return 0666 & ~m;
}

/*
 * Creates DIR/.kansa-tmp-NAME-XXXXXX next to path (O_EXCL: never through
 * a link) with the mode the umask gives; the name in *tmp (caller
 * frees).  Returns the descriptor, or -1 with a diagnostic.
 */
static int temp_open(const char *path, char **tmp, struct diags *d)
{
	const char *base = fileio_basename(path);
	size_t dl = (size_t)(base - path), n = strlen(path) + 32;
	int fd;

	if (!(*tmp = malloc(n))) {
		diags_add(d, DIAG_ERROR, path, 0, "out of memory");
		return -1;
	}
	snprintf(*tmp, n, "%.*s" FILEIO_TEMP_PREFIX "%s-XXXXXX", (int)dl, path,
		 base);
	if ((fd = mkstemp(*tmp)) < 0 || fcntl(fd, F_SETFD, FD_CLOEXEC) < 0 ||
	    fchmod(fd, umask_mode()) < 0) {
		diags_add(d, DIAG_ERROR, path, 0, "cannot create: %s",
			  strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(*tmp);
		}
		free(*tmp);
		*tmp = NULL;
		return -1;
	}
	return fd;
}

enum kansa_err fileio_write_atomic(const char *path, const void *data,
				   size_t len, struct diags *d)
{
	char *tmp = NULL;
	const char *p = data;
	int fd = temp_open(path, &tmp, d);

	if (fd < 0)
		return KANSA_ERR_IO;
	while (len > 0) {
		ssize_t w = write(fd, p, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			goto fail;
		p += w;
		len -= (size_t)w;
	}
	if (fsync(fd) < 0 || close(fd) < 0) {
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
	char *tmp = NULL;
	int fd = temp_open(path, &tmp, d);

	if (fd < 0)
		return NULL;
	close(fd);
	return tmp;
}

enum kansa_err fileio_temp_commit(char *tmp, const char *path, bool written,
				  struct diags *d)
{
	int fd = -1;
	if (written &&
	    ((fd = open(tmp, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0 ||
	     fsync(fd) < 0 || rename(tmp, path) < 0)) {
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
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	struct stat st;
	ssize_t r;

	if (fd < 0)
		return KANSA_ERR_IO;
	/* a FIFO or a device never ends: only regular files are read */
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		errno = EINVAL;
		return KANSA_ERR_INPUT;
	}
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

char *fileio_name_inside(const char *dir, const char *path)
{
	char rd[PATH_MAX], rf[PATH_MAX], folder[PATH_MAX] = ".";
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	struct sbuf b = {0};
	size_t n;

	if (slash && snprintf(folder, sizeof(folder), "%.*s",
			      slash == path ? 1 : (int)(slash - path),
			      path) >= (int)sizeof(folder))
		return strdup(path);
	if (!*base || !strcmp(base, ".") || !strcmp(base, "..") ||
	    !realpath(dir, rd) || !realpath(folder, rf))
		return strdup(path);
	n = strcmp(rd, "/") == 0 ? 0 : strlen(rd);
	if (strncmp(rf, rd, n) != 0 || (rf[n] && rf[n] != '/'))
		return strdup(path);
	if (rf[n] && rf[n + 1])
		sbuf_printf(&b, "%s/", rf + n + 1);
	sbuf_adds(&b, base);
	return sbuf_take(&b);
}

/* Whether rel is relative, without empty, "." or ".." parts. */
static bool plain_relative(const char *rel)
{
	for (const char *p = rel; *p;) {
		size_t k = strcspn(p, "/");
		if (k == 0 || (k == 1 && *p == '.') ||
		    (k == 2 && p[0] == '.' && p[1] == '.'))
			return false;
		p += k + (p[k] == '/');
	}
	return *rel != '\0';
}

/* Whether the absolute name abs ends with "/" rel. */
static bool ends_with_name(const char *abs, const char *rel)
{
	size_t na = strlen(abs), nr = strlen(rel);
	return abs[0] == '/' && plain_relative(rel) && na > nr &&
	       abs[na - nr - 1] == '/' && strcmp(abs + na - nr, rel) == 0;
}

bool fileio_same_name(const char *a, const char *b)
{
	char ra[PATH_MAX], rb[PATH_MAX];
	return strcmp(a, b) == 0 ||
	       (realpath(a, ra) && realpath(b, rb) && strcmp(ra, rb) == 0) ||
	       ends_with_name(a, b) || ends_with_name(b, a);
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

/* True for .kansa-tmp-NAME-XXXXXX, the names temp_open() makes (and no
 * name a user would give a file of theirs). */
static bool is_temp_name(const char *name)
{
	size_t n = strlen(name), pl = strlen(FILEIO_TEMP_PREFIX);
	if (n < pl + 8 || strncmp(name, FILEIO_TEMP_PREFIX, pl) != 0 ||
	    name[n - 7] != '-')
		return false;
	for (const char *p = name + n - 6; *p; p++)
		if (!(*p >= 'a' && *p <= 'z') && !(*p >= 'A' && *p <= 'Z') &&
		    !(*p >= '0' && *p <= '9'))
			return false;
	return true;
}

/* Takes the lock of fd, waiting up to a second for it: a killed
 * report's PDF process, which shares its lock, may still be ending.
 * False (errno set) when another holds it longer. */
static bool lock_soon(int fd)
{
	const struct timespec step = {0, 50 * 1000 * 1000};

	for (int i = 0; flock(fd, LOCK_EX | LOCK_NB) != 0; i++) {
		if ((errno != EWOULDBLOCK && errno != EINTR) || i == 20)
			return false;
		nanosleep(&step, NULL);
	}
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
	if ((*fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
			0666)) < 0) {
		if (errno == ELOOP)
			diags_add(d, DIAG_ERROR, path, 0,
				  "cannot write: it is a symbolic link (kansa "
				  "never writes through one; remove it)");
		else
			diags_add(d, DIAG_ERROR, dir, 0,
				  "cannot write here: %s", strerror(errno));
		return KANSA_ERR_IO;
	}
	if (!lock_soon(*fd)) {
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
	while ((e = readdir(dp))) {
		struct stat st;
		if (is_temp_name(e->d_name) &&
		    snprintf(path, sizeof(path), "%s/%s", dir, e->d_name) <
			    (int)sizeof(path) &&
		    lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		    unlink(path) == 0)
			diags_add(d, DIAG_NOTICE, path, 0,
				  "removed: a temporary file left by an "
				  "interrupted run");
	}
	closedir(dp);
	return KANSA_OK;
}

void fileio_unlock_dir(int fd)
{
	if (fd >= 0)
		close(fd);
}

const char *fileio_name_problem(const char *name)
{
	static const char *const reserved[] = {"CON", "PRN", "AUX",
					       "NUL", "COM", "LPT"};
	size_t n = strlen(name), stem = strcspn(name, ".");

	if (!n)
		return "it is empty";
	if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0 ||
	    strstr(name, ".."))
		return "it contains '..'";
	if (strpbrk(name, "/\\:"))
		return "it contains a folder separator ('/', '\\' or ':')";
	for (const char *p = name; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return "it contains a control character";
	if (strpbrk(name, "<>\"|?*"))
		return "it contains a character Windows forbids (<>\"|?*)";
	if (name[0] == '.' || name[n - 1] == '.' || name[n - 1] == ' ')
		return "it starts with '.' or ends with '.' or a space";
	for (size_t i = 0; i < sizeof(reserved) / sizeof(reserved[0]); i++) {
		size_t rl = strlen(reserved[i]);
		if (strncasecmp(name, reserved[i], rl) == 0 &&
		    (stem == rl || (rl == 3 && stem == 4 &&
				    (strncasecmp(name, "COM", 3) == 0 ||
				     strncasecmp(name, "LPT", 3) == 0) &&
				    name[3] >= '0' && name[3] <= '9')))
			return "it is a name Windows reserves for a device";
	}
	return NULL;
}

enum kansa_err fileio_forbid_core_dumps(void)
{
	struct rlimit none = {0, 0};
	if (setrlimit(RLIMIT_CORE, &none) != 0 ||
	    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
		return KANSA_ERR_IO;
	return KANSA_OK;
}

int fileio_create(const char *path, bool append)
{
	return open(path,
		    O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY |
			    (append ? O_APPEND : O_TRUNC),
		    0666);
}

FILE *fileio_fopen_write(const char *path)
{
	int fd = fileio_create(path, false);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (fd >= 0 && !f)
		close(fd);
	return f;
}

enum kansa_err fileio_copy_mode(const char *from, const char *to)
{
	struct stat st;
	if (stat(from, &st) != 0 || chmod(to, st.st_mode & 07777) != 0)
		return KANSA_ERR_IO;
	return KANSA_OK;
}

/* At exit: standard output flushed and closed, or exit 4 saying why
 * (a full disk or /dev/full must not pass as success). */
static void close_stdout(void)
{
	int e;
	if (fflush(stdout) == 0 && !ferror(stdout) && fclose(stdout) == 0)
		return;
	e = errno;
	fprintf(stderr,
		"kansa: cannot write the output (standard output): "
		"%s\n",
		e ? strerror(e) : "write error");
	fflush(stderr);
	_exit(4);
}

void fileio_check_stdout_at_exit(void)
{
	atexit(close_stdout);
}

bool fileio_beside_binary(const char *const *rel, char *out, size_t n)
{
	char exe[PATH_MAX], cand[PATH_MAX + 64], *slash;
	struct stat st;
	ssize_t len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (len <= 0)
		return false;
	exe[len] = '\0';
	if (!(slash = strrchr(exe, '/')))
		return false;
	*slash = '\0';
	for (; *rel; rel++) {
		snprintf(cand, sizeof(cand), "%s/%s", exe, *rel);
		if (stat(cand, &st) != 0 || !S_ISDIR(st.st_mode))
			continue;
		if (realpath(cand, exe))
			snprintf(out, n, "%s", exe);
		else
			snprintf(out, n, "%s", cand);
		return true;
	}
	return false;
}
