/* replay.c: runs a fuzz harness's LLVMFuzzerTestOneInput once on each file
 * named on the command line, without libFuzzer, so that `make check`
 * replays every seed and corpus file (tests/fuzz/seeds/NAME) in a plain or
 * sanitizer build.  Prints one line per file; exits 1 when a file cannot
 * be read (a crash ends the process, which the runner reports). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The whole file in a malloc'ed buffer of exactly its size (so that ASan
 * sees a read past the end), or NULL; *size is set. */
static uint8_t *read_all(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL, *grown;
	size_t cap = 0, n = 0, got;

	if (!f)
		return NULL;
	for (;;) {
		if (n == cap) {
			cap = cap ? 2 * cap : 65536;
			if (!(grown = realloc(buf, cap)))
				goto fail;
			buf = grown;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f))
		goto fail;
	fclose(f);
	/* exactly n bytes (at least one, for malloc) */
	if (!(grown = malloc(n ? n : 1)))
		goto fail_closed;
	for (size_t i = 0; i < n; i++)
		grown[i] = buf[i];
	free(buf);
	*size = n;
	return grown;
fail:
	fclose(f);
fail_closed:
	free(buf);
	return NULL;
}

int main(int argc, char **argv)
{
	int status = 0;

	for (int i = 1; i < argc; i++) {
		size_t size = 0;
		uint8_t *data = read_all(argv[i], &size);
		if (!data) {
			fprintf(stderr, "replay: cannot read '%s'\n", argv[i]);
			status = 1;
			continue;
		}
		LLVMFuzzerTestOneInput(data, size);
		free(data);
		printf("replayed %s (%zu bytes)\n", argv[i], size);
	}
	return status;
}
