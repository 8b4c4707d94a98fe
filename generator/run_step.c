/* run_step.c: the steps of kansa run: run, timed, logged. */
#define _GNU_SOURCE /* pipe2 */
#include "run_step.h"

#include "i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fileio.h"
#include "run_result.h"

double run_step_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void run_step_arg(struct run_step_args *a, const char *s)
{
	if (a->n < RUN_STEP_MAX_ARGS)
		a->v[a->n++] = (char *)s;
}

void run_step_args(struct run_step_args *a, const struct run_steps *r,
		   const char *cmd)
{
	memset(a, 0, sizeof(*a));
	run_step_arg(a, r->exe);
	run_step_arg(a, "--db");
	run_step_arg(a, r->db);
	run_step_arg(a, cmd);
}

/* Reads bytes [from, end) of the log (NUL-terminated; caller frees). */
static char *log_since(int fd, off_t from)
{
	off_t end = lseek(fd, 0, SEEK_END);
	size_t n = end > from ? (size_t)(end - from) : 0;
	char *s = malloc(n + 1);
	ssize_t got = 0;
	if (!s)
		return NULL;
	if (n)
		got = pread(fd, s, n, from);
	s[got > 0 ? got : 0] = '\0';
	return s;
}

/* Adds a finished step to the totals and the --timings file. */
void run_step_record(struct run_steps *r, const struct run_step *s)
{
	r->wall += s->wall;
	r->cpu += s->cpu;
	if (s->rss_kb > r->rss_kb)
		r->rss_kb = s->rss_kb;
	if (r->timings)
		fprintf(r->timings, "%s\t%.3f\t%.3f\t%ld\t%d\n", s->name,
			s->wall, s->cpu, s->rss_kb, s->code);
}

