/* fileio.h: reading files with a size limit, hashing, atomic writes.
 *
 * Ownership: fileio_read() hands the caller a malloc'd buffer to free.
 */
#ifndef KANSA_FILEIO_H
#define KANSA_FILEIO_H

#include <stdbool.h>
#include <stddef.h>

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
 * Takes the lock of an output folder (DIR/.kansa-lock, flock) for one
 * writer, then removes the temporary files (NAME.tmp-XXXXXX) a killed
 * writer left there, with a notice each: while the lock is held nobody
 * else is writing them.  *fd is the lock (fileio_unlock_dir releases it).
 * KANSA_ERR_IO with a diagnostic when another kansa holds it.
 */
enum kansa_err fileio_lock_dir(const char *dir, int *fd, struct diags *d);
void fileio_unlock_dir(int fd);

/* Makes a folder and its parents; false with errno when it cannot. */
bool fileio_make_dirs(const char *path);

/* The last path component, without folders (points into path). */
const char *fileio_basename(const char *path);

#endif
