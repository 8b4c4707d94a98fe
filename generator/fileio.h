/* fileio.h: reading files with a size limit, hashing, atomic writes.
 *
 * Ownership: fileio_read() hands the caller a malloc'd buffer to free.
 */
#ifndef KANSA_FILEIO_H
#define KANSA_FILEIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "err.h"

/*
 * Reads the whole file at path into *buf (NUL-terminated, caller frees),
 * refusing files larger than limit bytes and anything that is not a
 * regular file.  Returns KANSA_ERR_INPUT (no such file, too large, not a
 * file) or KANSA_ERR_IO with a diagnostic naming the file.
 */
enum kansa_err fileio_read(const char *path, size_t limit, char **buf,
			   size_t *len, struct diags *d);

/*
 * Writes len bytes to path through a temporary file in the same folder
 * that is flushed and then renamed over path, so that a reader never sees
 * a half-written file.  Returns KANSA_ERR_IO with a diagnostic.
 */
enum kansa_err fileio_write_atomic(const char *path, const void *data,
				   size_t len, struct diags *d);

/*
 * For a library that writes a file by name: creates an empty temporary
 * file next to path and returns its name (caller passes it on to
 * fileio_temp_commit), or NULL with a diagnostic.
 */
char *fileio_temp_create(const char *path, struct diags *d);

/*
 * When written is true, flushes tmp to disk and renames it over path;
 * else (or when that fails, with a diagnostic unless written is false)
 * removes it.  Frees tmp.  Returns KANSA_ERR_RENDER when path was not
 * written.
 */
enum kansa_err fileio_temp_commit(char *tmp, const char *path, bool written,
				  struct diags *d);

/* Hex SHA-256 and size of a file; KANSA_ERR_IO when it cannot be read. */
enum kansa_err fileio_sha256(const char *path, char out[65], long long *size);

/*
 * The path of a file relative to the folder base ("../x/y" when it is
 * beside it), so that a workspace can move as a whole; the real path when
 * either cannot be resolved.  Caller frees; NULL when out of memory.
 */
char *fileio_relative(const char *base, const char *path);

/*
 * path named relative to the folder dir when it lies inside it (its
 * folder resolved, the file's own name kept: "2025/evidence/register.ini"),
 * else a copy of path as given.  Caller frees; NULL when out of memory.
 */
char *fileio_name_inside(const char *dir, const char *path);

/*
 * Whether two recorded names a and b name one file: the same text, the
 * same file once resolved, or an absolute name that ends with the other,
 * a relative name without "." or ".." (the same file of a workspace that
 * has moved since an older kansa recorded it by its absolute path).
 */
bool fileio_same_name(const char *a, const char *b);

/*
 * Takes the lock of an output folder (DIR/.kansa-lock, flock) for one
 * writer, then removes the temporary files (.kansa-tmp-NAME-XXXXXX,
 * regular files only, never any other name) a killed
 * writer left there, with a notice each: while the lock is held nobody
 * else is writing them.  *fd is the lock (fileio_unlock_dir releases it).
 * KANSA_ERR_IO with a diagnostic when another kansa holds it for more
 * than a second (a killed writer's PDF process, which shares the lock,
 * may take a moment to end: that is waited for).
 */
enum kansa_err fileio_lock_dir(const char *dir, int *fd, struct diags *d);
void fileio_unlock_dir(int fd);

/* Makes a folder and its parents; false with errno when it cannot. */
bool fileio_make_dirs(const char *path);

/* The last path component, without folders (points into path). */
const char *fileio_basename(const char *path);

/* Every temporary file kansa makes is DIR/.kansa-tmp-NAME-XXXXXX, and
 * only such files are ever removed as left-overs. */
#define FILEIO_TEMP_PREFIX ".kansa-tmp-"

/* Why name (from settings) is not a plain file name: NULL when it is;
 * else what is wrong (a '/', '\\', ':' or "..", a control character, a
 * Windows device name like CON or COM1 ...). */
const char *fileio_name_problem(const char *name);

/* "a FIFO", "a character device" ... for a message; mode is st_mode. */
const char *fileio_kind_name(unsigned mode);

/*
 * Opens path for writing, created with the umask's mode, truncated (or
 * appended to), never through a symbolic link (O_NOFOLLOW): a link
 * planted there makes it fail with ELOOP.  -1 with errno.
 */
int fileio_create(const char *path, bool append);
/* The same as a stdio stream ("w"); NULL with errno. */
FILE *fileio_fopen_write(const char *path);

/* Gives to the permissions of from (a backup keeps its source's mode). */
enum kansa_err fileio_copy_mode(const char *from, const char *to);

/*
 * While a secret (a PDF password) is in memory: no core dump, however
 * the process ends (RLIMIT_CORE 0, hard limit too, and
 * PR_SET_DUMPABLE 0, which also keeps other processes of the user from
 * reading its memory).  KANSA_ERR_IO when either cannot be set.
 */
enum kansa_err fileio_forbid_core_dumps(void);

/* Registers the check at exit that standard output was written: exit 4
 * with a message when it was not. */
void fileio_check_stdout_at_exit(void);

/* The first of the folders rel[0], rel[1] ... (NULL-ended; each relative
 * to the folder of the running binary, e.g. "locale" or
 * "../share/locale") that exists, resolved, into out; false when none
 * does (out is left as it was). */
bool fileio_beside_binary(const char *const *rel, char *out, size_t n);

#endif