/* CPU seconds of this process so far, and its peak memory (KB). */
double run_step_cpu(long *rss_kb)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	*rss_kb = ru.ru_maxrss;
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	       (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

/* The step's results (small: it writes them before it ends); caller
 * frees. */
static char *read_results(int fd)
{
	struct sbuf b = {0};
	char buf[512];
	ssize_t n;
	while ((n = read(fd, buf, sizeof(buf))) > 0 ||
	       (n < 0 && errno == EINTR))
		if (n > 0)
			sbuf_add(&b, buf, (size_t)n);
	return sbuf_take(&b);
}

/* Waits for the step's process pid, showing the time so far when stdout
 * is a terminal; sets s->code, s->cpu and s->rss_kb. */
static void step_wait(struct run_steps *r, struct run_step *s, pid_t pid,
		      double t0)
{
	double shown = 0;
	struct rusage ru;
	int status = 0;
	pid_t w;

	while ((w = wait4(pid, &status, r->tty ? WNOHANG : 0, &ru)) == 0 ||
	       (w < 0 && errno == EINTR)) {
		double t = run_step_now() - t0;
		struct timespec tick = {0, 10 * 1000 * 1000};
		if (t >= 0.5 && t - shown >= 0.1) {
			printf("\r  %-9s %6.1f s ...", s->name, t);
			fflush(stdout);
			shown = t;
		}
		nanosleep(&tick, NULL);
	}
	if (shown > 0)
		printf("\r\033[K");
	if (w != pid)
		return;
	s->code = WIFEXITED(status) ? WEXITSTATUS(status) : 4;
	s->cpu = (double)ru.ru_utime.tv_sec +
		 (double)ru.ru_utime.tv_usec / 1e6 +
		 (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	s->rss_kb = ru.ru_maxrss;
	if (WIFSIGNALED(status))
		dprintf(r->log, "kansa run: killed by signal %d\n",
			WTERMSIG(status));
}

/* Starts kansa with argv, its output to out (or the log), its errors to
 * the log, its results (run_result.h) to the descriptor res. */
static pid_t step_start(struct run_steps *r, char **argv, int out, int res)
{
	char fd[16];
	pid_t pid;

	snprintf(fd, sizeof(fd), "%d", res);
	setenv(RUN_RESULT_ENV, fd, 1);
	fflush(stdout);
	if ((pid = fork()) == 0) {
		dup2(out >= 0 ? out : r->log, STDOUT_FILENO);
		dup2(r->log, STDERR_FILENO);
		fcntl(res, F_SETFD, 0); /* the one descriptor it inherits */
		execv(r->exe, argv);
		dprintf(STDERR_FILENO, _("kansa run: cannot run %s: %s\n"),
			r->exe, strerror(errno));
		_exit(4);
	}
	unsetenv(RUN_RESULT_ENV);
	if (pid < 0)
		diags_add(r->d, DIAG_ERROR, r->exe, 0, "cannot start: %s",
			  strerror(errno));
	return pid;
}

/*
 * Runs kansa with the arguments of a in a child process, its standard
 * output to the file to (through a temporary file, renamed when the step
 * succeeds) or to the log, its errors to the log, the results it reports
 * into s->results.  Shows the time taken while it runs when stdout is a
 * terminal.
 */
void run_step_exec(struct run_steps *r, struct run_step *s,
		   const struct run_step_args *a, const char *to)
{
	char **argv = calloc(a->n + a->nextra + 1, sizeof(*argv));
	char *tmp = NULL;
	int out = -1, res[2] = {-1, -1};
	double t0 = run_step_now();
	off_t start;
	pid_t pid;

	s->code = 4;
	s->out = s->results = NULL;
	if (!argv || pipe2(res, O_CLOEXEC) != 0) {
		free(argv);
		return;
	}
	memcpy(argv, a->v, a->n * sizeof(*argv));
	if (a->nextra)
		memcpy(argv + a->n, a->extra, a->nextra * sizeof(*argv));
	dprintf(r->log, "\n== kansa");
	for (size_t i = 1; argv[i]; i++)
		dprintf(r->log, " %s", argv[i]);
	dprintf(r->log, "%s%s\n", to ? " > " : "", to ? to : "");
	start = lseek(r->log, 0, SEEK_END);
	if (!to || ((tmp = fileio_temp_create(to, r->d)) &&
		    (out = fileio_create(tmp, false)) >= 0)) {
		pid = step_start(r, argv, out, res[1]);
		close(res[1]);
		if (pid > 0)
			step_wait(r, s, pid, t0);
		s->results = read_results(res[0]);
	} else {
		close(res[1]);
	}
	close(res[0]);
	free(argv);
	s->wall = run_step_now() - t0;
	if (out >= 0)
		close(out);
	if (tmp &&
	    fileio_temp_commit(tmp, to, s->code == 0 || s->code == 1, r->d) &&
	    s->code == 0)
		s->code = 4;
	s->out = log_since(r->log, start);
	run_step_record(r, s);
}

/* Prints the step's line: name, time and what it did. */
void run_step_line(const struct run_step *s, const char *fmt, ...)
{
	va_list ap;
	printf("  %-9s %6.2f s  ", s->name, s->wall);
	va_start(ap, fmt);
	vprintf(_(fmt), ap); /* tools/pot.sh extracts run_step_line's formats */
	va_end(ap);
	putchar('\n');
	fflush(stdout);
}

/* A diagnostic as kansa prints it (cli_print_diags), one line. */
void run_step_diag_line(struct sbuf *b, const struct diag *g)
{
	static const char *const label[] = {"", N_("warning: "),
					    N_("notice: ")};
	if (g->file && g->line > 0)
		sbuf_printf(b, "%s:%ld: ", g->file, g->line);
	else
		sbuf_printf(b, "%s: ", g->file ? g->file : "kansa");
	sbuf_printf(b, "%s%s\n", *label[g->level] ? _(label[g->level]) : "",
		    g->msg);
}

/* The step's diagnostics into the log and s->out (the step's messages
 * when it fails). */
void run_step_diags(struct run_steps *r, struct run_step *s,
		    const struct diags *d)
{
	struct sbuf b = {0};

	for (size_t i = 0; i < d->n; i++)
		run_step_diag_line(&b, &d->v[i]);
	if (b.len)
		dprintf(r->log, "%s", b.s);
	s->out = b.oom ? NULL : sbuf_take(&b);
	sbuf_release(&b);
}
